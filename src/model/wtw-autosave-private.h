/* wtw-autosave-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-autosave.h"

G_BEGIN_DECLS

/* Returns the current time in microseconds on a clock that never goes back
 * (g_get_monotonic_time() by default). With a clock of their own, tests move
 * time on and call _wtw_autosave_tick(); the autosave then arms no timer. */
typedef gint64 (*WtwAutosaveClockFunc) (gpointer user_data);

void _wtw_autosave_set_clock (WtwAutosave          *self,
                              WtwAutosaveClockFunc  clock_func,
                              gpointer              user_data);
void _wtw_autosave_tick      (WtwAutosave          *self);

G_END_DECLS
