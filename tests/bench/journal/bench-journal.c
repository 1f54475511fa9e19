/* bench-journal.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal with a large vault: how long the list takes to show after
 * unlocking, opening an entry, a full-text search and an autosave, and the
 * memory the list costs next to a bare window shown in the same process.
 * Needs a display (run it under xvfb-run).
 *
 *   bench-journal [ENTRIES]      (default 100000, or $WTW_BENCH_ENTRIES)
 *
 * The vault is written by a child process (this program with --generate),
 * so that what writing 100,000 entries leaves in the heap does not count
 * against the list.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "wtw-journal-editor.h"
#include "wtw-journal-model.h"
#include "wtw-journal-model-private.h"
#include "wtw-journal-view.h"
#include "wtw-secure.h"
#include "wtw-session.h"
#include "wtw-vault-private.h"
#include "wtw-vault-tags.h"

#define PASSPHRASE "benchmark passphrase, not a secret"
#define BATCH 1000
/* Private entries of the reader added for the last search measures. */
#define N_PRIVATE 1000

static const char * const words[] = {
  "we", "talked", "about", "the", "weekend", "and", "I", "felt", "heard", "tired", "after",
  "work", "she", "listened", "money", "dinner", "kids", "walk", "harbor", "quiet", "angry",
  "sorry", "again", "promise", "tomorrow", "laughed", "together", "alone", "morning", "late",
  "phone", "calm", "breath", "timer", "script", "chapter", "question", "answer", "garden",
  "coffee", "rain", "train", "mother", "holiday", "plans", "budget", "worry", "hope", "hug",
};

/* Rarer words, one in twenty: syllables put together, so that a search for
 * a few of them finds few entries, as with names and places. */
static const char * const syllables[] = {
  "ma", "ri", "on", "ta", "lu", "ke", "so", "vin", "dra", "pel", "oki", "bar", "ne", "sil",
};

static gboolean frame_painted;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread, in ms: the machine may be busy with other
 * work, which shows in wall time only. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

static char *
make_body (GRand *rand,
           guint  n_words)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (body, i > 0 ? (i % 14 == 0 ? ".\n" : " ") : "");
      if (g_rand_int_range (rand, 0, 20) > 0)
        g_string_append (body, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      else
        for (guint s = 0; s < 3; s++)
          g_string_append (body, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
    }
  g_string_append_c (body, '.');
  return g_string_free (body, FALSE);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *key = wtw_session_create_finish (WTW_SESSION (object), result, &error);

  if (key == NULL)
    g_error ("Could not create the vault: %s", error->message);
  wtw_secure_free (key);
  *(gboolean *) user_data = TRUE;
}

/* The child: a vault of @n entries, one an hour back from now, with bodies
 * of 40 to 240 words drawn from a small vocabulary (fixed seed). */
static int
generate (const char *path,
          guint       n)
{
  static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwSession) session = wtw_session_new (file);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 member;
  gboolean done = FALSE;
  WtwVault *vault;

  wtw_session_set_kdf_params (session, &floor_params);
  wtw_session_create_async (session, "Bench", PASSPHRASE, NULL, created_cb, &done);
  iterate_until (is_true, &done);
  vault = wtw_session_get_vault (session);
  member = wtw_vault_get_member_id (vault);

  if (!_wtw_vault_exec (vault, "BEGIN;", &error))
    g_error ("%s", error->message);
  for (guint first = 0; first < n; first += BATCH)
    {
      g_autoptr(GString) sql = g_string_new ("INSERT INTO journal_entries (member_id, created, "
                                             "updated, title, body, mood) VALUES ");

      for (guint i = first; i < MIN (n, first + BATCH); i++)
        {
          g_autofree char *body = make_body (rand, g_rand_int_range (rand, 40, 240));
          g_autofree char *title = i % 3 == 0 ? NULL : make_body (rand, 4);

          g_string_append_printf (sql, "%s(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %"
                                  G_GINT64_FORMAT ", %s%s%s, '%s', '%s')",
                                  i > first ? ", " : "", member, now - (gint64) i * 3600,
                                  now - (gint64) i * 3600, title ? "'" : "",
                                  title ? title : "NULL", title ? "'" : "", body,
                                  wtw_journal_editor_get_moods ()[i % 8]);
        }
      if (!_wtw_vault_exec (vault, sql->str, &error))
        g_error ("%s", error->message);
    }
  if (!_wtw_vault_exec (vault, "COMMIT;", &error))
    g_error ("%s", error->message);
  wtw_session_lock (session);
  return 0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  frame_painted = TRUE;
}

/* Shows @window and returns the milliseconds from @start to its first
 * painted frame. */
static double
present_and_wait (GtkWidget *window,
                  gint64     start)
{
  GdkFrameClock *clock;
  gulong handler;
  double ms;

  gtk_widget_realize (window);
  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  frame_painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (is_true, &frame_painted);
  ms = ms_since (start);
  g_signal_handler_disconnect (clock, handler);
  return ms;
}

