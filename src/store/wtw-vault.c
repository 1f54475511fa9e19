/* wtw-vault.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "wtw-crypt-recovery.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-private.h"
#include "wtw-vault-schema.h"
#include "wtw-vault-sql.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000

struct _WtwVault
{
  GObject        parent_instance;

  GFile         *file;
  char          *path;
  guint          busy_timeout;

  /* Set while unlocked. */
  sqlite3       *db;
  WtwCryptKeys  *keys;
  WtwHeader      header;
  guint8        *personal;      /* guarded memory, WTW_KEY_BYTES */
  gint64         member_id;
  char          *member_name;
  int            slot_index;    /* the slot that opened the vault, or -1 */
};

G_DEFINE_FINAL_TYPE (WtwVault, wtw_vault, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_UNLOCKED,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (wtw-vault-error-quark, wtw_vault_error)

G_DEFINE_BOXED_TYPE (WtwVaultMember, wtw_vault_member,
                     wtw_vault_member_copy, wtw_vault_member_free)
G_DEFINE_BOXED_TYPE (WtwKeySlotInfo, wtw_key_slot_info,
                     wtw_key_slot_info_copy, wtw_key_slot_info_free)

/* What the worker of create and unlock is given: copies, never the vault. */
typedef struct
{
  char          *path;
  char          *secret;        /* guarded memory */
  gsize          secret_len;
  WtwSecretKind  kind;
  guint          busy_timeout;
  char          *member_name;
  gboolean       calibrate;
  WtwKdfParams   params;
} OpenJob;

/* What it hands back, applied to the vault on the owner's thread. */
typedef struct
{
  sqlite3       *db;
  WtwCryptKeys  *keys;
  WtwHeader      header;
  guint8        *personal;
  gint64         member_id;
  char          *member_name;
  int            slot_index;
  char          *recovery_key;  /* guarded memory */
} OpenResult;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  wtw_secure_free (job->secret);
  g_free (job->member_name);
  g_free (job);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_pointer (&result->db, sqlite3_close);
  g_clear_pointer (&result->keys, wtw_crypt_keys_unref);
  wtw_secure_free (result->personal);
  wtw_secure_free (result->recovery_key);
  g_free (result->member_name);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenJob, open_job_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenResult, open_result_free)

static gboolean
set_locked_error (GError **error)
{
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                       "The vault is locked; unlock it first.");
  return FALSE;
}

/* Passphrases are compared as NFC so that the same words typed with another
 * input method still open the vault. Recovery keys become their 32 bytes. */
static char *
prepare_secret (const char     *secret,
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

static gboolean
check_params (const WtwKdfParams  *params,
              GError             **error)
{
  if (params == NULL || wtw_kdf_params_valid (params))
    return TRUE;
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
               "The key derivation cost is too low; it must be at least %d passes and %d MiB.",
               WTW_KDF_OPS_FLOOR, (int) (WTW_KDF_MEM_FLOOR / (1024 * 1024)));
  return FALSE;
}

static gboolean
check_new_passphrase (const char  *passphrase,
                      GError     **error)
{
  if (passphrase != NULL && passphrase[0] != '\0')
    return TRUE;
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                       "Choose a passphrase; it cannot be empty.");
  return FALSE;
}

static WtwKdfParams
resolve_params (const WtwKdfParams *params)
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

