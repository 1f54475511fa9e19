/* wtw-test-app.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-application.h"

G_BEGIN_DECLS

#define WTW_TEST_PASSPHRASE "correct horse battery staple orbit"

WtwApplication *wtw_test_app_new             (int       *argc,
                                              char    ***argv);
void            wtw_test_app_create_vault    (WtwApplication *app);
void            wtw_test_iterate_until       (gboolean (*done) (gpointer),
                                              gpointer   data);
gboolean        wtw_test_is_mapped           (gpointer   widget);
GdkTexture     *wtw_test_render_widget       (GtkWidget *widget);
guint           wtw_test_count_colors        (GdkTexture *texture);

G_END_DECLS
