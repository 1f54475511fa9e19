/* test-crash.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "wtw-attack-util.h"
#include "wtw-attack-vault.h"
#include "wtw-crash-common.h"
#include "wtw-secure.h"

/* A writer is killed with SIGKILL at random moments — while unlocking
 * (and maybe playing back a hot journal), mid-commit, between commits.
 * After every kill the vault must open, check clean, hold every entry whose
 * commit returned, and hold no row that is torn or mixed. */

static const char *writer_path;
static const char passphrase[] = "crash test passphrase";

typedef struct
{
  GHashTable *committed;   /* id → last committed version */
  GHashTable *recent;      /* ids the last writer reported */
  guint       next_index;
  guint       kills;
  guint       during_unlock;
  guint       max_commits;
} Ledger;

typedef struct
{
  GString      *buffer;
  GMainLoop    *loop;
  gboolean      ready;
  gboolean      eof;
} Reader;

static void
read_more (GInputStream *stream,
           Reader       *reader);

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Reader *reader = user_data;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      reader->eof = TRUE;
      g_main_loop_quit (reader->loop);
      return;
    }
  g_string_append_len (reader->buffer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!reader->ready && strstr (reader->buffer->str, "ready\n") != NULL)
    {
      reader->ready = TRUE;
      g_main_loop_quit (reader->loop);
    }
  read_more (G_INPUT_STREAM (source), reader);
}

static void
read_more (GInputStream *stream,
           Reader       *reader)
{
  g_input_stream_read_bytes_async (stream, 65536, G_PRIORITY_DEFAULT, NULL, on_read_cb, reader);
}

typedef struct
{
  GMainLoop *loop;
  guint      id;
} Timer;

static gboolean
on_timeout_cb (gpointer user_data)
{
  Timer *timer = user_data;

  timer->id = 0;
  g_main_loop_quit (timer->loop);
  return G_SOURCE_REMOVE;
}

/* Runs until @msec have passed; reading goes on meanwhile. */
static void
run_for (GMainLoop *loop,
         guint      msec)
{
  Timer timer = { loop, 0 };

  timer.id = g_timeout_add (msec, on_timeout_cb, &timer);
  while (timer.id != 0)
    g_main_loop_run (loop);
}

static void
apply_output (Ledger     *ledger,
              const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = g_strv_length (lines);

  /* The last element follows the last newline: a line cut by the kill is
   * not a report. */
  for (guint i = 0; i + 1 < n; i++)
    {
      gint64 id;
      guint value;

      if (sscanf (lines[i], "ins %" G_GINT64_FORMAT " %u", &id, &value) == 2)
        {
          g_hash_table_add (ledger->recent, g_memdup2 (&id, sizeof id));
          g_hash_table_insert (ledger->committed, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (0));
          ledger->next_index = MAX (ledger->next_index, value + 1);
        }
      else if (sscanf (lines[i], "upd %" G_GINT64_FORMAT " %u", &id, &value) == 2)
        {
          g_hash_table_add (ledger->recent, g_memdup2 (&id, sizeof id));
          g_hash_table_insert (ledger->committed, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (value));
        }
    }
}

