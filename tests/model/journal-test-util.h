/* journal-test-util.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "wtw-crypt-kdf.h"
#include "wtw-secure.h"
#include "wtw-session.h"
#include "wtw-vault-private.h"

/* A session with a fresh vault in a folder of the test's own, created at the
 * Argon2id floor and left unlocked. */

#define JOURNAL_TEST_PASSPHRASE "correct horse battery staple"

typedef struct
{
  char       *dir;
  WtwSession *session;
} JournalFixture;

static inline gboolean
journal_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

static inline void
journal_test_iterate_until (gboolean (*done) (gpointer),
                            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (data));
}

static inline void
journal_test_created_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *key = wtw_session_create_finish (WTW_SESSION (object), result, &error);

  g_assert_no_error (error);
  wtw_secure_free (key);
  *(gboolean *) user_data = TRUE;
}

static inline void
journal_test_unlocked_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  wtw_session_unlock_finish (WTW_SESSION (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static inline void
journal_fixture_set_up (JournalFixture *fx,
                        gconstpointer   data)
{
  static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean done = FALSE;

  fx->dir = g_dir_make_tmp ("wtw-journal-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "journal.wtw", NULL);
  file = g_file_new_for_path (path);
  fx->session = wtw_session_new (file);
  wtw_session_set_kdf_params (fx->session, &floor_params);
  wtw_session_create_async (fx->session, "Alex", JOURNAL_TEST_PASSPHRASE, NULL,
                            journal_test_created_cb, &done);
  journal_test_iterate_until (journal_test_is_true, &done);
  g_assert_cmpint (wtw_session_get_state (fx->session), ==, WTW_SESSION_STATE_UNLOCKED);
}

static inline void
journal_test_unlock (WtwSession *session)
{
  gboolean done = FALSE;

  wtw_session_unlock_async (session, JOURNAL_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                            journal_test_unlocked_cb, &done);
  journal_test_iterate_until (journal_test_is_true, &done);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);
}

static inline void
journal_fixture_tear_down (JournalFixture *fx,
                           gconstpointer   data)
{
  g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  /* The worker thread of the last async call lets go a moment later. */
  for (guint i = 0; i < 5000 && G_OBJECT (fx->session)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (fx->session);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fx->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

/* Adds @n entries in one transaction, one an hour back from @newest: entry
 * i (1-based) is titled "Entry i", with a body that names it. */
static inline void
journal_test_fill (WtwSession *session,
                   guint       n,
                   gint64      newest)
{
  WtwVault *vault = wtw_session_get_vault (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql =
    g_strdup_printf ("BEGIN;"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                     " INSERT INTO journal_entries (member_id, created, updated, title, body)"
                     " SELECT %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " - i * 3600, %"
                     G_GINT64_FORMAT ", 'Entry ' || i,"
                     " 'Body of entry ' || i || char(10) || 'More words here.' FROM n;"
                     "COMMIT;",
                     n, wtw_vault_get_member_id (vault), newest, newest);

  _wtw_vault_exec (vault, sql, &error);
  g_assert_no_error (error);
}

static inline gint64
journal_test_add (WtwSession *session,
                  const char *title,
                  const char *body,
                  const char *mood,
                  gint64      created,
                  gboolean    is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup (mood);
  entry->created = created;
  entry->is_private = is_private;
  wtw_vault_journal_insert (wtw_session_get_vault (session), entry, &error);
  g_assert_no_error (error);
  return entry->id;
}
