/* wtw-vault-keys.h
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
gboolean      _wtw_vault_set_locked_error     (GError             **error);
gboolean      _wtw_vault_set_no_free_slot     (GError             **error);
gboolean      _wtw_vault_set_wrong_secret     (WtwSecretKind        kind,
                                               gboolean             damaged,
                                               GError             **error);
char         *_wtw_vault_prepare_secret       (const char          *secret,
                                               WtwSecretKind        kind,
                                               gsize               *len,
                                               GError             **error);
gboolean      _wtw_vault_check_params         (const WtwKdfParams  *params,
                                               GError             **error);
gboolean      _wtw_vault_check_new_passphrase (const char          *passphrase,
                                               GError             **error);
WtwKdfParams  _wtw_vault_resolve_params       (const WtwKdfParams  *params);
gboolean      _wtw_vault_read_header          (const char          *path,
                                               WtwHeader           *header,
                                               GError             **error);
int           _wtw_vault_find_slot            (const WtwHeader     *header,
                                               const char          *secret,
                                               gsize                secret_len,
                                               WtwSecretKind        kind,
                                               WtwSlotSecrets      *secrets,
                                               GCancellable        *cancellable,
                                               GError             **error);
char         *_wtw_vault_query_member_name    (sqlite3             *db,
                                               gint64               member_id,
                                               GError             **error);
gboolean      _wtw_vault_fill_slot            (WtwHeader           *header,
                                               guint                index,
                                               WtwSlotKind          kind,
                                               gint64               member_id,
                                               const WtwKdfParams  *params,
                                               const char          *secret,
                                               gsize                secret_len,
                                               const guint8        *personal,
                                               const guint8        *master,
                                               GError             **error);
gboolean      _wtw_vault_add_recovery_slot    (WtwHeader           *header,
                                               gint64               member_id,
                                               const WtwKdfParams  *params,
                                               const guint8        *personal,
                                               const guint8        *master,
                                               char               **recovery_key,
                                               int                 *out_index,
                                               GError             **error);
gboolean      _wtw_vault_fill_member_slots    (WtwHeader           *header,
                                               gint64               member_id,
                                               const WtwKdfParams  *params,
                                               const char          *passphrase,
                                               gsize                passphrase_len,
                                               const guint8        *personal,
                                               const guint8        *master,
                                               char               **recovery_key,
                                               GError             **error);
int           _wtw_vault_count_free_slots     (const WtwHeader     *header);

G_END_DECLS
