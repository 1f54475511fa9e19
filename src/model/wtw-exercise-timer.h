/* wtw-exercise-timer.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-exercise.h"

G_BEGIN_DECLS

/**
 * WtwExerciseTimerState:
 * @WTW_EXERCISE_TIMER_READY: on the first step, not started yet
 * @WTW_EXERCISE_TIMER_RUNNING: counting down
 * @WTW_EXERCISE_TIMER_PAUSED: stopped on the current step, can resume
 * @WTW_EXERCISE_TIMER_FINISHED: past the closing step
 *
 * Where a #WtwExerciseTimer is.
 */
typedef enum
{
  WTW_EXERCISE_TIMER_READY,
  WTW_EXERCISE_TIMER_RUNNING,
  WTW_EXERCISE_TIMER_PAUSED,
  WTW_EXERCISE_TIMER_FINISHED,
} WtwExerciseTimerState;

#define WTW_TYPE_EXERCISE_TIMER_STATE (wtw_exercise_timer_state_get_type ())

GType wtw_exercise_timer_state_get_type (void) G_GNUC_CONST;

/**
 * WTW_EXERCISE_TIMER_EXTRA_SECONDS:
 *
 * What “One More Minute” adds to a step, before the seconds scale.
 */
#define WTW_EXERCISE_TIMER_EXTRA_SECONDS 60

#define WTW_TYPE_EXERCISE_TIMER (wtw_exercise_timer_get_type ())

G_DECLARE_FINAL_TYPE (WtwExerciseTimer, wtw_exercise_timer, WTW, EXERCISE_TIMER, GObject)

WtwExerciseTimer      *wtw_exercise_timer_new                   (WtwExercise      *exercise,
                                                                 double            seconds_scale);
WtwExercise           *wtw_exercise_timer_get_exercise          (WtwExerciseTimer *self);
double                 wtw_exercise_timer_get_seconds_scale     (WtwExerciseTimer *self);
WtwExerciseTimerState  wtw_exercise_timer_get_state             (WtwExerciseTimer *self);
guint                  wtw_exercise_timer_get_n_steps           (WtwExerciseTimer *self);
guint                  wtw_exercise_timer_get_step_index        (WtwExerciseTimer *self);
WtwExerciseStep       *wtw_exercise_timer_get_step              (WtwExerciseTimer *self);
gboolean               wtw_exercise_timer_is_closing            (WtwExerciseTimer *self);
guint                  wtw_exercise_timer_get_step_seconds      (WtwExerciseTimer *self);
guint                  wtw_exercise_timer_get_remaining_seconds (WtwExerciseTimer *self);
void                   wtw_exercise_timer_start                 (WtwExerciseTimer *self);
void                   wtw_exercise_timer_pause                 (WtwExerciseTimer *self);
void                   wtw_exercise_timer_resume                (WtwExerciseTimer *self);
void                   wtw_exercise_timer_skip                  (WtwExerciseTimer *self);
void                   wtw_exercise_timer_add_minute            (WtwExerciseTimer *self);

double                 wtw_exercise_timer_parse_seconds_scale   (const char       *text);

G_END_DECLS
