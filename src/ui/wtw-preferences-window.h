/* wtw-preferences-window.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-types.h"

G_BEGIN_DECLS

#define WTW_TYPE_PREFERENCES_WINDOW (wtw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WtwPreferencesWindow, wtw_preferences_window, WTW, PREFERENCES_WINDOW, AdwPreferencesWindow)

WtwPreferencesWindow *wtw_preferences_window_new (WtwSettings *settings,
                                                  WtwSession  *session);

G_END_DECLS
