/* test-screenshot.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the main window in-process to PNG files in the build tree, light
 * and dark, wide and narrow. They are for people to look at, not compared
 * pixel by pixel; the test only proves that something real was drawn.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-application.h"
#include "wtw-test-app.h"
#include "wtw-window.h"

static WtwApplication *app;

typedef struct {
  const char *name;
  int         width;
  int         height;
  gboolean    dark;
  const char *view;
} Shot;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
settle (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!is_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);

  /* Let style transitions (dark switch) finish. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_screenshot (gconstpointer data)
{
  const Shot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  WtwWindow *window;

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = wtw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), shot->width, shot->height);
  wtw_window_set_visible_view (window, shot->view);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  g_assert_cmpint (adw_style_manager_get_dark (style), ==, shot->dark);

  texture = wtw_test_render_widget (GTK_WIDGET (window));
  g_assert_cmpint (gdk_texture_get_width (texture), >=, shot->width * 9 / 10);

  /* Text, icons and a header bar: a real window has many colors. */
  g_assert_cmpuint (wtw_test_count_colors (texture), >, 16);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  file = g_build_filename (dir, shot->name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const Shot shots[] = {
  { "window-wide-light.png", 960, 640, FALSE, "workbook" },
  { "window-wide-dark.png", 960, 640, TRUE, "journal" },
  { "window-narrow-light.png", 360, 640, FALSE, "quiz" },
  { "window-narrow-dark.png", 360, 640, TRUE, "workbook" },
};

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  wtw_test_app_create_vault (app);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_screenshot);
    }

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
