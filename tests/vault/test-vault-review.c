/* test-vault-review.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-review"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>

#include "vault-test-util.h"
#include "wtw-vault-tags.h"

/* Findings of the security review of the vault (one test per finding). Each
 * test failed before its fix. */

static int
exec (sqlite3    *db,
      const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *rc = *rc == SQLITE_ROW ? SQLITE_OK : sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);
  return out;
}

/* Finding 1: a short read of a page that is partly in the file (the file cut
 * inside its last page, the rest of that page zeroed) was served as a page of
 * zeros, i.e. as data, instead of failing to authenticate. The last page here
 * is the last overflow page of a blob, so SQLite itself cannot notice. */
static void
test_partial_last_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wtw-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "raw.wtw", NULL);
  g_autoptr(WtwCryptKeys) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint8 master[WTW_KEY_BYTES], file_id[WTW_FILE_ID_BYTES];
  int reserve = WTW_PAGE_RESERVE;
  sqlite3 *db = NULL;
  WtwHeader header;
  g_autoptr(GBytes) raw = NULL;
  gsize len, cut;
  guint8 *data;
  int rc;

  randombytes_buf (master, sizeof master);
  randombytes_buf (file_id, sizeof file_id);
  keys = wtw_crypt_keys_new (master, file_id);
  wtw_header_init (&header);
  memcpy (header.file_id, file_id, WTW_FILE_ID_BYTES);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_true (wtw_header_write (path, &header, keys, &error));
  g_assert_no_error (error);

  g_assert_cmpint (wtw_crypt_vfs_open (path, keys, SQLITE_OPEN_READWRITE, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve), ==,
                   SQLITE_OK);
  g_assert_cmpint (exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(10000));"),
                   ==, SQLITE_OK);
  before = query_text (db, "SELECT hex(x) FROM t", &rc);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);

  /* Cut the file 100 bytes into its last page and zero those 100 bytes. */
  raw = read_file_bytes (path);
  len = g_bytes_get_size (raw);
  g_assert_cmpuint ((len - 8192) % WTW_PAGE_SIZE, ==, 0);
  cut = len - WTW_PAGE_SIZE + 100;
  data = g_memdup2 (g_bytes_get_data (raw, NULL), cut);
  memset (data + len - WTW_PAGE_SIZE, 0, 100);
  write_file_bytes (path, data, cut);
  g_free (data);

  g_assert_cmpint (wtw_crypt_vfs_open (path, keys, SQLITE_OPEN_READWRITE, &db), ==, SQLITE_OK);
  after = query_text (db, "SELECT hex(x) FROM t", &rc);
  /* Never different data: an error naming the damaged page. */
  g_assert_null (after);
  g_assert_cmpint (rc, ==, SQLITE_IOERR_DATA);
  g_assert_cmpint (wtw_crypt_vfs_bad_page (db), ==, (int) ((len - 8192) / WTW_PAGE_SIZE));
  sqlite3_close (db);
  remove_dir (dir);
}

/* Finding 2: the authorizer compared pragma names case-sensitively, so
 * "PRAGMA SECURE_DELETE=OFF" or "PRAGMA Journal_Mode=MEMORY" went through. */
static void
test_authorizer_case (VaultFixture  *fx,
                      gconstpointer  data)
{
  static const char * const denied[] = {
    "PRAGMA SECURE_DELETE=OFF;",
    "PRAGMA Journal_Mode=MEMORY;",
    "PRAGMA main.JOURNAL_MODE=OFF;",
    "PRAGMA Synchronous=OFF;",
    "PRAGMA TEMP_STORE=FILE;",
    "PRAGMA Writable_Schema=ON;",
    "PRAGMA LOCKING_MODE=EXCLUSIVE;",
    "PRAGMA MMAP_SIZE=1048576;",
    "PRAGMA Page_Size=8192;",
  };

  vault_fixture_create (fx);
  for (guint i = 0; i < G_N_ELEMENTS (denied); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", denied[i]);
      g_assert_false (_wtw_vault_exec (fx->vault, denied[i], &error));
      g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
    }
}

