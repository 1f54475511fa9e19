/* wtw-quiz-chart.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wtw-quiz.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_CHART (wtw_quiz_chart_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizChart, wtw_quiz_chart, WTW, QUIZ_CHART, GtkWidget)

GtkWidget     *wtw_quiz_chart_new          (void);
WtwQuiz       *wtw_quiz_chart_get_quiz     (WtwQuizChart  *self);
void           wtw_quiz_chart_set_quiz     (WtwQuizChart  *self,
                                            WtwQuiz       *quiz);
WtwQuizResult *wtw_quiz_chart_get_result   (WtwQuizChart  *self);
void           wtw_quiz_chart_set_result   (WtwQuizChart  *self,
                                            WtwQuizResult *result);
guint          wtw_quiz_chart_get_n_bars   (WtwQuizChart  *self);
int            wtw_quiz_chart_get_value    (WtwQuizChart  *self,
                                            guint          bar);
const char    *wtw_quiz_chart_get_letter   (WtwQuizChart  *self,
                                            guint          bar);
const char    *wtw_quiz_chart_get_summary  (WtwQuizChart  *self);

G_END_DECLS
