/* test-vault-journal.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-journal"

#include "config.h"

#include "vault-test-util.h"
#include "wtw-crypt-keys.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-tags.h"

static gint64
add_dated (WtwVault   *vault,
           const char *title,
           const char *body,
           gint64      created)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup ("calm");
  entry->created = created;
  wtw_vault_journal_insert (vault, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->created, ==, created);
  return entry->id;
}

static void
test_crud (VaultFixture  *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(WtwJournalEntry) again = NULL;
  gint64 id;

  vault_fixture_create (fx);
  id = add_dated (fx->vault, "Monday", "We talked about chores.", 1700000000);
  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->mood, ==, "calm");
  g_assert_cmpint (entry->created, ==, 1700000000);
  g_assert_cmpint (entry->updated, >=, entry->created);

  g_free (entry->body);
  entry->body = g_strdup ("We talked about chores, and it went well.");
  g_assert_true (wtw_vault_journal_update (fx->vault, entry, &error));
  g_assert_no_error (error);
  again = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_cmpstr (again->body, ==, "We talked about chores, and it went well.");
  g_assert_cmpint (again->created, ==, 1700000000);

  g_assert_true (wtw_vault_journal_delete (fx->vault, id, &error));
  g_assert_no_error (error);
  g_assert_null (wtw_vault_journal_get (fx->vault, id, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wtw_vault_journal_delete (fx->vault, id, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_private_round_trip (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autofree char *clear = NULL;
  gint64 id;

  vault_fixture_create (fx);
  id = add_entry (fx->vault, "Hidden", "zebracorn-feelings", TRUE);
  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_true (entry->is_private);
  g_assert_false (entry->sealed);
  g_assert_cmpstr (entry->title, ==, "Hidden");
  g_assert_cmpstr (entry->body, ==, "zebracorn-feelings");

  /* Inside the database the text exists only sealed: not in the row, not in FTS. */
  clear = _wtw_vault_query_string (fx->vault, "SELECT count(*) FROM journal_entries "
                                   "WHERE title IS NOT NULL OR body IS NOT NULL", &error);
  g_assert_cmpstr (clear, ==, "0");
  g_free (clear);
  clear = _wtw_vault_query_string (fx->vault, "SELECT count(*) FROM journal_fts "
                                   "WHERE journal_fts MATCH 'zebracorn'", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clear, ==, "0");

  /* Making it shared puts it back in clear and in the index. */
  entry->is_private = FALSE;
  g_assert_true (wtw_vault_journal_update (fx->vault, entry, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = wtw_vault_journal_search (fx->vault, "zebracorn", 0, &error);

    g_assert_cmpuint (hits->len, ==, 1);
  }
}

