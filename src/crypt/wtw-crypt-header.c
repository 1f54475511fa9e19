/* wtw-crypt-header.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-crypt-header"

#include "config.h"

#include <gio/gio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "wtw-crypt-header.h"
#include "wtw-secure.h"

/* Byte offsets in a header copy (all integers little-endian). */
#define OFF_MAGIC      0
#define OFF_VERSION    8
#define OFF_FLAGS      12
#define OFF_FILE_ID    16
#define OFF_PAGE_SIZE  32
#define OFF_RESERVE    36
#define OFF_SEQUENCE   40
#define OFF_NSLOTS     48
#define OFF_SLOT_SIZE  52
#define OFF_SLOTS      64
#define SLOT_SIZE      384
#define OFF_MAC        4032
#define OFF_CHECKSUM   4064

/* Byte offsets inside a slot. */
#define S_KIND         0
#define S_KDF          1
#define S_MEMBER       8
#define S_OPS          16
#define S_MEM          24
#define S_SALT         32
#define S_PUBLIC       48
#define S_PARAMS_END   80      /* [0, 80) is the slot's identity, bound as AD */
#define S_WRAP_NONCE   80
#define S_WRAPPED      104
#define S_EPHEMERAL    184
#define S_SEAL_NONCE   216
#define S_SEALED       240
#define S_END          288
#define S_OWNER_TAG    288     /* 32 bytes, zero in slots made before owner tags */

#define KDF_ARGON2ID13 1

G_STATIC_ASSERT (OFF_SLOTS + WTW_HEADER_SLOTS * SLOT_SIZE <= OFF_MAC);
G_STATIC_ASSERT (S_WRAPPED + WTW_SLOT_WRAPPED == S_EPHEMERAL);
G_STATIC_ASSERT (S_SEALED + WTW_SLOT_SEALED == S_END);

static const guint8 magic[8] = { 'W', 'T', 'W', 'V', 'A', 'U', 'L', 'T' };

static void
put_u32 (guint8  *p,
         guint32  v)
{
  v = GUINT32_TO_LE (v);
  memcpy (p, &v, 4);
}

static void
put_u64 (guint8  *p,
         guint64  v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, 8);
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

/* The slot's identity: kind, KDF, member, Argon2id parameters, salt and public
 * key. It is the AD of both wraps, so changing any of it (a weaker cost, another
 * member) makes the slot fail to open. */
static void
slot_identity (const WtwSlot *slot,
               guint8        *p)
{
  memset (p, 0, S_PARAMS_END);
  p[S_KIND] = slot->kind;
  p[S_KDF] = slot->kind != WTW_SLOT_EMPTY ? KDF_ARGON2ID13 : 0;
  put_u64 (p + S_MEMBER, slot->member_id);
  put_u64 (p + S_OPS, slot->params.ops);
  put_u64 (p + S_MEM, slot->params.mem);
  memcpy (p + S_SALT, slot->salt, WTW_SALT_BYTES);
  memcpy (p + S_PUBLIC, slot->public_key, WTW_KEY_BYTES);
}

static void
slot_serialize (const WtwSlot *slot,
                guint8        *p)
{
  memset (p, 0, SLOT_SIZE);
  if (slot->kind == WTW_SLOT_EMPTY)
    return;
  slot_identity (slot, p);
  memcpy (p + S_WRAP_NONCE, slot->wrap_nonce, WTW_NONCE_BYTES);
  memcpy (p + S_WRAPPED, slot->wrapped, WTW_SLOT_WRAPPED);
  memcpy (p + S_EPHEMERAL, slot->ephemeral, WTW_KEY_BYTES);
  memcpy (p + S_SEAL_NONCE, slot->seal_nonce, WTW_NONCE_BYTES);
  memcpy (p + S_SEALED, slot->sealed, WTW_SLOT_SEALED);
  memcpy (p + S_OWNER_TAG, slot->owner_tag, WTW_KEY_BYTES);
}