static gboolean
read_header (const char  *path,
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

static gboolean
set_wrong_secret (WtwSecretKind   kind,
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
static int
find_slot (const WtwHeader  *header,
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
  set_wrong_secret (kind, damaged, error);
  return -1;
}

static char *
query_member_name (sqlite3  *db,
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
open_database (OpenResult  *result,
               const char  *path,
               guint        busy_timeout,
               GError     **error)
{
  if (!wtw_sql_open (path, result->keys, busy_timeout, FALSE, &result->db, error))
    return FALSE;
  if (!wtw_vault_schema_migrate (result->db, error))
    return FALSE;
  result->member_name = query_member_name (result->db, result->member_id, error);
  return result->member_name != NULL;
}

static gboolean
take_slot_secrets (OpenResult      *result,
                   WtwSlotSecrets  *secrets,
                   GError         **error)
{
  result->keys = wtw_crypt_keys_new (secrets->master, result->header.file_id);
  result->personal = wtw_secure_alloc (WTW_KEY_BYTES);
  memcpy (result->personal, secrets->personal, WTW_KEY_BYTES);
  result->member_id = (gint64) result->header.slots[result->slot_index].member_id;
  if (wtw_header_mac_valid (&result->header, result->keys))
    return TRUE;
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                       "The vault's key area was changed or damaged, so it is not trusted.");
  return FALSE;
}

/* The worker of unlock: Argon2id, then SQLite. Touches nothing but @job. */
static OpenResult *
open_vault (OpenJob       *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(OpenResult) result = g_new0 (OpenResult, 1);
  WtwSlotSecrets *secrets = NULL;
  gboolean ok;

  if (!read_header (job->path, &result->header, error))
    return NULL;
  secrets = wtw_secure_alloc (sizeof *secrets);
  result->slot_index = find_slot (&result->header, job->secret, job->secret_len, job->kind,
                                  secrets, cancellable, error);
  ok = result->slot_index >= 0 && take_slot_secrets (result, secrets, error);
  wtw_secure_free (secrets);
  if (!ok || !open_database (result, job->path, job->busy_timeout, error))
    return NULL;
  return g_steal_pointer (&result);
}

/* A new vault is built under a temporary name and linked into place only
 * when complete: a crash while creating leaves no half-made vault in the way. */
static char *
create_tmp_file (const char  *path,
                 GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  int saved = errno;

  if (fd >= 0 && g_close (fd, NULL))
    return g_steal_pointer (&tmp);
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
               "The vault file %s could not be created: %s.", path, g_strerror (saved));
  return NULL;
}

static gboolean
check_absent (const char  *path,
              GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS,
               "A file named %s already exists.", path);
  return FALSE;
}

