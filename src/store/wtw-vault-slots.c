/* wtw-vault-slots.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-slots"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wtw-crypt-recovery.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-keys.h"
#include "wtw-vault-sql.h"

/*
 * Slot operations. Everything an operation needs is copied out of the vault
 * into a SlotOp, so the same code runs on the owner's thread (the synchronous
 * functions, on the vault's connection) or in a GTask worker (the _async ones,
 * on a connection of its own): Argon2id never has to block the main loop, and
 * the worker never touches the vault object.
 */
typedef struct _SlotOp SlotOp;

typedef gboolean (*SlotEdit) (SlotOp     *op,
                              WtwHeader  *header,
                              GError    **error);

struct _SlotOp
{
  char          *path;
  sqlite3       *db;
  gboolean       owns_db;
  guint          busy_timeout;
  WtwCryptKeys  *keys;
  guint8        *personal;      /* guarded copy of the current member's key */
  gint64         member_id;
  int            slot_index;
  int            verified_index; /* the slot verify_old_secret() saw open, or -1 */
  WtwHeader      header;        /* the vault's copy; the new header after an edit */

  SlotEdit       edit;
  WtwSecretKind  kind;
  char          *old_secret;    /* guarded; checked before the edit if set */
  gsize          old_len;
  char          *secret;        /* guarded */
  gsize          secret_len;
  gboolean       calibrate;
  WtwKdfParams   params;
  char          *name;
  int            target;        /* remove: the slot */

  char          *recovery_key;  /* guarded */
  int            index;         /* the slot written, or -1 */
  gint64         new_member_id;
  guint8        *new_personal;  /* switch: the member's key, guarded */
};

static void
slot_op_free (SlotOp *op)
{
  if (op->owns_db)
    g_clear_pointer (&op->db, sqlite3_close);
  g_clear_pointer (&op->keys, wtw_crypt_keys_unref);
  wtw_secure_free (op->personal);
  wtw_secure_free (op->old_secret);
  wtw_secure_free (op->secret);
  wtw_secure_free (op->recovery_key);
  wtw_secure_free (op->new_personal);
  g_free (op->path);
  g_free (op->name);
  sodium_memzero (op, sizeof *op);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlotOp, slot_op_free)

static SlotOp *
slot_op_new (WtwVault  *self,
             SlotEdit   edit,
             GError   **error)
{
  sqlite3 *db = _wtw_vault_get_db (self, error);
  SlotOp *op;

  if (db == NULL)
    return NULL;
  op = g_new0 (SlotOp, 1);
  op->path = _wtw_vault_get_path (self);
  op->db = db;
  op->busy_timeout = _wtw_vault_get_busy_timeout (self);
  op->keys = wtw_crypt_keys_ref (_wtw_vault_get_keys (self));
  op->personal = wtw_secure_alloc (WTW_KEY_BYTES);
  memcpy (op->personal, _wtw_vault_get_personal_key (self), WTW_KEY_BYTES);
  op->member_id = wtw_vault_get_member_id (self);
  op->slot_index = _wtw_vault_get_slot_index (self);
  op->header = *_wtw_vault_get_header (self);
  op->edit = edit;
  op->index = -1;
  op->verified_index = -1;
  return op;
}

static gboolean
slot_op_set_params (SlotOp              *op,
                    const WtwKdfParams  *params,
                    GError             **error)
{
  if (!_wtw_vault_check_params (params, error))
    return FALSE;
  op->calibrate = params == NULL;
  if (params != NULL)
    op->params = *params;
  return TRUE;
}

static gboolean
slot_op_set_secret (SlotOp      *op,
                    const char  *passphrase,
                    GError     **error)
{
  if (!_wtw_vault_check_new_passphrase (passphrase, error))
    return FALSE;
  op->secret = _wtw_vault_prepare_secret (passphrase, WTW_SECRET_PASSPHRASE, &op->secret_len,
                                          error);
  return op->secret != NULL;
}

static const guint8 *
op_master (SlotOp *op)
{
  return wtw_crypt_keys_get_master (op->keys);
}

