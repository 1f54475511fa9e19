/* wtw-import-report-dialog.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-import.h"

G_BEGIN_DECLS

#define WTW_TYPE_IMPORT_REPORT_DIALOG (wtw_import_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WtwImportReportDialog, wtw_import_report_dialog, WTW, IMPORT_REPORT_DIALOG,
                      AdwMessageDialog)

GtkWidget  *wtw_import_report_dialog_new               (GtkWindow             *parent,
                                                        const WtwImportReport *report);
GtkListBox *wtw_import_report_dialog_get_skipped_list  (WtwImportReportDialog *self);

G_END_DECLS
