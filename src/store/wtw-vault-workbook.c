/* wtw-vault-workbook.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-workbook"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "wtw-vault-internal.h"
#include "wtw-vault-sql.h"
#include "wtw-vault-workbook.h"

/*
 * A private reflection keeps its text only in private_blob, sealed with the
 * writer's personal key as private journal entries are; the associated data
 * names the row by its natural key, "reflection\0" ‖ chapter id ‖ "\0" ‖
 * prompt id ‖ "\0" ‖ member id (i64 little-endian), so a blob cannot be moved
 * to another prompt or member. Schema 1 has no columns for conversation
 * partners, so exercise_sessions.notes holds a JSON object; the last place
 * is a JSON object in settings under a key per member.
 */

#define REFLECTION_COLUMNS "chapter_id, prompt_id, member_id, body, private_blob, updated"
#define EXERCISE_COLUMNS "id, chapter_id, started, finished, notes"

G_DEFINE_BOXED_TYPE (WtwReflection, wtw_reflection, wtw_reflection_copy, wtw_reflection_free)
G_DEFINE_BOXED_TYPE (WtwExerciseRecord, wtw_exercise_record,
                     wtw_exercise_record_copy, wtw_exercise_record_free)

/**
 * wtw_reflection_copy:
 * @reflection: a reflection
 *
 * Returns: (transfer full): a deep copy
 */
WtwReflection *
wtw_reflection_copy (const WtwReflection *reflection)
{
  WtwReflection *copy;

  g_return_val_if_fail (reflection != NULL, NULL);

  copy = g_memdup2 (reflection, sizeof *reflection);
  copy->chapter_id = g_strdup (reflection->chapter_id);
  copy->prompt_id = g_strdup (reflection->prompt_id);
  copy->body = g_strdup (reflection->body);
  return copy;
}

/**
 * wtw_reflection_free:
 * @reflection: (nullable): a reflection
 */
void
wtw_reflection_free (WtwReflection *reflection)
{
  if (reflection == NULL)
    return;
  g_free (reflection->chapter_id);
  g_free (reflection->prompt_id);
  g_free (reflection->body);
  g_free (reflection);
}

/**
 * wtw_exercise_record_new:
 *
 * Returns: (transfer full): an empty record, ready to fill and insert
 */
WtwExerciseRecord *
wtw_exercise_record_new (void)
{
  return g_new0 (WtwExerciseRecord, 1);
}

/**
 * wtw_exercise_record_copy:
 * @record: a record
 *
 * Returns: (transfer full): a deep copy
 */
WtwExerciseRecord *
wtw_exercise_record_copy (const WtwExerciseRecord *record)
{
  WtwExerciseRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->chapter_id = g_strdup (record->chapter_id);
  copy->name_a = g_strdup (record->name_a);
  copy->name_b = g_strdup (record->name_b);
  copy->notes_a = g_strdup (record->notes_a);
  copy->notes_b = g_strdup (record->notes_b);
  return copy;
}

/**
 * wtw_exercise_record_free:
 * @record: (nullable): a record
 */
void
wtw_exercise_record_free (WtwExerciseRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->chapter_id);
  g_free (record->name_a);
  g_free (record->name_b);
  g_free (record->notes_a);
  g_free (record->notes_b);
  g_free (record);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static GByteArray *
reflection_ad (const char *chapter_id,
               const char *prompt_id,
               gint64      member_id)
{
  GByteArray *ad = g_byte_array_new ();
  gint64 member_le = GINT64_TO_LE (member_id);

  g_byte_array_append (ad, (const guint8 *) "reflection", sizeof "reflection");
  g_byte_array_append (ad, (const guint8 *) chapter_id, strlen (chapter_id) + 1);
  g_byte_array_append (ad, (const guint8 *) prompt_id, strlen (prompt_id) + 1);
  g_byte_array_append (ad, (const guint8 *) &member_le, sizeof member_le);
  return ad;
}

static gboolean
open_reflection (WtwVault       *self,
                 WtwReflection  *reflection,
                 const guint8   *blob,
                 gsize           len,
                 GError        **error)
{
  g_autoptr(GByteArray) ad = reflection_ad (reflection->chapter_id, reflection->prompt_id,
                                            reflection->member_id);
  g_autoptr(GBytes) plain = wtw_crypt_private_open (_wtw_vault_get_personal_key (self),
                                                    ad->data, ad->len, blob, len);
  gsize size;
  const char *text;

  if (plain == NULL)
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                   "A private answer in chapter “%s” is damaged and cannot be read.",
                   reflection->chapter_id);
      return FALSE;
    }
  text = g_bytes_get_data (plain, &size);
  reflection->body = g_strndup (text != NULL ? text : "", size);
  return TRUE;
}

