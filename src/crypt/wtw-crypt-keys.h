/* wtw-crypt-keys.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WTW_KEY_BYTES       32
#define WTW_FILE_ID_BYTES   16
#define WTW_PAGE_SIZE       4096
#define WTW_PAGE_RESERVE    40
#define WTW_PAGE_DATA       (WTW_PAGE_SIZE - WTW_PAGE_RESERVE)
#define WTW_NONCE_BYTES     24
#define WTW_TAG_BYTES       16

/* Subkey ids under the master key, context "WTWvault" (crypto_kdf). */
#define WTW_SUBKEY_PAGE     1
#define WTW_SUBKEY_HEADER   2
#define WTW_SUBKEY_JOURNAL  3

/**
 * WtwCryptKeys:
 *
 * A vault's master key, the subkeys derived from it and the file id, shared by
 * the vault and every SQLite file it opens. Reference counted; the key material
 * lives in read-only guarded memory and is wiped when the last reference goes.
 */
typedef struct _WtwCryptKeys WtwCryptKeys;

WtwCryptKeys *wtw_crypt_keys_new          (const guint8       *master,
                                           const guint8       *file_id);
WtwCryptKeys *wtw_crypt_keys_ref          (WtwCryptKeys       *keys);
void          wtw_crypt_keys_unref        (WtwCryptKeys       *keys);
const guint8 *wtw_crypt_keys_get_master   (const WtwCryptKeys *keys);
const guint8 *wtw_crypt_keys_get_file_id  (const WtwCryptKeys *keys);
const guint8 *wtw_crypt_keys_get_header_key (const WtwCryptKeys *keys);

void          wtw_crypt_page_seal         (const WtwCryptKeys *keys,
                                           guint32             pgno,
                                           const guint8       *plain,
                                           guint8             *out);
gboolean      wtw_crypt_page_open         (const WtwCryptKeys *keys,
                                           guint32             pgno,
                                           const guint8       *sealed,
                                           guint8             *plain);
guint32       wtw_crypt_journal_mask      (const WtwCryptKeys *keys,
                                           const guint8       *tag);

GBytes       *wtw_crypt_private_seal      (const guint8       *personal,
                                           const guint8       *ad,
                                           gsize               ad_len,
                                           const guint8       *plain,
                                           gsize               plain_len);
GBytes       *wtw_crypt_private_open      (const guint8       *personal,
                                           const guint8       *ad,
                                           gsize               ad_len,
                                           const guint8       *sealed,
                                           gsize               sealed_len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwCryptKeys, wtw_crypt_keys_unref)

G_END_DECLS
