/* wtw-vault-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/* For tests and the CLI's diagnostics only: SQL through the vault's own connection,
 * with the authorizer in place (so forbidden pragmas fail with FAILED). */
gboolean _wtw_vault_exec              (WtwVault   *self,
                                       const char *sql,
                                       GError    **error);
/* Like _wtw_vault_exec() but returns the first column of the first row as text. */
char    *_wtw_vault_query_string      (WtwVault   *self,
                                       const char *sql,
                                       GError    **error);
/* Milliseconds SQLite waits for another connection's lock before BUSY (default 5000). */
void     _wtw_vault_set_busy_timeout  (WtwVault   *self,
                                       guint       msec);

/* The FTS5 query wtw_vault_journal_search() runs for @text, or NULL. */
char    *_wtw_vault_build_fts_query   (const char *text);

G_END_DECLS
