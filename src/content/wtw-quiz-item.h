/* wtw-quiz-item.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_ITEM (wtw_quiz_item_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizItem, wtw_quiz_item, WTW, QUIZ_ITEM, GObject)

const char *wtw_quiz_item_get_id        (WtwQuizItem *self);
const char *wtw_quiz_item_get_dimension (WtwQuizItem *self);
const char *wtw_quiz_item_get_text      (WtwQuizItem *self);
gboolean    wtw_quiz_item_get_reverse   (WtwQuizItem *self);

G_END_DECLS
