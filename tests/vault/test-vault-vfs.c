/* test-vault-vfs.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-vfs"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>

#include "vault-test-util.h"

/* The VFS on its own, below the store: connections here have no authorizer
 * and none of the store's pragmas, so what is refused is refused by the VFS. */

typedef struct
{
  char          *dir;
  char          *path;
  WtwCryptKeys  *keys;
  sqlite3       *db;
} VfsFixture;

static void
write_header (VfsFixture *fx)
{
  g_autoptr(GError) error = NULL;
  WtwHeader header;

  wtw_header_init (&header);
  memcpy (header.file_id, wtw_crypt_keys_get_file_id (fx->keys), WTW_FILE_ID_BYTES);
  g_file_set_contents (fx->path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_true (wtw_header_write (fx->path, &header, fx->keys, &error));
  g_assert_no_error (error);
}

static void
vfs_set_up (VfsFixture    *fx,
            gconstpointer  data)
{
  guint8 master[WTW_KEY_BYTES], file_id[WTW_FILE_ID_BYTES];

  fx->dir = g_dir_make_tmp ("wtw-vfs-test-XXXXXX", NULL);
  fx->path = g_build_filename (fx->dir, "raw.wtw", NULL);
  randombytes_buf (master, sizeof master);
  randombytes_buf (file_id, sizeof file_id);
  fx->keys = wtw_crypt_keys_new (master, file_id);
  write_header (fx);
  g_assert_cmpint (wtw_crypt_vfs_open (fx->path, fx->keys, SQLITE_OPEN_READWRITE, &fx->db), ==,
                   SQLITE_OK);
}

static void
vfs_tear_down (VfsFixture    *fx,
               gconstpointer  data)
{
  sqlite3_close (fx->db);
  wtw_crypt_keys_unref (fx->keys);
  remove_dir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static void
set_reserve (sqlite3 *db)
{
  int reserve = WTW_PAGE_RESERVE;

  g_assert_cmpint (sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve), ==,
                   SQLITE_OK);
}

static int
exec (sqlite3    *db,
      const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static void
test_geometry_enforced (VfsFixture    *fx,
                        gconstpointer  data)
{
  /* Without the 40 reserved bytes page 1 is refused: no room for nonce and tag. */
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x);"), !=, SQLITE_OK);
  sqlite3_close (fx->db);
  g_assert_cmpint (wtw_crypt_vfs_open (fx->path, fx->keys, SQLITE_OPEN_READWRITE, &fx->db), ==,
                   SQLITE_OK);
  exec (fx->db, "PRAGMA page_size=8192;");
  set_reserve (fx->db);
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x);"), !=, SQLITE_OK);
}

static void
test_round_trip (VfsFixture    *fx,
                 gconstpointer  data)
{
  g_autoptr(GBytes) raw = NULL;
  sqlite3_stmt *stmt = NULL;

  set_reserve (fx->db);
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x); INSERT INTO t VALUES ('plain-canary');"),
                   ==, SQLITE_OK);
  raw = read_file_bytes (fx->path);
  g_assert_false (bytes_contain (raw, "plain-canary"));
  g_assert_false (bytes_contain (raw, "CREATE TABLE"));
  sqlite3_close (fx->db);

  g_assert_cmpint (wtw_crypt_vfs_open (fx->path, fx->keys, SQLITE_OPEN_READWRITE, &fx->db), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (fx->db, "SELECT x FROM t", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "plain-canary");
  sqlite3_finalize (stmt);
}