static void
delete_vault_files (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

static gboolean
fill_member_slots (WtwHeader           *header,
                   gint64               member_id,
                   const WtwKdfParams  *params,
                   const char          *passphrase,
                   gsize                passphrase_len,
                   const guint8        *personal,
                   const guint8        *master,
                   char               **recovery_key,
                   GError             **error);

static gboolean
insert_first_member (sqlite3     *db,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt =
    wtw_sql_prepare (db, "INSERT INTO members (id, name, created) VALUES (1, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  return wtw_sql_step_done (stmt, error);
}

static gboolean
build_new_vault (OpenJob     *job,
                 const char  *path,
                 OpenResult  *result,
                 GError     **error)
{
  guint8 *master = wtw_secure_alloc (WTW_KEY_BYTES);
  gboolean ok;

  randombytes_buf (master, WTW_KEY_BYTES);
  result->personal = wtw_secure_alloc (WTW_KEY_BYTES);
  randombytes_buf (result->personal, WTW_KEY_BYTES);
  result->member_id = 1;
  result->slot_index = 0;
  result->member_name = g_strdup (job->member_name);
  wtw_header_init (&result->header);
  result->keys = wtw_crypt_keys_new (master, result->header.file_id);
  ok = fill_member_slots (&result->header, 1, &job->params, job->secret, job->secret_len,
                          result->personal, master, &result->recovery_key, error);
  wtw_secure_free (master);
  ok = ok
    && wtw_sql_write_header (path, &result->header, result->keys, error)
    && wtw_sql_open (path, result->keys, job->busy_timeout, TRUE, &result->db, error)
    && wtw_vault_schema_migrate (result->db, error)
    && insert_first_member (result->db, job->member_name, error);
  /* Closed either way: the connection must be opened again under the final
   * name, or its journal would be named after the temporary one. */
  g_clear_pointer (&result->db, sqlite3_close);
  return ok;
}

/* The worker of create. On failure nothing is left behind. */
static OpenResult *
create_vault (OpenJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(OpenResult) result = g_new0 (OpenResult, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;

  if (!check_absent (job->path, error) || (tmp = create_tmp_file (job->path, error)) == NULL)
    return NULL;
  if (job->calibrate)
    job->params = resolve_params (NULL);
  ok = !g_cancellable_set_error_if_cancelled (cancellable, &local_error)
    && build_new_vault (job, tmp, result, &local_error)
    && wtw_sql_publish (tmp, job->path, &local_error)
    && wtw_sql_open (job->path, result->keys, job->busy_timeout, FALSE, &result->db,
                     &local_error);
  delete_vault_files (tmp);
  if (!ok)
    {
      if (local_error->domain != WTW_VAULT_ERROR && local_error->domain != G_IO_ERROR)
        g_prefix_error (&local_error, "The vault could not be created: ");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&result);
}

static void
notify_state (WtwVault *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLOCKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_NAME]);
}

static void
apply_result (WtwVault   *self,
              OpenResult *result)
{
  wtw_vault_lock (self);
  self->db = g_steal_pointer (&result->db);
  self->keys = g_steal_pointer (&result->keys);
  self->header = result->header;
  self->personal = g_steal_pointer (&result->personal);
  sodium_mprotect_readonly (self->personal);
  self->member_id = result->member_id;
  self->member_name = g_steal_pointer (&result->member_name);
  self->slot_index = result->slot_index;
  notify_state (self);
}

static OpenJob *
open_job_new (WtwVault       *self,
              const char     *secret,
              WtwSecretKind   kind,
              GError        **error)
{
  g_autoptr(OpenJob) job = g_new0 (OpenJob, 1);

  job->path = g_strdup (self->path);
  job->kind = kind;
  job->busy_timeout = self->busy_timeout;
  job->secret = prepare_secret (secret, kind, &job->secret_len, error);
  if (job->secret == NULL)
    return NULL;
  return g_steal_pointer (&job);
}

static OpenJob *
create_job_new (WtwVault            *self,
                const char          *member_name,
                const char          *passphrase,
                const WtwKdfParams  *params,
                GError             **error)
{
  OpenJob *job;

  if (!check_new_passphrase (passphrase, error) || !check_params (params, error))
    return NULL;
  job = open_job_new (self, passphrase, WTW_SECRET_PASSPHRASE, error);
  if (job == NULL)
    return NULL;
  job->member_name = g_strdup (member_name);
  job->calibrate = params == NULL;
  if (params != NULL)
    job->params = *params;
  return job;
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  OpenResult *result = create_vault (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  OpenResult *result = open_vault (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

static void
wtw_vault_dispose (GObject *object)
{
  WtwVault *self = (WtwVault *)object;

  wtw_vault_lock (self);

  G_OBJECT_CLASS (wtw_vault_parent_class)->dispose (object);
}

static void
wtw_vault_finalize (GObject *object)
{
  WtwVault *self = (WtwVault *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (wtw_vault_parent_class)->finalize (object);
}

static void
wtw_vault_constructed (GObject *object)
{
  WtwVault *self = (WtwVault *)object;

  G_OBJECT_CLASS (wtw_vault_parent_class)->constructed (object);

  g_assert (self->file != NULL);
  self->path = g_file_get_path (self->file);
}

static void
wtw_vault_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WtwVault *self = WTW_VAULT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_UNLOCKED:
      g_value_set_boolean (value, wtw_vault_is_unlocked (self));
      break;
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_vault_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WtwVault *self = WTW_VAULT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_vault_class_init (WtwVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_vault_constructed;
  object_class->dispose = wtw_vault_dispose;
  object_class->finalize = wtw_vault_finalize;
  object_class->get_property = wtw_vault_get_property;
  object_class->set_property = wtw_vault_set_property;

  /**
   * WtwVault:file:
   *
   * The vault file (a local file).
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * WtwVault:unlocked:
   *
   * Whether the keys are in memory and the database is open.
   */
  properties[PROP_UNLOCKED] =
    g_param_spec_boolean ("unlocked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * WtwVault:member-id:
   *
   * The current member's id, 0 while locked.
   */
  properties[PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * WtwVault:member-name:
   *
   * The current member's name, %NULL while locked.
   */
  properties[PROP_MEMBER_NAME] =
    g_param_spec_string ("member-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  wtw_crypt_vfs_register ();
}

static void
wtw_vault_init (WtwVault *self)
{
  self->busy_timeout = DEFAULT_BUSY_TIMEOUT_MS;
  self->slot_index = -1;
}

/**
 * wtw_vault_new:
 * @file: the vault file; it need not exist yet
 *
 * Returns: (transfer full): a locked vault for @file
 */
WtwVault *
wtw_vault_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (g_file_is_native (file), NULL);

  return g_object_new (WTW_TYPE_VAULT, "file", file, NULL);
}

/**
 * wtw_vault_get_file:
 * @self: a #WtwVault
 *
 * Returns: (transfer none): the vault file
 */
GFile *
wtw_vault_get_file (WtwVault *self)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  return self->file;
}

/**
 * wtw_vault_is_unlocked:
 * @self: a #WtwVault
 *
 * Returns: %TRUE if the vault is unlocked
 */
gboolean
wtw_vault_is_unlocked (WtwVault *self)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  return self->db != NULL;
}

/**
 * wtw_vault_get_member_id:
 * @self: a #WtwVault
 *
 * Returns: the id of the member who unlocked, 0 while locked
 */
gint64
wtw_vault_get_member_id (WtwVault *self)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), 0);

  return self->member_id;
}

/**
 * wtw_vault_get_member_name:
 * @self: a #WtwVault
 *
 * Returns: (nullable): the name of the member who unlocked, %NULL while locked
 */
const char *
wtw_vault_get_member_name (WtwVault *self)
{
  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  return self->member_name;
}

/**
 * wtw_vault_create:
 * @self: a locked #WtwVault whose file does not exist
 * @member_name: the first member's name
 * @passphrase: the first member's passphrase, not empty
 * @params: (nullable): Argon2id parameters, or %NULL to calibrate on this machine
 * @recovery_key: (out) (optional): the member's recovery key, to show once; free
 *   it with wtw_secure_free()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Creates the vault file with a passphrase slot and a recovery slot for the
 * first member, and leaves the vault unlocked as that member. Blocking; see
 * wtw_vault_create_async().
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_create (WtwVault            *self,
                  const char          *member_name,
                  const char          *passphrase,
                  const WtwKdfParams  *params,
                  char               **recovery_key,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(OpenJob) job = NULL;
  g_autoptr(OpenResult) result = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (member_name != NULL, FALSE);

  job = create_job_new (self, member_name, passphrase, params, error);
  if (job == NULL || (result = create_vault (job, cancellable, error)) == NULL)
    return FALSE;
  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&result->recovery_key);
  apply_result (self, result);
  return TRUE;
}

/**
 * wtw_vault_create_async:
 * @self: a locked #WtwVault whose file does not exist
 * @member_name: the first member's name
 * @passphrase: the first member's passphrase
 * @params: (nullable): Argon2id parameters, or %NULL to calibrate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_create(), with the key derivation in a worker thread.
 */
void
wtw_vault_create_async (WtwVault            *self,
                        const char          *member_name,
                        const char          *passphrase,
                        const WtwKdfParams  *params,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  OpenJob *job;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (member_name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_vault_create_async);
  job = create_job_new (self, member_name, passphrase, params, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, create_thread);
}

/**
 * wtw_vault_create_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @recovery_key: (out) (optional): the recovery key; free with wtw_secure_free()
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the vault was created and is unlocked
 */
gboolean
wtw_vault_create_finish (WtwVault      *self,
                         GAsyncResult  *result,
                         char         **recovery_key,
                         GError       **error)
{
  g_autoptr(OpenResult) opened = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  opened = g_task_propagate_pointer (G_TASK (result), error);
  if (opened == NULL)
    return FALSE;
  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&opened->recovery_key);
  apply_result (self, opened);
  return TRUE;
}

/**
 * wtw_vault_unlock:
 * @self: a #WtwVault
 * @secret: a passphrase or a recovery key
 * @kind: which of the two @secret is
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens the vault with any slot of @kind that @secret opens; the slot's member
 * becomes the current member. If the vault was already unlocked, it is reopened;
 * on failure nothing changes. Blocking (Argon2id); see wtw_vault_unlock_async().
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_unlock (WtwVault       *self,
                  const char     *secret,
                  WtwSecretKind   kind,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(OpenJob) job = NULL;
  g_autoptr(OpenResult) result = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  job = open_job_new (self, secret, kind, error);
  if (job == NULL || (result = open_vault (job, cancellable, error)) == NULL)
    return FALSE;
  apply_result (self, result);
  return TRUE;
}

/**
 * wtw_vault_unlock_async:
 * @self: a #WtwVault
 * @secret: a passphrase or a recovery key
 * @kind: which of the two @secret is
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_unlock(), with the key derivation and the opening of the
 * database in a worker thread.
 */
void
wtw_vault_unlock_async (WtwVault            *self,
                        const char          *secret,
                        WtwSecretKind        kind,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  OpenJob *job;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_vault_unlock_async);
  job = open_job_new (self, secret, kind, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, unlock_thread);
}

