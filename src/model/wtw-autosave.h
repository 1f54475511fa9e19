/* wtw-autosave.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * WTW_AUTOSAVE_DEFAULT_DELAY:
 *
 * Milliseconds of quiet after the last change before changes save themselves.
 */
#define WTW_AUTOSAVE_DEFAULT_DELAY 1000

/**
 * WtwAutosaveState:
 * @WTW_AUTOSAVE_STATE_CLEAN: nothing has changed since it was loaded
 * @WTW_AUTOSAVE_STATE_PENDING: there are changes waiting for a quiet moment
 * @WTW_AUTOSAVE_STATE_SAVED: every change is saved
 * @WTW_AUTOSAVE_STATE_FAILED: the last save failed; the changes are still
 *   pending and the next change or flush tries again
 */
typedef enum
{
  WTW_AUTOSAVE_STATE_CLEAN,
  WTW_AUTOSAVE_STATE_PENDING,
  WTW_AUTOSAVE_STATE_SAVED,
  WTW_AUTOSAVE_STATE_FAILED,
} WtwAutosaveState;

/**
 * WtwAutosaveFunc:
 * @user_data: the data given to wtw_autosave_new()
 * @error: return location for a #GError
 *
 * Writes the pending changes.
 *
 * Returns: %TRUE on success
 */
typedef gboolean (*WtwAutosaveFunc) (gpointer   user_data,
                                     GError   **error);

#define WTW_TYPE_AUTOSAVE_STATE (wtw_autosave_state_get_type ())
#define WTW_TYPE_AUTOSAVE (wtw_autosave_get_type ())

G_DECLARE_FINAL_TYPE (WtwAutosave, wtw_autosave, WTW, AUTOSAVE, GObject)

GType             wtw_autosave_state_get_type (void) G_GNUC_CONST;

WtwAutosave      *wtw_autosave_new            (WtwAutosaveFunc  func,
                                               gpointer         user_data);
void              wtw_autosave_changed        (WtwAutosave     *self);
gboolean          wtw_autosave_flush          (WtwAutosave     *self,
                                               GError         **error);
void              wtw_autosave_discard        (WtwAutosave     *self);
WtwAutosaveState  wtw_autosave_get_state      (WtwAutosave     *self);
gboolean          wtw_autosave_get_pending    (WtwAutosave     *self);
gboolean          wtw_autosave_get_saved      (WtwAutosave     *self);
guint             wtw_autosave_get_delay      (WtwAutosave     *self);
void              wtw_autosave_set_delay      (WtwAutosave     *self,
                                               guint            msec);

G_END_DECLS
