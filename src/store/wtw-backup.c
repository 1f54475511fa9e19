/* wtw-backup.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wtw-backup.h"
#include "wtw-crypt-recovery.h"
#include "wtw-secure.h"

#define NAME_PREFIX "Words That Work backup "
#define NAME_AUTOMATIC " automatic"
#define NAME_SUFFIX ".wtw"
/* "2026-11-23 093000" */
#define NAME_TIME_LEN 17
/* More backups in one second than this is a loop, not a person. */
#define MAX_SERIAL 99
#define VAULT_MAGIC "WTWVAULT"
#define HEADER_COPY_BYTES 4096
#define COPY_CHUNK (256 * 1024)

G_DEFINE_QUARK (wtw-backup-error-quark, wtw_backup_error)
G_DEFINE_BOXED_TYPE (WtwBackupInfo, wtw_backup_info, wtw_backup_info_copy, wtw_backup_info_free)

static gboolean set_errno_error (GError     **error,
                                 int          errsv,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (3, 4);

/* "What failed" from @format, then why, from @errsv. */
static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  int code = WTW_BACKUP_ERROR_FAILED;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (errsv == ENOSPC || errsv == EDQUOT)
    code = WTW_BACKUP_ERROR_DISK_FULL;
  else if (errsv == EACCES || errsv == EPERM || errsv == EROFS || errsv == ENOTDIR
           || errsv == EEXIST)
    code = WTW_BACKUP_ERROR_FOLDER;
  if (code == WTW_BACKUP_ERROR_DISK_FULL)
    g_set_error (error, WTW_BACKUP_ERROR, code,
                 "%s: the disk is full. Nothing was changed.", what);
  else
    g_set_error (error, WTW_BACKUP_ERROR, code, "%s: %s.", what, g_strerror (errsv));
  return FALSE;
}

/* Vault errors, told for a backup. */
static void
set_backup_error (GError       **error,
                  const GError  *vault_error,
                  gboolean       reading_backup)
{
  if (g_error_matches (vault_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE))
    g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_WRONG_PASSPHRASE,
                         "This passphrase or recovery key does not open the backup; it opens "
                         "with those that opened the vault when the backup was made.");
  else if (reading_backup
           && (g_error_matches (vault_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED)
               || g_error_matches (vault_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT)
               || g_error_matches (vault_error, WTW_VAULT_ERROR,
                                   WTW_VAULT_ERROR_UNSUPPORTED_VERSION)))
    g_set_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_DAMAGED,
                 "This backup cannot be restored. %s", vault_error->message);
  else if (g_error_matches (vault_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL))
    g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_DISK_FULL,
                         "The disk is full, so no backup was written. Nothing was changed.");
  else
    g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED, vault_error->message);
}

/**
 * wtw_backup_info_copy:
 * @info: a #WtwBackupInfo
 *
 * Returns: (transfer full): a copy of @info
 */
WtwBackupInfo *
wtw_backup_info_copy (const WtwBackupInfo *info)
{
  WtwBackupInfo *copy = g_memdup2 (info, sizeof *info);

  copy->file = g_object_ref (info->file);
  copy->time = g_date_time_ref (info->time);
  return copy;
}

/**
 * wtw_backup_info_free:
 * @info: (nullable): a #WtwBackupInfo
 */
