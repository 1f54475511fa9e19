/* wtw-crypt-keys.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-crypt-keys"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wtw-crypt-keys.h"
#include "wtw-secure.h"

#define KDF_CONTEXT "WTWvault"

typedef struct
{
  guint8 master[WTW_KEY_BYTES];
  guint8 page[WTW_KEY_BYTES];
  guint8 header[WTW_KEY_BYTES];
  guint8 journal[WTW_KEY_BYTES];
} Secrets;

struct _WtwCryptKeys
{
  gatomicrefcount  ref_count;
  guint8           file_id[WTW_FILE_ID_BYTES];
  Secrets         *secrets;
};

G_STATIC_ASSERT (sizeof KDF_CONTEXT - 1 == crypto_kdf_CONTEXTBYTES);

/**
 * wtw_crypt_keys_new:
 * @master: the 32-byte master key
 * @file_id: the 16-byte file id
 *
 * Copies @master into guarded memory and derives the page, header-MAC and
 * journal subkeys from it.
 *
 * Returns: (transfer full): new keys
 */
WtwCryptKeys *
wtw_crypt_keys_new (const guint8 *master,
                    const guint8 *file_id)
{
  WtwCryptKeys *keys = g_new0 (WtwCryptKeys, 1);
  Secrets *s = wtw_secure_alloc (sizeof *s);

  g_atomic_ref_count_init (&keys->ref_count);
  memcpy (keys->file_id, file_id, WTW_FILE_ID_BYTES);
  memcpy (s->master, master, WTW_KEY_BYTES);
  crypto_kdf_derive_from_key (s->page, WTW_KEY_BYTES, WTW_SUBKEY_PAGE, KDF_CONTEXT, master);
  crypto_kdf_derive_from_key (s->header, WTW_KEY_BYTES, WTW_SUBKEY_HEADER, KDF_CONTEXT, master);
  crypto_kdf_derive_from_key (s->journal, WTW_KEY_BYTES, WTW_SUBKEY_JOURNAL, KDF_CONTEXT, master);

  /* Nothing writes the keys after this: a stray write faults instead of
   * silently changing a key. */
  sodium_mprotect_readonly (s);
  keys->secrets = s;
  return keys;
}

/**
 * wtw_crypt_keys_ref:
 * @keys: keys
 *
 * Returns: (transfer full): @keys
 */
WtwCryptKeys *
wtw_crypt_keys_ref (WtwCryptKeys *keys)
{
  g_return_val_if_fail (keys != NULL, NULL);

  g_atomic_ref_count_inc (&keys->ref_count);
  return keys;
}

/**
 * wtw_crypt_keys_unref:
 * @keys: (transfer full): keys
 *
 * Drops a reference; the last one wipes the key material.
 */
void
wtw_crypt_keys_unref (WtwCryptKeys *keys)
{
  g_return_if_fail (keys != NULL);

  if (!g_atomic_ref_count_dec (&keys->ref_count))
    return;
  wtw_secure_free (keys->secrets);
  sodium_memzero (keys, sizeof *keys);
  g_free (keys);
}

/**
 * wtw_crypt_keys_get_master:
 * @keys: keys
 *
 * Returns: the 32-byte master key; valid while @keys lives
 */
const guint8 *
wtw_crypt_keys_get_master (const WtwCryptKeys *keys)
{
  return keys->secrets->master;
}

/**
 * wtw_crypt_keys_get_file_id:
 * @keys: keys
 *
 * Returns: the 16-byte file id
 */
const guint8 *
wtw_crypt_keys_get_file_id (const WtwCryptKeys *keys)
{
  return keys->file_id;
}

/**
 * wtw_crypt_keys_get_header_key:
 * @keys: keys
 *
 * Returns: the 32-byte key of the header MAC
 */
const guint8 *
wtw_crypt_keys_get_header_key (const WtwCryptKeys *keys)
{
  return keys->secrets->header;
}

/* AD of a page: file id ‖ page number (u32 little-endian). Binding the file id
 * stops pages moving between vaults, the number stops them moving within one. */
static void
page_ad (const WtwCryptKeys *keys,
         guint32             pgno,
         guint8             *ad)
{
  guint32 le = GUINT32_TO_LE (pgno);

  memcpy (ad, keys->file_id, WTW_FILE_ID_BYTES);
  memcpy (ad + WTW_FILE_ID_BYTES, &le, 4);
}

/**
 * wtw_crypt_page_seal:
 * @keys: keys
 * @pgno: the page number (1-based)
 * @plain: %WTW_PAGE_SIZE bytes; the last %WTW_PAGE_RESERVE are ignored
 * @out: %WTW_PAGE_SIZE bytes: ciphertext ‖ nonce ‖ tag
 *
 * Encrypts one page with a fresh random nonce.
 */
