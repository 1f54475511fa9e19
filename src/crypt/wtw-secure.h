/* wtw-secure.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  wtw_secure_init   (GError      **error);
gpointer  wtw_secure_alloc  (gsize         size);
void      wtw_secure_free   (gpointer      mem);
char     *wtw_secure_strdup (const char   *str);
gboolean  wtw_secure_sqlite_wipes_memory (void);

G_END_DECLS
