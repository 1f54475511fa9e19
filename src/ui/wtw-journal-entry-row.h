/* wtw-journal-entry-row.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-journal-item.h"

G_BEGIN_DECLS

#define WTW_TYPE_JOURNAL_ENTRY_ROW (wtw_journal_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (WtwJournalEntryRow, wtw_journal_entry_row, WTW, JOURNAL_ENTRY_ROW, GtkWidget)

GtkWidget      *wtw_journal_entry_row_new       (void);
WtwJournalItem *wtw_journal_entry_row_get_item  (WtwJournalEntryRow *self);
void            wtw_journal_entry_row_set_item  (WtwJournalEntryRow *self,
                                                 WtwJournalItem     *item);
const char     *wtw_journal_mood_label          (const char         *mood);
char           *wtw_journal_markup_snippet      (const char         *snippet);

G_END_DECLS
