/* wtw-report-preview.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-report.h"

G_BEGIN_DECLS

/**
 * WTW_REPORT_PREVIEW_MAX_PAGES:
 *
 * How many pages the preview draws; a longer report says how many more
 * the PDF has.
 */
#define WTW_REPORT_PREVIEW_MAX_PAGES 12

GtkWindow *wtw_report_preview_new (GtkWindow     *parent,
                                   WtwReport     *report,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
