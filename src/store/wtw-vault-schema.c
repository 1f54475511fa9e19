/* wtw-vault-schema.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-schema"

#include "config.h"

#include "wtw-vault.h"
#include "wtw-vault-schema.h"
#include "wtw-vault-sql.h"

/*
 * Migrations, numbered from 1: migration N takes a database at
 * `PRAGMA user_version` N − 1 to N in one transaction. Never edit a released
 * migration; add the next one, a fixture of the previous version in
 * tests/data/ and a test that migrates it.
 */

/* 1: every table the app needs, so later issues only add migrations.
 * Private rows keep their text only in private_blob, sealed with the writer's
 * personal key; title, body and mood are then NULL, so the FTS index (fed by
 * triggers from the clear columns) never holds private text. Member ids are
 * never reused (AUTOINCREMENT): key slots name members by id. */
static const char migration_1[] =
  "CREATE TABLE members ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  created INTEGER NOT NULL);"
  "CREATE TABLE journal_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  title TEXT,"
  "  body TEXT,"
  "  mood TEXT,"
  "  private_blob BLOB,"
  "  CHECK (private_blob IS NULL OR (title IS NULL AND body IS NULL AND mood IS NULL)));"
  "CREATE INDEX journal_entries_by_created ON journal_entries (created DESC, id DESC);"
  "CREATE INDEX journal_entries_by_member ON journal_entries (member_id);"
  "CREATE VIRTUAL TABLE journal_fts USING fts5 ("
  "  title, body, content='journal_entries', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER journal_entries_ai AFTER INSERT ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER journal_entries_ad AFTER DELETE ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "END;"
  "CREATE TRIGGER journal_entries_au AFTER UPDATE ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO journal_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
  "CREATE TABLE entry_tags ("
  "  entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (entry_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX entry_tags_by_tag ON entry_tags (tag_id);"
  "CREATE TABLE reflections ("
  "  id INTEGER PRIMARY KEY,"
  "  chapter_id TEXT NOT NULL,"
  "  prompt_id TEXT NOT NULL,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  body TEXT,"
  "  private_blob BLOB,"
  "  updated INTEGER NOT NULL,"
  "  UNIQUE (chapter_id, prompt_id, member_id),"
  "  CHECK (private_blob IS NULL OR body IS NULL));"
  "CREATE TABLE exercise_sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  chapter_id TEXT NOT NULL,"
  "  started INTEGER NOT NULL,"
  "  finished INTEGER,"
  "  notes TEXT);"
  "CREATE TABLE chapter_progress ("
  "  chapter_id TEXT NOT NULL,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  part INTEGER NOT NULL CHECK (part BETWEEN 1 AND 4),"
  "  completed INTEGER NOT NULL,"
  "  PRIMARY KEY (chapter_id, member_id, part)) WITHOUT ROWID;"
  "CREATE TABLE quiz_results ("
  "  id INTEGER PRIMARY KEY,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  taken INTEGER NOT NULL,"
  "  answers_json TEXT NOT NULL,"
  "  c REAL NOT NULL, a REAL NOT NULL, r REAL NOT NULL, e REAL NOT NULL);"
  "CREATE INDEX quiz_results_by_member ON quiz_results (member_id, taken);"
  "CREATE TABLE homework ("
  "  id INTEGER PRIMARY KEY,"
  "  chapter_id TEXT,"
  "  due INTEGER,"
  "  note TEXT,"
  "  done INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value) WITHOUT ROWID;";

/* 2: the chapter and prompt an entry was started from, and homework as a
 * person meets it (a part of a chapter, who added it, when it was done, the day
 * its reminder was sent). A private entry keeps its link inside private_blob
 * and NULL here, like its title; a member's private entries (whose sealed
 * tags only they can read) are found by a partial index. Homework rows are
 * shared by the members; the note is theirs to read together. */
static const char migration_2[] =
  "ALTER TABLE journal_entries ADD COLUMN chapter_id TEXT;"
  "ALTER TABLE journal_entries ADD COLUMN prompt_id TEXT;"
  "ALTER TABLE homework ADD COLUMN part INTEGER CHECK (part IS NULL OR part BETWEEN 1 AND 4);"
  "ALTER TABLE homework ADD COLUMN member_id INTEGER REFERENCES members (id) ON DELETE SET NULL;"
  "ALTER TABLE homework ADD COLUMN created INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE homework ADD COLUMN done_at INTEGER;"
  "ALTER TABLE homework ADD COLUMN reminded_on TEXT;"
  "CREATE INDEX homework_by_due ON homework (done, due);"
  "CREATE INDEX journal_entries_private ON journal_entries (member_id)"
  "  WHERE private_blob IS NOT NULL;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == WTW_VAULT_SCHEMA_VERSION);

/**
 * wtw_vault_schema_n_migrations:
 *
 * Returns: the number of migrations, which is the current schema version
 */
guint
wtw_vault_schema_n_migrations (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
run_migration (sqlite3  *db,
               guint     version,
               GError  **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version=%u;", version);

  if (!wtw_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (!wtw_sql_exec (db, migrations[version - 1], error)
      || !wtw_sql_exec (db, bump, error)
      || !wtw_sql_exec (db, "COMMIT;", error))
    {
      wtw_sql_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * wtw_vault_schema_migrate_to:
 * @db: a connection
 * @target: the version to reach, at most wtw_vault_schema_n_migrations()
 * @error: return location for a #GError
 *
 * Runs the migrations from the database's version up to @target, each in its
 * own transaction. Tests use @target to build a database of an old version.
 *
 * Returns: %TRUE on success; UNSUPPORTED_VERSION if the database is newer
 */
gboolean
wtw_vault_schema_migrate_to (sqlite3  *db,
                             guint     target,
                             GError  **error)
{
  gint64 version = wtw_sql_query_int (db, "PRAGMA user_version;", error);

  g_return_val_if_fail (target <= G_N_ELEMENTS (migrations), FALSE);

  if (version < 0)
    return FALSE;
  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_UNSUPPORTED_VERSION,
                           "This vault was saved by a newer version of Words That Work; "
                           "update the app to open it.");
      return FALSE;
    }
  for (guint v = (guint) version + 1; v <= target; v++)
    if (!run_migration (db, v, error))
      return FALSE;
  return TRUE;
}

/**
 * wtw_vault_schema_migrate:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Brings the database to %WTW_VAULT_SCHEMA_VERSION.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_schema_migrate (sqlite3  *db,
                          GError  **error)
{
  return wtw_vault_schema_migrate_to (db, G_N_ELEMENTS (migrations), error);
}
