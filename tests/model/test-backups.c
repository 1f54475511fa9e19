/* test-backups.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwBackups, backups as the app meets them: when automatic backups run
 * (on a test clock), that locking puts them off, rotation, "Back Up Now",
 * and restoring through the session.
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "wtw-backups-private.h"
#include "wtw-secure.h"

#define PASSPHRASE "amber lighthouse quietly folding"

typedef struct
{
  char       *dir;
  char       *folder_path;
  GSettings  *settings;
  WtwSession *session;
  WtwBackups *backups;
  gint64      clock;
  gboolean    done;
  GFile      *result;
  GError     *error;
  guint       n_backed_up;
} Fixture;

static gint64
test_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->clock;
}

static void
wait_done (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!f->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->done);
  f->done = FALSE;
}

static void
wait_idle (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (wtw_backups_get_busy (f->backups) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (wtw_backups_get_busy (f->backups));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;
  char *key = wtw_session_create_finish (WTW_SESSION (object), result, &f->error);

  g_assert_no_error (f->error);
  wtw_secure_free (key);
  f->done = TRUE;
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *f = user_data;

  wtw_session_unlock_finish (WTW_SESSION (object), result, &f->error);
  f->done = TRUE;
}

static void
on_backed_up_cb (WtwBackups *backups,
                 GFile      *file,
                 gboolean    automatic,
                 Fixture    *f)
{
  g_assert_true (automatic);
  f->n_backed_up++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("wtw-backups-XXXXXX", NULL);
  path = g_build_filename (f->dir, "vault.wtw", NULL);
  f->folder_path = g_build_filename (f->dir, "backups", NULL);
  file = g_file_new_for_path (path);
  f->settings = g_settings_new_with_backend (APP_ID, backend);
  f->session = wtw_session_new (file);
  wtw_session_set_kdf_params (f->session, &floor);
  f->backups = wtw_backups_new (f->session, f->settings);
  f->clock = 1000 * G_USEC_PER_SEC;
  _wtw_backups_set_clock (f->backups, test_clock, f);
  g_signal_connect (f->backups, "backed-up", G_CALLBACK (on_backed_up_cb), f);

  wtw_session_create_async (f->session, "Alex", PASSPHRASE, NULL, created_cb, f);
  wait_done (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Workers drop their references a moment after delivering results. */
static void
wait_for_workers (GObject *object)
{
  g_assert_nonnull (object);
  for (guint i = 0; i < 5000 && g_atomic_int_get (&object->ref_count) > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wait_idle (f);
  wait_for_workers (G_OBJECT (f->backups));
  g_assert_finalize_object (f->backups);
  wtw_session_lock (f->session);
  wait_for_workers (G_OBJECT (f->session));
  g_assert_finalize_object (f->session);
  g_object_unref (f->settings);
  g_clear_object (&f->result);
  g_clear_error (&f->error);
  remove_tree (f->dir);
  g_free (f->folder_path);
  g_free (f->dir);
}

static guint
count_backups (Fixture *f)
{
  g_autoptr(GPtrArray) list = wtw_backups_list (f->backups, NULL);

  g_assert_nonnull (list);
  return list != NULL ? list->len : 0;
}

static void
add_entry (Fixture    *f,
           const char *title)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup ("Some words about today.");
  wtw_vault_journal_insert (wtw_session_get_vault (f->session), entry, &error);
  g_assert_no_error (error);
}

/* Runs the timer if due, and waits for the backup it starts. */
static void
advance (Fixture *f,
         guint    seconds)
{
  f->clock += (gint64) seconds * G_USEC_PER_SEC;
  _wtw_backups_tick (f->backups);
  wait_idle (f);
}

static void
test_quiet_period (Fixture       *f,
                   gconstpointer  data)
{
  /* A new vault has no backup yet: one is due. */
  g_assert_true (_wtw_backups_is_scheduled (f->backups));
  advance (f, 59);
  g_assert_cmpuint (count_backups (f), ==, 0);
  advance (f, 1);
  g_assert_cmpuint (count_backups (f), ==, 1);
  g_assert_cmpuint (f->n_backed_up, ==, 1);
  g_assert_false (_wtw_backups_is_scheduled (f->backups));

  /* Each change starts the quiet minute again. */
  wtw_backups_notify_changed (f->backups);
  advance (f, 40);
  wtw_backups_notify_changed (f->backups);
  advance (f, 40);
  g_assert_cmpuint (f->n_backed_up, ==, 1);
  advance (f, 20);
  g_assert_cmpuint (f->n_backed_up, ==, 2);
}

static void
test_max_delay (Fixture       *f,
                gconstpointer  data)
{
  advance (f, 60);
  g_assert_cmpuint (f->n_backed_up, ==, 1);

  /* Someone writing without a pause still gets a backup within ten
   * minutes of their first change. */
  for (guint i = 0; i < 19; i++)
    {
      wtw_backups_notify_changed (f->backups);
      advance (f, 30);
      g_assert_cmpuint (f->n_backed_up, ==, 1);
    }
  wtw_backups_notify_changed (f->backups);
  advance (f, 30);
  g_assert_cmpuint (f->n_backed_up, ==, 2);
}