static gint64
add_linked (WtwVault   *vault,
            const char *body,
            gboolean    is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->body = g_strdup (body);
  entry->chapter_id = g_strdup ("03-always-never");
  entry->prompt_id = g_strdup ("when-heard");
  entry->is_private = is_private;
  g_assert_true (wtw_vault_journal_insert (vault, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

/* The chapter and prompt an entry answers: in clear for a shared entry, only
 * inside the sealed blob for a private one. */
static void
test_prompt_link (VaultFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) shared = NULL;
  g_autoptr(WtwJournalEntry) mine = NULL;
  g_autoptr(WtwJournalEntry) copy = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *clear = NULL;
  char *recovery = NULL;
  gint64 a, b;

  vault_fixture_create (fx);
  a = add_linked (fx->vault, "Shared answer", FALSE);
  b = add_linked (fx->vault, "Private answer", TRUE);

  shared = wtw_vault_journal_get (fx->vault, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shared->chapter_id, ==, "03-always-never");
  g_assert_cmpstr (shared->prompt_id, ==, "when-heard");
  mine = wtw_vault_journal_get (fx->vault, b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mine->chapter_id, ==, "03-always-never");
  g_assert_cmpstr (mine->prompt_id, ==, "when-heard");
  copy = wtw_journal_entry_copy (mine);
  g_assert_cmpstr (copy->prompt_id, ==, "when-heard");
  g_assert_true (copy->prompt_id != mine->prompt_id);

  clear = _wtw_vault_query_string (fx->vault, "SELECT count(*) FROM journal_entries"
                                   " WHERE chapter_id IS NOT NULL OR prompt_id IS NOT NULL",
                                   &error);
  g_assert_cmpstr (clear, ==, "1");

  /* Listings carry it too. */
  listed = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpstr (((WtwJournalEntry *) listed->pdata[i])->prompt_id, ==, "when-heard");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A link needs both halves; an update can drop it. */
  g_clear_pointer (&mine->prompt_id, g_free);
  g_assert_true (wtw_vault_journal_update (fx->vault, mine, &error));
  g_clear_pointer (&mine, wtw_journal_entry_free);
  mine = wtw_vault_journal_get (fx->vault, b, &error);
  g_assert_null (mine->chapter_id);
  g_assert_null (mine->prompt_id);

  /* The other member learns nothing of the private entry's prompt. */
  g_clear_pointer (&mine->body, g_free);
  mine->chapter_id = g_strdup ("03-always-never");
  mine->prompt_id = g_strdup ("when-heard");
  mine->body = g_strdup ("Private answer");
  g_assert_true (wtw_vault_journal_update (fx->vault, mine, &error));
  wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  listed = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  for (guint i = 0; i < listed->len; i++)
    {
      WtwJournalEntry *e = listed->pdata[i];

      g_assert_cmpint (e->id == b, ==, e->sealed);
      if (e->sealed)
        g_assert_null (e->chapter_id);
    }
}

static char *
to_hex (GBytes *bytes)
{
  GString *hex = g_string_new (NULL);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  for (gsize i = 0; i < g_bytes_get_size (bytes); i++)
    g_string_append_printf (hex, "%02x", data[i]);
  return g_string_free (hex, FALSE);
}

/* A private entry sealed before entries had links and sealed tags
 * ("(msmsms)" under "journal\0") still opens, and takes the new form when
 * written again. */
static void
test_private_first_form (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GVariant) plain = NULL;
  g_autoptr(GBytes) blob = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) tags = NULL;
  const char *expected[] = { "kept", NULL };
  gint64 id, id_le, member_le;
  guint8 ad[24];

  vault_fixture_create (fx);
  id = add_entry (fx->vault, "New", "new words", TRUE);
  id_le = GINT64_TO_LE (id);
  member_le = GINT64_TO_LE (wtw_vault_get_member_id (fx->vault));
  memcpy (ad, "journal\0", 8);
  memcpy (ad + 8, &id_le, 8);
  memcpy (ad + 16, &member_le, 8);
  plain = g_variant_ref_sink (g_variant_new ("(msmsms)", "Old", "calm", "old words"));
  blob = wtw_crypt_private_seal (_wtw_vault_get_personal_key (fx->vault), ad, sizeof ad,
                                 g_variant_get_data (plain), g_variant_get_size (plain));
  hex = to_hex (blob);
  sql = g_strdup_printf ("UPDATE journal_entries SET private_blob = X'%s' WHERE id = %"
                         G_GINT64_FORMAT, hex, id);
  g_assert_true (_wtw_vault_exec (fx->vault, sql, &error));
  g_assert_no_error (error);

  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "Old");
  g_assert_cmpstr (entry->mood, ==, "calm");
  g_assert_cmpstr (entry->body, ==, "old words");
  g_assert_null (entry->chapter_id);
  tags = wtw_vault_journal_get_tags (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);
  g_clear_pointer (&tags, g_strfreev);

  /* Tagging it seals it again in the new form, text kept. */
  g_assert_true (wtw_vault_journal_set_tags (fx->vault, id, expected, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, wtw_journal_entry_free);
  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->body, ==, "old words");
  tags = wtw_vault_journal_get_tags (fx->vault, id, &error);
  g_assert_cmpstrv (tags, expected);
}

static void
test_list_paged (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GPtrArray) all = NULL;

  vault_fixture_create (fx);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *title = g_strdup_printf ("Day %u", i);

      add_dated (fx->vault, title, "a body that listings never load", 1700000000 + i * 86400);
    }
  /* Two on the same second: the later insert is newer. */
  add_dated (fx->vault, "Day 24 again", "same time", 1700000000 + 24 * 86400);
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 26);

  first = wtw_vault_journal_list (fx->vault, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 10);
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (first, 0))->title, ==, "Day 24 again");
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (first, 1))->title, ==, "Day 24");
  for (guint i = 0; i < first->len; i++)
    g_assert_null (((WtwJournalEntry *) g_ptr_array_index (first, i))->body);

  last = wtw_vault_journal_list (fx->vault, 20, 10, &error);
  g_assert_cmpuint (last->len, ==, 6);
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (last, 5))->title, ==, "Day 0");
  all = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  g_assert_cmpuint (all->len, ==, 26);
}

