/* wtw-export-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"
#include "wtw-vault-homework.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-workbook.h"

G_BEGIN_DECLS

/**
 * WtwExportProgressRow:
 * @chapter_id: the chapter
 * @member_id: whose progress
 * @parts: the parts done as bits (bit 0 is part 1)
 *
 * One member's progress in one chapter.
 */
typedef struct
{
  char   *chapter_id;
  gint64  member_id;
  guint   parts;
} WtwExportProgressRow;

/* What every writer exports, gathered once: the members, the journal oldest
 * first with every body loaded (@tags[i] belongs to entries[i]), and the
 * workbook, quiz and homework of every member. Another member's private rows
 * are in it sealed, without text.
 *
 * Gathering reads the vault, so it runs on the vault's thread: either at once
 * with _wtw_export_data_collect(), or a page at a time with
 * _wtw_export_data_new() and _wtw_export_data_collect_step() (the app, which
 * keeps painting between pages). Once gathered, the data is plain memory that
 * a worker thread may format and write. */
typedef struct
{
  GPtrArray *members;       /* WtwVaultMember */
  GPtrArray *entries;       /* WtwJournalEntry */
  GPtrArray *tags;          /* GStrv, one per entry, never NULL */
  GPtrArray *reflections;   /* WtwReflection, by chapter, prompt, member */
  GPtrArray *exercises;     /* WtwExerciseRecord, oldest first */
  GPtrArray *progress;      /* WtwExportProgressRow, by chapter, member */
  GPtrArray *quiz_results;  /* WtwVaultQuizResult, oldest first */
  GPtrArray *homework;      /* WtwHomework, as the store lists it */
  gint64     member_id;
  char      *member_name;
  gint64     exported;

  /* Gathering state. */
  gint64     n_entries;
  guint      offset;
  gboolean   done;
} WtwExportData;

WtwExportData *_wtw_export_data_new          (WtwVault       *vault,
                                              GError        **error);
gboolean       _wtw_export_data_collect_step (WtwExportData  *data,
                                              WtwVault       *vault,
                                              GError        **error);
double         _wtw_export_data_get_fraction (WtwExportData  *data);
WtwExportData *_wtw_export_data_collect      (WtwVault       *vault,
                                              GCancellable   *cancellable,
                                              GError        **error);
void           _wtw_export_data_free         (WtwExportData  *data);
const char    *_wtw_export_member_name       (WtwExportData  *data,
                                              gint64          member_id);
char          *_wtw_export_format_time       (gint64          unix_time);
void           _wtw_export_wipe_string       (GString        *text);

/* The writers, on gathered data; safe on any thread. */
gboolean       _wtw_export_json_write_data            (WtwExportData  *data,
                                                       GOutputStream  *out,
                                                       GCancellable   *cancellable,
                                                       GError        **error);
gboolean       _wtw_export_markdown_write_data        (WtwExportData  *data,
                                                       GOutputStream  *out,
                                                       GCancellable   *cancellable,
                                                       GError        **error);
gboolean       _wtw_export_markdown_folder_write_data (WtwExportData  *data,
                                                       GFile          *dir,
                                                       GCancellable   *cancellable,
                                                       GError        **error);
char          *_wtw_export_markdown_file_name         (const WtwJournalEntry *entry,
                                                       GHashTable     *taken);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwExportData, _wtw_export_data_free)

G_END_DECLS
