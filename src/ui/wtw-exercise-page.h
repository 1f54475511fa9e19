/* wtw-exercise-page.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-exercise-timer.h"
#include "wtw-exercise.h"
#include "wtw-safety-note.h"

G_BEGIN_DECLS

#define WTW_TYPE_EXERCISE_PAGE (wtw_exercise_page_get_type ())

G_DECLARE_FINAL_TYPE (WtwExercisePage, wtw_exercise_page, WTW, EXERCISE_PAGE, AdwBin)

GtkWidget        *wtw_exercise_page_new             (void);
WtwExercise      *wtw_exercise_page_get_exercise    (WtwExercisePage *self);
void              wtw_exercise_page_set_exercise    (WtwExercisePage *self,
                                                     WtwExercise     *exercise);
WtwSafetyNote    *wtw_exercise_page_get_safety_note (WtwExercisePage *self);
void              wtw_exercise_page_set_safety_note (WtwExercisePage *self,
                                                     WtwSafetyNote   *safety_note);
WtwExerciseTimer *wtw_exercise_page_get_timer       (WtwExercisePage *self);
const char       *wtw_exercise_page_get_stage       (WtwExercisePage *self);
void              wtw_exercise_page_reset           (WtwExercisePage *self);
gint64            wtw_exercise_page_get_started     (WtwExercisePage *self);
const char       *wtw_exercise_page_get_name        (WtwExercisePage *self,
                                                     gboolean         partner_b);
char             *wtw_exercise_page_get_notes       (WtwExercisePage *self,
                                                     gboolean         partner_b);

G_END_DECLS
