/* test-homework-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Homework in the workbook view, with a vault behind it: the empty page,
 * "Assign as Homework…" from a chapter and its form, the list's rows and
 * their Done, Edit and Delete buttons (with undo), opening a chapter from a
 * row, a save that fails keeping the form as typed, and the Preferences
 * switch for reminders. Each step is checked against the vault.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-chapter-page.h"
#include "wtw-content.h"
#include "wtw-homework-dialog.h"
#include "wtw-homework-row.h"
#include "wtw-homework-view.h"
#include "wtw-preferences-window.h"
#include "wtw-session.h"
#include "wtw-settings.h"
#include "wtw-test-app.h"
#include "wtw-vault-homework.h"
#include "wtw-workbook-test-util.h"
#include "wtw-workbook-view.h"

#define CHILD(widget, type, name) wtw_workbook_test_child (widget, type, name)
#define CHAPTER "always-and-never"

static WtwApplication *app;
static WtwContent *content;
static WtwSession *session;

static WtwVault *
vault (void)
{
  WtwVault *v = wtw_session_get_vault (session);

  g_assert_nonnull (v);
  return v;
}

static GPtrArray *
stored (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = wtw_vault_homework_list (vault (), &error);

  g_assert_no_error (error);
  return list;
}

static void
clear_vault (void)
{
  g_autoptr(GPtrArray) list = stored ();

  for (guint i = 0; i < list->len; i++)
    g_assert_true (wtw_vault_homework_delete (vault (), ((WtwHomework *) list->pdata[i])->id,
                                              NULL));
}

static gboolean
session_is_unlocked (gpointer data)
{
  return wtw_session_get_state (data) == WTW_SESSION_STATE_UNLOCKED && !wtw_session_get_busy (data);
}

static void
unlock (void)
{
  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, NULL, NULL);
  wtw_test_iterate_until (session_is_unlocked, session);
}

static GtkWindow *
window_new (GtkWidget **view)
{
  GtkWindow *window;

  clear_vault ();
  window = wtw_workbook_test_window_new (content, 1000, 720, view);
  wtw_workbook_view_set_session (WTW_WORKBOOK_VIEW (*view), session);
  wtw_workbook_test_settle (GTK_WIDGET (window));
  return window;
}

static WtwHomeworkView *
homework_view_of (GtkWidget *view)
{
  return CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "homework_view");
}

static WtwHomeworkDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WTW_IS_HOMEWORK_DIALOG (window))
        return WTW_HOMEWORK_DIALOG (window);
    }
  return NULL;
}

static GDate
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (days > 0)
    g_date_add_days (&date, days);
  else if (days < 0)
    g_date_subtract_days (&date, -days);
  return date;
}

static WtwHomeworkRow *
row_at (GtkWidget  *view,
        const char *list_name,
        int         index)
{
  GtkListBox *list = CHILD (homework_view_of (view), WTW_TYPE_HOMEWORK_VIEW, list_name);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL && WTW_IS_HOMEWORK_ROW (row) ? WTW_HOMEWORK_ROW (row) : NULL;
}

static const char *
row_label (WtwHomeworkRow *row,
           const char     *name)
{
  return gtk_label_get_text (CHILD (row, WTW_TYPE_HOMEWORK_ROW, name));
}

static WtwHomeworkItem *
add (GtkWidget  *view,
     guint       part,
     int         days,
     const char *note)
{
  g_autoptr(GError) error = NULL;
  GDate due = day_from_today (days);
  WtwHomeworkItem *item = wtw_homework_list_add (wtw_workbook_view_get_homework (
                                                   WTW_WORKBOOK_VIEW (view)),
                                                 CHAPTER, part, &due, note, &error);

  g_assert_no_error (error);
  return item;
}

static void
test_empty (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (&view);
  WtwHomeworkView *homework = homework_view_of (view);
  GtkStack *stack = CHILD (homework, WTW_TYPE_HOMEWORK_VIEW, "stack");
  GtkWidget *button = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "homework_button");
  GtkLabel *subtitle = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "homework_subtitle");

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "None assigned");
  g_assert_true (gtk_widget_activate_action (view, "workbook.show-homework", NULL));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "main_stack")), ==, "homework");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Escape goes back to the chapters. */
  g_assert_true (wtw_workbook_test_press (view, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "main_stack")), ==, "browse");

  add (view, 0, 0, NULL);
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "1 due");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  gtk_window_destroy (window);
}

