/* wtw-export-report-window.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_EXPORT_REPORT_WINDOW (wtw_export_report_window_get_type ())

G_DECLARE_FINAL_TYPE (WtwExportReportWindow, wtw_export_report_window, WTW, EXPORT_REPORT_WINDOW, AdwWindow)

WtwExportReportWindow *wtw_export_report_window_new (WtwContent *content,
                                                     WtwSession *session);

/* Tests only. */
void                   _wtw_export_report_window_set_print_to_file (WtwExportReportWindow *self,
                                                                    const char            *path);

G_END_DECLS
