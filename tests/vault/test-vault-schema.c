/* test-vault-schema.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-schema"

#include "config.h"

#include <sqlite3.h>

#include "vault-test-util.h"
#include "wtw-vault-homework.h"
#include "wtw-vault-schema.h"
#include "wtw-vault-sql.h"
#include "wtw-vault-tags.h"

/* The fixture's secrets, as documented in tests/data/README.md (the recovery key
 * typed in lower case with spaces, as a person might). */
#define FIXTURE_ALEX "correct horse battery staple"
#define FIXTURE_SAM "tiled roof, sunny morning"
#define FIXTURE_ALEX_RECOVERY "3tfq jatk gvhc ichd npk6 ygc5 7rgv ypf3 upz4 uer2 4s24 oza6 vpzh"

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = wtw_sql_query_int (db, sql, &error);

  g_assert_no_error (error);
  return value;
}

/* Each migration from the version before it, on a plain in-memory database:
 * the schema logic does not depend on the encryption. */
static void
test_stepwise (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
  for (guint v = 1; v <= wtw_vault_schema_n_migrations (); v++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (wtw_vault_schema_migrate_to (db, v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, v);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_integrity_check "
                                      "WHERE integrity_check != 'ok'"), ==, 0);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
    }
  g_assert_cmpint (wtw_vault_schema_n_migrations (), ==, WTW_VAULT_SCHEMA_VERSION);
  sqlite3_close (db);
}

static void
test_v1_tables (void)
{
  const char *tables[] = {
    "members", "journal_entries", "journal_fts", "tags", "entry_tags", "reflections",
    "exercise_sessions", "chapter_progress", "quiz_results", "homework", "settings",
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (wtw_vault_schema_migrate_to (db, 1, &error));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                              "WHERE name = '%s'", tables[i]);

      g_assert_cmpint (query_int (db, sql), ==, 1);
    }
  /* A private row cannot also keep text in clear. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO members (name, created) VALUES ('A', 0);"
                                     "INSERT INTO journal_entries (member_id, created, updated,"
                                     " title, private_blob) VALUES (1, 0, 0, 't', x'00');",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static gboolean
has_column (sqlite3    *db,
            const char *table,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') "
                                          "WHERE name = '%s'", table, column);

  return query_int (db, sql) == 1;
}

/* Migration 2 adds columns to tables that already hold rows: the rows stay,
 * the new columns read NULL (or their default), and the new CHECK holds. */
static void
test_v2_columns (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (wtw_vault_schema_migrate_to (db, 1, &error));
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO members (name, created) VALUES ('A', 0);"
                                     "INSERT INTO journal_entries (member_id, created, updated,"
                                     " title, body) VALUES (1, 5, 5, 't', 'b');"
                                     "INSERT INTO homework (chapter_id, due, note)"
                                     " VALUES ('ch', 10, 'n');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (has_column (db, "journal_entries", "chapter_id"));
  g_assert_true (wtw_vault_schema_migrate_to (db, 2, &error));
  g_assert_no_error (error);
  g_assert_true (has_column (db, "journal_entries", "chapter_id"));
  g_assert_true (has_column (db, "journal_entries", "prompt_id"));
  for (guint i = 0; i < 5; i++)
    g_assert_true (has_column (db, "homework",
                               (const char *[]) { "part", "member_id", "created",
                                                  "done_at", "reminded_on" }[i]));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entries "
                                  "WHERE title = 't' AND chapter_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM homework WHERE note = 'n' "
                                  "AND created = 0 AND part IS NULL AND done = 0"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE homework SET part = 5", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
copy_fixture (VaultFixture *fx,
              const char   *name)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GBytes) bytes = read_file_bytes (src);

  write_file_bytes (fx->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_fixture_entries (WtwVault *vault,
                        gboolean  as_alex)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = wtw_vault_journal_list (vault, 0, 0, &error);
  WtwJournalEntry *e;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  e = g_ptr_array_index (all, 0);
  g_assert_true (e->is_private);
  g_assert_cmpint (e->created, ==, 1767484800);
  g_assert_true (e->sealed == as_alex);
  e = g_ptr_array_index (all, 1);
  g_assert_true (e->sealed != as_alex);
  g_assert_cmpstr (e->title, ==, as_alex ? "Just for me" : NULL);
  e = g_ptr_array_index (all, 2);
  g_assert_cmpstr (e->title, ==, "Café talk");
  g_assert_cmpstr (e->mood, ==, "warm");
  e = g_ptr_array_index (all, 3);
  g_assert_cmpstr (e->title, ==, "First evening");
  g_assert_cmpint (e->created, ==, 1767225600);
}

