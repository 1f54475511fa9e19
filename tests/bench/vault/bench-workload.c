/* bench-workload.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bench-workload.h"

#define DEFAULT_ENTRIES 100000
#define QUICK_ENTRIES 5000
#define BODY_BYTES 1024
#define N_WORDS 4096

const char *const bench_phase_names[BENCH_N_PHASES] = {
  "insert-single",
  "insert-batch",
  "point-read",
  "fts-query",
  "autosave-update",
};

/* Schema of the journal as the store lays it out: an entries table and an
 * external-content full-text index kept in step by triggers. */
static const char schema_fmt[] =
  "CREATE TABLE IF NOT EXISTS journal_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  member_id INTEGER NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  mood INTEGER);"
  "CREATE INDEX IF NOT EXISTS journal_entries_created ON journal_entries (created);"
  "CREATE VIRTUAL TABLE IF NOT EXISTS journal_fts USING %s"
  "  (title, body, content='journal_entries', content_rowid='id');"
  "CREATE TRIGGER IF NOT EXISTS journal_ai AFTER INSERT ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS journal_au AFTER UPDATE ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO journal_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;";

/* FTS4 does not know content_rowid: its external content is joined on
 * docid = rowid, which is the same thing for an INTEGER PRIMARY KEY. */
static const char schema_fts4[] =
  "CREATE TABLE IF NOT EXISTS journal_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  member_id INTEGER NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  mood INTEGER);"
  "CREATE INDEX IF NOT EXISTS journal_entries_created ON journal_entries (created);"
  "CREATE VIRTUAL TABLE IF NOT EXISTS journal_fts USING fts4"
  "  (content='journal_entries', title, body);"
  "CREATE TRIGGER IF NOT EXISTS journal_ai AFTER INSERT ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (docid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS journal_bu BEFORE UPDATE ON journal_entries BEGIN"
  "  DELETE FROM journal_fts WHERE docid = old.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS journal_au AFTER UPDATE ON journal_entries BEGIN"
  "  INSERT INTO journal_fts (docid, title, body) VALUES (new.id, new.title, new.body);"
  "END;";

typedef struct
{
  GRand  *rand;
  char  **words;
} TextGen;

static void
text_gen_init (TextGen *gen,
               guint32  seed)
{
  static const char *const syllables[] = {
    "ta", "ri", "mo", "sen", "ka", "lu", "ve", "dor", "pi", "an", "el", "ost",
    "ru", "mi", "fa", "ne", "gol", "thi", "sa", "we", "bo", "cla", "un", "ier",
  };

  gen->rand = g_rand_new_with_seed (seed);
  gen->words = g_new0 (char *, N_WORDS + 1);
  for (guint i = 0; i < N_WORDS; i++)
    {
      GString *word = g_string_new (NULL);
      guint n = g_rand_int_range (gen->rand, 2, 5);

      for (guint j = 0; j < n; j++)
        g_string_append (word, syllables[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (syllables))]);
      g_string_append_printf (word, "%u", i % 10);
      gen->words[i] = g_string_free (word, FALSE);
    }
}

static void
text_gen_clear (TextGen *gen)
{
  g_rand_free (gen->rand);
  g_strfreev (gen->words);
}

/* Words follow a rough Zipf law, as words in real journals do, so that
 * some queries hit thousands of entries and others a handful. */
static const char *
text_gen_word (TextGen *gen)
{
  double u = g_rand_double (gen->rand);
  guint i = (guint) ((N_WORDS - 1) * u * u * u);

  return gen->words[i];
}

static char *
text_gen_text (TextGen *gen,
               gsize    bytes)
{
  GString *text = g_string_sized_new (bytes + 32);

  while (text->len < bytes)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, text_gen_word (gen));
    }
  return g_string_free (text, FALSE);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: %s", sql, message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: %s", sql, sqlite3_errmsg (db));
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "step: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_fts5 (sqlite3 *db)
{
  return sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.probe USING fts5 (x);"
                           "DROP TABLE temp.probe;", NULL, NULL, NULL) == SQLITE_OK;
}

