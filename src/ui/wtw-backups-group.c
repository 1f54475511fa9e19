/* wtw-backups-group.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-backups-group"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-backup-ui.h"
#include "wtw-backups-group.h"

/* Preferences → Backups: automatic backups on or off, how many to keep,
 * the folder, "Back Up Now" with its progress, and restoring. It shows
 * the app's WtwBackups unless given another one. */
struct _WtwBackupsGroup
{
  AdwPreferencesGroup  parent_instance;

  WtwBackups          *backups;
  GBindingGroup       *bindings;
  GSignalGroup        *signals;
  GSignalGroup        *session_signals;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwActionRow        *folder_row;
  AdwActionRow        *now_row;
  AdwActionRow        *restore_row;
  GtkSwitch           *automatic_switch;
  GtkAdjustment       *keep_adjustment;
  GtkProgressBar      *progress_bar;
};

G_DEFINE_FINAL_TYPE (WtwBackupsGroup, wtw_backups_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
keep_to_value (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_double (to, g_value_get_uint (from));
  return TRUE;
}

static gboolean
value_to_keep (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_uint (to, (guint) CLAMP (g_value_get_double (from), 1, 50));
  return TRUE;
}

/* The folder as Files would name it: the home folder as "~". */
static char *
display_path (GFile *folder)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, folder);

  if (g_file_equal (folder, home))
    return g_strdup ("~");
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_strdup (g_file_peek_path (folder));
}

static void
update_state (WtwBackupsGroup *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *count = NULL;
  g_autofree char *display = NULL;
  gboolean busy, unlocked;

  if (self->backups == NULL)
    return;

  folder = wtw_backups_dup_folder (self->backups);
  display = display_path (folder);
  adw_action_row_set_subtitle (self->folder_row, display);

  busy = wtw_backups_get_busy (self->backups);
  unlocked = wtw_session_get_vault (wtw_backups_get_session (self->backups)) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now", unlocked && !busy);

  list = wtw_backups_list (self->backups, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore",
                                 !busy && list != NULL && list->len > 0);
  if (list == NULL || list->len == 0)
    {
      adw_action_row_set_subtitle (self->now_row, _("No backup yet"));
      adw_action_row_set_subtitle (self->restore_row, _("There is no backup in the folder yet"));
      return;
    }
  {
    g_autofree char *latest = wtw_backup_ui_describe (g_ptr_array_index (list, 0));
    g_autofree char *last = g_strdup_printf (_("Latest: %s"), latest);

    adw_action_row_set_subtitle (self->now_row, last);
  }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u backup in the folder",
                                        "%u backups in the folder", list->len),
                           list->len);
  adw_action_row_set_subtitle (self->restore_row, count);
}

static void
on_chooser_response_cb (WtwBackupsGroup      *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL && self->backups != NULL)
    {
      if (g_file_peek_path (folder) != NULL)
        wtw_backups_set_folder (self->backups, folder);
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          adw_toast_new (_("Choose a folder on this computer.")));
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WtwBackupsGroup *self = WTW_BACKUPS_GROUP (widget);
  g_autoptr(GFile) folder = NULL;

  if (self->backups == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Backup Folder"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  folder = wtw_backups_dup_folder (self->backups);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  wtw_backup_ui_back_up_now (widget);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WtwBackupsGroup *self = WTW_BACKUPS_GROUP (widget);
  g_autoptr(GPtrArray) list = NULL;

  if (self->backups == NULL || (list = wtw_backups_list (self->backups, NULL)) == NULL
      || list->len == 0)
    return;
  wtw_backup_ui_choose_and_restore (widget, list);
}

static void
wtw_backups_group_constructed (GObject *object)
{
  WtwBackupsGroup *self = (WtwBackupsGroup *)object;

  G_OBJECT_CLASS (wtw_backups_group_parent_class)->constructed (object);

  if (self->backups == NULL && wtw_backup_ui_get_backups () != NULL)
    wtw_backups_group_set_backups (self, wtw_backup_ui_get_backups ());
}

static void
wtw_backups_group_dispose (GObject *object)
{
  WtwBackupsGroup *self = (WtwBackupsGroup *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->backups);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_BACKUPS_GROUP);

  G_OBJECT_CLASS (wtw_backups_group_parent_class)->dispose (object);
}

static void
wtw_backups_group_class_init (WtwBackupsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wtw_backups_group_constructed;
  object_class->dispose = wtw_backups_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-backups-group.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwBackupsGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, WtwBackupsGroup, now_row);
  gtk_widget_class_bind_template_child (widget_class, WtwBackupsGroup, restore_row);
  gtk_widget_class_bind_template_child (widget_class, WtwBackupsGroup, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, WtwBackupsGroup, keep_adjustment);
  gtk_widget_class_bind_template_child (widget_class, WtwBackupsGroup, progress_bar);

  gtk_widget_class_install_action (widget_class, "backups.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", NULL, restore_action);
}

static void
wtw_backups_group_init (WtwBackupsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "automatic", self->automatic_switch, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "keep", self->keep_adjustment, "value",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             keep_to_value, value_to_keep, NULL, NULL);
  g_binding_group_bind (self->bindings, "progress", self->progress_bar, "fraction",
                        G_BINDING_SYNC_CREATE);

  self->signals = g_signal_group_new (WTW_TYPE_BACKUPS);
  g_signal_group_connect_object (self->signals, "notify::busy", G_CALLBACK (update_state),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->signals, "notify::folder", G_CALLBACK (update_state),
                                 self, G_CONNECT_SWAPPED);
  self->session_signals = g_signal_group_new (WTW_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", FALSE);
}

WtwBackups *
wtw_backups_group_get_backups (WtwBackupsGroup *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS_GROUP (self), NULL);

  return self->backups;
}

/**
 * wtw_backups_group_set_backups:
 * @self: a #WtwBackupsGroup
 * @backups: (nullable): the backups to show
 */
void
wtw_backups_group_set_backups (WtwBackupsGroup *self,
                               WtwBackups      *backups)
{
  g_return_if_fail (WTW_IS_BACKUPS_GROUP (self));
  g_return_if_fail (!backups || WTW_IS_BACKUPS (backups));

  if (!g_set_object (&self->backups, backups))
    return;
  g_binding_group_set_source (self->bindings, backups);
  g_signal_group_set_target (self->signals, backups);
  g_signal_group_set_target (self->session_signals,
                             backups ? wtw_backups_get_session (backups) : NULL);
  update_state (self);
}
