/* wtw-vault-homework.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-homework"

#include "config.h"

#include <stdio.h>

#include "wtw-vault-homework.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-sql.h"

/*
 * The due day is stored as the integer YYYYMMDD rather than as a Unix time:
 * homework is due on a calendar day wherever the person is, and an integer of
 * that shape sorts by date, reads plainly in a database dump and needs no time
 * zone. A part of NULL is the whole chapter (the CHECK of migration 2 allows
 * only NULL or 1–4).
 */

#define HOMEWORK_COLUMNS "h.id, h.chapter_id, h.part, h.due, h.note, h.member_id, m.name, " \
                         "h.created, h.done, h.done_at, h.reminded_on"
#define HOMEWORK_FROM    " FROM homework h LEFT JOIN members m ON m.id = h.member_id"

enum
{
  COL_ID,
  COL_CHAPTER,
  COL_PART,
  COL_DUE,
  COL_NOTE,
  COL_MEMBER,
  COL_NAME,
  COL_CREATED,
  COL_DONE,
  COL_DONE_AT,
  COL_REMINDED,
};

G_DEFINE_BOXED_TYPE (WtwHomework, wtw_homework, wtw_homework_copy, wtw_homework_free)

/**
 * wtw_homework_new:
 * @chapter_id: the chapter
 * @part: %WTW_HOMEWORK_WHOLE_CHAPTER or a part, 1–4
 * @due: (nullable): the day it is due
 * @note: (nullable): a note
 *
 * Returns: (transfer full): homework not added yet (id 0)
 */
WtwHomework *
wtw_homework_new (const char  *chapter_id,
                  guint        part,
                  const GDate *due,
                  const char  *note)
{
  WtwHomework *homework = g_new0 (WtwHomework, 1);

  homework->chapter_id = g_strdup (chapter_id);
  homework->part = part;
  g_date_clear (&homework->due, 1);
  g_date_clear (&homework->reminded_on, 1);
  if (due != NULL && g_date_valid (due))
    homework->due = *due;
  homework->note = g_strdup (note);
  return homework;
}

/**
 * wtw_homework_copy:
 * @homework: homework
 *
 * Returns: (transfer full): a deep copy
 */
WtwHomework *
wtw_homework_copy (const WtwHomework *homework)
{
  WtwHomework *copy;

  g_return_val_if_fail (homework != NULL, NULL);

  copy = g_memdup2 (homework, sizeof *homework);
  copy->chapter_id = g_strdup (homework->chapter_id);
  copy->note = g_strdup (homework->note);
  copy->member_name = g_strdup (homework->member_name);
  return copy;
}

/**
 * wtw_homework_free:
 * @homework: (nullable): homework
 */
void
wtw_homework_free (WtwHomework *homework)
{
  if (homework == NULL)
    return;
  g_free (homework->chapter_id);
  g_free (homework->note);
  g_free (homework->member_name);
  g_free (homework);
}

/**
 * wtw_homework_format_day:
 * @day: a valid day
 *
 * Returns: (transfer full): the day as ISO 8601 text, "YYYY-MM-DD"
 */
char *
wtw_homework_format_day (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day));
}

/**
 * wtw_homework_parse_day:
 * @text: ISO 8601 text, "YYYY-MM-DD"
 * @day: (out caller-allocates): the day
 *
 * Returns: %TRUE if @text is a real day in that form; otherwise @day is cleared
 */