void
wtw_crypt_page_seal (const WtwCryptKeys *keys,
                     guint32             pgno,
                     const guint8       *plain,
                     guint8             *out)
{
  guint8 ad[WTW_FILE_ID_BYTES + 4];
  guint8 *nonce = out + WTW_PAGE_DATA;
  guint8 *tag = nonce + WTW_NONCE_BYTES;

  page_ad (keys, pgno, ad);
  randombytes_buf (nonce, WTW_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached (out, tag, NULL, plain, WTW_PAGE_DATA,
                                                       ad, sizeof ad, NULL, nonce,
                                                       keys->secrets->page);
}

/**
 * wtw_crypt_page_open:
 * @keys: keys
 * @pgno: the page number the page is expected to be
 * @sealed: %WTW_PAGE_SIZE bytes as written by wtw_crypt_page_seal()
 * @plain: %WTW_PAGE_SIZE bytes of output; the reserved tail is zeroed
 *
 * Returns: %TRUE if the page authenticates; otherwise @plain is all zeros
 */
gboolean
wtw_crypt_page_open (const WtwCryptKeys *keys,
                     guint32             pgno,
                     const guint8       *sealed,
                     guint8             *plain)
{
  guint8 ad[WTW_FILE_ID_BYTES + 4];
  const guint8 *nonce = sealed + WTW_PAGE_DATA;
  const guint8 *tag = nonce + WTW_NONCE_BYTES;
  int rc;

  page_ad (keys, pgno, ad);
  rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached (plain, NULL, sealed, WTW_PAGE_DATA,
                                                            tag, ad, sizeof ad, nonce,
                                                            keys->secrets->page);
  if (rc != 0)
    sodium_memzero (plain, WTW_PAGE_SIZE);
  else
    memset (plain + WTW_PAGE_DATA, 0, WTW_PAGE_RESERVE);
  return rc == 0;
}

/**
 * wtw_crypt_journal_mask:
 * @keys: keys
 * @tag: the 16-byte tag of a journal record
 *
 * SQLite's journal checksum is a sum of plaintext bytes; it is stored XORed
 * with this mask so that the journal leaks nothing about page contents. The
 * tag is unique per record, so the mask is a one-time pad.
 *
 * Returns: the mask for the record's checksum
 */
guint32
wtw_crypt_journal_mask (const WtwCryptKeys *keys,
                        const guint8       *tag)
{
  guint8 out[crypto_generichash_BYTES_MIN];
  guint32 mask;

  crypto_generichash (out, sizeof out, tag, WTW_TAG_BYTES,
                      keys->secrets->journal, WTW_KEY_BYTES);
  memcpy (&mask, out, 4);
  return mask;
}

#define PRIVATE_CONTEXT "WTWprivt"
#define PRIVATE_VERSION 1

/* Private text is sealed under a subkey of the member's personal key, so the
 * personal key itself never meets a cipher directly. */
static void
private_key (const guint8 *personal,
             guint8       *key)
{
  crypto_kdf_derive_from_key (key, WTW_KEY_BYTES, 1, PRIVATE_CONTEXT, personal);
}

/**
 * wtw_crypt_private_seal:
 * @personal: a member's 32-byte personal key
 * @ad: associated data naming the row (e.g. entry id ‖ member id)
 * @ad_len: length of @ad
 * @plain: the text to seal
 * @plain_len: length of @plain
 *
 * Returns: (transfer full): version (1 byte) ‖ nonce (24) ‖ ciphertext ‖ tag (16)
 */
GBytes *
wtw_crypt_private_seal (const guint8 *personal,
                        const guint8 *ad,
                        gsize         ad_len,
                        const guint8 *plain,
                        gsize         plain_len)
{
  gsize len = 1 + WTW_NONCE_BYTES + plain_len + WTW_TAG_BYTES;
  guint8 *out = g_malloc (len);
  guint8 key[WTW_KEY_BYTES];

  out[0] = PRIVATE_VERSION;
  randombytes_buf (out + 1, WTW_NONCE_BYTES);
  private_key (personal, key);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + 1 + WTW_NONCE_BYTES, NULL, plain, plain_len,
                                              ad, ad_len, NULL, out + 1, key);
  sodium_memzero (key, sizeof key);
  return g_bytes_new_take (out, len);
}

/**
 * wtw_crypt_private_open:
 * @personal: a member's 32-byte personal key
 * @ad: the associated data used to seal
 * @ad_len: length of @ad
 * @sealed: a blob from wtw_crypt_private_seal()
 * @sealed_len: length of @sealed
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if the blob does not
 *   authenticate (wrong key, other row, tampering)
 */
GBytes *
wtw_crypt_private_open (const guint8 *personal,
                        const guint8 *ad,
                        gsize         ad_len,
                        const guint8 *sealed,
                        gsize         sealed_len)
{
  guint8 key[WTW_KEY_BYTES];
  guint8 *plain;
  gsize plain_len;
  int rc;

  if (sealed_len < 1 + WTW_NONCE_BYTES + WTW_TAG_BYTES || sealed[0] != PRIVATE_VERSION)
    return NULL;
  plain_len = sealed_len - 1 - WTW_NONCE_BYTES - WTW_TAG_BYTES;
  plain = g_malloc (plain_len + 1);
  private_key (personal, key);
  rc = crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL, sealed + 1 + WTW_NONCE_BYTES,
                                                   sealed_len - 1 - WTW_NONCE_BYTES, ad, ad_len,
                                                   sealed + 1, key);
  sodium_memzero (key, sizeof key);
  if (rc != 0)
    {
      g_free (plain);
      return NULL;
    }
  return g_bytes_new_take (plain, plain_len);
}
