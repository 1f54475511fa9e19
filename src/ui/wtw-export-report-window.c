/* wtw-export-report-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-export-report.h"
#include "wtw-export-report-window.h"
#include "wtw-report-preview.h"
#include "wtw-report-renderer.h"
#include "wtw-report.h"
#include "wtw-vault-tags.h"

/* Share of the progress bar for reading the vault; the PDF takes the rest. */
#define GATHER_SHARE 0.25
#define PREVIEW_DELAY_MS 150

/**
 * WtwExportReportWindow:
 *
 * "Export for a Therapist": the person chooses chapters' reflections and
 * conversation notes, journal entries by dates and tag, and quiz results;
 * sees what that puts in; then saves a PDF or prints. Reading the vault
 * runs in slices on the main loop (the vault belongs to this thread),
 * writing the PDF in a worker thread; both can be cancelled. The window
 * closes when the vault locks.
 */
struct _WtwExportReportWindow
{
  AdwWindow              parent_instance;

  WtwContent            *content;
  WtwSession            *session;
  GCancellable          *cancellable;
  GPtrArray             *chapter_ids;
  GPtrArray             *reflection_switches;
  GPtrArray             *conversation_switches;
  GtkStringList         *tags;
  guint                  preview_id;
  gboolean               busy;
  gboolean               valid;

  /* While printing */
  WtwReport             *report;
  WtwReportRenderer     *print_renderer;
  char                  *print_to_file;     /* tests: print into this PDF, no dialog */

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkWidget             *choices_box;
  GtkLabel              *preview_label;
  GtkSwitch             *journal_switch;
  AdwEntryRow           *from_row;
  AdwEntryRow           *to_row;
  AdwComboRow           *tag_row;
  GtkSwitch             *private_switch;
  AdwActionRow          *only_mine_row;
  GtkSwitch             *only_mine_switch;
  AdwPreferencesGroup   *reflections_group;
  AdwPreferencesGroup   *conversations_group;
  GtkSwitch             *quiz_switch;
  GtkLabel              *error_label;
  GtkProgressBar        *progress_bar;
  GtkButton             *cancel_button;
};

G_DEFINE_FINAL_TYPE (WtwExportReportWindow, wtw_export_report_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_SESSION,
  N_PROPS
};

/* "app-content", not "content": AdwWindow:content is the window's child. */
static GParamSpec *properties[N_PROPS];

static void schedule_preview (WtwExportReportWindow *self);

static WtwVault *
get_vault (WtwExportReportWindow *self)
{
  WtwVault *vault = self->session != NULL ? wtw_session_get_vault (self->session) : NULL;

  return vault != NULL && wtw_vault_is_unlocked (vault) ? vault : NULL;
}

static void
update_actions (WtwExportReportWindow *self)
{
  gboolean can_export = !self->busy && self->valid;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.preview", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", self->busy);
}

static void
set_busy (WtwExportReportWindow *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->choices_box, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  update_actions (self);
}

static void
show_error (WtwExportReportWindow *self,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
toast (WtwExportReportWindow *self,
       const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char **
chosen_chapters (WtwExportReportWindow *self,
                 GPtrArray             *switches)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < switches->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (switches, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->chapter_ids, i));
  return g_strv_builder_end (builder);
}

