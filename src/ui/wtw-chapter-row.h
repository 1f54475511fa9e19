/* wtw-chapter-row.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-chapter.h"

G_BEGIN_DECLS

#define WTW_TYPE_CHAPTER_ROW (wtw_chapter_row_get_type ())

G_DECLARE_FINAL_TYPE (WtwChapterRow, wtw_chapter_row, WTW, CHAPTER_ROW, AdwActionRow)

GtkWidget  *wtw_chapter_row_new         (WtwChapter    *chapter);
WtwChapter *wtw_chapter_row_get_chapter (WtwChapterRow *self);

int         wtw_chapter_row_get_parts   (WtwChapterRow *self);
void        wtw_chapter_row_set_parts   (WtwChapterRow *self,
                                         int            parts);

G_END_DECLS
