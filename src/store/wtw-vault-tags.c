/* wtw-vault-tags.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-tags"

#include "config.h"

#include <string.h>

#include "wtw-vault-internal.h"
#include "wtw-vault-private.h"
#include "wtw-vault-sql.h"
#include "wtw-vault-tags.h"

/*
 * Tags and the journal as a list. Private text never leaves its sealed blob
 * here: private rows are opened for their writer only, and a private entry's
 * tags live inside its blob, never in the tags tables, which are clear inside
 * the vault, where the other member could read them with their own key.
 * Filters reach the writer's own sealed tags and mood through the SQL
 * function wtw_sealed_has() (wtw-vault-journal.c).
 */

#define FIRST_LINE_MAX 160
#define TAGS_PER_QUERY 500

enum {
  COL_ID, COL_MEMBER, COL_CREATED, COL_UPDATED, COL_TITLE, COL_MOOD, COL_PRIVATE, COL_HEAD,
  COL_SNIPPET, COL_CHAPTER, COL_PROMPT
};

G_DEFINE_BOXED_TYPE (WtwJournalRow, wtw_journal_row, wtw_journal_row_copy, wtw_journal_row_free)

/**
 * wtw_journal_row_copy:
 * @row: a #WtwJournalRow
 *
 * Returns: (transfer full): a deep copy
 */
WtwJournalRow *
wtw_journal_row_copy (const WtwJournalRow *row)
{
  WtwJournalRow *copy;

  g_return_val_if_fail (row != NULL, NULL);

  copy = g_new0 (WtwJournalRow, 1);
  copy->entry = wtw_journal_entry_copy (row->entry);
  copy->first_line = g_strdup (row->first_line);
  copy->snippet = g_strdup (row->snippet);
  copy->tags = g_strdupv (row->tags);
  return copy;
}

void
wtw_journal_row_free (WtwJournalRow *row)
{
  if (row == NULL)
    return;

  g_clear_pointer (&row->entry, wtw_journal_entry_free);
  g_free (row->first_line);
  g_free (row->snippet);
  g_strfreev (row->tags);
  g_free (row);
}

/* The first line with any text, cut at a character boundary. */
static char *
first_line (const char *body)
{
  const char *start, *end;

  if (body == NULL)
    return NULL;
  start = body;
  while (*start == '\n' || *start == '\r' || *start == ' ' || *start == '\t')
    start++;
  if (*start == '\0')
    return NULL;
  end = start;
  while (*end != '\0' && *end != '\n' && *end != '\r' && end - start < FIRST_LINE_MAX)
    end = g_utf8_next_char (end);
  return g_utf8_make_valid (start, end - start);
}

static gboolean
has_text (const WtwJournalFilter *filter)
{
  return filter->text != NULL && *filter->text != '\0';
}