static void
mark_row (AdwEntryRow *row,
          gboolean     valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* The selection the switches and fields describe, or NULL with a message
 * when a date cannot be read. */
static WtwReportSelection *
build_selection (WtwExportReportWindow  *self,
                 GError                **error)
{
  g_autoptr(WtwReportSelection) sel = wtw_report_selection_new ();
  gboolean journal = gtk_switch_get_active (self->journal_switch);
  guint tag = adw_combo_row_get_selected (self->tag_row);
  gboolean from_ok, to_ok;

  sel->reflection_chapters = chosen_chapters (self, self->reflection_switches);
  sel->exercise_chapters = chosen_chapters (self, self->conversation_switches);
  sel->journal = journal;
  sel->include_private = gtk_switch_get_active (self->private_switch);
  sel->only_mine = gtk_switch_get_active (self->only_mine_switch);
  sel->quiz = gtk_switch_get_active (self->quiz_switch);
  if (journal && tag != GTK_INVALID_LIST_POSITION && tag > 0)
    {
      const char *tags[] = { gtk_string_list_get_string (self->tags, tag), NULL };

      sel->journal_tags = g_strdupv ((char **) tags);
    }

  from_ok = wtw_report_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), FALSE,
                                  &sel->journal_from, error);
  to_ok = from_ok && wtw_report_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), TRUE,
                                           &sel->journal_to, error);
  mark_row (self->from_row, from_ok);
  mark_row (self->to_row, !from_ok || to_ok);
  if (!from_ok || !to_ok)
    return NULL;
  if (sel->journal_from != 0 && sel->journal_to != 0 && sel->journal_to <= sel->journal_from)
    {
      mark_row (self->to_row, FALSE);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The last day comes before the first; swap them or change one."));
      return NULL;
    }
  return g_steal_pointer (&sel);
}

static gboolean
nothing_chosen (const WtwReportSelection *sel)
{
  return !sel->journal && !sel->quiz && sel->reflection_chapters[0] == NULL
         && sel->exercise_chapters[0] == NULL;
}

static char *
describe_summary (const WtwReportSelection *sel,
                  const WtwReportSummary   *s)
{
  GString *text = g_string_new (NULL);
  guint n_chapters = g_strv_length (sel->reflection_chapters);

  if (n_chapters > 0)
    {
      g_string_append_printf (text, g_dngettext (NULL, "Reflections: %u answer", "Reflections: %u answers",
                                                 s->n_reflections), s->n_reflections);
      g_string_append_printf (text, g_dngettext (NULL, " from %u of %u chapter chosen",
                                                 " from %u of %u chapters chosen", n_chapters),
                              s->n_reflection_chapters, n_chapters);
      g_string_append_c (text, '\n');
    }
  if (sel->exercise_chapters[0] != NULL)
    {
      g_string_append_printf (text, g_dngettext (NULL, "Conversation notes: %u conversation",
                                                 "Conversation notes: %u conversations",
                                                 s->n_conversations), s->n_conversations);
      g_string_append_c (text, '\n');
    }
  if (sel->journal)
    {
      g_string_append_printf (text, g_dngettext (NULL, "Journal: %u entry", "Journal: %u entries",
                                                 s->n_entries), s->n_entries);
      if (s->n_private_entries > 0)
        g_string_append_printf (text, g_dngettext (NULL, ", %u of them private", ", %u of them private",
                                                   s->n_private_entries), s->n_private_entries);
      g_string_append_c (text, '\n');
    }
  if (sel->quiz)
    {
      g_string_append_printf (text, g_dngettext (NULL, "Quiz results: %u", "Quiz results: %u",
                                                 s->n_quiz_results), s->n_quiz_results);
      g_string_append_c (text, '\n');
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static void
update_preview (WtwExportReportWindow *self)
{
  g_autoptr(WtwReportSelection) sel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WtwReportSummary summary;
  WtwVault *vault = get_vault (self);

  self->valid = FALSE;
  if (vault == NULL || self->content == NULL)
    gtk_label_set_label (self->preview_label, _("The vault is locked."));
  else if ((sel = build_selection (self, &error)) == NULL)
    gtk_label_set_label (self->preview_label, error->message);
  else if (nothing_chosen (sel))
    gtk_label_set_label (self->preview_label, _("Nothing is chosen yet. Turn on at least one part below."));
  else if (!wtw_report_summarize (vault, self->content, sel, &summary, &error))
    gtk_label_set_label (self->preview_label, error->message);
  else
    {
      text = describe_summary (sel, &summary);
      gtk_label_set_label (self->preview_label, text);
      self->valid = TRUE;
    }
  update_actions (self);
}

static gboolean
on_preview_timeout_cb (gpointer data)
{
  WtwExportReportWindow *self = data;

  self->preview_id = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (WtwExportReportWindow *self)
{
  /* Buttons wait for the count, so an invalid choice is never exported. */
  self->valid = FALSE;
  update_actions (self);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, on_preview_timeout_cb, self);
}

static void
on_choice_changed_cb (WtwExportReportWindow *self)
{
  gboolean journal = gtk_switch_get_active (self->journal_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), journal);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), journal);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_row), journal);
  schedule_preview (self);
}

