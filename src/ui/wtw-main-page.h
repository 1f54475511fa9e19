/* wtw-main-page.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-types.h"

G_BEGIN_DECLS

#define WTW_TYPE_MAIN_PAGE (wtw_main_page_get_type ())

G_DECLARE_FINAL_TYPE (WtwMainPage, wtw_main_page, WTW, MAIN_PAGE, GtkWidget)

WtwMainPage *wtw_main_page_new                (WtwContent  *content,
                                               WtwSession  *session);
const char  *wtw_main_page_get_visible_view   (WtwMainPage *self);
gboolean     wtw_main_page_set_visible_view   (WtwMainPage *self,
                                               const char  *view);

gboolean     wtw_main_page_open_chapter       (WtwMainPage *self,
                                               const char  *chapter_id);
gboolean     wtw_main_page_write_about_prompt (WtwMainPage *self,
                                               const char  *chapter_id,
                                               const char  *prompt_id);

G_END_DECLS
