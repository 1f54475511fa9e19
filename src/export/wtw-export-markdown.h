/* wtw-export-markdown.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault.h"

G_BEGIN_DECLS

gboolean wtw_export_markdown_write (WtwVault       *vault,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error);

G_END_DECLS