static void
append_conditions (GString                *sql,
                   const WtwJournalFilter *filter,
                   gboolean                before)
{
  if (filter->tag != NULL)
    g_string_append (sql, " AND (CASE WHEN e.private_blob IS NULL"
                          " THEN EXISTS (SELECT 1 FROM entry_tags et"
                          " JOIN tags t ON t.id = et.tag_id"
                          " WHERE et.entry_id = e.id AND t.name = ?)"
                          " ELSE wtw_sealed_has (e.id, e.member_id, e.private_blob, 'tag', ?)"
                          " END)");
  if (filter->mood != NULL)
    g_string_append (sql, " AND (CASE WHEN e.private_blob IS NULL THEN e.mood = ?"
                          " ELSE wtw_sealed_has (e.id, e.member_id, e.private_blob, 'mood', ?)"
                          " END)");
  if (filter->from != 0)
    g_string_append (sql, " AND e.created >= ?");
  if (filter->to != 0)
    g_string_append (sql, " AND e.created < ?");
  if (filter->n_exclude > 0)
    {
      g_string_append (sql, " AND e.id NOT IN (?");
      for (guint i = 1; i < filter->n_exclude; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
  if (before)
    g_string_append (sql, " AND (e.created > ? OR (e.created = ? AND e.id > ?))");
}

/* Binds in the order append_conditions() wrote, from parameter @index on;
 * tag and mood twice, for clear and sealed entries. */
static int
bind_conditions (sqlite3_stmt           *stmt,
                 int                     index,
                 const WtwJournalFilter *filter)
{
  for (int i = 0; i < 2 && filter->tag != NULL; i++)
    sqlite3_bind_text (stmt, index++, filter->tag, -1, SQLITE_TRANSIENT);
  for (int i = 0; i < 2 && filter->mood != NULL; i++)
    sqlite3_bind_text (stmt, index++, filter->mood, -1, SQLITE_TRANSIENT);
  if (filter->from != 0)
    sqlite3_bind_int64 (stmt, index++, filter->from);
  if (filter->to != 0)
    sqlite3_bind_int64 (stmt, index++, filter->to);
  for (guint i = 0; i < filter->n_exclude; i++)
    sqlite3_bind_int64 (stmt, index++, filter->exclude[i]);
  return index;
}

/* "FROM … WHERE …" for @filter; %FALSE when the text has no word to look for
 * (then nothing matches). */
static gboolean
append_from (sqlite3                *db,
             GString                *sql,
             const WtwJournalFilter *filter,
             char                  **fts_query)
{
  *fts_query = NULL;
  if (!has_text (filter))
    {
      g_string_append (sql, " FROM journal_entries e WHERE 1");
      return TRUE;
    }
  *fts_query = _wtw_vault_fts_query_for (db, filter->text);
  if (*fts_query == NULL)
    return FALSE;
  g_string_append (sql, " FROM journal_fts JOIN journal_entries e ON e.id = journal_fts.rowid"
                        " WHERE journal_fts MATCH ?");
  return TRUE;
}

/* The second half of a text search: the reader's own private entries, which
 * the index never sees, matched in memory by wtw_sealed_match(). */
#define OWN_PRIVATE_FROM \
  " FROM journal_entries e WHERE e.private_blob IS NOT NULL AND e.member_id = :own_member" \
  " AND wtw_sealed_match (e.id, e.member_id, e.private_blob, :own_text) IS NOT NULL"

/* "SELECT @columns FROM … WHERE … @tail", inside @head when given (which
 * @tail then closes). For text, two selects joined by UNION ALL: matches
 * in the index (@columns, whose first is journal_fts.rowid) and the
 * reader's own private matches (@private_columns); a @tail that orders by
 * the first column lets SQLite merge the two, each read lazily newest
 * first. */
static sqlite3_stmt *
prepare_filtered (WtwVault               *self,
                  sqlite3                *db,
                  const char             *head,
                  const char             *columns,
                  const char             *private_columns,
                  const WtwJournalFilter *filter,
                  gboolean                before,
                  const char             *tail,
                  int                    *next_index,
                  gboolean               *empty,
                  GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *fts_query = NULL;
  sqlite3_stmt *stmt;
  int index = 1;

  /* Only the list's position queries look before a row, and never for text. */
  g_return_val_if_fail (!before || !has_text (filter), NULL);

  if (head != NULL)
    g_string_append (sql, head);
  g_string_append (sql, "SELECT ");
  g_string_append (sql, columns);
  *empty = !append_from (db, sql, filter, &fts_query);
  if (*empty)
    return NULL;
  append_conditions (sql, filter, before);
  if (fts_query != NULL)
    {
      g_string_append (sql, " UNION ALL SELECT ");
      g_string_append (sql, private_columns);
      g_string_append (sql, OWN_PRIVATE_FROM);
      append_conditions (sql, filter, FALSE);
    }
  g_string_append (sql, tail);
  stmt = wtw_sql_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (fts_query != NULL)
    sqlite3_bind_text (stmt, index++, fts_query, -1, SQLITE_TRANSIENT);
  index = bind_conditions (stmt, index, filter);
  if (fts_query != NULL)
    {
      int member = sqlite3_bind_parameter_index (stmt, ":own_member");
      int text = sqlite3_bind_parameter_index (stmt, ":own_text");

      /* Named, as the private columns may ask for the text too; the
       * conditions' own parameters come after both. */
      sqlite3_bind_int64 (stmt, member, wtw_vault_get_member_id (self));
      sqlite3_bind_text (stmt, text, filter->text, -1, SQLITE_TRANSIENT);
      index = bind_conditions (stmt, MAX (member, text) + 1, filter);
    }
  *next_index = index;
  return stmt;
}

static WtwJournalRow *
row_from_stmt (WtwVault     *self,
               sqlite3_stmt *stmt)
{
  WtwJournalRow *row = g_new0 (WtwJournalRow, 1);
  WtwJournalEntry *entry = wtw_journal_entry_new ();

  row->entry = entry;
  entry->id = sqlite3_column_int64 (stmt, COL_ID);
  entry->member_id = sqlite3_column_int64 (stmt, COL_MEMBER);
  entry->created = sqlite3_column_int64 (stmt, COL_CREATED);
  entry->updated = sqlite3_column_int64 (stmt, COL_UPDATED);
  entry->is_private = sqlite3_column_int (stmt, COL_PRIVATE);
  entry->sealed = entry->is_private && entry->member_id != wtw_vault_get_member_id (self);
  /* From the index, or for an own private entry from wtw_sealed_match(). */
  row->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, COL_SNIPPET));
  if (!entry->is_private)
    {
      entry->title = g_strdup ((const char *) sqlite3_column_text (stmt, COL_TITLE));
      entry->mood = g_strdup ((const char *) sqlite3_column_text (stmt, COL_MOOD));
      row->first_line = first_line ((const char *) sqlite3_column_text (stmt, COL_HEAD));
      entry->chapter_id = g_strdup ((const char *) sqlite3_column_text (stmt, COL_CHAPTER));
      entry->prompt_id = g_strdup ((const char *) sqlite3_column_text (stmt, COL_PROMPT));
    }
  return row;
}