static gboolean
reread_header (SlotOp     *op,
               WtwHeader  *header,
               GError    **error)
{
  if (!_wtw_vault_read_header (op->path, header, error))
    return FALSE;
  if (memcmp (header->file_id, op->header.file_id, WTW_FILE_ID_BYTES) == 0
      && wtw_header_mac_valid (header, op->keys))
    return TRUE;
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                       "The vault's key area was changed or damaged, so it is not trusted.");
  return FALSE;
}

/* Every header change: under SQLite's write lock (so two programs never
 * interleave header updates), from the header as it is on disk now, then
 * written copy by copy (wtw_header_write). */
static gboolean
edit_header (SlotOp  *op,
             GError **error)
{
  WtwHeader header;
  gboolean ok;

  if (!wtw_sql_exec (op->db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  ok = reread_header (op, &header, error)
    && op->edit (op, &header, error)
    && wtw_sql_write_header (op->path, &header, op->keys, error)
    && wtw_sql_exec (op->db, "COMMIT;", error);
  if (ok)
    op->header = header;
  else
    wtw_sql_rollback (op->db);
  return ok;
}

static gboolean
member_owns_slot (SlotOp    *op,
                  WtwHeader *header,
                  int        index)
{
  return index >= 0 && index < WTW_HEADER_SLOTS
      && header->slots[index].kind != WTW_SLOT_EMPTY
      && (gint64) header->slots[index].member_id == op->member_id;
}

static int
member_passphrase_slot (SlotOp    *op,
                        WtwHeader *header)
{
  if (member_owns_slot (op, header, op->slot_index)
      && header->slots[op->slot_index].kind == WTW_SLOT_PASSPHRASE)
    return op->slot_index;
  /* One the member's key vouches for first: a slot planted under their
   * name (docs/vault-format.md, section 10) must not stand in for theirs. */
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    if (member_owns_slot (op, header, i) && header->slots[i].kind == WTW_SLOT_PASSPHRASE
        && wtw_slot_owner_valid (&header->slots[i], op->personal))
      return (int) i;
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    if (member_owns_slot (op, header, i) && header->slots[i].kind == WTW_SLOT_PASSPHRASE)
      return (int) i;
  return -1;
}

/* The old passphrase must open the member's passphrase slot to the same
 * master key: someone at an unlocked computer cannot change it. */
static gboolean
verify_old_secret (SlotOp  *op,
                   GError **error)
{
  WtwSlotSecrets *secrets = wtw_secure_alloc (sizeof *secrets);
  int index = member_passphrase_slot (op, &op->header);
  gboolean ok = FALSE;

  if (index >= 0
      && wtw_slot_open (&op->header, index, op->old_secret, op->old_len, secrets)
         == WTW_SLOT_OPENED)
    ok = sodium_memcmp (secrets->master, op_master (op), WTW_KEY_BYTES) == 0;
  if (ok)
    op->verified_index = index;
  wtw_secure_free (secrets);
  if (!ok)
    _wtw_vault_set_wrong_secret (WTW_SECRET_PASSPHRASE, FALSE, error);
  return ok;
}

/* The slow part and the write: Argon2id (calibration too), then the edit. */
static gboolean
slot_op_run (SlotOp        *op,
             GCancellable  *cancellable,
             GError       **error)
{
  if (op->db == NULL)
    {
      op->owns_db = TRUE;
      if (!wtw_sql_open (op->path, op->keys, op->busy_timeout, FALSE, &op->db, error))
        return FALSE;
    }
  if (op->old_secret != NULL && !verify_old_secret (op, error))
    return FALSE;
  if (op->calibrate)
    wtw_kdf_calibrate (&op->params);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return edit_header (op, error);
}

static void
slot_op_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (slot_op_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs @thread on @op in a worker; the task owns @op. The worker never uses
 * the vault's connection: it opens one of its own if it needs one. */
static void
slot_op_run_in_thread (WtwVault            *self,
                       SlotOp              *op,
                       gpointer             source_tag,
                       GTaskThreadFunc      thread,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) slot_op_free);
  op->db = NULL;
  g_task_run_in_thread (task, thread);
}

static void
slot_op_start (WtwVault            *self,
               SlotOp              *op,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  slot_op_run_in_thread (self, op, source_tag, slot_op_thread, cancellable, callback, user_data);
}

static void
slot_op_fail (WtwVault            *self,
              gpointer             source_tag,
              GError              *error,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_task_report_error (self, callback, user_data, source_tag, error);
}

/* Back on the owner's thread: the vault takes the header as written. */
static SlotOp *
slot_op_finish (WtwVault      *self,
                GAsyncResult  *result,
                GError       **error)
{
  SlotOp *op = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  if (_wtw_vault_get_keys (self) == op->keys)
    _wtw_vault_set_header (self, &op->header);
  return op;
}

static gboolean
slot_op_run_sync (WtwVault      *self,
                  SlotOp        *op,
                  GCancellable  *cancellable,
                  GError       **error)
{
  if (!slot_op_run (op, cancellable, error))
    return FALSE;
  _wtw_vault_set_header (self, &op->header);
  return TRUE;
}

static gboolean
edit_replace_passphrase (SlotOp     *op,
                         WtwHeader  *header,
                         GError    **error)
{
  op->index = member_passphrase_slot (op, header);
  if (op->index < 0)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                           "You have no passphrase key slot to change.");
      return FALSE;
    }
  return _wtw_vault_fill_slot (header, op->index, WTW_SLOT_PASSPHRASE, op->member_id, &op->params,
                               op->secret, op->secret_len, op->personal, op_master (op), error);
}

