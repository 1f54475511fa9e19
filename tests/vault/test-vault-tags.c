/* test-vault-tags.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tags and the filtered journal list: what each member sees, private tags
 * sealed with their entry, and that filters combine.
 */

#include "config.h"

#include <string.h>

#include "vault-test-util.h"
#include "wtw-vault-tags.h"

static void
set_tags_ok (WtwVault   *vault,
             gint64      id,
             const char *first,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *tag = first; tag != NULL; tag = va_arg (args, const char *))
    g_strv_builder_add (builder, tag);
  va_end (args);
  tags = g_strv_builder_end (builder);
  g_assert_true (wtw_vault_journal_set_tags (vault, id, (const char * const *) tags, &error));
  g_assert_no_error (error);
}

static void
test_tags_round_trip (VaultFixture  *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) all = NULL;
  gint64 a, b;

  vault_fixture_create (fx);
  a = add_entry (fx->vault, "A", "First", FALSE);
  b = add_entry (fx->vault, "B", "Second", FALSE);

  set_tags_ok (fx->vault, a, "walks", " Homework ", "", NULL);
  set_tags_ok (fx->vault, b, "Walks", NULL);
  tags = wtw_vault_journal_get_tags (fx->vault, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Homework");
  g_assert_cmpstr (tags[1], ==, "walks");

  /* Names compare without case: one "walks" tag for both entries. */
  all = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_clear_pointer (&all, g_strfreev);

  /* A tag nobody uses is forgotten; deleting an entry drops its tags. */
  set_tags_ok (fx->vault, a, NULL);
  g_assert_true (wtw_vault_journal_delete (fx->vault, b, &error));
  all = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 1);

  g_assert_false (wtw_vault_journal_set_tags (fx->vault, 9999, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_private_entries (VaultFixture  *fx,
                      gconstpointer  data)
{
  const char *tags[] = { "secret", NULL };
  const WtwJournalFilter by_tag = { .tag = "SECRET" };
  const WtwJournalFilter by_other_tag = { .tag = "walks" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *clear_tags = NULL;
  g_auto(GStrv) got = NULL;
  g_auto(GStrv) all = NULL;
  char *recovery = NULL;
  WtwJournalRow *row;
  gint64 id;

  vault_fixture_create (fx);
  id = add_entry (fx->vault, "Mine", "Private words\nsecond line", TRUE);

  /* Tags of a private entry are sealed with it, never in the tags table. */
  set_tags_ok (fx->vault, id, "secret", " Secret ", "", NULL);
  clear_tags = _wtw_vault_query_string (fx->vault, "SELECT count(*) FROM tags", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clear_tags, ==, "0");
  got = wtw_vault_journal_get_tags (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (got, tags);
  all = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_cmpstrv (all, tags);
  g_clear_pointer (&all, g_strfreev);
  /* The names remembered for autocompletion follow a change of tags. */
  set_tags_ok (fx->vault, id, "secret", "Walks", NULL);
  all = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_clear_pointer (&all, g_strfreev);
  set_tags_ok (fx->vault, id, "secret", NULL);
  all = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_cmpstrv (all, tags);
  g_clear_pointer (&all, g_strfreev);

  /* Its writer sees the title, first line and tags, and can filter by them. */
  rows = wtw_vault_journal_query (fx->vault, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpstr (row->entry->title, ==, "Mine");
  g_assert_cmpstr (row->first_line, ==, "Private words");
  g_assert_cmpstrv (row->tags, tags);
  g_assert_null (row->entry->body);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &by_tag, &error), ==, 1);
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &by_other_tag, &error), ==, 0);

  /* The other member sees that it exists, nothing more. */
  wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  rows = wtw_vault_journal_query (fx->vault, NULL, 0, 0, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_true (row->entry->sealed);
  g_assert_null (row->entry->title);
  g_assert_null (row->first_line);
  g_assert_null (row->snippet);
  g_assert_cmpuint (g_strv_length (row->tags), ==, 0);
  g_assert_null (wtw_vault_journal_get_tags (fx->vault, id, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &by_tag, &error), ==, 0);
  all = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 0);

  wtw_vault_lock (fx->vault);
  file = read_file_bytes (fx->path);
  g_assert_false (bytes_contain (file, "Private words"));
}

/* Tags follow an entry into its sealed blob and out of it again. */
static void
test_private_tags_move (VaultFixture  *fx,
                        gconstpointer  data)
{
  const char *expected[] = { "Homework", "walks", NULL };
  const WtwJournalFilter by_mood = { .mood = "calm" };
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clear = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 id, shared;

  vault_fixture_create (fx);
  id = add_entry (fx->vault, "Walk", "By the river", FALSE);
  shared = add_entry (fx->vault, "Other", "Also here", FALSE);
  set_tags_ok (fx->vault, id, "walks", "Homework", NULL);
  set_tags_ok (fx->vault, shared, "walks", NULL);

  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  entry->is_private = TRUE;
  entry->mood = g_strdup ("calm");
  g_assert_true (wtw_vault_journal_update (fx->vault, entry, &error));
  g_assert_no_error (error);
  /* Only the shared entry's tag is left in clear. */
  clear = _wtw_vault_query_string (fx->vault, "SELECT group_concat(name) FROM tags", &error);
  g_assert_cmpstr (clear, ==, "walks");
  g_clear_pointer (&clear, g_free);
  tags = wtw_vault_journal_get_tags (fx->vault, id, &error);
  g_assert_cmpstrv (tags, expected);
  g_clear_pointer (&tags, g_strfreev);
  /* The mood filter reaches the writer's sealed mood. */
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &by_mood, &error), ==, 1);

  entry->is_private = FALSE;
  g_assert_true (wtw_vault_journal_update (fx->vault, entry, &error));
  g_assert_no_error (error);
  tags = wtw_vault_journal_get_tags (fx->vault, id, &error);
  g_assert_cmpstrv (tags, expected);
  clear = _wtw_vault_query_string (fx->vault, "SELECT count(*) FROM tags", &error);
  g_assert_cmpstr (clear, ==, "2");
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &by_mood, &error), ==, 1);
}