/* The writer's own private entries: their text and tags are only in the
 * sealed blob. */
static gboolean
open_own_private (WtwVault       *self,
                  sqlite3        *db,
                  WtwJournalRow  *row,
                  GError        **error)
{
  g_autoptr(WtwJournalEntry) full = NULL;

  if (!row->entry->is_private || row->entry->sealed)
    return TRUE;
  full = _wtw_vault_journal_read_sealed (self, db, row->entry->id, &row->tags, error);
  if (full == NULL)
    return FALSE;
  row->entry->title = g_steal_pointer (&full->title);
  row->entry->mood = g_steal_pointer (&full->mood);
  row->entry->chapter_id = g_steal_pointer (&full->chapter_id);
  row->entry->prompt_id = g_steal_pointer (&full->prompt_id);
  row->first_line = first_line (full->body);
  if (full->body != NULL)
    explicit_bzero (full->body, strlen (full->body));
  return TRUE;
}

static gboolean
fill_tags (sqlite3    *db,
           GPtrArray  *rows,
           guint       first,
           guint       n,
           GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT et.entry_id, t.name FROM entry_tags et"
                                         " JOIN tags t ON t.id = et.tag_id"
                                         " WHERE et.entry_id IN (?");
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(WtwSqlStmt) stmt = NULL;
  int rc;

  for (guint i = 1; i < n; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ") ORDER BY t.name COLLATE NOCASE");
  stmt = wtw_sql_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      WtwJournalRow *row = g_ptr_array_index (rows, first + i);

      sqlite3_bind_int64 (stmt, (int) i + 1, row->entry->id);
      g_hash_table_insert (by_id, &row->entry->id, g_ptr_array_new ());
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *names = g_hash_table_lookup (by_id, &id);

      if (names != NULL)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!wtw_sql_set_error (db, rc, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      WtwJournalRow *row = g_ptr_array_index (rows, first + i);
      GPtrArray *names = g_hash_table_lookup (by_id, &row->entry->id);

      /* An own private entry has its sealed tags already. */
      if (row->tags != NULL)
        continue;
      g_ptr_array_add (names, NULL);
      row->tags = (char **) g_ptr_array_free (g_ptr_array_ref (names), FALSE);
    }
  return TRUE;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_journal_row_free);
}