/**
 * wtw_vault_unlock_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the vault is unlocked
 */
gboolean
wtw_vault_unlock_finish (WtwVault      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(OpenResult) opened = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  opened = g_task_propagate_pointer (G_TASK (result), error);
  if (opened == NULL)
    return FALSE;
  apply_result (self, opened);
  return TRUE;
}

/**
 * wtw_vault_lock:
 * @self: a #WtwVault
 *
 * Closes the database and wipes every key from memory. Does nothing if the
 * vault is locked.
 */
void
wtw_vault_lock (WtwVault *self)
{
  g_return_if_fail (WTW_IS_VAULT (self));

  if (self->db == NULL)
    return;
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->keys, wtw_crypt_keys_unref);
  g_clear_pointer (&self->personal, wtw_secure_free);
  g_clear_pointer (&self->member_name, g_free);
  sodium_memzero (&self->header, sizeof self->header);
  self->member_id = 0;
  self->slot_index = -1;
  notify_state (self);
}

static gboolean
set_no_memory (GError **error)
{
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                       "There is not enough free memory to protect the key.");
  return FALSE;
}

static gboolean
fill_slot (WtwHeader           *header,
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

static gboolean
set_no_free_slot (GError **error)
{
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NO_FREE_SLOT,
                       "All eight key slots are in use; remove one first.");
  return FALSE;
}