static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  gulong handler;

  frame_painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  gtk_widget_queue_draw (window);
  iterate_until (is_true, &frame_painted);
  g_signal_handler_disconnect (clock, handler);
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!wtw_session_unlock_finish (WTW_SESSION (object), result, &error))
    g_error ("Could not unlock: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

static GtkWidget *
new_window (GtkWidget *child)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  adw_window_set_content (ADW_WINDOW (window), child);
  return window;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
verdict (const char *what,
         double      value,
         double      goal,
         const char *unit)
{
  g_print ("%-36s %9.1f %-3s (goal ≤ %.0f %s) %s\n", what, value, unit, goal, unit,
           value <= goal ? "ok" : "OVER");
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("WTW_BENCH_ENTRIES");
  guint n = argc > 1 ? atoi (argv[1]) : env != NULL ? atoi (env) : 100000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwSession) session = NULL;
  GtkWidget *bare, *window, *view;
  GObject *search_entry;
  WtwJournalModel *model;
  WtwJournalEditor *editor;
  double bare_ms, bare_rss, list_ms, list_rss, open_ms, open_again_ms, autosave_ms, search_model_ms;
  double fts[9], fts_rare[9], fts_private[5], fts_private_common[5], count_private_ms[5];
  double cpu, list_cpu, search_cpu, model_ms, search_rare_ms;
  guint fetches;
  gint64 start;
  gboolean done = FALSE;
  int status = 0;

  if (!wtw_secure_init (&error))
    g_error ("%s", error->message);
  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    return generate (argv[2], atoi (argv[3]));

  dir = g_dir_make_tmp ("wtw-bench-journal-XXXXXX", &error);
  path = g_build_filename (dir, "bench.wtw", NULL);
  self = g_file_read_link ("/proc/self/exe", NULL);
  {
    g_autofree char *count = g_strdup_printf ("%u", n);
    const char *child_argv[] = { self, "--generate", path, count, NULL };

    g_print ("Writing a vault of %u entries...\n", n);
    start = g_get_monotonic_time ();
    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("Could not write the vault: %s", error->message);
    g_print ("  written in %.1f s\n\n", ms_since (start) / 1000.0);
  }

  adw_init ();

  /* The baseline: a bare window in this same process. */
  start = g_get_monotonic_time ();
  bare = new_window (gtk_label_new ("Words That Work"));
  bare_ms = present_and_wait (bare, start);
  bare_rss = rss_mb ();

  file = g_file_new_for_path (path);
  session = wtw_session_new (file);
  wtw_session_unlock_async (session, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, unlocked_cb, &done);
  iterate_until (is_true, &done);

  /* The list: model, view, first frame, right after unlocking, in the
   * window already on screen. */
  /* The data alone: count, and the first page of rows. */
  {
    g_autoptr(WtwJournalModel) bare_model = NULL;
    g_autoptr(GObject) first = NULL;

    start = g_get_monotonic_time ();
    bare_model = wtw_journal_model_new (session);
    first = g_list_model_get_item (G_LIST_MODEL (bare_model), 0);
    model_ms = ms_since (start);
  }

  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  view = wtw_journal_view_new (session, NULL);
  window = bare;
  adw_window_set_content (ADW_WINDOW (window), view);
  wait_for_frame (window);
  list_ms = ms_since (start);
  list_cpu = cpu_ms () - cpu;
  list_rss = rss_mb ();
  model = wtw_journal_view_get_model (WTW_JOURNAL_VIEW (view));
  editor = wtw_journal_view_get_editor (WTW_JOURNAL_VIEW (view));
  fetches = _wtw_journal_model_get_n_fetches (model);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (model)) == n);

  /* Opening an entry: select the third row, until the editor is drawn. */
  start = g_get_monotonic_time ();
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (gtk_widget_get_template_child (view, WTW_TYPE_JOURNAL_VIEW, "list_view")))), 2);
  wait_for_frame (window);
  open_ms = ms_since (start);
  g_assert (wtw_journal_editor_get_body (editor) != NULL);
  start = g_get_monotonic_time ();
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (gtk_widget_get_template_child (view, WTW_TYPE_JOURNAL_VIEW, "list_view")))), 5);
  wait_for_frame (window);
  open_again_ms = ms_since (start);

  /* Full-text search in the store: a common word, and a rare pair. */
  for (guint i = 0; i < G_N_ELEMENTS (fts); i++)
    {
      WtwJournalFilter common = { .text = i % 2 ? "harbor" : "coffee", .max_results = 1000 };
      WtwJournalFilter rare = { .text = "marilu vinoki", .max_results = 1000 };
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) rare_rows = NULL;

      start = g_get_monotonic_time ();
      rows = wtw_vault_journal_query (wtw_session_get_vault (session), &common, 0,
                                      WTW_JOURNAL_MODEL_PAGE_SIZE, NULL);
      fts[i] = ms_since (start);
      start = g_get_monotonic_time ();
      rare_rows = wtw_vault_journal_query (wtw_session_get_vault (session), &rare, 0,
                                           WTW_JOURNAL_MODEL_PAGE_SIZE, NULL);
      fts_rare[i] = ms_since (start);
    }

  /* Search as the list sees it: count, first page, first frame. */
  gtk_widget_activate_action (view, "journal.search", NULL);
  wait_for_frame (window);
  search_entry = gtk_widget_get_template_child (view, WTW_TYPE_JOURNAL_VIEW, "search_entry");
  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  /* As after the entry's pause in typing. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "garden");
  g_signal_emit_by_name (search_entry, "search-changed");
  wait_for_frame (window);
  search_model_ms = ms_since (start);
  search_cpu = cpu_ms () - cpu;
  g_assert (g_str_equal (wtw_journal_model_get_search_text (model), "garden"));
  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "marilu vinoki");
  g_signal_emit_by_name (search_entry, "search-changed");
  wait_for_frame (window);
  search_rare_ms = ms_since (start);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_template_child (
    view, WTW_TYPE_JOURNAL_VIEW, "search_bar")), FALSE);

  /* An autosave: one changed body written, and the list told. */
  wtw_journal_editor_set_body (editor, "A new first line.\nAnd the rest, rewritten.");
  start = g_get_monotonic_time ();
  if (!wtw_journal_editor_save (editor, &error))
    g_error ("%s", error->message);
  autosave_ms = ms_since (start);

  /* Text search when the reader also has private entries, which are
   * matched in memory one by one: a rare word, the worst case (every one is
   * opened), against the same query before they were added. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
    WtwVault *vault = wtw_session_get_vault (session);
    WtwJournalFilter rare = { .text = "marilu vinoki", .max_results = 1000 };
    WtwJournalFilter common = { .text = "coffee", .max_results = 1000 };

    for (guint i = 0; i < N_PRIVATE; i++)
      {
        g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();

        entry->title = make_body (rand, 4);
        entry->body = make_body (rand, g_rand_int_range (rand, 40, 240));
        entry->is_private = TRUE;
        if (!wtw_vault_journal_insert (vault, entry, &error))
          g_error ("%s", error->message);
      }
    for (guint i = 0; i < G_N_ELEMENTS (fts_private); i++)
      {
        g_autoptr(GPtrArray) rows = NULL;
        g_autoptr(GPtrArray) common_rows = NULL;

        start = g_get_monotonic_time ();
        rows = wtw_vault_journal_query (vault, &rare, 0, WTW_JOURNAL_MODEL_PAGE_SIZE, NULL);
        fts_private[i] = ms_since (start);
        start = g_get_monotonic_time ();
        common_rows = wtw_vault_journal_query (vault, &common, 0, WTW_JOURNAL_MODEL_PAGE_SIZE, NULL);
        fts_private_common[i] = ms_since (start);
        start = g_get_monotonic_time ();
        if (wtw_vault_journal_query_count (vault, &rare, NULL) < 0)
          g_error ("Could not count");
        count_private_ms[i] = ms_since (start);
      }
  }

  g_print ("Journal with %u entries\n", n);
  g_print ("%-36s %9.1f ms\n", "bare window, first frame", bare_ms);
  verdict ("list after unlock, first frame", list_ms, 300, "ms");
  g_print ("%-36s %9.1f ms\n", "  of which CPU time of this thread", list_cpu);
  g_print ("%-36s %9.1f ms\n", "  of which count + first page (model)", model_ms);
  g_print ("%-36s %9.1f x\n", "  list ÷ bare window's first frame", list_ms / bare_ms);
  g_print ("%-36s %9u\n", "  pages of rows read for it", fetches);
  verdict ("open an entry (to drawn)", open_ms, 100, "ms");
  verdict ("open another entry (to drawn)", open_again_ms, 100, "ms");
  verdict ("FTS query, common word (median)", median (fts, G_N_ELEMENTS (fts)), 50, "ms");
  verdict ("FTS query, two rare words (median)", median (fts_rare, G_N_ELEMENTS (fts_rare)), 50, "ms");
  verdict ("FTS query, rare, + own private (median)",
           median (fts_private, G_N_ELEMENTS (fts_private)), 50, "ms");
  g_print ("%-36s %9.1f x\n", "  ÷ the same without private entries",
           median (fts_private, G_N_ELEMENTS (fts_private))
           / median (fts_rare, G_N_ELEMENTS (fts_rare)));
  g_print ("%-36s %9.1f ms  (%u private entries, each opened)\n", "  count of the same (median)",
           median (count_private_ms, G_N_ELEMENTS (count_private_ms)), N_PRIVATE);
  verdict ("FTS query, common, + own private (median)",
           median (fts_private_common, G_N_ELEMENTS (fts_private_common)), 50, "ms");
  verdict ("search list, common word (drawn)", search_model_ms, 150, "ms");
  g_print ("%-36s %9.1f ms\n", "  of which CPU time of this thread", search_cpu);
  verdict ("search list, rare words (drawn)", search_rare_ms, 150, "ms");
  g_print ("%-36s %9.1f ms\n", "autosave of one entry", autosave_ms);
  g_print ("%-36s %9.1f MB\n", "RSS, bare window", bare_rss);
  g_print ("%-36s %9.1f MB\n", "RSS, list shown", list_rss);
  verdict ("  list − bare window", list_rss - bare_rss, 40, "MB");

  gtk_window_destroy (GTK_WINDOW (window));
  wtw_session_lock (session);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
