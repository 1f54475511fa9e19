/* wtw-preferences-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-backups-group.h"
#include "wtw-passphrase.h"
#include "wtw-preferences-window.h"
#include "wtw-recovery-key.h"
#include "wtw-secret-clipboard.h"
#include "wtw-secure.h"
#include "wtw-session.h"
#include "wtw-settings.h"

struct _WtwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  WtwSettings          *settings;
  WtwSession           *session;
  GCancellable         *cancellable;

  /* Template widgets */
  GtkAdjustment        *auto_lock_adjustment;
  AdwPreferencesGroup  *passphrase_group;
  AdwPreferencesGroup  *partners_group;
  GtkListBox           *members_list;
  GtkWidget            *homework_reminders_switch;
};

G_DEFINE_FINAL_TYPE (WtwPreferencesWindow, wtw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
minutes_to_value (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, g_value_get_uint (from));
  return TRUE;
}

static gboolean
value_to_minutes (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint)CLAMP (g_value_get_double (from), 0, 240));
  return TRUE;
}

static void
toast (WtwPreferencesWindow *self,
       const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static GtkWidget *
add_password_row (GtkWidget  *group,
                  const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* libadwaita 1.2: an AdwPasswordEntryRow destroyed while it has the focus
 * leaves a handler behind that crashes the app on a later key-state change.
 * Every form dialog is closed after its response: let go of the focus first. */
static void
on_form_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
}

/* A message dialog with a group of entry rows under its text; the rows
 * are kept on the dialog by name for the response handler. */
static AdwMessageDialog *
form_dialog (WtwPreferencesWindow *self,
             const char           *heading,
             const char           *body,
             const char           *response_label)
{
  AdwMessageDialog *dialog;
  GtkWidget *group = adw_preferences_group_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, group);
  g_object_set_data (G_OBJECT (dialog), "group", group);
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response_cb), NULL);
  return dialog;
}

static const char *
row_text (AdwMessageDialog *dialog,
          const char       *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), name)));
}

/* Why a new passphrase cannot be used, or NULL if it can. */
static const char *
check_new_passphrase (const char *passphrase,
                      const char *confirm)
{
  if (!wtw_passphrase_rate (passphrase, NULL).acceptable)
    return _("That passphrase is too easy to guess. Use at least four less common words.");
  if (g_strcmp0 (passphrase, confirm) != 0)
    return _("The two passphrases are not the same.");
  return NULL;
}

static void rebuild_members (WtwPreferencesWindow *self);

static void
change_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WtwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (wtw_session_change_passphrase_finish (WTW_SESSION (object), result, &error))
    toast (self, _("Your passphrase is changed. Use the new one from now on."));
  else if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE))
    toast (self, _("The current passphrase was not right. Nothing was changed."));
  else
    toast (self, error->message);
}