void
wtw_backup_info_free (WtwBackupInfo *info)
{
  if (info == NULL)
    return;
  g_clear_object (&info->file);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

/**
 * wtw_backup_make_name:
 * @time: when the backup is made
 * @automatic: whether it is an automatic backup
 * @serial: 1 for the first backup of that second, 2 for the next…
 *
 * Returns: (transfer full): the file name of a backup
 */
char *
wtw_backup_make_name (GDateTime *time,
                      gboolean   automatic,
                      guint      serial)
{
  g_autofree char *stamp = NULL;
  g_autofree char *extra = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  stamp = g_date_time_format (time, "%Y-%m-%d %H%M%S");
  if (serial > 1)
    extra = g_strdup_printf ("-%u", serial);
  return g_strconcat (NAME_PREFIX, stamp, extra ? extra : "",
                      automatic ? NAME_AUTOMATIC : "", NAME_SUFFIX, NULL);
}

static gboolean
read_number (const char **p,
             guint        digits,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += digits;
  *out = value;
  return TRUE;
}

static GDateTime *
parse_stamp (const char *p)
{
  int y, mo, d, h, mi, s;

  if (!(read_number (&p, 4, &y) && *p++ == '-' && read_number (&p, 2, &mo) && *p++ == '-'
        && read_number (&p, 2, &d) && *p++ == ' ' && read_number (&p, 2, &h)
        && read_number (&p, 2, &mi) && read_number (&p, 2, &s)))
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

/**
 * wtw_backup_parse_name:
 * @name: a file name
 * @time: (out) (optional): when the backup was made
 * @automatic: (out) (optional): whether it is an automatic backup
 * @serial: (out) (optional): its number within that second
 *
 * Returns: %TRUE if @name is exactly the name of one of our backups
 */
gboolean
wtw_backup_parse_name (const char  *name,
                       GDateTime  **time,
                       gboolean    *automatic,
                       guint       *serial)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *rest = NULL;
  gboolean is_automatic;
  guint64 number = 1;
  char *p;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_prefix (name, NAME_PREFIX) || !g_str_has_suffix (name, NAME_SUFFIX)
      || strlen (name) < strlen (NAME_PREFIX) + NAME_TIME_LEN + strlen (NAME_SUFFIX))
    return FALSE;
  if ((parsed = parse_stamp (name + strlen (NAME_PREFIX))) == NULL)
    return FALSE;

  /* What follows the time: ["-N"] [" automatic"] ".wtw", nothing else. */
  rest = g_strndup (name + strlen (NAME_PREFIX) + NAME_TIME_LEN,
                    strlen (name) - strlen (NAME_PREFIX) - NAME_TIME_LEN - strlen (NAME_SUFFIX));
  is_automatic = g_str_has_suffix (rest, NAME_AUTOMATIC);
  if (is_automatic)
    rest[strlen (rest) - strlen (NAME_AUTOMATIC)] = '\0';
  if (rest[0] == '-')
    {
      number = g_ascii_strtoull (rest + 1, &p, 10);
      if (p == rest + 1 || *p != '\0' || rest[1] == '0' || number < 2 || number > MAX_SERIAL)
        return FALSE;
    }
  else if (rest[0] != '\0')
    return FALSE;

  if (time != NULL)
    *time = g_steal_pointer (&parsed);
  if (automatic != NULL)
    *automatic = is_automatic;
  if (serial != NULL)
    *serial = (guint) number;
  return TRUE;
}

/**
 * wtw_backup_default_folder:
 * @vault_file: the vault
 *
 * Returns: (transfer full): the "backups" folder beside @vault_file
 */
GFile *
wtw_backup_default_folder (GFile *vault_file)
{
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (vault_file), NULL);

  parent = g_file_get_parent (vault_file);
  return g_file_get_child (parent, "backups");
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const WtwBackupInfo *x = *(WtwBackupInfo * const *) a;
  const WtwBackupInfo *y = *(WtwBackupInfo * const *) b;
  int order = g_date_time_compare (y->time, x->time);

  if (order != 0)
    return order;
  return (y->serial > x->serial) - (y->serial < x->serial);
}

/**
 * wtw_backup_list:
 * @folder: a backup folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Lists the backups in @folder (regular files named as ours), newest first.
 * A folder that does not exist yet holds no backup.
 *
 * Returns: (transfer container) (element-type WtwBackupInfo): the backups
 */