static gboolean
create_schema (sqlite3      *db,
               BenchResult  *result,
               GError      **error)
{
  g_autofree char *sql = NULL;

  if (has_fts5 (db))
    {
      g_strlcpy (result->fts, "fts5", sizeof result->fts);
      sql = g_strdup_printf (schema_fmt, "fts5");
    }
  else
    {
      g_strlcpy (result->fts, "fts4", sizeof result->fts);
      sql = g_strdup (schema_fts4);
    }
  return exec_sql (db, sql, error);
}

static gboolean
insert_entry (sqlite3       *db,
              sqlite3_stmt  *stmt,
              TextGen       *gen,
              guint          i,
              GError       **error)
{
  g_autofree char *title = text_gen_text (gen, 30);
  g_autofree char *body = text_gen_text (gen, BODY_BYTES);
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) when = g_date_time_add_hours (epoch, (int) i * 3);
  g_autofree char *created = g_date_time_format_iso8601 (when);

  /* One entry every few hours from 2020 on. */
  sqlite3_bind_int (stmt, 1, 1);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, (int) (i % 5) + 1);
  return step_done (db, stmt, error);
}

static const char insert_sql[] =
  "INSERT INTO journal_entries (member_id, created, updated, title, body, mood)"
  " VALUES (?, ?, ?, ?, ?, ?)";

static gboolean
run_insert_single (const BenchConfig  *config,
                   sqlite3            *db,
                   TextGen            *gen,
                   BenchResult        *result,
                   GError            **error)
{
  sqlite3_stmt *stmt = prepare (db, insert_sql, error);
  gint64 start;
  gboolean ok = stmt != NULL;

  start = g_get_monotonic_time ();
  for (guint i = 0; ok && i < config->n_single; i++)
    ok = insert_entry (db, stmt, gen, i, error);
  result->seconds[BENCH_INSERT_SINGLE] = (g_get_monotonic_time () - start) / 1e6;
  result->count[BENCH_INSERT_SINGLE] = config->n_single;
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
run_insert_batch (const BenchConfig  *config,
                  sqlite3            *db,
                  TextGen            *gen,
                  BenchResult        *result,
                  GError            **error)
{
  sqlite3_stmt *stmt = prepare (db, insert_sql, error);
  gint64 start;
  gboolean ok = stmt != NULL;

  start = g_get_monotonic_time ();
  for (guint i = 0; ok && i < config->n_entries; i += config->batch_size)
    {
      guint end = MIN (i + config->batch_size, config->n_entries);

      ok = exec_sql (db, "BEGIN", error);
      for (guint j = i; ok && j < end; j++)
        ok = insert_entry (db, stmt, gen, j, error);
      ok = ok && exec_sql (db, "COMMIT", error);
    }
  result->seconds[BENCH_INSERT_BATCH] = (g_get_monotonic_time () - start) / 1e6;
  result->count[BENCH_INSERT_BATCH] = config->n_entries;
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
run_point_reads (const BenchConfig  *config,
                 sqlite3            *db,
                 TextGen            *gen,
                 BenchResult        *result,
                 GError            **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT title, body, created FROM journal_entries"
                                    " WHERE id = ?", error);
  gint64 start;
  gsize bytes = 0;

  if (stmt == NULL)
    return FALSE;

  /* A fresh connection's cache is cold, as after unlocking. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < config->n_reads; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (gen->rand, 1, (gint32) config->n_entries + 1));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "point read: %s", sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      bytes += (gsize) sqlite3_column_bytes (stmt, 1);
      sqlite3_reset (stmt);
    }
  result->seconds[BENCH_POINT_READ] = (g_get_monotonic_time () - start) / 1e6;
  result->count[BENCH_POINT_READ] = config->n_reads;
  sqlite3_finalize (stmt);
  g_assert (bytes >= config->n_reads * (gsize) BODY_BYTES);
  return TRUE;
}

static gboolean
run_fts_queries (const BenchConfig  *config,
                 sqlite3            *db,
                 TextGen            *gen,
                 BenchResult        *result,
                 GError            **error)
{
  /* What the journal's search box runs: matches, newest first, one page. */
  sqlite3_stmt *stmt = prepare (db, "SELECT id, title, created FROM journal_entries"
                                    " WHERE id IN (SELECT rowid FROM journal_fts"
                                    "              WHERE journal_fts MATCH ?)"
                                    " ORDER BY created DESC LIMIT 50", error);
  gint64 start;
  guint hits = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < config->n_queries; i++)
    {
      g_autofree char *query = NULL;

      /* Half one word, half two words (an implicit AND). */
      if (i % 2 == 0)
        query = g_strdup (text_gen_word (gen));
      else
        query = g_strdup_printf ("%s %s", text_gen_word (gen), text_gen_word (gen));
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        hits++;
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        break;
    }
  result->seconds[BENCH_FTS_QUERY] = (g_get_monotonic_time () - start) / 1e6;
  result->count[BENCH_FTS_QUERY] = config->n_queries;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || (config->n_queries > 0 && hits == 0))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "fts query: %s (%u hits)", sqlite3_errmsg (db), hits);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_updates (const BenchConfig  *config,
             sqlite3            *db,
             TextGen            *gen,
             BenchResult        *result,
             GError            **error)
{
  sqlite3_stmt *stmt = prepare (db, "UPDATE journal_entries SET body = ?, updated = ?"
                                    " WHERE id = ?", error);
  gint64 start;
  gboolean ok = stmt != NULL;

  /* An autosave: one entry's ~1 KiB body rewritten, in its own
   * transaction, with the index updated by the triggers. */
  start = g_get_monotonic_time ();
  for (guint i = 0; ok && i < config->n_updates; i++)
    {
      g_autofree char *body = text_gen_text (gen, BODY_BYTES);

      sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, "2026-11-23T09:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_rand_int_range (gen->rand, 1, (gint32) config->n_entries + 1));
      ok = step_done (db, stmt, error);
      if (ok && sqlite3_changes (db) != 1)
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                               "update changed no row");
          ok = FALSE;
        }
    }
  result->seconds[BENCH_AUTOSAVE_UPDATE] = (g_get_monotonic_time () - start) / 1e6;
  result->count[BENCH_AUTOSAVE_UPDATE] = config->n_updates;
  sqlite3_finalize (stmt);
  return ok;
}

