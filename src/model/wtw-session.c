/* wtw-session.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-session"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "wtw-secure.h"
#include "wtw-session.h"

/* The vault as people meet it: whether there is one, whether it is open,
 * and when it should close again. Widgets bind to this object; it never
 * formats text for people and never holds a passphrase longer than the
 * call that uses it. */
struct _WtwSession
{
  GObject          parent_instance;

  GFile           *file;
  WtwVault        *vault;
  GError          *problem;
  GError          *damage;      /* found while unlocked; the problem once locked */
  GCancellable    *cancellable;
  WtwKdfParams     kdf_params;
  guint            idle_timeout;
  guint            idle_source;
  WtwSessionState  state;
  guint            busy : 1;
  guint            has_kdf_params : 1;
};

G_DEFINE_FINAL_TYPE (WtwSession, wtw_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (WtwSessionState, wtw_session_state,
  G_DEFINE_ENUM_VALUE (WTW_SESSION_STATE_NEEDS_SETUP, "needs-setup"),
  G_DEFINE_ENUM_VALUE (WTW_SESSION_STATE_LOCKED, "locked"),
  G_DEFINE_ENUM_VALUE (WTW_SESSION_STATE_UNLOCKED, "unlocked"),
  G_DEFINE_ENUM_VALUE (WTW_SESSION_STATE_PROBLEM, "problem"))

enum {
  PROP_0,
  PROP_FILE,
  PROP_STATE,
  PROP_BUSY,
  PROP_IDLE_TIMEOUT,
  PROP_DAMAGED,
  N_PROPS
};

enum {
  LOCKING,
  MEMBER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void arm_idle_timer (WtwSession *self);

static void
set_state (WtwSession      *self,
           WtwSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  arm_idle_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_busy (WtwSession *self,
          gboolean    busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Errors that no passphrase can fix: the file itself is the trouble. */
static gboolean
is_problem_with_file (const GError *error)
{
  return g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED) ||
         g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT) ||
         g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_UNSUPPORTED_VERSION);
}

static gboolean
on_idle_timeout_cb (gpointer user_data)
{
  WtwSession *self = user_data;

  self->idle_source = 0;
  g_debug ("Locking after %u idle seconds", self->idle_timeout);
  wtw_session_lock (self);

  return G_SOURCE_REMOVE;
}

static void
arm_idle_timer (WtwSession *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);

  if (self->state == WTW_SESSION_STATE_UNLOCKED && self->idle_timeout > 0)
    self->idle_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                    self->idle_timeout,
                                                    on_idle_timeout_cb,
                                                    self, NULL);
}

