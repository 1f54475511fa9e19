/* test-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-application.h"
#include "wtw-chapter.h"
#include "wtw-journal-view.h"
#include "wtw-main-page.h"
#include "wtw-quiz-view.h"
#include "wtw-workbook-view.h"
#include "wtw-settings.h"
#include "wtw-test-app.h"
#include "wtw-window.h"

static WtwApplication *app;

#define iterate_until wtw_test_iterate_until
#define is_mapped wtw_test_is_mapped

static gboolean
is_null (gpointer pointer_location)
{
  return *(gpointer *)pointer_location == NULL;
}

static WtwWindow *
new_window_of_size (int width,
                    int height)
{
  WtwWindow *window = wtw_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (is_mapped, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static GtkWidget *
template_child (WtwWindow  *window,
                const char *name)
{
  WtwMainPage *main_page = wtw_window_get_main_page (window);

  g_assert_nonnull (main_page);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (main_page), WTW_TYPE_MAIN_PAGE, name));
}

static void
test_window_views (void)
{
  WtwWindow *window = new_window_of_size (960, 720);
  static const char *views[] = { "journal", "quiz", "workbook" };
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, "stack"));

  g_assert_cmpstr (wtw_window_get_visible_view (window), ==, "workbook");

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[i]));
      g_assert_cmpstr (wtw_window_get_visible_view (window), ==, views[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, views[i]);

      /* Each view is the real one, built for the unlocked vault. */
      page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (stack)));
      if (g_str_equal (views[i], "quiz"))
        g_assert_true (WTW_IS_QUIZ_VIEW (page));
      else if (g_str_equal (views[i], "workbook"))
        g_assert_true (WTW_IS_WORKBOOK_VIEW (page));
      else
        g_assert_true (WTW_IS_JOURNAL_VIEW (page));
    }

  /* The property and the action agree both ways. */
  g_object_set (window, "visible-view", "quiz", NULL);
  g_assert_cmpstr (wtw_window_get_visible_view (window), ==, "quiz");

  /* Destroying the window frees it: nothing it set up keeps it alive. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until (is_null, &window);
  g_assert_null (window);
}

static void
test_window_open_chapter (void)
{
  WtwWindow *window = new_window_of_size (960, 720);
  GtkWidget *workbook;
  WtwChapter *chapter = NULL;

  wtw_window_set_visible_view (window, "quiz");
  /* What the quiz's recommended-chapter buttons activate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-chapter", "s", "calm-down"));
  g_assert_cmpstr (wtw_window_get_visible_view (window), ==, "workbook");

  workbook = adw_bin_get_child (ADW_BIN (template_child (window, "workbook_bin")));
  g_object_get (workbook, "chapter", &chapter, NULL);
  g_assert_nonnull (chapter);
  g_assert_cmpstr (wtw_chapter_get_id (chapter), ==, "calm-down");
  g_object_unref (chapter);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_unknown_view (void)
{
  WtwWindow *window = wtw_window_new (app);

  g_test_expect_message ("wtw-window", G_LOG_LEVEL_WARNING, "*No view called*nowhere*");
  wtw_window_set_visible_view (window, "nowhere");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (wtw_window_get_visible_view (window), ==, "workbook");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
check_switcher_layout (int      width,
                       gboolean narrow)
{
  WtwWindow *window = new_window_of_size (width, 640);
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (template_child (window, "switcher_bar"));
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (template_child (window, "switcher_title"));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width + 1);
  g_assert_cmpint (adw_view_switcher_bar_get_reveal (bar), ==, narrow);
  g_assert_cmpint (adw_view_switcher_title_get_title_visible (title), ==, narrow);

  /* Switching still works from the bottom bar's side of things. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "journal"));
  g_assert_cmpstr (wtw_window_get_visible_view (window), ==, "journal");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_narrow (void)
{
  check_switcher_layout (360, TRUE);
}

static void
test_window_wide (void)
{
  check_switcher_layout (1000, FALSE);
}

static void
test_window_accels (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.lock", "<Control>l" },
    { "app.hide-now", "<Control><Shift>h" },
    { "win.show-help-overlay", "<Control>question" },
    { "win.show-help-overlay", "F1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     expected[i].action);

      guint want_key, key;
      GdkModifierType want_mods, mods;
      gboolean found = FALSE;

      /* Compared as keys and modifiers: GTK may write them in another order. */
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &want_key, &want_mods));
      for (guint j = 0; accels != NULL && accels[j] != NULL; j++)
        found |= gtk_accelerator_parse (accels[j], &key, &mods)
                 && key == want_key && mods == want_mods;
      if (!found)
        g_error ("%s is not bound to %s", expected[i].action, expected[i].accel);
    }

  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (app), "about") != NULL);
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }

  return NULL;
}

static void
test_window_dialogs (void)
{
  WtwWindow *window = new_window_of_size (800, 600);
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (dialog)), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  dialog = find_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_preferences (void)
{
  WtwWindow *window = new_window_of_size (800, 600);
  WtwSettings *settings = wtw_application_get_settings (app);
  GtkWindow *prefs;
  GtkAdjustment *adjustment;

  wtw_settings_set_auto_lock_minutes (settings, 5);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_window_of_type (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);

  adjustment = GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                              G_OBJECT_TYPE (prefs),
                                                              "auto_lock_adjustment"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 5);

  /* The spin button writes through to GSettings, and back. */
  gtk_adjustment_set_value (adjustment, 12);
  g_assert_cmpuint (wtw_settings_get_auto_lock_minutes (settings), ==, 12);
  wtw_settings_set_auto_lock_minutes (settings, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 3);

  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state_saved (void)
{
  WtwSettings *settings = wtw_application_get_settings (app);
  WtwWindow *window;

  wtw_settings_save_window_state (settings, 700, 500, FALSE);
  window = new_window_of_size (700, 500);
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (wtw_settings_get_window_width (settings), ==, 820);
  g_assert_cmpint (wtw_settings_get_window_height (settings), ==, 610);
  g_assert_false (wtw_settings_get_window_maximized (settings));

  /* A new window starts at the saved size. */
  window = wtw_window_new (app);
  {
    int w, h;

    gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
    g_assert_cmpint (w, ==, 820);
    g_assert_cmpint (h, ==, 610);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  wtw_test_app_create_vault (app);

  g_test_add_func ("/wtw/window/views", test_window_views);
  g_test_add_func ("/wtw/window/unknown-view", test_window_unknown_view);
  g_test_add_func ("/wtw/window/open-chapter", test_window_open_chapter);
  g_test_add_func ("/wtw/window/narrow", test_window_narrow);
  g_test_add_func ("/wtw/window/wide", test_window_wide);
  g_test_add_func ("/wtw/window/accels", test_window_accels);
  g_test_add_func ("/wtw/window/dialogs", test_window_dialogs);
  g_test_add_func ("/wtw/window/preferences", test_window_preferences);
  g_test_add_func ("/wtw/window/state-saved", test_window_state_saved);

  ret = g_test_run ();

  /* The registered application is also held by its D-Bus export, so it
   * cannot be asserted finalized here; windows are, in /wtw/window/views. */
  g_object_unref (app);

  return ret;
}