static void
slot_parse (WtwSlot      *slot,
            const guint8 *p)
{
  memset (slot, 0, sizeof *slot);
  slot->kind = p[S_KIND];
  if (slot->kind != WTW_SLOT_PASSPHRASE && slot->kind != WTW_SLOT_RECOVERY)
    {
      slot->kind = WTW_SLOT_EMPTY;
      return;
    }
  slot->member_id = get_u64 (p + S_MEMBER);
  slot->params.ops = get_u64 (p + S_OPS);
  slot->params.mem = get_u64 (p + S_MEM);
  memcpy (slot->salt, p + S_SALT, WTW_SALT_BYTES);
  memcpy (slot->public_key, p + S_PUBLIC, WTW_KEY_BYTES);
  memcpy (slot->wrap_nonce, p + S_WRAP_NONCE, WTW_NONCE_BYTES);
  memcpy (slot->wrapped, p + S_WRAPPED, WTW_SLOT_WRAPPED);
  memcpy (slot->ephemeral, p + S_EPHEMERAL, WTW_KEY_BYTES);
  memcpy (slot->seal_nonce, p + S_SEAL_NONCE, WTW_NONCE_BYTES);
  memcpy (slot->sealed, p + S_SEALED, WTW_SLOT_SEALED);
  memcpy (slot->owner_tag, p + S_OWNER_TAG, WTW_KEY_BYTES);
}

static void
header_mac (const guint8 *raw,
            const guint8 *key,
            guint8       *out)
{
  crypto_generichash (out, WTW_KEY_BYTES, raw, OFF_MAC, key, WTW_KEY_BYTES);
}

static void
header_checksum (const guint8 *raw,
                 guint8       *out)
{
  crypto_generichash (out, 32, raw, OFF_CHECKSUM, NULL, 0);
}

static void
header_serialize (const WtwHeader    *header,
                  const WtwCryptKeys *keys,
                  guint8             *raw)
{
  memset (raw, 0, WTW_HEADER_SIZE);
  memcpy (raw + OFF_MAGIC, magic, sizeof magic);
  put_u32 (raw + OFF_VERSION, header->version);
  memcpy (raw + OFF_FILE_ID, header->file_id, WTW_FILE_ID_BYTES);
  put_u32 (raw + OFF_PAGE_SIZE, WTW_PAGE_SIZE);
  put_u32 (raw + OFF_RESERVE, WTW_PAGE_RESERVE);
  put_u64 (raw + OFF_SEQUENCE, header->sequence);
  put_u32 (raw + OFF_NSLOTS, WTW_HEADER_SLOTS);
  put_u32 (raw + OFF_SLOT_SIZE, SLOT_SIZE);
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    slot_serialize (&header->slots[i], raw + OFF_SLOTS + i * SLOT_SIZE);
  header_mac (raw, wtw_crypt_keys_get_header_key (keys), raw + OFF_MAC);
  header_checksum (raw, raw + OFF_CHECKSUM);
}

/* Classifies one copy. Every format version keeps the magic at 0, the
 * version at 8 and the BLAKE2b checksum of [0, 4064) at 4064, so a damaged
 * version field reads as damage, and only an intact copy of another version
 * as "unsupported". */
static WtwHeaderStatus
copy_status (const guint8 *raw)
{
  guint8 sum[32];

  if (memcmp (raw + OFF_MAGIC, magic, sizeof magic) != 0)
    return WTW_HEADER_NOT_A_VAULT;
  header_checksum (raw, sum);
  if (sodium_memcmp (sum, raw + OFF_CHECKSUM, sizeof sum) != 0)
    return WTW_HEADER_DAMAGED;
  if (get_u32 (raw + OFF_VERSION) != WTW_FORMAT_VERSION)
    return WTW_HEADER_UNSUPPORTED;
  if (get_u32 (raw + OFF_PAGE_SIZE) != WTW_PAGE_SIZE
      || get_u32 (raw + OFF_RESERVE) != WTW_PAGE_RESERVE
      || get_u32 (raw + OFF_NSLOTS) != WTW_HEADER_SLOTS
      || get_u32 (raw + OFF_SLOT_SIZE) != SLOT_SIZE)
    return WTW_HEADER_DAMAGED;
  return WTW_HEADER_OK;
}

static void
header_parse (WtwHeader    *header,
              const guint8 *raw)
{
  header->version = get_u32 (raw + OFF_VERSION);
  memcpy (header->file_id, raw + OFF_FILE_ID, WTW_FILE_ID_BYTES);
  header->sequence = get_u64 (raw + OFF_SEQUENCE);
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    slot_parse (&header->slots[i], raw + OFF_SLOTS + i * SLOT_SIZE);
  memcpy (header->mac, raw + OFF_MAC, WTW_KEY_BYTES);
}

