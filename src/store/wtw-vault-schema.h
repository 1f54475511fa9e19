/* wtw-vault-schema.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

guint    wtw_vault_schema_n_migrations (void);
gboolean wtw_vault_schema_migrate_to   (sqlite3  *db,
                                        guint     target,
                                        GError  **error);
gboolean wtw_vault_schema_migrate      (sqlite3  *db,
                                        GError  **error);

G_END_DECLS
