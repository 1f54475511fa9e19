/* wtw-homework-item.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault-homework.h"

G_BEGIN_DECLS

/**
 * WtwHomeworkState:
 * @WTW_HOMEWORK_STATE_OVERDUE: not done, and its day has passed
 * @WTW_HOMEWORK_STATE_DUE_TODAY: not done, and due today
 * @WTW_HOMEWORK_STATE_UPCOMING: not done, due on a later day (or on no day)
 * @WTW_HOMEWORK_STATE_DONE: done
 *
 * Where a piece of homework stands on a given day.
 */
typedef enum
{
  WTW_HOMEWORK_STATE_OVERDUE,
  WTW_HOMEWORK_STATE_DUE_TODAY,
  WTW_HOMEWORK_STATE_UPCOMING,
  WTW_HOMEWORK_STATE_DONE,
} WtwHomeworkState;

/**
 * WtwHomeworkClock:
 * @user_data: data given with the clock
 *
 * Tells the time: homework models ask it for "now" instead of the system,
 * so tests can set the day.
 *
 * Returns: (transfer full): the local time now
 */
typedef GDateTime *(*WtwHomeworkClock) (gpointer user_data);

#define WTW_TYPE_HOMEWORK_STATE (wtw_homework_state_get_type ())
#define WTW_TYPE_HOMEWORK_ITEM (wtw_homework_item_get_type ())

G_DECLARE_FINAL_TYPE (WtwHomeworkItem, wtw_homework_item, WTW, HOMEWORK_ITEM, GObject)

GType              wtw_homework_state_get_type     (void) G_GNUC_CONST;
WtwHomeworkState   wtw_homework_state_for_day      (const WtwHomework *homework,
                                                    const GDate       *today);
const char        *wtw_homework_part_title         (guint              part);
void               wtw_homework_today              (WtwHomeworkClock   clock,
                                                    gpointer           clock_data,
                                                    GDate             *today);

WtwHomeworkItem   *wtw_homework_item_new           (const WtwHomework *homework,
                                                    const GDate       *today);
const WtwHomework *wtw_homework_item_get_homework  (WtwHomeworkItem   *self);
gint64             wtw_homework_item_get_id        (WtwHomeworkItem   *self);
const char        *wtw_homework_item_get_chapter_id (WtwHomeworkItem  *self);
guint              wtw_homework_item_get_part      (WtwHomeworkItem   *self);
const GDate       *wtw_homework_item_get_due       (WtwHomeworkItem   *self);
const char        *wtw_homework_item_get_note      (WtwHomeworkItem   *self);
gboolean           wtw_homework_item_get_done      (WtwHomeworkItem   *self);
WtwHomeworkState   wtw_homework_item_get_state     (WtwHomeworkItem   *self);

G_END_DECLS
