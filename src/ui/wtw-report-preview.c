/* wtw-report-preview.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of a report for a therapist as they will be printed or saved,
 * drawn by the same renderer as the PDF, in a window of their own. The
 * pictures live in memory only and go with the window, which goes with the
 * export window it belongs to (and so when the vault locks).
 */

#define G_LOG_DOMAIN "wtw-report-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-report-preview.h"
#include "wtw-report-renderer.h"

/* The same metrics as the PDF surface, so pages break in the same places. */
static void
match_pdf_metrics (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_surface_set_fallback_resolution (cairo_get_target (cr), 72, 72);
  cairo_font_options_destroy (options);
}

static GdkTexture *
draw_page (WtwReportRenderer *renderer,
           guint              page,
           int                width,
           int                height)
{
  /* Opaque white under the page, so the texture's alpha is always full. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  match_pdf_metrics (cr);
  wtw_report_renderer_draw_page (renderer, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  return texture;
}

static GtkWidget *
page_picture (GdkTexture *texture,
              guint       page,
              guint       n_pages)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  /* Translators: the accessible name of one page in the report's preview */
  g_autofree char *name = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_name (picture, "report-page");
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  return frame;
}

/**
 * wtw_report_preview_new:
 * @parent: the export window
 * @report: what was gathered
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Lays out @report on A4 pages and draws the first
 * %WTW_REPORT_PREVIEW_MAX_PAGES of them.
 *
 * Returns: (transfer none) (nullable): the preview window, not yet shown;
 *   %NULL with @error set if the report could not be laid out
 */
GtkWindow *
wtw_report_preview_new (GtkWindow     *parent,
                        WtwReport     *report,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(WtwReportRenderer) renderer = NULL;
  int width = (int) (WTW_REPORT_A4_WIDTH + 0.5);
  int height = (int) (WTW_REPORT_A4_HEIGHT + 0.5);
  cairo_surface_t *measure;
  cairo_t *cr;
  gboolean ok;
  GtkWidget *window, *toolbar, *header, *scrolled, *clamp, *pages;
  g_autofree char *subtitle = NULL;
  guint n_pages, shown;

  g_return_val_if_fail (report != NULL, NULL);

  renderer = wtw_report_renderer_new (report, WTW_REPORT_A4_WIDTH, WTW_REPORT_A4_HEIGHT);
  measure = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (measure);
  match_pdf_metrics (cr);
  ok = renderer != NULL
    && wtw_report_renderer_paginate (renderer, cr, NULL, NULL, cancellable, error);
  cairo_destroy (cr);
  cairo_surface_destroy (measure);
  if (!ok)
    return NULL;

  n_pages = wtw_report_renderer_get_n_pages (renderer);
  shown = MIN (n_pages, WTW_REPORT_PREVIEW_MAX_PAGES);

  pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (pages, 18);
  gtk_widget_set_margin_bottom (pages, 18);
  gtk_widget_set_margin_start (pages, 12);
  gtk_widget_set_margin_end (pages, 12);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(GdkTexture) texture = draw_page (renderer, i, width, height);

      gtk_box_append (GTK_BOX (pages), page_picture (texture, i, n_pages));
    }
  if (shown < n_pages)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL,
                                                            "The PDF has %u more page.",
                                                            "The PDF has %u more pages.",
                                                            n_pages - shown),
                                               n_pages - shown);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (pages), label);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width);
  adw_clamp_set_child (ADW_CLAMP (clamp), pages);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  header = adw_header_bar_new ();
  subtitle = g_strdup_printf (g_dngettext (NULL, "%u page", "%u pages", n_pages), n_pages);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Preview"), subtitle));
  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 720);
  adw_window_set_content (ADW_WINDOW (window), toolbar);

  /* Escape closes it, as any dialog. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }

  return GTK_WINDOW (window);
}