static void
test_refuses_temp_files (VfsFixture    *fx,
                         gconstpointer  data)
{
  set_reserve (fx->db);
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x);"), ==, SQLITE_OK);
  /* A temp database on disk would be plaintext: the VFS will not open one. */
  g_assert_cmpint (exec (fx->db, "PRAGMA temp_store=FILE;"), ==, SQLITE_OK);
  g_assert_cmpint (exec (fx->db, "PRAGMA temp.cache_size=2; CREATE TEMP TABLE leak (x);"), ==,
                   SQLITE_OK);
  /* Enough rows to spill the temp database out of its tiny cache to a file. */
  g_assert_cmpint (exec (fx->db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM n WHERE i < 2000) "
                                 "INSERT INTO leak SELECT hex(randomblob(500)) FROM n;"),
                   ==, SQLITE_CANTOPEN);
}

static void
test_refuses_wal (VfsFixture    *fx,
                  gconstpointer  data)
{
  sqlite3_stmt *stmt = NULL;

  set_reserve (fx->db);
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x);"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (fx->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_finalize (stmt);
}

static void
test_no_keys_no_open (VfsFixture    *fx,
                      gconstpointer  data)
{
  sqlite3 *db = NULL;

  /* Only wtw_crypt_vfs_open() hands keys over; any other open is refused. */
  g_assert_cmpint (sqlite3_open_v2 (fx->path, &db, SQLITE_OPEN_READWRITE, WTW_CRYPT_VFS_NAME),
                   ==, SQLITE_CANTOPEN);
  sqlite3_close (db);
}

static void
test_refuses_partial_write (VfsFixture    *fx,
                            gconstpointer  data)
{
  sqlite3_file *file = NULL;
  guint8 buf[WTW_PAGE_SIZE] = { 0 };

  set_reserve (fx->db);
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x);"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_file_control (fx->db, "main", SQLITE_FCNTL_FILE_POINTER, &file), ==,
                   SQLITE_OK);
  g_assert_cmpint (file->pMethods->xWrite (file, buf, 100, 0), ==, SQLITE_IOERR_WRITE);
  g_assert_cmpint (file->pMethods->xWrite (file, buf, WTW_PAGE_SIZE, 10), ==,
                   SQLITE_IOERR_WRITE);
  /* An all-zero page 1 is not a database page 1. */
  g_assert_cmpint (file->pMethods->xWrite (file, buf, WTW_PAGE_SIZE, 0), ==, SQLITE_IOERR_WRITE);
  g_assert_cmpint (file->pMethods->xRead (file, buf, 200, 5000), ==, SQLITE_IOERR_READ);
}

static void
test_wrong_keys (VfsFixture    *fx,
                 gconstpointer  data)
{
  guint8 master[WTW_KEY_BYTES];
  g_autoptr(WtwCryptKeys) other = NULL;
  sqlite3 *db = NULL;

  set_reserve (fx->db);
  g_assert_cmpint (exec (fx->db, "CREATE TABLE t (x);"), ==, SQLITE_OK);
  randombytes_buf (master, sizeof master);
  other = wtw_crypt_keys_new (master, wtw_crypt_keys_get_file_id (fx->keys));
  g_assert_cmpint (wtw_crypt_vfs_open (fx->path, other, SQLITE_OPEN_READWRITE, &db), ==,
                   SQLITE_NOTADB);
  sqlite3_close (db);
}

static void
add_test (const char *path,
          void      (*func) (VfsFixture *, gconstpointer))
{
  g_test_add (path, VfsFixture, NULL, vfs_set_up, func, vfs_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));
  wtw_crypt_vfs_register ();

  add_test ("/wtw/vault/vfs/round-trip", test_round_trip);
  add_test ("/wtw/vault/vfs/geometry-enforced", test_geometry_enforced);
  add_test ("/wtw/vault/vfs/refuses-temp-files", test_refuses_temp_files);
  add_test ("/wtw/vault/vfs/refuses-wal", test_refuses_wal);
  add_test ("/wtw/vault/vfs/no-keys-no-open", test_no_keys_no_open);
  add_test ("/wtw/vault/vfs/refuses-partial-write", test_refuses_partial_write);
  add_test ("/wtw/vault/vfs/wrong-keys", test_wrong_keys);

  return g_test_run ();
}
