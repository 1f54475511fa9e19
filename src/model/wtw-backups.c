/* wtw-backups.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-backups"

#include "config.h"

#include "wtw-backups-private.h"
#include "wtw-secure.h"

/* A minute without changes, so a backup never lands while someone types… */
#define QUIET_USEC (60 * G_USEC_PER_SEC)
/* …but no later than ten minutes after the first change it has not saved. */
#define MAX_DELAY_USEC (10 * 60 * G_USEC_PER_SEC)

/* Backups as the app meets them: the folder and rotation settings,
 * "Back Up Now", restoring, and the automatic backups after changes.
 *
 * Automatic backups never run on the main thread and never hold up a lock:
 * a change (the vault file was written) marks the vault as changed and
 * (re)starts a quiet period; when it ends, wtw_backup_write_async() copies
 * the vault in worker threads. Locking cancels a backup under way (its
 * temporary file is removed; its keys are not kept past the lock) and the
 * backup is made after the next unlock instead. At unlock, a vault newer
 * than its newest backup counts as changed, so changes made just before
 * quitting are backed up next time. */
struct _WtwBackups
{
  GObject              parent_instance;

  WtwSession          *session;
  GSettings           *settings;
  GFileMonitor        *monitor;
  GCancellable        *cancellable;
  GCancellable        *running;

  WtwBackupsClockFunc  clock_func;
  gpointer             clock_data;
  gint64               dirty_since;
  gint64               due;
  guint                timer;

  double               progress;
  guint                busy : 1;
  guint                running_automatic : 1;
  guint                restoring : 1;
};

G_DEFINE_FINAL_TYPE (WtwBackups, wtw_backups, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  PROP_FOLDER,
  PROP_AUTOMATIC,
  PROP_KEEP,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  BACKED_UP,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_automatic (WtwBackups *self);

static gint64
now_usec (WtwBackups *self)
{
  return self->clock_func ? self->clock_func (self->clock_data) : g_get_monotonic_time ();
}

static void
set_busy (WtwBackups *self,
          gboolean    busy)
{
  if (self->busy == !!busy)
    return;
  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_progress (WtwBackups *self,
              double      progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  set_progress (WTW_BACKUPS (user_data), fraction);
}

static void
unschedule (WtwBackups *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  self->due = 0;
}

static gboolean
on_timer_cb (gpointer user_data)
{
  WtwBackups *self = user_data;

  self->timer = 0;
  self->due = 0;
  start_automatic (self);
  return G_SOURCE_REMOVE;
}

static gboolean
can_run_automatic (WtwBackups *self)
{
  return wtw_backups_get_automatic (self)
    && wtw_session_get_state (self->session) == WTW_SESSION_STATE_UNLOCKED;
}

/* The quiet period starts again at each change; the first change not yet
 * backed up sets a limit it never goes past. */
static void
schedule (WtwBackups *self)
{
  gint64 now = now_usec (self);

  unschedule (self);
  if (self->dirty_since == 0 || self->busy || !can_run_automatic (self))
    return;

  self->due = MIN (now + QUIET_USEC, self->dirty_since + MAX_DELAY_USEC);
  if (self->clock_func == NULL)
    self->timer = g_timeout_add_full (G_PRIORITY_LOW,
                                      (guint) (MAX (self->due - now, 0) / 1000),
                                      on_timer_cb, self, NULL);
}

static void
finish_running (WtwBackups *self)
{
  g_clear_object (&self->running);
  self->running_automatic = FALSE;
  set_busy (self, FALSE);
  /* Changes made while it ran are not in it. */
  schedule (self);
}

static void
on_automatic_written_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(WtwBackups) self = user_data;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = wtw_backup_write_finish (WTW_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Locked (or quitting) meanwhile: it is made after the next unlock. */
      g_debug ("Automatic backup put off until the next unlock");
    }
  else if (backup == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, TRUE, error);
    }
  else
    {
      g_signal_emit (self, signals[BACKED_UP], 0, backup, TRUE);
    }
  if (self->running != NULL && g_task_get_cancellable (G_TASK (result)) == self->running)
    finish_running (self);
}