static void
test_off_and_locked (Fixture       *f,
                     gconstpointer  data)
{
  advance (f, 60);
  g_assert_cmpuint (f->n_backed_up, ==, 1);

  wtw_backups_set_automatic (f->backups, FALSE);
  wtw_backups_notify_changed (f->backups);
  g_assert_false (_wtw_backups_is_scheduled (f->backups));
  wtw_backups_set_automatic (f->backups, TRUE);

  /* A change, then the lock before the quiet minute ends: nothing runs
   * while locked, and the backup is made after the next unlock. */
  add_entry (f, "Written before the lock");
  wtw_backups_notify_changed (f->backups);
  g_assert_true (_wtw_backups_is_scheduled (f->backups));
  wtw_session_lock (f->session);
  g_assert_false (_wtw_backups_is_scheduled (f->backups));
  wtw_backups_notify_changed (f->backups);
  advance (f, 600);
  g_assert_cmpuint (f->n_backed_up, ==, 1);

  wtw_session_unlock_async (f->session, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, unlocked_cb, f);
  wait_done (f);
  g_assert_no_error (f->error);
  g_assert_true (_wtw_backups_is_scheduled (f->backups));
  advance (f, 60);
  g_assert_cmpuint (f->n_backed_up, ==, 2);
}

static void
test_lock_cancels (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  f->clock += 60 * G_USEC_PER_SEC;
  _wtw_backups_tick (f->backups);
  g_assert_true (wtw_backups_get_busy (f->backups));
  /* The lock does not wait for the backup. */
  wtw_session_lock (f->session);
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_LOCKED);
  wait_idle (f);

  /* Either it was done before the lock got to it, or nothing is left. */
  dir = g_dir_open (f->folder_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_assert_true (wtw_backup_parse_name (name, NULL, NULL, NULL));
  g_assert_cmpuint (count_backups (f), ==, f->n_backed_up);
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  wtw_backups_set_keep (f->backups, 2);
  for (guint i = 0; i < 4; i++)
    {
      wtw_backups_notify_changed (f->backups);
      advance (f, 60);
    }
  g_assert_cmpuint (f->n_backed_up, ==, 4);
  g_assert_cmpuint (count_backups (f), ==, 2);
}

static void
backed_up_now_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Fixture *f = user_data;

  g_clear_object (&f->result);
  f->result = wtw_backups_back_up_now_finish (WTW_BACKUPS (object), result, &f->error);
  f->done = TRUE;
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *f = user_data;

  g_clear_object (&f->result);
  f->result = wtw_backups_restore_finish (WTW_BACKUPS (object), result, &f->error);
  f->done = TRUE;
}

static gint64
count_entries (WtwVault *vault)
{
  g_autoptr(GError) error = NULL;
  gint64 n = wtw_vault_journal_count (vault, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_back_up_now_and_restore (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) backup = NULL;
  g_autoptr(WtwVault) aside = NULL;
  g_autoptr(GPtrArray) list = NULL;

  add_entry (f, "One");
  add_entry (f, "Two");
  wtw_backups_back_up_now_async (f->backups, NULL, backed_up_now_cb, f);
  wait_done (f);
  g_assert_no_error (f->error);
  backup = g_steal_pointer (&f->result);
  list = wtw_backups_list (f->backups, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_false (((WtwBackupInfo *) list->pdata[0])->automatic);
  g_assert_true (g_str_has_prefix (g_file_peek_path (backup), f->folder_path));

  add_entry (f, "Written after the backup");
  g_assert_cmpint (count_entries (wtw_session_get_vault (f->session)), ==, 3);

  /* A wrong passphrase changes nothing, and the vault stays open. */
  wtw_backups_restore_async (f->backups, backup, "not it", WTW_SECRET_PASSPHRASE, NULL,
                             restored_cb, f);
  wait_done (f);
  g_assert_error (f->error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&f->error);
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_cmpint (count_entries (wtw_session_get_vault (f->session)), ==, 3);

  wtw_backups_restore_async (f->backups, backup, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                             restored_cb, f);
  wait_done (f);
  g_assert_no_error (f->error);
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_cmpint (count_entries (wtw_session_get_vault (f->session)), ==, 2);
  g_assert_false (wtw_backups_get_busy (f->backups));

  /* What was written after the backup is in the file kept aside. */
  g_assert_nonnull (f->result);
  g_assert_true (g_str_has_prefix (g_file_peek_path (f->result), f->dir));
  aside = wtw_vault_new (f->result);
  g_assert_true (wtw_vault_unlock (aside, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &f->error));
  g_assert_cmpint (count_entries (aside), ==, 3);
  wtw_vault_lock (aside);
}

static void
test_folder_setting (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autoptr(GFile) chosen = g_file_new_for_path (elsewhere);
  g_autoptr(GFile) folder = wtw_backups_dup_folder (f->backups);
  g_autofree char *stored = NULL;

  g_assert_cmpstr (g_file_peek_path (folder), ==, f->folder_path);
  wtw_backups_set_folder (f->backups, chosen);
  stored = g_settings_get_string (f->settings, "backup-folder");
  g_assert_cmpstr (stored, ==, elsewhere);
  g_clear_object (&folder);
  folder = wtw_backups_dup_folder (f->backups);
  g_assert_true (g_file_equal (folder, chosen));

  advance (f, 60);
  g_assert_cmpuint (f->n_backed_up, ==, 1);
  g_assert_cmpuint (count_backups (f), ==, 1);

  wtw_backups_set_folder (f->backups, NULL);
  g_clear_object (&folder);
  folder = wtw_backups_dup_folder (f->backups);
  g_assert_cmpstr (g_file_peek_path (folder), ==, f->folder_path);
  g_assert_cmpuint (count_backups (f), ==, 0);
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

  add_test ("/wtw/model/backups/quiet-period", test_quiet_period);
  add_test ("/wtw/model/backups/max-delay", test_max_delay);
  add_test ("/wtw/model/backups/off-and-locked", test_off_and_locked);
  add_test ("/wtw/model/backups/lock-cancels", test_lock_cancels);
  add_test ("/wtw/model/backups/rotation", test_rotation);
  add_test ("/wtw/model/backups/back-up-now-and-restore", test_back_up_now_and_restore);
  add_test ("/wtw/model/backups/folder-setting", test_folder_setting);

  return g_test_run ();
}
