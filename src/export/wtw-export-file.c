/* wtw-export-file.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-file"

/* renameat2() and RENAME_NOREPLACE */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "wtw-export.h"
#include "wtw-export-private.h"

/* An export is clear text the person asked for: it is created readable by
 * its owner only, under a temporary name next to @dest, and given its name
 * only once complete, never over something already there. Gathering reads
 * the vault on its own thread; formatting and writing happen in a worker. */

/* Share of the progress bar for reading the vault; writing gets the rest. */
#define COLLECT_SHARE 0.8

static gboolean
set_exists (GFile   *dest,
            GError **error)
{
  g_autofree char *name = g_file_get_basename (dest);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* Translators: %s is the name chosen for the export, a file or a folder */
               _("There is already something named “%s” there; choose another name."), name);
  return FALSE;
}

static gboolean
set_errno (int         saved,
           const char *path,
           GError    **error)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               /* Translators: the file's name, then why it failed, as the system says it */
               _("Could not write “%s”: %s."), name, g_strerror (saved));
  return FALSE;
}

/* Gives @tmp the name @path, failing if @path exists. */
static gboolean
publish (const char  *tmp,
         const char  *path,
         gboolean     is_dir,
         GFile       *dest,
         GError     **error)
{
  int saved;

  if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return TRUE;
  saved = errno;
  if (saved == EEXIST)
    return set_exists (dest, error);
  if (saved != EINVAL && saved != ENOSYS && saved != ENOTSUP)
    return set_errno (saved, path, error);

  /* A file system without RENAME_NOREPLACE. */
  if (!is_dir)
    {
      if (link (tmp, path) == 0)
        {
          g_unlink (tmp);
          return TRUE;
        }
      saved = errno;
      return saved == EEXIST ? set_exists (dest, error) : set_errno (saved, path, error);
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return set_exists (dest, error);
  if (g_rename (tmp, path) == 0)
    return TRUE;
  return set_errno (errno, path, error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static char *
temp_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

  return g_build_filename (dir, name, NULL);
}

static gboolean
write_stream (WtwExportData  *data,
              WtwExportKind   kind,
              int             fd,
              const char     *path,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (fd, FALSE);
  gboolean ok;

  if (kind == WTW_EXPORT_KIND_JSON)
    ok = _wtw_export_json_write_data (data, out, cancellable, error);
  else
    ok = _wtw_export_markdown_write_data (data, out, cancellable, error);
  ok = ok && (fsync (fd) == 0 || set_errno (errno, path, error));
  return g_output_stream_close (out, NULL, ok ? error : NULL) && ok;
}

/* A file with no name (O_TMPFILE) until it is complete: killed in the
 * middle, the process leaves no clear text behind. Returns FALSE with no
 * error where the file system or a missing /proc does not allow it. */
static gboolean
write_unnamed_file (WtwExportData  *data,
                    WtwExportKind   kind,
                    const char     *path,
                    GFile          *dest,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *self = NULL;
  int fd = g_open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  int saved;

  if (fd < 0)
    return FALSE;
  if (!write_stream (data, kind, fd, path, cancellable, error))
    {
      close (fd);
      return FALSE;
    }
  /* linkat() never replaces what is at @path. */
  self = g_strdup_printf ("/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  close (fd);
  if (saved == EEXIST)
    return set_exists (dest, error);
  if (saved != ENOENT && saved != EPERM && saved != EOPNOTSUPP)
    return set_errno (saved, path, error);
  return FALSE;
}

static gboolean
write_file (WtwExportData  *data,
            WtwExportKind   kind,
            const char     *path,
            GFile          *dest,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autofree char *tmp = temp_template (path);
  GError *local_error = NULL;
  gboolean ok;
  int fd;

  if (write_unnamed_file (data, kind, path, dest, cancellable, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if ((fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    return set_errno (errno, path, error);
  ok = write_stream (data, kind, fd, path, cancellable, error);
  close (fd);
  ok = ok && publish (tmp, path, FALSE, dest, error);
  if (!ok)
    g_unlink (tmp);
  return ok;
}

static gboolean
write_folder (WtwExportData  *data,
              const char     *path,
              GFile          *dest,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autofree char *tmp = temp_template (path);
  g_autoptr(GFile) tmp_dir = NULL;

  if (g_mkdtemp_full (tmp, 0700) == NULL)
    return set_errno (errno, path, error);
  tmp_dir = g_file_new_for_path (tmp);
  if (_wtw_export_markdown_folder_write_data (data, tmp_dir, cancellable, error)
      && publish (tmp, path, TRUE, dest, error))
    return TRUE;
  remove_tree (tmp);
  return FALSE;
}

static gboolean
write_data (WtwExportData  *data,
            WtwExportKind   kind,
            GFile          *dest,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autofree char *path = g_file_get_path (dest);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("An export can only be written to a folder on this computer."));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return set_exists (dest, error);
  if (kind == WTW_EXPORT_KIND_MARKDOWN_FOLDER)
    return write_folder (data, path, dest, cancellable, error);
  return write_file (data, kind, path, dest, cancellable, error);
}

/**
 * wtw_export_to_file:
 * @vault: an unlocked vault
 * @kind: what to write
 * @dest: a file or folder that does not exist yet
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Exports everything the current member may read to @dest (see
 * docs/export-json.md and docs/import.md), readable only by its owner. Either
 * @dest is complete or it is not there.
 *
 * Returns: %TRUE on success; G_IO_ERROR_EXISTS if @dest exists
 */
gboolean
wtw_export_to_file (WtwVault       *vault,
                    WtwExportKind   kind,
                    GFile          *dest,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(WtwExportData) data = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  if ((data = _wtw_export_data_collect (vault, cancellable, error)) == NULL)
    return FALSE;
  return write_data (data, kind, dest, cancellable, error);
}

typedef struct
{
  WtwVault         *vault;
  WtwExportKind     kind;
  GFile            *dest;
  WtwVaultProgress  progress;
  gpointer          progress_data;
  WtwExportData    *data;
} ExportJob;

static void
export_job_free (gpointer p)
{
  ExportJob *job = p;

  g_clear_object (&job->vault);
  g_clear_object (&job->dest);
  g_clear_pointer (&job->data, _wtw_export_data_free);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (write_data (job->data, job->kind, job->dest, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* One page of the journal per main-loop turn, so the window keeps painting. */
static gboolean
collect_step_cb (gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  if (job->data == NULL)
    job->data = _wtw_export_data_new (job->vault, &error);
  else
    _wtw_export_data_collect_step (job->data, job->vault, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return G_SOURCE_REMOVE;
    }
  if (job->progress != NULL)
    job->progress (COLLECT_SHARE * _wtw_export_data_get_fraction (job->data), job->progress_data);
  if (!job->data->done)
    return G_SOURCE_CONTINUE;
  g_task_run_in_thread (task, write_thread);
  return G_SOURCE_REMOVE;
}

/**
 * wtw_export_to_file_async:
 * @vault: an unlocked vault
 * @kind: what to write
 * @dest: a file or folder that does not exist yet
 * @progress: (nullable) (scope call): called with 0 to 1 while the vault is read
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_export_to_file(), without blocking: the vault is read a page at a
 * time on the calling thread's main context, the file written in a worker.
 * @progress must stay valid until @callback runs.
 */
void
wtw_export_to_file_async (WtwVault            *vault,
                          WtwExportKind        kind,
                          GFile               *dest,
                          WtwVaultProgress     progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSource) source = NULL;
  ExportJob *job;

  g_return_if_fail (WTW_IS_VAULT (vault));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_export_to_file_async);
  job = g_new0 (ExportJob, 1);
  job->vault = g_object_ref (vault);
  job->kind = kind;
  job->dest = g_object_ref (dest);
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, export_job_free);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, collect_step_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[wtw] export");
  g_source_attach (source, g_main_context_get_thread_default ());
}

/**
 * wtw_export_to_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the export is complete at its place
 */
gboolean
wtw_export_to_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
