/* wtw-transfer-ui.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-transfer-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-export.h"
#include "wtw-import-report-dialog.h"
#include "wtw-import.h"
#include "wtw-journal-view.h"
#include "wtw-transfer-ui.h"

/* "Export Everything…" and "Import…" in the main menu: a choice of form, the
 * file chooser, a progress dialog that can cancel, then a toast (export) or
 * the import report. The work is the core's (src/export); nothing here reads
 * the vault but through it. */

typedef struct
{
  GtkWidget      *page;       /* the main page the action came from */
  GtkWindow      *window;
  WtwSession     *session;
  GtkWidget      *progress;   /* the progress dialog, while running */
  GtkProgressBar *bar;
  GCancellable   *cancellable;
  GPtrArray      *choices;    /* GtkCheckButton, in the order of the kinds */
  guint           choice;
  gboolean        is_import;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_clear_object (&transfer->page);
  g_clear_object (&transfer->window);
  g_clear_object (&transfer->session);
  g_clear_object (&transfer->progress);
  g_clear_object (&transfer->cancellable);
  g_clear_pointer (&transfer->choices, g_ptr_array_unref);
  g_free (transfer);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static WtwJournalView *
find_journal_view (GtkWidget *page)
{
  return (WtwJournalView *) find_descendant (page, WTW_TYPE_JOURNAL_VIEW);
}

static Transfer *
transfer_new (GtkWidget *page,
              gboolean   is_import)
{
  WtwJournalView *journal = find_journal_view (page);
  Transfer *transfer;

  if (journal == NULL || wtw_journal_view_get_session (journal) == NULL)
    return NULL;
  transfer = g_new0 (Transfer, 1);
  transfer->page = g_object_ref (page);
  transfer->window = GTK_WINDOW (g_object_ref (gtk_widget_get_root (page)));
  transfer->session = g_object_ref (wtw_journal_view_get_session (journal));
  transfer->cancellable = g_cancellable_new ();
  transfer->choices = g_ptr_array_new ();
  transfer->is_import = is_import;
  return transfer;
}

static void
add_toast (Transfer   *transfer,
           const char *title)
{
  GtkWidget *overlay = gtk_widget_get_first_child (GTK_WIDGET (transfer->window));
  AdwToast *toast = adw_toast_new (title);

  while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
    overlay = gtk_widget_get_next_sibling (overlay);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (Transfer   *transfer,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (transfer->window, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Progress. */

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Transfer *transfer = user_data;

  gtk_progress_bar_set_fraction (transfer->bar, fraction);
}

static void
show_progress (Transfer   *transfer,
               const char *heading)
{
  GtkWidget *dialog = adw_message_dialog_new (transfer->window, heading, NULL);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_progress_response_cb),
                           transfer->cancellable, 0);
  transfer->progress = g_object_ref (dialog);
  transfer->bar = GTK_PROGRESS_BAR (bar);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hide_progress (Transfer *transfer)
{
  if (transfer->progress == NULL)
    return;
  /* Closing must not read as "cancel". */
  g_signal_handlers_disconnect_by_func (transfer->progress, on_progress_response_cb,
                                        transfer->cancellable);
  gtk_window_destroy (GTK_WINDOW (transfer->progress));
  g_clear_object (&transfer->progress);
}

/* Export. */

static const char * const export_extensions[] = { ".md", "", ".json" };

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Transfer *transfer = user_data;
  g_autoptr(GError) error = NULL;

  hide_progress (transfer);
  if (wtw_export_to_file_finish (result, &error))
    add_toast (transfer, _("Export saved. It is not encrypted: keep it somewhere safe."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (transfer, _("Export cancelled. Nothing was written."));
  else
    show_error (transfer, _("Export Failed"), error->message);
  transfer_free (transfer);
}

static void
start_export (Transfer *transfer,
              GFile    *dest)
{
  WtwVault *vault = wtw_session_get_vault (transfer->session);

  show_progress (transfer, _("Exporting…"));
  wtw_export_to_file_async (vault, (WtwExportKind) transfer->choice, dest, on_progress, transfer,
                            transfer->cancellable, on_exported_cb, transfer);
}

/* Import. */

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Transfer *transfer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwImportReport) report = wtw_import_file_finish (result, &error);
  WtwJournalView *journal;

  hide_progress (transfer);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (transfer, _("Import cancelled. Nothing was changed."));
      else
        show_error (transfer, _("Nothing Was Imported"), error->message);
      transfer_free (transfer);
      return;
    }
  /* The page may be gone (the vault locked): then there is nothing to show. */
  if (gtk_widget_get_root (transfer->page) != NULL
      && (journal = find_journal_view (transfer->page)) != NULL)
    wtw_journal_model_reload (wtw_journal_view_get_model (journal));
  gtk_window_present (GTK_WINDOW (wtw_import_report_dialog_new (transfer->window, report)));
  transfer_free (transfer);
}

