/* wtw-vault-batch.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/*
 * A batch makes many writes land together or not at all (an import). Between
 * wtw_vault_batch_begin() and wtw_vault_batch_commit() every write of the store
 * becomes a savepoint inside one transaction; wtw_vault_batch_rollback(), or
 * locking the vault, undoes all of them. Only the thread that owns the vault
 * writes, so nothing else joins the batch unless that thread writes too.
 */

gboolean   wtw_vault_batch_begin             (WtwVault     *self,
                                              GError      **error);
gboolean   wtw_vault_batch_commit            (WtwVault     *self,
                                              GError      **error);
void       wtw_vault_batch_rollback          (WtwVault     *self);
gboolean   wtw_vault_in_batch                (WtwVault     *self);

char     **wtw_vault_workbook_list_chapters  (WtwVault     *self,
                                              GError      **error);
gboolean   wtw_vault_journal_set_updated     (WtwVault     *self,
                                              gint64        id,
                                              gint64        updated,
                                              GError      **error);
gboolean   wtw_vault_reflection_set_updated  (WtwVault     *self,
                                              const char   *chapter_id,
                                              const char   *prompt_id,
                                              gint64        updated,
                                              GError      **error);

G_END_DECLS
