/* wtw-journal-entry.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WtwJournalEntry:
 * @id: row id; 0 before the entry is inserted
 * @member_id: the member who wrote it (set by the vault on insert)
 * @created: Unix time in seconds (UTC); 0 on insert means "now"
 * @updated: Unix time in seconds (UTC) of the last change (set by the vault)
 * @title: (nullable): the title; %NULL when @sealed
 * @body: (nullable): the text; %NULL in listings and search results, and when @sealed
 * @mood: (nullable): a short mood word; %NULL when @sealed
 * @chapter_id: (nullable): the chapter whose reflection prompt the entry
 *   answers; %NULL for an entry not begun from a prompt, and when @sealed
 * @prompt_id: (nullable): that prompt's id in the chapter; set with @chapter_id
 * @is_private: the entry is sealed with its writer's personal key
 * @sealed: a private entry of another member: it exists, its text is not available
 *
 * A journal entry as the store hands it out: a plain struct, owned by the caller.
 */
typedef struct
{
  gint64    id;
  gint64    member_id;
  gint64    created;
  gint64    updated;
  char     *title;
  char     *body;
  char     *mood;
  char     *chapter_id;
  char     *prompt_id;
  gboolean  is_private;
  gboolean  sealed;
} WtwJournalEntry;

#define WTW_TYPE_JOURNAL_ENTRY (wtw_journal_entry_get_type ())

GType            wtw_journal_entry_get_type (void) G_GNUC_CONST;
WtwJournalEntry *wtw_journal_entry_new      (void);
WtwJournalEntry *wtw_journal_entry_copy     (const WtwJournalEntry *entry);
void             wtw_journal_entry_free     (WtwJournalEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwJournalEntry, wtw_journal_entry_free)

G_END_DECLS