static void
on_gather_progress (double   fraction,
                    gpointer data)
{
  gtk_progress_bar_set_fraction (WTW_EXPORT_REPORT_WINDOW (data)->progress_bar, GATHER_SHARE * fraction);
}

static void
on_pdf_progress (double   fraction,
                 gpointer data)
{
  gtk_progress_bar_set_fraction (WTW_EXPORT_REPORT_WINDOW (data)->progress_bar,
                                 GATHER_SHARE + (1 - GATHER_SHARE) * fraction);
}

static void
finish_with_error (WtwExportReportWindow *self,
                   const GError          *error,
                   const char            *what)
{
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      toast (self, _("Cancelled; nothing was saved"));
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("%s %s", what, error->message);

      show_error (self, message);
    }
}

/* What a save carries from one step to the next. */
typedef struct
{
  WtwExportReportWindow *self;
  GFile                 *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n_pages = 0;

  if (!wtw_export_report_pdf_finish (result, &n_pages, &error))
    {
      finish_with_error (job->self, error, _("The report could not be saved."));
      return;
    }
  set_busy (job->self, FALSE);
  name = g_file_get_basename (job->file);
  message = g_strdup_printf (g_dngettext (NULL, "Saved “%s”, %u page", "Saved “%s”, %u pages", n_pages),
                             name, n_pages);
  toast (job->self, message);
}

static void
on_gathered_for_pdf_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  SaveJob *job = user_data;
  WtwExportReportWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReport) report = wtw_report_gather_finish (result, &error);

  if (report == NULL)
    {
      finish_with_error (self, error, _("The report could not be made."));
      save_job_free (job);
      return;
    }
  /* The file chooser has already asked before replacing a file. */
  wtw_export_report_pdf_async (report, job->file, TRUE, on_pdf_progress, self, self->cancellable,
                               on_pdf_written_cb, job);
}

/* Saving, printing and the preview all begin by reading what is chosen
 * from the vault, with progress and a fresh way to cancel. */
static gboolean
start_gathering (WtwExportReportWindow *self,
                 GAsyncReadyCallback    done,
                 gpointer               done_data)
{
  g_autoptr(WtwReportSelection) sel = NULL;
  g_autoptr(GError) error = NULL;
  WtwVault *vault = get_vault (self);

  if (vault == NULL || (sel = build_selection (self, &error)) == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The vault is locked."));
      return FALSE;
    }
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  wtw_report_gather_async (vault, self->content, sel, on_gather_progress, self, self->cancellable,
                           done, done_data);
  return TRUE;
}

static void
start_pdf (WtwExportReportWindow *self,
           GFile                 *file)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  if (!start_gathering (self, on_gathered_for_pdf_cb, job))
    save_job_free (job);
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(WtwExportReportWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        start_pdf (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("For my therapist %s.pdf"), day);

  dialog = gtk_file_chooser_native_new (_("Save Report as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print_cb (GtkPrintOperation     *operation,
                   GtkPrintContext       *context,
                   WtwExportReportWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->print_renderer);
  self->print_renderer = wtw_report_renderer_new (self->report,
                                                  gtk_print_context_get_width (context),
                                                  gtk_print_context_get_height (context));
  if (self->print_renderer == NULL
      || !wtw_report_renderer_paginate (self->print_renderer, gtk_print_context_get_cairo_context (context),
                                        NULL, NULL, self->cancellable, &error))
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, wtw_report_renderer_get_n_pages (self->print_renderer));
}

