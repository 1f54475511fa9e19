/* wtw-quiz-session.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-quiz.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_SESSION (wtw_quiz_session_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizSession, wtw_quiz_session, WTW, QUIZ_SESSION, GObject)

WtwQuizSession *wtw_quiz_session_new                     (WtwQuiz         *quiz);
WtwQuiz        *wtw_quiz_session_get_quiz                (WtwQuizSession  *self);
guint           wtw_quiz_session_get_n_items             (WtwQuizSession  *self);
guint           wtw_quiz_session_get_position            (WtwQuizSession  *self);
WtwQuizItem    *wtw_quiz_session_get_current_item        (WtwQuizSession  *self);
guint           wtw_quiz_session_get_current_answer      (WtwQuizSession  *self);
guint           wtw_quiz_session_get_answer              (WtwQuizSession  *self,
                                                          const char      *item_id);
guint           wtw_quiz_session_get_n_answered          (WtwQuizSession  *self);
double          wtw_quiz_session_get_progress            (WtwQuizSession  *self);
gboolean        wtw_quiz_session_get_can_go_back         (WtwQuizSession  *self);
gboolean        wtw_quiz_session_get_complete            (WtwQuizSession  *self);
WtwQuizResult  *wtw_quiz_session_get_result              (WtwQuizSession  *self);
gboolean        wtw_quiz_session_answer                  (WtwQuizSession  *self,
                                                          guint            value);
gboolean        wtw_quiz_session_go_back                 (WtwQuizSession  *self);
void            wtw_quiz_session_restart                 (WtwQuizSession  *self);
char           *wtw_quiz_session_save_answers            (WtwQuizSession  *self);
gboolean        wtw_quiz_session_load_answers            (WtwQuizSession  *self,
                                                          const char      *json,
                                                          GError         **error);
GListModel     *wtw_quiz_session_dup_weakest_dimensions  (WtwQuizSession  *self);
GStrv           wtw_quiz_session_dup_recommended_chapters (WtwQuizSession *self);

G_END_DECLS
