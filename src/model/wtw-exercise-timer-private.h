/* wtw-exercise-timer-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-exercise-timer.h"

G_BEGIN_DECLS

/* Returns the current time in microseconds, on a clock that never goes
 * back (g_get_monotonic_time() by default). Tests give the timer a fake
 * clock and call _wtw_exercise_timer_tick() after moving it on. */
typedef gint64 (*WtwExerciseClockFunc) (gpointer user_data);

void _wtw_exercise_timer_set_clock (WtwExerciseTimer     *self,
                                    WtwExerciseClockFunc  clock_func,
                                    gpointer              user_data);
void _wtw_exercise_timer_tick      (WtwExerciseTimer     *self);

G_END_DECLS