static void
start_backup (WtwBackups          *self,
              gboolean             automatic,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  WtwVault *vault = wtw_session_get_vault (self->session);
  g_autoptr(GFile) folder = wtw_backups_dup_folder (self);

  g_assert (vault != NULL);
  g_assert (self->running == NULL);

  unschedule (self);
  self->dirty_since = 0;
  self->running = g_cancellable_new ();
  self->running_automatic = automatic;
  set_progress (self, 0.0);
  set_busy (self, TRUE);
  wtw_backup_write_async (vault, folder, automatic, wtw_backups_get_keep (self),
                          on_progress_cb, self, self->running, callback, user_data);
}

static void
start_automatic (WtwBackups *self)
{
  if (self->busy || self->dirty_since == 0 || !can_run_automatic (self))
    return;
  start_backup (self, TRUE, on_automatic_written_cb, g_object_ref (self));
}

static gint64
vault_mtime (WtwBackups *self)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (wtw_session_get_file (self->session),
                            G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  return info != NULL ? (gint64) g_file_info_get_attribute_uint64 (info,
                                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED)
                      : 0;
}

/* Changes from an earlier run count too: the vault written after its
 * newest backup (or never backed up) is due for one. */
static void
check_unbacked_changes (WtwBackups *self)
{
  g_autoptr(WtwBackupInfo) latest = wtw_backups_dup_latest (self);

  if (latest == NULL || vault_mtime (self) >= g_date_time_to_unix (latest->time))
    wtw_backups_notify_changed (self);
}

static void
on_session_state_changed_cb (WtwBackups *self)
{
  /* A new quiet period from the unlock: whatever was pending shows in the
   * file's modification time. */
  self->dirty_since = 0;
  if (wtw_session_get_state (self->session) == WTW_SESSION_STATE_UNLOCKED)
    check_unbacked_changes (self);
  else
    unschedule (self);
}

/* Keys are wiped right after this: nothing may go on holding them. */
static void
on_session_locking_cb (WtwBackups *self)
{
  unschedule (self);
  if (self->running != NULL && !self->restoring)
    {
      if (self->dirty_since == 0)
        self->dirty_since = now_usec (self);
      g_cancellable_cancel (self->running);
    }
}

static void
on_vault_file_changed_cb (WtwBackups        *self,
                          GFile             *file,
                          GFile             *other_file,
                          GFileMonitorEvent  event)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT
      || event == G_FILE_MONITOR_EVENT_CREATED)
    wtw_backups_notify_changed (self);
}

static void
on_setting_changed_cb (WtwBackups *self,
                       const char *key)
{
  if (g_str_equal (key, "backup-folder"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  else if (g_str_equal (key, "backup-automatic"))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOMATIC]);
      if (wtw_backups_get_automatic (self) && wtw_session_get_vault (self->session) != NULL)
        check_unbacked_changes (self);
      else
        unschedule (self);
    }
  else if (g_str_equal (key, "backup-keep"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP]);
}

static void
wtw_backups_constructed (GObject *object)
{
  WtwBackups *self = (WtwBackups *)object;

  G_OBJECT_CLASS (wtw_backups_parent_class)->constructed (object);

  g_assert (WTW_IS_SESSION (self->session));
  g_assert (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "locking",
                           G_CALLBACK (on_session_locking_cb), self, G_CONNECT_SWAPPED);

  self->monitor = g_file_monitor_file (wtw_session_get_file (self->session),
                                       G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (on_vault_file_changed_cb), self, G_CONNECT_SWAPPED);

  if (wtw_session_get_state (self->session) == WTW_SESSION_STATE_UNLOCKED)
    check_unbacked_changes (self);
}

static void
wtw_backups_dispose (GObject *object)
{
  WtwBackups *self = (WtwBackups *)object;

  unschedule (self);
  g_cancellable_cancel (self->cancellable);
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->running);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wtw_backups_parent_class)->dispose (object);
}