enum { R_CHAPTER, R_PROMPT, R_MEMBER, R_BODY, R_BLOB, R_UPDATED };

static WtwReflection *
reflection_from_row (WtwVault      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(WtwReflection) reflection = g_new0 (WtwReflection, 1);

  reflection->chapter_id = column_dup (stmt, R_CHAPTER);
  reflection->prompt_id = column_dup (stmt, R_PROMPT);
  reflection->member_id = sqlite3_column_int64 (stmt, R_MEMBER);
  reflection->updated = sqlite3_column_int64 (stmt, R_UPDATED);
  reflection->is_private = sqlite3_column_type (stmt, R_BLOB) != SQLITE_NULL;
  if (!reflection->is_private)
    reflection->body = column_dup (stmt, R_BODY);
  else if (reflection->member_id != wtw_vault_get_member_id (self))
    reflection->sealed = TRUE;
  else if (!open_reflection (self, reflection, sqlite3_column_blob (stmt, R_BLOB),
                             sqlite3_column_bytes (stmt, R_BLOB), error))
    return NULL;
  return g_steal_pointer (&reflection);
}

static gboolean
delete_reflection (sqlite3     *db,
                   gint64       member_id,
                   const char  *chapter_id,
                   const char  *prompt_id,
                   GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "DELETE FROM reflections WHERE chapter_id = ? AND prompt_id = ? "
                         "AND member_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prompt_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, member_id);
  return wtw_sql_step_done (stmt, error);
}

/**
 * wtw_vault_reflection_set:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @prompt_id: the prompt
 * @body: (nullable): the current member's answer; %NULL or empty removes it
 * @is_private: seal the answer with the current member's personal key
 * @error: return location for a #GError
 *
 * Writes the current member's answer to a prompt, replacing any earlier one.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_reflection_set (WtwVault    *self,
                          const char  *chapter_id,
                          const char  *prompt_id,
                          const char  *body,
                          gboolean     is_private,
                          GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autoptr(GBytes) blob = NULL;
  gint64 member_id;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL && prompt_id != NULL, FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  member_id = wtw_vault_get_member_id (self);
  if (body == NULL || *body == '\0')
    return delete_reflection (db, member_id, chapter_id, prompt_id, error);

  stmt = wtw_sql_prepare (db, "INSERT INTO reflections (" REFLECTION_COLUMNS ") "
                              "VALUES (?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (chapter_id, prompt_id, member_id) DO UPDATE SET "
                              "body = excluded.body, private_blob = excluded.private_blob, "
                              "updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prompt_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, member_id);
  if (is_private)
    {
      g_autoptr(GByteArray) ad = reflection_ad (chapter_id, prompt_id, member_id);

      blob = wtw_crypt_private_seal (_wtw_vault_get_personal_key (self), ad->data, ad->len,
                                     (const guint8 *) body, strlen (body));
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_blob (stmt, 5, g_bytes_get_data (blob, NULL),
                         (int) g_bytes_get_size (blob), SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_text (stmt, 4, body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_null (stmt, 5);
    }
  sqlite3_bind_int64 (stmt, 6, now_seconds ());
  return wtw_sql_step_done (stmt, error);
}

/**
 * wtw_vault_reflection_get:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @prompt_id: the prompt
 * @member_id: whose answer
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the answer (sealed and without text if
 *   it is another member's private answer); NOT_FOUND if there is none
 */
WtwReflection *
wtw_vault_reflection_get (WtwVault    *self,
                          const char  *chapter_id,
                          const char  *prompt_id,
                          gint64       member_id,
                          GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);
  g_return_val_if_fail (chapter_id != NULL && prompt_id != NULL, NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " REFLECTION_COLUMNS " FROM reflections "
                              "WHERE chapter_id = ? AND prompt_id = ? AND member_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prompt_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return reflection_from_row (self, stmt, error);
  if (wtw_sql_set_error (db, rc, error))
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                 "There is no answer to this question yet.");
  return NULL;
}

/**
 * wtw_vault_reflection_list:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwReflection): every member's
 *   answers in the chapter, by prompt then member
 */
GPtrArray *
wtw_vault_reflection_list (WtwVault    *self,
                           const char  *chapter_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);
  g_return_val_if_fail (chapter_id != NULL, NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " REFLECTION_COLUMNS " FROM reflections "
                              "WHERE chapter_id = ? ORDER BY prompt_id, member_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_reflection_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WtwReflection *reflection = reflection_from_row (self, stmt, error);

      if (reflection == NULL)
        return NULL;
      g_ptr_array_add (list, reflection);
    }
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
check_part (guint    part,
            GError **error)
{
  if (part >= 1 && part <= WTW_WORKBOOK_N_PARTS)
    return TRUE;
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
               "A chapter has no part %u.", part);
  return FALSE;
}

