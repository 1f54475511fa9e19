/* wtw-vault.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-crypt-kdf.h"
#include "wtw-secure.h"
#include "wtw-journal-entry.h"

/*
 * WtwVault: one encrypted vault file (see docs/vault-format.md).
 *
 * Life cycle: wtw_vault_new() → wtw_vault_create() (a new file; fails with EXISTS if
 * the file exists) or wtw_vault_unlock() → queries → wtw_vault_lock(). Every function
 * below except new/create/unlock/is_unlocked/get_file fails with LOCKED while locked.
 * Disposing the vault locks it.
 *
 * Members and slots: a member has a passphrase slot and a recovery slot (create and
 * add_member make both, and return the recovery key once). Slot functions act on the
 * current member (the one who unlocked): change_passphrase replaces that member's
 * passphrase slot (the old passphrase is checked first), regenerate_recovery_key
 * replaces that member's recovery slot(s), add_key_slot adds a slot for that member
 * (kind RECOVERY_KEY ignores @passphrase and returns a new key), remove_key_slot removes
 * one of that member's slots but never their last one. switch_member opens a passphrase
 * slot of another member (the vault stays unlocked if it fails).
 *
 * Argon2id: @params NULL means "calibrate on this machine" (0.5–1 s); explicit params
 * below the floor (ops 3, 64 MiB) are refused with FAILED.
 *
 * Export: writes @dest (must not exist: EXISTS) as a new vault with a new file id and a
 * new master key; every key slot is carried over (each member's passphrases and
 * recovery keys keep working), except the slots of @drop_member_id, whose member row
 * and rows are deleted from the copy. The old master key does not open the copy.
 *
 * Journal: insert sets entry->id, member_id, created (if 0) and updated. Private
 * entries are sealed with the writer's personal key; another member gets them with
 * sealed = TRUE and no text, and cannot update or delete them (NOT_FOUND). list and
 * search return entries without body; list is newest first (created, then id); search
 * takes free text (never a syntax error: every word is quoted, the last one is a
 * prefix) and does not see private entries.
 *
 * Recovery keys handed out (create, add_member, add_key_slot, regenerate) live in
 * guarded memory: free them with wtw_secure_free(), never g_free().
 *
 * Errors from SQLite map as: SQLITE_FULL → DISK_FULL, SQLITE_BUSY/LOCKED → BUSY,
 * SQLITE_NOTADB/CORRUPT/IOERR_DATA → CORRUPTED (naming the page when known).
 * All functions are for the thread that owns the vault; the _async variants (create,
 * unlock, change_passphrase, add_member, switch_member, check, export) run the Argon2id
 * and file work in a worker thread with a connection of its own.
 */

G_BEGIN_DECLS

/**
 * WTW_VAULT_ERROR:
 *
 * Error domain of #WtwVault. Every message is one sentence meant for a person.
 */
#define WTW_VAULT_ERROR (wtw_vault_error_quark ())

/**
 * WtwVaultError:
 * @WTW_VAULT_ERROR_WRONG_PASSPHRASE: no key slot opens with this passphrase or recovery key
 * @WTW_VAULT_ERROR_NOT_A_VAULT: the file is not a Words That Work vault
 * @WTW_VAULT_ERROR_CORRUPTED: a page or the header does not authenticate; the message
 *   names the page
 * @WTW_VAULT_ERROR_UNSUPPORTED_VERSION: the file or its schema is from a newer version
 * @WTW_VAULT_ERROR_DISK_FULL: the disk is full; nothing already saved was lost
 * @WTW_VAULT_ERROR_BUSY: another program holds the vault locked
 * @WTW_VAULT_ERROR_LOCKED: the vault must be unlocked first
 * @WTW_VAULT_ERROR_NOT_FOUND: the entry, member or slot does not exist
 * @WTW_VAULT_ERROR_EXISTS: the file or slot already exists
 * @WTW_VAULT_ERROR_NO_FREE_SLOT: all eight key slots are in use
 * @WTW_VAULT_ERROR_FAILED: anything else (I/O errors, invalid arguments)
 */
