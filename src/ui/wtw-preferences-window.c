/* wtw-preferences-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-preferences-window.h"
#include "wtw-settings.h"

struct _WtwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  WtwSettings          *settings;

  /* Template widgets */
  GtkAdjustment        *auto_lock_adjustment;
};

G_DEFINE_FINAL_TYPE (WtwPreferencesWindow, wtw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
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
wtw_preferences_window_constructed (GObject *object)
{
  WtwPreferencesWindow *self = (WtwPreferencesWindow *)object;

  G_OBJECT_CLASS (wtw_preferences_window_parent_class)->constructed (object);

  g_object_bind_property_full (self->settings, "auto-lock-minutes",
                               self->auto_lock_adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               minutes_to_value, value_to_minutes, NULL, NULL);
}

static void
wtw_preferences_window_dispose (GObject *object)
{
  WtwPreferencesWindow *self = (WtwPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_PREFERENCES_WINDOW);
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

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         WTW_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/wtw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwPreferencesWindow, auto_lock_adjustment);
}

static void
wtw_preferences_window_init (WtwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_preferences_window_new:
 * @settings: the #WtwSettings to show and change
 *
 * Returns: (transfer full): a new preferences window
 */
WtwPreferencesWindow *
wtw_preferences_window_new (WtwSettings *settings)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (settings), NULL);

  return g_object_new (WTW_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
