/* wtw-crypt-header.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "wtw-crypt-kdf.h"
#include "wtw-crypt-keys.h"

G_BEGIN_DECLS

#define WTW_HEADER_SIZE      4096
#define WTW_HEADER_SLOTS     8
#define WTW_FORMAT_VERSION   1
#define WTW_SALT_BYTES       16
#define WTW_SLOT_WRAPPED     (2 * WTW_KEY_BYTES + WTW_TAG_BYTES)
#define WTW_SLOT_SEALED      (WTW_KEY_BYTES + WTW_TAG_BYTES)

typedef enum
{
  WTW_SLOT_EMPTY = 0,
  WTW_SLOT_PASSPHRASE = 1,
  WTW_SLOT_RECOVERY = 2,
} WtwSlotKind;

/* One key slot as stored; see docs/vault-format.md for the byte layout. */
typedef struct
{
  guint8       kind;
  guint64      member_id;
  WtwKdfParams params;
  guint8       salt[WTW_SALT_BYTES];
  guint8       public_key[WTW_KEY_BYTES];
  guint8       wrap_nonce[WTW_NONCE_BYTES];
  guint8       wrapped[WTW_SLOT_WRAPPED];
  guint8       ephemeral[WTW_KEY_BYTES];
  guint8       seal_nonce[WTW_NONCE_BYTES];
  guint8       sealed[WTW_SLOT_SEALED];
  guint8       owner_tag[WTW_KEY_BYTES];   /* zeros in slots made before owner tags */
} WtwSlot;

typedef struct
{
  guint32 version;
  guint8  file_id[WTW_FILE_ID_BYTES];
  guint64 sequence;
  WtwSlot slots[WTW_HEADER_SLOTS];
  guint   older_copy;              /* the copy an update writes first */
  guint8  mac[WTW_KEY_BYTES];      /* MAC of the copy that was read */
} WtwHeader;

typedef enum
{
  WTW_HEADER_OK,
  WTW_HEADER_IO_ERROR,
  WTW_HEADER_NOT_A_VAULT,
  WTW_HEADER_UNSUPPORTED,
  WTW_HEADER_DAMAGED,
} WtwHeaderStatus;

/* What a slot hands out when it opens, in one guarded allocation. personal and
 * slot_secret must stay adjacent: they are wrapped together as one 64-byte value. */
typedef struct
{
  guint8 master[WTW_KEY_BYTES];
  guint8 personal[WTW_KEY_BYTES];
  guint8 slot_secret[WTW_KEY_BYTES];
} WtwSlotSecrets;

typedef enum
{
  WTW_SLOT_OPENED,
  WTW_SLOT_WRONG_SECRET,
  WTW_SLOT_DAMAGED,
  WTW_SLOT_NO_MEMORY,
} WtwSlotStatus;

void            wtw_header_init        (WtwHeader          *header);
WtwHeaderStatus wtw_header_read        (const char         *path,
                                        WtwHeader          *header,
                                        GError            **error);
gboolean        wtw_header_write       (const char         *path,
                                        WtwHeader          *header,
                                        const WtwCryptKeys *keys,
                                        GError            **error);
gboolean        wtw_header_mac_valid   (const WtwHeader    *header,
                                        const WtwCryptKeys *keys);
int             wtw_header_free_slot   (const WtwHeader    *header);

WtwSlotStatus   wtw_slot_open          (const WtwHeader    *header,
                                        guint               index,
                                        const char         *secret,
                                        gsize               secret_len,
                                        WtwSlotSecrets     *out);
gboolean        wtw_slot_fill          (WtwHeader          *header,
                                        guint               index,
                                        WtwSlotKind         kind,
                                        guint64             member_id,
                                        const WtwKdfParams *params,
                                        const char         *secret,
                                        gsize               secret_len,
                                        const guint8       *personal,
                                        const guint8       *master);
void            wtw_slot_tag_owner     (WtwSlot            *slot,
                                        const guint8       *personal);
gboolean        wtw_slot_owner_valid   (const WtwSlot      *slot,
                                        const guint8       *personal);
gboolean        wtw_slot_seal_master   (WtwHeader          *header,
                                        guint               index,
                                        const guint8       *master);

G_END_DECLS