static gint64
add_at (WtwVault   *vault,
        const char *title,
        const char *body,
        const char *mood,
        gint64      created)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup (mood);
  entry->created = created;
  wtw_vault_journal_insert (vault, entry, &error);
  g_assert_no_error (error);
  return entry->id;
}

static void
test_query_filters (VaultFixture  *fx,
                    gconstpointer  data)
{
  WtwJournalFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 a, b, c;

  vault_fixture_create (fx);
  a = add_at (fx->vault, NULL, "\n\n  The boat left early.\nThen rain.", "calm", 1000);
  b = add_at (fx->vault, "Boats", "Another boat story.", "sad", 2000);
  c = add_at (fx->vault, "Dinner", "Nothing about water.", "calm", 3000);
  set_tags_ok (fx->vault, a, "sea", NULL);
  set_tags_ok (fx->vault, b, "sea", "family", NULL);

  /* No filter: newest first, the first line with text. */
  rows = wtw_vault_journal_query (fx->vault, &filter, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((WtwJournalRow *) rows->pdata[0])->entry->id, ==, c);
  g_assert_cmpstr (((WtwJournalRow *) rows->pdata[2])->first_line, ==, "The boat left early.");
  g_assert_cmpstr (((WtwJournalRow *) rows->pdata[1])->tags[0], ==, "family");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Text: newest written first, and the count can be bounded. */
  filter.text = "boat";
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &filter, NULL), ==, 2);
  rows = wtw_vault_journal_query (fx->vault, &filter, 0, 0, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((WtwJournalRow *) rows->pdata[0])->entry->id, ==, b);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.max_results = 1;
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &filter, NULL), ==, 1);
  filter.max_results = 0;
  filter.mood = "calm";
  rows = wtw_vault_journal_query (fx->vault, &filter, 0, 0, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((WtwJournalRow *) rows->pdata[0])->entry->id, ==, a);
  g_assert_nonnull (strstr (((WtwJournalRow *) rows->pdata[0])->snippet,
                            WTW_JOURNAL_MATCH_START "boat" WTW_JOURNAL_MATCH_END));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Text with nothing to look for matches nothing, without an error. */
  filter = (WtwJournalFilter) { .text = " \"*^ " };
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &filter, &error), ==, 0);
  g_assert_no_error (error);

  filter = (WtwJournalFilter) { .tag = "SEA", .from = 1500 };
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &filter, NULL), ==, 1);
  filter = (WtwJournalFilter) { .to = 2000, .exclude = &a, .n_exclude = 1 };
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &filter, NULL), ==, 0);

  /* Positions in the newest-first list, for entries there or not. */
  g_assert_cmpint (wtw_vault_journal_query_position (fx->vault, NULL, 3000, c, NULL), ==, 0);
  g_assert_cmpint (wtw_vault_journal_query_position (fx->vault, NULL, 1000, a, NULL), ==, 2);
  g_assert_cmpint (wtw_vault_journal_query_position (fx->vault, NULL, 2500, 99, NULL), ==, 1);

  times = wtw_vault_journal_list_created (fx->vault, 1000, 3000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (times->len, ==, 2);
  g_assert_cmpint (g_array_index (times, gint64, 1), ==, 2000);
}

static guint
count_text (WtwVault   *vault,
            const char *text)
{
  const WtwJournalFilter filter = { .text = text };
  g_autoptr(GError) error = NULL;
  gint64 n = wtw_vault_journal_query_count (vault, &filter, &error);

  g_assert_no_error (error);
  return (guint) n;
}

