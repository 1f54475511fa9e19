/* wtw-quiz-history-chart.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wtw-quiz.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_HISTORY_CHART (wtw_quiz_history_chart_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizHistoryChart, wtw_quiz_history_chart, WTW, QUIZ_HISTORY_CHART, GtkWidget)

GtkWidget  *wtw_quiz_history_chart_new          (void);
WtwQuiz    *wtw_quiz_history_chart_get_quiz     (WtwQuizHistoryChart *self);
void        wtw_quiz_history_chart_set_quiz     (WtwQuizHistoryChart *self,
                                                 WtwQuiz             *quiz);
GListModel *wtw_quiz_history_chart_get_history  (WtwQuizHistoryChart *self);
void        wtw_quiz_history_chart_set_history  (WtwQuizHistoryChart *self,
                                                 GListModel          *history);
guint       wtw_quiz_history_chart_get_n_series (WtwQuizHistoryChart *self);
guint       wtw_quiz_history_chart_get_n_points (WtwQuizHistoryChart *self);
int         wtw_quiz_history_chart_get_value    (WtwQuizHistoryChart *self,
                                                 guint                series,
                                                 guint                point);
gint64      wtw_quiz_history_chart_get_time     (WtwQuizHistoryChart *self,
                                                 guint                point);
const char *wtw_quiz_history_chart_get_summary  (WtwQuizHistoryChart *self);

G_END_DECLS