typedef enum
{
  WTW_VAULT_ERROR_WRONG_PASSPHRASE,
  WTW_VAULT_ERROR_NOT_A_VAULT,
  WTW_VAULT_ERROR_CORRUPTED,
  WTW_VAULT_ERROR_UNSUPPORTED_VERSION,
  WTW_VAULT_ERROR_DISK_FULL,
  WTW_VAULT_ERROR_BUSY,
  WTW_VAULT_ERROR_LOCKED,
  WTW_VAULT_ERROR_NOT_FOUND,
  WTW_VAULT_ERROR_EXISTS,
  WTW_VAULT_ERROR_NO_FREE_SLOT,
  WTW_VAULT_ERROR_FAILED,
} WtwVaultError;

/**
 * WtwSecretKind:
 * @WTW_SECRET_PASSPHRASE: a passphrase chosen by a member
 * @WTW_SECRET_RECOVERY_KEY: a recovery key as shown by wtw_vault_create(), in any case,
 *   with or without the dashes and spaces
 */
typedef enum
{
  WTW_SECRET_PASSPHRASE,
  WTW_SECRET_RECOVERY_KEY,
} WtwSecretKind;

/**
 * WTW_VAULT_MAX_SLOTS:
 *
 * Number of key slots in a vault header.
 */
#define WTW_VAULT_MAX_SLOTS 8

/**
 * WTW_VAULT_SCHEMA_VERSION:
 *
 * The schema version (`PRAGMA user_version`) this build migrates vaults to.
 */
#define WTW_VAULT_SCHEMA_VERSION 2

/**
 * WtwVaultMember:
 * @id: the member id, as stored in key slots and rows
 * @name: the name the member chose
 * @created: Unix time (seconds, UTC) the member was added
 *
 * A person who can open the vault.
 */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  created;
} WtwVaultMember;

/**
 * WtwKeySlotInfo:
 * @index: slot index in the header, 0 to 7
 * @kind: what opens the slot
 * @member_id: the member whose slot it is
 * @params: the Argon2id parameters of the slot
 *
 * Public facts about one key slot; never a key.
 */
typedef struct
{
  guint         index;
  WtwSecretKind kind;
  gint64        member_id;
  WtwKdfParams  params;
} WtwKeySlotInfo;

/**
 * WtwVaultProgress:
 * @fraction: 0 to 1
 * @user_data: the data given with the callback
 *
 * Reports progress of a long operation. Called on the thread-default main context
 * of the caller of the `_async` function (coalesced), or on the calling thread for
 * the synchronous variant.
 */
typedef void (*WtwVaultProgress) (double   fraction,
                                  gpointer user_data);

#define WTW_TYPE_VAULT_MEMBER (wtw_vault_member_get_type ())
#define WTW_TYPE_KEY_SLOT_INFO (wtw_key_slot_info_get_type ())
#define WTW_TYPE_VAULT (wtw_vault_get_type ())

G_DECLARE_FINAL_TYPE (WtwVault, wtw_vault, WTW, VAULT, GObject)

GQuark          wtw_vault_error_quark            (void);

GType           wtw_vault_member_get_type        (void) G_GNUC_CONST;
WtwVaultMember *wtw_vault_member_copy            (const WtwVaultMember *member);
void            wtw_vault_member_free            (WtwVaultMember       *member);
GType           wtw_key_slot_info_get_type       (void) G_GNUC_CONST;
WtwKeySlotInfo *wtw_key_slot_info_copy           (const WtwKeySlotInfo *info);
void            wtw_key_slot_info_free           (WtwKeySlotInfo       *info);

WtwVault       *wtw_vault_new                    (GFile                *file);
GFile          *wtw_vault_get_file               (WtwVault             *self);
gboolean        wtw_vault_is_unlocked            (WtwVault             *self);
gint64          wtw_vault_get_member_id          (WtwVault             *self);
const char     *wtw_vault_get_member_name        (WtwVault             *self);