/* The index never sees private text; its writer still finds it by a word,
 * merged with the index's matches newest first, and nobody else does. */
static void
test_private_text_search (VaultFixture  *fx,
                          gconstpointer  data)
{
  const WtwJournalFilter harbor = { .text = "harb" };
  const WtwJournalFilter harbor_calm = { .text = "harbor", .mood = "calm" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char *recovery = NULL;
  WtwJournalRow *row;
  gint64 shared_old, mine, shared_new, accents;

  vault_fixture_create (fx);
  shared_old = add_entry (fx->vault, "Walk", "We walked to the harbor.", FALSE);
  mine = add_entry (fx->vault, "Only mine",
                    "One two three four five six seven eight nine ten, then the Harbor at "
                    "night, alone with my thoughts and the water.", TRUE);
  shared_new = add_entry (fx->vault, "Harbor lights", "Seen from the garden.", FALSE);
  accents = add_entry (fx->vault, "Café", "Crème brûlée at the Café, privately.", TRUE);

  rows = wtw_vault_journal_query (fx->vault, &harbor, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  /* Newest first, across both halves. */
  g_assert_cmpint (((WtwJournalRow *) rows->pdata[0])->entry->id, ==, shared_new);
  g_assert_cmpint (((WtwJournalRow *) rows->pdata[1])->entry->id, ==, mine);
  g_assert_cmpint (((WtwJournalRow *) rows->pdata[2])->entry->id, ==, shared_old);
  row = rows->pdata[1];
  g_assert_true (row->entry->is_private);
  g_assert_cmpstr (row->entry->title, ==, "Only mine");
  g_assert_nonnull (row->snippet);
  g_assert_nonnull (strstr (row->snippet, WTW_JOURNAL_MATCH_START "Harbor" WTW_JOURNAL_MATCH_END));
  /* An excerpt around the match, not the whole body. */
  g_assert_true (g_str_has_prefix (row->snippet, "…"));
  g_assert_null (strstr (row->snippet, "One two"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Pages of one row each still come newest first. */
  for (guint i = 0; i < 3; i++)
    {
      gint64 expected[] = { shared_new, mine, shared_old };

      rows = wtw_vault_journal_query (fx->vault, &harbor, i, 1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpint (((WtwJournalRow *) rows->pdata[0])->entry->id, ==, expected[i]);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  g_assert_cmpuint (count_text (fx->vault, "harb"), ==, 3);
  /* Every word must be there; case and accents do not matter; the last word
   * is the start of a word, the others whole words. */
  g_assert_cmpuint (count_text (fx->vault, "harbor water"), ==, 1);
  g_assert_cmpuint (count_text (fx->vault, "harbor garden"), ==, 1);
  g_assert_cmpuint (count_text (fx->vault, "harbor nowhere"), ==, 0);
  g_assert_cmpuint (count_text (fx->vault, "creme BRULEE"), ==, 1);
  g_assert_cmpuint (count_text (fx->vault, "cafe"), ==, 1);
  g_assert_cmpuint (count_text (fx->vault, "harb night"), ==, 0);
  g_assert_cmpuint (count_text (fx->vault, "privately"), ==, 1);
  g_assert_cmpuint (count_text (fx->vault, "priv"), ==, 1);
  g_assert_cmpuint (count_text (fx->vault, "\"* AND NEAR("), ==, 0);
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &harbor_calm, &error), ==, 0);
  g_assert_no_error (error);
  {
    g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (fx->vault, mine, &error);

    g_assert_no_error (error);
    g_free (entry->mood);
    entry->mood = g_strdup ("calm");
    g_assert_true (wtw_vault_journal_update (fx->vault, entry, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (wtw_vault_journal_query_count (fx->vault, &harbor_calm, &error), ==, 1);

  /* The other member finds only what is shared. */
  wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (fx->vault, "harb"), ==, 2);
  g_assert_cmpuint (count_text (fx->vault, "water"), ==, 0);
  g_assert_cmpuint (count_text (fx->vault, "cafe"), ==, 0);
  rows = wtw_vault_journal_query (fx->vault, &harbor, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (((WtwJournalRow *) rows->pdata[i])->entry->is_private);
  (void) accents;
}

int
main (int   argc,
      char *argv[])
{
  g_assert_true (wtw_secure_init (NULL));
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/wtw/vault/tags/" path, VaultFixture, NULL, \
              vault_fixture_set_up, func, vault_fixture_tear_down)

  ADD ("round-trip", test_tags_round_trip);
  ADD ("private-entries", test_private_entries);
  ADD ("private-tags-move", test_private_tags_move);
  ADD ("query-filters", test_query_filters);
  ADD ("private-text-search", test_private_text_search);

#undef ADD

  return g_test_run ();
}
