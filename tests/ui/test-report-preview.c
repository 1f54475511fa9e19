/* test-report-preview.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export for a Therapist" → Preview: the pages drawn by the PDF's own
 * renderer, named for screen readers, and gone when the vault locks.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wtw-export-report-window.h"
#include "wtw-journal-entry.h"
#include "wtw-report-renderer.h"
#include "wtw-session.h"
#include "wtw-test-app.h"
#include "wtw-vault.h"

static WtwApplication *app;
static WtwSession *session;

static GtkWindow *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), "Preview") == 0
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_preview (gpointer data)
{
  return find_preview () != NULL;
}

static gboolean
has_no_preview (gpointer data)
{
  return find_preview () == NULL;
}

/* The preview action is enabled once the choices are counted. */
static gboolean
preview_started (gpointer data)
{
  return gtk_widget_activate_action (GTK_WIDGET (data), "export.preview", NULL);
}

static void
collect_pages (GtkWidget *widget,
               GPtrArray *pages)
{
  if (GTK_IS_PICTURE (widget) && g_strcmp0 (gtk_widget_get_name (widget), "report-page") == 0)
    g_ptr_array_add (pages, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_pages (c, pages);
}

static void
add_entry (const char *title,
           const char *body)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->created = g_get_real_time () / G_USEC_PER_SEC - 3600;
  wtw_vault_journal_insert (wtw_session_get_vault (session), entry, &error);
  g_assert_no_error (error);
}

static void
test_preview (void)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  WtwExportReportWindow *window;
  GtkWindow *preview;
  GdkPaintable *paintable;
  GdkTexture *texture;
  GdkTexture *blank;

  /* Enough text for more than one page. */
  for (guint i = 0; i < 120; i++)
    g_string_append (body, "We sat at the kitchen table and took turns, one talking and one listening. ");
  add_entry ("Kitchen table", body->str);
  add_entry ("Harbour walk", "The lighthouse, and what we said on the way back.");

  window = wtw_export_report_window_new (wtw_application_get_content (app, NULL), session);
  gtk_window_present (GTK_WINDOW (window));
  wtw_test_iterate_until (preview_started, window);
  wtw_test_iterate_until (has_preview, NULL);
  preview = find_preview ();
  g_assert_true (gtk_window_get_transient_for (preview) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (preview));

  collect_pages (GTK_WIDGET (preview), pages);
  g_assert_cmpuint (pages->len, >=, 2);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("Page %u of ", i + 1);

      g_assert_true (g_str_has_prefix (gtk_picture_get_alternative_text (pages->pdata[i]), name));
    }

  /* A page is an A4 sheet in points, with words drawn on it. */
  paintable = gtk_picture_get_paintable (pages->pdata[0]);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  texture = GDK_TEXTURE (paintable);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) (WTW_REPORT_A4_WIDTH + 0.5));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) (WTW_REPORT_A4_HEIGHT + 0.5));
  g_assert_cmpuint (wtw_test_count_colors (texture), >, 8);
  {
    g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
    g_autofree char *path = g_build_filename (dir, "report-preview-page-1.png", NULL);

    g_mkdir_with_parents (dir, 0755);
    g_assert_true (gdk_texture_save_to_png (texture, path));
  }
  {
    g_autoptr(GBytes) white = NULL;
    gsize n = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
    guchar *pixels = g_malloc (n);

    memset (pixels, 0xff, n);
    white = g_bytes_new_take (pixels, n);
    blank = gdk_memory_texture_new (gdk_texture_get_width (texture), gdk_texture_get_height (texture),
                                    GDK_MEMORY_DEFAULT, white, gdk_texture_get_width (texture) * 4);
    g_assert_cmpuint (wtw_test_count_colors (blank), ==, 1);
    g_object_unref (blank);
  }

  /* Locking takes the export window and its preview away. */
  wtw_session_lock (session);
  wtw_test_iterate_until (has_no_preview, NULL);
}

static gboolean
print_started (gpointer data)
{
  return gtk_widget_activate_action (GTK_WIDGET (data), "export.print", NULL);
}

static gboolean
is_idle (gpointer data)
{
  GtkWidget *choices = GTK_WIDGET (gtk_widget_get_template_child (data, WTW_TYPE_EXPORT_REPORT_WINDOW,
                                                                  "choices_box"));

  return gtk_widget_get_sensitive (choices);
}

static gboolean
file_written (gpointer data)
{
  GStatBuf st;

  return g_stat (data, &st) == 0 && st.st_size > 0;
}

/* "Print…" goes through the same pages as the PDF: printed into a file
 * (GtkPrintOperation's export, as a print to file would), the words are
 * there, each page numbered. */
static void
test_print (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wtw-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  WtwExportReportWindow *window;
  int status = 0;

  add_entry ("Evening by the canal", "We printed this one. Marmalade sky over the water.");
  window = wtw_export_report_window_new (wtw_application_get_content (app, NULL), session);
  _wtw_export_report_window_set_print_to_file (window, path);
  gtk_window_present (GTK_WINDOW (window));
  wtw_test_iterate_until (print_started, window);
  /* The operation's end: the choices can be changed again. */
  wtw_test_iterate_until (is_idle, window);
  g_assert_true (file_written (path));

  g_assert_nonnull (tool);
  {
    const char *argv[] = { tool, "-layout", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &text, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_nonnull (strstr (text, "Evening by the canal"));
  g_assert_nonnull (strstr (text, "Marmalade sky"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  session = wtw_application_get_session (app);
  wtw_test_app_create_vault (app);

  g_test_add_func ("/wtw/report-preview/print", test_print);
  g_test_add_func ("/wtw/report-preview/pages", test_preview);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