static void
wtw_backups_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WtwBackups *self = WTW_BACKUPS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_FOLDER:
      g_value_take_object (value, wtw_backups_dup_folder (self));
      break;

    case PROP_AUTOMATIC:
      g_value_set_boolean (value, wtw_backups_get_automatic (self));
      break;

    case PROP_KEEP:
      g_value_set_uint (value, wtw_backups_get_keep (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_backups_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WtwBackups *self = WTW_BACKUPS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_FOLDER:
      wtw_backups_set_folder (self, g_value_get_object (value));
      break;

    case PROP_AUTOMATIC:
      wtw_backups_set_automatic (self, g_value_get_boolean (value));
      break;

    case PROP_KEEP:
      wtw_backups_set_keep (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_backups_class_init (WtwBackupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_backups_constructed;
  object_class->dispose = wtw_backups_dispose;
  object_class->get_property = wtw_backups_get_property;
  object_class->set_property = wtw_backups_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwBackups:folder:
   *
   * Where backups are written: the backup-folder setting, or the "backups"
   * folder beside the vault when it is empty. Setting %NULL goes back to
   * that default.
   */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTOMATIC] =
    g_param_spec_boolean ("automatic", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEEP] =
    g_param_spec_uint ("keep", NULL, NULL,
                       1, 50, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwBackups:busy:
   *
   * Whether a backup is being written or a backup restored.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwBackups:progress:
   *
   * How much of the backup being written is done, 0 to 1.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwBackups::backed-up:
   * @self: a #WtwBackups
   * @file: the new backup
   * @automatic: whether it was an automatic backup
   *
   * Emitted after an automatic backup was written.
   */
  signals[BACKED_UP] =
    g_signal_new ("backed-up",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_BOOLEAN);

  /**
   * WtwBackups::failed:
   * @self: a #WtwBackups
   * @automatic: whether it was an automatic backup
   * @error: why, in the %WTW_BACKUP_ERROR domain
   *
   * Emitted when an automatic backup could not be written; it is tried
   * again after the next change.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_ERROR);
}

static void
wtw_backups_init (WtwBackups *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * wtw_backups_new:
 * @session: the session whose vault is backed up
 * @settings: the app's #GSettings (backup-folder, backup-keep, backup-automatic)
 *
 * Returns: (transfer full): a new #WtwBackups
 */
WtwBackups *
wtw_backups_new (WtwSession *session,
                 GSettings  *settings)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (WTW_TYPE_BACKUPS, "session", session, "settings", settings, NULL);
}

WtwSession *
wtw_backups_get_session (WtwBackups *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS (self), NULL);

  return self->session;
}

/**
 * wtw_backups_dup_folder:
 * @self: a #WtwBackups
 *
 * Returns: (transfer full): the backup folder
 */
GFile *
wtw_backups_dup_folder (WtwBackups *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (WTW_IS_BACKUPS (self), NULL);

  path = g_settings_get_string (self->settings, "backup-folder");
  if (path[0] == '\0')
    return wtw_backup_default_folder (wtw_session_get_file (self->session));
  return g_file_new_for_path (path);
}

/**
 * wtw_backups_set_folder:
 * @self: a #WtwBackups
 * @folder: (nullable): a local folder, or %NULL for the default one
 */
void
wtw_backups_set_folder (WtwBackups *self,
                        GFile      *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WTW_IS_BACKUPS (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  if (folder != NULL)
    path = g_file_get_path (folder);
  g_settings_set_string (self->settings, "backup-folder", path != NULL ? path : "");
}

gboolean
wtw_backups_get_automatic (WtwBackups *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS (self), FALSE);

  return g_settings_get_boolean (self->settings, "backup-automatic");
}

void
wtw_backups_set_automatic (WtwBackups *self,
                           gboolean    automatic)
{
  g_return_if_fail (WTW_IS_BACKUPS (self));

  g_settings_set_boolean (self->settings, "backup-automatic", automatic);
}

guint
wtw_backups_get_keep (WtwBackups *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS (self), 0);

  return g_settings_get_uint (self->settings, "backup-keep");
}

void
wtw_backups_set_keep (WtwBackups *self,
                      guint       keep)
{
  g_return_if_fail (WTW_IS_BACKUPS (self));

  g_settings_set_uint (self->settings, "backup-keep", CLAMP (keep, 1, 50));
}

gboolean
wtw_backups_get_busy (WtwBackups *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS (self), FALSE);

  return self->busy;
}

double
wtw_backups_get_progress (WtwBackups *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS (self), 0.0);

  return self->progress;
}

/**
 * wtw_backups_list:
 * @self: a #WtwBackups
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type WtwBackupInfo): the backups
 *   in the backup folder, newest first
 */
