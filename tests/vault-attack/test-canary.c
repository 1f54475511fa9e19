/* test-canary.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-canary"

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wtw-attack-util.h"
#include "wtw-attack-vault.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-private.h"
#include "wtw-vault-tags.h"

/* A random marker goes in through every way text reaches the vault; it
 * must never be found on disk — not in the vault, its journal, a backup,
 * or any temporary file — in UTF-8 or UTF-16, during or after. */

static const char passphrase[] = "canary passphrase";

typedef struct
{
  char     *tmpdir;
  char     *dir;
  char     *vault_path;
  char     *marker;
  WtwVault *vault;
  guint     scans;
} Canary;

static Canary canary;

static void
scan (const char *when)
{
  g_autofree char *in_dir = wtw_attack_find_marker (canary.dir, canary.marker);
  g_autofree char *in_tmp = wtw_attack_find_marker (canary.tmpdir, canary.marker);

  canary.scans++;
  if (in_dir != NULL || in_tmp != NULL)
    g_error ("Plaintext marker %s found %s: %s", canary.marker, when,
             in_dir != NULL ? in_dir : in_tmp);
}

static void
exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  _wtw_vault_exec (canary.vault, sql, &error);
  g_assert_no_error (error);
}

static char *
query (const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *result = _wtw_vault_query_string (canary.vault, sql, &error);

  g_assert_no_error (error);
  return result;
}

static char *
journal_path (void)
{
  return g_strconcat (canary.vault_path, "-journal", NULL);
}

/* The scanner itself: a planted copy in each encoding must be found, or a
 * clean result would mean nothing. */
static void
test_scanner (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-scan-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "planted", NULL);
  g_autofree char *found = NULL;
  gsize len = strlen (canary.marker);
  g_autofree guint8 *buf = g_malloc0 (len * 2 + 100);

  g_assert_null (wtw_attack_find_marker (dir, canary.marker));
  for (guint be = 0; be < 2; be++)
    {
      for (gsize i = 0; i < len; i++)
        {
          buf[51 + i * 2 + be] = (guint8) canary.marker[i];
          buf[51 + i * 2 + 1 - be] = 0;
        }
      g_assert_true (g_file_set_contents (path, (char *) buf, (gssize) (len * 2 + 100), NULL));
      found = wtw_attack_find_marker (dir, canary.marker);
      /* Big-endian bytes framed by zeros also read as little-endian one
       * byte on: either report is a find. */
      g_assert_nonnull (found);
      g_assert_nonnull (strstr (found, "UTF-16"));
      g_clear_pointer (&found, g_free);
    }
  g_assert_true (g_file_set_contents (path, canary.marker, -1, NULL));
  found = wtw_attack_find_marker (dir, canary.marker);
  g_assert_nonnull (strstr (found, "UTF-8"));
  wtw_attack_remove_tree (dir);
}

static void
test_entry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("title %s", canary.marker);
  g_autoptr(GString) body = g_string_new (NULL);
  gint64 id;

  /* Enough copies to be on the leaf page and on overflow pages. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (body, "line %u %s\n", i, canary.marker);
  id = wtw_attack_vault_add (canary.vault, title, body->str, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  scan ("after adding an entry");

  {
    g_autoptr(GPtrArray) hits = wtw_vault_journal_search (canary.vault, canary.marker, 10, &error);

    g_assert_no_error (error);
    /* The full-text index holds the marker as a token: it must be found
     * there, and nowhere on disk. */
    g_assert_cmpuint (hits->len, ==, 1);
  }
  scan ("after a full-text search");
}

static void
test_tags (void)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO tags (name) VALUES ('tag-%s');"
                                          "INSERT INTO entry_tags (entry_id, tag_id)"
                                          "  SELECT (SELECT max (id) FROM journal_entries), id"
                                          "  FROM tags WHERE name = 'tag-%s';",
                                          canary.marker, canary.marker);
  g_autofree char *n = NULL;

  exec (sql);
  n = query ("SELECT count(*) FROM entry_tags");
  g_assert_cmpstr (n, ==, "1");
  scan ("after tagging");
}

