/* wtw-report-renderer.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "wtw-report.h"
#include "wtw-vault.h"

G_BEGIN_DECLS

/**
 * WTW_REPORT_A4_WIDTH:
 *
 * Width of an A4 page in points.
 */
#define WTW_REPORT_A4_WIDTH 595.276

/**
 * WTW_REPORT_A4_HEIGHT:
 *
 * Height of an A4 page in points.
 */
#define WTW_REPORT_A4_HEIGHT 841.89

#define WTW_TYPE_REPORT_RENDERER (wtw_report_renderer_get_type ())

G_DECLARE_FINAL_TYPE (WtwReportRenderer, wtw_report_renderer, WTW, REPORT_RENDERER, GObject)

WtwReportRenderer *wtw_report_renderer_new         (WtwReport          *report,
                                                    double              page_width,
                                                    double              page_height);
gboolean           wtw_report_renderer_paginate    (WtwReportRenderer  *self,
                                                    cairo_t            *cr,
                                                    WtwVaultProgress    progress,
                                                    gpointer            progress_data,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
guint              wtw_report_renderer_get_n_pages (WtwReportRenderer  *self);
void               wtw_report_renderer_draw_page   (WtwReportRenderer  *self,
                                                    cairo_t            *cr,
                                                    guint               page);

G_END_DECLS
