/* wtw-backup.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault.h"

/*
 * Backups (see docs/backups.md): encrypted copies of a vault made with
 * wtw_vault_export() into a folder, under names that sort by time:
 *
 *   Words That Work backup 2026-11-23 093000.wtw            made by a person
 *   Words That Work backup 2026-11-23 093000 automatic.wtw  made after changes
 *
 * (a second backup in the same second gets "-2", "-3"… after the time).
 * Rotation deletes only automatic backups, and only files whose name has that
 * exact shape and whose first bytes are a vault header: nothing else in the
 * folder is ever touched.
 *
 * Restoring is two steps so that the current vault stays open as long as
 * possible: wtw_backup_prepare_restore() copies the backup beside the vault
 * under a temporary name and checks that copy (the secret must open it, every
 * page must authenticate); then, once the current vault is locked,
 * wtw_backup_finish_restore() moves the current file aside (never deleting
 * it) and gives the checked copy the vault's name.
 */

G_BEGIN_DECLS

/**
 * WTW_BACKUP_ERROR:
 *
 * Error domain of backups. Every message is one sentence meant for a person.
 */
#define WTW_BACKUP_ERROR (wtw_backup_error_quark ())

/**
 * WtwBackupError:
 * @WTW_BACKUP_ERROR_WRONG_PASSPHRASE: the secret does not open the backup
 * @WTW_BACKUP_ERROR_DAMAGED: the backup is damaged, not a vault, or from a newer version
 * @WTW_BACKUP_ERROR_DISK_FULL: the disk is full; nothing was changed
 * @WTW_BACKUP_ERROR_FOLDER: the folder cannot be created or written to
 * @WTW_BACKUP_ERROR_NOT_FOUND: the backup file is not there
 * @WTW_BACKUP_ERROR_FAILED: anything else (the vault is locked, an I/O error)
 */
typedef enum
{
  WTW_BACKUP_ERROR_WRONG_PASSPHRASE,
  WTW_BACKUP_ERROR_DAMAGED,
  WTW_BACKUP_ERROR_DISK_FULL,
  WTW_BACKUP_ERROR_FOLDER,
  WTW_BACKUP_ERROR_NOT_FOUND,
  WTW_BACKUP_ERROR_FAILED,
} WtwBackupError;

/**
 * WtwBackupInfo:
 * @file: the backup file
 * @time: when it was made (local time, from its name)
 * @size: its size in bytes
 * @automatic: whether it was made automatically (and is rotated)
 *
 * One backup in a folder.
 */
typedef struct
{
  GFile     *file;
  GDateTime *time;
  goffset    size;
  gboolean   automatic;
  /*< private >*/
  guint      serial;
} WtwBackupInfo;

#define WTW_TYPE_BACKUP_INFO (wtw_backup_info_get_type ())

GQuark         wtw_backup_error_quark      (void);
GType          wtw_backup_info_get_type    (void) G_GNUC_CONST;
WtwBackupInfo *wtw_backup_info_copy        (const WtwBackupInfo *info);
void           wtw_backup_info_free        (WtwBackupInfo       *info);

char          *wtw_backup_make_name        (GDateTime           *time,
                                            gboolean             automatic,
                                            guint                serial);
gboolean       wtw_backup_parse_name       (const char          *name,
                                            GDateTime          **time,
                                            gboolean            *automatic,
                                            guint               *serial);
GFile         *wtw_backup_default_folder   (GFile               *vault_file);

GPtrArray     *wtw_backup_list             (GFile               *folder,
                                            GCancellable        *cancellable,
                                            GError             **error);
gboolean       wtw_backup_rotate           (GFile               *folder,
                                            guint                keep,
                                            guint               *n_deleted,
                                            GCancellable        *cancellable,
                                            GError             **error);

gboolean       wtw_backup_prepare_folder   (GFile               *folder,
                                            GError             **error);
GFile         *wtw_backup_write            (WtwVault            *vault,
                                            GFile               *folder,
                                            gboolean             automatic,
                                            GDateTime           *now,
                                            GCancellable        *cancellable,
                                            GError             **error);
void           wtw_backup_write_async      (WtwVault            *vault,
                                            GFile               *folder,
                                            gboolean             automatic,
                                            guint                keep,
                                            WtwVaultProgress     progress,
                                            gpointer             progress_data,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GFile         *wtw_backup_write_finish     (WtwVault            *vault,
                                            GAsyncResult        *result,
                                            GError             **error);

GFile         *wtw_backup_prepare_restore  (GFile               *backup,
                                            GFile               *vault_file,
                                            const char          *secret,
                                            WtwSecretKind        kind,
                                            GCancellable        *cancellable,
                                            GError             **error);
gboolean       wtw_backup_finish_restore   (GFile               *checked_copy,
                                            GFile               *vault_file,
                                            GDateTime           *now,
                                            GFile              **moved_aside,
                                            GError             **error);
void           wtw_backup_discard_restore  (GFile               *checked_copy);
WtwSecretKind  wtw_backup_guess_secret_kind (const char         *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwBackupInfo, wtw_backup_info_free)

G_END_DECLS
