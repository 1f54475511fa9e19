/* wtw-exercise-step.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-exercise-step"

#include "config.h"

#include "wtw-exercise-step.h"

/**
 * WtwExerciseStep:
 *
 * One timed step of a couple exercise: who speaks, what they do, and what
 * the listener does.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwExerciseStep
{
  GObject     parent_instance;

  char        *title;
  guint        seconds;
  WtwSpeaker   speaker;
  char        *text;
  char        *listener;
};

G_DEFINE_FINAL_TYPE (WtwExerciseStep, wtw_exercise_step, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (WtwSpeaker, wtw_speaker,
                    G_DEFINE_ENUM_VALUE (WTW_SPEAKER_A, "a"),
                    G_DEFINE_ENUM_VALUE (WTW_SPEAKER_B, "b"),
                    G_DEFINE_ENUM_VALUE (WTW_SPEAKER_BOTH, "both"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SECONDS,
  PROP_SPEAKER,
  PROP_TEXT,
  PROP_LISTENER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_exercise_step_finalize (GObject *object)
{
  WtwExerciseStep *self = (WtwExerciseStep *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->listener, g_free);

  G_OBJECT_CLASS (wtw_exercise_step_parent_class)->finalize (object);
}

static void
wtw_exercise_step_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WtwExerciseStep *self = WTW_EXERCISE_STEP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SECONDS:
      g_value_set_uint (value, self->seconds);
      break;

    case PROP_SPEAKER:
      g_value_set_enum (value, self->speaker);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_LISTENER:
      g_value_set_string (value, self->listener);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_step_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WtwExerciseStep *self = WTW_EXERCISE_STEP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SECONDS:
      self->seconds = g_value_get_uint (value);
      break;

    case PROP_SPEAKER:
      self->speaker = g_value_get_enum (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_LISTENER:
      self->listener = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_step_class_init (WtwExerciseStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_exercise_step_finalize;
  object_class->get_property = wtw_exercise_step_get_property;
  object_class->set_property = wtw_exercise_step_set_property;

  /**
   * WtwExerciseStep:title:
   *
   * A short name for the step.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseStep:seconds:
   *
   * How long the step lasts, in seconds.
   */
  properties[PROP_SECONDS] =
    g_param_spec_uint ("seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseStep:speaker:
   *
   * Who speaks.
   */
  properties[PROP_SPEAKER] =
    g_param_spec_enum ("speaker", NULL, NULL,
                       WTW_TYPE_SPEAKER, WTW_SPEAKER_BOTH,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseStep:text:
   *
   * What the speaker does or says; for %WTW_SPEAKER_BOTH, what both do.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseStep:listener:
   *
   * What the listener does, or %NULL when both speak.
   */
  properties[PROP_LISTENER] =
    g_param_spec_string ("listener", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_exercise_step_init (WtwExerciseStep *self)
{
}

/**
 * wtw_exercise_step_get_title:
 * @self: a #WtwExerciseStep
 *
 * Gets the title of @self.
 *
 * Returns: a short name for the step
 */
const char *
wtw_exercise_step_get_title (WtwExerciseStep *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_STEP (self), NULL);

  return self->title;
}

/**
 * wtw_exercise_step_get_seconds:
 * @self: a #WtwExerciseStep
 *
 * Gets the seconds of @self.
 *
 * Returns: how long the step lasts, in seconds
 */
guint
wtw_exercise_step_get_seconds (WtwExerciseStep *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_STEP (self), 0);

  return self->seconds;
}

/**
 * wtw_exercise_step_get_speaker:
 * @self: a #WtwExerciseStep
 *
 * Gets the speaker of @self.
 *
 * Returns: who speaks
 */
WtwSpeaker
wtw_exercise_step_get_speaker (WtwExerciseStep *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_STEP (self), 0);

  return self->speaker;
}

/**
 * wtw_exercise_step_get_text:
 * @self: a #WtwExerciseStep
 *
 * Gets the text of @self.
 *
 * Returns: what the speaker does or says; for %WTW_SPEAKER_BOTH, what
 *   both do
 */
const char *
wtw_exercise_step_get_text (WtwExerciseStep *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_STEP (self), NULL);

  return self->text;
}

/**
 * wtw_exercise_step_get_listener:
 * @self: a #WtwExerciseStep
 *
 * Gets the listener of @self.
 *
 * Returns: (nullable): what the listener does, or %NULL when both speak
 */
const char *
wtw_exercise_step_get_listener (WtwExerciseStep *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_STEP (self), NULL);

  return self->listener;
}
