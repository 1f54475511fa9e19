/* wtw-transfer-ui.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void wtw_transfer_ui_export_all_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);
void wtw_transfer_ui_import_action     (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);

G_END_DECLS