static SlotOp *
change_passphrase_op (WtwVault            *self,
                      const char          *old_passphrase,
                      const char          *new_passphrase,
                      const WtwKdfParams  *params,
                      GError             **error)
{
  g_autoptr(SlotOp) op = slot_op_new (self, edit_replace_passphrase, error);

  if (op == NULL
      || !slot_op_set_params (op, params, error)
      || !slot_op_set_secret (op, new_passphrase, error))
    return NULL;
  op->old_secret = _wtw_vault_prepare_secret (old_passphrase, WTW_SECRET_PASSPHRASE,
                                              &op->old_len, error);
  if (op->old_secret == NULL)
    return NULL;
  return g_steal_pointer (&op);
}

/**
 * wtw_vault_change_passphrase:
 * @self: an unlocked #WtwVault
 * @old_passphrase: the current member's passphrase now
 * @new_passphrase: the new passphrase, not empty
 * @params: (nullable): Argon2id parameters for the new slot, %NULL to calibrate
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the current member's passphrase slot (new salt, new slot key pair).
 * Only the header changes; the pages and the master key stay. Blocking; see
 * wtw_vault_change_passphrase_async().
 *
 * Returns: %TRUE on success; WRONG_PASSPHRASE if @old_passphrase is wrong
 */
gboolean
wtw_vault_change_passphrase (WtwVault            *self,
                             const char          *old_passphrase,
                             const char          *new_passphrase,
                             const WtwKdfParams  *params,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (old_passphrase != NULL, FALSE);

  op = change_passphrase_op (self, old_passphrase, new_passphrase, params, error);
  return op != NULL && slot_op_run_sync (self, op, cancellable, error);
}

/**
 * wtw_vault_change_passphrase_async:
 * @self: an unlocked #WtwVault
 * @old_passphrase: the current member's passphrase now
 * @new_passphrase: the new passphrase, not empty
 * @params: (nullable): Argon2id parameters, %NULL to calibrate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_change_passphrase(), with the key derivations and the header
 * update in a worker thread.
 */
void
wtw_vault_change_passphrase_async (WtwVault            *self,
                                   const char          *old_passphrase,
                                   const char          *new_passphrase,
                                   const WtwKdfParams  *params,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GError *error = NULL;
  SlotOp *op;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (old_passphrase != NULL);

  op = change_passphrase_op (self, old_passphrase, new_passphrase, params, &error);
  if (op == NULL)
    slot_op_fail (self, wtw_vault_change_passphrase_async, error, callback, user_data);
  else
    slot_op_start (self, op, wtw_vault_change_passphrase_async, cancellable, callback,
                   user_data);
}

/**
 * wtw_vault_change_passphrase_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the passphrase was changed
 */
gboolean
wtw_vault_change_passphrase_finish (WtwVault      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return slot_op_finish (self, result, error) != NULL;
}

