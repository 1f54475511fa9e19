/* wtw-exercise.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-exercise"

#include "config.h"

#include "wtw-exercise.h"

/**
 * WtwExercise:
 *
 * The guided conversation of a chapter: a setup, timed steps with speaker
 * and listener turns, and a closing step done by both.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwExercise
{
  GObject          parent_instance;

  char             *title;
  char             *setup;
  GListModel       *steps;
  WtwExerciseStep  *closing;
};

G_DEFINE_FINAL_TYPE (WtwExercise, wtw_exercise, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SETUP,
  PROP_STEPS,
  PROP_CLOSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_exercise_finalize (GObject *object)
{
  WtwExercise *self = (WtwExercise *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->setup, g_free);
  g_clear_object (&self->steps);
  g_clear_object (&self->closing);

  G_OBJECT_CLASS (wtw_exercise_parent_class)->finalize (object);
}

static void
wtw_exercise_constructed (GObject *object)
{
  WtwExercise *self = (WtwExercise *)object;

  G_OBJECT_CLASS (wtw_exercise_parent_class)->constructed (object);

  /* An object built without a list gets an empty one, so getters never
   * return %NULL. */
  if (self->steps == NULL)
    self->steps = G_LIST_MODEL (g_list_store_new (WTW_TYPE_EXERCISE_STEP));
}

static void
wtw_exercise_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WtwExercise *self = WTW_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SETUP:
      g_value_set_string (value, self->setup);
      break;

    case PROP_STEPS:
      g_value_set_object (value, self->steps);
      break;

    case PROP_CLOSING:
      g_value_set_object (value, self->closing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WtwExercise *self = WTW_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SETUP:
      self->setup = g_value_dup_string (value);
      break;

    case PROP_STEPS:
      self->steps = g_value_dup_object (value);
      break;

    case PROP_CLOSING:
      self->closing = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_class_init (WtwExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_exercise_constructed;
  object_class->finalize = wtw_exercise_finalize;
  object_class->get_property = wtw_exercise_get_property;
  object_class->set_property = wtw_exercise_set_property;

  /**
   * WtwExercise:title:
   *
   * The exercise's name.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwExercise:setup:
   *
   * What the couple needs and how to sit.
   */
  properties[PROP_SETUP] =
    g_param_spec_string ("setup", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwExercise:steps:
   *
   * The timed steps, in order.
   */
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwExercise:closing:
   *
   * The closing step, done by both.
   */
  properties[PROP_CLOSING] =
    g_param_spec_object ("closing", NULL, NULL,
                         WTW_TYPE_EXERCISE_STEP,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_exercise_init (WtwExercise *self)
{
}

/**
 * wtw_exercise_get_title:
 * @self: a #WtwExercise
 *
 * Gets the title of @self.
 *
 * Returns: the exercise's name
 */
const char *
wtw_exercise_get_title (WtwExercise *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE (self), NULL);

  return self->title;
}

/**
 * wtw_exercise_get_setup:
 * @self: a #WtwExercise
 *
 * Gets the setup of @self.
 *
 * Returns: what the couple needs and how to sit
 */
const char *
wtw_exercise_get_setup (WtwExercise *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE (self), NULL);

  return self->setup;
}

/**
 * wtw_exercise_get_steps:
 * @self: a #WtwExercise
 *
 * Gets the steps of @self.
 *
 * Returns: (transfer none): the timed steps, in order
 */
GListModel *
wtw_exercise_get_steps (WtwExercise *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE (self), NULL);

  return self->steps;
}

/**
 * wtw_exercise_get_closing:
 * @self: a #WtwExercise
 *
 * Gets the closing of @self.
 *
 * Returns: (transfer none): the closing step, done by both
 */
WtwExerciseStep *
wtw_exercise_get_closing (WtwExercise *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE (self), NULL);

  return self->closing;
}

/**
 * wtw_exercise_get_total_seconds:
 * @self: a #WtwExercise
 *
 * Returns: how long the whole exercise takes, closing included, in seconds
 */
guint
wtw_exercise_get_total_seconds (WtwExercise *self)
{
  guint total;

  g_return_val_if_fail (WTW_IS_EXERCISE (self), 0);

  total = self->closing != NULL ? wtw_exercise_step_get_seconds (self->closing) : 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->steps); i++)
    {
      g_autoptr(WtwExerciseStep) step = g_list_model_get_item (self->steps, i);

      total += wtw_exercise_step_get_seconds (step);
    }

  return total;
}
