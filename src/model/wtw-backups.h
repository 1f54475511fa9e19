/* wtw-backups.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-backup.h"
#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_BACKUPS (wtw_backups_get_type ())

G_DECLARE_FINAL_TYPE (WtwBackups, wtw_backups, WTW, BACKUPS, GObject)

WtwBackups    *wtw_backups_new                (WtwSession          *session,
                                               GSettings           *settings);
WtwSession    *wtw_backups_get_session        (WtwBackups          *self);
GFile         *wtw_backups_dup_folder         (WtwBackups          *self);
void           wtw_backups_set_folder         (WtwBackups          *self,
                                               GFile               *folder);
gboolean       wtw_backups_get_automatic      (WtwBackups          *self);
void           wtw_backups_set_automatic      (WtwBackups          *self,
                                               gboolean             automatic);
guint          wtw_backups_get_keep           (WtwBackups          *self);
void           wtw_backups_set_keep           (WtwBackups          *self,
                                               guint                keep);
gboolean       wtw_backups_get_busy           (WtwBackups          *self);
double         wtw_backups_get_progress       (WtwBackups          *self);

GPtrArray     *wtw_backups_list               (WtwBackups          *self,
                                               GError             **error);
WtwBackupInfo *wtw_backups_dup_latest         (WtwBackups          *self);

void           wtw_backups_notify_changed     (WtwBackups          *self);

void           wtw_backups_back_up_now_async  (WtwBackups          *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GFile         *wtw_backups_back_up_now_finish (WtwBackups          *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void           wtw_backups_restore_async      (WtwBackups          *self,
                                               GFile               *backup,
                                               const char          *secret,
                                               WtwSecretKind        kind,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GFile         *wtw_backups_restore_finish     (WtwBackups          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
