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
void           _wtw_vault_set_header       (WtwVault        *self,
                                            const WtwHeader *header);
int            _wtw_vault_get_slot_index   (WtwVault  *self);
guint          _wtw_vault_get_verified_slots (WtwVault *self);
void           _wtw_vault_add_verified_slot (WtwVault *self,
                                             int       index);
void           _wtw_vault_forget_verified_slot (WtwVault *self,
                                                int       index);
void           _wtw_vault_set_slot_index   (WtwVault  *self,
                                            int        index);
void           _wtw_vault_become_member    (WtwVault  *self,
                                            gint64     member_id,
                                            char      *name,
                                            guint8    *personal,
                                            int        slot_index);
guint          _wtw_vault_get_busy_timeout (WtwVault  *self);
char          *_wtw_vault_get_path         (WtwVault  *self);

/* Private journal entries (wtw-vault-journal.c) and clear tags (wtw-vault-tags.c). */
gboolean         _wtw_vault_journal_open_sealed        (WtwVault          *self,
                                                        WtwJournalEntry   *entry,
                                                        const guint8      *blob,
                                                        gsize              len,
                                                        gboolean           with_body,
                                                        char            ***tags,
                                                        GError           **error);
WtwJournalEntry *_wtw_vault_journal_read_sealed        (WtwVault          *self,
                                                        sqlite3           *db,
                                                        gint64             id,
                                                        char            ***tags,
                                                        GError           **error);
gboolean         _wtw_vault_journal_reseal             (WtwVault          *self,
                                                        sqlite3           *db,
                                                        gint64             id,
                                                        const char * const *tags,
                                                        GError           **error);
void             _wtw_vault_journal_register_functions (WtwVault          *self,
                                                        sqlite3           *db);
char            *_wtw_vault_fts_query_for              (sqlite3           *db,
                                                        const char        *text);
char           **_wtw_vault_tags_read_clear            (sqlite3           *db,
                                                        gint64             id,
                                                        GError           **error);
void             _wtw_vault_tags_forget_sealed         (WtwVault          *self);
gboolean         _wtw_vault_tags_write_clear           (sqlite3           *db,
                                                        gint64             id,
                                                        const char * const *tags,
                                                        GError           **error);

G_END_DECLS