GPtrArray *
wtw_backup_list (GFile         *folder,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_backup_info_free);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&backups);
      g_set_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER,
                   "The backup folder cannot be read: %s.", local_error->message);
      return NULL;
    }

  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      WtwBackupInfo backup = { 0 };

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !wtw_backup_parse_name (g_file_info_get_name (info), &backup.time,
                                     &backup.automatic, &backup.serial))
        continue;
      backup.file = g_file_get_child (folder, g_file_info_get_name (info));
      backup.size = g_file_info_get_size (info);
      g_ptr_array_add (backups, g_memdup2 (&backup, sizeof backup));
    }
  if (local_error != NULL)
    {
      g_set_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER,
                   "The backup folder cannot be read: %s.", local_error->message);
      return NULL;
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/* A vault starts with its magic, in one of its two header copies. */
static gboolean
looks_like_vault (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char magic[sizeof VAULT_MAGIC - 1];
  gboolean found = FALSE;
  int fd;

  if (path == NULL || (fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return FALSE;
  for (guint copy = 0; copy < 2 && !found; copy++)
    found = pread (fd, magic, sizeof magic, copy * HEADER_COPY_BYTES) == sizeof magic
      && memcmp (magic, VAULT_MAGIC, sizeof magic) == 0;
  close (fd);
  return found;
}

/**
 * wtw_backup_rotate:
 * @folder: a backup folder
 * @keep: how many automatic backups to keep (at least 1)
 * @n_deleted: (out) (optional): how many were deleted
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Deletes the automatic backups older than the newest @keep. Backups made
 * by a person, and any file that is not one of our backups (by its name and
 * its first bytes), are left alone.
 *
 * Returns: %TRUE if every backup to delete was deleted
 */
gboolean
wtw_backup_rotate (GFile         *folder,
                   guint          keep,
                   guint         *n_deleted,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  guint kept = 0;
  guint deleted = 0;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  keep = MAX (keep, 1);
  if ((backups = wtw_backup_list (folder, cancellable, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < backups->len; i++)
    {
      WtwBackupInfo *backup = g_ptr_array_index (backups, i);
      g_autoptr(GError) local_error = NULL;

      if (!backup->automatic || ++kept <= keep || !looks_like_vault (backup->file))
        continue;
      if (!g_file_delete (backup->file, cancellable, &local_error))
        {
          g_set_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER,
                       "An old backup could not be deleted: %s.", local_error->message);
          return FALSE;
        }
      deleted++;
    }
  if (n_deleted != NULL)
    *n_deleted = deleted;
  return TRUE;
}

/**
 * wtw_backup_prepare_folder:
 * @folder: a backup folder
 * @error: return location for a #GError
 *
 * Creates @folder if needed (readable by its owner only) and checks that
 * backups can be written there.
 *
 * Returns: %TRUE if backups can be written to @folder
 */
gboolean
wtw_backup_prepare_folder (GFile   *folder,
                           GError **error)
{
  g_autofree char *path = g_file_get_path (folder);

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (path == NULL)
    {
      g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER,
                           "Backups can only be written to a folder on this computer.");
      return FALSE;
    }
  if (g_mkdir_with_parents (path, 0700) != 0)
    return set_errno_error (error, errno, "The backup folder “%s” could not be created", path);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER,
                   "“%s” is not a folder; choose another backup folder.", path);
      return FALSE;
    }
  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER,
                   "The backup folder “%s” cannot be written to; choose another one.", path);
      return FALSE;
    }
  return TRUE;
}

/* After the backups of the same second: a name freed by rotation is not
 * reused, or the newest backup would sort as the oldest of that second. */
static guint
first_free_serial (GFile     *folder,
                   GDateTime *now,
                   gboolean   automatic)
{
  g_autoptr(GPtrArray) backups = wtw_backup_list (folder, NULL, NULL);
  gint64 second = g_date_time_to_unix (now);
  guint serial = 1;

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      WtwBackupInfo *backup = g_ptr_array_index (backups, i);

      if (backup->automatic == !!automatic && g_date_time_to_unix (backup->time) == second)
        serial = MAX (serial, backup->serial + 1);
    }
  return serial;
}

/**
 * wtw_backup_write:
 * @vault: an unlocked #WtwVault
 * @folder: the backup folder
 * @automatic: whether this is an automatic backup
 * @now: (nullable): the time to name it after, or %NULL for now
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes an encrypted copy of @vault into @folder (see wtw_vault_export():
 * a new master key, the same passphrases and recovery keys). Blocking: for
 * the command line; the app uses wtw_backup_write_async().
 *
 * Returns: (transfer full): the new backup, or %NULL
 */
