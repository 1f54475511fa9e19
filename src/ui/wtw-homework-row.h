/* wtw-homework-row.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-homework-list.h"

G_BEGIN_DECLS

#define WTW_TYPE_HOMEWORK_ROW (wtw_homework_row_get_type ())

G_DECLARE_FINAL_TYPE (WtwHomeworkRow, wtw_homework_row, WTW, HOMEWORK_ROW, GtkListBoxRow)

GtkWidget       *wtw_homework_row_new             (WtwHomeworkList *list,
                                                   WtwHomeworkItem *item,
                                                   WtwContent      *content);
WtwHomeworkItem *wtw_homework_row_get_item        (WtwHomeworkRow  *self);
GtkWidget       *wtw_homework_row_get_done_button (WtwHomeworkRow  *self);
char            *wtw_homework_describe_chapter    (WtwContent      *content,
                                                   const char      *chapter_id);
char            *wtw_homework_format_date         (const GDate     *day,
                                                   const GDate     *today);

G_END_DECLS
