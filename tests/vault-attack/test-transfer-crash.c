/* test-transfer-crash.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-transfer-crash"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "wtw-attack-util.h"
#include "wtw-secure.h"
#include "wtw-vault.h"

/* `wtw-vault import` and `wtw-vault export` killed with SIGKILL at random
 * moments. An import is all or nothing: after every kill the vault opens,
 * checks clean and holds either none of the file's entries or all of them.
 * An export is complete or absent: the folder never holds half an export,
 * nor a temporary file with the journal in clear text. */

static const char *cli_path;
static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

#define PASSPHRASE "crash test passphrase"

typedef struct
{
  char  *dir;
  char  *vault;
  char  *pristine;
  char  *source;
  guint  n_entries;
} Fixture;

/* Big enough that SQLite spills pages of the open transaction into the
 * file before it commits: the hot journal has to put them back. */
static char *
make_export (guint n_entries)
{
  GString *json = g_string_new ("{\"format\":\"words-that-work-export\",\"version\":2,"
                                "\"exported_by\":{\"member_id\":1,\"name\":\"Ana\"},"
                                "\"journal\":[");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n_entries; i++)
    {
      g_string_append_printf (json, "%s{\"member_id\":1,\"created\":\"2025-%02u-%02uT%02u:%02u:00Z\","
                              "\"title\":\"Entry %u\",\"tags\":[\"t%u\"],\"body\":\"",
                              i > 0 ? "," : "", 1 + i % 12, 1 + i % 28, i % 24, i % 60, i,
                              i % 17);
      for (guint w = 0; w < 300; w++)
        g_string_append_printf (json, "w%08x ", g_rand_int (rand));
      g_string_append (json, "\"}");
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  char *recovery = NULL;

  fx->dir = wtw_attack_make_dir ("wtw-transfer-crash-XXXXXX");
  fx->vault = g_build_filename (fx->dir, "journal.wtw", NULL);
  fx->pristine = g_build_filename (fx->dir, "pristine.wtw", NULL);
  fx->source = g_build_filename (fx->dir, "import.json", NULL);
  fx->n_entries = wtw_attack_scale (1500, 4000);

  file = g_file_new_for_path (fx->vault);
  vault = wtw_vault_new (file);
  wtw_vault_create (vault, "Ana", PASSPHRASE, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_vault_lock (vault);
  wtw_attack_copy_file (fx->vault, fx->pristine);

  json = make_export (fx->n_entries);
  g_assert_true (g_file_set_contents (fx->source, json, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  wtw_attack_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->vault);
  g_free (fx->pristine);
  g_free (fx->source);
}

static GSubprocess *
spawn_cli (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;
  int fds[2];

  g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  g_assert_no_errno (pipe (fds));
  g_assert_cmpint (write (fds[1], PASSPHRASE "\n", strlen (PASSPHRASE) + 1), ==,
                   (gssize) strlen (PASSPHRASE) + 1);
  close (fds[1]);
  g_subprocess_launcher_take_fd (launcher, fds[0], 3);

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--passphrase-fd");
  g_ptr_array_add (argv, (gpointer) "3");
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_waited_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *done = TRUE;
}

/* Runs the command and kills it after @delay_us (never if negative) unless
 * it ended first. Returns whether it was killed; @elapsed_us is how long
 * it ran. */
static gboolean
run_and_kill (const char * const *args,
              gint64              delay_us,
              gint64             *elapsed_us)
{
  g_autoptr(GSubprocess) proc = spawn_cli (args);
  gint64 start = g_get_monotonic_time ();
  gboolean fired = FALSE;
  gboolean done = FALSE;
  gboolean killed = FALSE;
  guint id = 0;

  g_subprocess_wait_async (proc, NULL, on_waited_cb, &done);
  if (delay_us >= 0)
    id = g_timeout_add (MAX (delay_us / 1000, 1), on_timeout_cb, &fired);
  while (!done && !fired)
    g_main_context_iteration (NULL, TRUE);
  if (!done)
    {
      g_subprocess_force_exit (proc);
      killed = TRUE;
    }
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  if (id != 0 && !fired)
    g_source_remove (id);
  if (elapsed_us != NULL)
    *elapsed_us = g_get_monotonic_time () - start;
  if (killed && g_subprocess_get_if_signaled (proc))
    return TRUE;
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return FALSE;
}

static gint64
open_and_count (Fixture *fx)
{
  g_autoptr(GFile) file = g_file_new_for_path (fx->vault);
  g_autoptr(WtwVault) vault = wtw_vault_new (file);
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_assert_true (wtw_vault_unlock (vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wtw_vault_check (vault, NULL, &error));
  g_assert_no_error (error);
  n = wtw_vault_journal_count (vault, &error);
  g_assert_no_error (error);
  wtw_vault_lock (vault);
  return n;
}

static void
test_import_killed (Fixture       *fx,
                    gconstpointer  data)
{
  const char * const args[] = { "import", fx->vault, fx->source, NULL };
  guint rounds = wtw_attack_scale (10, 40);
  g_autoptr(GRand) rand = g_rand_new ();
  guint cut = 0;
  gint64 full;

  /* Once to the end, to know how long it takes. */
  g_assert_false (run_and_kill (args, -1, &full));
  g_assert_cmpint (open_and_count (fx), ==, fx->n_entries);

  for (guint round = 0; round < rounds; round++)
    {
      gint64 n;

      g_assert_cmpint (g_unlink (fx->vault), ==, 0);
      wtw_attack_copy_file (fx->pristine, fx->vault);
      if (run_and_kill (args, g_rand_int_range (rand, 0, (gint32) MIN (full, G_MAXINT32)), NULL))
        cut++;
      n = open_and_count (fx);
      /* All or nothing, whenever it was killed. */
      g_assert_true (n == 0 || n == (gint64) fx->n_entries);
    }
  g_test_message ("%u of %u imports killed before they ended", cut, rounds);
}

static void
assert_no_clear_text_but (Fixture    *fx,
                          const char *export_name)
{
  g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, "journal.wtw") || g_str_equal (name, "pristine.wtw")
          || g_str_equal (name, "import.json") || g_str_equal (name, export_name))
        continue;
      g_error ("A file was left in the folder: %s", name);
    }
}

