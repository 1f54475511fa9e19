/* bare-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for the start-up benchmark: an AdwApplication with one empty
 * AdwApplicationWindow, built with the same flags as the app and, like it,
 * a unique application on the session bus. It prints
 * "first-frame" once its first frame is painted, then quits.
 */

#include "config.h"

#include <adwaita.h>

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, app);
  g_print ("first-frame\n");
  g_application_quit (app);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID ".BenchBare",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
