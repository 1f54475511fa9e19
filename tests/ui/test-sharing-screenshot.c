/* test-sharing-screenshot.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders homework, backups, export and import to PNG files in the build
 * tree, with realistic data, light and dark, wide and narrow: the Homework
 * page (empty and with homework due today, overdue, later and done) and its
 * form, Preferences → Backups (without and with backups), the dialog that
 * restores one, the page for a damaged vault, the Export Everything and
 * Import dialogs and the import report. They are for people to look at; the
 * test only proves that something real was drawn and that nothing is wider
 * than the window.
 *
 * The shots run in order: the damaged vault comes last.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-backups-group.h"
#include "wtw-backups.h"
#include "wtw-homework-dialog.h"
#include "wtw-homework-view.h"
#include "wtw-import-report-dialog.h"
#include "wtw-main-page.h"
#include "wtw-preferences-window.h"
#include "wtw-session.h"
#include "wtw-test-app.h"
#include "wtw-vault-homework.h"
#include "wtw-window.h"
#include "wtw-workbook-view.h"

static WtwApplication *app;
static WtwSession *session;
static WtwBackups *backups;

typedef struct _Shot Shot;

struct _Shot
{
  const char *name;
  void      (*take) (const Shot *shot);
  int         width;
  int         height;
  gboolean    dark;
};

/* Helpers */

static void
settle (GtkWidget *widget)
{
  gint64 deadline;

  wtw_test_iterate_until (wtw_test_is_mapped, widget);
  gtk_test_widget_wait_for_draw (widget);

  /* Let transitions (stack, leaflet, dark switch) finish. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
save (GtkWidget  *widget,
      const Shot *shot,
      int         max_width)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *file = g_build_filename (dir, shot->name, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  settle (widget);
  /* Nothing asks for more width than it was given. */
  if (max_width > 0)
    g_assert_cmpint (gtk_widget_get_width (widget), <=, max_width + 1);

  texture = wtw_test_render_widget (widget);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 200);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 100);
  /* Text, icons and buttons: a real window has many colours, a blank one a few. */
  g_assert_cmpuint (wtw_test_count_colors (texture), >, 16);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the shortcut @widget has for the key, as pressing it would. */
static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Escape closes a dialog. */
static void
close_with_escape (GtkWindow *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (press (GTK_WIDGET (dialog), GDK_KEY_Escape));
  for (int i = 0; i < 100 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dialog);
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *other;

      if (keyval == GDK_KEY_VoidSymbol)
        return;
      keyval = gdk_keyval_to_lower (keyval);
      other = g_hash_table_lookup (seen, GUINT_TO_POINTER (keyval));
      /* An entry row shows its title in one of two labels, both with the
       * same access key for the same entry. */
      if (other != NULL && !g_str_equal (other, text))
        g_error ("“%s” and “%s” have the same access key", other, text);
      g_hash_table_insert (seen, GUINT_TO_POINTER (keyval), (gpointer) text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen);
}

/* Every access key on show is different from the others. Returns how many
 * there are. */
static guint
check_mnemonics (GtkWidget *window)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  collect_mnemonics (window, seen);
  return g_hash_table_size (seen);
}

/* A message dialog has a default response (Enter), a close response
 * (Escape), access keys that do not clash, and Escape closes it. */