static void
on_vault_damaged_cb (WtwSession *self,
                     guint       page,
                     WtwVault   *vault)
{
  if (self->state != WTW_SESSION_STATE_UNLOCKED || self->damage != NULL)
    return;

  self->damage = g_error_new (WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                              "Page %u of the vault was changed or damaged while it was open "
                              "and cannot be read.", page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
}

static void
clear_damage (WtwSession *self)
{
  if (self->damage == NULL)
    return;
  g_clear_error (&self->damage);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
}

/* A new vault object for the file (at start, and after re-keying): damage
 * found in the one before says nothing about this one. */
static void
set_vault (WtwSession *self,
           WtwVault   *vault)
{
  if (self->vault != NULL)
    g_signal_handlers_disconnect_by_func (self->vault, on_vault_damaged_cb, self);
  g_clear_object (&self->vault);
  self->vault = vault;
  g_signal_connect_object (self->vault, "damaged", G_CALLBACK (on_vault_damaged_cb), self,
                           G_CONNECT_SWAPPED);
  clear_damage (self);
}

static void
wtw_session_constructed (GObject *object)
{
  WtwSession *self = (WtwSession *)object;

  G_OBJECT_CLASS (wtw_session_parent_class)->constructed (object);

  if (self->file == NULL)
    self->file = wtw_session_get_default_file ();

  set_vault (self, wtw_vault_new (self->file));
  self->state = g_file_query_exists (self->file, NULL) ? WTW_SESSION_STATE_LOCKED
                                                       : WTW_SESSION_STATE_NEEDS_SETUP;
}

static void
wtw_session_dispose (GObject *object)
{
  WtwSession *self = (WtwSession *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->vault != NULL)
    wtw_vault_lock (self->vault);
  g_clear_object (&self->vault);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (wtw_session_parent_class)->dispose (object);
}

static void
wtw_session_finalize (GObject *object)
{
  WtwSession *self = (WtwSession *)object;

  g_clear_object (&self->file);
  g_clear_error (&self->problem);
  g_clear_error (&self->damage);

  G_OBJECT_CLASS (wtw_session_parent_class)->finalize (object);
}

static void
wtw_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WtwSession *self = WTW_SESSION (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;

    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damage != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WtwSession *self = WTW_SESSION (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_IDLE_TIMEOUT:
      wtw_session_set_idle_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_session_class_init (WtwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_session_constructed;
  object_class->dispose = wtw_session_dispose;
  object_class->finalize = wtw_session_finalize;
  object_class->get_property = wtw_session_get_property;
  object_class->set_property = wtw_session_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       WTW_TYPE_SESSION_STATE,
                       WTW_SESSION_STATE_NEEDS_SETUP,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwSession:busy:
   *
   * Whether a key derivation is running (creating or unlocking).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwSession:idle-timeout:
   *
   * Seconds without activity after which the vault locks; 0 never locks.
   */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwSession:damaged:
   *
   * Whether a page of the open vault failed to authenticate: the file was
   * changed or damaged after it was unlocked (see wtw_session_get_damage()).
   * Locking then leads to %WTW_SESSION_STATE_PROBLEM, where a backup can be
   * restored.
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwSession::locking:
   *
   * Emitted just before the vault locks, while it is still open, so that
   * whoever holds unsaved words saves them now.
   */
  signals[LOCKING] =
    g_signal_new ("locking",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * WtwSession::member-changed:
   *
   * Emitted when another member took over the open vault; everything
   * shown for the previous member should be rebuilt.
   */
  signals[MEMBER_CHANGED] =
    g_signal_new ("member-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wtw_session_init (WtwSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * wtw_session_new:
 * @file: (nullable): the vault file, or %NULL for the default one
 *
 * Returns: (transfer full): a new #WtwSession
 */
WtwSession *
wtw_session_new (GFile *file)
{
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (WTW_TYPE_SESSION, "file", file, NULL);
}

/**
 * wtw_session_get_default_file:
 *
 * The vault lives in the user's data folder, so that it is backed up with
 * their other files and never in a synced or shared place by default.
 *
 * Returns: (transfer full): the default vault file
 */
GFile *
wtw_session_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (),
                                            "words-that-work", "vault.wtw", NULL);

  return g_file_new_for_path (path);
}

GFile *
wtw_session_get_file (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), NULL);

  return self->file;
}

WtwSessionState
wtw_session_get_state (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), WTW_SESSION_STATE_NEEDS_SETUP);

  return self->state;
}

gboolean
wtw_session_get_busy (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), FALSE);

  return self->busy;
}

/**
 * wtw_session_get_vault:
 * @self: a #WtwSession
 *
 * Returns: (transfer none) (nullable): the vault while it is unlocked
 */
WtwVault *
wtw_session_get_vault (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), NULL);

  return self->state == WTW_SESSION_STATE_UNLOCKED ? self->vault : NULL;
}

/**
 * wtw_session_get_problem:
 * @self: a #WtwSession
 *
 * Returns: (nullable): why the vault cannot be opened, in the
 *   %WTW_SESSION_STATE_PROBLEM state
 */
const GError *
wtw_session_get_problem (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), NULL);

  return self->problem;
}

/**
 * wtw_session_get_damage:
 * @self: a #WtwSession
 *
 * Returns: (nullable): what was found damaged in the open vault, if anything
 */
const GError *
wtw_session_get_damage (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), NULL);

  return self->damage;
}

/**
 * wtw_session_set_kdf_params:
 * @self: a #WtwSession
 * @params: (nullable): Argon2id parameters for new vaults, or %NULL to
 *   calibrate on this machine
 *
 * For tests and scripts, which cannot wait for a calibration; the vault
 * refuses anything below its floor either way.
 */
void
wtw_session_set_kdf_params (WtwSession         *self,
                            const WtwKdfParams *params)
{
  g_return_if_fail (WTW_IS_SESSION (self));

  self->has_kdf_params = params != NULL;
  if (params != NULL)
    self->kdf_params = *params;
}

guint
wtw_session_get_idle_timeout (WtwSession *self)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), 0);

  return self->idle_timeout;
}

/**
 * wtw_session_set_idle_timeout:
 * @self: a #WtwSession
 * @seconds: seconds without activity before locking; 0 for never
 */
