/* wtw-homework-list.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-homework-item.h"
#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_HOMEWORK_LIST (wtw_homework_list_get_type ())

G_DECLARE_FINAL_TYPE (WtwHomeworkList, wtw_homework_list, WTW, HOMEWORK_LIST, GObject)

WtwHomeworkList *wtw_homework_list_new         (WtwSession         *session);
WtwSession      *wtw_homework_list_get_session (WtwHomeworkList    *self);
void             wtw_homework_list_set_clock   (WtwHomeworkList    *self,
                                                WtwHomeworkClock    clock,
                                                gpointer            clock_data,
                                                GDestroyNotify      clock_destroy);
void             wtw_homework_list_get_today   (WtwHomeworkList    *self,
                                                GDate              *today);
gboolean         wtw_homework_list_refresh_day (WtwHomeworkList    *self);
guint            wtw_homework_list_get_n_due   (WtwHomeworkList    *self);
gboolean         wtw_homework_list_reload      (WtwHomeworkList    *self,
                                                GError            **error);
WtwHomeworkItem *wtw_homework_list_lookup      (WtwHomeworkList    *self,
                                                gint64              id);
WtwHomeworkItem *wtw_homework_list_add         (WtwHomeworkList    *self,
                                                const char         *chapter_id,
                                                guint               part,
                                                const GDate        *due,
                                                const char         *note,
                                                GError            **error);
gboolean         wtw_homework_list_update      (WtwHomeworkList    *self,
                                                WtwHomeworkItem    *item,
                                                const char         *chapter_id,
                                                guint               part,
                                                const GDate        *due,
                                                const char         *note,
                                                GError            **error);
gboolean         wtw_homework_list_set_done    (WtwHomeworkList    *self,
                                                WtwHomeworkItem    *item,
                                                gboolean            done,
                                                GError            **error);
WtwHomework     *wtw_homework_list_remove      (WtwHomeworkList    *self,
                                                WtwHomeworkItem    *item,
                                                GError            **error);
WtwHomeworkItem *wtw_homework_list_restore     (WtwHomeworkList    *self,
                                                const WtwHomework  *removed,
                                                GError            **error);

G_END_DECLS