static gint64
count (WtwVault   *vault,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = _wtw_vault_query_string (vault, sql, &error);

  g_assert_no_error (error);
  return g_ascii_strtoll (text, NULL, 10);
}

#define MARKER "zqvxmarkerword"

static void
make_private (WtwVault *vault,
              gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (vault, id, &error);

  g_assert_no_error (error);
  entry->is_private = TRUE;
  g_assert_true (wtw_vault_journal_update (vault, entry, &error));
  g_assert_no_error (error);
}

/* Finding 3: an entry made private after it was saved in clear kept its words
 * in the FTS index (FTS5 only marks a deleted row; its terms stay in the old
 * segment until a merge), where the other member reads them with the master
 * key. */
static void
test_private_leaves_no_fts_terms (VaultFixture  *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  gint64 id;

  vault_fixture_create (fx);
  add_entry (fx->vault, "Groceries", "Milk and bread.", FALSE);
  id = add_entry (fx->vault, "Draft " MARKER, "I wrote " MARKER " before thinking.", FALSE);
  add_entry (fx->vault, "Chores", "Dishes on Tuesday.", FALSE);
  g_assert_cmpint (count (fx->vault, "SELECT count(*) FROM journal_fts_data"
                                     " WHERE instr(block, CAST('" MARKER "' AS BLOB)) > 0"), >, 0);

  make_private (fx->vault, id);
  g_assert_cmpint (count (fx->vault, "SELECT count(*) FROM journal_fts_data"
                                     " WHERE instr(block, CAST('" MARKER "' AS BLOB)) > 0"), ==, 0);
  g_assert_cmpint (count (fx->vault, "SELECT count(*) FROM journal_fts_idx"
                                     " WHERE instr(term, CAST('" MARKER "' AS BLOB)) > 0"), ==, 0);
  /* The index still works for the others, and the writer still reads it. */
  g_assert_cmpint (count (fx->vault, "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH"
                                     " 'dishes'"), ==, 1);
  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "Draft " MARKER);
}

/* Finding 4: tags stayed on an entry made private, in clear, and the other
 * member saw them in the tag list; private entries are meant to keep none. */
static void
test_private_drops_tags (VaultFixture  *fx,
                         gconstpointer  data)
{
  static const char * const tags[] = { "shared-tag", "affair-" MARKER, NULL };
  static const char * const other_tags[] = { "shared-tag", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seen = NULL;
  g_autofree char *sql = NULL;
  gint64 id, other;

  vault_fixture_create (fx);
  id = add_entry (fx->vault, "Hard day", "Something happened.", FALSE);
  other = add_entry (fx->vault, "Easy day", "Nothing happened.", FALSE);
  g_assert_true (wtw_vault_journal_set_tags (fx->vault, id, tags, &error));
  g_assert_true (wtw_vault_journal_set_tags (fx->vault, other, other_tags, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, NULL,
                                         NULL, &error), >, 0);
  g_assert_no_error (error);

  make_private (fx->vault, id);
  sql = g_strdup_printf ("SELECT count(*) FROM entry_tags WHERE entry_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (count (fx->vault, sql), ==, 0);

  g_assert_true (wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error));
  g_assert_no_error (error);
  seen = wtw_vault_journal_list_tags (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_false (g_strv_contains ((const char * const *) seen, "affair-" MARKER));
  g_assert_true (g_strv_contains ((const char * const *) seen, "shared-tag"));
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

  g_test_add_func ("/wtw/vault/review/partial-last-page", test_partial_last_page);
  add_test ("/wtw/vault/review/authorizer-case", test_authorizer_case);
  add_test ("/wtw/vault/review/private-leaves-no-fts-terms", test_private_leaves_no_fts_terms);
  add_test ("/wtw/vault/review/private-drops-tags", test_private_drops_tags);

  return g_test_run ();
}