static gboolean
edit_add_slot (SlotOp     *op,
               WtwHeader  *header,
               GError    **error)
{
  op->index = wtw_header_free_slot (header);
  if (op->index < 0)
    return _wtw_vault_set_no_free_slot (error);
  if (op->kind == WTW_SECRET_RECOVERY_KEY)
    return _wtw_vault_add_recovery_slot (header, op->member_id, &op->params, op->personal,
                                         op_master (op), &op->recovery_key, &op->index, error);
  return _wtw_vault_fill_slot (header, op->index, WTW_SLOT_PASSPHRASE, op->member_id, &op->params,
                               op->secret, op->secret_len, op->personal, op_master (op), error);
}

static gboolean
edit_regenerate_recovery (SlotOp     *op,
                          WtwHeader  *header,
                          GError    **error)
{
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    if (member_owns_slot (op, header, i) && header->slots[i].kind == WTW_SLOT_RECOVERY)
      memset (&header->slots[i], 0, sizeof header->slots[i]);
  return edit_add_slot (op, header, error);
}

static SlotOp *
regenerate_recovery_op (WtwVault  *self,
                        GError   **error)
{
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  SlotOp *op = slot_op_new (self, edit_regenerate_recovery, error);

  if (op == NULL)
    return NULL;
  op->kind = WTW_SECRET_RECOVERY_KEY;
  op->params = floor;
  return op;
}

/**
 * wtw_vault_regenerate_recovery_key_async:
 * @self: an unlocked #WtwVault
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_regenerate_recovery_key(), with the key derivation and the
 * header write in a worker thread.
 */
void
wtw_vault_regenerate_recovery_key_async (WtwVault            *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GError *error = NULL;
  SlotOp *op;

  g_return_if_fail (WTW_IS_VAULT (self));

  op = regenerate_recovery_op (self, &error);
  if (op == NULL)
    slot_op_fail (self, wtw_vault_regenerate_recovery_key_async, error, callback, user_data);
  else
    slot_op_start (self, op, wtw_vault_regenerate_recovery_key_async, cancellable,
                   callback, user_data);
}

/**
 * wtw_vault_regenerate_recovery_key_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new key, to show once; free it with
 *   wtw_secure_free()
 */
char *
wtw_vault_regenerate_recovery_key_finish (WtwVault      *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  SlotOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  op = slot_op_finish (self, result, error);
  return op != NULL ? g_steal_pointer (&op->recovery_key) : NULL;
}

/**
 * wtw_vault_regenerate_recovery_key:
 * @self: an unlocked #WtwVault
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the current member's recovery slot(s) with one new recovery key:
 * the old recovery key stops working. Uses the floor cost: a recovery key
 * carries 256 random bits, so a slower derivation adds nothing.
 *
 * Returns: (transfer full) (nullable): the new key, to show once; free it with
 *   wtw_secure_free()
 */
char *
wtw_vault_regenerate_recovery_key (WtwVault      *self,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  op = regenerate_recovery_op (self, error);
  if (op == NULL)
    return NULL;
  if (!slot_op_run_sync (self, op, cancellable, error))
    return NULL;
  return g_steal_pointer (&op->recovery_key);
}

/**
 * wtw_vault_add_key_slot:
 * @self: an unlocked #WtwVault
 * @kind: a passphrase slot or a recovery slot
 * @passphrase: (nullable): the passphrase for a passphrase slot; ignored for recovery
 * @params: (nullable): Argon2id parameters, %NULL to calibrate
 * @recovery_key: (out) (optional): for a recovery slot, the new key (free with
 *   wtw_secure_free())
 * @out_index: (out) (optional): the index of the new slot
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds a slot for the current member. Blocking.
 *
 * Returns: %TRUE on success; NO_FREE_SLOT if the header is full
 */
gboolean
wtw_vault_add_key_slot (WtwVault            *self,
                        WtwSecretKind        kind,
                        const char          *passphrase,
                        const WtwKdfParams  *params,
                        char               **recovery_key,
                        guint               *out_index,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  op = slot_op_new (self, edit_add_slot, error);
  if (op == NULL || !slot_op_set_params (op, params, error))
    return FALSE;
  op->kind = kind;
  if (kind == WTW_SECRET_PASSPHRASE && !slot_op_set_secret (op, passphrase, error))
    return FALSE;
  if (!slot_op_run_sync (self, op, cancellable, error))
    return FALSE;
  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&op->recovery_key);
  if (out_index != NULL)
    *out_index = (guint) op->index;
  return TRUE;
}

