/* test-tamper.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-tamper"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wtw-attack-util.h"
#include "wtw-attack-vault.h"
#include "wtw-crypt-header.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault-private.h"

/* Someone who can write the file changes bytes in it. Whatever they change,
 * the vault must answer with the right data or with a clear error — never
 * with altered data, never by crashing. */

#define PAGE WTW_PAGE_SIZE
#define JOURNAL_HEADER 512
#define JOURNAL_RECORD (4 + PAGE + 4)

static const char passphrase[] = "tamper test passphrase";

typedef struct
{
  char       *dir;
  char       *pristine;
  GHashTable *expected;     /* id → body */
  GHashTable *titles;       /* id → title */
  guint       n_pages;
  char       *hot_db;       /* a vault and a hot journal that must be played back */
  char       *hot_journal;
} World;

static World world;

static goffset
page_offset (guint pgno)
{
  return WTW_HEADER_AREA + (goffset) (pgno - 1) * PAGE;
}

static void
build_world (void)
{
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GError) error = NULL;
  guint n_entries = wtw_attack_scale (40, 400);

  world.dir = wtw_attack_make_dir ("wtw-tamper-XXXXXX");
  world.pristine = g_build_filename (world.dir, "pristine.wtw", NULL);
  world.expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  world.titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  vault = wtw_attack_vault_create (world.pristine, passphrase);
  for (guint i = 0; i < n_entries; i++)
    {
      /* Every tenth entry spills onto overflow pages. */
      g_autofree char *body = wtw_attack_text (rand, i % 10 == 0 ? 9000 : 700);
      g_autofree char *title = g_strdup_printf ("entry %u", i);
      gint64 id = wtw_attack_vault_add (vault, title, body, &error);

      g_assert_no_error (error);
      g_hash_table_insert (world.expected, g_memdup2 (&id, sizeof id), g_steal_pointer (&body));
      g_hash_table_insert (world.titles, g_memdup2 (&id, sizeof id), g_steal_pointer (&title));
    }
  wtw_vault_lock (vault);

  world.n_pages = (guint) ((wtw_attack_file_size (world.pristine) - WTW_HEADER_AREA) / PAGE);
  g_assert_cmpuint (world.n_pages, >=, 10);
  g_test_message ("pristine vault: %u pages", world.n_pages);
}

/* A transaction that rewrites many pages with a tiny page cache, so that
 * SQLite syncs the journal and writes changed pages into the file before
 * commit. Copying both files then gives a vault that is only right after
 * its hot journal is played back. */
static void
build_hot_journal (void)
{
  g_autofree char *live = g_build_filename (world.dir, "live.wtw", NULL);
  g_autofree char *live_journal = g_strconcat (live, "-journal", NULL);
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  world.hot_db = g_build_filename (world.dir, "hot.wtw", NULL);
  world.hot_journal = g_strconcat (world.hot_db, "-journal", NULL);

  wtw_attack_copy_file (world.pristine, live);
  vault = wtw_attack_vault_open (live, passphrase, &error);
  g_assert_no_error (error);
  _wtw_vault_exec (vault, "PRAGMA cache_size = 4", &error);
  g_assert_no_error (error);
  _wtw_vault_exec (vault, "BEGIN IMMEDIATE", &error);
  g_assert_no_error (error);
  _wtw_vault_exec (vault, "UPDATE journal_entries SET body = upper (body)", &error);
  g_assert_no_error (error);

  g_assert_true (g_file_test (live_journal, G_FILE_TEST_EXISTS));
  wtw_attack_copy_file (live, world.hot_db);
  wtw_attack_copy_file (live_journal, world.hot_journal);

  _wtw_vault_exec (vault, "ROLLBACK", &error);
  g_assert_no_error (error);
  wtw_vault_lock (vault);

  /* The spill must have happened, or this tests nothing. */
  {
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    gsize la, lb;

    g_assert_true (g_file_get_contents (world.pristine, &a, &la, NULL));
    g_assert_true (g_file_get_contents (world.hot_db, &b, &lb, NULL));
    g_assert_true (la != lb || memcmp (a + WTW_HEADER_AREA, b + WTW_HEADER_AREA, la - WTW_HEADER_AREA) != 0);
    g_assert_cmpint (wtw_attack_file_size (world.hot_journal), >, JOURNAL_HEADER + JOURNAL_RECORD);
  }
}

