/* wtw-quiz-dimension.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-quiz-tier.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_DIMENSION (wtw_quiz_dimension_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizDimension, wtw_quiz_dimension, WTW, QUIZ_DIMENSION, GObject)

const char         *wtw_quiz_dimension_get_id             (WtwQuizDimension *self);
const char         *wtw_quiz_dimension_get_letter         (WtwQuizDimension *self);
const char         *wtw_quiz_dimension_get_name           (WtwQuizDimension *self);
const char         *wtw_quiz_dimension_get_question       (WtwQuizDimension *self);
const char         *wtw_quiz_dimension_get_description    (WtwQuizDimension *self);
const char * const *wtw_quiz_dimension_get_chapters       (WtwQuizDimension *self);
GListModel         *wtw_quiz_dimension_get_tiers          (WtwQuizDimension *self);
int                 wtw_quiz_dimension_get_tier_for_score (WtwQuizDimension *self,
                                                           int               score);

G_END_DECLS
