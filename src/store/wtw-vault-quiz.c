/* wtw-vault-quiz.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-quiz"

#include "config.h"

#include "wtw-vault-internal.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-sql.h"

/*
 * Quiz results and the answers of an unfinished sitting. A sitting in
 * progress is a settings row rather than a table of its own because the
 * schema is fixed at migration 1, and because there is at most one per
 * member: the key names the member, so partners never resume each other's
 * answers.
 */

#define RESULT_COLUMNS "q.id, q.member_id, m.name, q.taken, q.answers_json, " \
                       "q.c, q.a, q.r, q.e"
#define RESULT_FROM    " FROM quiz_results q LEFT JOIN members m ON m.id = q.member_id"

enum { COL_ID, COL_MEMBER, COL_NAME, COL_TAKEN, COL_ANSWERS, COL_FIRST_SCORE };

G_DEFINE_BOXED_TYPE (WtwVaultQuizResult, wtw_vault_quiz_result,
                     wtw_vault_quiz_result_copy, wtw_vault_quiz_result_free)

/**
 * wtw_vault_quiz_result_copy:
 * @result: a #WtwVaultQuizResult
 *
 * Returns: (transfer full): a deep copy
 */
WtwVaultQuizResult *
wtw_vault_quiz_result_copy (const WtwVaultQuizResult *result)
{
  WtwVaultQuizResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->member_name = g_strdup (result->member_name);
  copy->answers_json = g_strdup (result->answers_json);
  return copy;
}

void
wtw_vault_quiz_result_free (WtwVaultQuizResult *result)
{
  if (result == NULL)
    return;

  g_free (result->member_name);
  g_free (result->answers_json);
  g_free (result);
}

static char *
progress_key (WtwVault *self)
{
  return g_strdup_printf ("quiz.progress.%" G_GINT64_FORMAT, wtw_vault_get_member_id (self));
}

static WtwVaultQuizResult *
result_from_row (sqlite3_stmt *stmt)
{
  WtwVaultQuizResult *result = g_new0 (WtwVaultQuizResult, 1);

  result->id = sqlite3_column_int64 (stmt, COL_ID);
  result->member_id = sqlite3_column_int64 (stmt, COL_MEMBER);
  result->member_name = g_strdup ((const char *) sqlite3_column_text (stmt, COL_NAME));
  result->taken = sqlite3_column_int64 (stmt, COL_TAKEN);
  result->answers_json = g_strdup ((const char *) sqlite3_column_text (stmt, COL_ANSWERS));
  for (guint i = 0; i < WTW_VAULT_QUIZ_N_SCORES; i++)
    result->scores[i] = sqlite3_column_double (stmt, COL_FIRST_SCORE + i);
  return result;
}

static gboolean
check_scores (const double  *scores,
              GError       **error)
{
  for (guint i = 0; i < WTW_VAULT_QUIZ_N_SCORES; i++)
    if (!(scores[i] == -1 || (scores[i] >= 0 && scores[i] <= 100)))
      {
        g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                     "A quiz score must be from 0 to 100, not %g.", scores[i]);
        return FALSE;
      }
  return TRUE;
}

/**
 * wtw_vault_quiz_save_result:
 * @self: an unlocked #WtwVault
 * @taken: when the quiz was completed, Unix time; 0 for now
 * @answers_json: the answers, as wtw_quiz_session_save_answers() writes them
 * @scores: (array fixed-size=4): the four dimension scores, 0–100 or -1
 * @error: return location for a #GError
 *
 * Saves a completed quiz for the current member.
 *
 * Returns: the id of the new result, or 0 on error
 */
gint64
wtw_vault_quiz_save_result (WtwVault      *self,
                            gint64         taken,
                            const char    *answers_json,
                            const double  *scores,
                            GError       **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), 0);
  g_return_val_if_fail (answers_json != NULL, 0);
  g_return_val_if_fail (scores != NULL, 0);

  if (!check_scores (scores, error))
    return 0;
  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return 0;
  stmt = wtw_sql_prepare (db, "INSERT INTO quiz_results (member_id, taken, answers_json, "
                              "c, a, r, e) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, wtw_vault_get_member_id (self));
  sqlite3_bind_int64 (stmt, 2, taken != 0 ? taken : g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, answers_json, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < WTW_VAULT_QUIZ_N_SCORES; i++)
    sqlite3_bind_double (stmt, 4 + i, scores[i]);
  if (!wtw_sql_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

/**
 * wtw_vault_quiz_list_results:
 * @self: an unlocked #WtwVault
 * @member_id: the member whose results to list, or 0 for every member's
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwVaultQuizResult): the results,
 *   newest first (by time taken, then id), or %NULL on error
 */
GPtrArray *
wtw_vault_quiz_list_results (WtwVault  *self,
                             gint64     member_id,
                             GError   **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " RESULT_COLUMNS RESULT_FROM
                              " WHERE ?1 = 0 OR q.member_id = ?1"
                              " ORDER BY q.taken DESC, q.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_vault_quiz_result_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results, result_from_row (stmt));
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&results);
}

/**
 * wtw_vault_quiz_get_result:
 * @self: an unlocked #WtwVault
 * @id: a result id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with
 *   %WTW_VAULT_ERROR_NOT_FOUND when there is none with @id
 */
WtwVaultQuizResult *
wtw_vault_quiz_get_result (WtwVault  *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " RESULT_COLUMNS RESULT_FROM " WHERE q.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return result_from_row (stmt);
  if (wtw_sql_set_error (db, rc, error))
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                 "Quiz result %" G_GINT64_FORMAT " does not exist.", id);
  return NULL;
}

/**
 * wtw_vault_quiz_save_progress:
 * @self: an unlocked #WtwVault
 * @answers_json: the answers given so far
 * @error: return location for a #GError
 *
 * Keeps the current member's unfinished answers, replacing any kept before.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_quiz_save_progress (WtwVault    *self,
                              const char  *answers_json,
                              GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *key = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (answers_json != NULL, FALSE);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;
  key = progress_key (self);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, answers_json, -1, SQLITE_TRANSIENT);
  return wtw_sql_step_done (stmt, error);
}

/**
 * wtw_vault_quiz_load_progress:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the current member's unfinished
 *   answers, or %NULL (without an error) when none are kept
 */
char *
wtw_vault_quiz_load_progress (WtwVault  *self,
                              GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *key = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  key = progress_key (self);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  wtw_sql_set_error (db, rc, error);
  return NULL;
}

/**
 * wtw_vault_quiz_clear_progress:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Forgets the current member's unfinished answers, if any.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_quiz_clear_progress (WtwVault  *self,
                               GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *key = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "DELETE FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  key = progress_key (self);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return wtw_sql_step_done (stmt, error);
}
