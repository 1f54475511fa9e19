/* wtw-vault-tags.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/*
 * The journal as a list to browse: tags, filtered pages and the days that have
 * entries. Same rules as the rest of the journal (see wtw-vault.h): another
 * member's private entry is listed sealed, with no text and no tags; a
 * private entry's tags are sealed with it (never in the tags tables), the
 * tag and mood filters find it for its writer only, and full-text search
 * never sees it.
 */

/**
 * WTW_JOURNAL_MATCH_START:
 *
 * Marks the start of a matched word in #WtwJournalRow.snippet (U+0002).
 */
#define WTW_JOURNAL_MATCH_START "\002"

/**
 * WTW_JOURNAL_MATCH_END:
 *
 * Marks the end of a matched word in #WtwJournalRow.snippet (U+0003).
 */
#define WTW_JOURNAL_MATCH_END "\003"

/**
 * WtwJournalFilter:
 * @text: (nullable): free text for the full-text index (and, in memory, the
 *   current member's private entries, which the index never sees); results
 *   are then in the order they were written, newest first, instead of by date
 * @tag: (nullable): only entries with this tag (compared without case; the
 *   current member's private entries included)
 * @mood: (nullable): only entries with this mood (the current member's private
 *   entries included)
 * @from: only entries created at or after this Unix time; 0 for no bound
 * @to: only entries created before this Unix time; 0 for no bound
 * @exclude: (array length=n_exclude) (nullable): ids to leave out
 * @n_exclude: length of @exclude
 * @max_results: with @text, count at most this many matches; 0 for all
 *
 * Which entries a query returns. A zeroed filter means every entry.
 */
typedef struct
{
  const char   *text;
  const char   *tag;
  const char   *mood;
  gint64        from;
  gint64        to;
  const gint64 *exclude;
  guint         n_exclude;
  guint         max_results;
} WtwJournalFilter;

/**
 * WtwJournalRow:
 * @entry: the entry, without body
 * @first_line: (nullable): the first non-empty line of the body, at most
 *   about 160 bytes; %NULL when sealed or empty
 * @snippet: (nullable): for text queries, a short excerpt of the body or title
 *   with matched words between %WTW_JOURNAL_MATCH_START and
 *   %WTW_JOURNAL_MATCH_END
 * @tags: (array zero-terminated=1): the entry's tags by name, empty when sealed
 *
 * One line of the journal list.
 */
typedef struct
{
  WtwJournalEntry  *entry;
  char             *first_line;
  char             *snippet;
  char            **tags;
} WtwJournalRow;

#define WTW_TYPE_JOURNAL_ROW (wtw_journal_row_get_type ())

GType          wtw_journal_row_get_type          (void) G_GNUC_CONST;
WtwJournalRow *wtw_journal_row_copy              (const WtwJournalRow    *row);
void           wtw_journal_row_free              (WtwJournalRow          *row);

GPtrArray     *wtw_vault_journal_query           (WtwVault               *self,
                                                  const WtwJournalFilter *filter,
                                                  guint                   offset,
                                                  guint                   limit,
                                                  GError                **error);
gint64         wtw_vault_journal_query_count     (WtwVault               *self,
                                                  const WtwJournalFilter *filter,
                                                  GError                **error);
gint64         wtw_vault_journal_query_position  (WtwVault               *self,
                                                  const WtwJournalFilter *filter,
                                                  gint64                  created,
                                                  gint64                  id,
                                                  GError                **error);
GArray        *wtw_vault_journal_list_created    (WtwVault               *self,
                                                  gint64                  from,
                                                  gint64                  to,
                                                  GError                **error);

char         **wtw_vault_journal_get_tags        (WtwVault               *self,
                                                  gint64                  id,
                                                  GError                **error);
gboolean       wtw_vault_journal_set_tags        (WtwVault               *self,
                                                  gint64                  id,
                                                  const char * const     *tags,
                                                  GError                **error);
char         **wtw_vault_journal_list_tags       (WtwVault               *self,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwJournalRow, wtw_journal_row_free)

G_END_DECLS
