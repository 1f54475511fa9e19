/* wtw-journal-editor-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-journal-editor.h"

G_BEGIN_DECLS

/* Returns the current time in microseconds on a clock that never goes back
 * (g_get_monotonic_time() by default). With a clock of their own, tests move
 * time on and call _wtw_journal_editor_tick(); the editor then arms no timer
 * of its own. */
typedef gint64 (*WtwJournalClockFunc) (gpointer user_data);

void _wtw_journal_editor_set_clock (WtwJournalEditor    *self,
                                    WtwJournalClockFunc  clock_func,
                                    gpointer             user_data);
void _wtw_journal_editor_tick      (WtwJournalEditor    *self);

G_END_DECLS
