/* wtw-quiz-tier.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-tier"

#include "config.h"

#include "wtw-quiz-tier.h"

/**
 * WtwQuizTier:
 *
 * A band of scores within one quiz dimension, with what it means for that
 * dimension.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwQuizTier
{
  GObject  parent_instance;

  guint     min;
  char     *name;
  char     *meaning;
};

G_DEFINE_FINAL_TYPE (WtwQuizTier, wtw_quiz_tier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MIN,
  PROP_NAME,
  PROP_MEANING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_quiz_tier_finalize (GObject *object)
{
  WtwQuizTier *self = (WtwQuizTier *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->meaning, g_free);

  G_OBJECT_CLASS (wtw_quiz_tier_parent_class)->finalize (object);
}

static void
wtw_quiz_tier_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WtwQuizTier *self = WTW_QUIZ_TIER (object);

  switch (prop_id)
    {
    case PROP_MIN:
      g_value_set_uint (value, self->min);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MEANING:
      g_value_set_string (value, self->meaning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_tier_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WtwQuizTier *self = WTW_QUIZ_TIER (object);

  switch (prop_id)
    {
    case PROP_MIN:
      self->min = g_value_get_uint (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_MEANING:
      self->meaning = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_tier_class_init (WtwQuizTierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_quiz_tier_finalize;
  object_class->get_property = wtw_quiz_tier_get_property;
  object_class->set_property = wtw_quiz_tier_set_property;

  /**
   * WtwQuizTier:min:
   *
   * The lowest score (0–100) in this tier.
   */
  properties[PROP_MIN] =
    g_param_spec_uint ("min", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizTier:name:
   *
   * The tier's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizTier:meaning:
   *
   * What this tier means for its dimension.
   */
  properties[PROP_MEANING] =
    g_param_spec_string ("meaning", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_tier_init (WtwQuizTier *self)
{
}

/**
 * wtw_quiz_tier_get_min:
 * @self: a #WtwQuizTier
 *
 * Gets the min of @self.
 *
 * Returns: the lowest score (0–100) in this tier
 */
guint
wtw_quiz_tier_get_min (WtwQuizTier *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_TIER (self), 0);

  return self->min;
}

/**
 * wtw_quiz_tier_get_name:
 * @self: a #WtwQuizTier
 *
 * Gets the name of @self.
 *
 * Returns: the tier's name
 */
const char *
wtw_quiz_tier_get_name (WtwQuizTier *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_TIER (self), NULL);

  return self->name;
}

/**
 * wtw_quiz_tier_get_meaning:
 * @self: a #WtwQuizTier
 *
 * Gets the meaning of @self.
 *
 * Returns: what this tier means for its dimension
 */
const char *
wtw_quiz_tier_get_meaning (WtwQuizTier *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_TIER (self), NULL);

  return self->meaning;
}
