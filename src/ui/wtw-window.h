/* wtw-window.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-types.h"

G_BEGIN_DECLS

#define WTW_TYPE_WINDOW (wtw_window_get_type ())

G_DECLARE_FINAL_TYPE (WtwWindow, wtw_window, WTW, WINDOW, AdwApplicationWindow)

WtwWindow  *wtw_window_new              (WtwApplication *application);
const char *wtw_window_get_visible_view (WtwWindow      *self);
void        wtw_window_set_visible_view (WtwWindow      *self,
                                         const char     *view);
WtwMainPage *wtw_window_get_main_page   (WtwWindow      *self);

G_END_DECLS
