/* wtw-report-renderer.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-report-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "wtw-report-renderer.h"

/**
 * WtwReportRenderer:
 *
 * Lays a #WtwReport out on pages and draws them with cairo and Pango, for
 * a PDF surface or for a printer's cairo context alike: first
 * wtw_report_renderer_paginate() with the context pages will be drawn on,
 * then wtw_report_renderer_draw_page() for each page.
 *
 * Units are points. Pango does the shaping, so right-to-left paragraphs
 * (Arabic, Hebrew) run and align from the right, and any script with an
 * installed font renders; fontconfig picks a fallback font per character.
 * A renderer belongs to the thread that made it.
 */

/* Cantarell is the GNOME face and always installed with the app; it has
 * no Arabic or Hebrew, which fontconfig then finds elsewhere. */
#define FAMILIES "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

#define MARGIN_SIDE   64.0
#define MARGIN_TOP    68.0
#define MARGIN_BOTTOM 76.0
#define FOOTER_FROM_BOTTOM 40.0

typedef struct
{
  PangoLayout *layout;
  double       space_before;
  double       space_after;
  double       gray;
  gboolean     new_page;
  gboolean     keep_with_next;
} Item;

/* A run of lines of one item on one page. */
typedef struct
{
  guint  item;
  int    first_line;
  int    n_lines;
  double y;            /* page position of the first line's top */
} Piece;

struct _WtwReportRenderer
{
  GObject       parent_instance;

  WtwReport    *report;
  double        width;
  double        height;
  PangoContext *context;
  GArray       *items;    /* Item */
  GPtrArray    *pages;    /* GArray of Piece */
};

G_DEFINE_FINAL_TYPE (WtwReportRenderer, wtw_report_renderer, G_TYPE_OBJECT)

typedef struct
{
  const char *font;
  double      before;
  double      after;
  double      gray;
  double      spacing;
} Style;

