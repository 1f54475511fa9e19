/* wtw-quiz-comparison.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-quiz.h"
#include "wtw-quiz-record.h"
#include "wtw-vault.h"

G_BEGIN_DECLS

/**
 * WtwQuizPartner:
 * @WTW_QUIZ_PARTNER_SELF: the current member
 * @WTW_QUIZ_PARTNER_OTHER: the other member
 *
 * Which side of a #WtwQuizComparison.
 */
typedef enum
{
  WTW_QUIZ_PARTNER_SELF,
  WTW_QUIZ_PARTNER_OTHER,
} WtwQuizPartner;

#define WTW_TYPE_QUIZ_COMPARISON (wtw_quiz_comparison_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizComparison, wtw_quiz_comparison, WTW, QUIZ_COMPARISON, GObject)

WtwQuizComparison *wtw_quiz_comparison_new                  (WtwQuiz            *quiz);
WtwQuiz           *wtw_quiz_comparison_get_quiz             (WtwQuizComparison  *self);
gboolean           wtw_quiz_comparison_load                 (WtwQuizComparison  *self,
                                                             WtwVault           *vault,
                                                             GError            **error);
guint              wtw_quiz_comparison_get_n_members        (WtwQuizComparison  *self);
const char        *wtw_quiz_comparison_get_name             (WtwQuizComparison  *self,
                                                             WtwQuizPartner      who);
WtwQuizRecord     *wtw_quiz_comparison_get_record           (WtwQuizComparison  *self,
                                                             WtwQuizPartner      who);
gboolean           wtw_quiz_comparison_get_complete         (WtwQuizComparison  *self);
guint              wtw_quiz_comparison_get_n_dimensions     (WtwQuizComparison  *self);
int                wtw_quiz_comparison_get_score            (WtwQuizComparison  *self,
                                                             WtwQuizPartner      who,
                                                             guint               dimension);
int                wtw_quiz_comparison_get_gap              (WtwQuizComparison  *self,
                                                             guint               dimension);
int                wtw_quiz_comparison_get_widest_dimension (WtwQuizComparison  *self);

G_END_DECLS