static sqlite3 *
open_with_schema (const char     *dir,
                  const char     *name,
                  BenchOpenFunc   open_func,
                  gpointer        user_data,
                  BenchResult    *result,
                  GError        **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  sqlite3 *db = open_func (path, user_data, error);

  if (db == NULL)
    return NULL;
  if (!create_schema (db, result, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * bench_run:
 * @config: sizes
 * @dir: an empty folder for the databases
 * @open_func: opens a database of the engine under test
 * @user_data: for @open_func
 * @result: (out): the timings
 * @error: return location for a #GError
 *
 * Runs every phase on fresh databases in @dir.
 *
 * Returns: %TRUE if every phase completed
 */
gboolean
bench_run (const BenchConfig  *config,
           const char         *dir,
           BenchOpenFunc       open_func,
           gpointer            user_data,
           BenchResult        *result,
           GError            **error)
{
  TextGen gen;
  sqlite3 *db;
  gboolean ok;

  memset (result, 0, sizeof *result);
  text_gen_init (&gen, config->seed);

  db = open_with_schema (dir, "single.db", open_func, user_data, result, error);
  ok = db != NULL && run_insert_single (config, db, &gen, result, error);
  sqlite3_close (db);

  db = ok ? open_with_schema (dir, "batch.db", open_func, user_data, result, error) : NULL;
  ok = db != NULL && run_insert_batch (config, db, &gen, result, error);
  sqlite3_close (db);

  /* Reopened, so reads start from a cold page cache as after unlocking. */
  db = ok ? open_with_schema (dir, "batch.db", open_func, user_data, result, error) : NULL;
  ok = db != NULL
       && run_point_reads (config, db, &gen, result, error)
       && run_fts_queries (config, db, &gen, result, error)
       && run_updates (config, db, &gen, result, error);
  sqlite3_close (db);

  text_gen_clear (&gen);
  return ok;
}

/**
 * bench_config_init:
 * @config: (out): the configuration
 * @n_entries: size of the journal
 */
void
bench_config_init (BenchConfig *config,
                   guint        n_entries)
{
  config->n_entries = MAX (n_entries, 1);
  config->n_single = config->n_entries;
  config->batch_size = 1000;
  config->n_reads = MIN (config->n_entries, 10000);
  config->n_queries = 500;
  config->n_updates = 200;
  config->seed = 20261123;
}

/**
 * bench_config_parse:
 * @config: (out): the configuration
 * @argc: argument count, updated
 * @argv: arguments, updated
 * @error: return location for a #GError
 *
 * Reads --entries/--quick/--single/--seed, then WTW_BENCH_ENTRIES, falling
 * back to 100,000 entries.
 *
 * Returns: %TRUE if the arguments made sense
 */
gboolean
bench_config_parse (BenchConfig   *config,
                    int           *argc,
                    char        ***argv,
                    GError       **error)
{
  gint entries = -1;
  gint single = -1;
  gint queries = -1;
  gint updates = -1;
  gint64 seed = -1;
  gboolean quick = FALSE;
  const GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Entries in the journal (default 100000, or $WTW_BENCH_ENTRIES)", "N" },
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick, "Use 5000 entries", NULL },
    { "single", 's', 0, G_OPTION_ARG_INT, &single, "Entries inserted one transaction each (default: as many as --entries)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &queries, "Full-text queries (default 500)", "N" },
    { "updates", 0, 0, G_OPTION_ARG_INT, &updates, "Autosave-sized updates (default 200)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated text", "SEED" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the journal on plain SQLite, the vault and SQLCipher");
  const char *env = g_getenv ("WTW_BENCH_ENTRIES");

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (entries <= 0 && quick)
    entries = QUICK_ENTRIES;
  if (entries <= 0 && env != NULL)
    entries = (gint) g_ascii_strtoll (env, NULL, 10);
  if (entries <= 0)
    entries = DEFAULT_ENTRIES;

  bench_config_init (config, (guint) entries);
  if (single >= 0)
    config->n_single = (guint) single;
  if (queries >= 0)
    config->n_queries = (guint) queries;
  if (updates >= 0)
    config->n_updates = (guint) updates;
  if (seed >= 0)
    config->seed = (guint32) seed;
  return TRUE;
}

/**
 * bench_print_result:
 * @engine: a name for the engine
 * @result: timings
 *
 * Prints one machine-readable line per phase: RESULT engine phase count seconds.
 */
void
bench_print_result (const char        *engine,
                    const BenchResult *result)
{
  g_print ("FTS %s %s\n", engine, result->fts);
  for (guint i = 0; i < BENCH_N_PHASES; i++)
    g_print ("RESULT %s %s %u %.6f\n", engine, bench_phase_names[i],
             result->count[i], result->seconds[i]);
}

/**
 * bench_parse_result:
 * @text: the output of bench_print_result()
 * @result: (out): the timings
 *
 * Returns: %TRUE if every phase was found
 */
gboolean
bench_parse_result (const char  *text,
                    BenchResult *result)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint found = 0;

  memset (result, 0, sizeof *result);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);
      guint n = g_strv_length (f);

      if (n == 3 && g_str_equal (f[0], "FTS"))
        g_strlcpy (result->fts, f[2], sizeof result->fts);
      if (n != 5 || !g_str_equal (f[0], "RESULT"))
        continue;
      for (guint p = 0; p < BENCH_N_PHASES; p++)
        if (g_str_equal (f[2], bench_phase_names[p]))
          {
            result->count[p] = (guint) g_ascii_strtoull (f[3], NULL, 10);
            result->seconds[p] = g_ascii_strtod (f[4], NULL);
            found |= 1u << p;
          }
    }
  return found == (1u << BENCH_N_PHASES) - 1;
}

/**
 * bench_remove_dir:
 * @dir: a folder made for a run
 *
 * Deletes the files of a run (flat: the engines make no subfolders) and
 * the folder.
 */
void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
