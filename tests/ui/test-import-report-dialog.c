/* test-import-report-dialog.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-import-report-dialog"

#include "config.h"

#include <adwaita.h>

#include "wtw-import-report-dialog.h"

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_BUTTON (child) && gtk_widget_get_visible (child)
                         && gtk_widget_is_sensitive (child) ? child : find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
box_visible (GtkListBox *list)
{
  /* list → viewport → scrolled window → the box around the heading */
  GtkWidget *box = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_BOX);

  return gtk_widget_get_visible (box);
}

static void
test_lists_skipped (void)
{
  g_autoptr(WtwImportReport) report = wtw_import_report_new (WTW_IMPORT_FORMAT_DAY_ONE);
  GtkWidget *dialog;
  GtkListBox *list;
  AdwActionRow *row;

  report->entries = 3;
  wtw_import_report_add_skip (report, "Entry “Lost date”", "Its creation date “x” is not a date.");
  wtw_import_report_add_skip (report, "An entry of 2025-03-07", "It has no text.");

  dialog = wtw_import_report_dialog_new (NULL, report);
  g_object_ref_sink (dialog);
  list = wtw_import_report_dialog_get_skipped_list (WTW_IMPORT_REPORT_DIALOG (dialog));

  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Imported 3 journal entries. Some items were left out; the reasons are below.");
  g_assert_cmpuint (count_rows (list), ==, 2);
  g_assert_true (box_visible (list));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "An entry of 2025-03-07");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "It has no text.");

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (dialog);
  g_assert_true (gtk_widget_get_mapped (dialog));
  /* Its one button closes it. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_button (dialog))), ==, "_Close");
  g_signal_emit_by_name (find_button (dialog), "clicked");
  for (guint i = 0; i < 1000 && gtk_widget_get_visible (dialog); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_nothing_skipped (void)
{
  g_autoptr(WtwImportReport) report = wtw_import_report_new (WTW_IMPORT_FORMAT_JSON);
  GtkWidget *dialog;
  GtkListBox *list;

  report->entries = 1;
  report->reflections = 2;
  dialog = g_object_ref_sink (wtw_import_report_dialog_new (NULL, report));
  list = wtw_import_report_dialog_get_skipped_list (WTW_IMPORT_REPORT_DIALOG (dialog));

  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Imported 1 journal entry, 2 answers.");
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_false (box_visible (list));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_all_duplicates (void)
{
  g_autoptr(WtwImportReport) report = wtw_import_report_new (WTW_IMPORT_FORMAT_JSON);
  GtkWidget *dialog;

  wtw_import_report_add_skip (report, "Entry “A”", "The same entry is already in the journal.");
  dialog = g_object_ref_sink (wtw_import_report_dialog_new (NULL, report));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "Nothing new was imported."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/wtw/ui/import-report-dialog/lists-skipped", test_lists_skipped);
  g_test_add_func ("/wtw/ui/import-report-dialog/nothing-skipped", test_nothing_skipped);
  g_test_add_func ("/wtw/ui/import-report-dialog/all-duplicates", test_all_duplicates);
  return g_test_run ();
}