gboolean
wtw_homework_parse_day (const char *text,
                        GDate      *day)
{
  guint y, m, d;
  char end;

  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
day_to_int (const GDate *day)
{
  return g_date_get_year (day) * 10000 + g_date_get_month (day) * 100 + g_date_get_day (day);
}

static void
day_from_int (GDate  *day,
              gint64  value)
{
  guint y = value / 10000, m = (value / 100) % 100, d = value % 100;

  g_date_clear (day, 1);
  if (value > 0 && value < G_MAXUINT16 * (gint64) 10000 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (day, d, m, y);
}

static WtwHomework *
homework_from_row (sqlite3_stmt *stmt)
{
  WtwHomework *homework = wtw_homework_new (NULL, 0, NULL, NULL);

  homework->id = sqlite3_column_int64 (stmt, COL_ID);
  homework->chapter_id = g_strdup ((const char *) sqlite3_column_text (stmt, COL_CHAPTER));
  homework->part = sqlite3_column_int (stmt, COL_PART);
  if (sqlite3_column_type (stmt, COL_DUE) != SQLITE_NULL)
    day_from_int (&homework->due, sqlite3_column_int64 (stmt, COL_DUE));
  homework->note = g_strdup ((const char *) sqlite3_column_text (stmt, COL_NOTE));
  homework->member_id = sqlite3_column_int64 (stmt, COL_MEMBER);
  homework->member_name = g_strdup ((const char *) sqlite3_column_text (stmt, COL_NAME));
  homework->created = sqlite3_column_int64 (stmt, COL_CREATED);
  homework->done = sqlite3_column_int (stmt, COL_DONE) != 0;
  homework->done_at = homework->done ? sqlite3_column_int64 (stmt, COL_DONE_AT) : 0;
  wtw_homework_parse_day ((const char *) sqlite3_column_text (stmt, COL_REMINDED),
                          &homework->reminded_on);
  return homework;
}

static gboolean
check_homework (const WtwHomework  *homework,
                GError            **error)
{
  if (homework->chapter_id == NULL || homework->chapter_id[0] == '\0')
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                         "Homework needs a chapter.");
  else if (homework->part > 4)
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                 "A chapter has four parts; there is no part %u.", homework->part);
  else if (!g_date_valid (&homework->due))
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                         "Homework needs a day it is due.");
  else
    return TRUE;
  return FALSE;
}

static gboolean
check_day (const GDate  *day,
           GError      **error)
{
  if (day != NULL && g_date_valid (day))
    return TRUE;
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                       "That is not a valid day.");
  return FALSE;
}

/* Binds chapter, part, due and note to parameters 1–4. */
static void
bind_fields (sqlite3_stmt      *stmt,
             const WtwHomework *homework)
{
  sqlite3_bind_text (stmt, 1, homework->chapter_id, -1, SQLITE_TRANSIENT);
  if (homework->part == WTW_HOMEWORK_WHOLE_CHAPTER)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int (stmt, 2, homework->part);
  sqlite3_bind_int64 (stmt, 3, day_to_int (&homework->due));
  if (homework->note != NULL && homework->note[0] != '\0')
    sqlite3_bind_text (stmt, 4, homework->note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
}

static gboolean
changed_or_not_found (sqlite3  *db,
                      gint64    id,
                      GError  **error)
{
  if (sqlite3_changes (db) > 0)
    return TRUE;
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
               "That homework no longer exists (%" G_GINT64_FORMAT ").", id);
  return FALSE;
}

/**
 * wtw_vault_homework_add:
 * @self: an unlocked #WtwVault
 * @homework: the homework; its id is set
 * @error: return location for a #GError
 *
 * Adds homework. A @member_id of 0 means the current member and a @created of
 * 0 means now; @done, @done_at and @reminded_on are written as given, so an
 * import (or undoing a deletion) can put a row back as it was. An empty note
 * is stored as none.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_homework_add (WtwVault     *self,
                        WtwHomework  *homework,
                        GError      **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *reminded = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (homework != NULL, FALSE);

  if (!check_homework (homework, error))
    return FALSE;
  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "INSERT INTO homework (chapter_id, part, due, note, member_id, "
                              "created, done, done_at, reminded_on) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  if (homework->member_id == 0)
    homework->member_id = wtw_vault_get_member_id (self);
  if (homework->created == 0)
    homework->created = now_seconds ();
  if (!homework->done)
    homework->done_at = 0;
  bind_fields (stmt, homework);
  sqlite3_bind_int64 (stmt, 5, homework->member_id);
  sqlite3_bind_int64 (stmt, 6, homework->created);
  sqlite3_bind_int (stmt, 7, homework->done ? 1 : 0);
  if (homework->done)
    sqlite3_bind_int64 (stmt, 8, homework->done_at);
  if (g_date_valid (&homework->reminded_on))
    reminded = wtw_homework_format_day (&homework->reminded_on);
  sqlite3_bind_text (stmt, 9, reminded, -1, SQLITE_TRANSIENT);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  homework->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

/**
 * wtw_vault_homework_update:
 * @self: an unlocked #WtwVault
 * @homework: the homework with its id; chapter, part, due day and note are written
 * @error: return location for a #GError
 *
 * Changes what the homework is. Moving it to another due day forgets that its
 * reminder was sent, so the new day gets one. Done, who added it and when are
 * left alone.
 *
 * Returns: %TRUE on success; NOT_FOUND if there is no such homework
 */