static void
check_and_close_message_dialog (GtkWindow *dialog)
{
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  g_assert_nonnull (adw_message_dialog_get_default_response (message));
  g_assert_true (adw_message_dialog_has_response (message,
                                                  adw_message_dialog_get_default_response (message)));
  g_assert_true (adw_message_dialog_has_response (message,
                                                  adw_message_dialog_get_close_response (message)));
  g_assert_cmpuint (check_mnemonics (GTK_WIDGET (dialog)), >, 0);
  close_with_escape (dialog);
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

/* The vault and what is in it */

static WtwVault *
vault (void)
{
  WtwVault *v = wtw_session_get_vault (session);

  g_assert_nonnull (v);
  return v;
}

static void
clear_homework (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = wtw_vault_homework_list (vault (), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_assert_true (wtw_vault_homework_delete (vault (), ((WtwHomework *) list->pdata[i])->id,
                                              NULL));
}

static void
add_homework (const char *chapter_id,
              guint       part,
              int         due_in_days,
              const char *note,
              gboolean    done)
{
  GDate due = day_from_today (due_in_days);
  g_autoptr(WtwHomework) homework = wtw_homework_new (chapter_id, part, &due, note);
  g_autoptr(GError) error = NULL;

  g_assert_true (wtw_vault_homework_add (vault (), homework, &error));
  g_assert_no_error (error);
  if (done)
    {
      g_assert_true (wtw_vault_homework_set_done (vault (), homework->id, TRUE,
                                                  g_get_real_time () / G_USEC_PER_SEC - 86400,
                                                  &error));
      g_assert_no_error (error);
    }
}

/* What a couple might have after a few weeks with a therapist. */
static void
fill_homework (void)
{
  clear_homework ();
  add_homework ("always-and-never", 3, 0,
                "From Dr. Reyes: each of us writes our answers alone, then we compare on Sunday.",
                FALSE);
  add_homework ("the-feeling-underneath", 0, -3, NULL, FALSE);
  add_homework ("fixing-or-listening", 4, 5,
                "After dinner on a weekday, phones in the other room.", FALSE);
  add_homework ("feelings-not-thoughts", 2, -6, NULL, TRUE);
  add_homework ("staying-yourself-up-close", 0, -12, "Read it aloud to each other.", TRUE);
}

static gboolean
backups_idle (gpointer data)
{
  return !wtw_backups_get_busy (backups) && !wtw_session_get_busy (session);
}

static guint
count_backups (void)
{
  g_autoptr(GPtrArray) list = wtw_backups_list (backups, NULL);

  return list != NULL ? list->len : 0;
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = wtw_backups_back_up_now_finish (WTW_BACKUPS (object), result, &error);

  g_assert_no_error (error);
  *(GFile **) user_data = g_steal_pointer (&file);
}

/* One backup made now by hand, and two automatic ones from earlier days
 * (copies of it under the names automatic backups get). */
static void
fill_backups (void)
{
  g_autoptr(GFile) made = NULL;
  g_autoptr(GFile) folder = NULL;
  static const int days_ago[] = { 2, 9 };

  if (count_backups () >= 3)
    return;
  wtw_backups_back_up_now_async (backups, NULL, backed_up_cb, &made);
  wtw_test_iterate_until (backups_idle, NULL);
  g_assert_nonnull (made);
  folder = g_file_get_parent (made);

  for (guint i = 0; i < G_N_ELEMENTS (days_ago); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago[i]);
      g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d %H%M%S");
      g_autofree char *name = g_strdup_printf ("Words That Work backup %s automatic.wtw", stamp);
      g_autoptr(GFile) copy = g_file_get_child (folder, name);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_copy (made, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  wtw_backups_notify_changed (backups);
  g_assert_cmpuint (count_backups (), ==, 3);
}

/* Windows */

static WtwWindow *
window_new (const Shot *shot,
            const char *view)
{
  WtwWindow *window = wtw_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), shot->width, shot->height);
  if (view != NULL)
    wtw_window_set_visible_view (window, view);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));
  return window;
}

static GtkWidget *
workbook_of (WtwWindow *window)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (window), WTW_TYPE_WORKBOOK_VIEW);

  g_assert_nonnull (view);
  return view;
}

static GtkWidget *
homework_view_of (WtwWindow *window)
{
  return template_child (workbook_of (window), WTW_TYPE_WORKBOOK_VIEW, "homework_view");
}

static WtwWindow *
homework_window_new (const Shot *shot)
{
  WtwWindow *window = window_new (shot, "workbook");

  g_assert_true (gtk_widget_activate_action (workbook_of (window), "workbook.show-homework",
                                             NULL));
  settle (GTK_WIDGET (window));
  return window;
}

/* Shots */