static void
on_change_passphrase_response_cb (AdwMessageDialog     *dialog,
                                  const char           *response,
                                  WtwPreferencesWindow *self)
{
  const char *problem;

  if (!g_str_equal (response, "ok"))
    return;

  problem = check_new_passphrase (row_text (dialog, "new"), row_text (dialog, "confirm"));
  if (problem != NULL)
    {
      toast (self, problem);
      return;
    }

  toast (self, _("Changing the passphrase…"));
  wtw_session_change_passphrase_async (self->session, row_text (dialog, "old"),
                                       row_text (dialog, "new"), self->cancellable,
                                       change_passphrase_cb, g_object_ref (self));
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WtwPreferencesWindow *self = WTW_PREFERENCES_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *group;

  dialog = form_dialog (self, _("Change Passphrase"),
                        _("Type your passphrase now, then the new one twice."),
                        _("C_hange"));
  group = g_object_get_data (G_OBJECT (dialog), "group");
  g_object_set_data (G_OBJECT (dialog), "old", add_password_row (group, _("Current Passphrase")));
  g_object_set_data (G_OBJECT (dialog), "new", add_password_row (group, _("New Passphrase")));
  g_object_set_data (G_OBJECT (dialog), "confirm", add_password_row (group, _("Confirm New Passphrase")));
  g_signal_connect (dialog, "response", G_CALLBACK (on_change_passphrase_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows a recovery key once, with ways to copy, print and save it that
 * leave the dialog open until the person says the key is kept. */
static void
show_recovery_key (WtwPreferencesWindow *self,
                   const char           *heading,
                   const char           *body,
                   char                 *key)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "done", _("I Have _Kept It"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "done");
  adw_message_dialog_set_close_response (dialog, "done");
  adw_message_dialog_set_extra_child (dialog, wtw_recovery_key_box_new (key));
  wtw_secure_free (key);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
regenerate_recovery_key_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(WtwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  key = wtw_session_regenerate_recovery_key_finish (WTW_SESSION (object), result, &error);
  if (key == NULL)
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        toast (self, error->message);
      return;
    }
  /* The old key has stopped working: the new one is shown even if these
   * preferences were closed meanwhile. */

  show_recovery_key (self, _("Your New Recovery Key"),
                     _("Keep it somewhere safe, away from this computer. It is shown only "
                       "this once, and the old key no longer opens the vault."),
                     key);
}

static void
on_new_recovery_key_response_cb (AdwMessageDialog     *dialog,
                                 const char           *response,
                                 WtwPreferencesWindow *self)
{
  if (!g_str_equal (response, "ok"))
    return;

  toast (self, _("Making a new recovery key…"));
  /* Not cancellable: once the header is written, the old key is gone and
   * the new one must reach the person. */
  wtw_session_regenerate_recovery_key_async (self->session, NULL,
                                             regenerate_recovery_key_cb, g_object_ref (self));
}

static void
new_recovery_key_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WtwPreferencesWindow *self = WTW_PREFERENCES_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Make a New Recovery Key?"),
                                                       _("Your current recovery key will stop working. "
                                                         "Do this if you lost it or think someone else "
                                                         "has seen it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", _("_Make New Key"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_recovery_key_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_partner_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WtwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  key = wtw_session_add_member_finish (WTW_SESSION (object), result, &error);
  if (key == NULL)
    {
      toast (self, error->message);
      return;
    }

  rebuild_members (self);
  show_recovery_key (self, _("Your Partner's Recovery Key"),
                     _("This key opens the vault if your partner forgets their passphrase. "
                       "Give it to them to keep somewhere safe; it is shown only this once."),
                     key);
}

static void
on_add_partner_response_cb (AdwMessageDialog     *dialog,
                            const char           *response,
                            WtwPreferencesWindow *self)
{
  g_autofree char *name = NULL;
  const char *problem;

  if (!g_str_equal (response, "ok"))
    return;

  name = g_strstrip (g_strdup (row_text (dialog, "name")));
  problem = *name == '\0' ? _("Type your partner's name.")
                           : check_new_passphrase (row_text (dialog, "new"),
                                                   row_text (dialog, "confirm"));
  if (problem != NULL)
    {
      toast (self, problem);
      return;
    }

  toast (self, _("Adding your partner…"));
  wtw_session_add_member_async (self->session, name, row_text (dialog, "new"),
                                self->cancellable, add_partner_cb, g_object_ref (self));
}

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WtwPreferencesWindow *self = WTW_PREFERENCES_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *group;
  GtkWidget *name;

  dialog = form_dialog (self, _("Add Your Partner"),
                        _("Hand the keyboard to your partner: their passphrase is theirs "
                          "alone, and nobody else should see it typed."),
                        _("_Add Partner"));
  group = g_object_get_data (G_OBJECT (dialog), "group");
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Their Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "new", add_password_row (group, _("Their Passphrase")));
  g_object_set_data (G_OBJECT (dialog), "confirm", add_password_row (group, _("Confirm Their Passphrase")));
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_partner_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switch_partner_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WtwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!wtw_session_switch_member_finish (WTW_SESSION (object), result, &error))
    {
      toast (self, g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE)
                   ? _("That passphrase is not your partner's. Nothing was changed.")
                   : error->message);
      return;
    }

  /* Everything shown now belongs to the other partner; start afresh. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_switch_partner_response_cb (AdwMessageDialog     *dialog,
                               const char           *response,
                               WtwPreferencesWindow *self)
{
  if (!g_str_equal (response, "ok"))
    return;

  wtw_session_switch_member_async (self->session, row_text (dialog, "passphrase"),
                                   self->cancellable, switch_partner_cb, g_object_ref (self));
}

static void
switch_partner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WtwPreferencesWindow *self = WTW_PREFERENCES_WINDOW (widget);
  g_autofree char *heading = g_strdup_printf (_("Switch to %s"), g_variant_get_string (parameter, NULL));
  AdwMessageDialog *dialog;
  GtkWidget *group;

  dialog = form_dialog (self, heading, _("Your partner types their own passphrase."), _("_Switch"));
  group = g_object_get_data (G_OBJECT (dialog), "group");
  g_object_set_data (G_OBJECT (dialog), "passphrase", add_password_row (group, _("Their Passphrase")));
  g_signal_connect (dialog, "response", G_CALLBACK (on_switch_partner_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After a removal: whether the current member still has a recovery key. A
 * recovery slot from before owner tags is left out of the new file. */