static char *
work_copy (const char *name)
{
  char *path = g_build_filename (world.dir, name, NULL);

  wtw_attack_copy_file (world.pristine, path);
  return path;
}

/* Every entry reads back exactly, or the read fails with CORRUPTED. Returns
 * how many failed. */
static guint
read_all (WtwVault *vault)
{
  GHashTableIter iter;
  gpointer key, value;
  guint failed = 0;

  g_hash_table_iter_init (&iter, world.expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (vault, *(gint64 *) key, &error);

      if (entry == NULL)
        {
          g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
          failed++;
          continue;
        }
      g_assert_cmpstr (entry->body, ==, value);
      g_assert_cmpstr (entry->title, ==, g_hash_table_lookup (world.titles, key));
    }
  return failed;
}

static void
assert_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = wtw_attack_vault_open (path, passphrase, &error);

  g_assert_no_error (error);
  wtw_vault_check (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_all (vault), ==, 0);
  g_assert_cmpint (wtw_vault_journal_count (vault, NULL), ==, g_hash_table_size (world.expected));
}

/* The damage is found: by unlock, by check, and by any read that needs the
 * page; a read that does not need it returns the right text. */
static void
assert_page_caught (const char *path,
                    guint       pgno)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = wtw_attack_vault_open (path, passphrase, &error);

  if (vault == NULL)
    {
      g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
      g_test_message ("unlock: %s", error->message);
      return;
    }
  g_assert_false (wtw_vault_check (vault, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
  g_test_message ("check: %s", error->message);
  if (pgno != 0)
    g_assert_cmpuint (wtw_attack_error_page (error), ==, pgno);
  read_all (vault);
}

static void
test_pristine (void)
{
  assert_intact (world.pristine);
}

/* Offsets inside one 4 KiB header copy: magic, version and file id, the
 * first slot, a later slot, and the end (checksum and MAC). */
static const goffset header_spots[] = { 0, 9, 40, 300, 1500, 3000, WTW_HEADER_SIZE - 1, WTW_HEADER_SIZE - 40 };

static void
test_header_one_copy (gconstpointer data)
{
  guint copy = GPOINTER_TO_UINT (data);

  for (guint i = 0; i < G_N_ELEMENTS (header_spots); i++)
    {
      g_autofree char *path = work_copy ("header-one.wtw");

      wtw_attack_flip_byte (path, copy * WTW_HEADER_SIZE + header_spots[i], 0x01);
      g_test_message ("copy %c, offset %" G_GOFFSET_FORMAT, 'A' + copy, header_spots[i]);
      /* That is what the second copy is for. */
      assert_intact (path);
    }
}

static void
test_header_both_copies (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_spots); i++)
    {
      g_autofree char *path = work_copy ("header-both.wtw");
      g_autoptr(GError) error = NULL;
      g_autoptr(WtwVault) vault = NULL;

      wtw_attack_flip_byte (path, header_spots[i], 0x01);
      wtw_attack_flip_byte (path, WTW_HEADER_SIZE + header_spots[i], 0x01);
      vault = wtw_attack_vault_open (path, passphrase, &error);
      g_test_message ("both copies, offset %" G_GOFFSET_FORMAT ": %s", header_spots[i],
                      error != NULL ? error->message : "opened");
      g_assert_null (vault);
      /* A damaged copy is damaged, whatever field the flip hit: not "from
       * a newer version", which would send the person to update the app
       * instead of to their backup. */
      g_assert_true (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT)
                     || g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE)
                     || g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED));
    }
}

static void
flip_in_page (guint   pgno,
              goffset within,
              guint   expected_page)
{
  g_autofree char *path = work_copy ("page.wtw");

  wtw_attack_flip_byte (path, page_offset (pgno) + within, 0x80);
  g_test_message ("page %u, byte %" G_GOFFSET_FORMAT, pgno, within);
  assert_page_caught (path, expected_page);
}

static void
test_page1 (void)
{
  g_autofree char *path = work_copy ("page1.wtw");
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = NULL;

  wtw_attack_flip_byte (path, page_offset (1) + 100, 0x04);
  vault = wtw_attack_vault_open (path, passphrase, &error);
  g_assert_null (vault);
  g_assert_true (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED)
                 || g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT));
  g_test_message ("%s", error->message);
}

