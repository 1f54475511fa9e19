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

#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-keys.h"
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
  guint          open_serial;   /* counts openings, so late news of a closed one is dropped */
  guint          verified_slots; /* bits: slots a secret was seen to open since unlock */
  GMainContext  *context;       /* where WtwVault::damaged is emitted */
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

enum {
  DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
open_database (OpenResult  *result,
               const char  *path,
               guint        busy_timeout,
               GError     **error)
{
  if (!wtw_sql_open (path, result->keys, busy_timeout, FALSE, &result->db, error))
    return FALSE;
  if (!wtw_vault_schema_migrate (result->db, error))
    return FALSE;
  result->member_name = _wtw_vault_query_member_name (result->db, result->member_id, error);
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

  if (!_wtw_vault_read_header (job->path, &result->header, error))
    return NULL;
  secrets = wtw_secure_alloc (sizeof *secrets);
  result->slot_index = _wtw_vault_find_slot (&result->header, job->secret, job->secret_len,
                                             job->kind, secrets, cancellable, error);
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
  ok = _wtw_vault_fill_member_slots (&result->header, 1, &job->params, job->secret, job->secret_len,
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
    job->params = _wtw_vault_resolve_params (NULL);
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

/* Damage found after opening: the VFS tells us in whatever thread read the
 * page; the news is carried to the vault's own context, once per opening. */
typedef struct
{
  GWeakRef      vault;
  GMainContext *context;
  guint         serial;
  gint          told;
} DamageWatch;

typedef struct
{
  GWeakRef vault;
  guint    serial;
  guint32  pgno;
} DamageNews;

static void
damage_watch_free (gpointer data)
{
  DamageWatch *watch = data;

  g_weak_ref_clear (&watch->vault);
  g_main_context_unref (watch->context);
  g_free (watch);
}

static void
damage_news_free (gpointer data)
{
  DamageNews *news = data;

  g_weak_ref_clear (&news->vault);
  g_free (news);
}

static gboolean
emit_damaged (gpointer data)
{
  DamageNews *news = data;
  g_autoptr(WtwVault) self = g_weak_ref_get (&news->vault);

  if (self != NULL && self->db != NULL && self->open_serial == news->serial)
    {
      g_debug ("Page %u of the vault does not authenticate: the file was changed or "
                 "damaged while it was open", news->pgno);
      g_signal_emit (self, signals[DAMAGED], 0, (guint) news->pgno);
    }
  return G_SOURCE_REMOVE;
}

static void
on_page_damaged (guint32  pgno,
                 gpointer user_data)
{
  DamageWatch *watch = user_data;
  g_autoptr(GObject) vault = NULL;
  DamageNews *news;

  if (!g_atomic_int_compare_and_exchange (&watch->told, 0, 1))
    return;
  vault = g_weak_ref_get (&watch->vault);
  if (vault == NULL)
    return;
  news = g_new0 (DamageNews, 1);
  g_weak_ref_init (&news->vault, vault);
  news->serial = watch->serial;
  news->pgno = pgno;
  /* Always later, never inside this read: the VFS is mid-xRead with the
   * connection's mutex held, and handlers may well use the vault. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, emit_damaged, news, damage_news_free);
    g_source_set_static_name (source, "[wtw] vault damaged");
    g_source_attach (source, watch->context);
    g_source_unref (source);
  }
}

static void
watch_damage (WtwVault *self)
{
  DamageWatch *watch = g_new0 (DamageWatch, 1);

  g_weak_ref_init (&watch->vault, self);
  watch->context = g_main_context_ref (self->context);
  watch->serial = self->open_serial;
  if (!wtw_crypt_vfs_watch_damage (self->db, on_page_damaged, watch, damage_watch_free))
    g_debug ("The vault's file does not report damage");
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
  self->verified_slots = result->slot_index >= 0 ? 1u << result->slot_index : 0;
  self->open_serial++;
  watch_damage (self);
  _wtw_vault_journal_register_functions (self, self->db);
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
  job->secret = _wtw_vault_prepare_secret (secret, kind, &job->secret_len, error);
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

  if (!_wtw_vault_check_new_passphrase (passphrase, error)
      || !_wtw_vault_check_params (params, error))
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
  g_clear_pointer (&self->context, g_main_context_unref);

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

  /**
   * WtwVault::damaged:
   * @self: the vault
   * @page: the first page found not to authenticate
   *
   * Emitted, in the thread-default context the vault was made in, when a
   * page of the open vault fails to authenticate: the file was changed or
   * damaged after it was opened. Emitted at most once per unlock.
   */
  signals[DAMAGED] =
    g_signal_new ("damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  wtw_crypt_vfs_register ();
}

static void
wtw_vault_init (WtwVault *self)
{
  self->busy_timeout = DEFAULT_BUSY_TIMEOUT_MS;
  self->slot_index = -1;
  self->context = g_main_context_ref_thread_default ();
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
  self->verified_slots = 0;
  notify_state (self);
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
    _wtw_vault_set_locked_error (error);
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

void
_wtw_vault_set_header (WtwVault        *self,
                       const WtwHeader *header)
{
  self->header = *header;
}

/* Slots the current member's secret was seen to open since the unlock: the
 * one that unlocked, and any a passphrase check opened. */
guint
_wtw_vault_get_verified_slots (WtwVault *self)
{
  return self->verified_slots;
}

void
_wtw_vault_add_verified_slot (WtwVault *self,
                              int       index)
{
  if (self->db != NULL && index >= 0 && index < WTW_HEADER_SLOTS)
    self->verified_slots |= 1u << index;
}

void
_wtw_vault_forget_verified_slot (WtwVault *self,
                                 int       index)
{
  if (index >= 0 && index < WTW_HEADER_SLOTS)
    self->verified_slots &= ~(1u << index);
}

int
_wtw_vault_get_slot_index (WtwVault *self)
{
  return self->slot_index;
}

void
_wtw_vault_set_slot_index (WtwVault *self,
                           int       index)
{
  self->slot_index = index;
  if (index >= 0)
    self->verified_slots |= 1u << index;
}

/* @name and @personal (guarded memory) are taken over. */
void
_wtw_vault_become_member (WtwVault *self,
                          gint64    member_id,
                          char     *name,
                          guint8   *personal,
                          int       slot_index)
{
  g_clear_pointer (&self->personal, wtw_secure_free);
  self->personal = personal;
  sodium_mprotect_readonly (self->personal);
  g_free (self->member_name);
  self->member_name = name;
  self->member_id = member_id;
  self->slot_index = slot_index;
  self->verified_slots = slot_index >= 0 ? 1u << slot_index : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_NAME]);
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
