/* test-differential.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-differential"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "wtw-attack-util.h"
#include "wtw-crypt-keys.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault-sql.h"

/* The same seeded random SQL runs on plain SQLite and on a connection set
 * up exactly as the vault's (wtw_sql_open: the crypto VFS, its pragmas and
 * authorizer). Every statement must give the same rows and the same result
 * code; connections are closed and reopened along the way so that what is
 * compared went through the disk. */

typedef struct
{
  char         *dir;
  char         *plain_path;
  char         *vault_path;
  sqlite3      *plain;
  sqlite3      *vault;
  WtwCryptKeys *keys;
  GRand        *rand;
  guint32       seed;
  guint         step;
  GString      *log;       /* the last statements, printed on failure */
  guint         n_rows;
} Diff;

static const char plain_setup[] =
  "PRAGMA page_size=4096;"
  "PRAGMA temp_store=MEMORY;"
  "PRAGMA foreign_keys=ON;"
  "PRAGMA journal_mode=DELETE;"
  "PRAGMA synchronous=EXTRA;"
  "PRAGMA secure_delete=ON;"
  "PRAGMA cell_size_check=ON;";

static void
open_both (Diff     *d,
           gboolean  create)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (d->plain_path, &d->plain), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (d->plain, plain_setup, NULL, NULL, NULL), ==, SQLITE_OK);
  wtw_sql_open (d->vault_path, d->keys, 1000, create, &d->vault, &error);
  g_assert_no_error (error);
}

static void
close_both (Diff *d)
{
  g_assert_cmpint (sqlite3_close (d->plain), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (d->vault), ==, SQLITE_OK);
  d->plain = d->vault = NULL;
}

/* Every row of every result, typed, plus the final result code; blobs as
 * hex so a difference shows in the log. */
static char *
run (sqlite3    *db,
     const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  const char *tail = sql;
  int rc = SQLITE_OK;

  while (rc == SQLITE_OK && tail != NULL && *tail != '\0')
    {
      rc = sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail);
      if (rc != SQLITE_OK || stmt == NULL)
        break;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);

              g_string_append_printf (out, "%d:", type);
              if (type == SQLITE_BLOB)
                {
                  const guint8 *p = sqlite3_column_blob (stmt, c);

                  for (int i = 0; i < sqlite3_column_bytes (stmt, c); i++)
                    g_string_append_printf (out, "%02x", p[i]);
                }
              else if (type != SQLITE_NULL)
                g_string_append (out, (const char *) sqlite3_column_text (stmt, c));
              g_string_append_c (out, '|');
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  g_string_append_printf (out, "rc=%d", rc & 0xff);
  return g_string_free (out, FALSE);
}

static void
both (Diff       *d,
      const char *sql)
{
  g_autofree char *a = run (d->plain, sql);
  g_autofree char *b = run (d->vault, sql);

  d->step++;
  g_string_append_printf (d->log, "%u: %.300s\n", d->step, sql);
  if (d->log->len > 20000)
    g_string_erase (d->log, 0, d->log->len - 10000);
  if (g_strcmp0 (a, b) != 0)
    g_error ("Seed %u, step %u: plain SQLite and the vault differ on\n  %s\n"
             "plain: %.2000s\nvault: %.2000s\nlast statements:\n%s",
             d->seed, d->step, sql, a, b, d->log->str);
}

static char *
random_text (Diff *d,
             guint max)
{
  static const char *const words[] = {
    "listen", "always", "never", "sorry", "but", "feel", "we", "you", "I", "when",
    "ärger", "łódź", "日本", "l'été", "it's", "o''clock",
  };
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (d->rand, 0, max + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (words))];

      /* Single quotes are doubled in the literal below. */
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, w);
    }
  {
    g_autofree char *raw = g_string_free (s, FALSE);
    GString *lit = g_string_new ("'");

    for (const char *p = raw; *p != '\0'; p++)
      {
        if (*p == '\'')
          g_string_append_c (lit, '\'');
        g_string_append_c (lit, *p);
      }
    g_string_append_c (lit, '\'');
    return g_string_free (lit, FALSE);
  }
}

