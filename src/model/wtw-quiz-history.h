/* wtw-quiz-history.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-quiz-record.h"
#include "wtw-quiz-session.h"
#include "wtw-vault.h"

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_HISTORY (wtw_quiz_history_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizHistory, wtw_quiz_history, WTW, QUIZ_HISTORY, GObject)

WtwQuizHistory *wtw_quiz_history_new              (WtwVault        *vault);
WtwVault       *wtw_quiz_history_get_vault        (WtwQuizHistory  *self);
gboolean        wtw_quiz_history_reload           (WtwQuizHistory  *self,
                                                   GError         **error);
WtwQuizRecord  *wtw_quiz_history_lookup           (WtwQuizHistory  *self,
                                                   gint64           id);
WtwQuizRecord  *wtw_quiz_history_add              (WtwQuizHistory  *self,
                                                   WtwQuizSession  *session,
                                                   gint64           taken,
                                                   GError         **error);
gboolean        wtw_quiz_history_save_progress    (WtwQuizHistory  *self,
                                                   WtwQuizSession  *session,
                                                   GError         **error);
gboolean        wtw_quiz_history_restore_progress (WtwQuizHistory  *self,
                                                   WtwQuizSession  *session,
                                                   GError         **error);

G_END_DECLS
