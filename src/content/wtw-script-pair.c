/* wtw-script-pair.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-script-pair"

#include "config.h"

#include "wtw-script-pair.h"

/**
 * WtwScriptPair:
 *
 * One pair of scripts: the words that shut a conversation down beside the
 * words that open it, with the situation and why the second works.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwScriptPair
{
  GObject  parent_instance;

  char     *situation;
  char     *instead;
  char     *try;
  char     *why;
};

G_DEFINE_FINAL_TYPE (WtwScriptPair, wtw_script_pair, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SITUATION,
  PROP_INSTEAD,
  PROP_TRY,
  PROP_WHY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_script_pair_finalize (GObject *object)
{
  WtwScriptPair *self = (WtwScriptPair *)object;

  g_clear_pointer (&self->situation, g_free);
  g_clear_pointer (&self->instead, g_free);
  g_clear_pointer (&self->try, g_free);
  g_clear_pointer (&self->why, g_free);

  G_OBJECT_CLASS (wtw_script_pair_parent_class)->finalize (object);
}

static void
wtw_script_pair_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WtwScriptPair *self = WTW_SCRIPT_PAIR (object);

  switch (prop_id)
    {
    case PROP_SITUATION:
      g_value_set_string (value, self->situation);
      break;

    case PROP_INSTEAD:
      g_value_set_string (value, self->instead);
      break;

    case PROP_TRY:
      g_value_set_string (value, self->try);
      break;

    case PROP_WHY:
      g_value_set_string (value, self->why);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_script_pair_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WtwScriptPair *self = WTW_SCRIPT_PAIR (object);

  switch (prop_id)
    {
    case PROP_SITUATION:
      self->situation = g_value_dup_string (value);
      break;

    case PROP_INSTEAD:
      self->instead = g_value_dup_string (value);
      break;

    case PROP_TRY:
      self->try = g_value_dup_string (value);
      break;

    case PROP_WHY:
      self->why = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_script_pair_class_init (WtwScriptPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_script_pair_finalize;
  object_class->get_property = wtw_script_pair_get_property;
  object_class->set_property = wtw_script_pair_set_property;

  /**
   * WtwScriptPair:situation:
   *
   * When this comes up.
   */
  properties[PROP_SITUATION] =
    g_param_spec_string ("situation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwScriptPair:instead:
   *
   * The words that shut things down.
   */
  properties[PROP_INSTEAD] =
    g_param_spec_string ("instead", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwScriptPair:try:
   *
   * The words that open things up.
   */
  properties[PROP_TRY] =
    g_param_spec_string ("try", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwScriptPair:why:
   *
   * Why the second version works.
   */
  properties[PROP_WHY] =
    g_param_spec_string ("why", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_script_pair_init (WtwScriptPair *self)
{
}

/**
 * wtw_script_pair_get_situation:
 * @self: a #WtwScriptPair
 *
 * Gets when this comes up.
 *
 * Returns: when this comes up
 */
const char *
wtw_script_pair_get_situation (WtwScriptPair *self)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR (self), NULL);

  return self->situation;
}

/**
 * wtw_script_pair_get_instead:
 * @self: a #WtwScriptPair
 *
 * Gets the words that shut a conversation down.
 *
 * Returns: the words that shut things down
 */
const char *
wtw_script_pair_get_instead (WtwScriptPair *self)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR (self), NULL);

  return self->instead;
}

/**
 * wtw_script_pair_get_try:
 * @self: a #WtwScriptPair
 *
 * Gets the words that open things up.
 *
 * Returns: the words that open things up
 */
const char *
wtw_script_pair_get_try (WtwScriptPair *self)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR (self), NULL);

  return self->try;
}

/**
 * wtw_script_pair_get_why:
 * @self: a #WtwScriptPair
 *
 * Gets the reason the second version works.
 *
 * Returns: why the second version works
 */
const char *
wtw_script_pair_get_why (WtwScriptPair *self)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR (self), NULL);

  return self->why;
}
