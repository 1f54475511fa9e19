/* wtw-recovery-key.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeping a recovery key: printing it, saving it to a file, and the box of
 * key and buttons that dialogs showing a new key put under their text. The
 * key is copied into secure memory for as long as it is needed here, and
 * wiped after.
 */

#define G_LOG_DOMAIN "wtw-recovery-key"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wtw-recovery-key.h"
#include "wtw-secret-clipboard.h"
#include "wtw-secure.h"

static char *
key_document (const char *key,
              gboolean    with_advice)
{
  if (!with_advice)
    return g_strdup_printf ("%s\n\n%s\n", _("Words That Work — Recovery Key"), key);
  return g_strdup_printf ("%s\n\n%s\n\n%s",
                          _("Words That Work — Recovery Key"),
                          key,
                          _("This key opens your vault if you forget your passphrase. "
                            "Keep it somewhere safe, away from your computer."));
}

static void
wipe_string (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 const char        *key)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 12");
  char *text = key_document (key, TRUE);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (gtk_print_context_get_width (context)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  wipe_string (text);
}

/**
 * wtw_recovery_key_print:
 * @parent: the window to put the print dialog over
 * @key: the recovery key
 * @status: (scope call): told what became of it
 * @user_data: data for @status
 *
 * Prints @key on one page, with a line on what it is for. Returns when the
 * print dialog is closed.
 */
void
wtw_recovery_key_print (GtkWindow            *parent,
                        const char           *key,
                        WtwRecoveryKeyStatus  status,
                        gpointer              user_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (key != NULL);

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Recovery Key"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), (gpointer) key);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    status (error->message, user_data);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    status (_("Sent to the printer."), user_data);
}

typedef struct
{
  char                 *key;
  WtwRecoveryKeyStatus  status;
  gpointer              user_data;
  GDestroyNotify        destroy;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->key, wtw_secure_free);
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_free (job);
}

/* Writes @key to @file, readable by its owner only; the file is replaced
 * whole or left as it was. */
static gboolean
save_to_file (GFile       *file,
              const char  *key,
              GError     **error)
{
  char *text = key_document (key, FALSE);
  gboolean ok;

  ok = g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error);
  wipe_string (text);
  return ok;
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SaveJob         *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (save_to_file (file, job->key, &error))
        job->status (_("Saved. Move the file somewhere safe, away from this computer."),
                     job->user_data);
      else
        job->status (error->message, job->user_data);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  save_job_free (job);
}

/**
 * wtw_recovery_key_save:
 * @parent: the window to put the file chooser over
 * @key: the recovery key; copied
 * @status: told what became of it, if the person chose a file
 * @user_data: data for @status
 * @destroy: (nullable): frees @user_data when the chooser is done
 *
 * Asks where to save @key, then writes it there as a small text file that
 * only its owner can read.
 */
void
wtw_recovery_key_save (GtkWindow            *parent,
                       const char           *key,
                       WtwRecoveryKeyStatus  status,
                       gpointer              user_data,
                       GDestroyNotify        destroy)
{
  GtkFileChooserNative *dialog;
  SaveJob *job;

  g_return_if_fail (key != NULL);

  job = g_new0 (SaveJob, 1);
  job->key = wtw_secure_strdup (key);
  job->status = status;
  job->user_data = user_data;
  job->destroy = destroy;

  dialog = gtk_file_chooser_native_new (_("Save Recovery Key"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Words That Work recovery key.txt"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The box: the key, then Copy, Print and Save, then what became of it. */

static void
show_status (const char *message,
             gpointer    user_data)
{
  gtk_label_set_label (GTK_LABEL (user_data), message);
  gtk_widget_set_visible (GTK_WIDGET (user_data), TRUE);
}

static const char *
box_key (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (gtk_widget_get_parent (gtk_widget_get_parent (button))), "key");
}

static GtkWidget *
box_status (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (gtk_widget_get_parent (gtk_widget_get_parent (button))), "status");
}

static GtkWindow *
button_window (GtkWidget *button)
{
  GtkRoot *root = gtk_widget_get_root (button);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_copy_clicked_cb (GtkButton *button)
{
  wtw_secret_clipboard_copy (GTK_WIDGET (button), box_key (GTK_WIDGET (button)));
  show_status (_("Copied. The clipboard is cleared again in 30 seconds."),
               box_status (GTK_WIDGET (button)));
}

static void
on_print_clicked_cb (GtkButton *button)
{
  wtw_recovery_key_print (button_window (GTK_WIDGET (button)), box_key (GTK_WIDGET (button)),
                          show_status, box_status (GTK_WIDGET (button)));
}

static void
on_save_clicked_cb (GtkButton *button)
{
  wtw_recovery_key_save (button_window (GTK_WIDGET (button)), box_key (GTK_WIDGET (button)),
                         show_status, g_object_ref (box_status (GTK_WIDGET (button))),
                         g_object_unref);
}

static GtkWidget *
key_button (const char *label,
            const char *name,
            GCallback   clicked)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), button);
  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (text)),
                                  -1);
  g_signal_connect (button, "clicked", clicked, NULL);
  return button;
}

/**
 * wtw_recovery_key_box_new:
 * @key: the recovery key; copied into secure memory and wiped with the box
 *
 * Returns: (transfer floating): the key, selectable, with Copy, Print and
 *   Save buttons under it and a line saying what became of it
 */
GtkWidget *
wtw_recovery_key_box_new (const char *key)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (key);
  GtkWidget *status = gtk_label_new (NULL);

  g_return_val_if_fail (key != NULL, NULL);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "recovery-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recovery key"),
                                  -1);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), key_button (_("C_opy"), "copy-key", G_CALLBACK (on_copy_clicked_cb)));
  gtk_box_append (GTK_BOX (buttons), key_button (_("_Print…"), "print-key", G_CALLBACK (on_print_clicked_cb)));
  gtk_box_append (GTK_BOX (buttons), key_button (_("_Save…"), "save-key", G_CALLBACK (on_save_clicked_cb)));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_set_visible (status, FALSE);
  gtk_box_append (GTK_BOX (box), status);

  /* The key lives as long as the box, in secure memory; the label's copy
   * goes with the label. */
  g_object_set_data_full (G_OBJECT (box), "key", wtw_secure_strdup (key), wtw_secure_free);
  g_object_set_data (G_OBJECT (box), "status", status);
  return box;
}