static void
test_export_killed (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fx->dir, "export.json", NULL);
  const char * const import_args[] = { "import", fx->vault, fx->source, NULL };
  const char * const args[] = { "export", fx->vault, "--format", "json", "-o", out, NULL };
  guint rounds = wtw_attack_scale (10, 40);
  g_autoptr(GRand) rand = g_rand_new ();
  guint cut = 0;
  gint64 full;

  g_assert_false (run_and_kill (import_args, -1, NULL));
  g_assert_false (run_and_kill (args, -1, &full));
  assert_no_clear_text_but (fx, "export.json");
  g_assert_cmpint (g_unlink (out), ==, 0);

  for (guint round = 0; round < rounds; round++)
    {
      if (run_and_kill (args, g_rand_int_range (rand, 0, (gint32) MIN (full, G_MAXINT32)), NULL))
        cut++;
      assert_no_clear_text_but (fx, "export.json");
      /* There, it is whole. */
      if (g_file_test (out, G_FILE_TEST_EXISTS))
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          JsonObject *root;

          json_parser_load_from_file (parser, out, &error);
          g_assert_no_error (error);
          root = json_node_get_object (json_parser_get_root (parser));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "journal")),
                            ==, fx->n_entries);
          g_assert_cmpint (g_unlink (out), ==, 0);
        }
    }
  g_test_message ("%u of %u exports killed before they ended", cut, rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];
  g_setenv ("WTW_VAULT_KDF_FLOOR", "1", TRUE);

  g_test_add ("/wtw/vault-attack/transfer-crash/import", Fixture, NULL,
              fixture_set_up, test_import_killed, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/transfer-crash/export", Fixture, NULL,
              fixture_set_up, test_export_killed, fixture_tear_down);
  return g_test_run ();
}