/* A new recovery slot at the first free index; its key is returned formatted
 * (guarded memory). */
static gboolean
add_recovery_slot (WtwHeader           *header,
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
    set_no_free_slot (error);
  randombytes_buf (key, WTW_RECOVERY_KEY_BYTES);
  ok = ok && fill_slot (header, index, WTW_SLOT_RECOVERY, member_id, params, (const char *) key,
                        WTW_RECOVERY_KEY_BYTES, personal, master, error);
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
static gboolean
fill_member_slots (WtwHeader           *header,
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
    return set_no_free_slot (error);
  return fill_slot (header, index, WTW_SLOT_PASSPHRASE, member_id, params, passphrase,
                    passphrase_len, personal, master, error)
      && add_recovery_slot (header, member_id, &floor, personal, master, recovery_key, NULL,
                            error);
}

static int
count_free_slots (const WtwHeader *header)
{
  int n = 0;

  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    n += header->slots[i].kind == WTW_SLOT_EMPTY;
  return n;
}

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
  SlotOp *op;

  if (self->db == NULL)
    {
      set_locked_error (error);
      return NULL;
    }
  op = g_new0 (SlotOp, 1);
  op->path = g_strdup (self->path);
  op->db = self->db;
  op->busy_timeout = self->busy_timeout;
  op->keys = wtw_crypt_keys_ref (self->keys);
  op->personal = wtw_secure_alloc (WTW_KEY_BYTES);
  memcpy (op->personal, self->personal, WTW_KEY_BYTES);
  op->member_id = self->member_id;
  op->slot_index = self->slot_index;
  op->header = self->header;
  op->edit = edit;
  op->index = -1;
  return op;
}