/* Header I/O goes through SQLite's own unix VFS, never open()/close(): closing
 * any other descriptor of the file would drop the POSIX locks SQLite holds on
 * it in this process. The unix VFS shares descriptors per inode and defers the
 * close while locks are held. */
typedef struct
{
  sqlite3_vfs  *vfs;
  sqlite3_file *file;
  char         *path;
} RawFile;

static void
raw_close (RawFile *raw)
{
  if (raw->file != NULL && raw->file->pMethods != NULL)
    raw->file->pMethods->xClose (raw->file);
  g_clear_pointer (&raw->file, g_free);
  g_clear_pointer (&raw->path, g_free);
}

static int
raw_open (RawFile    *raw,
          const char *path,
          gboolean    writable)
{
  int flags = SQLITE_OPEN_MAIN_DB | (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
  int rc;

  raw->vfs = sqlite3_vfs_find ("unix");
  raw->file = g_malloc0 (raw->vfs->szOsFile);
  raw->path = g_malloc0 (raw->vfs->mxPathname + 1);
  rc = raw->vfs->xFullPathname (raw->vfs, path, raw->vfs->mxPathname + 1, raw->path);
  if (rc == SQLITE_OK)
    rc = raw->vfs->xOpen (raw->vfs, raw->path, raw->file, flags, NULL);
  return rc;
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          rc)
{
  g_set_error (error, G_IO_ERROR, rc == SQLITE_FULL ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_FAILED,
               "Could not access the vault file %s (%s)", path, sqlite3_errstr (rc));
}

/**
 * wtw_header_init:
 * @header: (out): a header to fill
 *
 * Makes an empty header of the current format with a new random file id.
 */
void
wtw_header_init (WtwHeader *header)
{
  memset (header, 0, sizeof *header);
  header->version = WTW_FORMAT_VERSION;
  randombytes_buf (header->file_id, sizeof header->file_id);
  header->older_copy = 0;
}

static WtwHeaderStatus
pick_copy (WtwHeader    *header,
           const guint8 *raw)
{
  WtwHeaderStatus a = copy_status (raw);
  WtwHeaderStatus b = copy_status (raw + WTW_HEADER_SIZE);
  guint best;

  if (a != WTW_HEADER_OK && b != WTW_HEADER_OK)
    {
      if (a == WTW_HEADER_NOT_A_VAULT && b == WTW_HEADER_NOT_A_VAULT)
        return WTW_HEADER_NOT_A_VAULT;
      if (a == WTW_HEADER_UNSUPPORTED || b == WTW_HEADER_UNSUPPORTED)
        return WTW_HEADER_UNSUPPORTED;
      return WTW_HEADER_DAMAGED;
    }
  if (a == WTW_HEADER_OK && b == WTW_HEADER_OK)
    best = get_u64 (raw + WTW_HEADER_SIZE + OFF_SEQUENCE) > get_u64 (raw + OFF_SEQUENCE);
  else
    best = a == WTW_HEADER_OK ? 0 : 1;
  header_parse (header, raw + best * WTW_HEADER_SIZE);
  header->older_copy = 1 - best;
  return WTW_HEADER_OK;
}

/**
 * wtw_header_read:
 * @path: the vault file
 * @header: (out): the newest valid copy
 * @error: set for %WTW_HEADER_IO_ERROR only
 *
 * Reads both header copies and keeps the valid one with the highest sequence.
 * Does not check the MAC: that needs the master key (wtw_header_mac_valid()).
 *
 * Returns: the status
 */
WtwHeaderStatus
wtw_header_read (const char  *path,
                 WtwHeader   *header,
                 GError     **error)
{
  RawFile raw = { 0 };
  guint8 *bytes = g_malloc0 (2 * WTW_HEADER_SIZE);
  WtwHeaderStatus status;
  int rc = raw_open (&raw, path, FALSE);

  if (rc == SQLITE_OK)
    rc = raw.file->pMethods->xRead (raw.file, bytes, 2 * WTW_HEADER_SIZE, 0);
  raw_close (&raw);

  if (rc == SQLITE_OK || rc == SQLITE_IOERR_SHORT_READ)
    status = pick_copy (header, bytes);
  else
    {
      set_io_error (error, path, rc);
      status = WTW_HEADER_IO_ERROR;
    }
  g_free (bytes);
  return status;
}

static int
write_copy (RawFile      *raw,
            const guint8 *bytes,
            guint         copy)
{
  int rc = raw->file->pMethods->xWrite (raw->file, bytes, WTW_HEADER_SIZE,
                                        (sqlite3_int64) copy * WTW_HEADER_SIZE);

  if (rc == SQLITE_OK)
    rc = raw->file->pMethods->xSync (raw->file, SQLITE_SYNC_FULL);
  return rc;
}

/**
 * wtw_header_write:
 * @path: the vault file (it must exist)
 * @header: the header; its sequence is incremented
 * @keys: the keys of the vault, for the MAC
 * @error: return location for a #GError
 *
 * Writes the older copy, syncs, then the other copy, and syncs again: a crash
 * at any point leaves one valid copy (the old or the new header).
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_header_write (const char         *path,
                  WtwHeader          *header,
                  const WtwCryptKeys *keys,
                  GError            **error)
{
  RawFile raw = { 0 };
  guint8 bytes[WTW_HEADER_SIZE];
  int rc;

  header->sequence++;
  header_serialize (header, keys, bytes);
  memcpy (header->mac, bytes + OFF_MAC, WTW_KEY_BYTES);
  rc = raw_open (&raw, path, TRUE);
  if (rc == SQLITE_OK)
    rc = write_copy (&raw, bytes, header->older_copy);
  if (rc == SQLITE_OK)
    rc = write_copy (&raw, bytes, 1 - header->older_copy);
  raw_close (&raw);
  if (rc != SQLITE_OK)
    {
      set_io_error (error, path, rc);
      return FALSE;
    }
  return TRUE;
}

/**
 * wtw_header_mac_valid:
 * @header: a header from wtw_header_read()
 * @keys: the keys its slot gave
 *
 * Returns: %TRUE if the header's MAC matches: nobody without the master key
 *   changed any slot or field
 */
gboolean
wtw_header_mac_valid (const WtwHeader    *header,
                      const WtwCryptKeys *keys)
{
  guint8 bytes[WTW_HEADER_SIZE];
  guint8 mac[WTW_KEY_BYTES];

  header_serialize (header, keys, bytes);
  header_mac (bytes, wtw_crypt_keys_get_header_key (keys), mac);
  return sodium_memcmp (mac, header->mac, sizeof mac) == 0;
}

/**
 * wtw_header_free_slot:
 * @header: a header
 *
 * Returns: the lowest empty slot index, or -1
 */
int
wtw_header_free_slot (const WtwHeader *header)
{
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    if (header->slots[i].kind == WTW_SLOT_EMPTY)
      return (int) i;
  return -1;
}

/* The master key is sealed to the slot's X25519 public key (an ephemeral key
 * agreement, then XChaCha20-Poly1305), so anyone holding the master key can
 * re-seal a new master key to every slot (export) without its passphrase. */
static gboolean
seal_key (const guint8 *shared,
          const guint8 *ephemeral,
          const guint8 *public_key,
          guint8       *key)
{
  crypto_generichash_state st;

  if (sodium_is_zero (shared, WTW_KEY_BYTES))
    return FALSE;
  crypto_generichash_init (&st, NULL, 0, WTW_KEY_BYTES);
  crypto_generichash_update (&st, shared, WTW_KEY_BYTES);
  crypto_generichash_update (&st, ephemeral, WTW_KEY_BYTES);
  crypto_generichash_update (&st, public_key, WTW_KEY_BYTES);
  crypto_generichash_final (&st, key, WTW_KEY_BYTES);
  return TRUE;
}

/* AD of the sealed master key: file id ‖ slot index (u32) ‖ slot identity. */
static void
seal_ad (const WtwHeader *header,
         guint            index,
         guint8          *ad)
{
  memcpy (ad, header->file_id, WTW_FILE_ID_BYTES);
  put_u32 (ad + WTW_FILE_ID_BYTES, index);
  slot_identity (&header->slots[index], ad + WTW_FILE_ID_BYTES + 4);
}

#define SEAL_AD_BYTES (WTW_FILE_ID_BYTES + 4 + S_PARAMS_END)

/**
 * wtw_slot_seal_master:
 * @header: a header whose slot @index is filled
 * @index: the slot
 * @master: the master key to seal to the slot
 *
 * (Re)seals @master to the slot's public key for this header's file id.
 *
 * Returns: %FALSE if the slot's public key is invalid
 */
gboolean
wtw_slot_seal_master (WtwHeader    *header,
                      guint         index,
                      const guint8 *master)
{
  WtwSlot *slot = &header->slots[index];
  guint8 eph_secret[WTW_KEY_BYTES], shared[WTW_KEY_BYTES], key[WTW_KEY_BYTES];
  guint8 ad[SEAL_AD_BYTES];
  gboolean ok;

  randombytes_buf (eph_secret, sizeof eph_secret);
  crypto_scalarmult_base (slot->ephemeral, eph_secret);
  ok = crypto_scalarmult (shared, eph_secret, slot->public_key) == 0
    && seal_key (shared, slot->ephemeral, slot->public_key, key);
  if (ok)
    {
      seal_ad (header, index, ad);
      randombytes_buf (slot->seal_nonce, WTW_NONCE_BYTES);
      crypto_aead_xchacha20poly1305_ietf_encrypt (slot->sealed, NULL, master, WTW_KEY_BYTES,
                                                  ad, sizeof ad, NULL, slot->seal_nonce, key);
    }
  sodium_memzero (eph_secret, sizeof eph_secret);
  sodium_memzero (shared, sizeof shared);
  sodium_memzero (key, sizeof key);
  return ok;
}

static gboolean
unseal_master (const WtwHeader *header,
               guint            index,
               const guint8    *slot_secret,
               guint8          *master)
{
  const WtwSlot *slot = &header->slots[index];
  guint8 shared[WTW_KEY_BYTES], key[WTW_KEY_BYTES];
  guint8 ad[SEAL_AD_BYTES];
  gboolean ok;

  seal_ad (header, index, ad);
  ok = crypto_scalarmult (shared, slot_secret, slot->ephemeral) == 0
    && seal_key (shared, slot->ephemeral, slot->public_key, key)
    && crypto_aead_xchacha20poly1305_ietf_decrypt (master, NULL, NULL, slot->sealed,
                                                   WTW_SLOT_SEALED, ad, sizeof ad,
                                                   slot->seal_nonce, key) == 0;
  sodium_memzero (shared, sizeof shared);
  sodium_memzero (key, sizeof key);
  return ok;
}

/**
 * wtw_slot_open:
 * @header: a header
 * @index: a filled slot
 * @secret: the passphrase (UTF-8, NFC) or the 32 recovery key bytes
 * @secret_len: length of @secret
 * @out: (out): guarded memory for the keys the slot holds
 *
 * Derives the slot's key-encryption key with Argon2id and opens the slot.
 * Blocking for as long as the slot's parameters say.
 *
 * Returns: %WTW_SLOT_OPENED, or why not
 */
WtwSlotStatus
wtw_slot_open (const WtwHeader *header,
               guint            index,
               const char      *secret,
               gsize            secret_len,
               WtwSlotSecrets  *out)
{
  const WtwSlot *slot = &header->slots[index];
  guint8 kek[WTW_KEY_BYTES], check[WTW_KEY_BYTES];
  guint8 ad[S_PARAMS_END];
  WtwSlotStatus status = WTW_SLOT_WRONG_SECRET;

  if (slot->kind == WTW_SLOT_EMPTY || !wtw_kdf_params_valid (&slot->params))
    return WTW_SLOT_DAMAGED;
  if (!wtw_kdf_derive (&slot->params, slot->salt, secret, secret_len, kek))
    return WTW_SLOT_NO_MEMORY;

  slot_identity (slot, ad);
  /* A wrong secret is a failed tag here: there is no stored hash to test. */
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (out->personal, NULL, NULL, slot->wrapped,
                                                  WTW_SLOT_WRAPPED, ad, sizeof ad,
                                                  slot->wrap_nonce, kek) == 0)
    {
      crypto_scalarmult_base (check, out->slot_secret);
      status = sodium_memcmp (check, slot->public_key, WTW_KEY_BYTES) == 0
               && unseal_master (header, index, out->slot_secret, out->master)
               ? WTW_SLOT_OPENED : WTW_SLOT_DAMAGED;
    }
  sodium_memzero (kek, sizeof kek);
  return status;
}