static const Style block_styles[] = {
  [WTW_REPORT_BLOCK_SECTION] = { "Bold 20",   0,  14, 0.10, 0 },
  [WTW_REPORT_BLOCK_HEADING] = { "Bold 14",   18,  4, 0.10, 0 },
  [WTW_REPORT_BLOCK_LABEL]   = { "Bold 11",   12,  5, 0.15, 1.2 },
  [WTW_REPORT_BLOCK_META]    = { "9.5",       0,   6, 0.40, 0 },
  [WTW_REPORT_BLOCK_BODY]    = { "11",        0,  10, 0.10, 1.35 },
  [WTW_REPORT_BLOCK_NOTE]    = { "Italic 10.5", 2, 10, 0.35, 1.25 },
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static void
add_item (WtwReportRenderer *self,
          const char        *text,
          const char        *font,
          double             before,
          double             after,
          double             gray,
          double             spacing)
{
  g_autofree char *desc_string = g_strdup_printf ("%s %s", FAMILIES, font);
  PangoFontDescription *desc = pango_font_description_from_string (desc_string);
  Item item = { 0 };

  item.layout = pango_layout_new (self->context);
  pango_layout_set_font_description (item.layout, desc);
  pango_layout_set_width (item.layout, pango_units_from_double (self->width - 2 * MARGIN_SIDE));
  pango_layout_set_wrap (item.layout, PANGO_WRAP_WORD_CHAR);
  if (spacing > 0)
    pango_layout_set_line_spacing (item.layout, spacing);
  /* Plain text, never markup: the person's words are shown as written. */
  pango_layout_set_text (item.layout, text, -1);
  item.space_before = before;
  item.space_after = after;
  item.gray = gray;
  g_array_append_val (self->items, item);
  pango_font_description_free (desc);
}

static void
add_title_page (WtwReportRenderer *self)
{
  WtwReport *report = self->report;
  g_autofree char *date = wtw_report_format_date (wtw_report_get_created (report));
  /* Translators: on the report's title page: who made the report, then the
   * day, as in "Prepared by Robin on 5 May 2026" */
  g_autofree char *by = g_strdup_printf (_("Prepared by %s on %s"), wtw_report_get_author (report), date);
  const char * const *contents = wtw_report_get_contents (report);

  add_item (self, _("Words That Work"), "12", 96, 10, 0.40, 0);
  add_item (self, wtw_report_get_title (report), "Bold 30", 0, 14, 0.08, 0);
  add_item (self, by, "12", 0, 40, 0.25, 0);
  /* Translators: a heading on the report's title page, over the list of its parts */
  add_item (self, _("What is in this report"), "Bold 13", 0, 8, 0.10, 0);
  for (guint i = 0; contents != NULL && contents[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("•  %s", contents[i]);

      add_item (self, line, "11", 0, 5, 0.10, 1.25);
    }
  add_item (self, wtw_report_get_privacy_note (report), "Italic 11", 40, 0, 0.20, 1.3);
}

static void
build_items (WtwReportRenderer *self)
{
  guint n = wtw_report_get_n_blocks (self->report);

  add_title_page (self);
  for (guint i = 0; i < n; i++)
    {
      WtwReportBlockKind kind;
      const char *text = wtw_report_get_block (self->report, i, &kind);
      const Style *style = &block_styles[kind];
      Item *item;

      add_item (self, text, style->font, style->before, style->after, style->gray, style->spacing);
      item = &g_array_index (self->items, Item, self->items->len - 1);
      item->new_page = kind == WTW_REPORT_BLOCK_SECTION;
      /* A heading or lead-in alone at the foot of a page reads as lost. */
      item->keep_with_next = kind != WTW_REPORT_BLOCK_BODY && kind != WTW_REPORT_BLOCK_NOTE;
    }
}

static double
first_line_height (const Item *item)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return pango_units_to_double (y1 - y0);
}

static double
layout_height (const Item *item)
{
  int height;

  pango_layout_get_size (item->layout, NULL, &height);
  return pango_units_to_double (height);
}

typedef struct
{
  GArray *page;
  double  y;
} Cursor;

static void
cursor_new_page (WtwReportRenderer *self,
                 Cursor            *cursor)
{
  cursor->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (self->pages, cursor->page);
  cursor->y = MARGIN_TOP;
}

/* Places one item line by line, so a long entry flows over pages, and
 * keeps a heading on the page of the lines it introduces. */
static void
place_item (WtwReportRenderer *self,
            Cursor            *cursor,
            guint              index)
{
  const Item *item = &g_array_index (self->items, Item, index);
  double bottom = self->height - MARGIN_BOTTOM;
  PangoLayoutIter *iter;
  Piece *piece = NULL;
  int line = 0;

  if (item->new_page && cursor->page->len > 0)
    cursor_new_page (self, cursor);
  if (cursor->page->len > 0 || index == 0)
    cursor->y += item->space_before;
  if (item->keep_with_next && index + 1 < self->items->len && cursor->page->len > 0)
    {
      const Item *next = &g_array_index (self->items, Item, index + 1);
      double need = layout_height (item) + item->space_after + next->space_before
                    + first_line_height (next);

      if (cursor->y + need > bottom)
        cursor_new_page (self, cursor);
    }

  iter = pango_layout_get_iter (item->layout);
  do
    {
      int y0, y1;
      double h;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      h = pango_units_to_double (y1 - y0);
      if (cursor->y + h > bottom && cursor->page->len > 0)
        {
          cursor_new_page (self, cursor);
          piece = NULL;
        }
      if (piece == NULL)
        {
          Piece fresh = { index, line, 0, cursor->y };

          g_array_append_val (cursor->page, fresh);
          piece = &g_array_index (cursor->page, Piece, cursor->page->len - 1);
        }
      piece->n_lines++;
      cursor->y += h;
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cursor->y += item->space_after;
}

static void
draw_piece (WtwReportRenderer *self,
            cairo_t           *cr,
            const Piece       *piece)
{
  const Item *item = &g_array_index (self->items, Item, piece->item);
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  double top = 0;
  int line = 0;

  cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      if (line < piece->first_line)
        continue;
      if (line >= piece->first_line + piece->n_lines)
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (line == piece->first_line)
        top = pango_units_to_double (y0);
      /* The logical x carries the alignment, right for a right-to-left line. */
      cairo_move_to (cr, MARGIN_SIDE + pango_units_to_double (logical.x),
                     piece->y + pango_units_to_double (pango_layout_iter_get_baseline (iter)) - top);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while ((line++, pango_layout_iter_next_line (iter)));
  pango_layout_iter_free (iter);
}

static void
draw_footer (WtwReportRenderer *self,
             cairo_t           *cr,
             guint              page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  /* Translators: the footer of each page of the report: this page's
   * number, then how many pages there are */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  PangoFontDescription *desc = pango_font_description_from_string (FAMILIES " 9");
  int width, height;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, (self->width - pango_units_to_double (width)) / 2,
                 self->height - FOOTER_FROM_BOTTOM - pango_units_to_double (height));
  pango_cairo_show_layout (cr, layout);
}

static void
clear_pages (WtwReportRenderer *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->items, 0);
  g_clear_object (&self->context);
}