static gboolean
slot_op_set_params (SlotOp              *op,
                    const WtwKdfParams  *params,
                    GError             **error)
{
  if (!check_params (params, error))
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
  if (!check_new_passphrase (passphrase, error))
    return FALSE;
  op->secret = prepare_secret (passphrase, WTW_SECRET_PASSPHRASE, &op->secret_len, error);
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
  if (!read_header (op->path, header, error))
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
  wtw_secure_free (secrets);
  if (!ok)
    set_wrong_secret (WTW_SECRET_PASSPHRASE, FALSE, error);
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

static void
slot_op_start (WtwVault            *self,
               SlotOp              *op,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) slot_op_free);
  /* The worker opens a connection of its own. */
  op->db = NULL;
  g_task_run_in_thread (task, slot_op_thread);
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
  if (self->db != NULL && self->keys == op->keys)
    self->header = op->header;
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
  self->header = op->header;
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
  return fill_slot (header, op->index, WTW_SLOT_PASSPHRASE, op->member_id, &op->params,
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
  op->old_secret = prepare_secret (old_passphrase, WTW_SECRET_PASSPHRASE, &op->old_len, error);
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
    return set_no_free_slot (error);
  if (op->kind == WTW_SECRET_RECOVERY_KEY)
    return add_recovery_slot (header, op->member_id, &op->params, op->personal, op_master (op),
                              &op->recovery_key, &op->index, error);
  return fill_slot (header, op->index, WTW_SLOT_PASSPHRASE, op->member_id, &op->params,
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
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(SlotOp) op = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  op = slot_op_new (self, edit_regenerate_recovery, error);
  if (op == NULL)
    return NULL;
  op->kind = WTW_SECRET_RECOVERY_KEY;
  op->params = floor;
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
  if (op->target == self->slot_index)
    self->slot_index = -1;
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
  GPtrArray *slots;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if (self->db == NULL)
    {
      set_locked_error (error);
      return NULL;
    }
  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_key_slot_info_free);
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    {
      const WtwSlot *slot = &self->header.slots[i];
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

  if (count_free_slots (header) < 2)
    return set_no_free_slot (error);
  op->new_member_id = insert_member (op->db, op->name, error);
  if (op->new_member_id == 0)
    return FALSE;
  personal = wtw_secure_alloc (WTW_KEY_BYTES);
  randombytes_buf (personal, WTW_KEY_BYTES);
  ok = fill_member_slots (header, op->new_member_id, &op->params, op->secret, op->secret_len,
                          personal, op_master (op), &op->recovery_key, error);
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
  int rc;

  g_return_val_if_fail (WTW_IS_VAULT (self), NULL);

  if (self->db == NULL)
    {
      set_locked_error (error);
      return NULL;
    }
  stmt = wtw_sql_prepare (self->db, "SELECT id, name, created FROM members ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_vault_member_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, member_from_row (stmt));
  if (!wtw_sql_set_error (self->db, rc, error))
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
  int index = find_slot (&op->header, op->secret, op->secret_len, WTW_SECRET_PASSPHRASE,
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
  char *name;

  if (self->keys != op->keys)
    return set_locked_error (error);
  name = query_member_name (self->db, op->new_member_id, error);
  if (name == NULL)
    return FALSE;
  g_clear_pointer (&self->personal, wtw_secure_free);
  self->personal = g_steal_pointer (&op->new_personal);
  sodium_mprotect_readonly (self->personal);
  g_free (self->member_name);
  self->member_name = name;
  self->member_id = op->new_member_id;
  self->slot_index = op->index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_NAME]);
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
  op->secret = prepare_secret (passphrase, WTW_SECRET_PASSPHRASE, &op->secret_len, error);
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
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SlotOp *op;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  op = switch_member_op (self, passphrase, &error);
  if (op == NULL)
    {
      slot_op_fail (self, wtw_vault_switch_member_async, error, callback, user_data);
      return;
    }
  op->db = NULL;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_vault_switch_member_async);
  g_task_set_task_data (task, op, (GDestroyNotify) slot_op_free);
  g_task_run_in_thread (task, switch_member_thread);
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

/**
 * wtw_vault_member_copy:
 * @member: a member
 *
 * Returns: (transfer full): a copy
 */
WtwVaultMember *
wtw_vault_member_copy (const WtwVaultMember *member)
{
  WtwVaultMember *copy = g_memdup2 (member, sizeof *member);

  copy->name = g_strdup (member->name);
  return copy;
}

/**
 * wtw_vault_member_free:
 * @member: (nullable): a member
 *
 * Frees @member.
 */
void
wtw_vault_member_free (WtwVaultMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member);
}

