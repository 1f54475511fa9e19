/* wtw-homework-view.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-homework-dialog.h"
#include "wtw-homework-list.h"

G_BEGIN_DECLS

#define WTW_TYPE_HOMEWORK_VIEW (wtw_homework_view_get_type ())

G_DECLARE_FINAL_TYPE (WtwHomeworkView, wtw_homework_view, WTW, HOMEWORK_VIEW, AdwBin)

GtkWidget         *wtw_homework_view_new          (void);
WtwHomeworkList   *wtw_homework_view_get_list     (WtwHomeworkView *self);
void               wtw_homework_view_set_list     (WtwHomeworkView *self,
                                                   WtwHomeworkList *list);
WtwContent        *wtw_homework_view_get_content  (WtwHomeworkView *self);
void               wtw_homework_view_set_content  (WtwHomeworkView *self,
                                                   WtwContent      *content);
WtwHomeworkDialog *wtw_homework_view_open_dialog  (WtwHomeworkView *self,
                                                   WtwHomeworkItem *item,
                                                   const char      *chapter_id,
                                                   guint            part);
void               wtw_homework_view_set_undo_timeout (WtwHomeworkView *self,
                                                       guint            seconds);

G_END_DECLS