static void
test_middle_page (void)
{
  guint middle = world.n_pages / 2;

  flip_in_page (middle, 1000, middle);
  flip_in_page (world.n_pages, 10, world.n_pages);
  flip_in_page (2, 0, 2);
}

static void
test_nonce (void)
{
  guint pgno = world.n_pages / 2 + 1;

  flip_in_page (pgno, PAGE - WTW_TAG_BYTES - WTW_NONCE_BYTES, pgno);
  flip_in_page (pgno, PAGE - WTW_TAG_BYTES - 1, pgno);
}

static void
test_tag (void)
{
  guint pgno = world.n_pages / 3 + 1;

  flip_in_page (pgno, PAGE - WTW_TAG_BYTES, pgno);
  flip_in_page (pgno, PAGE - 1, pgno);
}

static void
test_swap_pages (void)
{
  g_autofree char *path = work_copy ("swap.wtw");
  guint a = world.n_pages / 2;
  guint b = a + 1;

  wtw_attack_swap_blocks (path, page_offset (a), page_offset (b), PAGE);
  assert_page_caught (path, 0);

  /* A page moved to another position, over the original. */
  {
    g_autofree char *moved = work_copy ("moved.wtw");
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (moved, &bytes, &len, NULL));
    memcpy (bytes + page_offset (3), bytes + page_offset (world.n_pages), PAGE);
    g_assert_true (g_file_set_contents (moved, bytes, len, NULL));
    assert_page_caught (moved, 3);
  }
}

static void
test_truncate_and_extend (void)
{
  g_autofree char *path = work_copy ("short.wtw");
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));

  /* The last page removed: SQLite's page count no longer matches. */
  g_assert_true (g_file_set_contents (path, bytes, len - PAGE, NULL));
  assert_page_caught (path, 0);
  /* Half a page removed. */
  g_assert_true (g_file_set_contents (path, bytes, len - PAGE / 2, NULL));
  assert_page_caught (path, 0);
  /* A zeroed page in the middle (a hole punched in the file). */
  memset (bytes + page_offset (world.n_pages / 2), 0, PAGE);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
  assert_page_caught (path, world.n_pages / 2);
}

/* Bytes appended after the last page: SQLite never reads them (its page
 * count comes from page 1), but check promises that every page of the file
 * authenticates. */
static void
test_appended (gconstpointer data)
{
  gsize extra = GPOINTER_TO_SIZE (data);
  g_autofree char *path = work_copy ("appended.wtw");
  g_autofree char *bytes = NULL;
  g_autofree char *junk = g_malloc (extra);
  g_autoptr(GString) longer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  for (gsize i = 0; i < extra; i++)
    junk[i] = (char) g_random_int ();
  longer = g_string_new_len (bytes, len);
  g_string_append_len (longer, junk, extra);
  g_assert_true (g_file_set_contents (path, longer->str, longer->len, NULL));

  vault = wtw_attack_vault_open (path, passphrase, &error);
  if (vault == NULL)
    {
      g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
      return;
    }
  /* Whatever check says, what is read is the committed text. */
  g_assert_cmpuint (read_all (vault), ==, 0);
  g_assert_false (wtw_vault_check (vault, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
}

static void
test_hot_journal_intact (void)
{
  g_autofree char *db = g_build_filename (world.dir, "hot-ok.wtw", NULL);
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);

  wtw_attack_copy_file (world.hot_db, db);
  wtw_attack_copy_file (world.hot_journal, journal);
  /* Played back, the journal restores the state before the transaction. */
  assert_intact (db);
}

static void
test_hot_journal_tampered (gconstpointer data)
{
  goffset spot = GPOINTER_TO_SIZE (data);
  g_autofree char *db = g_build_filename (world.dir, "hot-bad.wtw", NULL);
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = NULL;

  wtw_attack_copy_file (world.hot_db, db);
  wtw_attack_copy_file (world.hot_journal, journal);
  wtw_attack_flip_byte (journal, spot, 0x20);

  vault = wtw_attack_vault_open (db, passphrase, &error);
  if (vault != NULL)
    {
      /* Playback may be deferred to the first read. */
      g_assert_false (wtw_vault_check (vault, NULL, &error));
    }
  g_test_message ("journal byte %" G_GOFFSET_FORMAT ": %s", spot, error->message);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);

  /* And it stays refused: the damaged journal was not thrown away as if it
   * had been played back. */
  g_clear_error (&error);
  g_clear_object (&vault);
  vault = wtw_attack_vault_open (db, passphrase, &error);
  if (vault != NULL)
    g_assert_false (wtw_vault_check (vault, NULL, &error) && read_all (vault) == 0);
}

