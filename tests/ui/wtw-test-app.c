/* wtw-test-app.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every widget test of the whole app needs: GTK set up as GNOME sets
 * it up, a data folder of the test's own (so the vault is a fresh one), and
 * the Argon2id floor instead of a calibration.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wtw-secure.h"
#include "wtw-session.h"
#include "wtw-test-app.h"

void
wtw_test_iterate_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

gboolean
wtw_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/**
 * wtw_test_app_new:
 *
 * Returns: a registered #WtwApplication with its own empty data folder
 */
WtwApplication *
wtw_test_app_new (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("wtw-test-XXXXXX", &error);
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  WtwApplication *app;

  g_assert_no_error (error);
  g_assert_true (wtw_secure_init (NULL));
  /* Before anything asks GLib for the data folder, which it caches. */
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  gtk_test_init (argc, argv, NULL);

  /* Xvfb has no XSETTINGS daemon: use GNOME's defaults, so sizes and
   * pictures are the ones a GNOME user sees. */
  g_object_set (gtk_settings_get_default (),
                "gtk-decoration-layout", "appmenu:close",
                "gtk-font-name", "Cantarell 11",
                /* No window manager gives the window focus, so a blinking
                 * cursor would complain that it never lost it. */
                "gtk-cursor-blink", FALSE,
                NULL);

  app = wtw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  wtw_session_set_kdf_params (wtw_application_get_session (app), &floor);

  return app;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  char *recovery_key = wtw_session_create_finish (WTW_SESSION (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (recovery_key);
  wtw_secure_free (recovery_key);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/**
 * wtw_test_app_create_vault:
 *
 * Creates the vault with %WTW_TEST_PASSPHRASE and leaves it unlocked.
 */
void
wtw_test_app_create_vault (WtwApplication *app)
{
  WtwSession *session = wtw_application_get_session (app);
  gboolean done = FALSE;

  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_NEEDS_SETUP);
  wtw_session_create_async (session, "Alex", WTW_TEST_PASSPHRASE, NULL, created_cb, &done);
  wtw_test_iterate_until (is_true, &done);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);
}

/**
 * wtw_test_render_widget:
 * @widget: a realized, allocated widget
 *
 * Renders @widget in-process, with its window's renderer.
 *
 * Returns: (transfer full): the picture
 */
GdkTexture *
wtw_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * wtw_test_count_colors:
 * @texture: a picture
 *
 * Returns: how many different colours its pixels have: a real window or
 *   chart has many, an empty or failed rendering one or two
 */
guint
wtw_test_count_colors (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize)width * height);
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *)pixels, width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    g_hash_table_add (colors, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colors);
}
