/* test-session.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwSession, the vault as the app meets it: create, unlock, lock, idle
 * lock, passphrase and recovery key changes, partners.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "wtw-secure.h"
#include "wtw-session.h"

#define PASSPHRASE "amber lighthouse quietly folding"
#define PARTNER_PASSPHRASE "seven paper kites over harbor"

typedef struct
{
  char       *dir;
  WtwSession *session;
  gboolean    done;
  guint       locking_count;
  guint       member_changed_count;
  char       *recovery_key;
  char       *new_key;
  GError     *error;
} Fixture;

static gboolean
wait_done (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!f->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->done);
  f->done = FALSE;
  return f->error == NULL;
}

static void
on_locking_cb (WtwSession *session,
               Fixture    *f)
{
  /* Still open while "locking" runs, so edits can be saved. */
  g_assert_nonnull (wtw_session_get_vault (session));
  f->locking_count++;
}

static void
on_member_changed_cb (WtwSession *session,
                      Fixture    *f)
{
  f->member_changed_count++;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  f->recovery_key = wtw_session_create_finish (WTW_SESSION (object), result, &f->error);
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("wtw-session-XXXXXX", NULL);
  path = g_build_filename (f->dir, "vault.wtw", NULL);
  file = g_file_new_for_path (path);
  f->session = wtw_session_new (file);
  wtw_session_set_kdf_params (f->session, &floor);
  g_signal_connect (f->session, "locking", G_CALLBACK (on_locking_cb), f);
  g_signal_connect (f->session, "member-changed", G_CALLBACK (on_member_changed_cb), f);

  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_NEEDS_SETUP);
  wtw_session_create_async (f->session, "Ada", PASSPHRASE, NULL, created_cb, f);
  g_assert_true (wtw_session_get_busy (f->session));
  g_assert_true (wait_done (f));
  g_assert_false (wtw_session_get_busy (f->session));
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "vault.wtw", NULL);

  g_assert_finalize_object (f->session);
  g_clear_pointer (&f->recovery_key, wtw_secure_free);
  g_clear_error (&f->error);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gboolean
unlock (Fixture       *f,
        const char    *secret,
        WtwSecretKind  kind)
{
  g_clear_error (&f->error);
  wtw_session_unlock_async (f->session, secret, kind, NULL, unlocked_cb, f);
  return wait_done (f);
}

static void
test_lock_unlock (Fixture       *f,
                  gconstpointer  data)
{
  wtw_session_lock (f->session);
  g_assert_cmpuint (f->locking_count, ==, 1);
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_LOCKED);
  g_assert_null (wtw_session_get_vault (f->session));

  /* Locking twice is harmless and says nothing more. */
  wtw_session_lock (f->session);
  g_assert_cmpuint (f->locking_count, ==, 1);

  g_assert_false (unlock (f, "wrong words entirely here", WTW_SECRET_PASSPHRASE));
  g_assert_error (f->error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_LOCKED);

  g_assert_true (unlock (f, f->recovery_key, WTW_SECRET_RECOVERY_KEY));
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_cmpstr (wtw_vault_get_member_name (wtw_session_get_vault (f->session)), ==, "Ada");
}

static gboolean
is_locked (gpointer data)
{
  return wtw_session_get_state (data) == WTW_SESSION_STATE_LOCKED;
}

static void
test_idle_lock (Fixture       *f,
                gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 10 * G_USEC_PER_SEC;

  wtw_session_set_idle_timeout (f->session, 2);
  /* Activity a second in pushes the lock back. */
  while (g_get_monotonic_time () - start < G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  wtw_session_report_activity (f->session);
  g_assert_false (is_locked (f->session));

  while (!is_locked (f->session) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (is_locked (f->session));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 3 * G_USEC_PER_SEC - G_USEC_PER_SEC / 4);
  g_assert_cmpuint (f->locking_count, ==, 1);
}

static void
test_problem_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "vault.wtw", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  wtw_session_lock (f->session);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Damage both header copies: no passphrase can help now. */
  for (gsize i = 64; i < 8192 && i < length; i += 4096)
    contents[i] ^= 0x55;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  g_assert_false (unlock (f, PASSPHRASE, WTW_SECRET_PASSPHRASE));
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_PROBLEM);
  g_assert_nonnull (wtw_session_get_problem (f->session));
  g_assert_nonnull (wtw_session_get_problem (f->session)->message);
}

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

/* A page changed under the open vault: the session says so, once; locking
 * leads to the problem page (where a backup is offered), not to unlock; the
 * next unlock starts clean. */