/**
 * wtw_key_slot_info_copy:
 * @info: slot facts
 *
 * Returns: (transfer full): a copy
 */
WtwKeySlotInfo *
wtw_key_slot_info_copy (const WtwKeySlotInfo *info)
{
  return g_memdup2 (info, sizeof *info);
}

/**
 * wtw_key_slot_info_free:
 * @info: (nullable): slot facts
 *
 * Frees @info.
 */
void
wtw_key_slot_info_free (WtwKeySlotInfo *info)
{
  g_free (info);
}

sqlite3 *
_wtw_vault_get_db (WtwVault  *self,
                   GError   **error)
{
  if (self->db == NULL)
    set_locked_error (error);
  return self->db;
}

const guint8 *
_wtw_vault_get_personal_key (WtwVault *self)
{
  return self->personal;
}

WtwCryptKeys *
_wtw_vault_get_keys (WtwVault *self)
{
  return self->keys;
}

const WtwHeader *
_wtw_vault_get_header (WtwVault *self)
{
  return &self->header;
}

guint
_wtw_vault_get_busy_timeout (WtwVault *self)
{
  return self->busy_timeout;
}

char *
_wtw_vault_get_path (WtwVault *self)
{
  return g_strdup (self->path);
}

/**
 * _wtw_vault_exec:
 * @self: an unlocked #WtwVault
 * @sql: statements
 * @error: return location for a #GError
 *
 * Runs @sql on the vault's connection, authorizer included. Tests only.
 *
 * Returns: %TRUE on success
 */
gboolean
_wtw_vault_exec (WtwVault    *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3 *db = _wtw_vault_get_db (self, error);

  return db != NULL && wtw_sql_exec (db, sql, error);
}

/**
 * _wtw_vault_query_string:
 * @self: an unlocked #WtwVault
 * @sql: a query
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first column of the first row as
 *   text ("" if there is no row), or %NULL on error
 */
char *
_wtw_vault_query_string (WtwVault    *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3 *db = _wtw_vault_get_db (self, error);
  g_autoptr(WtwSqlStmt) stmt = db != NULL ? wtw_sql_prepare (db, sql, error) : NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return wtw_sql_set_error (db, rc, error) ? g_strdup ("") : NULL;
}

/**
 * _wtw_vault_set_busy_timeout:
 * @self: a #WtwVault
 * @msec: milliseconds
 *
 * Sets how long to wait for another program's lock; applies to the next unlock
 * and to the open connection.
 */
void
_wtw_vault_set_busy_timeout (WtwVault *self,
                             guint     msec)
{
  self->busy_timeout = msec;
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) msec);
}
