/* wtw-setup-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-setup-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wtw-passphrase.h"
#include "wtw-recovery-key.h"
#include "wtw-secret-clipboard.h"
#include "wtw-secure.h"
#include "wtw-setup-page.h"

struct _WtwSetupPage
{
  GtkWidget            parent_instance;

  WtwSession          *session;
  GCancellable        *cancellable;
  char                *recovery_key;

  /* Template widgets */
  GtkStack            *steps;
  AdwEntryRow         *name_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLevelBar         *strength_bar;
  GtkLabel            *strength_label;
  GtkLabel            *error_label;
  GtkButton           *create_button;
  GtkStack            *create_stack;
  GtkSpinner          *create_spinner;
  GtkLabel            *recovery_label;
  GtkLabel            *key_status_label;
  GtkButton           *continue_button;
};

G_DEFINE_FINAL_TYPE (WtwSetupPage, wtw_setup_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
strength_text (const WtwPassphraseRating *rating,
               const char                *passphrase)
{
  if (*passphrase == '\0')
    return _("Longer is stronger: four or more words is a good start.");
  if (g_utf8_strlen (passphrase, -1) < WTW_PASSPHRASE_MIN_LENGTH)
    return _("Too short: use at least eight characters.");
  switch (rating->score)
    {
    case 0:
    case 1:
      return _("Very easy to guess. Add a few less common words.");
    case 2:
      return _("Still easy to guess. Add another word or two.");
    case 3:
      return _("Hard to guess. Good.");
    default:
      return _("Very hard to guess. Excellent.");
    }
}

static gboolean
form_is_valid (WtwSetupPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  const char *user_words[] = { name, "words", "that", "work", NULL };
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  WtwPassphraseRating rating = wtw_passphrase_rate (passphrase, user_words);

  gtk_level_bar_set_value (self->strength_bar, *passphrase ? MAX (rating.score, 1) : 0);
  gtk_label_set_label (self->strength_label, strength_text (&rating, passphrase));

  if (*confirm != '\0' && !g_str_equal (passphrase, confirm))
    gtk_widget_add_css_class (GTK_WIDGET (self->confirm_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->confirm_row), "error");

  return *trimmed != '\0' && rating.acceptable && g_str_equal (passphrase, confirm);
}

static void
on_form_changed_cb (WtwSetupPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.create", form_is_valid (self));
}

static void
on_confirm_activated_cb (WtwSetupPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "setup.create", NULL);
}

static void
set_creating (WtwSetupPage *self,
              gboolean      creating)
{
  gtk_stack_set_visible_child_name (self->create_stack, creating ? "spinner" : "label");
  gtk_spinner_set_spinning (self->create_spinner, creating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !creating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !creating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), !creating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.create", !creating && form_is_valid (self));
}

static void
show_recovery_key (WtwSetupPage *self,
                   char         *recovery_key)
{
  self->recovery_key = recovery_key;
  gtk_label_set_label (self->recovery_label, recovery_key);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_stack_set_visible_child_name (self->steps, "recovery");
  gtk_widget_grab_focus (GTK_WIDGET (self->recovery_label));
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WtwSetupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *recovery_key;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  recovery_key = wtw_session_create_finish (WTW_SESSION (object), result, &error);
  set_creating (self, FALSE);

  if (recovery_key == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  show_recovery_key (self, recovery_key);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (widget);

  gtk_stack_set_visible_child_name (self->steps, "create");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (widget);
  g_autofree char *name = NULL;

  if (!form_is_valid (self))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_creating (self, TRUE);
  wtw_session_create_async (self->session, name,
                            gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)),
                            self->cancellable, create_cb, g_object_ref (self));
}

static void
copy_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (widget);

  wtw_secret_clipboard_copy (widget, self->recovery_key);
  gtk_label_set_label (self->key_status_label,
                       _("Copied. The clipboard is cleared again in 30 seconds."));
}

static void
show_key_status (const char *message,
                 gpointer    user_data)
{
  gtk_label_set_label (WTW_SETUP_PAGE (user_data)->key_status_label, message);
}

static void
print_key_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (widget);

  wtw_recovery_key_print (GTK_WINDOW (gtk_widget_get_root (widget)), self->recovery_key,
                          show_key_status, self);
}

static void
save_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (widget);

  wtw_recovery_key_save (GTK_WINDOW (gtk_widget_get_root (widget)), self->recovery_key,
                         show_key_status, g_object_ref (self), g_object_unref);
}

static void
forget_recovery_key (WtwSetupPage *self)
{
  if (self->recovery_label != NULL)
    gtk_label_set_label (self->recovery_label, "");
  g_clear_pointer (&self->recovery_key, wtw_secure_free);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (widget);

  forget_recovery_key (self);
  g_signal_emit (self, signals[FINISHED], 0);
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
wtw_setup_page_dispose (GObject *object)
{
  WtwSetupPage *self = (WtwSetupPage *)object;

  g_cancellable_cancel (self->cancellable);
  forget_recovery_key (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_SETUP_PAGE);
  unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_setup_page_parent_class)->dispose (object);
}

static void
wtw_setup_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WtwSetupPage *self = WTW_SETUP_PAGE (object);

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
wtw_setup_page_class_init (WtwSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_setup_page_dispose;
  object_class->set_property = wtw_setup_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwSetupPage::finished:
   *
   * The vault exists and the person has said they kept the recovery key.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, steps);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, create_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, create_spinner);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, key_status_label);
  gtk_widget_class_bind_template_child (widget_class, WtwSetupPage, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_activated_cb);

  gtk_widget_class_install_action (widget_class, "setup.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "setup.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "setup.copy-key", NULL, copy_key_action);
  gtk_widget_class_install_action (widget_class, "setup.print-key", NULL, print_key_action);
  gtk_widget_class_install_action (widget_class, "setup.save-key", NULL, save_key_action);
  gtk_widget_class_install_action (widget_class, "setup.finish", NULL, finish_action);
}

static void
wtw_setup_page_init (WtwSetupPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  on_form_changed_cb (self);
}

WtwSetupPage *
wtw_setup_page_new (WtwSession *session)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_SETUP_PAGE, "session", session, NULL);
}