static void
test_damaged_while_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "vault.wtw", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  WtwVault *vault = wtw_session_get_vault (f->session);
  guint notified = 0;
  guint failed = 0;
  gint64 deadline;
  goffset size;
  g_autofree char *contents = NULL;
  gsize length;
  guint last_page;

  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
      GString *body = g_string_new (NULL);

      for (guint j = 0; j < 60; j++)
        g_string_append_printf (body, "entry %u line %u, about the evening walk. ", i, j);
      entry->title = g_strdup_printf ("Entry %u", i);
      entry->body = g_string_free (body, FALSE);
      g_assert_true (wtw_vault_journal_insert (vault, entry, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, entry->id);
    }
  /* Locked and opened again, the page cache is empty. */
  wtw_session_lock (f->session);
  g_assert_true (unlock (f, PASSPHRASE, WTW_SECRET_PASSPHRASE));
  g_assert_false (wtw_session_get_damage (f->session) != NULL);
  g_signal_connect (f->session, "notify::damaged", G_CALLBACK (on_notify_count_cb), &notified);
  vault = wtw_session_get_vault (f->session);

  /* Another program changes the second half of the file in place. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  size = (goffset) length;
  last_page = (guint) ((size - 8192) / 4096);
  g_assert_cmpuint (last_page, >, 10);
  {
    FILE *file = fopen (path, "r+b");

    g_assert_nonnull (file);
    for (guint page = last_page / 2; page <= last_page; page++)
      {
        goffset offset = 8192 + (goffset) (page - 1) * 4096 + 1000;

        g_assert_cmpint (fseeko (file, offset, SEEK_SET), ==, 0);
        g_assert_cmpint (fputc (contents[offset] ^ 0x20, file), !=, EOF);
      }
    g_assert_cmpint (fclose (file), ==, 0);
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) read_error = NULL;
      g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (vault, g_array_index (ids, gint64, i),
                                                                &read_error);
      if (entry == NULL)
        {
          g_assert_error (read_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
          failed++;
        }
    }
  g_assert_cmpuint (failed, >, 0);

  /* The news arrives through the main loop, once however many reads failed. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (notified == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (wtw_session_get_damage (f->session));
  g_assert_error ((GError *) wtw_session_get_damage (f->session), WTW_VAULT_ERROR,
                  WTW_VAULT_ERROR_CORRUPTED);
  {
    guint page = 0;

    g_assert_cmpint (sscanf (wtw_session_get_damage (f->session)->message, "Page %u ", &page), ==, 1);
    g_assert_cmpuint (page, >=, last_page / 2);
    g_assert_cmpuint (page, <=, last_page);
  }
  /* Still open, so what is on screen can be copied first. */
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);

  wtw_session_lock (f->session);
  g_assert_cmpuint (f->locking_count, ==, 2);
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_PROBLEM);
  g_assert_null (wtw_session_get_damage (f->session));
  g_assert_error ((GError *) wtw_session_get_problem (f->session), WTW_VAULT_ERROR,
                  WTW_VAULT_ERROR_CORRUPTED);
  g_assert_cmpuint (notified, ==, 2);

  /* "Try Again": the header is sound, so the vault opens, with no damage
   * known until a read meets the page again. */
  g_assert_true (unlock (f, PASSPHRASE, WTW_SECRET_PASSPHRASE));
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_null (wtw_session_get_damage (f->session));
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  wtw_session_change_passphrase_finish (WTW_SESSION (object), result, &f->error);
  f->done = TRUE;
}

static void
regenerated_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *f = user_data;

  f->new_key = wtw_session_regenerate_recovery_key_finish (WTW_SESSION (object), result, &f->error);
  f->done = TRUE;
}

static void
test_change_passphrase (Fixture       *f,
                        gconstpointer  data)
{
  static const char *new_passphrase = "copper river morning chorus";
  g_autofree char *new_key = NULL;

  wtw_session_change_passphrase_async (f->session, "not the old one at all", new_passphrase,
                                       NULL, changed_cb, f);
  g_assert_false (wait_done (f));
  g_assert_error (f->error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&f->error);

  wtw_session_change_passphrase_async (f->session, PASSPHRASE, new_passphrase, NULL, changed_cb, f);
  g_assert_true (wait_done (f));

  /* The derivation runs on a worker: the call returns at once, busy. */
  wtw_session_regenerate_recovery_key_async (f->session, NULL, regenerated_cb, f);
  g_assert_true (wtw_session_get_busy (f->session));
  g_assert_true (wait_done (f));
  g_assert_false (wtw_session_get_busy (f->session));
  new_key = g_steal_pointer (&f->new_key);
  g_assert_nonnull (new_key);

  wtw_session_lock (f->session);
  g_assert_false (unlock (f, PASSPHRASE, WTW_SECRET_PASSPHRASE));
  g_assert_false (unlock (f, f->recovery_key, WTW_SECRET_RECOVERY_KEY));
  g_assert_true (unlock (f, new_passphrase, WTW_SECRET_PASSPHRASE));
  wtw_session_lock (f->session);
  g_assert_true (unlock (f, new_key, WTW_SECRET_RECOVERY_KEY));
  wtw_secure_free (g_steal_pointer (&new_key));
}

static void
member_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *f = user_data;
  char *key = wtw_session_add_member_finish (WTW_SESSION (object), result, &f->error);

  g_clear_pointer (&key, wtw_secure_free);
  f->done = TRUE;
}

static void
switched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *f = user_data;

  wtw_session_switch_member_finish (WTW_SESSION (object), result, &f->error);
  f->done = TRUE;
}