static char *
random_blob (Diff *d)
{
  /* Sometimes big enough for overflow chains several pages long. */
  guint len = g_rand_int_range (d->rand, 0, 8) == 0 ? g_rand_int_range (d->rand, 4000, 30000)
                                                    : g_rand_int_range (d->rand, 0, 300);
  GString *s = g_string_new ("x'");

  for (guint i = 0; i < len; i++)
    g_string_append_printf (s, "%02x", g_rand_int_range (d->rand, 0, 256));
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

static void
random_statement (Diff *d)
{
  guint kind = g_rand_int_range (d->rand, 0, 100);
  gint key = g_rand_int_range (d->rand, 1, 400);
  g_autofree char *sql = NULL;

  if (kind < 30)
    {
      g_autofree char *text = random_text (d, 40);
      g_autofree char *blob = random_blob (d);

      /* INSERT OR FAIL on the same keys makes constraint errors part of
       * what is compared. */
      sql = g_strdup_printf ("INSERT%s INTO t (k, txt, num, b) VALUES (%d, %s, %d / 1000.0, %s);"
                             "INSERT INTO f (rowid, body) SELECT rowid, txt FROM t WHERE k = %d"
                             " AND rowid NOT IN (SELECT rowid FROM f);",
                             g_rand_boolean (d->rand) ? " OR REPLACE" : "", key, text,
                             g_rand_int_range (d->rand, -1000000, 1000000), blob, key);
    }
  else if (kind < 42)
    {
      g_autofree char *text = random_text (d, 10);

      sql = g_strdup_printf ("UPDATE t SET txt = txt || ' ' || %s, num = num * 2 WHERE k %% %d = 0",
                             text, g_rand_int_range (d->rand, 2, 20));
    }
  else if (kind < 50)
    sql = g_strdup_printf ("DELETE FROM t WHERE k BETWEEN %d AND %d", key, key + g_rand_int_range (d->rand, 0, 30));
  else if (kind < 58)
    sql = g_strdup_printf ("INSERT INTO u (t_k, note) SELECT k, substr (txt, 1, 20) FROM t WHERE k %% %d = 1",
                           g_rand_int_range (d->rand, 3, 40));
  else if (kind < 66)
    sql = g_strdup_printf ("SELECT k, txt, num, length (b), hex (substr (b, 1, 8)) FROM t"
                           " WHERE k > %d ORDER BY num DESC, k LIMIT 50", key);
  else if (kind < 72)
    sql = g_strdup ("SELECT count(*), sum (length (b)), total (num), group_concat (k) FROM t;"
                    "SELECT t_k, count(*) FROM u GROUP BY t_k ORDER BY 2 DESC, 1 LIMIT 20");
  else if (kind < 78)
    {
      const char *words[] = { "listen", "never", "sorry", "feel", "lodz", "ete" };

      sql = g_strdup_printf ("SELECT rowid, highlight (f, 0, '[', ']') FROM f WHERE f MATCH '%s*'"
                             " ORDER BY rowid LIMIT 30",
                             words[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (words))]);
    }
  else if (kind < 84)
    sql = g_strdup_printf ("SAVEPOINT s1; DELETE FROM t WHERE k < %d; %s; "
                           "SELECT count(*) FROM t;", key,
                           g_rand_boolean (d->rand) ? "ROLLBACK TO s1; RELEASE s1" : "RELEASE s1");
  else if (kind < 90)
    sql = g_strdup_printf ("BEGIN; UPDATE t SET b = zeroblob (%d) WHERE k %% 7 = %d; "
                           "SELECT sum (length (b)) FROM t; %s;",
                           g_rand_int_range (d->rand, 0, 20000), key % 7,
                           g_rand_boolean (d->rand) ? "COMMIT" : "ROLLBACK");
  else if (kind < 93)
    sql = g_strdup (g_rand_boolean (d->rand) ? "CREATE INDEX IF NOT EXISTS t_num ON t (num)"
                                             : "DROP INDEX IF EXISTS t_num");
  else if (kind < 95)
    sql = g_strdup ("DELETE FROM u WHERE t_k NOT IN (SELECT k FROM t);"
                    "DELETE FROM f WHERE rowid NOT IN (SELECT rowid FROM t)");
  else if (kind < 97)
    sql = g_strdup ("SELECT * FROM pragma_integrity_check");
  else
    sql = g_strdup ("VACUUM");

  both (d, sql);
}

static void
test_workload (void)
{
  Diff d = { 0 };
  guint8 master[WTW_KEY_BYTES];
  guint8 file_id[WTW_FILE_ID_BYTES];
  guint n_steps = wtw_attack_scale (3000, 30000);

  d.seed = g_test_rand_int ();
  d.rand = g_rand_new_with_seed (d.seed);
  d.log = g_string_new (NULL);
  g_test_message ("seed %u (rerun with --seed to reproduce), %u statements", d.seed, n_steps);

  d.dir = wtw_attack_make_dir ("wtw-diff-XXXXXX");
  d.plain_path = g_build_filename (d.dir, "plain.db", NULL);
  d.vault_path = g_build_filename (d.dir, "vault.db", NULL);
  randombytes_buf (master, sizeof master);
  randombytes_buf (file_id, sizeof file_id);
  d.keys = wtw_crypt_keys_new (master, file_id);
  sodium_memzero (master, sizeof master);

  /* wtw_sql_open() expects the file (header area first) to exist. */
  {
    g_autofree char *zeros = g_malloc0 (WTW_HEADER_AREA);

    g_assert_true (g_file_set_contents (d.vault_path, zeros, WTW_HEADER_AREA, NULL));
  }
  open_both (&d, TRUE);
  both (&d, "CREATE TABLE t (k INTEGER PRIMARY KEY, txt TEXT, num REAL, b BLOB);"
            "CREATE TABLE u (id INTEGER PRIMARY KEY, t_k INTEGER REFERENCES t (k) ON DELETE CASCADE, note TEXT);"
            "CREATE VIRTUAL TABLE f USING fts5 (body, tokenize='unicode61 remove_diacritics 2')");

  for (guint i = 0; i < n_steps; i++)
    {
      random_statement (&d);
      /* Reopen now and then: the next statements read what the VFS wrote. */
      if (g_rand_int_range (d.rand, 0, 150) == 0)
        {
          close_both (&d);
          open_both (&d, FALSE);
        }
    }
  both (&d, "SELECT * FROM pragma_integrity_check");
  both (&d, "SELECT k, txt, num, hex (b) FROM t ORDER BY k");
  close_both (&d);

  /* The vault side really is encrypted: not a plain SQLite file. */
  {
    sqlite3 *raw = NULL;
    g_autofree char *out = NULL;

    sqlite3_open_v2 (d.vault_path, &raw, SQLITE_OPEN_READONLY, NULL);
    out = run (raw, "SELECT count(*) FROM sqlite_master");
    g_assert_false (g_str_has_suffix (out, "rc=0"));
    sqlite3_close (raw);
  }

  g_test_message ("%u statements compared", d.step);
  wtw_crypt_keys_unref (d.keys);
  wtw_attack_remove_tree (d.dir);
  g_free (d.dir);
  g_free (d.plain_path);
  g_free (d.vault_path);
  g_rand_free (d.rand);
  g_string_free (d.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault-attack/differential/random-sql", test_workload);
  return g_test_run ();
}