gboolean        wtw_vault_create                 (WtwVault             *self,
                                                  const char           *member_name,
                                                  const char           *passphrase,
                                                  const WtwKdfParams   *params,
                                                  char                **recovery_key,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_create_async           (WtwVault             *self,
                                                  const char           *member_name,
                                                  const char           *passphrase,
                                                  const WtwKdfParams   *params,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_create_finish          (WtwVault             *self,
                                                  GAsyncResult         *result,
                                                  char                **recovery_key,
                                                  GError              **error);

gboolean        wtw_vault_unlock                 (WtwVault             *self,
                                                  const char           *secret,
                                                  WtwSecretKind         kind,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_unlock_async           (WtwVault             *self,
                                                  const char           *secret,
                                                  WtwSecretKind         kind,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_unlock_finish          (WtwVault             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void            wtw_vault_lock                   (WtwVault             *self);
gboolean        wtw_vault_switch_member          (WtwVault             *self,
                                                  const char           *passphrase,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_switch_member_async    (WtwVault             *self,
                                                  const char           *passphrase,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_switch_member_finish   (WtwVault             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

gboolean        wtw_vault_change_passphrase      (WtwVault             *self,
                                                  const char           *old_passphrase,
                                                  const char           *new_passphrase,
                                                  const WtwKdfParams   *params,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_change_passphrase_async (WtwVault            *self,
                                                  const char           *old_passphrase,
                                                  const char           *new_passphrase,
                                                  const WtwKdfParams   *params,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_change_passphrase_finish (WtwVault           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
char           *wtw_vault_regenerate_recovery_key (WtwVault            *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_check_passphrase_async (WtwVault            *self,
                                                  const char           *passphrase,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_check_passphrase_finish (WtwVault           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void            wtw_vault_regenerate_recovery_key_async (WtwVault            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
char           *wtw_vault_regenerate_recovery_key_finish (WtwVault          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean        wtw_vault_add_key_slot           (WtwVault             *self,
                                                  WtwSecretKind         kind,
                                                  const char           *passphrase,
                                                  const WtwKdfParams   *params,
                                                  char                **recovery_key,
                                                  guint                *out_index,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
gboolean        wtw_vault_remove_key_slot        (WtwVault             *self,
                                                  guint                 index,
                                                  GError              **error);
GPtrArray      *wtw_vault_list_key_slots         (WtwVault             *self,
                                                  GError              **error);

gint64          wtw_vault_add_member             (WtwVault             *self,
                                                  const char           *name,
                                                  const char           *passphrase,
                                                  const WtwKdfParams   *params,
                                                  char                **recovery_key,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_add_member_async       (WtwVault             *self,
                                                  const char           *name,
                                                  const char           *passphrase,
                                                  const WtwKdfParams   *params,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64          wtw_vault_add_member_finish      (WtwVault             *self,
                                                  GAsyncResult         *result,
                                                  char                **recovery_key,
                                                  GError              **error);
GPtrArray      *wtw_vault_list_members           (WtwVault             *self,
                                                  GError              **error);

gboolean        wtw_vault_check                  (WtwVault             *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_check_async            (WtwVault             *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_check_finish           (WtwVault             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

gboolean        wtw_vault_export                 (WtwVault             *self,
                                                  GFile                *dest,
                                                  gint64                drop_member_id,
                                                  WtwVaultProgress      progress,
                                                  gpointer              progress_data,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            wtw_vault_export_async           (WtwVault             *self,
                                                  GFile                *dest,
                                                  gint64                drop_member_id,
                                                  WtwVaultProgress      progress,
                                                  gpointer              progress_data,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        wtw_vault_export_finish          (WtwVault             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

gboolean        wtw_vault_journal_insert         (WtwVault             *self,
                                                  WtwJournalEntry      *entry,
                                                  GError              **error);
gboolean        wtw_vault_journal_update         (WtwVault             *self,
                                                  const WtwJournalEntry *entry,
                                                  GError              **error);
gboolean        wtw_vault_journal_delete         (WtwVault             *self,
                                                  gint64                id,
                                                  GError              **error);
WtwJournalEntry *wtw_vault_journal_get           (WtwVault             *self,
                                                  gint64                id,
                                                  GError              **error);
GPtrArray      *wtw_vault_journal_list           (WtwVault             *self,
                                                  guint                 offset,
                                                  guint                 limit,
                                                  GError              **error);
gint64          wtw_vault_journal_count          (WtwVault             *self,
                                                  GError              **error);
GPtrArray      *wtw_vault_journal_search         (WtwVault             *self,
                                                  const char           *text,
                                                  guint                 limit,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwVaultMember, wtw_vault_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwKeySlotInfo, wtw_key_slot_info_free)

G_END_DECLS
