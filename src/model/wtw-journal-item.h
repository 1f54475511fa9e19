/* wtw-journal-item.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault-tags.h"

G_BEGIN_DECLS

#define WTW_TYPE_JOURNAL_ITEM (wtw_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (WtwJournalItem, wtw_journal_item, WTW, JOURNAL_ITEM, GObject)

WtwJournalItem     *wtw_journal_item_new             (const WtwJournalRow *row,
                                                      gboolean             starts_month);
gint64              wtw_journal_item_get_id          (WtwJournalItem      *self);
gint64              wtw_journal_item_get_created     (WtwJournalItem      *self);
const char         *wtw_journal_item_get_title       (WtwJournalItem      *self);
const char         *wtw_journal_item_get_first_line  (WtwJournalItem      *self);
const char         *wtw_journal_item_get_snippet     (WtwJournalItem      *self);
const char         *wtw_journal_item_get_mood        (WtwJournalItem      *self);
const char * const *wtw_journal_item_get_tags        (WtwJournalItem      *self);
gboolean            wtw_journal_item_get_is_private  (WtwJournalItem      *self);
gboolean            wtw_journal_item_get_sealed      (WtwJournalItem      *self);
gboolean            wtw_journal_item_get_starts_month (WtwJournalItem     *self);

G_END_DECLS
