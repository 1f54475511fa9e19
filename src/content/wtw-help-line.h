/* wtw-help-line.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WTW_TYPE_HELP_LINE (wtw_help_line_get_type ())

G_DECLARE_FINAL_TYPE (WtwHelpLine, wtw_help_line, WTW, HELP_LINE, GObject)

const char *wtw_help_line_get_name   (WtwHelpLine *self);
const char *wtw_help_line_get_detail (WtwHelpLine *self);

G_END_DECLS