/**
 * wtw_vault_progress_set:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @part: 1 to %WTW_WORKBOOK_N_PARTS
 * @done: whether the current member has done the part
 * @error: return location for a #GError
 *
 * Marks a part of a chapter done or not done for the current member. Marking
 * a part done again keeps the time it was first done.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_progress_set (WtwVault    *self,
                        const char  *chapter_id,
                        guint        part,
                        gboolean     done,
                        GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL || !check_part (part, error))
    return FALSE;
  if (done)
    stmt = wtw_sql_prepare (db, "INSERT OR IGNORE INTO chapter_progress (chapter_id, member_id, "
                                "part, completed) VALUES (?, ?, ?, ?)", error);
  else
    stmt = wtw_sql_prepare (db, "DELETE FROM chapter_progress WHERE chapter_id = ? "
                                "AND member_id = ? AND part = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, wtw_vault_get_member_id (self));
  sqlite3_bind_int (stmt, 3, (int) part);
  if (done)
    sqlite3_bind_int64 (stmt, 4, now_seconds ());
  return wtw_sql_step_done (stmt, error);
}

/**
 * wtw_vault_progress_get:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @member_id: whose progress
 * @error: return location for a #GError
 *
 * Returns: the parts done as bits (bit 0 is part 1), or -1 on error
 */
int
wtw_vault_progress_get (WtwVault    *self,
                        const char  *chapter_id,
                        gint64       member_id,
                        GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int mask = 0;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), -1);
  g_return_val_if_fail (chapter_id != NULL, -1);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return -1;
  stmt = wtw_sql_prepare (db, "SELECT part FROM chapter_progress WHERE chapter_id = ? "
                              "AND member_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mask |= 1 << (sqlite3_column_int (stmt, 0) - 1);
  if (!wtw_sql_set_error (db, rc, error))
    return -1;
  return mask;
}

/**
 * wtw_vault_progress_list:
 * @self: an unlocked #WtwVault
 * @member_id: whose progress
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8 guint): chapter id → parts done
 *   as bits (GUINT_TO_POINTER), for every chapter with a part done
 */
GHashTable *
wtw_vault_progress_list (WtwVault  *self,
                         gint64     member_id,
                         GError   **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT chapter_id, part FROM chapter_progress "
                              "WHERE member_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *chapter = (const char *) sqlite3_column_text (stmt, 0);
      guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (table, chapter));

      mask |= 1u << (sqlite3_column_int (stmt, 1) - 1);
      g_hash_table_insert (table, g_strdup (chapter), GUINT_TO_POINTER (mask));
    }
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&table);
}

static void
add_partner (JsonBuilder *builder,
             const char  *name,
             const char  *notes)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name != NULL ? name : "");
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, notes != NULL ? notes : "");
  json_builder_end_object (builder);
}

/* {"partners": [{"name": …, "notes": …}, {"name": …, "notes": …}]}, A first. */
static char *
notes_to_json (const WtwExerciseRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "partners");
  json_builder_begin_array (builder);
  add_partner (builder, record->name_a, record->notes_a);
  add_partner (builder, record->name_b, record->notes_b);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
partner_string (JsonArray  *partners,
                guint       index,
                const char *member)
{
  JsonObject *partner;
  const char *value;

  if (partners == NULL || index >= json_array_get_length (partners)
      || (partner = json_array_get_object_element (partners, index)) == NULL)
    return NULL;
  value = json_object_get_string_member_with_default (partner, member, "");
  return *value != '\0' ? g_strdup (value) : NULL;
}

/* Notes that are not our JSON (written by hand, say) count as Partner A's. */
static void
notes_from_json (WtwExerciseRecord *record,
                 const char        *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *partners = NULL;

  if (text == NULL)
    return;
  if (!json_parser_load_from_data (parser, text, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      record->notes_a = g_strdup (text);
      return;
    }
  if (json_object_has_member (json_node_get_object (root), "partners"))
    partners = json_object_get_array_member (json_node_get_object (root), "partners");
  record->name_a = partner_string (partners, 0, "name");
  record->notes_a = partner_string (partners, 0, "notes");
  record->name_b = partner_string (partners, 1, "name");
  record->notes_b = partner_string (partners, 1, "notes");
}

static void
bind_record (sqlite3_stmt            *stmt,
             const WtwExerciseRecord *record)
{
  g_autofree char *notes = notes_to_json (record);

  sqlite3_bind_text (stmt, 1, record->chapter_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record->started);
  if (record->finished > 0)
    sqlite3_bind_int64 (stmt, 3, record->finished);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, notes, -1, SQLITE_TRANSIENT);
}

