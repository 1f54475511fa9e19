/* wtw-export-json.h
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
 * WTW_EXPORT_JSON_FORMAT:
 *
 * The value of the top-level "format" member of a JSON export.
 */
#define WTW_EXPORT_JSON_FORMAT "words-that-work-export"

/**
 * WTW_EXPORT_JSON_VERSION:
 *
 * The version of the JSON export schema described in docs/export-json.md.
 */
#define WTW_EXPORT_JSON_VERSION 2

gboolean wtw_export_json_write (WtwVault       *vault,
                                GOutputStream  *out,
                                GCancellable   *cancellable,
                                GError        **error);

G_END_DECLS
