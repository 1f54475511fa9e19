/* wtw-export-report.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-report.h"
#include "wtw-vault.h"

G_BEGIN_DECLS

gboolean wtw_export_report_pdf        (WtwReport           *report,
                                       GFile               *dest,
                                       gboolean             overwrite,
                                       WtwVaultProgress     progress,
                                       gpointer             progress_data,
                                       guint               *n_pages,
                                       GCancellable        *cancellable,
                                       GError             **error);
void     wtw_export_report_pdf_async  (WtwReport           *report,
                                       GFile               *dest,
                                       gboolean             overwrite,
                                       WtwVaultProgress     progress,
                                       gpointer             progress_data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean wtw_export_report_pdf_finish (GAsyncResult        *result,
                                       guint               *n_pages,
                                       GError             **error);

G_END_DECLS
