/* wtw-quiz-record.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-quiz.h"
#include "wtw-vault-quiz.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_RECORD (wtw_quiz_record_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizRecord, wtw_quiz_record, WTW, QUIZ_RECORD, GObject)

WtwQuizRecord *wtw_quiz_record_new              (const WtwVaultQuizResult *result);
gint64         wtw_quiz_record_get_id           (WtwQuizRecord            *self);
gint64         wtw_quiz_record_get_member_id    (WtwQuizRecord            *self);
const char    *wtw_quiz_record_get_member_name  (WtwQuizRecord            *self);
gint64         wtw_quiz_record_get_taken        (WtwQuizRecord            *self);
GDateTime     *wtw_quiz_record_dup_taken_local  (WtwQuizRecord            *self);
const char    *wtw_quiz_record_get_answers_json (WtwQuizRecord            *self);
guint          wtw_quiz_record_get_n_scores     (WtwQuizRecord            *self);
int            wtw_quiz_record_get_score        (WtwQuizRecord            *self,
                                                 guint                     dimension);
WtwQuizResult *wtw_quiz_record_score            (WtwQuizRecord            *self,
                                                 WtwQuiz                  *quiz,
                                                 GError                  **error);

G_END_DECLS