/* The owner tag: BLAKE2b-256 of the slot's identity, keyed with a subkey of
 * the owner's personal key, which only the owner holds. Anyone with the
 * master key can rewrite the header, but not make a slot that passes for
 * another member's. */
static void
owner_tag (const WtwSlot *slot,
           const guint8  *personal,
           guint8        *tag)
{
  guint8 subkey[crypto_kdf_KEYBYTES];
  guint8 identity[S_PARAMS_END];

  crypto_kdf_derive_from_key (subkey, sizeof subkey, 1, "wtwslot1", personal);
  slot_identity (slot, identity);
  crypto_generichash (tag, WTW_KEY_BYTES, identity, sizeof identity, subkey, sizeof subkey);
  sodium_memzero (subkey, sizeof subkey);
}

/**
 * wtw_slot_tag_owner:
 * @slot: a filled slot
 * @personal: its owner's 32-byte personal key
 *
 * Writes the slot's owner tag.
 */
void
wtw_slot_tag_owner (WtwSlot      *slot,
                    const guint8 *personal)
{
  owner_tag (slot, personal, slot->owner_tag);
}

/**
 * wtw_slot_owner_valid:
 * @slot: a slot
 * @personal: a member's 32-byte personal key
 *
 * Returns: %TRUE if the slot carries an owner tag made with @personal: it was
 *   made by that member (or by the app for them), not planted by another
 */
