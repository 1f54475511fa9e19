/* bench-startup.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time from process start to first painted frame, for the app and for a
 * bare AdwApplicationWindow from the same build, measured in one run and
 * interleaved so that both see the same machine. Prints the medians and
 * their ratio. Needs a display (run it under xvfb-run).
 *
 *   bench-startup APP BARE [RUNS]
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>

static double
time_one_start (const char *binary)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 end;

  g_subprocess_launcher_setenv (launcher, "WTW_BENCH_FIRST_FRAME", "1", TRUE);

  start = g_get_monotonic_time ();
  proc = g_subprocess_launcher_spawn (launcher, &error, binary, NULL);
  if (proc == NULL)
    g_error ("Could not start %s: %s", binary, error->message);

  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);

      if (line == NULL)
        g_error ("%s exited before its first frame", binary);
      if (g_str_equal (line, "first-frame"))
        break;
    }
  end = g_get_monotonic_time ();

  g_subprocess_wait (proc, NULL, NULL);

  return (end - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = 11;
  g_autofree double *app_ms = NULL;
  g_autofree double *bare_ms = NULL;
  double app_median;
  double bare_median;

  if (argc < 3)
    {
      g_printerr ("Usage: %s APP BARE [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    runs = CLAMP (g_ascii_strtoull (argv[3], NULL, 10), 1, 1000);

  app_ms = g_new (double, runs);
  bare_ms = g_new (double, runs);

  /* One warm-up each fills the page cache for both. */
  time_one_start (argv[1]);
  time_one_start (argv[2]);

  for (guint i = 0; i < runs; i++)
    {
      bare_ms[i] = time_one_start (argv[2]);
      app_ms[i] = time_one_start (argv[1]);
    }

  app_median = median (app_ms, runs);
  bare_median = median (bare_ms, runs);

  g_print ("runs: %u each, interleaved\n", runs);
  g_print ("bare window: median %.1f ms to first frame\n", bare_median);
  g_print ("app:         median %.1f ms to first frame\n", app_median);
  g_print ("ratio app/bare: %.2f\n", app_median / bare_median);

  return 0;
}
