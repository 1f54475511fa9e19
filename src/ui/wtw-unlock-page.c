/* wtw-unlock-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-unlock-page.h"

struct _WtwUnlockPage
{
  GtkWidget         parent_instance;

  WtwSession       *session;
  GCancellable     *cancellable;
  gboolean          recovery_mode;

  /* Template widgets */
  AdwStatusPage    *status_page;
  GtkPasswordEntry *passphrase_entry;
  GtkEntry         *recovery_entry;
  GtkLabel         *error_label;
  GtkButton        *unlock_button;
  GtkStack         *button_stack;
  GtkSpinner       *spinner;
  GtkButton        *mode_button;
  GtkLabel         *mode_label;
};

G_DEFINE_FINAL_TYPE (WtwUnlockPage, wtw_unlock_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkEditable *
current_entry (WtwUnlockPage *self)
{
  return self->recovery_mode ? GTK_EDITABLE (self->recovery_entry)
                             : GTK_EDITABLE (self->passphrase_entry);
}

static void
show_error (WtwUnlockPage *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (current_entry (self)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

static void
set_working (WtwUnlockPage *self,
             gboolean       working)
{
  gtk_stack_set_visible_child_name (self->button_stack, working ? "spinner" : "label");
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recovery_entry), !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock", !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.toggle-mode", !working);
}

static const char *
message_for_error (WtwUnlockPage *self,
                   const GError  *error)
{
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE))
    return self->recovery_mode
      ? _("That recovery key does not open this vault. Check each group of letters and try again.")
      : _("That passphrase does not open this vault. Check that Caps Lock is off and try again.");

  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_BUSY))
    return _("The vault is open in another program. Close it there, then try again.");

  return error->message;
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WtwUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_working (self, FALSE);

  if (!wtw_session_unlock_finish (WTW_SESSION (object), result, &error))
    {
      show_error (self, message_for_error (self, error));
      gtk_widget_grab_focus (GTK_WIDGET (current_entry (self)));
      gtk_editable_select_region (current_entry (self), 0, -1);
      return;
    }

  wtw_unlock_page_reset (self);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WtwUnlockPage *self = WTW_UNLOCK_PAGE (widget);
  const char *secret = gtk_editable_get_text (current_entry (self));

  if (secret == NULL || *secret == '\0')
    {
      show_error (self, self->recovery_mode ? _("Enter your recovery key.")
                                            : _("Enter your passphrase."));
      return;
    }

  show_error (self, NULL);
  set_working (self, TRUE);
  wtw_session_unlock_async (self->session, secret,
                            self->recovery_mode ? WTW_SECRET_RECOVERY_KEY : WTW_SECRET_PASSPHRASE,
                            self->cancellable, unlock_cb, g_object_ref (self));
}

static void
toggle_mode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WtwUnlockPage *self = WTW_UNLOCK_PAGE (widget);

  self->recovery_mode = !self->recovery_mode;
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_entry), !self->recovery_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_entry), self->recovery_mode);
  gtk_label_set_text_with_mnemonic (self->mode_label, self->recovery_mode ? _("Use _Passphrase")
                                                                          : _("Use _Recovery Key"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mode_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->recovery_mode ? _("Use Passphrase") : _("Use Recovery Key"),
                                  -1);
  adw_status_page_set_description (self->status_page,
                                   self->recovery_mode
                                   ? _("Enter the recovery key you kept when you made the vault.")
                                   : _("Enter your passphrase to open it."));
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (current_entry (self)));
}

static void
on_entry_activate_cb (WtwUnlockPage *self,
                      GtkWidget     *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

static gboolean
wtw_unlock_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (current_entry (WTW_UNLOCK_PAGE (widget))));
}

/* A template whose root is a plain GtkWidget has direct children that
 * dispose_template() does not unparent when they have no id. */
static void
unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

static void
wtw_unlock_page_dispose (GObject *object)
{
  WtwUnlockPage *self = (WtwUnlockPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_UNLOCK_PAGE);
  unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_unlock_page_parent_class)->dispose (object);
}

static void
wtw_unlock_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WtwUnlockPage *self = WTW_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_unlock_page_class_init (WtwUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_unlock_page_dispose;
  object_class->set_property = wtw_unlock_page_set_property;

  widget_class->grab_focus = wtw_unlock_page_grab_focus;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, recovery_entry);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, mode_button);
  gtk_widget_class_bind_template_child (widget_class, WtwUnlockPage, mode_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "unlock.toggle-mode", NULL, toggle_mode_action);
}

static void
wtw_unlock_page_init (WtwUnlockPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

WtwUnlockPage *
wtw_unlock_page_new (WtwSession *session)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_UNLOCK_PAGE, "session", session, NULL);
}

/**
 * wtw_unlock_page_reset:
 * @self: a #WtwUnlockPage
 *
 * Clears what was typed and any message, ready for the next unlock.
 */
void
wtw_unlock_page_reset (WtwUnlockPage *self)
{
  g_return_if_fail (WTW_IS_UNLOCK_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->recovery_entry), "");
  show_error (self, NULL);
  if (self->recovery_mode)
    toggle_mode_action (GTK_WIDGET (self), NULL, NULL);
}
