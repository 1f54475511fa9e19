/* wtw-settings.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-settings"

#include "config.h"

#include "wtw-settings.h"

/* A small object over GSettings that widgets bind to, so the rules about
 * settings (ranges, what is saved when) live in one place that tests can
 * reach without a display. Nothing secret is ever stored here. */
struct _WtwSettings
{
  GObject    parent_instance;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (WtwSettings, wtw_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_AUTO_LOCK_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_auto_lock_minutes_changed_cb (WtwSettings *self,
                                 const char  *key,
                                 GSettings   *settings)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_LOCK_MINUTES]);
}

static void
wtw_settings_constructed (GObject *object)
{
  WtwSettings *self = (WtwSettings *)object;

  G_OBJECT_CLASS (wtw_settings_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_signal_connect_object (self->settings,
                           "changed::auto-lock-minutes",
                           G_CALLBACK (on_auto_lock_minutes_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

static void
wtw_settings_dispose (GObject *object)
{
  WtwSettings *self = (WtwSettings *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wtw_settings_parent_class)->dispose (object);
}

static void
wtw_settings_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WtwSettings *self = WTW_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_AUTO_LOCK_MINUTES:
      g_value_set_uint (value, wtw_settings_get_auto_lock_minutes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_settings_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WtwSettings *self = WTW_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_AUTO_LOCK_MINUTES:
      wtw_settings_set_auto_lock_minutes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_settings_class_init (WtwSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_settings_constructed;
  object_class->dispose = wtw_settings_dispose;
  object_class->get_property = wtw_settings_get_property;
  object_class->set_property = wtw_settings_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwSettings:auto-lock-minutes:
   *
   * Minutes without input after which the vault locks; 0 means never.
   */
  properties[PROP_AUTO_LOCK_MINUTES] =
    g_param_spec_uint ("auto-lock-minutes", NULL, NULL,
                       0, 240, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_settings_init (WtwSettings *self)
{
}

/**
 * wtw_settings_new:
 * @settings: (nullable): the #GSettings to wrap, or %NULL for the app's own
 *
 * Returns: (transfer full): a new #WtwSettings
 */
WtwSettings *
wtw_settings_new (GSettings *settings)
{
  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  return g_object_new (WTW_TYPE_SETTINGS, "settings", settings, NULL);
}

/**
 * wtw_settings_get_gsettings:
 * @self: a #WtwSettings
 *
 * Returns: (transfer none): the wrapped #GSettings
 */
GSettings *
wtw_settings_get_gsettings (WtwSettings *self)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (self), NULL);

  return self->settings;
}

int
wtw_settings_get_window_width (WtwSettings *self)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (self), 0);

  return g_settings_get_int (self->settings, "window-width");
}

int
wtw_settings_get_window_height (WtwSettings *self)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (self), 0);

  return g_settings_get_int (self->settings, "window-height");
}

gboolean
wtw_settings_get_window_maximized (WtwSettings *self)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (self), FALSE);

  return g_settings_get_boolean (self->settings, "window-maximized");
}

/**
 * wtw_settings_save_window_state:
 * @self: a #WtwSettings
 * @width: the unmaximized width
 * @height: the unmaximized height
 * @maximized: whether the window is maximized
 *
 * Saves the window's geometry in one write. Sizes outside the schema's
 * range are clamped rather than refused, so a tiny window never loses the
 * maximized flag that goes with it.
 */
void
wtw_settings_save_window_state (WtwSettings *self,
                                int          width,
                                int          height,
                                gboolean     maximized)
{
  g_return_if_fail (WTW_IS_SETTINGS (self));

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", CLAMP (width, 360, 32767));
      g_settings_set_int (self->settings, "window-height", CLAMP (height, 294, 32767));
    }
  g_settings_apply (self->settings);
}

guint
wtw_settings_get_auto_lock_minutes (WtwSettings *self)
{
  g_return_val_if_fail (WTW_IS_SETTINGS (self), 0);

  return g_settings_get_uint (self->settings, "auto-lock-minutes");
}

/**
 * wtw_settings_set_auto_lock_minutes:
 * @self: a #WtwSettings
 * @minutes: minutes of inactivity before locking, 0 for never
 */
void
wtw_settings_set_auto_lock_minutes (WtwSettings *self,
                                    guint        minutes)
{
  g_return_if_fail (WTW_IS_SETTINGS (self));

  minutes = MIN (minutes, 240);
  if (minutes != wtw_settings_get_auto_lock_minutes (self))
    g_settings_set_uint (self->settings, "auto-lock-minutes", minutes);
}
