/* wtw-exercise.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-exercise-step.h"

G_BEGIN_DECLS

#define WTW_TYPE_EXERCISE (wtw_exercise_get_type ())

G_DECLARE_FINAL_TYPE (WtwExercise, wtw_exercise, WTW, EXERCISE, GObject)

const char      *wtw_exercise_get_title         (WtwExercise *self);
const char      *wtw_exercise_get_setup         (WtwExercise *self);
GListModel      *wtw_exercise_get_steps         (WtwExercise *self);
WtwExerciseStep *wtw_exercise_get_closing       (WtwExercise *self);
guint            wtw_exercise_get_total_seconds (WtwExercise *self);

G_END_DECLS
