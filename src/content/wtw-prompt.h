/* wtw-prompt.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_PROMPT (wtw_prompt_get_type ())

G_DECLARE_FINAL_TYPE (WtwPrompt, wtw_prompt, WTW, PROMPT, GObject)

const char *wtw_prompt_get_id   (WtwPrompt *self);
const char *wtw_prompt_get_text (WtwPrompt *self);

G_END_DECLS
