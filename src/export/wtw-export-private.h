/* wtw-export-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/* What every writer exports, gathered once: the members, and the journal
 * oldest first with every body loaded. @tags[i] belongs to entries[i]. */
typedef struct
{
  GPtrArray *members;   /* WtwVaultMember */
  GPtrArray *entries;   /* WtwJournalEntry */
  GPtrArray *tags;      /* GStrv, one per entry, never NULL */
  gint64     member_id;
  char      *member_name;
  gint64     exported;
} WtwExportData;

WtwExportData *_wtw_export_data_collect   (WtwVault       *vault,
                                           GCancellable   *cancellable,
                                           GError        **error);
void           _wtw_export_data_free      (WtwExportData  *data);
const char    *_wtw_export_member_name    (WtwExportData  *data,
                                           gint64          member_id);
char          *_wtw_export_format_time    (gint64          unix_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwExportData, _wtw_export_data_free)

G_END_DECLS
