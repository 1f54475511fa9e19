/* test-vault-journal.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-journal"

#include "config.h"

#include "vault-test-util.h"

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
  add_test ("/wtw/vault/journal/list-paged", test_list_paged);
  add_test ("/wtw/vault/journal/search", test_search);
  add_test ("/wtw/vault/journal/search-awkward", test_search_awkward);
  g_test_add_func ("/wtw/vault/journal/query-builder", test_query_builder);

  return g_test_run ();
}
