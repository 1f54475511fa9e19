/* wtw-exercise-step.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * WtwSpeaker:
 * @WTW_SPEAKER_A: Partner A speaks and Partner B listens
 * @WTW_SPEAKER_B: Partner B speaks and Partner A listens
 * @WTW_SPEAKER_BOTH: both partners do the step together
 *
 * Who speaks in a step of a couple exercise. "Partner A" and "Partner B" are
 * roles the couple picks at the start; the app shows their names instead.
 */
typedef enum
{
  WTW_SPEAKER_A,
  WTW_SPEAKER_B,
  WTW_SPEAKER_BOTH,
} WtwSpeaker;

#define WTW_TYPE_SPEAKER (wtw_speaker_get_type ())

GType wtw_speaker_get_type (void) G_GNUC_CONST;

#define WTW_TYPE_EXERCISE_STEP (wtw_exercise_step_get_type ())

G_DECLARE_FINAL_TYPE (WtwExerciseStep, wtw_exercise_step, WTW, EXERCISE_STEP, GObject)

const char *wtw_exercise_step_get_title    (WtwExerciseStep *self);
guint       wtw_exercise_step_get_seconds  (WtwExerciseStep *self);
WtwSpeaker  wtw_exercise_step_get_speaker  (WtwExerciseStep *self);
const char *wtw_exercise_step_get_text     (WtwExerciseStep *self);
const char *wtw_exercise_step_get_listener (WtwExerciseStep *self);

G_END_DECLS
