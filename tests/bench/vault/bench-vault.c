/* bench-vault.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-bench-vault"

#include "config.h"

#include <gio/gio.h>
#include <sodium.h>

#include "bench-workload.h"
#include "wtw-crypt-kdf.h"
#include "wtw-crypt-keys.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault-sql.h"

/* The journal workload on plain SQLite and on the vault (a connection set
 * up by wtw_sql_open, as the vault's own), then on SQLCipher by running the
 * separate bench-vault-sqlcipher program, with the ratios. Also times
 * Argon2id with the parameters calibration picks on this machine.
 *
 *   bench-vault [--quick | --entries N] [--single N] [--seed S]
 *
 * Not a test: run by hand (see README). */

static sqlite3 *
open_plain (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA page_size=4096;" BENCH_PRAGMAS, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static sqlite3 *
open_vault (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  WtwCryptKeys *keys = user_data;
  gboolean create = !g_file_test (path, G_FILE_TEST_EXISTS);
  sqlite3 *db = NULL;

  /* A vault file starts with its two header copies; zeros stand in for
   * them (the benchmark opens with keys directly, the header is not read). */
  if (create)
    {
      g_autofree char *zeros = g_malloc0 (WTW_HEADER_AREA);

      if (!g_file_set_contents (path, zeros, WTW_HEADER_AREA, error))
        return NULL;
    }
  if (!wtw_sql_open (path, keys, 5000, create, &db, error))
    return NULL;
  return db;
}

static void
time_argon2id (double       *seconds,
               WtwKdfParams *params)
{
  guint8 salt[16], key[WTW_KEY_BYTES];
  gint64 start;

  randombytes_buf (salt, sizeof salt);
  wtw_kdf_calibrate (params);
  start = g_get_monotonic_time ();
  if (!wtw_kdf_derive (params, salt, "a passphrase", 12, key))
    g_error ("Argon2id could not get its memory");
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  sodium_memzero (key, sizeof key);
}

static gboolean
run_sqlcipher (const char   *self_path,
               char        **argv,
               BenchResult  *result,
               double       *kdf_seconds,
               GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (self_path);
  g_autofree char *exe = g_build_filename (dir, "bench-vault-sqlcipher", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  const char *kdf;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "%s was not built (libsqlcipher-dev is not installed)", exe);
      return FALSE;
    }
  g_ptr_array_add (args, exe);
  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc) || !bench_parse_result (out, result))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "SQLCipher run failed:\n%s", out);
      return FALSE;
    }
  kdf = strstr (out, "KDF sqlcipher ");
  *kdf_seconds = kdf != NULL ? g_ascii_strtod (kdf + 14, NULL) : -1;
  return TRUE;
}

static void
print_table (const BenchResult *plain,
             const BenchResult *vault,
             const BenchResult *sqlcipher)
{
  g_print ("\n%-16s %8s %12s %12s %12s %10s %12s\n", "phase", "ops", "plain s", "vault s",
           "sqlcipher s", "vault/pl", "vault/sqlc");
  for (guint p = 0; p < BENCH_N_PHASES; p++)
    {
      g_autofree char *sc = sqlcipher != NULL ? g_strdup_printf ("%12.3f", sqlcipher->seconds[p]) : g_strdup ("           -");
      g_autofree char *ratio = sqlcipher != NULL && sqlcipher->seconds[p] > 0
                               ? g_strdup_printf ("%12.2f", vault->seconds[p] / sqlcipher->seconds[p])
                               : g_strdup ("           -");

      g_print ("%-16s %8u %12.3f %12.3f %s %10.2f %s\n", bench_phase_names[p], vault->count[p],
               plain->seconds[p], vault->seconds[p], sc,
               plain->seconds[p] > 0 ? vault->seconds[p] / plain->seconds[p] : 0.0, ratio);
    }
  g_print ("\nper operation (µs):\n");
  for (guint p = 0; p < BENCH_N_PHASES; p++)
    {
      double n = MAX (vault->count[p], 1);

      g_print ("%-16s plain %10.1f   vault %10.1f", bench_phase_names[p],
               plain->seconds[p] / n * 1e6, vault->seconds[p] / n * 1e6);
      if (sqlcipher != NULL)
        g_print ("   sqlcipher %10.1f", sqlcipher->seconds[p] / n * 1e6);
      g_print ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_auto(GStrv) original_argv = g_strdupv (argv);
  BenchConfig config;
  BenchResult plain, vault, sqlcipher;
  guint8 master[WTW_KEY_BYTES], file_id[WTW_FILE_ID_BYTES];
  WtwCryptKeys *keys;
  WtwKdfParams params;
  double kdf_seconds, sqlcipher_kdf = -1;
  gboolean have_sqlcipher;

  if (!bench_config_parse (&config, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!wtw_secure_init (&error))
    g_error ("%s", error->message);
  self = g_file_read_link ("/proc/self/exe", NULL);

  g_print ("Journal of %u entries (~1 KiB each); %u inserted one per transaction, %u in batches of %u;"
           " %u point reads, %u FTS queries, %u autosave updates. SQLite %s.\n",
           config.n_entries, config.n_single, config.n_entries, config.batch_size,
           config.n_reads, config.n_queries, config.n_updates, sqlite3_libversion ());

  time_argon2id (&kdf_seconds, &params);
  g_print ("Argon2id, calibrated: ops %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT " MiB: %.3f s\n",
           params.ops, params.mem / (1024 * 1024), kdf_seconds);

  dir = g_dir_make_tmp ("wtw-bench-plain-XXXXXX", &error);
  g_assert_no_error (error);
  if (!bench_run (&config, dir, open_plain, NULL, &plain, &error))
    g_error ("plain: %s", error->message);
  bench_remove_dir (dir);
  g_free (dir);
  g_print ("plain SQLite done (%s)\n", plain.fts);

  randombytes_buf (master, sizeof master);
  randombytes_buf (file_id, sizeof file_id);
  keys = wtw_crypt_keys_new (master, file_id);
  sodium_memzero (master, sizeof master);
  dir = g_dir_make_tmp ("wtw-bench-vault-XXXXXX", &error);
  g_assert_no_error (error);
  if (!bench_run (&config, dir, open_vault, keys, &vault, &error))
    g_error ("vault: %s", error->message);
  bench_remove_dir (dir);
  wtw_crypt_keys_unref (keys);
  g_print ("vault done (%s)\n", vault.fts);

  have_sqlcipher = self != NULL && run_sqlcipher (self, original_argv, &sqlcipher, &sqlcipher_kdf, &error);
  if (!have_sqlcipher)
    g_print ("SQLCipher: not run: %s\n", error->message);
  else
    g_print ("SQLCipher done (%s%s); its key derivation (PBKDF2): %.3f s\n", sqlcipher.fts,
             g_str_equal (sqlcipher.fts, "fts5") ? "" : ": its SQLite has no FTS5, so its FTS phases use FTS4",
             sqlcipher_kdf);

  print_table (&plain, &vault, have_sqlcipher ? &sqlcipher : NULL);
  bench_print_result ("plain", &plain);
  bench_print_result ("vault", &vault);
  if (have_sqlcipher)
    bench_print_result ("sqlcipher", &sqlcipher);
  return 0;
}
