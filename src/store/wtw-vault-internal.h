/* wtw-vault-internal.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "wtw-crypt-header.h"
#include "wtw-vault.h"

G_BEGIN_DECLS

/* Shared by the files that implement WtwVault; not for other layers. */
sqlite3       *_wtw_vault_get_db           (WtwVault  *self,
                                            GError   **error);
const guint8  *_wtw_vault_get_personal_key (WtwVault  *self);
WtwCryptKeys  *_wtw_vault_get_keys         (WtwVault  *self);
const WtwHeader *_wtw_vault_get_header     (WtwVault  *self);
guint          _wtw_vault_get_busy_timeout (WtwVault  *self);
char          *_wtw_vault_get_path         (WtwVault  *self);

G_END_DECLS
