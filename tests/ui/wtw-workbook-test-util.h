/* wtw-workbook-test-util.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the workbook's widget and screenshot tests share: a window holding
 * the view, template children by name, and keys pressed through the
 * widgets' own shortcuts.
 */

#pragma once

#include <adwaita.h>

#include "wtw-content.h"

G_BEGIN_DECLS

GtkWindow *wtw_workbook_test_window_new      (WtwContent  *content,
                                              int          width,
                                              int          height,
                                              GtkWidget  **view);
gpointer   wtw_workbook_test_child           (gpointer     widget,
                                              GType        type,
                                              const char  *name);
gboolean   wtw_workbook_test_press           (GtkWidget   *widget,
                                              guint        keyval,
                                              GdkModifierType modifiers);
void       wtw_workbook_test_settle          (GtkWidget   *widget);
gint64     wtw_workbook_test_fake_clock      (gpointer     user_data);

G_END_DECLS
