/* wtw-backups-group.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-backups.h"

G_BEGIN_DECLS

#define WTW_TYPE_BACKUPS_GROUP (wtw_backups_group_get_type ())

G_DECLARE_FINAL_TYPE (WtwBackupsGroup, wtw_backups_group, WTW, BACKUPS_GROUP, AdwPreferencesGroup)

WtwBackups *wtw_backups_group_get_backups (WtwBackupsGroup *self);
void        wtw_backups_group_set_backups (WtwBackupsGroup *self,
                                           WtwBackups      *backups);

G_END_DECLS
