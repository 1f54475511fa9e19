/* wtw-vault-keys.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-keys"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wtw-crypt-recovery.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-keys.h"
#include "wtw-vault-sql.h"

/*
 * Secrets, headers and slots for the files that implement WtwVault: turning
 * what a person typed into slot secrets, reading the header into vault
 * errors, opening and filling slots. No vault object here.
 */

gboolean
_wtw_vault_set_locked_error (GError **error)
{
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                       "The vault is locked; unlock it first.");
  return FALSE;
}

/* Passphrases are compared as NFC so that the same words typed with another
 * input method still open the vault. Recovery keys become their 32 bytes. */
char *
_wtw_vault_prepare_secret (const char     *secret,
                           WtwSecretKind   kind,
                           gsize          *len,
                           GError        **error)
{
  char *out;

  if (kind == WTW_SECRET_RECOVERY_KEY)
    {
      out = wtw_secure_alloc (WTW_RECOVERY_KEY_BYTES);
      *len = WTW_RECOVERY_KEY_BYTES;
      if (wtw_recovery_key_parse (secret, (guint8 *) out))
        return out;
      wtw_secure_free (out);
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE,
                           "That recovery key is incomplete or has a typo; "
                           "check it and try again.");
      return NULL;
    }
  else
    {
      g_autofree char *nfc = g_utf8_normalize (secret, -1, G_NORMALIZE_NFC);

      if (nfc == NULL)
        {
          g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                               "The passphrase is not valid text.");
          return NULL;
        }
      *len = strlen (nfc);
      out = wtw_secure_strdup (nfc);
      sodium_memzero (nfc, *len);
      return out;
    }
}

gboolean
_wtw_vault_check_params (const WtwKdfParams  *params,
                         GError             **error)
{
  if (params == NULL || wtw_kdf_params_valid (params))
    return TRUE;
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
               "The key derivation cost is too low; it must be at least %d passes and %d MiB.",
               WTW_KDF_OPS_FLOOR, (int) (WTW_KDF_MEM_FLOOR / (1024 * 1024)));
  return FALSE;
}

gboolean
_wtw_vault_check_new_passphrase (const char  *passphrase,
                                 GError     **error)
{
  if (passphrase != NULL && passphrase[0] != '\0')
    return TRUE;
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                       "Choose a passphrase; it cannot be empty.");
  return FALSE;
}

WtwKdfParams
_wtw_vault_resolve_params (const WtwKdfParams *params)
{
  WtwKdfParams out;

  if (params != NULL)
    return *params;
  wtw_kdf_calibrate (&out);
  return out;
}

static gboolean
header_status_to_error (WtwHeaderStatus   status,
                        const char       *path,
                        GError          **error)
{
  switch (status)
    {
    case WTW_HEADER_OK:
      return TRUE;
    case WTW_HEADER_NOT_A_VAULT:
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT,
                           "This file is not a Words That Work vault.");
      break;
    case WTW_HEADER_UNSUPPORTED:
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_UNSUPPORTED_VERSION,
                           "This vault was made by a newer version of Words That Work; "
                           "update the app to open it.");
      break;
    case WTW_HEADER_DAMAGED:
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                           "The vault's header is damaged, so it cannot be opened.");
      break;
    case WTW_HEADER_IO_ERROR:
    default:
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                   "The vault file %s could not be read.", path);
      break;
    }
  return FALSE;
}

gboolean
_wtw_vault_read_header (const char  *path,
                        WtwHeader   *header,
                        GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                   "There is no vault at %s.", path);
      return FALSE;
    }
  return header_status_to_error (wtw_header_read (path, header, NULL), path, error);
}

gboolean
_wtw_vault_set_wrong_secret (WtwSecretKind   kind,
                             gboolean        damaged,
                             GError        **error)
{
  if (damaged)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                         "The key slot for this passphrase is damaged.");
  else if (kind == WTW_SECRET_RECOVERY_KEY)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE,
                         "That recovery key does not open this vault.");
  else
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE,
                         "That passphrase does not open this vault.");
  return FALSE;
}

static gboolean
slot_matches (const WtwSlot  *slot,
              WtwSecretKind   kind)
{
  WtwSlotKind want = kind == WTW_SECRET_RECOVERY_KEY ? WTW_SLOT_RECOVERY : WTW_SLOT_PASSPHRASE;

  return slot->kind == want && wtw_kdf_params_valid (&slot->params);
}

