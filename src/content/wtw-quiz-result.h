/* wtw-quiz-result.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * WTW_QUIZ_NO_SCORE:
 *
 * What the score getters of #WtwQuizResult return when there is no score,
 * because no item of the dimension (or of any dimension) was answered.
 */
#define WTW_QUIZ_NO_SCORE (-1)

#define WTW_TYPE_QUIZ_RESULT (wtw_quiz_result_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizResult, wtw_quiz_result, WTW, QUIZ_RESULT, GObject)

guint       wtw_quiz_result_get_n_dimensions (WtwQuizResult *self);
int         wtw_quiz_result_get_score        (WtwQuizResult *self,
                                              guint          dimension);
gboolean    wtw_quiz_result_has_score        (WtwQuizResult *self,
                                              guint          dimension);
int         wtw_quiz_result_get_tier         (WtwQuizResult *self,
                                              guint          dimension);
int         wtw_quiz_result_get_overall      (WtwQuizResult *self);
GListModel *wtw_quiz_result_get_insights     (WtwQuizResult *self);

G_END_DECLS