static void
take_homework_empty (const Shot *shot)
{
  WtwWindow *window;
  GtkStack *stack;

  clear_homework ();
  window = homework_window_new (shot);
  stack = template_child (homework_view_of (window), WTW_TYPE_HOMEWORK_VIEW, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  save (GTK_WIDGET (window), shot, shot->width);
  check_mnemonics (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_workbook (const Shot *shot)
{
  WtwWindow *window;

  fill_homework ();
  window = window_new (shot, "workbook");
  save (GTK_WIDGET (window), shot, shot->width);
  check_mnemonics (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_homework_list (const Shot *shot)
{
  WtwWindow *window;
  WtwHomeworkList *list;

  fill_homework ();
  window = homework_window_new (shot);
  list = wtw_workbook_view_get_homework (WTW_WORKBOOK_VIEW (workbook_of (window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_cmpuint (wtw_homework_list_get_n_due (list), ==, 2);
  save (GTK_WIDGET (window), shot, shot->width);
  check_mnemonics (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The form opened with "Assign as Homework…" on chapter 6. */
static void
take_homework_assign (const Shot *shot)
{
  WtwWindow *window = window_new (shot, "workbook");
  GtkWindow *dialog;

  g_assert_true (wtw_main_page_open_chapter (wtw_window_get_main_page (window),
                                             "always-and-never"));
  settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (workbook_of (window), "workbook.assign-homework",
                                             NULL));
  dialog = find_toplevel (WTW_TYPE_HOMEWORK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (wtw_homework_dialog_get_chapter_id (WTW_HOMEWORK_DIALOG (dialog)), ==,
                   "always-and-never");
  if (shot->width < 460)
    gtk_window_set_default_size (dialog, shot->width, -1);
  /* A form has a default widget: Enter in the note saves. */
  g_assert_nonnull (gtk_window_get_default_widget (dialog));
  save (GTK_WIDGET (dialog), shot, MAX (shot->width, 460));
  g_assert_cmpuint (check_mnemonics (GTK_WIDGET (dialog)), >=, 6);
  close_with_escape (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chapter page, for the "Assign as Homework…" button beside the tabs. */
static void
take_chapter (const Shot *shot)
{
  WtwWindow *window = window_new (shot, "workbook");

  g_assert_true (wtw_main_page_open_chapter (wtw_window_get_main_page (window),
                                             "always-and-never"));
  save (GTK_WIDGET (window), shot, shot->width);
  check_mnemonics (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_homework_edit (const Shot *shot)
{
  WtwWindow *window;
  WtwHomeworkList *list;
  g_autoptr(WtwHomeworkItem) item = NULL;
  GtkWindow *dialog;

  fill_homework ();
  window = homework_window_new (shot);
  list = wtw_workbook_view_get_homework (WTW_WORKBOOK_VIEW (workbook_of (window)));
  /* The overdue one comes first, then the one due today, with a note. */
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_nonnull (item);
  g_assert_nonnull (wtw_homework_item_get_note (item));
  g_assert_true (gtk_widget_activate_action (homework_view_of (window), "homework.edit", "x",
                                             wtw_homework_item_get_id (item)));
  dialog = find_toplevel (WTW_TYPE_HOMEWORK_DIALOG);
  g_assert_nonnull (dialog);
  if (shot->width < 460)
    gtk_window_set_default_size (dialog, shot->width, -1);
  save (GTK_WIDGET (dialog), shot, MAX (shot->width, 460));
  g_assert_cmpuint (check_mnemonics (GTK_WIDGET (dialog)), >=, 6);
  close_with_escape (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
preferences_new (const Shot *shot)
{
  GtkWindow *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (WTW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  gtk_window_set_default_size (prefs, shot->width, shot->height);
  settle (GTK_WIDGET (prefs));
  return prefs;
}

/* Scrolls Preferences down to the Backups group. */
static GtkWidget *
show_backups_group (GtkWindow *prefs)
{
  GtkWidget *group = find_descendant (GTK_WIDGET (prefs), WTW_TYPE_BACKUPS_GROUP);
  GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double y = 0;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_translate_coordinates (group,
                                                   gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                   0, 0, NULL, &y));
  gtk_adjustment_set_value (adjustment, y - 24);
  return group;
}

static void
take_preferences_no_backups (const Shot *shot)
{
  GtkWindow *prefs;
  GtkWidget *group;

  g_assert_cmpuint (count_backups (), ==, 0);
  prefs = preferences_new (shot);
  group = show_backups_group (prefs);
  g_assert_false (gtk_widget_is_sensitive (find_button (group, "backups.restore")));
  save (GTK_WIDGET (prefs), shot, shot->width);
  check_mnemonics (GTK_WIDGET (prefs));
  gtk_window_destroy (prefs);
}

static void
take_preferences_backups (const Shot *shot)
{
  GtkWindow *prefs;
  GtkWidget *group;

  fill_backups ();
  prefs = preferences_new (shot);
  group = show_backups_group (prefs);
  g_assert_true (gtk_widget_is_sensitive (find_button (group, "backups.restore")));
  save (GTK_WIDGET (prefs), shot, shot->width);
  check_mnemonics (GTK_WIDGET (prefs));
  gtk_window_destroy (prefs);
}

/* Restore from Preferences: a choice of three backups. */
static void
take_restore_choose (const Shot *shot)
{
  GtkWindow *prefs;
  GtkWidget *group;
  GtkWindow *dialog;

  fill_backups ();
  prefs = preferences_new (shot);
  group = show_backups_group (prefs);
  g_assert_true (gtk_widget_activate_action (group, "backups.restore", NULL));
  wtw_test_iterate_until (has_message_dialog, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "restore");
  save (GTK_WIDGET (dialog), shot, shot->width);
  check_and_close_message_dialog (dialog);
  gtk_window_destroy (prefs);
}

static void
take_transfer (const Shot *shot,
               const char *action)
{
  WtwWindow *window = window_new (shot, "journal");
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wtw_window_get_main_page (window)),
                                             action, NULL));
  wtw_test_iterate_until (has_message_dialog, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "choose");
  save (GTK_WIDGET (dialog), shot, shot->width);
  check_and_close_message_dialog (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_export_all (const Shot *shot)
{
  take_transfer (shot, "main.export-all");
}

static void
take_import (const Shot *shot)
{
  take_transfer (shot, "main.import");
}

static void
take_import_report (const Shot *shot,
                    gboolean    anything_new)
{
  g_autoptr(WtwImportReport) report = wtw_import_report_new (WTW_IMPORT_FORMAT_JSON);
  WtwWindow *window = window_new (shot, "journal");
  GtkWidget *dialog;

  if (anything_new)
    {
      report->entries = 42;
      report->reflections = 7;
      report->quiz_results = 2;
      report->homework = 1;
    }
  wtw_import_report_add_skip (report, "Entry “Sunday walk by the river” of 2025-11-02",
                              "The same entry is already in the journal.");
  wtw_import_report_add_skip (report, "Answer to question 2 of chapter always-and-never",
                              "You already have an answer to this question here; "
                              "it was kept as it is.");
  wtw_import_report_add_skip (report, "Quiz result of 2025-10-14",
                              "A quiz result from the same moment is already here.");
  wtw_import_report_add_skip (report, "Item 3 of “Sam”",
                              "It is another member’s private entry: its words are not in "
                              "the file.");

  dialog = wtw_import_report_dialog_new (GTK_WINDOW (window), report);
  gtk_window_present (GTK_WINDOW (dialog));
  save (dialog, shot, shot->width);
  check_and_close_message_dialog (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_import_report_mixed (const Shot *shot)
{
  take_import_report (shot, TRUE);
}

static void
take_import_report_nothing_new (const Shot *shot)
{
  take_import_report (shot, FALSE);
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Damages the vault's first page, which every unlock reads: the window
 * then shows what is wrong and offers the latest backup. */
static void
damage_vault (void)
{
  g_autofree char *path = NULL;
  g_autofree char *bytes = NULL;
  gboolean done = FALSE;
  gsize len;

  if (wtw_session_get_state (session) == WTW_SESSION_STATE_PROBLEM)
    return;
  fill_backups ();
  path = g_file_get_path (wtw_session_get_file (session));
  wtw_session_lock (session);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  bytes[8192 + 200] ^= 0x40;
  g_assert_true (g_file_set_contents (path, bytes, (gssize) len, NULL));
  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                            unlock_cb, &done);
  wtw_test_iterate_until (is_true, &done);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_PROBLEM);
}

static void
take_problem_page (const Shot *shot)
{
  WtwWindow *window;

  damage_vault ();
  window = window_new (shot, NULL);
  g_assert_true (gtk_widget_get_visible (template_child (window, WTW_TYPE_WINDOW,
                                                         "restore_backup_button")));
  save (GTK_WIDGET (window), shot, shot->width);
  check_mnemonics (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_restore_latest (const Shot *shot)
{
  WtwWindow *window;
  GtkWindow *dialog;

  damage_vault ();
  window = window_new (shot, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-latest-backup",
                                             NULL));
  wtw_test_iterate_until (has_message_dialog, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  save (GTK_WIDGET (dialog), shot, shot->width);
  check_and_close_message_dialog (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static const Shot shots[] = {
  { "homework-empty-wide-light.png", take_homework_empty, 960, 640, FALSE },
  { "homework-empty-narrow-dark.png", take_homework_empty, 360, 640, TRUE },
  { "workbook-homework-wide-light.png", take_workbook, 960, 640, FALSE },
  { "workbook-homework-narrow-dark.png", take_workbook, 360, 640, TRUE },
  { "homework-list-wide-light.png", take_homework_list, 960, 720, FALSE },
  { "homework-list-wide-dark.png", take_homework_list, 960, 720, TRUE },
  { "homework-list-narrow-light.png", take_homework_list, 360, 720, FALSE },
  { "homework-list-narrow-dark.png", take_homework_list, 360, 720, TRUE },
  { "chapter-assign-wide-light.png", take_chapter, 960, 640, FALSE },
  { "chapter-assign-narrow-dark.png", take_chapter, 360, 640, TRUE },
  { "homework-assign-light.png", take_homework_assign, 960, 640, FALSE },
  { "homework-assign-dark.png", take_homework_assign, 960, 640, TRUE },
  { "homework-assign-narrow-light.png", take_homework_assign, 360, 640, FALSE },
  { "homework-edit-light.png", take_homework_edit, 960, 640, FALSE },
  { "homework-edit-narrow-dark.png", take_homework_edit, 360, 640, TRUE },
  { "preferences-no-backups-light.png", take_preferences_no_backups, 640, 640, FALSE },
  { "preferences-backups-light.png", take_preferences_backups, 640, 640, FALSE },
  { "preferences-backups-dark.png", take_preferences_backups, 640, 640, TRUE },
  { "preferences-backups-narrow-light.png", take_preferences_backups, 360, 640, FALSE },
  { "backup-restore-choose-light.png", take_restore_choose, 640, 640, FALSE },
  { "backup-restore-choose-dark.png", take_restore_choose, 640, 640, TRUE },
  { "backup-restore-choose-narrow-light.png", take_restore_choose, 360, 640, FALSE },
  { "export-all-light.png", take_export_all, 960, 640, FALSE },
  { "export-all-dark.png", take_export_all, 960, 640, TRUE },
  { "export-all-narrow-light.png", take_export_all, 360, 640, FALSE },
  { "import-light.png", take_import, 960, 640, FALSE },
  { "import-narrow-dark.png", take_import, 360, 640, TRUE },
  { "import-report-light.png", take_import_report_mixed, 960, 640, FALSE },
  { "import-report-dark.png", take_import_report_mixed, 960, 640, TRUE },
  { "import-report-narrow-light.png", take_import_report_mixed, 360, 640, FALSE },
  { "import-report-nothing-new-light.png", take_import_report_nothing_new, 960, 640, FALSE },
  /* Last: these damage the vault. */
  { "damaged-vault-wide-light.png", take_problem_page, 960, 640, FALSE },
  { "damaged-vault-wide-dark.png", take_problem_page, 960, 640, TRUE },
  { "damaged-vault-narrow-light.png", take_problem_page, 360, 640, FALSE },
  { "backup-restore-latest-light.png", take_restore_latest, 960, 640, FALSE },
  { "backup-restore-latest-narrow-dark.png", take_restore_latest, 360, 640, TRUE },
};

static void
test_shot (gconstpointer data)
{
  const Shot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
  shot->take (shot);
  g_assert_cmpint (adw_style_manager_get_dark (style), ==, shot->dark);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  session = wtw_application_get_session (app);
  backups = wtw_application_get_backups (app);
  wtw_test_app_create_vault (app);
  /* No backup is written behind the test's back. */
  wtw_backups_set_automatic (backups, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/sharing-screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_shot);
    }

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