static guint
search_hits (WtwVault   *vault,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = wtw_vault_journal_search (vault, text, 0, &error);

  g_assert_no_error (error);
  return hits != NULL ? hits->len : 0;
}

static void
test_fixture_v1 (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) mine = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *version = NULL;

  copy_fixture (fx, "vault-v1.wtw");
  unlock_ok (fx->vault, FIXTURE_ALEX, WTW_SECRET_PASSPHRASE);
  version = _wtw_vault_query_string (fx->vault, "PRAGMA user_version", &error);
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, WTW_VAULT_SCHEMA_VERSION);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Alex");
  members = wtw_vault_list_members (fx->vault, &error);
  g_assert_cmpuint (members->len, ==, 2);
  assert_fixture_entries (fx->vault, TRUE);
  mine = wtw_vault_journal_get (fx->vault, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mine->body, ==, "Alex's private words.");
  g_assert_cmpuint (search_hits (fx->vault, "naive"), ==, 1);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_no_error (error);

  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, FIXTURE_SAM, WTW_SECRET_PASSPHRASE);
  assert_fixture_entries (fx->vault, FALSE);
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, FIXTURE_ALEX_RECOVERY, WTW_SECRET_RECOVERY_KEY);
  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, "wrong", WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
}

static void
assert_tags (WtwVault   *vault,
             gint64      id,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = wtw_vault_journal_get_tags (vault, id, &error);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  joined = g_strjoinv (",", tags);
  g_assert_cmpstr (joined, ==, expected);
}

/* The schema 2 fixture: what version 2 added (prompt links, private tags,
 * homework) reads back for the member who wrote it and stays sealed for the
 * other. */
static void
test_fixture_v2 (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) linked = NULL;
  g_autoptr(WtwJournalEntry) secret = NULL;
  g_autoptr(GPtrArray) homework = NULL;
  g_autoptr(GPtrArray) all = NULL;
  WtwHomework *item;

  copy_fixture (fx, "vault-v2.wtw");
  unlock_ok (fx->vault, FIXTURE_ALEX, WTW_SECRET_PASSPHRASE);
  all = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);

  linked = wtw_vault_journal_get (fx->vault, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linked->title, ==, "A feeling, named");
  g_assert_cmpstr (linked->chapter_id, ==, "feelings-not-thoughts");
  g_assert_cmpstr (linked->prompt_id, ==, "i-feel-like-sentences");
  assert_tags (fx->vault, 5, "chapter 1,homework");

  secret = wtw_vault_journal_get (fx->vault, 6, &error);
  g_assert_no_error (error);
  g_assert_true (secret->is_private);
  g_assert_cmpstr (secret->body, ==, "Alex's private answer.");
  g_assert_cmpstr (secret->prompt_id, ==, "family-named-feelings");
  assert_tags (fx->vault, 6, "only mine");
  g_assert_cmpuint (search_hits (fx->vault, "feeling"), ==, 1);

  homework = wtw_vault_homework_list (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (homework->len, ==, 1);
  item = g_ptr_array_index (homework, 0);
  g_assert_cmpstr (item->chapter_id, ==, "feelings-not-thoughts");
  g_assert_cmpuint (item->part, ==, 4);
  g_assert_cmpstr (item->note, ==, "Try the exercise twice this week.");
  g_assert_cmpint (g_date_get_year (&item->due), ==, 2026);
  g_assert_cmpint (g_date_get_day (&item->due), ==, 15);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_no_error (error);

  /* Sam sees that Alex's entry 6 exists, and nothing of what is in it. */
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, FIXTURE_SAM, WTW_SECRET_PASSPHRASE);
  g_clear_pointer (&secret, wtw_journal_entry_free);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      WtwJournalEntry *e = g_ptr_array_index (all, i);

      if (e->id != 6)
        continue;
      g_assert_true (e->sealed);
      g_assert_null (e->title);
      g_assert_null (e->chapter_id);
      g_assert_null (e->prompt_id);
    }
  g_clear_pointer (&homework, g_ptr_array_unref);
  homework = wtw_vault_homework_list (fx->vault, &error);
  g_assert_cmpuint (homework->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault/schema/stepwise", test_stepwise);
  g_test_add_func ("/wtw/vault/schema/v1-tables", test_v1_tables);
  g_test_add_func ("/wtw/vault/schema/v2-columns", test_v2_columns);
  g_test_add ("/wtw/vault/schema/fixture-v1", VaultFixture, NULL, vault_fixture_set_up,
              test_fixture_v1, vault_fixture_tear_down);
  g_test_add ("/wtw/vault/schema/fixture-v2", VaultFixture, NULL, vault_fixture_set_up,
              test_fixture_v2, vault_fixture_tear_down);

  return g_test_run ();
}