GPtrArray *
wtw_backups_list (WtwBackups  *self,
                  GError     **error)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (WTW_IS_BACKUPS (self), NULL);

  folder = wtw_backups_dup_folder (self);
  return wtw_backup_list (folder, NULL, error);
}

/**
 * wtw_backups_dup_latest:
 * @self: a #WtwBackups
 *
 * Returns: (transfer full) (nullable): the newest backup in the folder
 */
WtwBackupInfo *
wtw_backups_dup_latest (WtwBackups *self)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (WTW_IS_BACKUPS (self), NULL);

  backups = wtw_backups_list (self, NULL);
  if (backups == NULL || backups->len == 0)
    return NULL;
  return wtw_backup_info_copy (g_ptr_array_index (backups, 0));
}

/**
 * wtw_backups_notify_changed:
 * @self: a #WtwBackups
 *
 * Tells that the vault changed: an automatic backup follows after a quiet
 * period. The vault file is watched, so callers rarely need this.
 */
void
wtw_backups_notify_changed (WtwBackups *self)
{
  g_return_if_fail (WTW_IS_BACKUPS (self));

  if (!can_run_automatic (self))
    return;
  if (self->dirty_since == 0)
    self->dirty_since = now_usec (self);
  schedule (self);
}

static void
on_now_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwBackups *self = g_task_get_source_object (task);
  GError *error = NULL;
  GFile *backup = wtw_backup_write_finish (WTW_VAULT (object), result, &error);

  if (g_task_get_cancellable (G_TASK (result)) == self->running)
    finish_running (self);
  if (backup != NULL)
    g_task_return_pointer (task, backup, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_caller_cancelled_cb (GCancellable *cancellable,
                        GCancellable *running)
{
  g_cancellable_cancel (running);
}

/**
 * wtw_backups_back_up_now_async:
 * @self: a #WtwBackups
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Writes a backup into the folder now. It is kept apart from rotation:
 * only automatic backups are deleted to keep the last N. An automatic
 * backup under way is replaced by this one.
 */
void
wtw_backups_back_up_now_async (WtwBackups          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WTW_IS_BACKUPS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_backups_back_up_now_async);

  if (wtw_session_get_vault (self->session) == NULL)
    {
      g_task_return_new_error (task, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED,
                               "Unlock the vault to back it up.");
      return;
    }
  if (self->running != NULL && self->running_automatic)
    {
      g_cancellable_cancel (self->running);
      finish_running (self);
    }
  if (self->busy)
    {
      g_task_return_new_error (task, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED,
                               "A backup is already being written; wait for it to finish.");
      return;
    }

  start_backup (self, FALSE, on_now_written_cb, g_object_ref (task));
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled_cb),
                           g_object_ref (self->running), g_object_unref);
}

/**
 * wtw_backups_back_up_now_finish:
 * @self: a #WtwBackups
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new backup, or %NULL
 */
GFile *
wtw_backups_back_up_now_finish (WtwBackups    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GFile         *backup;
  GFile         *vault_file;
  char          *secret;
  WtwSecretKind  kind;
  GFile         *checked;
  GFile         *aside;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  wtw_backup_discard_restore (job->checked);
  g_clear_object (&job->checked);
  g_clear_object (&job->backup);
  g_clear_object (&job->vault_file);
  g_clear_object (&job->aside);
  g_clear_pointer (&job->secret, wtw_secure_free);
  g_free (job);
}

static void
restore_fail (GTask  *task,
              GError *error)
{
  WtwBackups *self = g_task_get_source_object (task);

  self->restoring = FALSE;
  set_busy (self, FALSE);
  g_task_return_error (task, error);
}

static void
on_restored_unlocked_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RestoreJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!wtw_session_unlock_finish (WTW_SESSION (object), result, &error))
    {
      restore_fail (task, g_error_new (WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED,
                                       "The backup is in place, but it did not open: %s",
                                       error->message));
      return;
    }
  WTW_BACKUPS (g_task_get_source_object (task))->restoring = FALSE;
  set_busy (g_task_get_source_object (task), FALSE);
  g_task_return_pointer (task, job->aside ? g_object_ref (job->aside) : NULL, g_object_unref);
}

