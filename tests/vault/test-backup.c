/* test-backup.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups: names, listing, rotation (which never deletes what is not ours),
 * and restoring a damaged vault from a backup, checked first.
 */

#include "config.h"

#include <unistd.h>

#include "vault-test-util.h"
#include "wtw-backup.h"

#define N_ENTRIES 40

typedef struct
{
  VaultFixture  vault;
  char         *folder_path;
  GFile        *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  vault_fixture_set_up (&fx->vault, data);
  vault_fixture_create (&fx->vault);
  fx->folder_path = g_build_filename (fx->vault.dir, "backups", NULL);
  fx->folder = g_file_new_for_path (fx->folder_path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  remove_dir (fx->folder_path);
  g_object_unref (fx->folder);
  g_free (fx->folder_path);
  vault_fixture_tear_down (&fx->vault, data);
}

static char *
body_for (guint i)
{
  return g_strdup_printf ("Entry %u: what we said at dinner, and what we meant. %s", i,
                          i % 3 == 0 ? "A longer paragraph to fill the page a little more." : "");
}

static void
add_entries (WtwVault *vault)
{
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);
      g_autofree char *body = body_for (i);

      add_entry (vault, title, body, i == 7);
    }
}

static void
assert_every_entry (WtwVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = wtw_vault_journal_list (vault, 0, 1000, &error);
  gboolean seen[N_ENTRIES] = { FALSE };

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, N_ENTRIES);
  for (guint i = 0; i < list->len; i++)
    {
      WtwJournalEntry *item = g_ptr_array_index (list, i);
      g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (vault, item->id, &error);
      g_autofree char *body = NULL;
      guint n;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (entry->title, "Title "));
      n = (guint) g_ascii_strtoull (entry->title + 6, NULL, 10);
      g_assert_cmpuint (n, <, N_ENTRIES);
      body = body_for (n);
      g_assert_cmpstr (entry->body, ==, body);
      g_assert_cmpint (entry->is_private, ==, n == 7);
      seen[n] = TRUE;
    }
  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_true (seen[i]);
}

static GDateTime *
time_at (int minute,
         int second)
{
  return g_date_time_new_local (2026, 11, 23, 9, minute, second);
}

static GFile *
write_backup (Fixture   *fx,
              gboolean   automatic,
              GDateTime *when)
{
  g_autoptr(GError) error = NULL;
  GFile *backup = wtw_backup_write (fx->vault.vault, fx->folder, automatic, when, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (backup);
  return backup;
}

static guint
count_files (const char *dir,
             const char *containing)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (containing == NULL || strstr (name, containing) != NULL)
      n++;
  return n;
}