static void
start_import (Transfer *transfer,
              GFile    *source)
{
  static const WtwImportFormat formats[] = {
    WTW_IMPORT_FORMAT_JSON, WTW_IMPORT_FORMAT_DAY_ONE, WTW_IMPORT_FORMAT_MARKDOWN,
  };
  WtwJournalView *journal = find_journal_view (transfer->page);
  g_autoptr(GError) error = NULL;

  /* Whatever is being typed is saved first: the import writes in one batch
   * that nothing else may join. */
  if (journal != NULL && wtw_journal_editor_get_active (wtw_journal_view_get_editor (journal))
      && !wtw_journal_editor_save (wtw_journal_view_get_editor (journal), &error))
    {
      show_error (transfer, _("Nothing Was Imported"), error->message);
      transfer_free (transfer);
      return;
    }
  show_progress (transfer, _("Importing…"));
  wtw_import_file_async (wtw_session_get_vault (transfer->session), source,
                         formats[transfer->choice], on_progress, transfer,
                         transfer->cancellable, on_imported_cb, transfer);
}

/* Choosing. */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  Transfer *transfer = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || wtw_session_get_state (transfer->session) != WTW_SESSION_STATE_UNLOCKED)
    {
      transfer_free (transfer);
      return;
    }
  if (transfer->is_import)
    start_import (transfer, file);
  else
    start_export (transfer, file);
}

static void
choose_file (Transfer *transfer)
{
  GtkFileChooserNative *chooser;

  if (transfer->is_import)
    {
      gboolean folder = transfer->choice == 2;

      chooser = gtk_file_chooser_native_new (folder ? _("Choose a Folder of Markdown Files")
                                                    : _("Choose an Export to Import"),
                                             transfer->window,
                                             folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                    : GTK_FILE_CHOOSER_ACTION_OPEN,
                                             _("_Import"), _("_Cancel"));
      if (!folder)
        {
          g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

          gtk_file_filter_set_name (filter, _("JSON files"));
          gtk_file_filter_add_mime_type (filter, "application/json");
          gtk_file_filter_add_suffix (filter, "json");
          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *name = g_strdup_printf (_("Words That Work %s%s"), day,
                                               export_extensions[transfer->choice]);

      chooser = gtk_file_chooser_native_new (_("Export Everything"), transfer->window,
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), transfer);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_choice_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  Transfer *transfer = user_data;

  if (!g_str_equal (response, "choose"))
    {
      transfer_free (transfer);
      return;
    }
  for (guint i = 0; i < transfer->choices->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (transfer->choices, i)))
      transfer->choice = i;
  g_ptr_array_set_size (transfer->choices, 0);
  choose_file (transfer);
}

/* A choice is a title and a line that says what it is for. */
typedef struct
{
  const char *title;
  const char *subtitle;
} Choice;

/* One row of the list of choices: a radio button and what it stands for;
 * activating the row, or its mnemonic, picks it. */
static GtkWidget *
choice_row (const Choice   *choice,
            GtkCheckButton *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), choice->title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), choice->subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
ask (Transfer     *transfer,
     const char   *heading,
     const char   *body,
     const Choice *choices)
{
  GtkWidget *dialog = adw_message_dialog_new (transfer->window, heading, body);
  GtkWidget *list = gtk_list_box_new ();
  GtkCheckButton *first = NULL;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  for (guint i = 0; choices[i].title != NULL; i++)
    {
      GtkWidget *row = choice_row (&choices[i], first);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (transfer->choices, check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("C_hoose…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_choice_response_cb), transfer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * wtw_transfer_ui_export_all_action:
 * @widget: the main page
 * @action_name: "main.export-all"
 * @parameter: unused
 *
 * Asks for a form (Markdown, one document or a folder; JSON), warns that the
 * copy is not encrypted, asks where, and exports with a progress dialog.
 */
void
wtw_transfer_ui_export_all_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  const Choice choices[] = {
    { _("_Markdown"), _("One document to read or print") },
    { _("Markdown _Folder"), _("One file per entry, in a new folder") },
    { _("_JSON"), _("Everything, to import again later") },
    { NULL, NULL },
  };
  Transfer *transfer = transfer_new (widget, FALSE);

  if (transfer == NULL)
    return;
  ask (transfer, _("Export Everything"),
       _("The exported copy is not encrypted: anyone who can open it can read every word. "
         "Keep it somewhere safe, and delete it when you no longer need it. Another "
         "member’s private entries are listed without their text."),
       choices);
}

/**
 * wtw_transfer_ui_import_action:
 * @widget: the main page
 * @action_name: "main.import"
 * @parameter: unused
 *
 * Asks what to import, asks for the file or folder, imports with a progress
 * dialog, then shows the report.
 */
void
wtw_transfer_ui_import_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  const Choice choices[] = {
    { _("Words That Work _JSON"), _("An export made with Export Everything") },
    { _("_Day One JSON"), _("A journal exported from Day One") },
    { _("Markdown _Folder"), _("A folder of Markdown files, one entry each") },
    { NULL, NULL },
  };
  Transfer *transfer = transfer_new (widget, TRUE);

  if (transfer == NULL)
    return;
  ask (transfer, _("Import"),
       _("Entries already in your journal are skipped. If anything goes wrong, nothing "
         "is changed."),
       choices);
}