void
wtw_session_set_idle_timeout (WtwSession *self,
                              guint       seconds)
{
  g_return_if_fail (WTW_IS_SESSION (self));

  if (self->idle_timeout == seconds)
    return;

  self->idle_timeout = seconds;
  arm_idle_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

/**
 * wtw_session_report_activity:
 * @self: a #WtwSession
 *
 * Tells the session that someone is using the app, which restarts the
 * idle countdown.
 */
void
wtw_session_report_activity (WtwSession *self)
{
  g_return_if_fail (WTW_IS_SESSION (self));

  if (self->idle_source != 0)
    arm_idle_timer (self);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *recovery_key = NULL;

  set_busy (self, FALSE);

  if (!wtw_vault_create_finish (WTW_VAULT (object), result, &recovery_key, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_state (self, WTW_SESSION_STATE_UNLOCKED);
  g_task_return_pointer (task, recovery_key, wtw_secure_free);
}

/**
 * wtw_session_create_async:
 * @self: a #WtwSession
 * @member_name: the first member's name
 * @passphrase: their passphrase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Creates the vault and leaves it unlocked. The key derivation runs on a
 * worker thread.
 */
void
wtw_session_create_async (WtwSession          *self,
                          const char          *member_name,
                          const char          *passphrase,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WTW_IS_SESSION (self));
  g_return_if_fail (member_name != NULL);
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_session_create_async);

  parent = g_file_get_parent (self->file);
  if (!g_file_make_directory_with_parents (parent, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_busy (self, TRUE);
  wtw_vault_create_async (self->vault, member_name, passphrase,
                          self->has_kdf_params ? &self->kdf_params : NULL,
                          cancellable, create_cb, g_steal_pointer (&task));
}

/**
 * wtw_session_create_finish:
 * @self: a #WtwSession
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the recovery key, in secure memory:
 *   free it with wtw_secure_free(); %NULL on error
 */
char *
wtw_session_create_finish (WtwSession    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!wtw_vault_unlock_finish (WTW_VAULT (object), result, &error))
    {
      if (is_problem_with_file (error))
        {
          g_clear_error (&self->problem);
          self->problem = g_error_copy (error);
          set_state (self, WTW_SESSION_STATE_PROBLEM);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_error (&self->problem);
  clear_damage (self);
  set_state (self, WTW_SESSION_STATE_UNLOCKED);
  g_task_return_boolean (task, TRUE);
}

/**
 * wtw_session_unlock_async:
 * @self: a #WtwSession
 * @secret: a passphrase or a recovery key
 * @kind: which of the two @secret is
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Unlocks the vault; the key derivation runs on a worker thread. A wrong
 * secret leaves the session locked. A file that no secret can open moves
 * the session to %WTW_SESSION_STATE_PROBLEM.
 */
void
wtw_session_unlock_async (WtwSession          *self,
                          const char          *secret,
                          WtwSecretKind        kind,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WTW_IS_SESSION (self));
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_session_unlock_async);

  set_busy (self, TRUE);
  wtw_vault_unlock_async (self->vault, secret, kind, cancellable,
                          unlock_cb, g_steal_pointer (&task));
}

gboolean
wtw_session_unlock_finish (WtwSession    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * wtw_session_lock:
 * @self: a #WtwSession
 *
 * Emits #WtwSession::locking so pending edits are saved, then locks the
 * vault, which wipes its keys. Does nothing when not unlocked. A vault
 * found damaged while it was open (#WtwSession:damaged) goes to
 * %WTW_SESSION_STATE_PROBLEM instead of %WTW_SESSION_STATE_LOCKED.
 */
void
wtw_session_lock (WtwSession *self)
{
  g_return_if_fail (WTW_IS_SESSION (self));

  if (self->state != WTW_SESSION_STATE_UNLOCKED)
    return;

  g_signal_emit (self, signals[LOCKING], 0);
  wtw_vault_lock (self->vault);
  if (self->damage != NULL)
    {
      g_clear_error (&self->problem);
      self->problem = g_steal_pointer (&self->damage);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
      set_state (self, WTW_SESSION_STATE_PROBLEM);
      return;
    }
  set_state (self, WTW_SESSION_STATE_LOCKED);
}

static const WtwKdfParams *
kdf_params (WtwSession *self)
{
  return self->has_kdf_params ? &self->kdf_params : NULL;
}

static gboolean
check_unlocked (WtwSession  *self,
                GError     **error)
{
  if (self->state == WTW_SESSION_STATE_UNLOCKED)
    return TRUE;

  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                       "The vault is locked. Unlock it and try again.");
  return FALSE;
}

/* The start of every operation on an open vault: a task, or NULL when
 * the vault is locked, in which case the callback already has its error. */
static GTask *
unlocked_task_new (WtwSession          *self,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  if (!check_unlocked (self, &error))
    {
      g_task_return_error (task, error);
      return NULL;
    }

  return g_steal_pointer (&task);
}

/**
 * wtw_session_list_members:
 * @self: a #WtwSession
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type WtwVaultMember): the members
 */
GPtrArray *
wtw_session_list_members (WtwSession  *self,
                          GError     **error)
{
  g_return_val_if_fail (WTW_IS_SESSION (self), NULL);

  if (!check_unlocked (self, error))
    return NULL;

  return wtw_vault_list_members (self->vault, error);
}

static void
change_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (wtw_vault_change_passphrase_finish (WTW_VAULT (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_session_change_passphrase_async:
 * @self: a #WtwSession
 * @old_passphrase: the current member's passphrase now
 * @new_passphrase: the one to use from now on
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Changes the current member's passphrase. Only the header changes: the
 * pages are not rewritten. The key derivation runs on a worker thread.
 */
void
wtw_session_change_passphrase_async (WtwSession          *self,
                                     const char          *old_passphrase,
                                     const char          *new_passphrase,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WTW_IS_SESSION (self));

  task = unlocked_task_new (self, wtw_session_change_passphrase_async,
                            cancellable, callback, user_data);
  if (task == NULL)
    return;

  set_busy (self, TRUE);
  wtw_vault_change_passphrase_async (self->vault, old_passphrase, new_passphrase,
                                     kdf_params (self), cancellable,
                                     change_passphrase_cb, g_steal_pointer (&task));
}

gboolean
wtw_session_change_passphrase_finish (WtwSession    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
regenerate_recovery_key_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  GError *error = NULL;
  char *key;

  set_busy (self, FALSE);
  key = wtw_vault_regenerate_recovery_key_finish (WTW_VAULT (object), result, &error);
  if (key != NULL)
    g_task_return_pointer (task, key, wtw_secure_free);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_session_regenerate_recovery_key_async:
 * @self: a #WtwSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Replaces the current member's recovery key; the old one stops working.
 * The key derivation runs on a worker thread.
 */
void
wtw_session_regenerate_recovery_key_async (WtwSession          *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WTW_IS_SESSION (self));

  task = unlocked_task_new (self, wtw_session_regenerate_recovery_key_async,
                            cancellable, callback, user_data);
  if (task == NULL)
    return;

  set_busy (self, TRUE);
  wtw_vault_regenerate_recovery_key_async (self->vault, cancellable,
                                           regenerate_recovery_key_cb,
                                           g_steal_pointer (&task));
}

/**
 * wtw_session_regenerate_recovery_key_finish:
 * @self: a #WtwSession
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new key, in secure memory: free
 *   it with wtw_secure_free()
 */
char *
wtw_session_regenerate_recovery_key_finish (WtwSession    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_member_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  GError *error = NULL;
  char *recovery_key = NULL;

  set_busy (self, FALSE);
  if (wtw_vault_add_member_finish (WTW_VAULT (object), result, &recovery_key, &error) > 0)
    g_task_return_pointer (task, recovery_key, wtw_secure_free);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_session_add_member_async:
 * @self: a #WtwSession
 * @name: the new member's name
 * @passphrase: the new member's own passphrase, typed by them
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Adds a partner with their own passphrase slot, recovery slot and
 * personal key.
 */
void
wtw_session_add_member_async (WtwSession          *self,
                              const char          *name,
                              const char          *passphrase,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WTW_IS_SESSION (self));

  task = unlocked_task_new (self, wtw_session_add_member_async,
                            cancellable, callback, user_data);
  if (task == NULL)
    return;

  set_busy (self, TRUE);
  wtw_vault_add_member_async (self->vault, name, passphrase, kdf_params (self),
                              cancellable, add_member_cb, g_steal_pointer (&task));
}

/**
 * wtw_session_add_member_finish:
 * @self: a #WtwSession
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new member's recovery key, in
 *   secure memory: free it with wtw_secure_free()
 */
char *
wtw_session_add_member_finish (WtwSession    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
switch_member_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!wtw_vault_switch_member_finish (WTW_VAULT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (self, signals[MEMBER_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * wtw_session_switch_member_async:
 * @self: a #WtwSession
 * @passphrase: the passphrase of the member who takes over
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Makes whoever owns @passphrase the current member. Pending edits of the
 * previous member are saved first (#WtwSession::locking is emitted).
 */
void
wtw_session_switch_member_async (WtwSession          *self,
                                 const char          *passphrase,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WTW_IS_SESSION (self));

  task = unlocked_task_new (self, wtw_session_switch_member_async,
                            cancellable, callback, user_data);
  if (task == NULL)
    return;

  g_signal_emit (self, signals[LOCKING], 0);
  set_busy (self, TRUE);
  wtw_vault_switch_member_async (self->vault, passphrase, cancellable,
                                 switch_member_cb, g_steal_pointer (&task));
}

gboolean
wtw_session_switch_member_finish (WtwSession    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GFile  *rekeyed;
  char   *passphrase;
  gint64  member_id;
} RemoveMember;

static void
remove_member_free (gpointer data)
{
  RemoveMember *remove = data;

  g_clear_object (&remove->rekeyed);
  g_clear_pointer (&remove->passphrase, wtw_secure_free);
  g_free (remove);
}

static void
reopened_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!wtw_vault_unlock_finish (WTW_VAULT (object), result, &error))
    {
      /* The re-keyed file is in place; only opening it failed, for
       * instance on a mistyped passphrase: the unlock page takes over. */
      set_state (self, WTW_SESSION_STATE_LOCKED);
      g_task_return_error (task, error);
      return;
    }

  /* Still unlocked, as before, but every view must be built anew. */
  arm_idle_timer (self);
  g_signal_emit (self, signals[MEMBER_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

static void
rekeyed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  RemoveMember *remove = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GError *error = NULL;

  if (!wtw_vault_export_finish (WTW_VAULT (object), result, &error))
    {
      set_busy (self, FALSE);
      g_file_delete (remove->rekeyed, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  /* The new file replaces the old in one rename: at every moment one
   * complete vault is in place. */
  g_signal_emit (self, signals[LOCKING], 0);
  wtw_vault_lock (self->vault);
  from = g_file_get_path (remove->rekeyed);
  to = g_file_get_path (self->file);
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      set_busy (self, FALSE);
      g_file_delete (remove->rekeyed, NULL, NULL);
      set_state (self, WTW_SESSION_STATE_LOCKED);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "The re-keyed vault could not replace the old one (%s). "
                               "Nothing was changed.", g_strerror (saved_errno));
      return;
    }

  set_vault (self, wtw_vault_new (self->file));
  cancellable = g_task_get_cancellable (task);
  wtw_vault_unlock_async (self->vault, remove->passphrase, WTW_SECRET_PASSPHRASE,
                          cancellable, reopened_cb, g_steal_pointer (&task));
}

static void
remove_passphrase_checked_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwSession *self = g_task_get_source_object (task);
  RemoveMember *remove = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!wtw_vault_check_passphrase_finish (WTW_VAULT (object), result, &error))
    {
      set_busy (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  /* A leftover from an interrupted removal is a copy of the vault; the
   * vault itself was never touched, so it can go. */
  g_file_delete (remove->rekeyed, NULL, NULL);
  wtw_vault_export_async (self->vault, remove->rekeyed, remove->member_id, NULL, NULL,
                          cancellable, rekeyed_cb, g_steal_pointer (&task));
}

/**
 * wtw_session_remove_member_async:
 * @self: a #WtwSession
 * @member_id: the partner to remove
 * @passphrase: the current member's passphrase: checked before anything
 *   changes (WRONG_PASSPHRASE if it is not theirs), then used to open the new file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes a partner by re-keying: the vault is exported to a new file
 * with a new master key and without the partner's key slots and rows (what
 * they wrote, shared or private), which then replaces the vault. None of
 * the partner's passphrases or recovery keys opens the new file.
 */
void
wtw_session_remove_member_async (WtwSession          *self,
                                 gint64               member_id,
                                 const char          *passphrase,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  RemoveMember *remove;

  g_return_if_fail (WTW_IS_SESSION (self));
  g_return_if_fail (passphrase != NULL);

  task = unlocked_task_new (self, wtw_session_remove_member_async,
                            cancellable, callback, user_data);
  if (task == NULL)
    return;
  if (member_id == wtw_vault_get_member_id (self->vault))
    {
      g_task_return_new_error (task, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                               "You cannot remove yourself. Switch to your partner first.");
      return;
    }

  path = g_strconcat (g_file_peek_path (self->file), ".rekey", NULL);
  remove = g_new0 (RemoveMember, 1);
  remove->rekeyed = g_file_new_for_path (path);
  remove->passphrase = wtw_secure_strdup (passphrase);
  g_task_set_task_data (task, remove, remove_member_free);

  remove->member_id = member_id;

  /* The passphrase is checked before anything happens: it is what opens
   * the new file, and a removal cannot be taken back. */
  set_busy (self, TRUE);
  wtw_vault_check_passphrase_async (self->vault, passphrase, cancellable,
                                    remove_passphrase_checked_cb, g_steal_pointer (&task));
}

gboolean
wtw_session_remove_member_finish (WtwSession    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