/**
 * wtw_vault_exercise_insert:
 * @self: an unlocked #WtwVault
 * @record: the conversation; everything but id is read, id is set
 * @error: return location for a #GError
 *
 * Records a guided conversation.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_exercise_insert (WtwVault           *self,
                           WtwExerciseRecord  *record,
                           GError            **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (record != NULL && record->chapter_id != NULL, FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "INSERT INTO exercise_sessions (chapter_id, started, finished, "
                              "notes) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_record (stmt, record);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  record->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

/**
 * wtw_vault_exercise_update:
 * @self: an unlocked #WtwVault
 * @record: the conversation with its id; everything else is written
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; NOT_FOUND if there is no such conversation
 */
gboolean
wtw_vault_exercise_update (WtwVault                 *self,
                           const WtwExerciseRecord  *record,
                           GError                  **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (record != NULL && record->chapter_id != NULL, FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "UPDATE exercise_sessions SET chapter_id = ?, started = ?, "
                              "finished = ?, notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_record (stmt, record);
  sqlite3_bind_int64 (stmt, 5, record->id);
  if (!wtw_sql_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                   "There is no conversation %" G_GINT64_FORMAT ".", record->id);
      return FALSE;
    }
  return TRUE;
}

/**
 * wtw_vault_exercise_list:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwExerciseRecord): the chapter's
 *   conversations, newest first
 */
GPtrArray *
wtw_vault_exercise_list (WtwVault    *self,
                         const char  *chapter_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);
  g_return_val_if_fail (chapter_id != NULL, NULL);

  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT " EXERCISE_COLUMNS " FROM exercise_sessions "
                              "WHERE chapter_id = ? ORDER BY started DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, chapter_id, -1, SQLITE_TRANSIENT);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_exercise_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WtwExerciseRecord *record = wtw_exercise_record_new ();

      record->id = sqlite3_column_int64 (stmt, 0);
      record->chapter_id = column_dup (stmt, 1);
      record->started = sqlite3_column_int64 (stmt, 2);
      record->finished = sqlite3_column_int64 (stmt, 3);
      notes_from_json (record, (const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (list, record);
    }
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static char *
last_place_key (WtwVault *self)
{
  return g_strdup_printf ("workbook.last-place.%" G_GINT64_FORMAT,
                          wtw_vault_get_member_id (self));
}

/**
 * wtw_vault_set_last_place:
 * @self: an unlocked #WtwVault
 * @chapter_id: the chapter the current member was in
 * @part: the part on show, 1 to %WTW_WORKBOOK_N_PARTS
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_set_last_place (WtwVault    *self,
                          const char  *chapter_id,
                          guint        part,
                          GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);

  if ((db = _wtw_vault_get_db (self, error)) == NULL || !check_part (part, error))
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chapter");
  json_builder_add_string_value (builder, chapter_id);
  json_builder_set_member_name (builder, "part");
  json_builder_add_int_value (builder, part);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  value = json_generator_to_data (generator, NULL);

  stmt = wtw_sql_prepare (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;
  key = last_place_key (self);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return wtw_sql_step_done (stmt, error);
}

static void
parse_last_place (const char  *text,
                  char       **chapter_id,
                  guint       *part)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  gint64 number;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  number = json_object_get_int_member_with_default (object, "part", 0);
  if (number < 1 || number > WTW_WORKBOOK_N_PARTS
      || json_object_get_string_member_with_default (object, "chapter", NULL) == NULL)
    return;
  *chapter_id = g_strdup (json_object_get_string_member (object, "chapter"));
  *part = (guint) number;
}

/**
 * wtw_vault_get_last_place:
 * @self: an unlocked #WtwVault
 * @chapter_id: (out) (transfer full) (nullable): the chapter, or %NULL if the
 *   current member has no last place
 * @part: (out): the part, 1 to %WTW_WORKBOOK_N_PARTS, or 0
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, also when there is no last place
 */
gboolean
wtw_vault_get_last_place (WtwVault  *self,
                          char     **chapter_id,
                          guint     *part,
                          GError   **error)
{
  g_autoptr(WtwSqlStmt) stmt = NULL;
  g_autofree char *key = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL && part != NULL, FALSE);

  *chapter_id = NULL;
  *part = 0;
  if ((db = _wtw_vault_get_db (self, error)) == NULL)
    return FALSE;
  stmt = wtw_sql_prepare (db, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  key = last_place_key (self);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      parse_last_place ((const char *) sqlite3_column_text (stmt, 0), chapter_id, part);
      return TRUE;
    }
  return wtw_sql_set_error (db, rc, error);
}
