/* wtw-content-error.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-content-error"

#include "config.h"

#include "wtw-content-error.h"

G_DEFINE_QUARK (wtw-content-error-quark, wtw_content_error)
