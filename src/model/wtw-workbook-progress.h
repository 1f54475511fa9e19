/* wtw-workbook-progress.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-autosave.h"
#include "wtw-session.h"
#include "wtw-vault-workbook.h"

G_BEGIN_DECLS

/**
 * WtwWorkbookPart:
 * @WTW_WORKBOOK_PART_NONE: no part
 * @WTW_WORKBOOK_PART_EXPLANATION: The Thing About These Words
 * @WTW_WORKBOOK_PART_SCRIPTS: Instead of These Words, Try…
 * @WTW_WORKBOOK_PART_REFLECT: The Words to Reflect On
 * @WTW_WORKBOOK_PART_CONVERSATION: The Words for a Conversation
 *
 * A chapter's parts, numbered as the vault stores them.
 */
typedef enum
{
  WTW_WORKBOOK_PART_NONE,
  WTW_WORKBOOK_PART_EXPLANATION,
  WTW_WORKBOOK_PART_SCRIPTS,
  WTW_WORKBOOK_PART_REFLECT,
  WTW_WORKBOOK_PART_CONVERSATION,
} WtwWorkbookPart;

/**
 * WTW_WORKBOOK_READING_SECONDS:
 *
 * Seconds a reading part (explanation, scripts) must be on show, with its
 * end reached, before it counts as done.
 */
#define WTW_WORKBOOK_READING_SECONDS 10

#define WTW_TYPE_WORKBOOK_PROGRESS (wtw_workbook_progress_get_type ())

G_DECLARE_FINAL_TYPE (WtwWorkbookProgress, wtw_workbook_progress, WTW, WORKBOOK_PROGRESS, GObject)

WtwWorkbookPart      wtw_workbook_part_from_name              (const char          *name);
const char          *wtw_workbook_part_to_name                (WtwWorkbookPart      part);

WtwWorkbookProgress *wtw_workbook_progress_new                (WtwSession          *session);
WtwSession          *wtw_workbook_progress_get_session        (WtwWorkbookProgress *self);
WtwVault            *wtw_workbook_progress_get_vault          (WtwWorkbookProgress *self);
guint                wtw_workbook_progress_get_reading_seconds (WtwWorkbookProgress *self);
void                 wtw_workbook_progress_set_reading_seconds (WtwWorkbookProgress *self,
                                                                guint                seconds);

guint                wtw_workbook_progress_get_parts          (WtwWorkbookProgress *self,
                                                               const char          *chapter_id);
guint                wtw_workbook_progress_count_done         (WtwWorkbookProgress *self,
                                                               const char          *chapter_id);
gboolean             wtw_workbook_progress_is_done            (WtwWorkbookProgress *self,
                                                               const char          *chapter_id,
                                                               WtwWorkbookPart      part);
gboolean             wtw_workbook_progress_set_done           (WtwWorkbookProgress *self,
                                                               const char          *chapter_id,
                                                               WtwWorkbookPart      part,
                                                               gboolean             done,
                                                               GError             **error);

const char          *wtw_workbook_progress_get_last_chapter   (WtwWorkbookProgress *self);
WtwWorkbookPart      wtw_workbook_progress_get_last_part      (WtwWorkbookProgress *self);
gboolean             wtw_workbook_progress_set_last_place     (WtwWorkbookProgress *self,
                                                               const char          *chapter_id,
                                                               WtwWorkbookPart      part,
                                                               GError             **error);

GPtrArray           *wtw_workbook_progress_list_conversations (WtwWorkbookProgress *self,
                                                               const char          *chapter_id,
                                                               GError             **error);
gboolean             wtw_workbook_progress_record_conversation (WtwWorkbookProgress *self,
                                                               const char          *chapter_id,
                                                               gint64               started,
                                                               gint64               finished,
                                                               const char          *name_a,
                                                               const char          *name_b,
                                                               GError             **error);
void                 wtw_workbook_progress_set_conversation_notes (WtwWorkbookProgress *self,
                                                               const char          *notes_a,
                                                               const char          *notes_b);
gint64               wtw_workbook_progress_get_conversation_id (WtwWorkbookProgress *self);
gboolean             wtw_workbook_progress_end_conversation   (WtwWorkbookProgress *self,
                                                               GError             **error);
WtwAutosave         *wtw_workbook_progress_get_notes_autosave (WtwWorkbookProgress *self);

G_END_DECLS
