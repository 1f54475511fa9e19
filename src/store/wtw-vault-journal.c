/* wtw-vault-journal.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-journal"

#include "config.h"

#include <string.h>

#include "wtw-vault.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-private.h"
#include "wtw-vault-sql.h"

/*
 * The journal at store level. A private entry keeps title, mood and body only
 * in private_blob: a GVariant "(msmsms)" sealed with the writer's personal key,
 * associated data "journal\0" ‖ entry id ‖ member id (both i64 little-endian),
 * so a blob cannot be moved to another row or member.
 */

#define ROW_COLUMNS "e.id, e.member_id, e.created, e.updated, e.title, e.mood, e.private_blob"
#define PRIVATE_TYPE "(msmsms)"

enum { COL_ID, COL_MEMBER, COL_CREATED, COL_UPDATED, COL_TITLE, COL_MOOD, COL_BLOB, COL_BODY };

static void
private_ad (gint64  id,
            gint64  member_id,
            guint8 *ad)
{
  gint64 id_le = GINT64_TO_LE (id);
  gint64 member_le = GINT64_TO_LE (member_id);

  memcpy (ad, "journal", 8);
  memcpy (ad + 8, &id_le, 8);
  memcpy (ad + 16, &member_le, 8);
}

static GBytes *
seal_entry (WtwVault              *self,
            const WtwJournalEntry *entry,
            gint64                 id)
{
  g_autoptr(GVariant) plain = g_variant_ref_sink (g_variant_new (PRIVATE_TYPE, entry->title,
                                                                 entry->mood, entry->body));
  guint8 ad[24];

  private_ad (id, wtw_vault_get_member_id (self), ad);
  return wtw_crypt_private_seal (_wtw_vault_get_personal_key (self), ad, sizeof ad,
                                 g_variant_get_data (plain), g_variant_get_size (plain));
}

static gboolean
open_entry (WtwVault         *self,
            WtwJournalEntry  *entry,
            const guint8     *blob,
            gsize             len,
            gboolean          with_body,
            GError          **error)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *body = NULL;
  guint8 ad[24];

  private_ad (entry->id, entry->member_id, ad);
  plain = wtw_crypt_private_open (_wtw_vault_get_personal_key (self), ad, sizeof ad, blob, len);
  if (plain == NULL)
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                   "Private journal entry %" G_GINT64_FORMAT " is damaged and cannot be read.",
                   entry->id);
      return FALSE;
    }
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PRIVATE_TYPE),
                                                          plain, FALSE));
  g_variant_get (variant, PRIVATE_TYPE, &entry->title, &entry->mood, &body);
  if (with_body)
    entry->body = g_steal_pointer (&body);
  return TRUE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static WtwJournalEntry *
entry_from_row (WtwVault      *self,
                sqlite3_stmt  *stmt,
                gboolean       with_body,
                GError       **error)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, COL_ID);
  entry->member_id = sqlite3_column_int64 (stmt, COL_MEMBER);
  entry->created = sqlite3_column_int64 (stmt, COL_CREATED);
  entry->updated = sqlite3_column_int64 (stmt, COL_UPDATED);
  entry->is_private = sqlite3_column_type (stmt, COL_BLOB) != SQLITE_NULL;
  if (!entry->is_private)
    {
      entry->title = column_dup (stmt, COL_TITLE);
      entry->mood = column_dup (stmt, COL_MOOD);
      entry->body = with_body ? column_dup (stmt, COL_BODY) : NULL;
    }
  else if (entry->member_id != wtw_vault_get_member_id (self))
    entry->sealed = TRUE;
  else if (!open_entry (self, entry, sqlite3_column_blob (stmt, COL_BLOB),
                        sqlite3_column_bytes (stmt, COL_BLOB), with_body, error))
    return NULL;
  return g_steal_pointer (&entry);
}

