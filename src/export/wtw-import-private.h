/* wtw-import-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "wtw-import.h"
#include "wtw-vault-homework.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  WTW_IMPORT_ITEM_ENTRY,
  WTW_IMPORT_ITEM_REFLECTION,
  WTW_IMPORT_ITEM_CONVERSATION,
  WTW_IMPORT_ITEM_PROGRESS,
  WTW_IMPORT_ITEM_QUIZ,
  WTW_IMPORT_ITEM_HOMEWORK,
} WtwImportItemKind;

/* One thing to bring in, as read from the file; checked against the vault
 * (duplicates) only when applied. Exactly one of the pointers is set. */
typedef struct
{
  WtwImportItemKind   kind;
  char               *label;
  WtwJournalEntry    *entry;
  char              **tags;
  WtwReflection      *reflection;
  WtwExerciseRecord  *conversation;
  char               *chapter_id;   /* progress */
  guint               parts;        /* progress, bit 0 is part 1 */
  WtwVaultQuizResult *quiz;
  WtwHomework        *homework;
} WtwImportItem;

struct _WtwImportPlan
{
  WtwImportFormat  format;
  GPtrArray       *items;     /* WtwImportItem */
  GPtrArray       *skipped;   /* WtwImportSkip */
  gsize            loaded;    /* bytes read so far, for the size limit */
};

/* Bigger than any journal a person writes; refusing keeps memory bounded. */
#define WTW_IMPORT_MAX_BYTES (512 * 1024 * 1024)
/* Deeper than any export nests; json-glib parses recursively, so a file of
 * a million "[" would otherwise exhaust the stack. */
#define WTW_IMPORT_MAX_JSON_DEPTH 256

WtwImportPlan *_wtw_import_plan_new         (WtwImportFormat  format);
WtwImportItem *_wtw_import_plan_add         (WtwImportPlan   *plan,
                                             WtwImportItemKind kind,
                                             char            *label);
void           _wtw_import_plan_skip        (WtwImportPlan   *plan,
                                             const char      *item,
                                             const char      *reason);
gint64         _wtw_import_parse_time       (const char      *text);
char          *_wtw_import_entry_label      (const char      *title,
                                             const char      *body,
                                             gint64           created);

char          *_wtw_import_display_name     (GFile           *file);
gboolean       _wtw_import_json_depth_ok    (const char      *text,
                                             gsize            len);
char          *_wtw_import_load_file        (WtwImportPlan   *plan,
                                             GFile           *file,
                                             gsize            max_bytes,
                                             gsize           *len,
                                             GCancellable    *cancellable,
                                             GError         **error);

gboolean       _wtw_import_read_json        (WtwImportPlan   *plan,
                                             JsonNode        *root,
                                             GError         **error);
gboolean       _wtw_import_read_day_one     (WtwImportPlan   *plan,
                                             JsonNode        *root,
                                             GError         **error);
gboolean       _wtw_import_read_markdown    (WtwImportPlan   *plan,
                                             GFile           *source,
                                             GCancellable    *cancellable,
                                             GError         **error);

G_END_DECLS
