/* wtw-backup-ui.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-backups.h"

G_BEGIN_DECLS

WtwBackups *wtw_backup_ui_get_backups         (void);
char       *wtw_backup_ui_describe            (const WtwBackupInfo *info);
char       *wtw_backup_ui_describe_when       (const WtwBackupInfo *info);
void        wtw_backup_ui_back_up_now         (GtkWidget           *anchor);
void        wtw_backup_ui_back_up_now_action  (GtkWidget           *widget,
                                               const char          *action_name,
                                               GVariant            *parameter);
void        wtw_backup_ui_report_failures     (AdwToastOverlay     *overlay);
void        wtw_backup_ui_choose_and_restore  (GtkWidget           *anchor,
                                               GPtrArray           *backups);

G_END_DECLS
