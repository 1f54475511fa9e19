/* bench-sqlcipher.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-bench-sqlcipher"

#include "config.h"

#include <glib/gstdio.h>

#include "bench-workload.h"

/* The workload on SQLCipher. A program of its own: SQLCipher exports the
 * same symbols as libsqlite3, which the vault links. Run by bench-vault,
 * which reads the RESULT lines it prints. */

static sqlite3 *
open_sqlcipher (const char  *path,
                gpointer     user_data,
                GError     **error)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  g_autofree char *sql = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }

  /* The vault's page size, so both engines move the same bytes. */
  sql = g_strdup_printf ("PRAGMA key = '%s';"
                         "PRAGMA cipher_page_size = 4096;"
                         BENCH_PRAGMAS,
                         (const char *) user_data);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, message);
      sqlite3_free (message);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* SQLCipher derives its key lazily, on the first read of an existing
 * file: time opening one that has a page to read. */
static double
time_key_derivation (const char *dir,
                     const char *passphrase)
{
  g_autofree char *path = g_build_filename (dir, "kdf.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_sqlcipher (path, (gpointer) passphrase, &error);
  gint64 start;

  if (db == NULL || sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("SQLCipher: %s", error != NULL ? error->message : sqlite3_errmsg (db));
  sqlite3_close (db);

  start = g_get_monotonic_time ();
  db = open_sqlcipher (path, (gpointer) passphrase, &error);
  if (db == NULL || sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("SQLCipher: %s", error != NULL ? error->message : sqlite3_errmsg (db));
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *passphrase = NULL;
  BenchConfig config;
  BenchResult result;
  const char *kdf_info = NULL;

  if (!bench_config_parse (&config, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("wtw-bench-sqlcipher-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  passphrase = g_strdup_printf ("bench%08x", g_random_int ());

  /* SQLCipher 3.x: PBKDF2-HMAC-SHA1, 64,000 iterations by default. */
  kdf_info = sqlite3_compileoption_used ("HAS_CODEC") ? "PBKDF2-HMAC-SHA1" : "none";
  g_print ("ENGINE sqlcipher %s\n", sqlite3_libversion ());
  g_print ("KDF sqlcipher %.6f %s\n", time_key_derivation (dir, passphrase), kdf_info);

  if (!bench_run (&config, dir, open_sqlcipher, passphrase, &result, &error))
    {
      g_printerr ("SQLCipher workload failed: %s\n", error->message);
      return 1;
    }
  bench_print_result ("sqlcipher", &result);
  bench_remove_dir (dir);
  return 0;
}
