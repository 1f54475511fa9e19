/* wtw-backup-ui.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-backup-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-application.h"
#include "wtw-backup-ui.h"

/* What "Back Up Now" and "Restore" look like wherever they are offered: the
 * main menu, Preferences and the page shown for a vault that cannot be
 * opened. The work itself is WtwBackups'. Results are told in a toast on
 * the window (or Preferences) the request came from, which outlives the
 * page: restoring rebuilds the main page. */

/**
 * wtw_backup_ui_get_backups:
 *
 * Returns: (transfer none) (nullable): the app's #WtwBackups
 */
WtwBackups *
wtw_backup_ui_get_backups (void)
{
  GApplication *app = g_application_get_default ();

  return WTW_IS_APPLICATION (app) ? wtw_application_get_backups (WTW_APPLICATION (app)) : NULL;
}

/* When a backup was made, for a person: relative to today, to the minute.
 * @in_sentence picks the form that goes inside a sentence ("today at
 * 09:30", "on Monday 2 March at 09:30") rather than the one that starts a
 * line ("Today at 09:30", "Monday 2 March at 09:30"). */
static char *
format_when (GDateTime *time,
             gboolean   in_sentence)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  GDate day, today;
  const char *format;
  int days;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  days = g_date_days_between (&day, &today);

  /* Translators: these are g_date_time_format() formats for when a backup was
   * made; the first of each pair starts a line, the second goes inside a
   * sentence. Use your usual clock. */
  if (days == 0)
    format = in_sentence ? _("today at %H:%M") : _("Today at %H:%M");
  else if (days == 1)
    format = in_sentence ? _("yesterday at %H:%M") : _("Yesterday at %H:%M");
  else if (g_date_get_year (&day) == g_date_get_year (&today))
    format = in_sentence ? _("on %A %-d %B at %H:%M") : _("%A %-d %B at %H:%M");
  else
    format = in_sentence ? _("on %-d %B %Y at %H:%M") : _("%-d %B %Y at %H:%M");
  return g_date_time_format (local, format);
}

/**
 * wtw_backup_ui_describe:
 * @info: a backup
 *
 * Returns: (transfer full): when it was made, its size, and whether it
 *   was made automatically, for a person: "Today at 09:30 · 1.2 MB"
 */
char *
wtw_backup_ui_describe (const WtwBackupInfo *info)
{
  g_autofree char *when = format_when (info->time, FALSE);
  g_autofree char *size = g_format_size (info->size);

  if (info->automatic)
    /* Translators: a backup: when it was made, then its size */
    return g_strdup_printf (_("%s · %s · automatic"), when, size);
  /* Translators: a backup: when it was made, then its size */
  return g_strdup_printf (_("%s · %s"), when, size);
}

/**
 * wtw_backup_ui_describe_when:
 * @info: a backup
 *
 * Returns: (transfer full): when it was made, to go inside a sentence:
 *   "today at 09:30", "on Monday 2 March at 09:30"
 */
char *
wtw_backup_ui_describe_when (const WtwBackupInfo *info)
{
  return format_when (info->time, TRUE);
}

/* Where toasts go: Preferences, or the toast overlay of the window. */
static GObject *
find_toast_target (GtkWidget *anchor)
{
  GtkRoot *root = gtk_widget_get_root (anchor);
  GtkWidget *overlay;

  if (ADW_IS_PREFERENCES_WINDOW (root))
    return G_OBJECT (root);
  overlay = gtk_widget_get_ancestor (anchor, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && root != NULL)
    overlay = gtk_widget_get_first_child (GTK_WIDGET (root));
  while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
    overlay = gtk_widget_get_next_sibling (overlay);
  return overlay != NULL ? G_OBJECT (overlay) : NULL;
}

static void
add_toast (GObject  *target,
           AdwToast *toast)
{
  if (ADW_IS_PREFERENCES_WINDOW (target))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (target), toast);
  else if (ADW_IS_TOAST_OVERLAY (target))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (target), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_show_items_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GFile) backup = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (backup);
      g_autofree char *uri = g_file_get_uri (folder);

      g_app_info_launch_default_for_uri (uri, NULL, NULL);
    }
}

/* The file manager shows the backup selected; without one, its folder. */
static void
on_show_clicked_cb (AdwToast *toast,
                    GFile    *backup)
{
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  const char *uris[] = { NULL, NULL };
  g_autofree char *uri = g_file_get_uri (backup);

  uris[0] = uri;
  if (bus == NULL)
    {
      on_show_items_cb (NULL, NULL, g_object_ref (backup));
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_show_items_cb, g_object_ref (backup));
}

static void
on_backed_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GObject) target = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) backup = NULL;
  AdwToast *toast;

  backup = wtw_backups_back_up_now_finish (WTW_BACKUPS (object), result, &error);
  if (backup == NULL)
    {
      toast = adw_toast_new (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                             ? _("The backup stopped because the vault locked. Nothing was written.")
                             : error->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      add_toast (target, toast);
      return;
    }

  toast = adw_toast_new (_("Backup saved"));
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_show_clicked_cb),
                         g_steal_pointer (&backup), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  add_toast (target, toast);
}

/**
 * wtw_backup_ui_back_up_now:
 * @anchor: the widget the request came from
 *
 * Writes a backup now and tells how it went in a toast.
 */
void
wtw_backup_ui_back_up_now (GtkWidget *anchor)
{
  WtwBackups *backups = wtw_backup_ui_get_backups ();
  GObject *target = find_toast_target (anchor);

  if (backups == NULL)
    return;
  if (target != NULL)
    g_object_ref (target);
  wtw_backups_back_up_now_async (backups, NULL, on_backed_up_cb, target);
}