static gboolean
has_own_recovery_slot (WtwSession *session)
{
  WtwVault *vault = wtw_session_get_vault (session);
  g_autoptr(GPtrArray) slots = vault != NULL ? wtw_vault_list_key_slots (vault, NULL) : NULL;

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const WtwKeySlotInfo *info = g_ptr_array_index (slots, i);

      if (info->kind == WTW_SECRET_RECOVERY_KEY && info->member_id == wtw_vault_get_member_id (vault))
        return TRUE;
    }
  return slots == NULL;
}

static void
remove_partner_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WtwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!wtw_session_remove_member_finish (WTW_SESSION (object), result, &error))
    {
      toast (self, g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE)
                   ? _("That is not your passphrase. Nothing was changed: your partner is still here.")
                   : error->message);
      return;
    }

  rebuild_members (self);
  if (!has_own_recovery_slot (self->session))
    toast (self, _("Your partner is removed. Your recovery key was made before the app could "
                   "vouch for it, so it was left out too: make a new one in Preferences."));
  else
    toast (self, _("Your partner is removed. Their passphrase and recovery key no longer open the vault."));
}

static void
on_remove_partner_response_cb (AdwMessageDialog     *dialog,
                               const char           *response,
                               WtwPreferencesWindow *self)
{
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "member-id"));

  if (!g_str_equal (response, "ok"))
    return;

  toast (self, _("Making a new copy of the vault without your partner…"));
  wtw_session_remove_member_async (self->session, member_id, row_text (dialog, "passphrase"),
                                   self->cancellable, remove_partner_cb, g_object_ref (self));
}

static void
remove_partner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WtwPreferencesWindow *self = WTW_PREFERENCES_WINDOW (widget);
  g_autoptr(GPtrArray) members = wtw_session_list_members (self->session, NULL);
  gint64 member_id = g_variant_get_int64 (parameter);
  const char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *group;

  for (guint i = 0; members != NULL && i < members->len; i++)
    if (((WtwVaultMember *)g_ptr_array_index (members, i))->id == member_id)
      name = ((WtwVaultMember *)g_ptr_array_index (members, i))->name;
  if (name == NULL)
    return;

  heading = g_strdup_printf (_("Remove %s?"), name);
  /* Translators: each %s is the partner's name */
  body = g_strdup_printf (_("Everything %s wrote in this vault, shared and private, will be "
                            "deleted, and their passphrase and recovery key will no longer open "
                            "it. Private entries cannot be kept: nobody but %s can read them. "
                            "Backups made before now still open with %s’s passphrase, as they "
                            "did. This cannot be undone. Type your own passphrase to go ahead."),
                          name, name, name);
  dialog = form_dialog (self, heading, body, _("_Remove"));
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  group = g_object_get_data (G_OBJECT (dialog), "group");
  g_object_set_data (G_OBJECT (dialog), "passphrase", add_password_row (group, _("Your Passphrase")));
  g_object_set_data (G_OBJECT (dialog), "member-id", GSIZE_TO_POINTER (member_id));
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_partner_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
member_row (const WtwVaultMember *member,
            gboolean              is_current)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  if (is_current)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("You, using the app now"));
      return row;
    }

  button = gtk_button_new_with_mnemonic (_("_Switch…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.switch-partner");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", member->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Switch partner"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Partner"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-partner");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", member->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove partner"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
