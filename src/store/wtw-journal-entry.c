/* wtw-journal-entry.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-journal-entry"

#include "config.h"

#include "wtw-journal-entry.h"

G_DEFINE_BOXED_TYPE (WtwJournalEntry, wtw_journal_entry,
                     wtw_journal_entry_copy, wtw_journal_entry_free)

/**
 * wtw_journal_entry_new:
 *
 * Returns: (transfer full): an empty entry, ready to fill and insert
 */
WtwJournalEntry *
wtw_journal_entry_new (void)
{
  return g_new0 (WtwJournalEntry, 1);
}

/**
 * wtw_journal_entry_copy:
 * @entry: an entry
 *
 * Returns: (transfer full): a deep copy
 */
WtwJournalEntry *
wtw_journal_entry_copy (const WtwJournalEntry *entry)
{
  WtwJournalEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->title = g_strdup (entry->title);
  copy->body = g_strdup (entry->body);
  copy->mood = g_strdup (entry->mood);
  copy->chapter_id = g_strdup (entry->chapter_id);
  copy->prompt_id = g_strdup (entry->prompt_id);
  return copy;
}

/**
 * wtw_journal_entry_free:
 * @entry: (nullable): an entry
 *
 * Frees @entry and its strings.
 */
void
wtw_journal_entry_free (WtwJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->title);
  g_free (entry->body);
  g_free (entry->mood);
  g_free (entry->chapter_id);
  g_free (entry->prompt_id);
  g_free (entry);
}