GFile *
wtw_backup_write (WtwVault      *vault,
                  GFile         *folder,
                  gboolean       automatic,
                  GDateTime     *now,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (vault), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (!wtw_backup_prepare_folder (folder, error))
    return NULL;

  for (guint serial = first_free_serial (folder, now, automatic); serial <= MAX_SERIAL; serial++)
    {
      g_autofree char *name = wtw_backup_make_name (now, automatic, serial);
      g_autoptr(GFile) dest = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;

      if (wtw_vault_export (vault, dest, 0, NULL, NULL, cancellable, &local_error))
        return g_steal_pointer (&dest);
      if (!g_error_matches (local_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS))
        {
          set_backup_error (error, local_error, FALSE);
          return NULL;
        }
    }
  g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED,
                       "Too many backups were made in the same second; try again in a moment.");
  return NULL;
}

typedef struct
{
  GFile            *folder;
  GDateTime        *now;
  GFile            *dest;
  WtwVaultProgress  progress;
  gpointer          progress_data;
  guint             keep;
  guint             serial;
  gboolean          automatic;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->folder);
  g_clear_object (&job->dest);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

static void start_export (GTask *task);

/* Rotation is best effort: the backup itself is written and checked. */
static void
rotate_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!wtw_backup_rotate (job->folder, job->keep, NULL, cancellable, &error))
    g_debug ("Old backups were not rotated: %s", error->message);
  g_task_return_pointer (task, g_object_ref (job->dest), g_object_unref);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GError *backup_error = NULL;

  if (wtw_vault_export_finish (WTW_VAULT (object), result, &error))
    {
      if (job->automatic)
        g_task_run_in_thread (task, rotate_thread);
      else
        g_task_return_pointer (task, g_object_ref (job->dest), g_object_unref);
      return;
    }
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS) && job->serial < MAX_SERIAL)
    {
      job->serial++;
      start_export (g_steal_pointer (&task));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_backup_error (&backup_error, error, FALSE);
  g_task_return_error (task, backup_error);
}

static void
start_export (GTask *task)
{
  WriteJob *job = g_task_get_task_data (task);
  g_autofree char *name = wtw_backup_make_name (job->now, job->automatic, job->serial);

  g_clear_object (&job->dest);
  job->dest = g_file_get_child (job->folder, name);
  wtw_vault_export_async (g_task_get_source_object (task), job->dest, 0,
                          job->progress, job->progress_data,
                          g_task_get_cancellable (task), on_exported_cb, task);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  /* Only this thread touches the job until it returns. */
  if (wtw_backup_prepare_folder (job->folder, &error))
    {
      job->serial = first_free_serial (job->folder, job->now, job->automatic);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

static void
on_folder_prepared_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The vault may have been locked meanwhile: export then says so. */
  start_export (g_steal_pointer (&task));
}

/**
 * wtw_backup_write_async:
 * @vault: an unlocked #WtwVault
 * @folder: the backup folder
 * @automatic: whether this is an automatic backup
 * @keep: for an automatic backup, how many automatic backups to keep
 * @progress: (nullable): called on the caller's main context, coalesced
 * @progress_data: data for @progress; must live until @callback runs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_backup_write(), with every file operation in worker threads;
 * after an automatic backup, the old automatic backups beyond @keep are
 * deleted (see wtw_backup_rotate()).
 */
void
wtw_backup_write_async (WtwVault            *vault,
                        GFile               *folder,
                        gboolean             automatic,
                        guint                keep,
                        WtwVaultProgress     progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  WriteJob *job;

  g_return_if_fail (WTW_IS_VAULT (vault));
  g_return_if_fail (G_IS_FILE (folder));

  job = g_new0 (WriteJob, 1);
  job->folder = g_object_ref (folder);
  job->now = g_date_time_new_now_local ();
  job->automatic = automatic;
  job->keep = keep;
  job->serial = 1;
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_backup_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);

  prepare = g_task_new (NULL, cancellable, on_folder_prepared_cb, g_steal_pointer (&task));
  g_task_set_task_data (prepare, job, NULL);
  g_task_run_in_thread (prepare, prepare_thread);
}

/**
 * wtw_backup_write_finish:
 * @vault: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new backup, or %NULL
 */