/**
 * wtw_vault_journal_query:
 * @self: an unlocked #WtwVault
 * @filter: (nullable): which entries; %NULL for all
 * @offset: rows to skip
 * @limit: most rows to return; 0 for all
 * @error: return location for a #GError
 *
 * The journal as a list: newest first (created, then id), or for text in the
 * order the entries were written, newest first. Bodies are not returned, only
 * their first line.
 *
 * Returns: (transfer full) (element-type WtwJournalRow): the rows, or %NULL on
 *   error
 */
GPtrArray *
wtw_vault_journal_query (WtwVault                *self,
                         const WtwJournalFilter  *filter,
                         guint                    offset,
                         guint                    limit,
                         GError                 **error)
{
  static const WtwJournalFilter all = { 0 };
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(WtwSqlStmt) stmt = NULL;
  const char *tail;
  gboolean empty = FALSE;
  sqlite3 *db;
  int index = 0;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if (filter == NULL)
    filter = &all;
  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  /* Matches in the index's own order, newest written first: FTS5 then stops
   * after the page. Ranking by relevance would score every match first,
   * which a word found in most entries makes slow. */
  tail = has_text (filter) ? " ORDER BY 1 DESC LIMIT ? OFFSET ?"
                           : " ORDER BY e.created DESC, e.id DESC LIMIT ? OFFSET ?";
  stmt = prepare_filtered (self, db, NULL,
                           has_text (filter)
                           ? "journal_fts.rowid, e.member_id, e.created, e.updated, e.title, e.mood,"
                             " e.private_blob IS NOT NULL, substr(e.body, 1, 400),"
                             " snippet(journal_fts, -1, '" WTW_JOURNAL_MATCH_START "', '"
                             WTW_JOURNAL_MATCH_END "', '…', 12), e.chapter_id, e.prompt_id"
                           : "e.id, e.member_id, e.created, e.updated, e.title, e.mood,"
                             " e.private_blob IS NOT NULL, substr(e.body, 1, 400), NULL,"
                             " e.chapter_id, e.prompt_id",
                           "e.id, e.member_id, e.created, e.updated, NULL, NULL, 1, NULL,"
                           " wtw_sealed_match (e.id, e.member_id, e.private_blob, :own_text), NULL, NULL",
                           filter, FALSE, tail, &index, &empty, error);
  if (empty)
    return g_steal_pointer (&rows);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, index, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, index + 1, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (self, stmt));
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < rows->len; i++)
    if (!open_own_private (self, db, g_ptr_array_index (rows, i), error))
      return NULL;
  for (guint i = 0; i < rows->len; i += TAGS_PER_QUERY)
    if (!fill_tags (db, rows, i, MIN (TAGS_PER_QUERY, rows->len - i), error))
      return NULL;
  return g_steal_pointer (&rows);
}

static gint64
count_filtered (WtwVault                *self,
                const WtwJournalFilter  *filter,
                gboolean                 before,
                gint64                   created,
                gint64                   id,
                GError                 **error)
{
  static const WtwJournalFilter all = { 0 };
  g_autoptr(WtwSqlStmt) stmt = NULL;
  gboolean empty = FALSE;
  sqlite3 *db;
  int index = 0;
  int rc;

  if (filter == NULL)
    filter = &all;
  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return -1;
  if (has_text (filter))
    {
      /* Counting every match of a common word costs as much as listing
       * them: stop at the bound. */
      g_autofree char *tail = filter->max_results > 0
                              ? g_strdup_printf (" LIMIT %u)", filter->max_results)
                              : g_strdup (")");

      stmt = prepare_filtered (self, db, "SELECT count(*) FROM (", "1", "1", filter, before, tail,
                               &index, &empty, error);
    }
  else
    stmt = prepare_filtered (self, db, NULL, "count(*)", NULL, filter, before, "", &index, &empty,
                             error);
  if (empty)
    return 0;
  if (stmt == NULL)
    return -1;
  if (before)
    {
      sqlite3_bind_int64 (stmt, index, created);
      sqlite3_bind_int64 (stmt, index + 1, created);
      sqlite3_bind_int64 (stmt, index + 2, id);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return wtw_sql_set_error (db, rc, error) ? 0 : -1;
}

/**
 * wtw_vault_journal_query_count:
 * @self: an unlocked #WtwVault
 * @filter: (nullable): which entries; %NULL for all
 * @error: return location for a #GError
 *
 * Returns: how many rows wtw_vault_journal_query() has for @filter (at most
 *   @filter->max_results for text, when set), or -1 on error
 */
gint64
wtw_vault_journal_query_count (WtwVault                *self,
                               const WtwJournalFilter  *filter,
                               GError                 **error)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), -1);

  return count_filtered (self, filter, FALSE, 0, 0, error);
}

