/* wtw-reflection-sheet.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-autosave.h"
#include "wtw-chapter.h"
#include "wtw-workbook-progress.h"

G_BEGIN_DECLS

#define WTW_TYPE_REFLECTION_SHEET (wtw_reflection_sheet_get_type ())

G_DECLARE_FINAL_TYPE (WtwReflectionSheet, wtw_reflection_sheet, WTW, REFLECTION_SHEET, GObject)

WtwReflectionSheet *wtw_reflection_sheet_new              (WtwWorkbookProgress *progress,
                                                           WtwChapter          *chapter);
WtwChapter         *wtw_reflection_sheet_get_chapter      (WtwReflectionSheet  *self);
WtwAutosave        *wtw_reflection_sheet_get_autosave     (WtwReflectionSheet  *self);
const char         *wtw_reflection_sheet_get_member_name  (WtwReflectionSheet  *self);
gboolean            wtw_reflection_sheet_get_can_be_private (WtwReflectionSheet *self);
gboolean            wtw_reflection_sheet_get_complete     (WtwReflectionSheet  *self);

const char         *wtw_reflection_sheet_get_text         (WtwReflectionSheet  *self,
                                                           const char          *prompt_id);
void                wtw_reflection_sheet_set_text         (WtwReflectionSheet  *self,
                                                           const char          *prompt_id,
                                                           const char          *text);
gboolean            wtw_reflection_sheet_get_private      (WtwReflectionSheet  *self,
                                                           const char          *prompt_id);
void                wtw_reflection_sheet_set_private      (WtwReflectionSheet  *self,
                                                           const char          *prompt_id,
                                                           gboolean             is_private);
GPtrArray          *wtw_reflection_sheet_get_others       (WtwReflectionSheet  *self,
                                                           const char          *prompt_id);
const char         *wtw_reflection_sheet_lookup_name      (WtwReflectionSheet  *self,
                                                           gint64               member_id);
gboolean            wtw_reflection_sheet_flush            (WtwReflectionSheet  *self,
                                                           GError             **error);

G_END_DECLS
