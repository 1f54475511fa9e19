/* fuzz-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz-page"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "fuzz-common.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"

/* Page decryption on hostile bytes. The input is the page area of a vault
 * (everything after the two header copies), optionally followed by a hot
 * rollback journal:
 *
 *   input = pages                                   or
 *   input = "WJ01" ‖ u32le n ‖ pages[n] ‖ journal
 *
 * Each whole page is decrypted directly, then the file is opened through
 * the crypto VFS (playing the journal back) and queried. Nothing may crash
 * or read out of bounds; a page that authenticates must be the page at its
 * position, since page numbers are bound into the associated data. */

static const char journal_magic[4] = { 'W', 'J', '0', '1' };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_assert (wtw_secure_init (NULL));
  wtw_crypt_vfs_register ();
  return 0;
}

static void
decrypt_pages (const uint8_t *pages,
               size_t         size)
{
  guint8 *plain = g_malloc (WTW_PAGE_SIZE);

  for (size_t off = 0; off + WTW_PAGE_SIZE <= size; off += WTW_PAGE_SIZE)
    {
      guint32 pgno = (guint32) (off / WTW_PAGE_SIZE) + 1;

      if (wtw_crypt_page_open (fuzz_fixed_keys (), pgno, pages + off, plain))
        {
          /* The same ciphertext must not also pass as its neighbour. */
          g_assert (!wtw_crypt_page_open (fuzz_fixed_keys (), pgno + 1, pages + off, plain));
        }
    }
  g_free (plain);
}

static void
query_all (sqlite3 *db)
{
  static const char *const queries[] = {
    "PRAGMA quick_check",
    "SELECT type, name, sql FROM sqlite_master",
    "SELECT k, length (txt), hex (substr (b, 1, 16)) FROM t ORDER BY k",
    "SELECT rowid FROM f WHERE f MATCH 'listen*'",
    "SELECT count(*) FROM t WHERE txt LIKE '%never%'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, queries[i], -1, &stmt, NULL) == SQLITE_OK)
        {
          int steps = 0;

          /* Bounded: a corrupt b-tree can loop. */
          while (sqlite3_step (stmt) == SQLITE_ROW && ++steps < 10000)
            ;
        }
      sqlite3_finalize (stmt);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  static char *journal;
  static const guint8 header_area[WTW_HEADER_AREA];
  const uint8_t *pages = data;
  size_t n_pages = size;
  sqlite3 *db = NULL;

  if (path == NULL)
    {
      path = fuzz_scratch_path ("page.wtw");
      journal = g_strconcat (path, "-journal", NULL);
    }

  g_unlink (journal);
  if (size >= 8 && memcmp (data, journal_magic, 4) == 0)
    {
      guint32 n;

      memcpy (&n, data + 4, 4);
      n = GUINT32_FROM_LE (n);
      pages = data + 8;
      n_pages = MIN ((size_t) n, size - 8);
      fuzz_write_file (journal, NULL, 0, pages + n_pages, size - 8 - n_pages);
    }

  decrypt_pages (pages, n_pages);

  /* The header area is not read by the VFS: zeros stand in for it. */
  fuzz_write_file (path, header_area, sizeof header_area, pages, n_pages);
  if (wtw_crypt_vfs_open (path, fuzz_fixed_keys (), SQLITE_OPEN_READWRITE, &db) == SQLITE_OK)
    {
      sqlite3_exec (db, "PRAGMA temp_store=MEMORY; PRAGMA cell_size_check=ON;", NULL, NULL, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      query_all (db);
    }
  sqlite3_close (db);
  return 0;
}