/**
 * wtw_vault_journal_query_position:
 * @self: an unlocked #WtwVault
 * @filter: (nullable): which entries, without text; %NULL for all
 * @created: the entry's creation time
 * @id: the entry's id
 * @error: return location for a #GError
 *
 * Where an entry with @created and @id is (or would be) in the newest-first
 * list of @filter, whether or not it exists.
 *
 * Returns: the position, or -1 on error
 */
gint64
wtw_vault_journal_query_position (WtwVault                *self,
                                  const WtwJournalFilter  *filter,
                                  gint64                   created,
                                  gint64                   id,
                                  GError                 **error)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), -1);
  g_return_val_if_fail (filter == NULL || filter->text == NULL || *filter->text == '\0', -1);

  return count_filtered (self, filter, TRUE, created, id, error);
}

/**
 * wtw_vault_journal_list_created:
 * @self: an unlocked #WtwVault
 * @from: Unix time, inclusive
 * @to: Unix time, exclusive
 * @error: return location for a #GError
 *
 * For a calendar: when the entries of a period were written, so that the
 * caller can mark the days in its own time zone.
 *
 * Returns: (transfer full) (element-type gint64): creation times, oldest
 *   first, or %NULL on error
 */
GArray *
wtw_vault_journal_list_created (WtwVault  *self,
                                gint64     from,
                                gint64     to,
                                GError   **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT created FROM journal_entries"
                              " WHERE created >= ? AND created < ? ORDER BY created", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 created = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (times, created);
    }
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&times);
}

static gboolean
set_not_found (gint64   id,
               GError **error)
{
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
               "There is no journal entry %" G_GINT64_FORMAT ".", id);
  return FALSE;
}

/* Whether the entry exists for the current member, and whether it is private
 * (another member's private entry does not exist for them). */
static gboolean
check_entry (WtwVault  *self,
             sqlite3   *db,
             gint64     id,
             gboolean  *is_private,
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
  *is_private = sqlite3_column_int (stmt, 1);
  if (*is_private && sqlite3_column_int64 (stmt, 0) != wtw_vault_get_member_id (self))
    return set_not_found (id, error);
  return TRUE;
}

static char **
collect_names (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (!wtw_sql_set_error (sqlite3_db_handle (stmt), rc, error))
    return NULL;
  return g_strv_builder_end (names);
}

/**
 * _wtw_vault_tags_read_clear:
 * @db: a vault connection
 * @id: an entry that is not private
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): its tags from the tags tables
 */
char **
_wtw_vault_tags_read_clear (sqlite3  *db,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "SELECT t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id"
                         " WHERE et.entry_id = ? ORDER BY t.name COLLATE NOCASE", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return collect_names (stmt, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_names_with_data (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_names (a, b);
}

/* In the order of the tags table (COLLATE NOCASE). */
static void
sort_names (char **names)
{
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names_with_data, NULL);
}

/**
 * wtw_vault_journal_get_tags:
 * @self: an unlocked #WtwVault
 * @id: the entry
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the entry's tags by name (for the
 *   writer's own private entry, its sealed tags); NOT_FOUND for a missing
 *   entry or another member's private entry
 */
char **
wtw_vault_journal_get_tags (WtwVault  *self,
                            gint64     id,
                            GError   **error)
{
  g_autoptr(WtwJournalEntry) sealed = NULL;
  gboolean is_private = FALSE;
  char **tags = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL || !check_entry (self, db, id, &is_private, error))
    return NULL;
  if (!is_private)
    return _wtw_vault_tags_read_clear (db, id, error);
  sealed = _wtw_vault_journal_read_sealed (self, db, id, &tags, error);
  if (sealed == NULL)
    return NULL;
  if (sealed->body != NULL)
    explicit_bzero (sealed->body, strlen (sealed->body));
  sort_names (tags);
  return tags;
}