static void
test_names (void)
{
  g_autoptr(GDateTime) when = time_at (30, 0);
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *manual = wtw_backup_make_name (when, FALSE, 1);
  g_autofree char *automatic = wtw_backup_make_name (when, TRUE, 3);
  static const char * const foreign[] = {
    "notes.txt",
    "Words That Work backup 2026-11-23 093000.wtw.bak",
    "Words That Work backup 2026-11-23 093000-1.wtw",
    "Words That Work backup 2026-11-23 093000-02.wtw",
    "Words That Work backup 2026-11-23 093000 copy.wtw",
    "Words That Work backup 2026-13-40 093000.wtw",
    "Words That Work backup 2026-11-23 0930.wtw",
    "words that work backup 2026-11-23 093000.wtw",
    "Words That Work backup 2026-11-23 093000automatic.wtw",
  };
  gboolean is_automatic = TRUE;
  guint serial = 0;

  g_assert_cmpstr (manual, ==, "Words That Work backup 2026-11-23 093000.wtw");
  g_assert_cmpstr (automatic, ==, "Words That Work backup 2026-11-23 093000-3 automatic.wtw");

  g_assert_true (wtw_backup_parse_name (manual, &parsed, &is_automatic, &serial));
  g_assert_true (g_date_time_equal (parsed, when));
  g_assert_false (is_automatic);
  g_assert_cmpuint (serial, ==, 1);
  g_clear_pointer (&parsed, g_date_time_unref);
  g_assert_true (wtw_backup_parse_name (automatic, &parsed, &is_automatic, &serial));
  g_assert_true (is_automatic);
  g_assert_cmpuint (serial, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    g_assert_false (wtw_backup_parse_name (foreign[i], NULL, NULL, NULL));
}

/* The test: backup → corrupt the original → restore → every
 * entry back, and the damaged file is kept, not deleted. */
static void
test_restore_after_corruption (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) checked = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *aside_path = NULL;
  g_autoptr(GDateTime) when = time_at (31, 0);

  add_entries (fx->vault.vault);
  backup = write_backup (fx, FALSE, NULL);
  wtw_vault_lock (fx->vault.vault);

  /* Flip bytes in the middle of page 3. */
  flip_byte (fx->vault.path, WTW_HEADER_AREA + 2 * WTW_PAGE_SIZE + 700);
  flip_byte (fx->vault.path, WTW_HEADER_AREA + 2 * WTW_PAGE_SIZE + 701);
  damaged = read_file_bytes (fx->vault.path);
  if (wtw_vault_unlock (fx->vault.vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error))
    {
      /* The page may not be read at unlock; the full check finds it. */
      g_assert_false (wtw_vault_check (fx->vault.vault, NULL, &error));
      wtw_vault_lock (fx->vault.vault);
    }
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
  g_clear_error (&error);

  checked = wtw_backup_prepare_restore (backup, fx->vault.file, PASSPHRASE,
                                        WTW_SECRET_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  /* Checking touched neither the vault nor the backup's name. */
  kept = read_file_bytes (fx->vault.path);
  g_assert_true (g_bytes_equal (kept, damaged));
  g_clear_pointer (&kept, g_bytes_unref);

  g_assert_true (wtw_backup_finish_restore (checked, fx->vault.file, when, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  aside_path = g_file_get_path (aside);
  g_assert_true (g_str_has_suffix (aside_path, "test.wtw.before-restore-20261123-093100"));
  kept = read_file_bytes (aside_path);
  g_assert_true (g_bytes_equal (kept, damaged));
  g_assert_true (g_file_query_exists (backup, NULL));
  g_assert_false (g_file_query_exists (checked, NULL));

  unlock_ok (fx->vault.vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_check (fx->vault.vault, NULL, &error));
  g_assert_no_error (error);
  assert_every_entry (fx->vault.vault);

  /* The recovery key of the time opens the restored vault too. */
  wtw_vault_lock (fx->vault.vault);
  unlock_ok (fx->vault.vault, fx->vault.recovery_key, WTW_SECRET_RECOVERY_KEY);
}

static void
test_restore_refused (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) checked = NULL;
  g_autoptr(GFile) missing = g_file_get_child (fx->folder, "gone.wtw");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *backup_path = NULL;
  guint n_files;

  add_entries (fx->vault.vault);
  backup = write_backup (fx, FALSE, NULL);
  backup_path = g_file_get_path (backup);
  wtw_vault_lock (fx->vault.vault);
  before = read_file_bytes (fx->vault.path);
  n_files = count_files (fx->vault.dir, NULL);

  checked = wtw_backup_prepare_restore (backup, fx->vault.file, "not the passphrase",
                                        WTW_SECRET_PASSPHRASE, NULL, &error);
  g_assert_null (checked);
  g_assert_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  checked = wtw_backup_prepare_restore (missing, fx->vault.file, PASSPHRASE,
                                        WTW_SECRET_PASSPHRASE, NULL, &error);
  g_assert_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A damaged backup is refused, whichever page is hit. */
  flip_byte (backup_path, WTW_HEADER_AREA + 3 * WTW_PAGE_SIZE + 100);
  checked = wtw_backup_prepare_restore (backup, fx->vault.file, PASSPHRASE,
                                        WTW_SECRET_PASSPHRASE, NULL, &error);
  g_assert_null (checked);
  g_assert_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  /* The vault is as it was, and no copy is left behind. */
  after = read_file_bytes (fx->vault.path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fx->vault.dir, NULL), ==, n_files);
  unlock_ok (fx->vault.vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  assert_every_entry (fx->vault.vault);
}

/* A journal a crash left beside the vault belongs to the old file. */
static void
test_restore_moves_journal (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) checked = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autofree char *journal = g_strconcat (fx->vault.path, "-journal", NULL);
  g_autofree char *aside_journal = NULL;

  add_entries (fx->vault.vault);
  backup = write_backup (fx, TRUE, NULL);
  wtw_vault_lock (fx->vault.vault);
  write_file_bytes (journal, (const guint8 *) "left by a crash", 15);

  checked = wtw_backup_prepare_restore (backup, fx->vault.file, fx->vault.recovery_key,
                                        WTW_SECRET_RECOVERY_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wtw_backup_finish_restore (checked, fx->vault.file, NULL, &aside, &error));
  g_assert_no_error (error);
  aside_journal = g_strconcat (g_file_peek_path (aside), "-journal", NULL);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (aside_journal, G_FILE_TEST_EXISTS));
  unlock_ok (fx->vault.vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  assert_every_entry (fx->vault.vault);
}

static void
test_list (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) t1 = time_at (1, 0);
  g_autoptr(GDateTime) t1b = time_at (1, 30);
  g_autoptr(GDateTime) t2 = time_at (2, 0);
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;
  g_autoptr(GFile) c = NULL;
  g_autoptr(GFile) d = NULL;

  list = wtw_backup_list (fx->folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  a = write_backup (fx, TRUE, t1);
  b = write_backup (fx, FALSE, t1b);
  c = write_backup (fx, TRUE, t2);
  d = write_backup (fx, TRUE, t2);
  g_assert_true (g_str_has_suffix (g_file_peek_path (d), "090200-2 automatic.wtw"));

  list = wtw_backup_list (fx->folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_true (g_file_equal (((WtwBackupInfo *) list->pdata[0])->file, d));
  g_assert_true (g_file_equal (((WtwBackupInfo *) list->pdata[1])->file, c));
  g_assert_true (g_file_equal (((WtwBackupInfo *) list->pdata[2])->file, b));
  g_assert_true (g_file_equal (((WtwBackupInfo *) list->pdata[3])->file, a));
  g_assert_false (((WtwBackupInfo *) list->pdata[2])->automatic);
  g_assert_cmpint (((WtwBackupInfo *) list->pdata[3])->size, >, WTW_HEADER_AREA);
}

static void
put_file (const char *dir,
          const char *name,
          const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  write_file_bytes (path, (const guint8 *) text, strlen (text));
}

static void
test_rotate (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir_named_like_one = NULL;
  g_autofree char *link_path = NULL;
  guint n_deleted = 0;
  guint n_automatic = 0;

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) when = time_at (10 + i, 0);

      g_object_unref (write_backup (fx, TRUE, when));
      if (i == 1 || i == 5)
        g_object_unref (write_backup (fx, FALSE, when));
    }
  /* Things that are not ours, some older than every backup. */
  put_file (fx->folder_path, "notes.txt", "mine");
  put_file (fx->folder_path, "Words That Work backup 2020-01-01 000000 automatic.wtw",
            "not a vault at all");
  put_file (fx->folder_path, "Words That Work backup 2020-01-01 000000 automatic.wtw.bak",
            "a copy someone made");
  dir_named_like_one = g_build_filename (fx->folder_path,
                                         "Words That Work backup 2019-01-01 000000 automatic.wtw",
                                         NULL);
  g_assert_cmpint (g_mkdir (dir_named_like_one, 0700), ==, 0);
  link_path = g_build_filename (fx->folder_path,
                                "Words That Work backup 2018-01-01 000000 automatic.wtw", NULL);
  g_assert_cmpint (symlink (fx->vault.path, link_path), ==, 0);

  g_assert_true (wtw_backup_rotate (fx->folder, 3, &n_deleted, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 4);

  list = wtw_backup_list (fx->folder, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      WtwBackupInfo *info = g_ptr_array_index (list, i);

      if (info->automatic && info->size > WTW_HEADER_AREA)
        {
          g_assert_cmpint (g_date_time_get_minute (info->time), >=, 14);
          n_automatic++;
        }
    }
  g_assert_cmpuint (n_automatic, ==, 3);
  /* Both backups made by a person are kept. */
  g_assert_cmpuint (count_files (fx->folder_path, "091100.wtw") + count_files (fx->folder_path, "091500.wtw"),
                    ==, 2);
  g_assert_cmpuint (count_files (fx->folder_path, "notes.txt"), ==, 1);
  g_assert_cmpuint (count_files (fx->folder_path, "2020-01-01"), ==, 2);
  g_assert_true (g_file_test (dir_named_like_one, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (fx->vault.path, G_FILE_TEST_IS_REGULAR));

  /* Rotating again deletes nothing more. */
  g_assert_true (wtw_backup_rotate (fx->folder, 3, &n_deleted, NULL, &error));
  g_assert_cmpuint (n_deleted, ==, 0);

  g_rmdir (dir_named_like_one);
  g_unlink (link_path);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GFile **backup = user_data;
  g_autoptr(GError) error = NULL;

  *backup = wtw_backup_write_finish (WTW_VAULT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_write_async_rotates (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GFile) backup = NULL;

      wtw_backup_write_async (fx->vault.vault, fx->folder, TRUE, 2, NULL, NULL, NULL,
                              on_written_cb, &backup);
      while (backup == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (g_file_query_exists (backup, NULL));
    }
  list = wtw_backup_list (fx->folder, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (count_files (fx->folder_path, NULL), ==, 2);
}

static void
test_folder_problems (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (fx->vault.dir, "a-file", NULL);
  g_autoptr(GFile) not_a_folder = g_file_new_for_path (file_path);
  g_autoptr(GFile) below_a_file = g_file_get_child (not_a_folder, "backups");
  g_autoptr(GFile) backup = NULL;

  put_file (fx->vault.dir, "a-file", "text");
  backup = wtw_backup_write (fx->vault.vault, not_a_folder, FALSE, NULL, NULL, &error);
  g_assert_null (backup);
  g_assert_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER);
  g_clear_error (&error);
  g_assert_false (wtw_backup_prepare_folder (below_a_file, &error));
  g_assert_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER);
  g_clear_error (&error);

  /* Permissions do not stop root. */
  if (geteuid () != 0)
    {
      g_assert_true (wtw_backup_prepare_folder (fx->folder, &error));
      g_assert_cmpint (g_chmod (fx->folder_path, 0500), ==, 0);
      backup = wtw_backup_write (fx->vault.vault, fx->folder, TRUE, NULL, NULL, &error);
      g_assert_null (backup);
      g_assert_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER);
      g_chmod (fx->folder_path, 0700);
    }
  g_unlink (file_path);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault/backup/names", test_names);
  add_test ("/wtw/vault/backup/restore-after-corruption", test_restore_after_corruption);
  add_test ("/wtw/vault/backup/restore-refused", test_restore_refused);
  add_test ("/wtw/vault/backup/restore-moves-journal", test_restore_moves_journal);
  add_test ("/wtw/vault/backup/list", test_list);
  add_test ("/wtw/vault/backup/rotate", test_rotate);
  add_test ("/wtw/vault/backup/write-async-rotates", test_write_async_rotates);
  add_test ("/wtw/vault/backup/folder-problems", test_folder_problems);

  return g_test_run ();
}
