/* wtw-backups-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-backups.h"

G_BEGIN_DECLS

/* Returns the current time in microseconds on a clock that never goes back
 * (g_get_monotonic_time() by default). With a clock of their own, tests move
 * time on and call _wtw_backups_tick(); no timer is armed then, and the
 * vault file is no longer watched: tests call wtw_backups_notify_changed(). */
typedef gint64 (*WtwBackupsClockFunc) (gpointer user_data);

void     _wtw_backups_set_clock     (WtwBackups          *self,
                                     WtwBackupsClockFunc  clock_func,
                                     gpointer             user_data);
void     _wtw_backups_tick          (WtwBackups          *self);
gboolean _wtw_backups_is_scheduled  (WtwBackups          *self);

G_END_DECLS
