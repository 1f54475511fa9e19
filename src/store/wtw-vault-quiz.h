/* wtw-vault-quiz.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/*
 * The quiz in the vault: results as taken (table quiz_results) and the answers
 * of a sitting not finished yet (table settings, key "quiz.progress.<member id>",
 * one per member). Results and progress are saved for the current member; results
 * are shared (every member can list everyone's), which is what the partner
 * comparison reads. Answers are stored as the JSON wtw_quiz_session_save_answers()
 * writes; the store does not parse it.
 */

/**
 * WTW_VAULT_QUIZ_N_SCORES:
 *
 * Number of scores a result keeps: Communication, Affection, Resolution,
 * Equilibrium, in that order (columns c, a, r, e).
 */
#define WTW_VAULT_QUIZ_N_SCORES 4

/**
 * WtwVaultQuizResult:
 * @id: the result id
 * @member_id: who took the quiz
 * @member_name: (nullable): that member's name
 * @taken: Unix time (seconds, UTC) the quiz was completed
 * @answers_json: the raw answers, a JSON object of item id to answer
 * @scores: the score of each dimension, 0–100, or -1 when it has none
 *
 * One completed quiz.
 */
typedef struct
{
  gint64  id;
  gint64  member_id;
  char   *member_name;
  gint64  taken;
  char   *answers_json;
  double  scores[WTW_VAULT_QUIZ_N_SCORES];
} WtwVaultQuizResult;

#define WTW_TYPE_VAULT_QUIZ_RESULT (wtw_vault_quiz_result_get_type ())

GType               wtw_vault_quiz_result_get_type (void) G_GNUC_CONST;
WtwVaultQuizResult *wtw_vault_quiz_result_copy     (const WtwVaultQuizResult *result);
void                wtw_vault_quiz_result_free     (WtwVaultQuizResult       *result);

gint64              wtw_vault_quiz_save_result     (WtwVault                 *self,
                                                    gint64                    taken,
                                                    const char               *answers_json,
                                                    const double             *scores,
                                                    GError                  **error);
GPtrArray          *wtw_vault_quiz_list_results    (WtwVault                 *self,
                                                    gint64                    member_id,
                                                    GError                  **error);
WtwVaultQuizResult *wtw_vault_quiz_get_result      (WtwVault                 *self,
                                                    gint64                    id,
                                                    GError                  **error);
gboolean            wtw_vault_quiz_save_progress   (WtwVault                 *self,
                                                    const char               *answers_json,
                                                    GError                  **error);
char               *wtw_vault_quiz_load_progress   (WtwVault                 *self,
                                                    GError                  **error);
gboolean            wtw_vault_quiz_clear_progress  (WtwVault                 *self,
                                                    GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwVaultQuizResult, wtw_vault_quiz_result_free)

G_END_DECLS