static guint
search_count (WtwVault   *vault,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = wtw_vault_journal_search (vault, text, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits != NULL ? hits->len : 0;
}

static void
test_search (VaultFixture  *fx,
             gconstpointer  data)
{
  vault_fixture_create (fx);
  add_entry (fx->vault, "Kitchen talk", "We said \"sorry\" AND meant it.", FALSE);
  add_entry (fx->vault, "Café evening", "Naïve hopes, ☕ and a long walk.", FALSE);
  add_entry (fx->vault, "Private", "kitchen secrets", TRUE);

  g_assert_cmpuint (search_count (fx->vault, "kitchen"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "KITCH"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "secrets"), ==, 0);
  g_assert_cmpuint (search_count (fx->vault, "cafe"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "naive hopes"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "sorry meant"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "sorry walk"), ==, 0);
}

static void
test_search_awkward (VaultFixture  *fx,
                     gconstpointer  data)
{
  const char *queries[] = {
    "", "   ", "\"", "\"\"", "*", "**", "sorry*", "AND", "OR", "NOT", "sorry AND",
    "AND sorry", "NEAR(sorry meant)", "title:kitchen", "-sorry", "^sorry", "{title}: x",
    "(", ")", "'", "sorry\" OR \"x", "☕", "日本語", "\t\n", "a\xff" "b", "+", ":",
  };

  vault_fixture_create (fx);
  add_entry (fx->vault, "Kitchen talk", "We said \"sorry\" AND meant it.", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    search_count (fx->vault, queries[i]);

  /* Operators are words, not syntax. */
  g_assert_cmpuint (search_count (fx->vault, "AND"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "sorry\" OR \"x"), ==, 0);
  g_assert_cmpuint (search_count (fx->vault, "\"sorry\""), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "*"), ==, 0);
}

/* The last word is looked up among the index's terms: the same entries as
 * a prefix query, whatever the case, and past the limit of terms too. */
static void
test_search_prefix_terms (VaultFixture  *fx,
                          gconstpointer  data)
{
  g_autoptr(GString) many = g_string_new (NULL);

  vault_fixture_create (fx);
  add_entry (fx->vault, "One", "Coffee at nine.", FALSE);
  add_entry (fx->vault, "Two", "Two coffees, then a cough.", FALSE);
  add_entry (fx->vault, "Three", "A coffin joke that did not land.", FALSE);
  add_entry (fx->vault, "Four", "Café au lait.", FALSE);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (many, "zz%02u ", i);
  add_entry (fx->vault, "Many", many->str, FALSE);

  g_assert_cmpuint (search_count (fx->vault, "coff"), ==, 3);
  g_assert_cmpuint (search_count (fx->vault, "COFF"), ==, 3);
  g_assert_cmpuint (search_count (fx->vault, "coffee"), ==, 2);
  g_assert_cmpuint (search_count (fx->vault, "coffees"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "two cou"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "nine cou"), ==, 0);
  g_assert_cmpuint (search_count (fx->vault, "coffeex"), ==, 0);
  g_assert_cmpuint (search_count (fx->vault, "caf"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "café"), ==, 1);
  /* 40 terms begin with "zz": more than are looked up, still found. */
  g_assert_cmpuint (search_count (fx->vault, "zz"), ==, 1);
  g_assert_cmpuint (search_count (fx->vault, "zz3"), ==, 1);
}

static void
test_query_builder (void)
{
  g_autofree char *a = _wtw_vault_build_fts_query ("say \"hi\"  now");
  g_autofree char *b = _wtw_vault_build_fts_query ("* - ()");

  g_assert_cmpstr (a, ==, "\"say\" \"\"\"hi\"\"\" \"now\" *");
  g_assert_null (b);
}

static void
add_test (const char *path,
          void      (*func) (VaultFixture *, gconstpointer))
{
  g_test_add (path, VaultFixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  add_test ("/wtw/vault/journal/crud", test_crud);
  add_test ("/wtw/vault/journal/private", test_private_round_trip);
  add_test ("/wtw/vault/journal/prompt-link", test_prompt_link);
  add_test ("/wtw/vault/journal/private-first-form", test_private_first_form);
  add_test ("/wtw/vault/journal/list-paged", test_list_paged);
  add_test ("/wtw/vault/journal/search", test_search);
  add_test ("/wtw/vault/journal/search-awkward", test_search_awkward);
  add_test ("/wtw/vault/journal/search-prefix-terms", test_search_prefix_terms);
  g_test_add_func ("/wtw/vault/journal/query-builder", test_query_builder);

  return g_test_run ();
}
