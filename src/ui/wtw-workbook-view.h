/* wtw-workbook-view.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-homework-list.h"
#include "wtw-session.h"
#include "wtw-workbook-progress.h"

G_BEGIN_DECLS

#define WTW_TYPE_WORKBOOK_VIEW (wtw_workbook_view_get_type ())

G_DECLARE_FINAL_TYPE (WtwWorkbookView, wtw_workbook_view, WTW, WORKBOOK_VIEW, AdwBin)

GtkWidget  *wtw_workbook_view_new          (WtwContent      *content);
WtwContent *wtw_workbook_view_get_content  (WtwWorkbookView *self);
void        wtw_workbook_view_set_content  (WtwWorkbookView *self,
                                            WtwContent      *content);
WtwChapter *wtw_workbook_view_get_chapter  (WtwWorkbookView *self);
gboolean    wtw_workbook_view_open_chapter (WtwWorkbookView *self,
                                            const char      *chapter_id);

WtwSession *wtw_workbook_view_get_session  (WtwWorkbookView *self);
void        wtw_workbook_view_set_session  (WtwWorkbookView *self,
                                            WtwSession      *session);
WtwWorkbookProgress *wtw_workbook_view_get_progress (WtwWorkbookView *self);
WtwHomeworkList     *wtw_workbook_view_get_homework (WtwWorkbookView *self);

G_END_DECLS