static gboolean
add_tag (sqlite3     *db,
         gint64       id,
         const char  *name,
         GError     **error)
{
  g_autoptr(WtwSqlStmt) insert_tag =
    wtw_sql_prepare (db, "INSERT OR IGNORE INTO tags (name) VALUES (?)", error);
  g_autoptr(WtwSqlStmt) link = NULL;

  if (insert_tag == NULL)
    return FALSE;
  sqlite3_bind_text (insert_tag, 1, name, -1, SQLITE_TRANSIENT);
  if (!wtw_sql_step_done (insert_tag, error))
    return FALSE;
  link = wtw_sql_prepare (db, "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id)"
                              " SELECT ?, id FROM tags WHERE name = ?", error);
  if (link == NULL)
    return FALSE;
  sqlite3_bind_int64 (link, 1, id);
  sqlite3_bind_text (link, 2, name, -1, SQLITE_TRANSIENT);
  return wtw_sql_step_done (link, error);
}

/**
 * _wtw_vault_tags_write_clear:
 * @db: a vault connection, inside a transaction
 * @id: an entry that is not private
 * @tags: (array zero-terminated=1) (nullable): its tags
 * @error: return location for a #GError
 *
 * Replaces an entry's tags in the tags tables.
 *
 * Returns: %TRUE on success
 */
gboolean
_wtw_vault_tags_write_clear (sqlite3             *db,
                             gint64               id,
                             const char * const  *tags,
                             GError             **error)
{
  g_autoptr(WtwSqlStmt) clear = wtw_sql_prepare (db, "DELETE FROM entry_tags WHERE entry_id = ?",
                                                 error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!wtw_sql_step_done (clear, error))
    return FALSE;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *name = g_utf8_make_valid (tags[i], -1);

      g_strstrip (name);
      if (*name != '\0' && !add_tag (db, id, name, error))
        return FALSE;
    }
  /* A tag nobody uses any more is forgotten, so autocompletion stays honest. */
  return wtw_sql_exec (db, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags);",
                       error);
}

/* Valid, trimmed, not blank, each once (without regard to case). */
static char **
clean_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *name = g_utf8_make_valid (tags[i], -1);

      g_strstrip (name);
      if (*name == '\0' || !g_hash_table_add (seen, g_utf8_casefold (name, -1)))
        continue;
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
replace_tags (WtwVault            *self,
              sqlite3             *db,
              gint64               id,
              const char * const  *tags,
              GError             **error)
{
  g_auto(GStrv) clean = NULL;
  gboolean is_private = FALSE;

  if (!check_entry (self, db, id, &is_private, error))
    return FALSE;
  if (!is_private)
    return _wtw_vault_tags_write_clear (db, id, tags, error);
  clean = clean_tags (tags);
  return _wtw_vault_journal_reseal (self, db, id, (const char * const *) clean, error);
}

/**
 * wtw_vault_journal_set_tags:
 * @self: an unlocked #WtwVault
 * @id: the entry
 * @tags: (array zero-terminated=1) (nullable): the tags by name; blank names
 *   are skipped, names compare without case
 * @error: return location for a #GError
 *
 * Replaces the entry's tags. A private entry keeps them sealed with its
 * text, never in the tags tables.
 *
 * Returns: %TRUE on success; NOT_FOUND as for wtw_vault_journal_update()
 */
gboolean
wtw_vault_journal_set_tags (WtwVault            *self,
                            gint64               id,
                            const char * const  *tags,
                            GError             **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL || !wtw_sql_begin (db, error))
    return FALSE;
  ok = replace_tags (self, db, id, tags, error);
  if (ok && wtw_sql_commit (db, error))
    return TRUE;
  wtw_sql_rollback (db);
  return FALSE;
}

/* The names sealed in the current member's private entries, each once
 * without regard to case. Finding them reads every row (no index says which
 * entries are private), so they are kept on the vault until a private entry
 * changes, the member changes or the vault locks; the names are wiped when
 * they are let go. */
