/* wtw-crypt-vfs.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "wtw-crypt-keys.h"

G_BEGIN_DECLS

/**
 * WTW_CRYPT_VFS_NAME:
 *
 * Name under which the page-encrypting VFS is registered with SQLite.
 */
#define WTW_CRYPT_VFS_NAME "wtw-crypt"

/**
 * WTW_HEADER_AREA:
 *
 * Bytes before the first SQLite page: two 4 KiB header copies.
 */
#define WTW_HEADER_AREA 8192

/* File control: int* receives the last page that failed to authenticate (0 if none). */
#define WTW_FCNTL_BAD_PAGE 0x57570001
/* File control: a WtwCryptDamageWatch* to install (see wtw_crypt_vfs_watch_damage()). */
#define WTW_FCNTL_DAMAGE_WATCH 0x57570002

typedef void (*WtwCryptDamageFunc) (guint32  pgno,
                                    gpointer user_data);

typedef struct
{
  WtwCryptDamageFunc func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} WtwCryptDamageWatch;

const char *wtw_crypt_vfs_register       (void);
int         wtw_crypt_vfs_open           (const char     *path,
                                          WtwCryptKeys   *keys,
                                          int             flags,
                                          sqlite3       **db);
int         wtw_crypt_vfs_bad_page       (sqlite3        *db);
gboolean    wtw_crypt_vfs_watch_damage   (sqlite3            *db,
                                          WtwCryptDamageFunc  func,
                                          gpointer            user_data,
                                          GDestroyNotify      destroy);
int         wtw_crypt_vfs_read_page      (sqlite3        *db,
                                          guint32         pgno,
                                          guint8         *plain);

/* Tests only: after @bytes more bytes are written through the VFS, writes fail
 * with SQLITE_FULL as on a full disk. A negative value removes the limit. */
void        _wtw_crypt_vfs_set_full_after (gint64        bytes);

G_END_DECLS