gboolean
wtw_slot_owner_valid (const WtwSlot *slot,
                      const guint8  *personal)
{
  guint8 tag[WTW_KEY_BYTES];
  gboolean ok;

  if (slot->kind == WTW_SLOT_EMPTY || sodium_is_zero (slot->owner_tag, WTW_KEY_BYTES))
    return FALSE;
  owner_tag (slot, personal, tag);
  ok = sodium_memcmp (tag, slot->owner_tag, WTW_KEY_BYTES) == 0;
  sodium_memzero (tag, sizeof tag);
  return ok;
}

/**
 * wtw_slot_fill:
 * @header: a header
 * @index: the slot to (over)write
 * @kind: passphrase or recovery
 * @member_id: the member the slot belongs to
 * @params: valid Argon2id parameters
 * @secret: the passphrase (UTF-8, NFC) or the 32 recovery key bytes
 * @secret_len: length of @secret
 * @personal: the member's 32-byte personal key
 * @master: the 32-byte master key
 *
 * Fills a slot with a new salt and key pair: wraps the slot's secret key and
 * @personal under the key derived from @secret, and seals @master to it.
 * Blocking (Argon2id).
 *
 * Returns: %FALSE if Argon2id could not get its memory
 */
gboolean
wtw_slot_fill (WtwHeader          *header,
               guint               index,
               WtwSlotKind         kind,
               guint64             member_id,
               const WtwKdfParams *params,
               const char         *secret,
               gsize               secret_len,
               const guint8       *personal,
               const guint8       *master)
{
  WtwSlot *slot = &header->slots[index];
  WtwSlotSecrets *s = wtw_secure_alloc (sizeof *s);
  guint8 kek[WTW_KEY_BYTES];
  guint8 ad[S_PARAMS_END];
  gboolean ok;

  memset (slot, 0, sizeof *slot);
  slot->kind = kind;
  slot->member_id = member_id;
  slot->params = *params;
  randombytes_buf (slot->salt, WTW_SALT_BYTES);
  randombytes_buf (s->slot_secret, WTW_KEY_BYTES);
  crypto_scalarmult_base (slot->public_key, s->slot_secret);
  memcpy (s->personal, personal, WTW_KEY_BYTES);

  ok = wtw_kdf_derive (params, slot->salt, secret, secret_len, kek);
  if (ok)
    {
      /* personal and slot_secret are adjacent in WtwSlotSecrets: wrap both. */
      slot_identity (slot, ad);
      randombytes_buf (slot->wrap_nonce, WTW_NONCE_BYTES);
      crypto_aead_xchacha20poly1305_ietf_encrypt (slot->wrapped, NULL, s->personal,
                                                  2 * WTW_KEY_BYTES, ad, sizeof ad, NULL,
                                                  slot->wrap_nonce, kek);
      ok = wtw_slot_seal_master (header, index, master);
    }
  if (ok)
    wtw_slot_tag_owner (slot, personal);
  else
    memset (slot, 0, sizeof *slot);
  sodium_memzero (kek, sizeof kek);
  wtw_secure_free (s);
  return ok;
}
