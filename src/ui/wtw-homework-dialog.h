/* wtw-homework-dialog.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-homework-list.h"

G_BEGIN_DECLS

#define WTW_TYPE_HOMEWORK_DIALOG (wtw_homework_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WtwHomeworkDialog, wtw_homework_dialog, WTW, HOMEWORK_DIALOG, AdwWindow)

WtwHomeworkDialog *wtw_homework_dialog_new         (GtkWindow         *parent,
                                                    WtwHomeworkList   *list,
                                                    WtwContent        *content);
void               wtw_homework_dialog_set_chapter (WtwHomeworkDialog *self,
                                                    const char        *chapter_id,
                                                    guint              part);
void               wtw_homework_dialog_set_item    (WtwHomeworkDialog *self,
                                                    WtwHomeworkItem   *item);
WtwHomeworkItem   *wtw_homework_dialog_get_item    (WtwHomeworkDialog *self);
const char        *wtw_homework_dialog_get_chapter_id (WtwHomeworkDialog *self);
guint              wtw_homework_dialog_get_part    (WtwHomeworkDialog *self);
void               wtw_homework_dialog_get_due     (WtwHomeworkDialog *self,
                                                    GDate             *due);
void               wtw_homework_dialog_set_due     (WtwHomeworkDialog *self,
                                                    const GDate       *due);
void               wtw_homework_dialog_set_note    (WtwHomeworkDialog *self,
                                                    const char        *note);
gboolean           wtw_homework_dialog_save        (WtwHomeworkDialog *self);

G_END_DECLS