rebuild_members (WtwPreferencesWindow *self)
{
  g_autoptr(GPtrArray) members = NULL;
  WtwVault *vault = wtw_session_get_vault (self->session);
  gboolean unlocked = vault != NULL;
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_group), unlocked);
  gtk_widget_set_visible (GTK_WIDGET (self->partners_group), unlocked);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))))
    gtk_list_box_remove (self->members_list, child);
  if (!unlocked || !(members = wtw_session_list_members (self->session, NULL)))
    return;

  for (guint i = 0; i < members->len; i++)
    {
      const WtwVaultMember *member = g_ptr_array_index (members, i);

      gtk_list_box_append (self->members_list,
                           member_row (member, member->id == wtw_vault_get_member_id (vault)));
    }

  if (members->len < 2)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Add…"));

      /* A real button: keyboard and assistive technologies can press it (an
       * activatable row has no accessible action in GTK 4.8), and activating
       * the row presses it. The row labels it for assistive technologies
       * (an accessible label of its own would be read twice). */
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.add-partner");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Your Partner"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->members_list, row);
    }
}

static void
wtw_preferences_window_constructed (GObject *object)
{
  WtwPreferencesWindow *self = (WtwPreferencesWindow *)object;

  G_OBJECT_CLASS (wtw_preferences_window_parent_class)->constructed (object);

  g_object_bind_property_full (self->settings, "auto-lock-minutes",
                               self->auto_lock_adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               minutes_to_value, value_to_minutes, NULL, NULL);
  g_settings_bind (wtw_settings_get_gsettings (self->settings), "homework-reminders",
                   self->homework_reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);

  if (self->session != NULL)
    {
      g_signal_connect_object (self->session, "notify::state",
                               G_CALLBACK (rebuild_members), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "member-changed",
                               G_CALLBACK (rebuild_members), self, G_CONNECT_SWAPPED);
    }
  rebuild_members (self);
}

static void
wtw_preferences_window_dispose (GObject *object)
{
  WtwPreferencesWindow *self = (WtwPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wtw_preferences_window_parent_class)->dispose (object);
}

static void
wtw_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WtwPreferencesWindow *self = WTW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_preferences_window_class_init (WtwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wtw_preferences_window_constructed;
  object_class->dispose = wtw_preferences_window_dispose;
  object_class->set_property = wtw_preferences_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         WTW_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WTW_TYPE_BACKUPS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/wtw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwPreferencesWindow, auto_lock_adjustment);
  gtk_widget_class_bind_template_child (widget_class, WtwPreferencesWindow, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, WtwPreferencesWindow, partners_group);
  gtk_widget_class_bind_template_child (widget_class, WtwPreferencesWindow, members_list);
  gtk_widget_class_bind_template_child (widget_class, WtwPreferencesWindow,
                                        homework_reminders_switch);

  gtk_widget_class_install_action (widget_class, "prefs.change-passphrase", NULL, change_passphrase_action);
  gtk_widget_class_install_action (widget_class, "prefs.new-recovery-key", NULL, new_recovery_key_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-partner", NULL, add_partner_action);
  gtk_widget_class_install_action (widget_class, "prefs.switch-partner", "s", switch_partner_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-partner", "x", remove_partner_action);
}

static void
wtw_preferences_window_init (WtwPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_preferences_window_new:
 * @settings: the #WtwSettings to show and change
 *
 * Returns: (transfer full): a new preferences window
 */
WtwPreferencesWindow *
wtw_preferences_window_new (WtwSettings *settings,
                            WtwSession  *session)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "session", session,
                       NULL);
}