/**
 * wtw_backup_ui_back_up_now_action:
 *
 * The `main.back-up-now` action.
 */
void
wtw_backup_ui_back_up_now_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  wtw_backup_ui_back_up_now (widget);
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GObject) target = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  aside = wtw_backups_restore_finish (WTW_BACKUPS (object), result, &error);
  if (error != NULL)
    message = g_strdup (error->message);
  else if (aside != NULL)
    {
      g_autofree char *name = g_file_get_basename (aside);

      message = g_strdup_printf (_("Backup restored. The vault it replaced is kept as “%s”."), name);
    }
  else
    message = g_strdup (_("Backup restored."));

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  add_toast (target, toast);
}

static GFile *
chosen_backup (AdwMessageDialog *dialog)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "list");
  GtkListBoxRow *row = list ? gtk_list_box_get_selected_row (list) : NULL;

  if (row != NULL)
    return g_object_get_data (G_OBJECT (row), "file");
  return g_object_get_data (G_OBJECT (dialog), "file");
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GObject          *target)
{
  WtwBackups *backups = wtw_backup_ui_get_backups ();
  GtkEditable *secret = g_object_get_data (G_OBJECT (dialog), "secret");
  GFile *backup = chosen_backup (dialog);
  const char *text = gtk_editable_get_text (secret);

  /* libadwaita 1.2: a password row destroyed while it has the focus leaves a
   * handler behind that crashes on a later key-state change (see the
   * preferences window). The dialog closes after this: let go first. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (!g_str_equal (response, "restore") || backups == NULL || backup == NULL)
    return;
  if (*text == '\0')
    {
      add_toast (target, adw_toast_new (_("Type the passphrase or recovery key that opens the backup.")));
      return;
    }

  add_toast (target, adw_toast_new (_("Checking the backup…")));
  wtw_backups_restore_async (backups, backup, text, wtw_backup_guess_secret_kind (text), NULL,
                             on_restored_cb, target ? g_object_ref (target) : NULL);
  /* Leave no copy of the secret in the entry's buffer. */
  gtk_editable_set_text (secret, "");
}

/* A backup to choose: when as the title, its size and kind below. */
static GtkWidget *
backup_row (const WtwBackupInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_when (info->time, FALSE);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;

  if (info->automatic)
    /* Translators: the size of a backup, then how it was made */
    subtitle = g_strdup_printf (_("%s · made automatically"), size);
  else
    subtitle = g_steal_pointer (&size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (info->file), g_object_unref);
  return row;
}

/**
 * wtw_backup_ui_choose_and_restore:
 * @anchor: the widget the request came from
 * @backups: (element-type WtwBackupInfo): the backups to choose from,
 *   newest first; with one, it is the one restored
 *
 * Asks which backup and the passphrase or recovery key that opens it, then
 * restores it (see wtw_backups_restore_async()).
 */
void
wtw_backup_ui_choose_and_restore (GtkWidget *anchor,
                                  GPtrArray *backups)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (anchor));
  GObject *target = find_toast_target (anchor);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *group, *secret;

  g_return_if_fail (backups != NULL && backups->len > 0);

  if (backups->len == 1)
    {
      g_autofree char *when = wtw_backup_ui_describe_when (g_ptr_array_index (backups, 0));

      /* Translators: %s is when the backup was made: "today at 09:30" */
      body = g_strdup_printf (_("The backup made %s is checked first. The vault file as it is "
                                "now is kept beside it, never deleted."), when);
    }
  else
    body = g_strdup (_("Choose a backup. It is checked first, and the vault file as it is now "
                       "is kept beside it, never deleted."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, backups->len == 1
                                                       ? _("Restore Latest Backup?")
                                                       : _("Restore From a Backup"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  if (backups->len > 1)
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_widget_add_css_class (list, "boxed-list");
      /* Room for the list's shadow, which the scrolled window would clip. */
      gtk_widget_set_margin_top (list, 2);
      gtk_widget_set_margin_bottom (list, 6);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Backups"), -1);
      for (guint i = 0; i < backups->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list), backup_row (g_ptr_array_index (backups, i)));
      gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
      gtk_box_append (GTK_BOX (box), scrolled);
      g_object_set_data (G_OBJECT (dialog), "list", list);
    }
  else
    {
      WtwBackupInfo *only = g_ptr_array_index (backups, 0);

      g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (only->file), g_object_unref);
    }

  group = adw_preferences_group_new ();
  secret = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (secret), _("_Passphrase or Recovery Key"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (secret), TRUE);
  /* Enter in the field restores, as the default response. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (secret), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), secret);
  gtk_box_append (GTK_BOX (box), group);
  g_object_set_data (G_OBJECT (dialog), "secret", secret);
  adw_message_dialog_set_extra_child (dialog, box);

  if (target != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "target", g_object_ref (target), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), target);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (secret);
}

static void
on_automatic_failed_cb (AdwToastOverlay *overlay,
                        gboolean         automatic,
                        const GError    *error)
{
  g_autofree char *message = g_strdup_printf (_("The automatic backup was not written. %s"),
                                              error->message);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * wtw_backup_ui_report_failures:
 * @overlay: the window's toast overlay
 *
 * Tells in @overlay when an automatic backup fails (a full disk, a folder
 * that cannot be written), once per failure, until the toast is dismissed.
 */
void
wtw_backup_ui_report_failures (AdwToastOverlay *overlay)
{
  WtwBackups *backups = wtw_backup_ui_get_backups ();

  if (backups != NULL)
    g_signal_connect_object (backups, "failed", G_CALLBACK (on_automatic_failed_cb), overlay,
                             G_CONNECT_SWAPPED);
}