static int
count_member_slots (SlotOp    *op,
                    WtwHeader *header)
{
  int n = 0;

  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    n += member_owns_slot (op, header, i);
  return n;
}

static gboolean
edit_remove_slot (SlotOp     *op,
                  WtwHeader  *header,
                  GError    **error)
{
  if (!member_owns_slot (op, header, op->target))
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND,
                   "You have no key slot number %d.", op->target);
      return FALSE;
    }
  if (count_member_slots (op, header) <= 1)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                           "This is your last key slot; removing it would lock you out.");
      return FALSE;
    }
  memset (&header->slots[op->target], 0, sizeof header->slots[op->target]);
  return TRUE;
}

/**
 * wtw_vault_remove_key_slot:
 * @self: an unlocked #WtwVault
 * @index: a slot of the current member
 * @error: return location for a #GError
 *
 * Removes one of the current member's slots; never the member's last one.
 *
 * Returns: %TRUE on success; NOT_FOUND if the slot is empty or another member's
 */
gboolean
wtw_vault_remove_key_slot (WtwVault  *self,
                           guint      index,
                           GError   **error)
{
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  op = slot_op_new (self, edit_remove_slot, error);
  if (op == NULL)
    return FALSE;
  op->target = (int) MIN (index, G_MAXINT);
  if (!slot_op_run_sync (self, op, NULL, error))
    return FALSE;
  _wtw_vault_forget_verified_slot (self, op->target);
  if (op->target == _wtw_vault_get_slot_index (self))
    _wtw_vault_set_slot_index (self, -1);
  return TRUE;
}

/**
 * wtw_vault_list_key_slots:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwKeySlotInfo): the filled slots
 */
GPtrArray *
wtw_vault_list_key_slots (WtwVault  *self,
                          GError   **error)
{
  const WtwHeader *header;
  GPtrArray *slots;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if (_wtw_vault_get_db (self, error) == NULL)
    return NULL;
  header = _wtw_vault_get_header (self);
  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_key_slot_info_free);
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    {
      const WtwSlot *slot = &header->slots[i];
      WtwKeySlotInfo *info;

      if (slot->kind == WTW_SLOT_EMPTY)
        continue;
      info = g_new0 (WtwKeySlotInfo, 1);
      info->index = i;
      info->kind = slot->kind == WTW_SLOT_RECOVERY ? WTW_SECRET_RECOVERY_KEY
                                                   : WTW_SECRET_PASSPHRASE;
      info->member_id = (gint64) slot->member_id;
      info->params = slot->params;
      g_ptr_array_add (slots, info);
    }
  return slots;
}

static gint64
insert_member (sqlite3     *db,
               const char  *name,
               GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "INSERT INTO members (name, created) VALUES (?, ?)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!wtw_sql_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

/* Runs inside edit_header's transaction: the member row and its slots land
 * together or not at all. */
static gboolean
edit_add_member (SlotOp     *op,
                 WtwHeader  *header,
                 GError    **error)
{
  guint8 *personal;
  gboolean ok;

  if (_wtw_vault_count_free_slots (header) < 2)
    return _wtw_vault_set_no_free_slot (error);
  op->new_member_id = insert_member (op->db, op->name, error);
  if (op->new_member_id == 0)
    return FALSE;
  personal = wtw_secure_alloc (WTW_KEY_BYTES);
  randombytes_buf (personal, WTW_KEY_BYTES);
  ok = _wtw_vault_fill_member_slots (header, op->new_member_id, &op->params, op->secret,
                                     op->secret_len, personal, op_master (op), &op->recovery_key,
                                     error);
  wtw_secure_free (personal);
  return ok;
}

static SlotOp *
add_member_op (WtwVault            *self,
               const char          *name,
               const char          *passphrase,
               const WtwKdfParams  *params,
               GError             **error)
{
  g_autoptr(SlotOp) op = slot_op_new (self, edit_add_member, error);

  if (op == NULL
      || !slot_op_set_params (op, params, error)
      || !slot_op_set_secret (op, passphrase, error))
    return NULL;
  op->name = g_strdup (name);
  return g_steal_pointer (&op);
}

/**
 * wtw_vault_add_member:
 * @self: an unlocked #WtwVault
 * @name: the new member's name
 * @passphrase: the new member's passphrase
 * @params: (nullable): Argon2id parameters, %NULL to calibrate
 * @recovery_key: (out) (optional): the new member's recovery key (free with
 *   wtw_secure_free())
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds a member with their own personal key, passphrase slot and recovery
 * slot. The current member does not change. Blocking; see
 * wtw_vault_add_member_async().
 *
 * Returns: the new member's id, or 0 on error (NO_FREE_SLOT if fewer than two
 *   slots are free)
 */
gint64
wtw_vault_add_member (WtwVault            *self,
                      const char          *name,
                      const char          *passphrase,
                      const WtwKdfParams  *params,
                      char               **recovery_key,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  op = add_member_op (self, name, passphrase, params, error);
  if (op == NULL || !slot_op_run_sync (self, op, cancellable, error))
    return 0;
  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&op->recovery_key);
  return op->new_member_id;
}