static void
wtw_report_renderer_finalize (GObject *object)
{
  WtwReportRenderer *self = WTW_REPORT_RENDERER (object);

  clear_pages (self);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->items);
  g_clear_pointer (&self->report, wtw_report_unref);

  G_OBJECT_CLASS (wtw_report_renderer_parent_class)->finalize (object);
}

static void
wtw_report_renderer_class_init (WtwReportRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wtw_report_renderer_finalize;
}

static void
wtw_report_renderer_init (WtwReportRenderer *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/**
 * wtw_report_renderer_new:
 * @report: the report to lay out
 * @page_width: page width in points
 * @page_height: page height in points
 *
 * Returns: (transfer full): a new renderer
 */
WtwReportRenderer *
wtw_report_renderer_new (WtwReport *report,
                         double     page_width,
                         double     page_height)
{
  WtwReportRenderer *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE + 72 && page_height > MARGIN_TOP + MARGIN_BOTTOM + 72,
                        NULL);

  self = g_object_new (WTW_TYPE_REPORT_RENDERER, NULL);
  self->report = wtw_report_ref (report);
  self->width = page_width;
  self->height = page_height;
  return self;
}

/**
 * wtw_report_renderer_paginate:
 * @self: a #WtwReportRenderer
 * @cr: a cairo context of the kind pages will be drawn on, in points
 * @progress: (nullable) (scope call): called with the fraction laid out
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Lays the whole report out. Calling it again starts over.
 *
 * Returns: %TRUE on success, %FALSE if cancelled
 */
gboolean
wtw_report_renderer_paginate (WtwReportRenderer *self,
                              cairo_t           *cr,
                              WtwVaultProgress   progress,
                              gpointer           progress_data,
                              GCancellable      *cancellable,
                              GError           **error)
{
  cairo_font_options_t *options;
  Cursor cursor = { 0 };
  guint n;

  g_return_val_if_fail (WTW_IS_REPORT_RENDERER (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  clear_pages (self);
  self->context = pango_cairo_create_context (cr);
  /* One unit is one point, and glyph positions do not snap to a device
   * grid, so a page lays out the same on paper as in the PDF. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  build_items (self);
  cursor_new_page (self, &cursor);
  n = self->items->len;
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          clear_pages (self);
          return FALSE;
        }
      place_item (self, &cursor, i);
      /* The title page stands alone. */
      if (i + 1 < n && g_array_index (self->items, Item, i + 1).new_page == FALSE
          && i + 1 == n - wtw_report_get_n_blocks (self->report))
        cursor_new_page (self, &cursor);
      if (progress != NULL && (i % 64 == 0 || i + 1 == n))
        progress ((double) (i + 1) / n, progress_data);
    }
  return TRUE;
}

/**
 * wtw_report_renderer_get_n_pages:
 * @self: a #WtwReportRenderer
 *
 * Returns: the number of pages, once paginated
 */
guint
wtw_report_renderer_get_n_pages (WtwReportRenderer *self)
{
  g_return_val_if_fail (WTW_IS_REPORT_RENDERER (self), 0);

  return self->pages->len;
}

/**
 * wtw_report_renderer_draw_page:
 * @self: a paginated #WtwReportRenderer
 * @cr: the cairo context of the page, in points, origin at the top left
 * @page: the page, from 0
 *
 * Draws one page with its footer, "Page N of M".
 */
void
wtw_report_renderer_draw_page (WtwReportRenderer *self,
                               cairo_t           *cr,
                               guint              page)
{
  GArray *pieces;

  g_return_if_fail (WTW_IS_REPORT_RENDERER (self));
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, Piece, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}
