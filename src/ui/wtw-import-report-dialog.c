/* wtw-import-report-dialog.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-import-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-import-report-dialog.h"

/* What an import brought in, and each thing it left out with the reason:
 * a person should never wonder where an entry went. */
struct _WtwImportReportDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *skipped_box;
  GtkListBox       *skipped_list;
};

G_DEFINE_FINAL_TYPE (WtwImportReportDialog, wtw_import_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
append_count (GString    *text,
              guint       n,
              const char *what)
{
  if (n == 0)
    return;
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append_printf (text, "%u %s", n, what);
}

static char *
summary (const WtwImportReport *report)
{
  g_autoptr(GString) counts = g_string_new (NULL);
  guint skipped = report->skipped->len;

  append_count (counts, report->entries,
                g_dngettext (GETTEXT_PACKAGE, "journal entry", "journal entries", report->entries));
  append_count (counts, report->reflections,
                g_dngettext (GETTEXT_PACKAGE, "answer", "answers", report->reflections));
  append_count (counts, report->conversations,
                g_dngettext (GETTEXT_PACKAGE, "conversation", "conversations", report->conversations));
  append_count (counts, report->progress,
                g_dngettext (GETTEXT_PACKAGE, "chapter part done", "chapter parts done", report->progress));
  append_count (counts, report->quiz_results,
                g_dngettext (GETTEXT_PACKAGE, "quiz result", "quiz results", report->quiz_results));
  append_count (counts, report->homework,
                g_dngettext (GETTEXT_PACKAGE, "piece of homework", "pieces of homework", report->homework));

  if (counts->len == 0 && skipped == 0)
    return g_strdup (_("The file had nothing to import."));
  if (counts->len == 0)
    return g_strdup (_("Nothing new was imported. Everything the file holds is listed below with the reason it was left out."));
  if (skipped == 0)
    /* Translators: %s is a list such as "12 journal entries, 3 answers" */
    return g_strdup_printf (_("Imported %s."), counts->str);
  /* Translators: %s is a list such as "12 journal entries, 3 answers" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Imported %s. One item was left out; the reason is below.",
                                       "Imported %s. Some items were left out; the reasons are below.",
                                       skipped),
                          counts->str);
}

static GtkWidget *
skipped_row (const WtwImportSkip *skip)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), skip->item);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), skip->reason);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
wtw_import_report_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WTW_TYPE_IMPORT_REPORT_DIALOG);

  G_OBJECT_CLASS (wtw_import_report_dialog_parent_class)->dispose (object);
}

static void
wtw_import_report_dialog_class_init (WtwImportReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_import_report_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-import-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwImportReportDialog, skipped_box);
  gtk_widget_class_bind_template_child (widget_class, WtwImportReportDialog, skipped_list);
}

static void
wtw_import_report_dialog_init (WtwImportReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_import_report_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @report: what the import did
 *
 * Returns: (transfer floating): a dialog listing what was imported and each
 *   item skipped with its reason
 */
GtkWidget *
wtw_import_report_dialog_new (GtkWindow             *parent,
                              const WtwImportReport *report)
{
  WtwImportReportDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (WTW_TYPE_IMPORT_REPORT_DIALOG, "transient-for", parent, NULL);
  body = summary (report);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  for (guint i = 0; i < report->skipped->len; i++)
    gtk_list_box_append (self->skipped_list, skipped_row (g_ptr_array_index (report->skipped, i)));
  gtk_widget_set_visible (self->skipped_box, report->skipped->len > 0);
  return GTK_WIDGET (self);
}

/**
 * wtw_import_report_dialog_get_skipped_list:
 * @self: a #WtwImportReportDialog
 *
 * Returns: (transfer none): the list of skipped items, one row each
 */
GtkListBox *
wtw_import_report_dialog_get_skipped_list (WtwImportReportDialog *self)
{
  g_return_val_if_fail (WTW_IS_IMPORT_REPORT_DIALOG (self), NULL);

  return self->skipped_list;
}