gboolean
wtw_vault_homework_update (WtwVault           *self,
                           const WtwHomework  *homework,
                           GError            **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (homework != NULL, FALSE);

  if (!check_homework (homework, error))
    return FALSE;
  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "UPDATE homework SET chapter_id = ?1, part = ?2, note = ?4, "
                              "reminded_on = CASE WHEN due IS ?3 THEN reminded_on END, "
                              "due = ?3 WHERE id = ?5", error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, homework);
  sqlite3_bind_int64 (stmt, 5, homework->id);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  return changed_or_not_found (db, homework->id, error);
}

/**
 * wtw_vault_homework_set_done:
 * @self: an unlocked #WtwVault
 * @id: the homework
 * @done: %TRUE to mark it done, %FALSE to mark it not done
 * @when: when it was done, Unix time; 0 for now (ignored when not @done)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; NOT_FOUND if there is no such homework
 */
gboolean
wtw_vault_homework_set_done (WtwVault  *self,
                             gint64     id,
                             gboolean   done,
                             gint64     when,
                             GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "UPDATE homework SET done = ?, done_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, done ? 1 : 0);
  if (done)
    sqlite3_bind_int64 (stmt, 2, when != 0 ? when : now_seconds ());
  sqlite3_bind_int64 (stmt, 3, id);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  return changed_or_not_found (db, id, error);
}

/**
 * wtw_vault_homework_delete:
 * @self: an unlocked #WtwVault
 * @id: the homework
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; NOT_FOUND if there is no such homework
 */
gboolean
wtw_vault_homework_delete (WtwVault  *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "DELETE FROM homework WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  return changed_or_not_found (db, id, error);
}

/**
 * wtw_vault_homework_get:
 * @self: an unlocked #WtwVault
 * @id: the homework
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the homework, or %NULL with
 *   %WTW_VAULT_ERROR_NOT_FOUND when there is none with @id
 */
WtwHomework *
wtw_vault_homework_get (WtwVault  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " HOMEWORK_COLUMNS HOMEWORK_FROM " WHERE h.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return homework_from_row (stmt);
  if (wtw_sql_set_error (db, rc, error))
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                 "That homework no longer exists (%" G_GINT64_FORMAT ").", id);
  return NULL;
}

static GPtrArray *
collect (sqlite3       *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_homework_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, homework_from_row (stmt));
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * wtw_vault_homework_list:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Lists every member's homework: what is not done first, soonest due day
 * first; then what is done, also by due day. Rows without a due day come last
 * in their group; equal days keep the order they were added in.
 *
 * Returns: (transfer full) (element-type WtwHomework): the homework, or %NULL on error
 */
GPtrArray *
wtw_vault_homework_list (WtwVault  *self,
                         GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " HOMEWORK_COLUMNS HOMEWORK_FROM
                              " ORDER BY h.done != 0, h.due IS NULL, h.due, h.id", error);
  if (stmt == NULL)
    return NULL;
  return collect (db, stmt, error);
}

/**
 * wtw_vault_homework_list_to_remind:
 * @self: an unlocked #WtwVault
 * @day: today
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwHomework): the homework due on
 *   @day that is not done and whose reminder was not sent on @day, in the
 *   order it was added; %NULL on error
 */
GPtrArray *
wtw_vault_homework_list_to_remind (WtwVault     *self,
                                   const GDate  *day,
                                   GError      **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if (!check_day (day, error))
    return NULL;
  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " HOMEWORK_COLUMNS HOMEWORK_FROM
                              " WHERE h.done = 0 AND h.due = ?1"
                              " AND h.reminded_on IS NOT ?2 ORDER BY h.id", error);
  if (stmt == NULL)
    return NULL;
  text = wtw_homework_format_day (day);
  sqlite3_bind_int64 (stmt, 1, day_to_int (day));
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return collect (db, stmt, error);
}

/**
 * wtw_vault_homework_mark_reminded:
 * @self: an unlocked #WtwVault
 * @id: the homework
 * @day: the day its reminder was sent
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; NOT_FOUND if there is no such homework
 */
gboolean
wtw_vault_homework_mark_reminded (WtwVault     *self,
                                  gint64        id,
                                  const GDate  *day,
                                  GError      **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  if (!check_day (day, error))
    return FALSE;
  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "UPDATE homework SET reminded_on = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  text = wtw_homework_format_day (day);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  return changed_or_not_found (db, id, error);
}
