/* wtw-chapter-page.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-chapter.h"
#include "wtw-reflection-sheet.h"
#include "wtw-workbook-progress.h"

G_BEGIN_DECLS

#define WTW_TYPE_CHAPTER_PAGE (wtw_chapter_page_get_type ())

G_DECLARE_FINAL_TYPE (WtwChapterPage, wtw_chapter_page, WTW, CHAPTER_PAGE, AdwBin)

GtkWidget  *wtw_chapter_page_new              (void);
WtwChapter *wtw_chapter_page_get_chapter      (WtwChapterPage *self);
void        wtw_chapter_page_set_chapter      (WtwChapterPage *self,
                                               WtwChapter     *chapter);
const char *wtw_chapter_page_get_visible_part (WtwChapterPage *self);
void        wtw_chapter_page_set_visible_part (WtwChapterPage *self,
                                               const char     *part);
gboolean    wtw_chapter_page_get_show_back_button (WtwChapterPage *self);
void        wtw_chapter_page_set_show_back_button (WtwChapterPage *self,
                                                   gboolean        show_back_button);

WtwWorkbookProgress *wtw_chapter_page_get_progress (WtwChapterPage      *self);
void        wtw_chapter_page_set_progress     (WtwChapterPage      *self,
                                               WtwWorkbookProgress *progress);
WtwReflectionSheet *wtw_chapter_page_get_sheet (WtwChapterPage     *self);

G_END_DECLS