#define SEALED_TAGS_KEY "wtw-sealed-tags"

typedef struct
{
  gint64   member_id;
  char   **names;
} SealedTags;

static void
sealed_tags_free (SealedTags *cache)
{
  for (guint i = 0; cache->names != NULL && cache->names[i] != NULL; i++)
    explicit_bzero (cache->names[i], strlen (cache->names[i]));
  g_strfreev (cache->names);
  g_free (cache);
}

/**
 * _wtw_vault_tags_forget_sealed:
 * @self: a #WtwVault
 *
 * Drops the remembered names of sealed tags: a private entry's tags changed.
 */
void
_wtw_vault_tags_forget_sealed (WtwVault *self)
{
  g_object_set_data (G_OBJECT (self), SEALED_TAGS_KEY, NULL);
}

static char **
read_sealed_tags (WtwVault  *self,
                  sqlite3   *db,
                  GError   **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "SELECT id, private_blob FROM journal_entries"
                         " WHERE member_id = ? AND private_blob IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, wtw_vault_get_member_id (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
      g_auto(GStrv) tags = NULL;

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->member_id = wtw_vault_get_member_id (self);
      if (!_wtw_vault_journal_open_sealed (self, entry, sqlite3_column_blob (stmt, 1),
                                           sqlite3_column_bytes (stmt, 1), FALSE, &tags, error))
        return NULL;
      for (guint i = 0; tags[i] != NULL; i++)
        if (g_hash_table_add (seen, g_ascii_strdown (tags[i], -1)))
          g_ptr_array_add (names, g_strdup (tags[i]));
    }
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
on_vault_state_changed_cb (WtwVault   *self,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  _wtw_vault_tags_forget_sealed (self);
}

static const char * const *
sealed_tags (WtwVault  *self,
             sqlite3   *db,
             GError   **error)
{
  SealedTags *cache = g_object_get_data (G_OBJECT (self), SEALED_TAGS_KEY);

  if (cache != NULL && cache->member_id == wtw_vault_get_member_id (self))
    return (const char * const *) cache->names;
  cache = g_new0 (SealedTags, 1);
  cache->member_id = wtw_vault_get_member_id (self);
  cache->names = read_sealed_tags (self, db, error);
  if (cache->names == NULL)
    {
      sealed_tags_free (cache);
      return NULL;
    }
  if (g_object_get_data (G_OBJECT (self), "wtw-sealed-tags-watched") == NULL)
    {
      g_signal_connect (self, "notify::unlocked", G_CALLBACK (on_vault_state_changed_cb), NULL);
      g_object_set_data (G_OBJECT (self), "wtw-sealed-tags-watched", GINT_TO_POINTER (1));
    }
  g_object_set_data_full (G_OBJECT (self), SEALED_TAGS_KEY, cache,
                          (GDestroyNotify) sealed_tags_free);
  return (const char * const *) cache->names;
}

/* Adds the sealed tags to @names, each name once without regard to case. */
static gboolean
add_sealed_tags (WtwVault    *self,
                 sqlite3     *db,
                 GPtrArray   *names,
                 GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *sealed = sealed_tags (self, db, error);

  if (sealed == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    g_hash_table_add (seen, g_ascii_strdown (g_ptr_array_index (names, i), -1));
  for (guint i = 0; sealed[i] != NULL; i++)
    if (g_hash_table_add (seen, g_ascii_strdown (sealed[i], -1)))
      g_ptr_array_add (names, g_strdup (sealed[i]));
  return TRUE;
}

/**
 * wtw_vault_journal_list_tags:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every tag in use, by name, in
 *   alphabetical order without case: the shared ones and those of the
 *   current member's private entries
 */
char **
wtw_vault_journal_list_tags (WtwVault  *self,
                             GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_auto(GStrv) clear = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT name FROM tags ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL || (clear = collect_names (stmt, error)) == NULL)
    return NULL;
  names = g_ptr_array_new_null_terminated (g_strv_length (clear), g_free, TRUE);
  for (guint i = 0; clear[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (clear[i]));
  if (!add_sealed_tags (self, db, names, error))
    return NULL;
  g_ptr_array_sort (names, compare_names);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