static GPtrArray *
collect_entries (WtwVault      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_journal_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WtwJournalEntry *entry = entry_from_row (self, stmt, FALSE, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  if (!wtw_sql_set_error (sqlite3_db_handle (stmt), rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds title, body, mood, private_blob at @first..@first+3: in clear, or all
 * NULL but the sealed blob. */
static void
bind_content (WtwVault              *self,
              sqlite3_stmt          *stmt,
              int                    first,
              const WtwJournalEntry *entry,
              gint64                 id)
{
  g_autoptr(GBytes) blob = NULL;

  if (!entry->is_private)
    {
      bind_text_or_null (stmt, first, entry->title);
      bind_text_or_null (stmt, first + 1, entry->body);
      bind_text_or_null (stmt, first + 2, entry->mood);
      sqlite3_bind_null (stmt, first + 3);
      return;
    }
  sqlite3_bind_null (stmt, first);
  sqlite3_bind_null (stmt, first + 1);
  sqlite3_bind_null (stmt, first + 2);
  blob = id > 0 ? seal_entry (self, entry, id) : g_bytes_new_static ("", 0);
  sqlite3_bind_blob (stmt, first + 3, g_bytes_get_data (blob, NULL),
                     (int) g_bytes_get_size (blob), SQLITE_TRANSIENT);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
write_content (WtwVault               *self,
               sqlite3                *db,
               const WtwJournalEntry  *entry,
               gint64                  id,
               gint64                  updated,
               GError                **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "UPDATE journal_entries SET updated = ?, title = ?, body = ?, "
                         "mood = ?, private_blob = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, updated);
  bind_content (self, stmt, 2, entry, id);
  sqlite3_bind_int64 (stmt, 6, id);
  return wtw_sql_step_done (stmt, error);
}

static gint64
insert_row (WtwVault               *self,
            sqlite3                *db,
            const WtwJournalEntry  *entry,
            gint64                  created,
            gint64                  updated,
            GError                **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "INSERT INTO journal_entries (member_id, created, updated, title, "
                         "body, mood, private_blob) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, wtw_vault_get_member_id (self));
  sqlite3_bind_int64 (stmt, 2, created);
  sqlite3_bind_int64 (stmt, 3, updated);
  /* A private entry's AD names its id, known only after the insert: insert
   * an empty blob, then seal. */
  bind_content (self, stmt, 4, entry, 0);
  if (!wtw_sql_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gboolean
commit_or_rollback (sqlite3  *db,
                    gboolean  ok,
                    GError  **error)
{
  if (ok && wtw_sql_exec (db, "COMMIT;", error))
    return TRUE;
  wtw_sql_rollback (db);
  return FALSE;
}

/**
 * wtw_vault_journal_insert:
 * @self: an unlocked #WtwVault
 * @entry: the entry; title, body, mood, is_private and created (0 = now) are
 *   read; id, member_id, created and updated are set
 * @error: return location for a #GError
 *
 * Adds an entry written by the current member.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_journal_insert (WtwVault         *self,
                          WtwJournalEntry  *entry,
                          GError          **error)
{
  gint64 now = now_seconds ();
  gint64 created, id;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  db = _wtw_vault_get_db (self, error);
  created = entry->created > 0 ? entry->created : now;

  if (db == NULL || !wtw_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  id = insert_row (self, db, entry, created, now, error);
  ok = id > 0 && (!entry->is_private || write_content (self, db, entry, id, now, error));
  if (!commit_or_rollback (db, ok, error))
    return FALSE;
  entry->id = id;
  entry->member_id = wtw_vault_get_member_id (self);
  entry->created = created;
  entry->updated = now;
  entry->sealed = FALSE;
  return TRUE;
}

static gboolean
set_not_found (gint64   id,
               GError **error)
{
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
               "There is no journal entry %" G_GINT64_FORMAT " that you can change.", id);
  return FALSE;
}

/* Another member's private entry, or making another member's entry private,
 * is out of reach: it reads as if the entry were not there. */
static gboolean
check_writable (WtwVault  *self,
                sqlite3   *db,
                gint64     id,
                gboolean   make_private,
                gboolean  *was_private,
                GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "SELECT member_id, private_blob IS NOT NULL FROM journal_entries "
                         "WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return wtw_sql_set_error (db, rc, error) && set_not_found (id, error);
  if (was_private != NULL)
    *was_private = sqlite3_column_int (stmt, 1);
  if (sqlite3_column_int64 (stmt, 0) != wtw_vault_get_member_id (self)
      && (sqlite3_column_int (stmt, 1) || make_private))
    return set_not_found (id, error);
  return TRUE;
}

/* An entry that was saved in clear and is now private must leave nothing in
 * clear that the other member could read with the master key: its tags (in
 * clear by design, so a private entry has none) and its words in the FTS
 * index. FTS5 deletes by adding a marker; the terms stay in the older segment
 * until a merge, so merge everything now ("optimize" drops deleted rows; with
 * secure_delete the freed pages are zeroed). Costs a rewrite of the index,
 * only when an entry turns private. */
static gboolean
purge_clear_traces (sqlite3  *db,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(WtwSqlStmt) untag =
    wtw_sql_prepare (db, "DELETE FROM entry_tags WHERE entry_id = ?", error);

  if (untag == NULL)
    return FALSE;
  sqlite3_bind_int64 (untag, 1, id);
  return wtw_sql_step_done (untag, error)
      && wtw_sql_exec (db, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags);"
                           "INSERT INTO journal_fts (journal_fts) VALUES ('optimize');", error);
}

/**
 * wtw_vault_journal_update:
 * @self: an unlocked #WtwVault
 * @entry: the entry with its id; title, body, mood and is_private are written
 * @error: return location for a #GError
 *
 * Replaces an entry's text. The writer stays the member who wrote it.
 *
 * Returns: %TRUE on success; NOT_FOUND for a missing entry or another
 *   member's private entry
 */
gboolean
wtw_vault_journal_update (WtwVault               *self,
                          const WtwJournalEntry  *entry,
                          GError                **error)
{
  gboolean was_private = FALSE;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL || !wtw_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  ok = check_writable (self, db, entry->id, entry->is_private, &was_private, error)
    && write_content (self, db, entry, entry->id, now_seconds (), error)
    && (!entry->is_private || was_private || purge_clear_traces (db, entry->id, error));
  return commit_or_rollback (db, ok, error);
}

/**
 * wtw_vault_journal_delete:
 * @self: an unlocked #WtwVault
 * @id: the entry
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; NOT_FOUND as for wtw_vault_journal_update()
 */
gboolean
wtw_vault_journal_delete (WtwVault  *self,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL || !wtw_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  ok = check_writable (self, db, id, FALSE, NULL, error)
    && (stmt = wtw_sql_prepare (db, "DELETE FROM journal_entries WHERE id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = wtw_sql_step_done (stmt, error);
    }
  return commit_or_rollback (db, ok, error);
}

/**
 * wtw_vault_journal_get:
 * @self: an unlocked #WtwVault
 * @id: the entry
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the entry with its body (sealed and
 *   without text if it is another member's private entry)
 */
WtwJournalEntry *
wtw_vault_journal_get (WtwVault  *self,
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
  stmt = wtw_sql_prepare (db, "SELECT " ROW_COLUMNS ", e.body FROM journal_entries e "
                              "WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entry_from_row (self, stmt, TRUE, error);
  if (wtw_sql_set_error (db, rc, error))
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                 "There is no journal entry %" G_GINT64_FORMAT ".", id);
  return NULL;
}

/**
 * wtw_vault_journal_list:
 * @self: an unlocked #WtwVault
 * @offset: entries to skip
 * @limit: most entries to return; 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwJournalEntry): entries newest first,
 *   without bodies
 */
GPtrArray *
wtw_vault_journal_list (WtwVault  *self,
                        guint      offset,
                        guint      limit,
                        GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " ROW_COLUMNS " FROM journal_entries e "
                              "ORDER BY e.created DESC, e.id DESC LIMIT ? OFFSET ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 2, offset);
  return collect_entries (self, stmt, error);
}

/**
 * wtw_vault_journal_count:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Returns: the number of entries (private ones of every member included), or
 *   -1 on error
 */
gint64
wtw_vault_journal_count (WtwVault  *self,
                         GError   **error)
{
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), -1);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return -1;
  return wtw_sql_query_int (db, "SELECT count(*) FROM journal_entries", error);
}

static gboolean
has_alnum (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_quoted (GString    *query,
               const char *word)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/**
 * _wtw_vault_build_fts_query:
 * @text: what a person typed
 *
 * Turns free text into an FTS5 query that can never be a syntax error: every
 * whitespace-separated word becomes a quoted string (so AND, NEAR, *, ^, :
 * and quotes are just text), words without a letter or digit are dropped, and
 * the last word is a prefix so results follow typing.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if nothing is left
 */
char *
_wtw_vault_build_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_strdelimit (valid, "\t\n\r\f\v", ' ');
  words = g_strsplit (valid, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (has_alnum (words[i]))
      append_quoted (query, words[i]);
  if (query->len == 0)
    return NULL;
  g_string_append (query, " *");
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * wtw_vault_journal_search:
 * @self: an unlocked #WtwVault
 * @text: free text as typed; never a syntax error
 * @limit: most entries to return; 0 for all
 * @error: return location for a #GError
 *
 * Full-text search of titles and bodies of entries that are not private
 * (private text is never indexed), best match first.
 *
 * Returns: (transfer full) (element-type WtwJournalEntry): matching entries
 *   without bodies
 */
GPtrArray *
wtw_vault_journal_search (WtwVault    *self,
                          const char  *text,
                          guint        limit,
                          GError     **error)
{
  g_autofree char *query = NULL;
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  query = _wtw_vault_build_fts_query (text);
  if (query == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_journal_entry_free);
  stmt = wtw_sql_prepare (db, "SELECT " ROW_COLUMNS " FROM journal_fts "
                              "JOIN journal_entries e ON e.id = journal_fts.rowid "
                              "WHERE journal_fts MATCH ? ORDER BY rank LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_entries (self, stmt, error);
}
