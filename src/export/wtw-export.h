/* wtw-export.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault.h"

G_BEGIN_DECLS

/**
 * WtwExportKind:
 * @WTW_EXPORT_KIND_MARKDOWN: one Markdown document
 * @WTW_EXPORT_KIND_MARKDOWN_FOLDER: a folder with one Markdown file per entry
 * @WTW_EXPORT_KIND_JSON: one JSON document (docs/export-json.md)
 *
 * What "Export Everything" writes.
 */
typedef enum
{
  WTW_EXPORT_KIND_MARKDOWN,
  WTW_EXPORT_KIND_MARKDOWN_FOLDER,
  WTW_EXPORT_KIND_JSON,
} WtwExportKind;

gboolean wtw_export_to_file        (WtwVault            *vault,
                                    WtwExportKind        kind,
                                    GFile               *dest,
                                    GCancellable        *cancellable,
                                    GError             **error);
void     wtw_export_to_file_async  (WtwVault            *vault,
                                    WtwExportKind        kind,
                                    GFile               *dest,
                                    WtwVaultProgress     progress,
                                    gpointer             progress_data,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean wtw_export_to_file_finish (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
