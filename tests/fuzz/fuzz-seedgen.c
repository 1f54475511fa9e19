/* fuzz-seedgen.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz-seedgen"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "fuzz-common.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault.h"

/* Writes the seed corpus at build time:
 *   header-1.bin  the header area of a new vault (one member)
 *   header-2.bin  the same after adding a member and changing a passphrase
 *   page-1.bin    the pages of a small database sealed with the fuzz keys
 *   page-2.bin    "WJ01" ‖ length ‖ pages ‖ a hot journal for them
 * Usage: wtw-fuzz-seedgen OUTDIR */

static void
save (const char   *dir,
      const char   *name,
      const guint8 *data,
      gsize         len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) len, &error);
  g_assert_no_error (error);
}

static GBytes *
load (const char *path,
      gsize       skip)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert (g_file_get_contents (path, &contents, &len, NULL));
  g_assert (len >= skip);
  return g_bytes_new (contents + skip, len - skip);
}

static void
make_header_seeds (const char *work,
                   const char *out)
{
  g_autofree char *path = g_build_filename (work, "seed.wtw", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwVault) vault = wtw_vault_new (file);
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  char *recovery2 = NULL;
  const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) two = NULL;

  wtw_vault_create (vault, "Seed", "seed passphrase", &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  one = load (path, 0);
  save (out, "header-1.bin", g_bytes_get_data (one, NULL), WTW_HEADER_AREA);

  wtw_vault_add_member (vault, "Partner", "partner passphrase", &floor_params, &recovery2, NULL, &error);
  g_assert_no_error (error);
  wtw_vault_change_passphrase (vault, "seed passphrase", "new seed passphrase", &floor_params, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_secure_free (recovery2);
  wtw_vault_lock (vault);
  two = load (path, 0);
  save (out, "header-2.bin", g_bytes_get_data (two, NULL), WTW_HEADER_AREA);
}

static sqlite3 *
open_fuzz_db (const char *path)
{
  sqlite3 *db = NULL;
  int reserve = WTW_PAGE_RESERVE;

  g_assert (wtw_crypt_vfs_open (path, fuzz_fixed_keys (), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db) == SQLITE_OK);
  g_assert (sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK);
  g_assert (sqlite3_exec (db, "PRAGMA page_size=4096; PRAGMA temp_store=MEMORY;"
                              "PRAGMA journal_mode=DELETE; PRAGMA synchronous=EXTRA;",
                          NULL, NULL, NULL) == SQLITE_OK);
  return db;
}

static void
make_page_seeds (const char *work,
                 const char *out)
{
  g_autofree char *path = g_build_filename (work, "pages.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = open_fuzz_db (path);
  g_autoptr(GBytes) pages = NULL;
  g_autoptr(GBytes) hot_pages = NULL;
  g_autoptr(GBytes) hot_journal = NULL;
  g_autoptr(GByteArray) combined = g_byte_array_new ();
  guint32 n;

  g_assert (sqlite3_exec (db,
    "CREATE TABLE t (k INTEGER PRIMARY KEY, txt TEXT, b BLOB);"
    "CREATE VIRTUAL TABLE f USING fts5 (txt);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)"
    "  INSERT INTO t SELECT i, 'listen never sorry ' || i, zeroblob (i * 700) FROM n;"
    "INSERT INTO f (rowid, txt) SELECT k, txt FROM t;",
    NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close (db);
  pages = load (path, WTW_HEADER_AREA);
  save (out, "page-1.bin", g_bytes_get_data (pages, NULL), g_bytes_get_size (pages));

  /* A transaction larger than the cache spills pages before commit: the
   * copy taken then needs its journal played back. */
  db = open_fuzz_db (path);
  g_assert (sqlite3_exec (db, "PRAGMA cache_size=2; BEGIN;"
                              "UPDATE t SET txt = upper (txt), b = zeroblob (length (b) + 100);",
                          NULL, NULL, NULL) == SQLITE_OK);
  hot_pages = load (path, WTW_HEADER_AREA);
  hot_journal = load (journal, 0);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  n = GUINT32_TO_LE ((guint32) g_bytes_get_size (hot_pages));
  g_byte_array_append (combined, (const guint8 *) "WJ01", 4);
  g_byte_array_append (combined, (const guint8 *) &n, 4);
  g_byte_array_append (combined, g_bytes_get_data (hot_pages, NULL), g_bytes_get_size (hot_pages));
  g_byte_array_append (combined, g_bytes_get_data (hot_journal, NULL), g_bytes_get_size (hot_journal));
  save (out, "page-2.bin", combined->data, combined->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work = NULL;
  g_autofree char *out = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  g_assert (wtw_secure_init (NULL));
  out = g_canonicalize_filename (argv[1], NULL);
  work = g_dir_make_tmp ("wtw-seedgen-XXXXXX", &error);
  g_assert_no_error (error);

  make_header_seeds (work, out);
  make_page_seeds (work, out);

  {
    g_autoptr(GDir) dir = g_dir_open (work, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (work, name, NULL);

        g_unlink (path);
      }
    g_rmdir (work);
  }
  return 0;
}
