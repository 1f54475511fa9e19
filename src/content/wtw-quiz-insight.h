/* wtw-quiz-insight.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_INSIGHT (wtw_quiz_insight_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizInsight, wtw_quiz_insight, WTW, QUIZ_INSIGHT, GObject)

const char         *wtw_quiz_insight_get_id           (WtwQuizInsight *self);
const char         *wtw_quiz_insight_get_title        (WtwQuizInsight *self);
const char         *wtw_quiz_insight_get_text         (WtwQuizInsight *self);
const char         *wtw_quiz_insight_get_figure       (WtwQuizInsight *self);
const char         *wtw_quiz_insight_get_source       (WtwQuizInsight *self);
const char * const *wtw_quiz_insight_get_chapters     (WtwQuizInsight *self);
GVariant           *wtw_quiz_insight_get_conditions   (WtwQuizInsight *self);
guint               wtw_quiz_insight_get_n_conditions (WtwQuizInsight *self);
const char         *wtw_quiz_insight_get_condition    (WtwQuizInsight *self,
                                                       guint           index,
                                                       guint          *answers);
gboolean            wtw_quiz_insight_matches          (WtwQuizInsight *self,
                                                       GHashTable     *answers);

G_END_DECLS
