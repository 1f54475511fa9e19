/* test-lock.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * First run, unlock and lock, as people meet them: through the window's
 * pages and actions, with a real vault in a folder of the test's own.
 */

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "wtw-main-page.h"
#include "wtw-session.h"
#include "wtw-setup-page.h"
#include "wtw-test-app.h"
#include "wtw-unlock-page.h"
#include "wtw-window.h"

static WtwApplication *app;
static WtwSession *session;

static gpointer
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (found);
  return found;
}

static const char *
visible_page (WtwWindow *window)
{
  GtkStack *stack = child (GTK_WIDGET (window), WTW_TYPE_WINDOW, "lock_stack");

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
session_is_idle (gpointer data)
{
  return !wtw_session_get_busy (data);
}

static gboolean
session_is_locked (gpointer data)
{
  return wtw_session_get_state (data) == WTW_SESSION_STATE_LOCKED;
}

static WtwWindow *
present_window (void)
{
  WtwWindow *window = wtw_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 640);
  gtk_window_present (GTK_WINDOW (window));
  wtw_test_iterate_until (wtw_test_is_mapped, window);
  return window;
}

static void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
test_first_run (void)
{
  WtwWindow *window = present_window ();
  GtkWidget *setup;
  GtkStack *steps;
  GtkLabel *recovery_label;
  g_autofree char *key = NULL;

  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_NEEDS_SETUP);
  g_assert_cmpstr (visible_page (window), ==, "setup");
  setup = gtk_stack_get_visible_child (GTK_STACK (child (GTK_WIDGET (window), WTW_TYPE_WINDOW, "lock_stack")));
  g_assert_true (WTW_IS_SETUP_PAGE (setup));
  steps = child (setup, WTW_TYPE_SETUP_PAGE, "steps");

  g_assert_true (gtk_widget_activate_action (setup, "setup.start", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (steps), ==, "create");

  /* A weak passphrase, then a mismatch, keep Create disabled. */
  type_into (child (setup, WTW_TYPE_SETUP_PAGE, "name_row"), "Alex");
  type_into (child (setup, WTW_TYPE_SETUP_PAGE, "passphrase_row"), "password1");
  type_into (child (setup, WTW_TYPE_SETUP_PAGE, "confirm_row"), "password1");
  g_assert_false (gtk_widget_is_sensitive (child (setup, WTW_TYPE_SETUP_PAGE, "create_button")));
  g_assert_cmpfloat (gtk_level_bar_get_value (child (setup, WTW_TYPE_SETUP_PAGE, "strength_bar")), <, 3);

  type_into (child (setup, WTW_TYPE_SETUP_PAGE, "passphrase_row"), WTW_TEST_PASSPHRASE);
  type_into (child (setup, WTW_TYPE_SETUP_PAGE, "confirm_row"), WTW_TEST_PASSPHRASE " ");
  g_assert_false (gtk_widget_is_sensitive (child (setup, WTW_TYPE_SETUP_PAGE, "create_button")));

  type_into (child (setup, WTW_TYPE_SETUP_PAGE, "confirm_row"), WTW_TEST_PASSPHRASE);
  g_assert_true (gtk_widget_is_sensitive (child (setup, WTW_TYPE_SETUP_PAGE, "create_button")));
  g_assert_cmpfloat (gtk_level_bar_get_value (child (setup, WTW_TYPE_SETUP_PAGE, "strength_bar")), >=, 3);

  g_assert_true (gtk_widget_activate_action (setup, "setup.create", NULL));
  wtw_test_iterate_until (session_is_idle, session);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);

  /* The recovery key is shown once, and the window waits for it to be kept. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (steps), ==, "recovery");
  g_assert_cmpstr (visible_page (window), ==, "setup");
  recovery_label = child (setup, WTW_TYPE_SETUP_PAGE, "recovery_label");
  key = g_strdup (gtk_label_get_label (recovery_label));
  g_assert_cmpuint (strlen (key), >=, 52);
  g_assert_true (gtk_widget_is_sensitive (child (setup, WTW_TYPE_SETUP_PAGE, "continue_button")));
  g_assert_cmpstr (visible_page (window), ==, "setup");

  g_assert_true (gtk_widget_activate_action (setup, "setup.finish", NULL));
  g_assert_cmpstr (visible_page (window), ==, "main");
  g_assert_nonnull (wtw_window_get_main_page (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_lock_destroys_main_page (void)
{
  WtwWindow *window = present_window ();
  WtwMainPage *main_page = wtw_window_get_main_page (window);

  g_assert_nonnull (main_page);
  g_object_add_weak_pointer (G_OBJECT (main_page), (gpointer *)&main_page);

  g_action_group_activate_action (G_ACTION_GROUP (app), "hide-now", NULL);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_LOCKED);
  g_assert_cmpstr (visible_page (window), ==, "unlock");
  g_assert_null (wtw_window_get_main_page (window));
  g_assert_null (main_page);
  g_assert_null (wtw_session_get_vault (session));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Measures the longest time between two ticks of the main loop, both on
 * the wall clock and in CPU time of the main thread. A stall caused by our
 * code shows in both; a thread that only waited for a busy CPU shows in
 * the first alone. */
