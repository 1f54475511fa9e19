/* wtw-vault-batch.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-batch"

#include "config.h"

#include "wtw-vault-batch.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-sql.h"

/* Connections inside a batch. SQLite 3.40 has no per-connection client data,
 * and the store's writes take only the connection, so the set is kept here.
 * A batch always has its transaction open: a connection in the set with
 * none is stale (closed mid-batch by a lock, and a new connection given the
 * same address) or its batch was rolled back by SQLite after an I/O error.
 * Either way it is not in a batch any more, and is taken out of the set;
 * otherwise a failed BEGIN IMMEDIATE … COMMIT elsewhere would be "rolled
 * back" to a savepoint that does not exist and leave its transaction open. */
static GHashTable *batches;
G_LOCK_DEFINE_STATIC (batches);

static void
set_in_batch (sqlite3  *db,
              gboolean  in_batch)
{
  G_LOCK (batches);
  if (batches == NULL)
    batches = g_hash_table_new (NULL, NULL);
  if (in_batch)
    g_hash_table_add (batches, db);
  else
    g_hash_table_remove (batches, db);
  G_UNLOCK (batches);
}

/**
 * wtw_sql_in_batch:
 * @db: a connection
 *
 * Returns: whether @db is inside a batch
 */
gboolean
wtw_sql_in_batch (sqlite3 *db)
{
  gboolean found;

  G_LOCK (batches);
  found = batches != NULL && g_hash_table_contains (batches, db);
  if (found && sqlite3_get_autocommit (db))
    {
      g_hash_table_remove (batches, db);
      found = FALSE;
    }
  G_UNLOCK (batches);
  return found;
}

/**
 * wtw_sql_begin:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Starts one write: BEGIN IMMEDIATE, or a savepoint inside a batch. End it with
 * wtw_sql_commit() or wtw_sql_rollback().
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_sql_begin (sqlite3  *db,
               GError  **error)
{
  return wtw_sql_exec (db, wtw_sql_in_batch (db) ? "SAVEPOINT wtw_write;" : "BEGIN IMMEDIATE;",
                       error);
}

/**
 * wtw_sql_commit:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Ends a write started with wtw_sql_begin(). Inside a batch it stays part of
 * the batch's transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_sql_commit (sqlite3  *db,
                GError  **error)
{
  return wtw_sql_exec (db, wtw_sql_in_batch (db) ? "RELEASE wtw_write;" : "COMMIT;", error);
}

/**
 * wtw_vault_batch_begin:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Starts a batch. Batches do not nest.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_batch_begin (WtwVault  *self,
                       GError   **error)
{
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  if (!sqlite3_get_autocommit (db))
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_BUSY,
                   "Another change to the vault is still under way.");
      return FALSE;
    }
  if (!wtw_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  set_in_batch (db, TRUE);
  return TRUE;
}

/**
 * wtw_vault_in_batch:
 * @self: a #WtwVault
 *
 * Returns: whether a batch is open on @self
 */
gboolean
wtw_vault_in_batch (WtwVault *self)
{
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  if (!wtw_vault_is_unlocked (self) || (db = _wtw_vault_get_db (self, NULL)) == NULL)
    return FALSE;
  return wtw_sql_in_batch (db);
}

/**
 * wtw_vault_batch_commit:
 * @self: a #WtwVault with a batch open
 * @error: return location for a #GError
 *
 * Writes every change of the batch at once. If that fails, the batch is rolled
 * back and nothing of it is in the vault.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_batch_commit (WtwVault  *self,
                        GError   **error)
{
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  set_in_batch (db, FALSE);
  if (wtw_sql_exec (db, "COMMIT;", error))
    return TRUE;
  wtw_sql_rollback (db);
  return FALSE;
}

/**
 * wtw_vault_batch_rollback:
 * @self: a #WtwVault
 *
 * Undoes every change of the open batch, if there is one.
 */
void
wtw_vault_batch_rollback (WtwVault *self)
{
  sqlite3 *db;

  g_return_if_fail (WTW_IS_VAULT (self));

  if (!wtw_vault_is_unlocked (self) || (db = _wtw_vault_get_db (self, NULL)) == NULL)
    return;
  set_in_batch (db, FALSE);
  wtw_sql_rollback (db);
}

/**
 * wtw_vault_workbook_list_chapters:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the ids of the chapters with an answer, a part done
 *   or a conversation, of any member, sorted
 */
char **
wtw_vault_workbook_list_chapters (WtwVault  *self,
                                  GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT chapter_id FROM reflections UNION "
                              "SELECT chapter_id FROM chapter_progress UNION "
                              "SELECT chapter_id FROM exercise_sessions ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_strv_builder_end (builder);
}

static gboolean
update_time (WtwVault      *self,
             const char    *sql,
             gint64         updated,
             const char    *text_1,
             const char    *text_2,
             gint64         id,
             GError       **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int n = 1;

  if ((db = _wtw_vault_get_db (self, error)) == NULL
      || (stmt = wtw_sql_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, n++, updated);
  if (text_1 != NULL)
    sqlite3_bind_text (stmt, n++, text_1, -1, SQLITE_TRANSIENT);
  if (text_2 != NULL)
    sqlite3_bind_text (stmt, n++, text_2, -1, SQLITE_TRANSIENT);
  if (id > 0)
    sqlite3_bind_int64 (stmt, n++, id);
  sqlite3_bind_int64 (stmt, n, wtw_vault_get_member_id (self));
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                   "There is nothing of yours to change here.");
      return FALSE;
    }
  return TRUE;
}

/**
 * wtw_vault_journal_set_updated:
 * @self: an unlocked #WtwVault
 * @id: an entry of the current member
 * @updated: Unix time of its last change
 * @error: return location for a #GError
 *
 * Sets when an entry last changed, for an entry brought in from elsewhere
 * (inserting always records "now").
 *
 * Returns: %TRUE on success; NOT_FOUND for another member's entry
 */
gboolean
wtw_vault_journal_set_updated (WtwVault  *self,
                               gint64     id,
                               gint64     updated,
                               GError   **error)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  return update_time (self, "UPDATE journal_entries SET updated = ? WHERE id = ? "
                            "AND member_id = ?", updated, NULL, NULL, id, error);
}

/**
 * wtw_vault_reflection_set_updated:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @prompt_id: the prompt
 * @updated: Unix time of the last change
 * @error: return location for a #GError
 *
 * Sets when the current member's answer last changed, as for
 * wtw_vault_journal_set_updated().
 *
 * Returns: %TRUE on success; NOT_FOUND if there is no answer
 */
gboolean
wtw_vault_reflection_set_updated (WtwVault    *self,
                                  const char  *chapter_id,
                                  const char  *prompt_id,
                                  gint64       updated,
                                  GError     **error)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL && prompt_id != NULL, FALSE);

  return update_time (self, "UPDATE reflections SET updated = ? WHERE chapter_id = ? "
                            "AND prompt_id = ? AND member_id = ?",
                      updated, chapter_id, prompt_id, 0, error);
}
