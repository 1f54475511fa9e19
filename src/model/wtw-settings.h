/* wtw-settings.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_SETTINGS (wtw_settings_get_type ())

G_DECLARE_FINAL_TYPE (WtwSettings, wtw_settings, WTW, SETTINGS, GObject)

WtwSettings *wtw_settings_new                   (GSettings   *settings);
GSettings   *wtw_settings_get_gsettings         (WtwSettings *self);
int          wtw_settings_get_window_width      (WtwSettings *self);
int          wtw_settings_get_window_height     (WtwSettings *self);
gboolean     wtw_settings_get_window_maximized  (WtwSettings *self);
void         wtw_settings_save_window_state     (WtwSettings *self,
                                                 int          width,
                                                 int          height,
                                                 gboolean     maximized);
guint        wtw_settings_get_auto_lock_minutes (WtwSettings *self);
void         wtw_settings_set_auto_lock_minutes (WtwSettings *self,
                                                 guint        minutes);

G_END_DECLS