typedef struct {
  gint64 last;
  gint64 last_cpu;
  gint64 max_gap;
  gint64 max_cpu_gap;
} StallProbe;

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_probe_tick_cb (gpointer data)
{
  StallProbe *probe = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();

  if (probe->last != 0)
    {
      probe->max_gap = MAX (probe->max_gap, now - probe->last);
      probe->max_cpu_gap = MAX (probe->max_cpu_gap, cpu - probe->last_cpu);
    }
  probe->last = now;
  probe->last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static gboolean
machine_is_overloaded (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return FALSE;
  return g_ascii_strtod (contents, NULL) > g_get_num_processors ();
}

static void
unlock_with (WtwWindow  *window,
             const char *passphrase,
             StallProbe *probe)
{
  GtkWidget *unlock = gtk_stack_get_visible_child (GTK_STACK (child (GTK_WIDGET (window), WTW_TYPE_WINDOW, "lock_stack")));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint source;

  g_assert_true (WTW_IS_UNLOCK_PAGE (unlock));
  type_into (child (unlock, WTW_TYPE_UNLOCK_PAGE, "passphrase_entry"), passphrase);
  source = g_timeout_add (5, on_probe_tick_cb, probe);
  g_assert_true (gtk_widget_activate_action (unlock, "unlock.unlock", NULL));
  g_assert_true (wtw_session_get_busy (session));
  /* The loop sleeps between events, as the app's own main loop does: a
   * loop that spun without sleeping would be seen by the scheduler as a
   * CPU hog and set aside for the key derivation, which measures the
   * scheduler rather than the app. The probe's ticks keep it waking. */
  while (!session_is_idle (session) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  g_assert_true (session_is_idle (session));
}

#if defined(__SANITIZE_ADDRESS__)
# define WTW_SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define WTW_SANITIZED 1
# endif
#endif
#ifndef WTW_SANITIZED
# define WTW_SANITIZED 0
#endif

static void
test_unlock (void)
{
  WtwWindow *window = present_window ();
  GtkWidget *unlock;
  GtkLabel *error_label;
  StallProbe probe = { 0, };

  g_assert_cmpstr (visible_page (window), ==, "unlock");
  unlock = gtk_stack_get_visible_child (GTK_STACK (child (GTK_WIDGET (window), WTW_TYPE_WINDOW, "lock_stack")));
  error_label = child (unlock, WTW_TYPE_UNLOCK_PAGE, "error_label");

  /* An empty passphrase is refused without any key derivation. */
  g_assert_true (gtk_widget_activate_action (unlock, "unlock.unlock", NULL));
  g_assert_false (wtw_session_get_busy (session));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  unlock_with (window, "not the passphrase at all", &probe);
  probe = (StallProbe) { 0, };
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_LOCKED);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "does not open"));

  /* Argon2id runs on a worker: the main loop never stalls for long. */
  unlock_with (window, WTW_TEST_PASSPHRASE, &probe);
  g_test_message ("Longest main-loop gap during unlock: %.1f ms (%.1f ms of it on the CPU)",
                  probe.max_gap / 1000.0, probe.max_cpu_gap / 1000.0);
  g_assert_cmpint (probe.max_cpu_gap, <, 50 * 1000);
  if (machine_is_overloaded ())
    g_test_message ("Load average above the number of CPUs: the wall-clock bound is not checked");
  else if (WTW_SANITIZED)
    /* AddressSanitizer slows every allocation of GTK's rendering: the wall
     * clock there measures the instrumentation. The normal build checks it. */
    g_test_message ("Sanitizer build: the wall-clock bound is checked by the normal build");
  else
    g_assert_cmpint (probe.max_gap, <, 50 * 1000);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);
  g_assert_cmpstr (visible_page (window), ==, "main");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_auto_lock (void)
{
  WtwWindow *window = present_window ();
  guint saved = wtw_session_get_idle_timeout (session);

  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);
  wtw_session_set_idle_timeout (session, 1);
  wtw_test_iterate_until (session_is_locked, session);
  g_assert_cmpstr (visible_page (window), ==, "unlock");
  g_assert_null (wtw_window_get_main_page (window));
  wtw_session_set_idle_timeout (session, saved);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  session = wtw_application_get_session (app);

  /* In order: each test starts from the state the one before left. */
  g_test_add_func ("/wtw/lock/first-run", test_first_run);
  g_test_add_func ("/wtw/lock/lock-destroys-main-page", test_lock_destroys_main_page);
  g_test_add_func ("/wtw/lock/unlock", test_unlock);
  g_test_add_func ("/wtw/lock/auto-lock", test_auto_lock);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
