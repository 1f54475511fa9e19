/* test-autosave.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The debounced autosave on a fake clock: nothing saves while changes keep
 * coming, one save after a quiet second, flush on demand, failures kept.
 */

#include "config.h"

#include "wtw-autosave-private.h"

typedef struct
{
  gint64   now;
  guint    saves;
  gboolean fail;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static gboolean
save_cb (gpointer   user_data,
         GError   **error)
{
  Fixture *fx = user_data;

  if (fx->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full.");
      return FALSE;
    }
  fx->saves++;
  return TRUE;
}

static WtwAutosave *
autosave_new (Fixture *fx)
{
  WtwAutosave *autosave = wtw_autosave_new (save_cb, fx);

  _wtw_autosave_set_clock (autosave, fake_clock, fx);
  return autosave;
}

static void
advance (Fixture     *fx,
         WtwAutosave *autosave,
         guint        msec)
{
  fx->now += msec * 1000;
  _wtw_autosave_tick (autosave);
}

static void
test_debounce (void)
{
  Fixture fx = { 1000000, 0, FALSE };
  g_autoptr(WtwAutosave) autosave = autosave_new (&fx);

  g_assert_cmpint (wtw_autosave_get_state (autosave), ==, WTW_AUTOSAVE_STATE_CLEAN);
  g_assert_cmpuint (wtw_autosave_get_delay (autosave), ==, 1000);

  /* Typing every 600 ms for three seconds: no save yet. */
  for (guint i = 0; i < 5; i++)
    {
      wtw_autosave_changed (autosave);
      advance (&fx, autosave, 600);
      g_assert_cmpuint (fx.saves, ==, 0);
      g_assert_true (wtw_autosave_get_pending (autosave));
      g_assert_false (wtw_autosave_get_saved (autosave));
    }

  /* 999 ms after the last change: still waiting; at 1000: one save. */
  advance (&fx, autosave, 399);
  g_assert_cmpuint (fx.saves, ==, 0);
  advance (&fx, autosave, 1);
  g_assert_cmpuint (fx.saves, ==, 1);
  g_assert_true (wtw_autosave_get_saved (autosave));
  g_assert_false (wtw_autosave_get_pending (autosave));

  /* Nothing new: ticking does not save again. */
  advance (&fx, autosave, 5000);
  g_assert_cmpuint (fx.saves, ==, 1);
}

static void
test_flush (void)
{
  Fixture fx = { 0, 0, FALSE };
  g_autoptr(WtwAutosave) autosave = autosave_new (&fx);
  g_autoptr(GError) error = NULL;

  /* Nothing to save: flush is a no-op that succeeds. */
  g_assert_true (wtw_autosave_flush (autosave, &error));
  g_assert_cmpuint (fx.saves, ==, 0);

  wtw_autosave_changed (autosave);
  g_assert_true (wtw_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx.saves, ==, 1);
  g_assert_cmpint (wtw_autosave_get_state (autosave), ==, WTW_AUTOSAVE_STATE_SAVED);

  /* Discarding forgets pending changes without saving. */
  wtw_autosave_changed (autosave);
  wtw_autosave_discard (autosave);
  advance (&fx, autosave, 2000);
  g_assert_cmpuint (fx.saves, ==, 1);
  g_assert_cmpint (wtw_autosave_get_state (autosave), ==, WTW_AUTOSAVE_STATE_CLEAN);
}

static void
on_save_failed_cb (WtwAutosave *autosave,
                   const char  *message,
                   gpointer     user_data)
{
  g_strlcpy (user_data, message, 64);
}

static void
test_failure (void)
{
  Fixture fx = { 0, 0, TRUE };
  g_autoptr(WtwAutosave) autosave = autosave_new (&fx);
  char message[64] = "";

  g_signal_connect (autosave, "save-failed", G_CALLBACK (on_save_failed_cb), message);
  wtw_autosave_changed (autosave);
  advance (&fx, autosave, 1000);
  g_assert_cmpstr (message, ==, "The disk is full.");
  g_assert_cmpint (wtw_autosave_get_state (autosave), ==, WTW_AUTOSAVE_STATE_FAILED);
  g_assert_true (wtw_autosave_get_pending (autosave));

  /* The changes are still there: the next flush saves them. */
  fx.fail = FALSE;
  g_assert_true (wtw_autosave_flush (autosave, NULL));
  g_assert_cmpuint (fx.saves, ==, 1);
  g_assert_true (wtw_autosave_get_saved (autosave));
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* With the real clock, the timer fires by itself. */
static void
test_real_timer (void)
{
  Fixture fx = { 0, 0, FALSE };
  g_autoptr(WtwAutosave) autosave = wtw_autosave_new (save_cb, &fx);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  wtw_autosave_set_delay (autosave, 50);
  wtw_autosave_changed (autosave);
  g_timeout_add (20, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (fx.saves, ==, 0);
  g_timeout_add (200, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (fx.saves, ==, 1);
  g_assert_true (wtw_autosave_get_saved (autosave));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wtw/model/autosave/debounce", test_debounce);
  g_test_add_func ("/wtw/model/autosave/flush", test_flush);
  g_test_add_func ("/wtw/model/autosave/failure", test_failure);
  g_test_add_func ("/wtw/model/autosave/real-timer", test_real_timer);

  return g_test_run ();
}
