/* wtw-help-line.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-help-line"

#include "config.h"

#include "wtw-help-line.h"

/**
 * WtwHelpLine:
 *
 * A place to find help, as listed in the safety note.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwHelpLine
{
  GObject  parent_instance;

  char     *name;
  char     *detail;
};

G_DEFINE_FINAL_TYPE (WtwHelpLine, wtw_help_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_help_line_finalize (GObject *object)
{
  WtwHelpLine *self = (WtwHelpLine *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (wtw_help_line_parent_class)->finalize (object);
}

static void
wtw_help_line_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WtwHelpLine *self = WTW_HELP_LINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_help_line_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WtwHelpLine *self = WTW_HELP_LINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_help_line_class_init (WtwHelpLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_help_line_finalize;
  object_class->get_property = wtw_help_line_get_property;
  object_class->set_property = wtw_help_line_set_property;

  /**
   * WtwHelpLine:name:
   *
   * The service's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwHelpLine:detail:
   *
   * How to reach it and where it serves.
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_help_line_init (WtwHelpLine *self)
{
}

/**
 * wtw_help_line_get_name:
 * @self: a #WtwHelpLine
 *
 * Gets the name of @self.
 *
 * Returns: the service's name
 */
const char *
wtw_help_line_get_name (WtwHelpLine *self)
{
  g_return_val_if_fail (WTW_IS_HELP_LINE (self), NULL);

  return self->name;
}

/**
 * wtw_help_line_get_detail:
 * @self: a #WtwHelpLine
 *
 * Gets the detail of @self.
 *
 * Returns: how to reach it and where it serves
 */
const char *
wtw_help_line_get_detail (WtwHelpLine *self)
{
  g_return_val_if_fail (WTW_IS_HELP_LINE (self), NULL);

  return self->detail;
}