GFile *
wtw_backup_write_finish (WtwVault      *vault,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, vault), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len,
           const char   *path,
           GError      **error)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno, "The backup could not be copied to %s", path);
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
copy_into (const char    *from,
           int            to_fd,
           const char    *to,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree guint8 *buf = g_malloc (COPY_CHUNK);
  gboolean ok = TRUE;
  int fd = g_open (from, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return set_errno_error (error, errno, "The backup %s could not be read", from);
  while (ok)
    {
      ssize_t n = read (fd, buf, COPY_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        ok = set_errno_error (error, errno, "The backup %s could not be read", from);
      else if (n == 0)
        break;
      else
        ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
          && write_all (to_fd, buf, (gsize) n, to, error);
    }
  close (fd);
  return ok && (fsync (to_fd) == 0
                || set_errno_error (error, errno, "The copy %s could not be saved", to));
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

/* The copy must open with the secret and every page must authenticate. */
static gboolean
check_copy (GFile          *copy,
            const char     *secret,
            WtwSecretKind   kind,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(WtwVault) vault = wtw_vault_new (copy);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = wtw_vault_unlock (vault, secret, kind, cancellable, &local_error)
    && wtw_vault_check (vault, cancellable, &local_error);
  wtw_vault_lock (vault);
  if (!ok && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (!ok)
    set_backup_error (error, local_error, TRUE);
  return ok;
}

/**
 * wtw_backup_prepare_restore:
 * @backup: the backup to restore
 * @vault_file: the vault it will replace
 * @secret: a passphrase or recovery key that opens @backup
 * @kind: which of the two @secret is
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies @backup beside @vault_file under a temporary name, then opens the
 * copy with @secret and checks every page of it. The vault is not touched.
 * Blocking (Argon2id and the copy): run it in a worker thread.
 *
 * Returns: (transfer full): the checked copy, for wtw_backup_finish_restore()
 *   or wtw_backup_discard_restore(); %NULL with WRONG_PASSPHRASE, DAMAGED,
 *   DISK_FULL, NOT_FOUND or FAILED
 */
GFile *
wtw_backup_prepare_restore (GFile          *backup,
                            GFile          *vault_file,
                            const char     *secret,
                            WtwSecretKind   kind,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autofree char *from = g_file_get_path (backup);
  g_autofree char *vault_path = g_file_get_path (vault_file);
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) copy = NULL;
  int fd;

  g_return_val_if_fail (G_IS_FILE (backup), NULL);
  g_return_val_if_fail (G_IS_FILE (vault_file), NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  if (from == NULL || !g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_NOT_FOUND,
                           "The backup is not there any more; choose another one.");
      return NULL;
    }
  dir = g_path_get_dirname (vault_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_errno_error (error, errno, "The folder %s could not be created", dir);
      return NULL;
    }

  tmp = g_strconcat (vault_path, ".restore-XXXXXX", NULL);
  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      set_errno_error (error, errno, "The backup could not be copied next to %s", vault_path);
      return NULL;
    }
  if (!copy_into (from, fd, tmp, cancellable, error))
    {
      close (fd);
      remove_with_journal (tmp);
      return NULL;
    }
  close (fd);

  copy = g_file_new_for_path (tmp);
  if (!check_copy (copy, secret, kind, cancellable, error))
    {
      remove_with_journal (tmp);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/**
 * wtw_backup_discard_restore:
 * @checked_copy: (nullable): a copy from wtw_backup_prepare_restore()
 *
 * Removes a checked copy that will not be restored after all.
 */
void
wtw_backup_discard_restore (GFile *checked_copy)
{
  g_autofree char *path = NULL;

  if (checked_copy == NULL)
    return;
  path = g_file_get_path (checked_copy);
  remove_with_journal (path);
}

static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* Keeps the current vault under a new name. A hard link keeps a complete
 * vault under the vault's own name until the rename that replaces it; a
 * file system without links gets a plain rename. */
static char *
move_aside (const char  *vault_path,
            GDateTime   *now,
            gboolean    *linked,
            GError     **error)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint serial = 1; serial <= MAX_SERIAL; serial++)
    {
      g_autofree char *aside = NULL;

      if (serial == 1)
        aside = g_strdup_printf ("%s.before-restore-%s", vault_path, stamp);
      else
        aside = g_strdup_printf ("%s.before-restore-%s-%u", vault_path, stamp, serial);
      if (g_file_test (aside, G_FILE_TEST_EXISTS))
        continue;
      if (link (vault_path, aside) == 0)
        {
          *linked = TRUE;
          return g_steal_pointer (&aside);
        }
      if (errno == EEXIST)
        continue;
      if ((errno == EPERM || errno == ENOTSUP || errno == EXDEV) && g_rename (vault_path, aside) == 0)
        {
          *linked = FALSE;
          return g_steal_pointer (&aside);
        }
      set_errno_error (error, errno, "The current vault could not be kept aside as %s", aside);
      return NULL;
    }
  g_set_error_literal (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FAILED,
                       "Too many restores in the same second; try again in a moment.");
  return NULL;
}

/**
 * wtw_backup_finish_restore:
 * @checked_copy: a copy from wtw_backup_prepare_restore()
 * @vault_file: the vault to replace; it must be locked everywhere
 * @now: (nullable): the time to name the old file after, or %NULL for now
 * @moved_aside: (out) (optional) (transfer full): where the old vault is
 *   kept, or %NULL if there was none
 * @error: return location for a #GError
 *
 * Keeps the current vault file (and a journal SQLite left beside it) under
 * "VAULT.before-restore-TIME", then gives @checked_copy the vault's name.
 * Nothing is deleted. On error the vault is as it was and @checked_copy is
 * removed.
 *
 * Returns: %TRUE if the backup is now the vault
 */
gboolean
wtw_backup_finish_restore (GFile      *checked_copy,
                           GFile      *vault_file,
                           GDateTime  *now,
                           GFile     **moved_aside,
                           GError    **error)
{
  g_autofree char *copy_path = g_file_get_path (checked_copy);
  g_autofree char *vault_path = g_file_get_path (vault_file);
  g_autofree char *journal = g_strconcat (vault_path, "-journal", NULL);
  g_autofree char *dir = g_path_get_dirname (vault_path);
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *aside = NULL;
  gboolean linked = TRUE;

  g_return_val_if_fail (G_IS_FILE (checked_copy), FALSE);
  g_return_val_if_fail (G_IS_FILE (vault_file), FALSE);

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (g_file_test (vault_path, G_FILE_TEST_EXISTS)
      && (aside = move_aside (vault_path, now, &linked, error)) == NULL)
    {
      remove_with_journal (copy_path);
      return FALSE;
    }

  /* A journal left by a crash belongs to the old file: beside the restored
   * one SQLite would play it back into pages it never wrote. */
  if (aside != NULL && g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *aside_journal = g_strconcat (aside, "-journal", NULL);

      if (g_rename (journal, aside_journal) != 0)
        {
          set_errno_error (error, errno, "The old vault's journal %s could not be kept aside",
                           journal);
          if (!linked)
            g_rename (aside, vault_path);
          else
            g_unlink (aside);
          remove_with_journal (copy_path);
          return FALSE;
        }
    }

  if (g_rename (copy_path, vault_path) != 0)
    {
      set_errno_error (error, errno, "The backup could not take the place of %s", vault_path);
      if (aside != NULL && !linked)
        g_rename (aside, vault_path);
      remove_with_journal (copy_path);
      return FALSE;
    }
  sync_dir (dir);

  if (moved_aside != NULL)
    *moved_aside = aside != NULL ? g_file_new_for_path (aside) : NULL;
  return TRUE;
}

/**
 * wtw_backup_guess_secret_kind:
 * @secret: what a person typed to open a backup
 *
 * One field takes either secret when restoring: text shaped like a recovery
 * key is one (no passphrase a person chooses has that shape).
 *
 * Returns: the kind of @secret
 */
WtwSecretKind
wtw_backup_guess_secret_kind (const char *secret)
{
  guint8 *key = wtw_secure_alloc (WTW_RECOVERY_KEY_BYTES);
  gboolean is_key;

  g_return_val_if_fail (secret != NULL, WTW_SECRET_PASSPHRASE);

  is_key = wtw_recovery_key_parse (secret, key);
  wtw_secure_free (key);
  return is_key ? WTW_SECRET_RECOVERY_KEY : WTW_SECRET_PASSPHRASE;
}