/* The journal's own header (record count, checksum seed) is not
 * encrypted: changed, SQLite stops playing back early and the pages the
 * transaction had already written stay. Removed, nothing is played back.
 * Either way the file then holds pages of a transaction that never
 * committed. */
static void
test_hot_journal_dropped (gconstpointer data)
{
  const char *how = data;
  g_autofree char *db = g_build_filename (world.dir, "hot-dropped.wtw", NULL);
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = NULL;

  wtw_attack_copy_file (world.hot_db, db);
  if (g_str_equal (how, "deleted"))
    g_unlink (journal);
  else
    {
      wtw_attack_copy_file (world.hot_journal, journal);
      /* nRec (bytes 8-11) or the checksum seed (12-15). */
      wtw_attack_flip_byte (journal, g_str_equal (how, "record-count") ? 11 : 13, 0x01);
    }

  vault = wtw_attack_vault_open (db, passphrase, &error);
  if (vault == NULL)
    {
      g_test_message ("%s: unlock refused: %s", how, error->message);
      return;
    }
  if (!wtw_vault_check (vault, NULL, &error))
    {
      g_test_message ("%s: check refused: %s", how, error->message);
      return;
    }
  /* Opened and checked clean: then it must hold the committed text. */
  g_test_message ("%s: opened", how);
  g_assert_cmpuint (read_all (vault), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  build_world ();
  build_hot_journal ();

  g_test_add_func ("/wtw/vault-attack/tamper/pristine", test_pristine);
  g_test_add_data_func ("/wtw/vault-attack/tamper/header-copy-a", GUINT_TO_POINTER (0), test_header_one_copy);
  g_test_add_data_func ("/wtw/vault-attack/tamper/header-copy-b", GUINT_TO_POINTER (1), test_header_one_copy);
  g_test_add_func ("/wtw/vault-attack/tamper/header-both-copies", test_header_both_copies);
  g_test_add_func ("/wtw/vault-attack/tamper/page-1", test_page1);
  g_test_add_func ("/wtw/vault-attack/tamper/middle-page", test_middle_page);
  g_test_add_func ("/wtw/vault-attack/tamper/nonce", test_nonce);
  g_test_add_func ("/wtw/vault-attack/tamper/tag", test_tag);
  g_test_add_func ("/wtw/vault-attack/tamper/swap-pages", test_swap_pages);
  g_test_add_func ("/wtw/vault-attack/tamper/truncate", test_truncate_and_extend);
  g_test_add_data_func ("/wtw/vault-attack/tamper/appended-page", GSIZE_TO_POINTER (PAGE), test_appended);
  g_test_add_data_func ("/wtw/vault-attack/tamper/appended-bytes", GSIZE_TO_POINTER (100), test_appended);
  g_test_add_func ("/wtw/vault-attack/tamper/hot-journal/intact", test_hot_journal_intact);
  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/record-data",
                        GSIZE_TO_POINTER (JOURNAL_HEADER + 4 + 100), test_hot_journal_tampered);
  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/record-pgno",
                        GSIZE_TO_POINTER (JOURNAL_HEADER + 3), test_hot_journal_tampered);
  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/record-tag",
                        GSIZE_TO_POINTER (JOURNAL_HEADER + 4 + PAGE - 1), test_hot_journal_tampered);
  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/second-record",
                        GSIZE_TO_POINTER (JOURNAL_HEADER + JOURNAL_RECORD + 4 + 2000), test_hot_journal_tampered);

  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/deleted", "deleted", test_hot_journal_dropped);
  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/record-count", "record-count", test_hot_journal_dropped);
  g_test_add_data_func ("/wtw/vault-attack/tamper/hot-journal/checksum-seed", "checksum-seed", test_hot_journal_dropped);

  rc = g_test_run ();

  wtw_attack_remove_tree (world.dir);
  g_hash_table_unref (world.expected);
  g_hash_table_unref (world.titles);
  g_free (world.dir);
  g_free (world.pristine);
  g_free (world.hot_db);
  g_free (world.hot_journal);
  return rc;
}