static void
on_draw_page_cb (GtkPrintOperation     *operation,
                 GtkPrintContext       *context,
                 int                    page_nr,
                 WtwExportReportWindow *self)
{
  if (self->print_renderer != NULL)
    wtw_report_renderer_draw_page (self->print_renderer, gtk_print_context_get_cairo_context (context),
                                   page_nr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  WtwExportReportWindow   *self)
{
  g_clear_object (&self->print_renderer);
  g_clear_pointer (&self->report, wtw_report_unref);
  set_busy (self, FALSE);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      finish_with_error (self, error, _("The report could not be printed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    toast (self, _("Sent to the printer"));
}

static void
on_gathered_for_print_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(WtwExportReportWindow) self = user_data;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult res;

  self->report = wtw_report_gather_finish (result, &error);
  if (self->report == NULL)
    {
      finish_with_error (self, error, _("The report could not be made."));
      return;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, wtw_report_get_title (self->report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (self->print_to_file != NULL)
    gtk_print_operation_set_export_filename (operation, self->print_to_file);
  res = gtk_print_operation_run (operation,
                                 self->print_to_file != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                             : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                 GTK_WINDOW (self), &error);
  if (res == GTK_PRINT_OPERATION_RESULT_ERROR && self->busy)
    on_print_done_cb (operation, res, self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (widget);

  if (!start_gathering (self, on_gathered_for_print_cb, g_object_ref (self)))
    g_object_unref (self);
}

static void
on_gathered_for_preview_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(WtwExportReportWindow) self = user_data;
  g_autoptr(WtwReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *preview;

  report = wtw_report_gather_finish (result, &error);
  if (report == NULL)
    {
      finish_with_error (self, error, _("The preview could not be made."));
      return;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  preview = wtw_report_preview_new (GTK_WINDOW (self), report, self->cancellable, &error);
  if (preview == NULL)
    {
      finish_with_error (self, error, _("The preview could not be made."));
      return;
    }
  set_busy (self, FALSE);
  gtk_window_present (preview);
}

/* The pages as they will be printed or saved, from the same renderer. */
static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (widget);

  if (!start_gathering (self, on_gathered_for_preview_cb, g_object_ref (self)))
    g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_cancellable_cancel (WTW_EXPORT_REPORT_WINDOW (widget)->cancellable);
}

/* Locking hides everything at once: the choices and any report in progress. */
static void
on_session_locking_cb (WtwExportReportWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* One name per switch: the row's title is also a label of its activatable
 * widget, which would otherwise be read after this name a second time. */
static void
name_switch (GtkSwitch  *toggle,
             const char *name)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkSwitch *
add_chapter_row (AdwPreferencesGroup *group,
                 WtwChapter          *chapter,
                 const char          *what)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s", wtw_chapter_get_number (chapter),
                                            wtw_chapter_get_title (chapter));
  g_autofree char *name = g_strdup_printf ("%s: %s", what, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  /* Each switch says which part it is, so a screen reader can tell the
   * reflections of a chapter from its conversation notes. */
  name_switch (GTK_SWITCH (toggle), name);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

static void
build_chapter_rows (WtwExportReportWindow *self)
{
  GListModel *chapters = wtw_content_get_chapters (self->content);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (chapters, i);
      GtkSwitch *reflection = add_chapter_row (self->reflections_group, chapter, _("Reflections"));
      GtkSwitch *conversation = add_chapter_row (self->conversations_group, chapter, _("Conversation notes"));

      g_ptr_array_add (self->chapter_ids, g_strdup (wtw_chapter_get_id (chapter)));
      g_ptr_array_add (self->reflection_switches, reflection);
      g_ptr_array_add (self->conversation_switches, conversation);
      g_signal_connect_object (reflection, "notify::active", G_CALLBACK (schedule_preview), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (conversation, "notify::active", G_CALLBACK (schedule_preview), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
build_tags (WtwExportReportWindow *self)
{
  WtwVault *vault = get_vault (self);
  g_auto(GStrv) names = vault != NULL ? wtw_vault_journal_list_tags (vault, NULL) : NULL;
  g_autoptr(GPtrArray) members = self->session != NULL
                                 ? wtw_session_list_members (self->session, NULL) : NULL;

  gtk_string_list_append (self->tags, _("Any Tag"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (self->tags, names[i]);
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (self->tags));
  gtk_widget_set_visible (GTK_WIDGET (self->only_mine_row), members != NULL && members->len > 1);
}

static void
wtw_export_report_window_constructed (GObject *object)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (object);

  G_OBJECT_CLASS (wtw_export_report_window_parent_class)->constructed (object);

  if (self->content != NULL)
    build_chapter_rows (self);
  build_tags (self);
  if (self->session != NULL)
    {
      g_signal_connect_object (self->session, "locking", G_CALLBACK (on_session_locking_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "member-changed", G_CALLBACK (on_session_locking_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update_preview (self);
}

static gboolean
wtw_export_report_window_close_request (GtkWindow *window)
{
  g_cancellable_cancel (WTW_EXPORT_REPORT_WINDOW (window)->cancellable);

  return GTK_WINDOW_CLASS (wtw_export_report_window_parent_class)->close_request (window);
}

static void
wtw_export_report_window_dispose (GObject *object)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_EXPORT_REPORT_WINDOW);
  g_clear_object (&self->print_renderer);
  g_clear_pointer (&self->report, wtw_report_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->content);
  g_clear_object (&self->tags);

  G_OBJECT_CLASS (wtw_export_report_window_parent_class)->dispose (object);
}

static void
wtw_export_report_window_finalize (GObject *object)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (object);

  g_free (self->print_to_file);
  g_ptr_array_unref (self->chapter_ids);
  g_ptr_array_unref (self->reflection_switches);
  g_ptr_array_unref (self->conversation_switches);

  G_OBJECT_CLASS (wtw_export_report_window_parent_class)->finalize (object);
}

static void
wtw_export_report_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  WtwExportReportWindow *self = WTW_EXPORT_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_export_report_window_class_init (WtwExportReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wtw_export_report_window_constructed;
  object_class->dispose = wtw_export_report_window_dispose;
  object_class->finalize = wtw_export_report_window_finalize;
  object_class->set_property = wtw_export_report_window_set_property;
  window_class->close_request = wtw_export_report_window_close_request;

  properties[PROP_CONTENT] =
    g_param_spec_object ("app-content", NULL, NULL,
                         WTW_TYPE_CONTENT,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-export-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, choices_box);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, preview_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, journal_switch);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, tag_row);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, private_switch);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, only_mine_row);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, only_mine_switch);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, reflections_group);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, conversations_group);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, quiz_switch);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwExportReportWindow, cancel_button);
}

static void
wtw_export_report_window_init (WtwExportReportWindow *self)
{
  self->chapter_ids = g_ptr_array_new_with_free_func (g_free);
  self->reflection_switches = g_ptr_array_new ();
  self->conversation_switches = g_ptr_array_new ();
  self->tags = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  name_switch (self->journal_switch, _("Journal Entries"));
  name_switch (self->private_switch, _("My Private Entries and Answers"));
  name_switch (self->only_mine_switch, _("Only What I Wrote"));
  name_switch (self->quiz_switch, _("Quiz Results"));

  g_signal_connect_swapped (self->journal_switch, "notify::active", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect_swapped (self->private_switch, "notify::active", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->only_mine_switch, "notify::active", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->quiz_switch, "notify::active", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->from_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->tag_row, "notify::selected", G_CALLBACK (schedule_preview), self);
}

/**
 * wtw_export_report_window_new:
 * @content: the chapters and the quiz
 * @session: the unlocked session
 *
 * Returns: (transfer full): a new window; present it transient for the
 *   main window
 */
WtwExportReportWindow *
wtw_export_report_window_new (WtwContent *content,
                              WtwSession *session)
{
  return g_object_new (WTW_TYPE_EXPORT_REPORT_WINDOW,
                       "app-content", content,
                       "session", session,
                       NULL);
}

/**
 * _wtw_export_report_window_set_print_to_file:
 * @self: a #WtwExportReportWindow
 * @path: (nullable): a PDF file, or %NULL for the print dialog
 *
 * For tests: "Print…" then prints through the same pages into @path
 * (GtkPrintOperation's export), with no dialog.
 */
void
_wtw_export_report_window_set_print_to_file (WtwExportReportWindow *self,
                                             const char            *path)
{
  g_return_if_fail (WTW_IS_EXPORT_REPORT_WINDOW (self));

  g_free (self->print_to_file);
  self->print_to_file = g_strdup (path);
}
