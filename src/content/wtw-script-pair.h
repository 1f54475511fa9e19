/* wtw-script-pair.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_SCRIPT_PAIR (wtw_script_pair_get_type ())

G_DECLARE_FINAL_TYPE (WtwScriptPair, wtw_script_pair, WTW, SCRIPT_PAIR, GObject)

const char *wtw_script_pair_get_situation (WtwScriptPair *self);
const char *wtw_script_pair_get_instead   (WtwScriptPair *self);
const char *wtw_script_pair_get_try       (WtwScriptPair *self);
const char *wtw_script_pair_get_why       (WtwScriptPair *self);

G_END_DECLS