/**
 * wtw_vault_add_member_async:
 * @self: an unlocked #WtwVault
 * @name: the new member's name
 * @passphrase: the new member's passphrase
 * @params: (nullable): Argon2id parameters, %NULL to calibrate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_add_member(), with the key derivations in a worker thread.
 */
void
wtw_vault_add_member_async (WtwVault            *self,
                            const char          *name,
                            const char          *passphrase,
                            const WtwKdfParams  *params,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GError *error = NULL;
  SlotOp *op;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (name != NULL);

  op = add_member_op (self, name, passphrase, params, &error);
  if (op == NULL)
    slot_op_fail (self, wtw_vault_add_member_async, error, callback, user_data);
  else
    slot_op_start (self, op, wtw_vault_add_member_async, cancellable, callback, user_data);
}

/**
 * wtw_vault_add_member_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @recovery_key: (out) (optional): the new member's recovery key (free with
 *   wtw_secure_free())
 * @error: return location for a #GError
 *
 * Returns: the new member's id, or 0 on error
 */
gint64
wtw_vault_add_member_finish (WtwVault      *self,
                             GAsyncResult  *result,
                             char         **recovery_key,
                             GError       **error)
{
  SlotOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  op = slot_op_finish (self, result, error);
  if (op == NULL)
    return 0;
  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&op->recovery_key);
  return op->new_member_id;
}

static WtwVaultMember *
member_from_row (sqlite3_stmt *stmt)
{
  WtwVaultMember *member = g_new0 (WtwVaultMember, 1);

  member->id = sqlite3_column_int64 (stmt, 0);
  member->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  member->created = sqlite3_column_int64 (stmt, 2);
  return member;
}

/**
 * wtw_vault_list_members:
 * @self: an unlocked #WtwVault
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwVaultMember): the members by id
 */
GPtrArray *
wtw_vault_list_members (WtwVault  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(WtwSqlStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  db = _wtw_vault_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = wtw_sql_prepare (db, "SELECT id, name, created FROM members ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_vault_member_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, member_from_row (stmt));
  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&members);
}

/* Switching member edits no header: the op only opens a slot (in the worker
 * for the async variant) and hands back that member's personal key. */
static gboolean
open_member_slot (SlotOp        *op,
                  GCancellable  *cancellable,
                  GError       **error)
{
  WtwSlotSecrets *secrets = wtw_secure_alloc (sizeof *secrets);
  int index = _wtw_vault_find_slot (&op->header, op->secret, op->secret_len, WTW_SECRET_PASSPHRASE,
                                    secrets, cancellable, error);
  gboolean ok = index >= 0;

  if (ok && sodium_memcmp (secrets->master, op_master (op), WTW_KEY_BYTES) != 0)
    {
      ok = FALSE;
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                           "The key slot for this passphrase belongs to another vault.");
    }
  if (ok)
    {
      op->index = index;
      op->new_member_id = (gint64) op->header.slots[index].member_id;
      op->new_personal = wtw_secure_alloc (WTW_KEY_BYTES);
      memcpy (op->new_personal, secrets->personal, WTW_KEY_BYTES);
    }
  wtw_secure_free (secrets);
  return ok;
}