static void
kill_one_writer (const char *vault_path,
                 Ledger     *ledger,
                 GRand      *rand)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
  g_autofree char *first = g_strdup_printf ("%u", ledger->next_index + 100000);
  g_autofree char *line = g_strconcat (passphrase, "\n", NULL);
  Reader reader = { g_string_new (NULL), loop, FALSE, FALSE };
  gboolean early = g_rand_int_range (rand, 0, 5) == 0;

  child = g_subprocess_launcher_spawn (launcher, &error, writer_path, vault_path, seed, first, NULL);
  g_assert_no_error (error);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (child), line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, NULL);
  read_more (g_subprocess_get_stdout_pipe (child), &reader);

  if (early)
    {
      /* Somewhere inside the unlock: the KDF, the header read, the
       * playback of the journal the previous writer left hot. */
      run_for (loop, g_rand_int_range (rand, 0, 400));
      if (!reader.ready)
        ledger->during_unlock++;
    }
  else
    {
      while (!reader.ready && !reader.eof)
        g_main_loop_run (loop);
      g_assert_true (reader.ready);
      run_for (loop, g_rand_int_range (rand, 0, 60));
    }

  g_subprocess_send_signal (child, SIGKILL);
  while (!reader.eof)
    g_main_loop_run (loop);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_exited (child))
    g_error ("The writer exited by itself (status %d) instead of being killed",
             g_subprocess_get_exit_status (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  apply_output (ledger, reader.buffer->str);
  ledger->kills++;
  g_string_free (reader.buffer, TRUE);
}

/* Whether to compare an entry's whole text this time: always in a full
 * pass, and otherwise for what the last writer touched plus a sample, which
 * keeps 200 rounds of checking from growing with the square of the journal. */
static gboolean
want_body (Ledger   *ledger,
           gint64    id,
           gboolean  full,
           GRand    *rand)
{
  return full || g_hash_table_contains (ledger->recent, &id)
         || !g_hash_table_contains (ledger->committed, &id)
         || g_rand_int_range (rand, 0, 50) == 0;
}

static void
verify (const char *vault_path,
        Ledger     *ledger,
        gboolean    full,
        GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = wtw_attack_vault_open (vault_path, passphrase, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint offset = 0;

  g_assert_no_error (error);
  wtw_vault_check (vault, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GPtrArray) page = wtw_vault_journal_list (vault, offset, 200, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        {
          const WtwJournalEntry *listed = g_ptr_array_index (page, i);
          g_autoptr(WtwJournalEntry) entry = NULL;
          g_autofree char *expected = NULL;
          guint version;

          if (!want_body (ledger, listed->id, full, rand))
            {
              g_assert_true (g_str_has_prefix (listed->title, "crash "));
              version = listed->mood != NULL && listed->mood[0] == 'v'
                        ? (guint) g_ascii_strtoull (listed->mood + 1, NULL, 10) : 0;
              g_hash_table_insert (seen, g_memdup2 (&listed->id, sizeof listed->id), GUINT_TO_POINTER (version));
              continue;
            }
          entry = wtw_vault_journal_get (vault, listed->id, &error);
          g_assert_no_error (error);
          /* Whole rows only: title, version and body belong together. */
          g_assert_true (g_str_has_prefix (entry->title, "crash "));
          g_assert_true (entry->mood != NULL && entry->mood[0] == 'v');
          version = (guint) g_ascii_strtoull (entry->mood + 1, NULL, 10);
          expected = wtw_crash_body (entry->title, version);
          g_assert_cmpstr (entry->body, ==, expected);
          g_hash_table_insert (seen, g_memdup2 (&entry->id, sizeof entry->id), GUINT_TO_POINTER (version));
        }
      if (page->len < 200)
        break;
      offset += page->len;
    }

  /* Every commit that returned survived, at its version or a later one. */
  g_hash_table_iter_init (&iter, ledger->committed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer found;

      if (!g_hash_table_lookup_extended (seen, key, NULL, &found))
        g_error ("Entry %" G_GINT64_FORMAT " was committed and is gone after kill %u",
                 *(gint64 *) key, ledger->kills);
      g_assert_cmpuint (GPOINTER_TO_UINT (found), >=, GPOINTER_TO_UINT (value));
      ledger->max_commits = MAX (ledger->max_commits, g_hash_table_size (ledger->committed));
    }
  g_assert_cmpint (wtw_vault_journal_count (vault, NULL), ==, g_hash_table_size (seen));
}

static void
test_kill_writers (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "crash.wtw", NULL);
  guint n_kills = wtw_attack_scale (200, 1000);
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Ledger ledger = { 0 };

  g_test_message ("seed %u, %u kills", seed, n_kills);
  ledger.committed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ledger.recent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_object_unref (wtw_attack_vault_create (path, passphrase));

  for (guint i = 0; i < n_kills; i++)
    {
      g_hash_table_remove_all (ledger.recent);
      kill_one_writer (path, &ledger, rand);
      verify (path, &ledger, i % 25 == 24 || i + 1 == n_kills, rand);
    }

  g_test_message ("%u kills survived (%u during unlock); %u entries committed",
                  ledger.kills, ledger.during_unlock, g_hash_table_size (ledger.committed));
  g_assert_cmpuint (ledger.kills, ==, n_kills);
  /* The kills must have landed among commits, not only before them. */
  g_assert_cmpuint (g_hash_table_size (ledger.committed), >, n_kills / 2);

  g_hash_table_unref (ledger.committed);
  g_hash_table_unref (ledger.recent);
  wtw_attack_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  writer_path = argc > 1 ? argv[1] : g_getenv ("WTW_CRASH_WRITER");
  if (writer_path == NULL)
    g_error ("Pass the path of wtw-crash-writer as the first argument");

  g_test_add_func ("/wtw/vault-attack/crash/sigkill", test_kill_writers);
  return g_test_run ();
}
