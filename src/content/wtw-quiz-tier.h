/* wtw-quiz-tier.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_QUIZ_TIER (wtw_quiz_tier_get_type ())

G_DECLARE_FINAL_TYPE (WtwQuizTier, wtw_quiz_tier, WTW, QUIZ_TIER, GObject)

guint       wtw_quiz_tier_get_min     (WtwQuizTier *self);
const char *wtw_quiz_tier_get_name    (WtwQuizTier *self);
const char *wtw_quiz_tier_get_meaning (WtwQuizTier *self);

G_END_DECLS
