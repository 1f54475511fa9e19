/* wtw-homework-item-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-homework-item.h"

G_BEGIN_DECLS

/* Only WtwHomeworkList changes an item: after a save, or when the day turns. */
void _wtw_homework_item_set_homework (WtwHomeworkItem   *self,
                                      const WtwHomework *homework);
void _wtw_homework_item_set_today    (WtwHomeworkItem   *self,
                                      const GDate       *today);

G_END_DECLS