static void
swap_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  GError *error = NULL;

  if (wtw_backup_finish_restore (job->checked, job->vault_file, NULL, &job->aside, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  /* Used or removed either way. */
  g_clear_object (&job->checked);
}

static void
on_swapped_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwBackups *self = g_task_get_source_object (task);
  RestoreJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      restore_fail (task, error);
      return;
    }
  wtw_session_unlock_async (self->session, job->secret, job->kind, cancellable,
                            on_restored_unlocked_cb, g_steal_pointer (&task));
}

static void
prepare_restore_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  GError *error = NULL;

  job->checked = wtw_backup_prepare_restore (job->backup, job->vault_file, job->secret,
                                             job->kind, cancellable, &error);
  if (job->checked != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_restore_prepared_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WtwBackups *self = g_task_get_source_object (task);
  g_autoptr(GTask) swap = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      restore_fail (task, error);
      return;
    }

  /* Pending edits are saved into the current vault, which is then kept
   * aside: nothing typed before the restore is lost. */
  wtw_session_lock (self->session);
  swap = g_task_new (self, NULL, on_swapped_cb, g_object_ref (task));
  g_task_set_task_data (swap, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (swap, swap_thread);
}

/**
 * wtw_backups_restore_async:
 * @self: a #WtwBackups
 * @backup: the backup to restore
 * @secret: a passphrase or recovery key that opens @backup
 * @kind: which of the two @secret is
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Restores @backup in place of the vault, checking it first: a copy of it
 * is opened with @secret and every page authenticated while the vault
 * stays as it is (and open, if it was). Then the session locks (pending
 * edits are saved), the current file is kept as "VAULT.before-restore-TIME",
 * the checked copy takes its place, and the session unlocks it with @secret.
 */
void
wtw_backups_restore_async (WtwBackups          *self,
                           GFile               *backup,
                           const char          *secret,
                           WtwSecretKind        kind,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  RestoreJob *job;

  g_return_if_fail (WTW_IS_BACKUPS (self));
  g_return_if_fail (G_IS_FILE (backup));
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_backups_restore_async);

  if (self->running != NULL && self->running_automatic)
    {
      g_cancellable_cancel (self->running);
      finish_running (self);
    }
  if (self->busy)
    {
      g_task_return_new_error (task, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED,
                               "A backup is being written; restore when it is done.");
      return;
    }

  job = g_new0 (RestoreJob, 1);
  job->backup = g_object_ref (backup);
  job->vault_file = g_object_ref (wtw_session_get_file (self->session));
  job->secret = wtw_secure_strdup (secret);
  job->kind = kind;
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);

  unschedule (self);
  self->restoring = TRUE;
  set_progress (self, 0.0);
  set_busy (self, TRUE);

  prepare = g_task_new (self, cancellable, on_restore_prepared_cb, g_steal_pointer (&task));
  g_task_set_task_data (prepare, job, NULL);
  g_task_run_in_thread (prepare, prepare_restore_thread);
}

/**
 * wtw_backups_restore_finish:
 * @self: a #WtwBackups
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): where the vault that was replaced is
 *   kept (%NULL if there was none, or on error: then @error is set)
 */
GFile *
wtw_backups_restore_finish (WtwBackups    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_wtw_backups_set_clock (WtwBackups          *self,
                        WtwBackupsClockFunc  clock_func,
                        gpointer             user_data)
{
  g_return_if_fail (WTW_IS_BACKUPS (self));

  self->clock_func = clock_func;
  self->clock_data = user_data;
  /* Tests say when the vault changed; the file's own events would arrive
   * at moments of the kernel's choosing. */
  if (clock_func != NULL && self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->due != 0)
    schedule (self);
}

/* With a test clock: runs the backup if its time has come. */
void
_wtw_backups_tick (WtwBackups *self)
{
  g_return_if_fail (WTW_IS_BACKUPS (self));

  if (self->due != 0 && now_usec (self) >= self->due)
    {
      unschedule (self);
      start_automatic (self);
    }
}

gboolean
_wtw_backups_is_scheduled (WtwBackups *self)
{
  g_return_val_if_fail (WTW_IS_BACKUPS (self), FALSE);

  return self->due != 0;
}
