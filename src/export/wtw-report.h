/* wtw-report.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-content.h"
#include "wtw-vault.h"

G_BEGIN_DECLS

/*
 * A report for a therapist: what the person chose (WtwReportSelection), read
 * from the vault into a small document of headed blocks (WtwReport) that the
 * renderer lays out on pages, for a PDF or for the printer.
 *
 * Reading follows the vault's rules and one more: a sealed row (another
 * member's private entry or answer) is never part of a report, and the
 * exporting member's own private rows only when include_private is set.
 * Reading happens on the vault's thread; the report it makes is immutable
 * and may then be handed to a worker thread.
 */

/**
 * WtwReportSelection:
 * @reflection_chapters: (nullable) (array zero-terminated=1): ids of the chapters
 *   whose reflection answers go in
 * @exercise_chapters: (nullable) (array zero-terminated=1): ids of the chapters
 *   whose conversation notes go in
 * @journal: journal entries go in
 * @journal_from: only entries created at or after this Unix time; 0 for no bound
 * @journal_to: only entries created before this Unix time; 0 for no bound
 * @journal_tags: (nullable) (array zero-terminated=1): only entries with at least
 *   one of these tags; %NULL or empty for any entry
 * @include_private: the exporting member's own private entries and answers go in
 * @only_mine: leave out what the other member wrote (shared entries, answers and
 *   quiz results); conversation notes belong to both and are not affected
 * @quiz: quiz results go in
 *
 * What a report holds. wtw_report_selection_new() chooses nothing but the
 * journal, with private entries included.
 */
typedef struct
{
  char     **reflection_chapters;
  char     **exercise_chapters;
  gboolean   journal;
  gint64     journal_from;
  gint64     journal_to;
  char     **journal_tags;
  gboolean   include_private;
  gboolean   only_mine;
  gboolean   quiz;
} WtwReportSelection;

/**
 * WtwReportSummary:
 * @n_reflection_chapters: chapters with at least one answer in the report
 * @n_reflections: answers in the report
 * @n_conversations: guided conversations with notes in the report
 * @n_entries: journal entries in the report
 * @n_private_entries: of those, entries marked private
 * @n_quiz_results: quiz results in the report
 *
 * Counts of what a selection puts in a report, for a preview.
 */
typedef struct
{
  guint n_reflection_chapters;
  guint n_reflections;
  guint n_conversations;
  guint n_entries;
  guint n_private_entries;
  guint n_quiz_results;
} WtwReportSummary;

/**
 * WtwReportBlockKind:
 * @WTW_REPORT_BLOCK_SECTION: the title of a section; a section starts a page
 * @WTW_REPORT_BLOCK_HEADING: the heading of an item (a chapter, an entry)
 * @WTW_REPORT_BLOCK_LABEL: a short lead-in (a prompt, "Robin wrote")
 * @WTW_REPORT_BLOCK_META: dates, tags and other facts about an item
 * @WTW_REPORT_BLOCK_BODY: the person's own words
 * @WTW_REPORT_BLOCK_NOTE: a remark of the app (nothing written yet, a disclaimer)
 *
 * How a block of text reads in the report.
 */
typedef enum
{
  WTW_REPORT_BLOCK_SECTION,
  WTW_REPORT_BLOCK_HEADING,
  WTW_REPORT_BLOCK_LABEL,
  WTW_REPORT_BLOCK_META,
  WTW_REPORT_BLOCK_BODY,
  WTW_REPORT_BLOCK_NOTE,
} WtwReportBlockKind;

typedef struct _WtwReport WtwReport;

#define WTW_TYPE_REPORT_SELECTION (wtw_report_selection_get_type ())
#define WTW_TYPE_REPORT (wtw_report_get_type ())

GType               wtw_report_selection_get_type (void) G_GNUC_CONST;
WtwReportSelection *wtw_report_selection_new      (void);
WtwReportSelection *wtw_report_selection_copy     (const WtwReportSelection *selection);
void                wtw_report_selection_free     (WtwReportSelection       *selection);

GType               wtw_report_get_type           (void) G_GNUC_CONST;
WtwReport          *wtw_report_ref                (WtwReport                *report);
void                wtw_report_unref              (WtwReport                *report);

WtwReport          *wtw_report_gather             (WtwVault                 *vault,
                                                   WtwContent               *content,
                                                   const WtwReportSelection *selection,
                                                   GCancellable             *cancellable,
                                                   GError                  **error);
void                wtw_report_gather_async       (WtwVault                 *vault,
                                                   WtwContent               *content,
                                                   const WtwReportSelection *selection,
                                                   WtwVaultProgress          progress,
                                                   gpointer                  progress_data,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
WtwReport          *wtw_report_gather_finish      (GAsyncResult             *result,
                                                   GError                  **error);
gboolean            wtw_report_summarize          (WtwVault                 *vault,
                                                   WtwContent               *content,
                                                   const WtwReportSelection *selection,
                                                   WtwReportSummary         *summary,
                                                   GError                  **error);

const char         *wtw_report_get_title          (WtwReport                *report);
const char         *wtw_report_get_author         (WtwReport                *report);
gint64              wtw_report_get_created        (WtwReport                *report);
const char * const *wtw_report_get_contents       (WtwReport                *report);
const char         *wtw_report_get_privacy_note   (WtwReport                *report);
const WtwReportSummary *wtw_report_get_summary    (WtwReport                *report);
guint               wtw_report_get_n_blocks       (WtwReport                *report);
const char         *wtw_report_get_block          (WtwReport                *report,
                                                   guint                     index,
                                                   WtwReportBlockKind       *kind);

char               *wtw_report_format_date        (gint64                    unix_time);
gboolean            wtw_report_parse_day          (const char               *text,
                                                   gboolean                  next_day,
                                                   gint64                   *unix_time,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwReportSelection, wtw_report_selection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwReport, wtw_report_unref)

G_END_DECLS