/* Tries every slot of the right kind: a member is not known before unlocking
 * (names are inside the encrypted database), so with two members this may
 * cost two derivations. Returns the slot index or -1. */
int
_wtw_vault_find_slot (const WtwHeader  *header,
                      const char       *secret,
                      gsize             secret_len,
                      WtwSecretKind     kind,
                      WtwSlotSecrets   *secrets,
                      GCancellable     *cancellable,
                      GError          **error)
{
  gboolean damaged = FALSE;

  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    {
      WtwSlotStatus status;

      if (!slot_matches (&header->slots[i], kind))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      status = wtw_slot_open (header, i, secret, secret_len, secrets);
      if (status == WTW_SLOT_OPENED)
        return (int) i;
      if (status == WTW_SLOT_NO_MEMORY)
        {
          g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                               "There is not enough free memory to unlock the vault.");
          return -1;
        }
      damaged |= status == WTW_SLOT_DAMAGED;
    }
  _wtw_vault_set_wrong_secret (kind, damaged, error);
  return -1;
}

char *
_wtw_vault_query_member_name (sqlite3  *db,
                              gint64    member_id,
                              GError  **error)
{
  g_autoptr(WtwSqlStmt) stmt = wtw_sql_prepare (db, "SELECT name FROM members WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                         "The member of this key slot is missing from the vault.");
  else
    wtw_sql_set_error (db, rc, error);
  return NULL;
}


static gboolean
set_no_memory (GError **error)
{
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                       "There is not enough free memory to protect the key.");
  return FALSE;
}

gboolean
_wtw_vault_fill_slot (WtwHeader           *header,
                      guint                index,
                      WtwSlotKind          kind,
                      gint64               member_id,
                      const WtwKdfParams  *params,
                      const char          *secret,
                      gsize                secret_len,
                      const guint8        *personal,
                      const guint8        *master,
                      GError             **error)
{
  if (wtw_slot_fill (header, index, kind, (guint64) member_id, params, secret, secret_len,
                     personal, master))
    return TRUE;
  return set_no_memory (error);
}

gboolean
_wtw_vault_set_no_free_slot (GError **error)
{
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NO_FREE_SLOT,
                       "All eight key slots are in use; remove one first.");
  return FALSE;
}

/* A new recovery slot at the first free index; its key is returned formatted
 * (guarded memory). */
gboolean
_wtw_vault_add_recovery_slot (WtwHeader           *header,
                              gint64               member_id,
                              const WtwKdfParams  *params,
                              const guint8        *personal,
                              const guint8        *master,
                              char               **recovery_key,
                              int                 *out_index,
                              GError             **error)
{
  guint8 *key = wtw_secure_alloc (WTW_RECOVERY_KEY_BYTES);
  int index = wtw_header_free_slot (header);
  gboolean ok = index >= 0;

  if (!ok)
    _wtw_vault_set_no_free_slot (error);
  randombytes_buf (key, WTW_RECOVERY_KEY_BYTES);
  ok = ok && _wtw_vault_fill_slot (header, index, WTW_SLOT_RECOVERY, member_id, params,
                                   (const char *) key, WTW_RECOVERY_KEY_BYTES, personal, master,
                                   error);
  if (ok && recovery_key != NULL)
    *recovery_key = wtw_recovery_key_format (key);
  if (ok && out_index != NULL)
    *out_index = index;
  wtw_secure_free (key);
  return ok;
}

/* A member's two slots: passphrase, then recovery. The recovery slot uses the
 * floor cost: its secret is 256 random bits, which no amount of stretching
 * makes stronger, and unlocking with it stays quick. */
gboolean
_wtw_vault_fill_member_slots (WtwHeader           *header,
                              gint64               member_id,
                              const WtwKdfParams  *params,
                              const char          *passphrase,
                              gsize                passphrase_len,
                              const guint8        *personal,
                              const guint8        *master,
                              char               **recovery_key,
                              GError             **error)
{
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  int index = wtw_header_free_slot (header);

  if (index < 0)
    return _wtw_vault_set_no_free_slot (error);
  return _wtw_vault_fill_slot (header, index, WTW_SLOT_PASSPHRASE, member_id, params, passphrase,
                               passphrase_len, personal, master, error)
      && _wtw_vault_add_recovery_slot (header, member_id, &floor, personal, master, recovery_key,
                                       NULL, error);
}

int
_wtw_vault_count_free_slots (const WtwHeader *header)
{
  int n = 0;

  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    n += header->slots[i].kind == WTW_SLOT_EMPTY;
  return n;
}
