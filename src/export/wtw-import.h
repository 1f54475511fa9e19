/* wtw-import.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault.h"

G_BEGIN_DECLS

/**
 * WTW_IMPORT_ERROR:
 *
 * Error domain of the import: the file as a whole cannot be imported. Every
 * message is one sentence meant for a person.
 */
#define WTW_IMPORT_ERROR (wtw_import_error_quark ())

/**
 * WtwImportError:
 * @WTW_IMPORT_ERROR_UNREADABLE: the file or folder cannot be read
 * @WTW_IMPORT_ERROR_NOT_UTF8: the file is not UTF-8 text
 * @WTW_IMPORT_ERROR_MALFORMED: the file is not valid JSON, or not shaped as its
 *   format says
 * @WTW_IMPORT_ERROR_UNKNOWN_FORMAT: neither a Words That Work export, nor a
 *   Day One export, nor Markdown
 * @WTW_IMPORT_ERROR_UNSUPPORTED_VERSION: a Words That Work export of a version
 *   this build does not know
 * @WTW_IMPORT_ERROR_TOO_LARGE: more text than an import takes at once
 */
typedef enum
{
  WTW_IMPORT_ERROR_UNREADABLE,
  WTW_IMPORT_ERROR_NOT_UTF8,
  WTW_IMPORT_ERROR_MALFORMED,
  WTW_IMPORT_ERROR_UNKNOWN_FORMAT,
  WTW_IMPORT_ERROR_UNSUPPORTED_VERSION,
  WTW_IMPORT_ERROR_TOO_LARGE,
} WtwImportError;

/**
 * WtwImportFormat:
 * @WTW_IMPORT_FORMAT_AUTO: decide from the file: a folder or a `.md` file is
 *   Markdown, a JSON file says what it is
 * @WTW_IMPORT_FORMAT_JSON: a JSON export of Words That Work, version 1 or 2
 * @WTW_IMPORT_FORMAT_DAY_ONE: a Day One JSON export (its `Journal.json`)
 * @WTW_IMPORT_FORMAT_MARKDOWN: a folder of Markdown files, or one file
 */
typedef enum
{
  WTW_IMPORT_FORMAT_AUTO,
  WTW_IMPORT_FORMAT_JSON,
  WTW_IMPORT_FORMAT_DAY_ONE,
  WTW_IMPORT_FORMAT_MARKDOWN,
} WtwImportFormat;

/**
 * WtwImportSkip:
 * @item: what was skipped, e.g. an entry's title and date, or a file name
 * @reason: why, in one sentence
 */
typedef struct
{
  char *item;
  char *reason;
} WtwImportSkip;

/**
 * WtwImportReport:
 * @format: the format the file was read as
 * @entries: journal entries imported
 * @reflections: workbook answers imported
 * @conversations: guided conversations imported
 * @progress: chapter parts marked done
 * @quiz_results: quiz results imported
 * @homework: homework imported
 * @skipped: (element-type WtwImportSkip): everything left out, in file order
 *
 * What an import did.
 */
typedef struct
{
  WtwImportFormat  format;
  guint            entries;
  guint            reflections;
  guint            conversations;
  guint            progress;
  guint            quiz_results;
  guint            homework;
  GPtrArray       *skipped;
} WtwImportReport;

typedef struct _WtwImportPlan WtwImportPlan;

#define WTW_TYPE_IMPORT_REPORT (wtw_import_report_get_type ())

GQuark           wtw_import_error_quark         (void);

GType            wtw_import_report_get_type     (void) G_GNUC_CONST;
WtwImportReport *wtw_import_report_new          (WtwImportFormat       format);
WtwImportReport *wtw_import_report_copy         (const WtwImportReport *report);
void             wtw_import_report_free         (WtwImportReport      *report);
void             wtw_import_report_add_skip     (WtwImportReport      *report,
                                                 const char           *item,
                                                 const char           *reason);
guint            wtw_import_report_get_imported (const WtwImportReport *report);
char            *wtw_import_report_to_string    (const WtwImportReport *report);
const char      *wtw_import_format_to_string    (WtwImportFormat       format);
gboolean         wtw_import_format_from_string  (const char           *text,
                                                 WtwImportFormat      *format);

WtwImportPlan   *wtw_import_plan_load           (GFile                *source,
                                                 WtwImportFormat       format,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
guint            wtw_import_plan_get_n_items    (WtwImportPlan        *plan);
WtwImportReport *wtw_import_plan_apply          (WtwImportPlan        *plan,
                                                 WtwVault             *vault,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             wtw_import_plan_free           (WtwImportPlan        *plan);

WtwImportReport *wtw_import_file                (WtwVault             *vault,
                                                 GFile                *source,
                                                 WtwImportFormat       format,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             wtw_import_file_async          (WtwVault             *vault,
                                                 GFile                *source,
                                                 WtwImportFormat       format,
                                                 WtwVaultProgress      progress,
                                                 gpointer              progress_data,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
WtwImportReport *wtw_import_file_finish         (GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwImportReport, wtw_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwImportPlan, wtw_import_plan_free)

G_END_DECLS
