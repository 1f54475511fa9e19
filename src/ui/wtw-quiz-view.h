/* wtw-quiz-view.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-quiz.h"
#include "wtw-quiz-session.h"
#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_VIEW (wtw_quiz_view_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizView, wtw_quiz_view, WTW, QUIZ_VIEW, AdwBin)

GtkWidget      *wtw_quiz_view_new          (void);
WtwQuiz        *wtw_quiz_view_get_quiz     (WtwQuizView *self);
void            wtw_quiz_view_set_quiz     (WtwQuizView *self,
                                            WtwQuiz     *quiz);
GListModel     *wtw_quiz_view_get_chapters (WtwQuizView *self);
void            wtw_quiz_view_set_chapters (WtwQuizView *self,
                                            GListModel  *chapters);
WtwSession     *wtw_quiz_view_get_session  (WtwQuizView *self);
void            wtw_quiz_view_set_session  (WtwQuizView *self,
                                            WtwSession  *session);
WtwQuizSession *wtw_quiz_view_get_quiz_session (WtwQuizView *self);
const char     *wtw_quiz_view_get_page     (WtwQuizView *self);

G_END_DECLS