static void
test_big_sort (void)
{
  g_autofree char *first = NULL;
  g_autofree char *fill = NULL;
  guint rows = wtw_attack_scale (3000, 20000);

  /* Many rows, each with the marker, sorted on an expression no index
   * covers, with a tiny cache: the sorter would spill to a temp file. */
  exec ("CREATE TABLE IF NOT EXISTS sort_me (k TEXT, v TEXT)");
  fill = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                          " INSERT INTO sort_me SELECT hex (randomblob (16)), '%s' || printf ('%%.2000c', 'x')"
                          " FROM n", rows, canary.marker);
  exec (fill);
  exec ("PRAGMA cache_size = 16");
  /* The first row of a top-level ORDER BY only exists once every row is
   * sorted; a subquery's ORDER BY could be optimised away. */
  first = query ("SELECT substr (v || k, -32) AS s FROM sort_me ORDER BY v || k DESC");
  g_assert_cmpuint (strlen (first), ==, 32);
  g_free (first);
  first = query ("SELECT count(*) FROM (SELECT k FROM sort_me GROUP BY v || k)");
  g_assert_cmpuint (g_ascii_strtoull (first, NULL, 10), ==, rows);
  exec ("PRAGMA cache_size = -2000");
  scan ("after a large sort");
}

static void
test_big_transaction (void)
{
  g_autofree char *journal = journal_path ();
  g_autofree char *update = g_strdup_printf ("UPDATE sort_me SET v = v || ' %s'", canary.marker);

  exec ("BEGIN IMMEDIATE");
  exec (update);
  exec ("DELETE FROM sort_me WHERE rowid % 3 = 0");
  /* While the transaction is open the journal holds the old pages. */
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (wtw_attack_file_size (journal), >, 4096);
  scan ("during a big transaction");
  exec ("COMMIT");
  scan ("after a big transaction");
}

static void
test_vacuum (void)
{
  exec ("DROP TABLE sort_me");
  exec ("VACUUM");
  scan ("after VACUUM");
}