static gboolean
become_member (WtwVault  *self,
               SlotOp    *op,
               GError   **error)
{
  sqlite3 *db = _wtw_vault_get_db (self, error);
  char *name;

  if (db == NULL || _wtw_vault_get_keys (self) != op->keys)
    return _wtw_vault_set_locked_error (error);
  name = _wtw_vault_query_member_name (db, op->new_member_id, error);
  if (name == NULL)
    return FALSE;
  _wtw_vault_become_member (self, op->new_member_id, name,
                            g_steal_pointer (&op->new_personal), op->index);
  return TRUE;
}

static SlotOp *
switch_member_op (WtwVault    *self,
                  const char  *passphrase,
                  GError     **error)
{
  g_autoptr(SlotOp) op = slot_op_new (self, NULL, error);

  if (op == NULL)
    return NULL;
  op->secret = _wtw_vault_prepare_secret (passphrase, WTW_SECRET_PASSPHRASE, &op->secret_len,
                                          error);
  if (op->secret == NULL)
    return NULL;
  return g_steal_pointer (&op);
}

/**
 * wtw_vault_switch_member:
 * @self: an unlocked #WtwVault
 * @passphrase: the passphrase of the member to switch to
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes the member whose passphrase slot @passphrase opens the current member,
 * without closing the vault. On failure the current member stays. Blocking;
 * see wtw_vault_switch_member_async().
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_switch_member (WtwVault      *self,
                         const char    *passphrase,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  op = switch_member_op (self, passphrase, error);
  return op != NULL
      && open_member_slot (op, cancellable, error)
      && become_member (self, op, error);
}

static void
switch_member_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;

  if (open_member_slot (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_passphrase_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GError *error = NULL;

  if (verify_old_secret (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_vault_check_passphrase_async:
 * @self: an unlocked #WtwVault
 * @passphrase: what the current member typed as their passphrase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Checks that @passphrase opens the current member's passphrase slot to
 * this vault's master key, before an operation that cannot be taken back
 * relies on it. Nothing is changed. The key derivation runs in a worker.
 */
void
wtw_vault_check_passphrase_async (WtwVault            *self,
                                  const char          *passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  SlotOp *op;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  op = slot_op_new (self, NULL, &error);
  if (op != NULL)
    {
      op->old_secret = _wtw_vault_prepare_secret (passphrase, WTW_SECRET_PASSPHRASE,
                                                  &op->old_len, &error);
      if (op->old_secret == NULL)
        g_clear_pointer (&op, slot_op_free);
    }
  if (op == NULL)
    slot_op_fail (self, wtw_vault_check_passphrase_async, error, callback, user_data);
  else
    slot_op_run_in_thread (self, op, wtw_vault_check_passphrase_async, check_passphrase_thread,
                           cancellable, callback, user_data);
}

/**
 * wtw_vault_check_passphrase_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the passphrase is the current member's; WRONG_PASSPHRASE
 *   if not
 */
gboolean
wtw_vault_check_passphrase_finish (WtwVault      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  SlotOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  op = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* A slot the passphrase was just seen to open is the member's own, tag or
   * no tag: an export dropping a partner keeps it (wtw-vault-export.c). */
  if (_wtw_vault_get_keys (self) == op->keys)
    _wtw_vault_add_verified_slot (self, op->verified_index);
  return TRUE;
}

/**
 * wtw_vault_switch_member_async:
 * @self: an unlocked #WtwVault
 * @passphrase: the passphrase of the member to switch to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_switch_member(), with the key derivation in a worker thread.
 */
void
wtw_vault_switch_member_async (WtwVault            *self,
                               const char          *passphrase,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GError *error = NULL;
  SlotOp *op;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  op = switch_member_op (self, passphrase, &error);
  if (op == NULL)
    slot_op_fail (self, wtw_vault_switch_member_async, error, callback, user_data);
  else
    slot_op_run_in_thread (self, op, wtw_vault_switch_member_async, switch_member_thread,
                           cancellable, callback, user_data);
}

/**
 * wtw_vault_switch_member_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the member changed; LOCKED if the vault was locked meanwhile
 */
gboolean
wtw_vault_switch_member_finish (WtwVault      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  return become_member (self, g_task_get_task_data (G_TASK (result)), error);
}