static void
test_partners (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;

  wtw_session_add_member_async (f->session, "Ben", PARTNER_PASSPHRASE, NULL, member_added_cb, f);
  g_assert_true (wait_done (f));
  members = wtw_session_list_members (f->session, &f->error);
  g_assert_no_error (f->error);
  g_assert_cmpuint (members->len, ==, 2);

  wtw_session_switch_member_async (f->session, "not anyone's passphrase", NULL, switched_cb, f);
  g_assert_false (wait_done (f));
  g_assert_cmpuint (f->member_changed_count, ==, 0);
  g_clear_error (&f->error);

  wtw_session_switch_member_async (f->session, PARTNER_PASSPHRASE, NULL, switched_cb, f);
  g_assert_true (wait_done (f));
  g_assert_cmpuint (f->member_changed_count, ==, 1);
  /* Pending edits of the one leaving are saved first. */
  g_assert_cmpuint (f->locking_count, ==, 2);
  g_assert_cmpstr (wtw_vault_get_member_name (wtw_session_get_vault (f->session)), ==, "Ben");

  /* The partner's own passphrase opens the vault as them. */
  wtw_session_lock (f->session);
  g_assert_true (unlock (f, PARTNER_PASSPHRASE, WTW_SECRET_PASSPHRASE));
  g_assert_cmpstr (wtw_vault_get_member_name (wtw_session_get_vault (f->session)), ==, "Ben");
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  wtw_session_remove_member_finish (WTW_SESSION (object), result, &f->error);
  f->done = TRUE;
}

static void
test_remove_partner (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *rekey = g_build_filename (f->dir, "vault.wtw.rekey", NULL);
  gint64 ada = wtw_vault_get_member_id (wtw_session_get_vault (f->session));
  gint64 ben = 0;

  wtw_session_add_member_async (f->session, "Ben", PARTNER_PASSPHRASE, NULL, member_added_cb, f);
  g_assert_true (wait_done (f));
  members = wtw_session_list_members (f->session, NULL);
  for (guint i = 0; i < members->len; i++)
    if (((WtwVaultMember *)g_ptr_array_index (members, i))->id != ada)
      ben = ((WtwVaultMember *)g_ptr_array_index (members, i))->id;
  g_assert_cmpint (ben, >, 0);

  /* Nobody removes themselves. */
  wtw_session_remove_member_async (f->session, ada, PASSPHRASE, NULL, removed_cb, f);
  g_assert_false (wait_done (f));
  g_clear_error (&f->error);

  /* A mistyped passphrase is caught before anything changes: both members
   * are still there, the vault still open, no new file left behind. */
  wtw_session_remove_member_async (f->session, ben, "not what Ada types at all", NULL,
                                   removed_cb, f);
  g_assert_true (wtw_session_get_busy (f->session));
  g_assert_false (wait_done (f));
  g_assert_error (f->error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&f->error);
  g_assert_false (wtw_session_get_busy (f->session));
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_false (g_file_test (rekey, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (f->member_changed_count, ==, 0);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = wtw_session_list_members (f->session, NULL);
  g_assert_cmpuint (members->len, ==, 2);

  wtw_session_remove_member_async (f->session, ben, PASSPHRASE, NULL, removed_cb, f);
  g_assert_true (wait_done (f));
  g_assert_cmpint (wtw_session_get_state (f->session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_cmpuint (f->member_changed_count, ==, 1);
  g_assert_false (g_file_test (rekey, G_FILE_TEST_EXISTS));
  g_clear_pointer (&members, g_ptr_array_unref);
  members = wtw_session_list_members (f->session, NULL);
  g_assert_cmpuint (members->len, ==, 1);

  /* The partner's passphrase no longer opens the vault; Ada's does. */
  wtw_session_lock (f->session);
  g_assert_false (unlock (f, PARTNER_PASSPHRASE, WTW_SECRET_PASSPHRASE));
  g_assert_error (f->error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_assert_true (unlock (f, PASSPHRASE, WTW_SECRET_PASSPHRASE));
  wtw_session_lock (f->session);
  g_assert_true (unlock (f, f->recovery_key, WTW_SECRET_RECOVERY_KEY));
}

static void
test_locked_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;

  wtw_session_lock (f->session);
  members = wtw_session_list_members (f->session, &f->error);
  g_assert_null (members);
  g_assert_error (f->error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&f->error);

  wtw_session_regenerate_recovery_key_async (f->session, NULL, regenerated_cb, f);
  g_assert_false (wait_done (f));
  g_assert_null (f->new_key);
  g_assert_error (f->error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

#define ADD(path, func) \
  g_test_add ("/wtw/session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("lock-unlock", test_lock_unlock);
  ADD ("idle-lock", test_idle_lock);
  ADD ("problem-file", test_problem_file);
  ADD ("damaged-while-open", test_damaged_while_open);
  ADD ("change-passphrase", test_change_passphrase);
  ADD ("partners", test_partners);
  ADD ("remove-partner", test_remove_partner);
  ADD ("locked-refuses", test_locked_refuses);
#undef ADD

  return g_test_run ();
}