static void
test_assign_from_chapter (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (&view);
  g_autoptr(GPtrArray) rows = NULL;
  WtwHomeworkDialog *dialog;
  GDate due = day_from_today (3);
  const WtwHomework *saved;

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  g_assert_true (gtk_widget_activate_action (view, "workbook.assign-homework", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* It starts from the chapter on show, the whole of it, a week ahead. */
  g_assert_cmpstr (wtw_homework_dialog_get_chapter_id (dialog), ==, CHAPTER);
  g_assert_cmpuint (wtw_homework_dialog_get_part (dialog), ==, WTW_HOMEWORK_WHOLE_CHAPTER);
  {
    GDate shown, week = day_from_today (7);

    wtw_homework_dialog_get_due (dialog, &shown);
    g_assert_cmpint (g_date_compare (&shown, &week), ==, 0);
  }

  /* Choose the Reflect part, a day from the calendar and a note. */
  adw_combo_row_set_selected (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "part_row"), 3);
  {
    g_autoptr(GDateTime) pick = g_date_time_new_local (g_date_get_year (&due),
                                                       g_date_get_month (&due),
                                                       g_date_get_day (&due), 12, 0, 0);

    gtk_calendar_select_day (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "calendar"), pick);
  }
  gtk_editable_set_text (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "note_row"),
                         "  From my therapist: try the exercise twice this week  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "homework-dialog.save", NULL));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_null (find_dialog ());

  rows = stored ();
  g_assert_cmpuint (rows->len, ==, 1);
  saved = rows->pdata[0];
  g_assert_cmpstr (saved->chapter_id, ==, CHAPTER);
  g_assert_cmpuint (saved->part, ==, 3);
  g_assert_cmpint (g_date_compare (&saved->due, &due), ==, 0);
  g_assert_cmpstr (saved->note, ==, "From my therapist: try the exercise twice this week");
  g_assert_false (saved->done);

  /* Without a vault the chapter page cannot assign. */
  wtw_workbook_view_set_session (WTW_WORKBOOK_VIEW (view), NULL);
  gtk_widget_activate_action (view, "workbook.assign-homework", NULL);
  g_assert_null (find_dialog ());
  gtk_window_destroy (window);
}

static void
test_rows_done_and_open (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (&view);
  WtwHomeworkItem *today, *overdue;
  WtwHomeworkRow *row;
  g_autoptr(WtwHomework) got = NULL;
  WtwChapterPage *page = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_page");

  today = add (view, 2, 0, "twice this week");
  overdue = add (view, 0, -2, NULL);
  g_assert_true (gtk_widget_activate_action (view, "workbook.show-homework", NULL));
  wtw_workbook_test_settle (GTK_WIDGET (window));

  /* Overdue first, then today; nothing done yet. */
  row = row_at (view, "todo_list", 0);
  g_assert_nonnull (row);
  g_assert_true (wtw_homework_row_get_item (row) == overdue);
  g_assert_true (g_str_has_prefix (row_label (row, "detail_label"), "Overdue since"));
  row = row_at (view, "todo_list", 1);
  g_assert_true (wtw_homework_row_get_item (row) == today);
  g_assert_cmpstr (row_label (row, "detail_label"), ==, "Due today");
  g_assert_cmpstr (row_label (row, "note_label"), ==, "twice this week");
  g_assert_nonnull (strstr (row_label (row, "title_label"), "Scripts"));
  g_assert_false (gtk_widget_get_visible (CHILD (homework_view_of (view), WTW_TYPE_HOMEWORK_VIEW,
                                                 "done_list")));

  /* Done, with the row's own button: it moves to Done, and the vault says so. */
  g_assert_true (gtk_widget_activate (wtw_homework_row_get_done_button (row)));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  got = wtw_vault_homework_get (vault (), wtw_homework_item_get_id (today), NULL);
  g_assert_true (got->done);
  g_assert_true (wtw_homework_row_get_item (row_at (view, "done_list", 0)) == today);
  g_assert_null (row_at (view, "todo_list", 1));
  g_assert_true (gtk_widget_get_visible (CHILD (homework_view_of (view), WTW_TYPE_HOMEWORK_VIEW,
                                                "done_list")));
  g_assert_cmpstr (gtk_label_get_text (CHILD (view, WTW_TYPE_WORKBOOK_VIEW,
                                              "homework_subtitle")), ==, "1 due");

  /* Activating a row opens its chapter at its part. */
  g_signal_emit_by_name (CHILD (homework_view_of (view), WTW_TYPE_HOMEWORK_VIEW, "done_list"),
                         "row-activated", row_at (view, "done_list", 0));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "main_stack")), ==, "browse");
  g_assert_cmpstr (wtw_chapter_get_id (wtw_chapter_page_get_chapter (page)), ==, CHAPTER);
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "scripts");
  gtk_window_destroy (window);
}

