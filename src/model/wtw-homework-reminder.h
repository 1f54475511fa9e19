/* wtw-homework-reminder.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-content.h"
#include "wtw-homework-item.h"
#include "wtw-session.h"

G_BEGIN_DECLS

/**
 * WtwHomeworkSender:
 * @id: the notification's id, one per piece of homework
 * @title: the notification's title
 * @body: the notification's body
 * @user_data: data given with the sender
 *
 * Shows a notification. The default sends a #GNotification through the
 * default #GApplication; tests give one that records what would be shown.
 */
typedef void (*WtwHomeworkSender) (const char *id,
                                   const char *title,
                                   const char *body,
                                   gpointer    user_data);

#define WTW_TYPE_HOMEWORK_REMINDER (wtw_homework_reminder_get_type ())

G_DECLARE_FINAL_TYPE (WtwHomeworkReminder, wtw_homework_reminder, WTW, HOMEWORK_REMINDER, GObject)

WtwHomeworkReminder *wtw_homework_reminder_new         (WtwSession          *session);
gboolean             wtw_homework_reminder_get_enabled (WtwHomeworkReminder *self);
void                 wtw_homework_reminder_set_enabled (WtwHomeworkReminder *self,
                                                        gboolean             enabled);
WtwContent          *wtw_homework_reminder_get_content (WtwHomeworkReminder *self);
void                 wtw_homework_reminder_set_content (WtwHomeworkReminder *self,
                                                        WtwContent          *content);
void                 wtw_homework_reminder_set_clock   (WtwHomeworkReminder *self,
                                                        WtwHomeworkClock     clock,
                                                        gpointer             clock_data,
                                                        GDestroyNotify       clock_destroy);
void                 wtw_homework_reminder_set_sender  (WtwHomeworkReminder *self,
                                                        WtwHomeworkSender    sender,
                                                        gpointer             sender_data,
                                                        GDestroyNotify       sender_destroy);
guint                wtw_homework_reminder_check       (WtwHomeworkReminder *self);
char                *wtw_homework_reminder_describe    (WtwHomeworkReminder *self,
                                                        const WtwHomework   *homework);

G_END_DECLS
