/* wtw-crypt-recovery.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WTW_RECOVERY_KEY_BYTES 32

char     *wtw_recovery_key_format (const guint8 *key);
gboolean  wtw_recovery_key_parse  (const char   *text,
                                   guint8       *key);

G_END_DECLS