static void
test_delete_and_undo (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (&view);
  WtwHomeworkView *homework = homework_view_of (view);
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  WtwHomeworkItem *item;
  WtwHomeworkRow *row;

  wtw_homework_view_set_undo_timeout (homework, 0);
  item = add (view, 1, 4, "keep these words");
  g_assert_true (gtk_widget_activate_action (view, "workbook.show-homework", NULL));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  row = row_at (view, "todo_list", 0);
  g_assert_true (wtw_homework_row_get_item (row) == item);

  g_assert_true (gtk_widget_activate (CHILD (row, WTW_TYPE_HOMEWORK_ROW, "delete_button")));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  after_delete = stored ();
  g_assert_cmpuint (after_delete->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (CHILD (homework, WTW_TYPE_HOMEWORK_VIEW,
                                                            "stack")), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (homework), "homework.undo-delete",
                                             NULL));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  after_undo = stored ();
  g_assert_cmpuint (after_undo->len, ==, 1);
  g_assert_cmpstr (((WtwHomework *) after_undo->pdata[0])->note, ==, "keep these words");
  g_assert_cmpuint (((WtwHomework *) after_undo->pdata[0])->part, ==, 1);
  g_assert_nonnull (row_at (view, "todo_list", 0));

  /* Undo once only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (homework), "homework.undo-delete",
                                             NULL));
  g_clear_pointer (&after_undo, g_ptr_array_unref);
  after_undo = stored ();
  g_assert_cmpuint (after_undo->len, ==, 1);
  gtk_window_destroy (window);
}

static void
test_edit_and_failed_save (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (&view);
  WtwHomeworkView *homework = homework_view_of (view);
  WtwHomeworkDialog *dialog;
  WtwHomeworkItem *item;
  GtkLabel *error_label;
  g_autoptr(WtwHomework) got = NULL;
  GVariant *target;

  item = add (view, 4, 2, "old note");
  g_assert_true (gtk_widget_activate_action (view, "workbook.show-homework", NULL));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  target = g_variant_new_int64 (wtw_homework_item_get_id (item));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (homework), "homework.edit",
                                                     target));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Homework");
  g_assert_cmpuint (wtw_homework_dialog_get_part (dialog), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "note_row")),
                   ==, "old note");

  gtk_editable_set_text (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "note_row"), "new note");
  g_assert_true (wtw_homework_dialog_save (dialog));
  got = wtw_vault_homework_get (vault (), wtw_homework_item_get_id (item), NULL);
  g_assert_cmpstr (got->note, ==, "new note");
  g_assert_cmpstr (wtw_homework_item_get_note (item), ==, "new note");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Locking closes an open form, as it closes every dialog. */
  dialog = wtw_homework_view_open_dialog (homework, NULL, CHAPTER, 2);
  g_assert_nonnull (find_dialog ());
  wtw_session_lock (session);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_dialog ());

  /* A form that tries to save while locked says why and keeps what was typed. */
  dialog = wtw_homework_view_open_dialog (homework, NULL, CHAPTER, 2);
  gtk_editable_set_text (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "note_row"), "not lost");
  g_assert_false (wtw_homework_dialog_save (dialog));
  error_label = CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "The vault is locked.");
  g_assert_cmpstr (gtk_editable_get_text (CHILD (dialog, WTW_TYPE_HOMEWORK_DIALOG, "note_row")),
                   ==, "not lost");
  unlock ();

  /* The form goes with the view (as when the window drops it at lock). */
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_dialog ());
}

static void
test_preferences_switch (void)
{
  WtwSettings *settings = wtw_application_get_settings (app);
  GSettings *gsettings = wtw_settings_get_gsettings (settings);
  WtwPreferencesWindow *prefs = wtw_preferences_window_new (settings, session);
  GtkSwitch *toggle = CHILD (prefs, WTW_TYPE_PREFERENCES_WINDOW, "homework_reminders_switch");

  g_assert_false (g_settings_get_boolean (gsettings, "homework-reminders"));
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "homework-reminders"));
  g_settings_set_boolean (gsettings, "homework-reminders", FALSE);
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  content = wtw_content_new_for_languages ((const char *[]) { "en", NULL }, &error);
  g_assert_no_error (error);
  session = wtw_application_get_session (app);
  wtw_test_app_create_vault (app);

  g_test_add_func ("/wtw/homework-view/empty", test_empty);
  g_test_add_func ("/wtw/homework-view/assign-from-chapter", test_assign_from_chapter);
  g_test_add_func ("/wtw/homework-view/rows-done-open", test_rows_done_and_open);
  g_test_add_func ("/wtw/homework-view/delete-undo", test_delete_and_undo);
  g_test_add_func ("/wtw/homework-view/edit-and-failed-save", test_edit_and_failed_save);
  g_test_add_func ("/wtw/homework-view/preferences-switch", test_preferences_switch);

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
