/* wtw-quiz.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-quiz-dimension.h"
#include "wtw-quiz-insight.h"
#include "wtw-quiz-item.h"
#include "wtw-quiz-result.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ (wtw_quiz_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuiz, wtw_quiz, WTW, QUIZ, GObject)

WtwQuiz            *wtw_quiz_new_from_bytes      (GBytes      *bytes,
                                                  const char  *file,
                                                  GError     **error);
const char         *wtw_quiz_get_title           (WtwQuiz     *self);
const char         *wtw_quiz_get_intro           (WtwQuiz     *self);
const char         *wtw_quiz_get_disclaimer      (WtwQuiz     *self);
guint               wtw_quiz_get_minutes         (WtwQuiz     *self);
const char * const *wtw_quiz_get_scale           (WtwQuiz     *self);
GListModel         *wtw_quiz_get_dimensions      (WtwQuiz     *self);
GListModel         *wtw_quiz_get_items           (WtwQuiz     *self);
GListModel         *wtw_quiz_get_insights        (WtwQuiz     *self);
WtwQuizItem        *wtw_quiz_lookup_item         (WtwQuiz     *self,
                                                  const char  *id);
int                 wtw_quiz_get_dimension_index (WtwQuiz     *self,
                                                  const char  *id);
const char         *wtw_quiz_get_scale_label     (WtwQuiz     *self,
                                                  guint        value);
WtwQuizResult      *wtw_quiz_score               (WtwQuiz     *self,
                                                  GHashTable  *answers);

G_END_DECLS