static void
test_backup (void)
{
  g_autofree char *dest_path = g_build_filename (canary.dir, "backup.wtw", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) copy = NULL;

  wtw_vault_export (canary.vault, dest, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  scan ("after a backup");

  copy = wtw_attack_vault_open (dest_path, passphrase, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_journal_count (copy, NULL), ==, 1);
  wtw_vault_check (copy, NULL, &error);
  g_assert_no_error (error);
  scan ("after opening the backup");
}

/* Whether @needle is on any page of the database as the master key opens it:
 * what another member of the vault could read, private blobs aside. */
static gboolean
in_decrypted_pages (const char *needle)
{
  sqlite3 *db = _wtw_vault_get_db (canary.vault, NULL);
  g_autofree char *count = query ("PRAGMA page_count");
  g_autofree guint8 *plain = g_malloc (4096);
  guint64 pages = g_ascii_strtoull (count, NULL, 10);
  gsize len = strlen (needle);

  g_assert_cmpuint (pages, >, 1);
  for (guint32 pgno = 1; pgno <= pages; pgno++)
    {
      g_assert_cmpint (wtw_crypt_vfs_read_page (db, pgno, plain), ==, SQLITE_OK);
      if (memmem (plain, 4096, needle, len) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A private entry's tags are sealed with it: not on disk, and not in clear
 * inside the database either, even for a tag it had while it was shared. */
static void
test_private_tags (void)
{
  g_autofree char *shared_tag = g_strdup_printf ("shared-%s", canary.marker);
  g_autofree char *private_tag = g_strdup_printf ("own-%s", canary.marker);
  g_autofree char *moved_tag = g_strdup_printf ("moved-%s", canary.marker);
  const char *shared_tags[] = { shared_tag, NULL };
  const char *moved_tags[] = { moved_tag, NULL };
  const char *private_tags[] = { private_tag, moved_tag, NULL };
  const WtwJournalFilter by_tag = { .tag = private_tag };
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shared, moved;

  shared = wtw_attack_vault_add (canary.vault, "shared", "a shared entry", &error);
  moved = wtw_attack_vault_add (canary.vault, "moved", "shared, then private", &error);
  g_assert_no_error (error);
  g_assert_true (wtw_vault_journal_set_tags (canary.vault, shared, shared_tags, &error));
  g_assert_true (wtw_vault_journal_set_tags (canary.vault, moved, moved_tags, &error));
  g_assert_no_error (error);
  /* The page scan finds a clear tag: a clean result below means something. */
  g_assert_true (in_decrypted_pages (shared_tag));
  g_assert_true (in_decrypted_pages (moved_tag));

  entry = wtw_vault_journal_get (canary.vault, moved, &error);
  g_assert_no_error (error);
  entry->is_private = TRUE;
  g_assert_true (wtw_vault_journal_update (canary.vault, entry, &error));
  g_assert_true (wtw_vault_journal_set_tags (canary.vault, moved, private_tags, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_journal_query_count (canary.vault, &by_tag, &error), ==, 1);

  g_assert_false (in_decrypted_pages (private_tag));
  g_assert_false (in_decrypted_pages (moved_tag));
  g_assert_false (in_decrypted_pages ("shared, then private"));
  g_assert_true (in_decrypted_pages (shared_tag));
  scan ("after tagging a private entry");
}

static void
test_after_lock (void)
{
  wtw_vault_lock (canary.vault);
  scan ("after locking");
  g_assert_cmpuint (canary.scans, >=, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *base = NULL;
  g_autofree char *raw_marker = wtw_attack_random_marker ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  /* A temp folder of our own, set before SQLite looks at TMPDIR. */
  base = wtw_attack_make_dir ("wtw-canary-XXXXXX");
  canary.tmpdir = g_build_filename (base, "tmp", NULL);
  canary.dir = g_build_filename (base, "vault", NULL);
  g_assert_cmpint (g_mkdir (canary.tmpdir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (canary.dir, 0700), ==, 0);
  g_setenv ("TMPDIR", canary.tmpdir, TRUE);
  g_setenv ("SQLITE_TMPDIR", canary.tmpdir, TRUE);

  /* Lower case: the full-text index stores tokens folded to lower case. */
  canary.marker = g_ascii_strdown (raw_marker, -1);
  g_test_message ("marker %s", canary.marker);
  canary.vault_path = g_build_filename (canary.dir, "canary.wtw", NULL);
  canary.vault = wtw_attack_vault_create (canary.vault_path, passphrase);

  g_test_add_func ("/wtw/vault-attack/canary/scanner", test_scanner);
  g_test_add_func ("/wtw/vault-attack/canary/entry-and-fts", test_entry);
  g_test_add_func ("/wtw/vault-attack/canary/tags", test_tags);
  g_test_add_func ("/wtw/vault-attack/canary/big-sort", test_big_sort);
  g_test_add_func ("/wtw/vault-attack/canary/big-transaction", test_big_transaction);
  g_test_add_func ("/wtw/vault-attack/canary/vacuum", test_vacuum);
  g_test_add_func ("/wtw/vault-attack/canary/backup", test_backup);
  g_test_add_func ("/wtw/vault-attack/canary/private-tags", test_private_tags);
  g_test_add_func ("/wtw/vault-attack/canary/after-lock", test_after_lock);

  rc = g_test_run ();

  g_clear_object (&canary.vault);
  wtw_attack_remove_tree (base);
  g_free (canary.tmpdir);
  g_free (canary.dir);
  g_free (canary.vault_path);
  g_free (canary.marker);
  return rc;
}
