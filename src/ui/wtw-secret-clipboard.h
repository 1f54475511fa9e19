/* wtw-secret-clipboard.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WTW_SECRET_CLIPBOARD_SECONDS 30

void wtw_secret_clipboard_copy (GtkWidget  *widget,
                                const char *secret);

G_END_DECLS
