/* wtw-attack-vault.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/* Vault helpers shared by the attack tests: floor KDF parameters, so that
 * creating and unlocking cost one fast Argon2id each. */

WtwVault *wtw_attack_vault_create  (const char  *path,
                                    const char  *passphrase);
WtwVault *wtw_attack_vault_open    (const char  *path,
                                    const char  *passphrase,
                                    GError     **error);
gint64    wtw_attack_vault_add     (WtwVault    *vault,
                                    const char  *title,
                                    const char  *body,
                                    GError     **error);
char     *wtw_attack_text          (GRand       *rand,
                                    gsize        len);
guint     wtw_attack_error_page    (const GError *error);

G_END_DECLS
