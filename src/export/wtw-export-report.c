/* wtw-export-report.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wtw-export-report.h"
#include "wtw-report-renderer.h"

/* The share of the progress bar that laying out takes; drawing the
 * pages takes the rest. */
#define PAGINATE_SHARE 0.4

typedef struct
{
  WtwReport        *report;
  char             *dest_path;
  char             *display_name;
  gboolean          overwrite;
  WtwVaultProgress  progress;
  gpointer          progress_data;
  GMainContext     *context;         /* async only: where progress is reported */
  GTask            *task;            /* async only, not a reference */
  GMutex            mutex;
  double            fraction;
  gboolean          report_pending;
  double            base;
  double            share;
  int               fd;
  int               write_errno;
  guint             n_pages;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_pointer (&job->report, wtw_report_unref);
  g_free (job->dest_path);
  g_free (job->display_name);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfJob, pdf_job_free)

/* What failed, for set_errno_error(): each has a whole sentence, so that
 * it can be translated as one. */
typedef enum
{
  FAILED_WRITE,
  FAILED_SAVE,
  FAILED_WRITE_IN_FOLDER,
} FailedAction;

static gboolean
on_progress_idle_cb (gpointer data)
{
  PdfJob *job = g_task_get_task_data (G_TASK (data));
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  job->report_pending = FALSE;
  g_mutex_unlock (&job->mutex);
  if (!g_task_get_completed (G_TASK (data)))
    job->progress (fraction, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* From the worker: one pending report at a time, carrying the latest value. */
static void
report_progress (double   fraction,
                 gpointer data)
{
  PdfJob *job = data;
  gboolean schedule;

  fraction = job->base + job->share * fraction;
  if (job->progress == NULL)
    return;
  if (job->task == NULL)
    {
      job->progress (fraction, job->progress_data);
      return;
    }
  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  schedule = !job->report_pending;
  job->report_pending = TRUE;
  g_mutex_unlock (&job->mutex);
  if (schedule)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, on_progress_idle_cb,
                                g_object_ref (job->task), g_object_unref);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfJob *job = closure;

  while (length > 0)
    {
      ssize_t n = write (job->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          job->write_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_errno_error (GError       **error,
                 int            saved_errno,
                 FailedAction   action,
                 const char    *name)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);
  const char *why = g_strerror (saved_errno);

  if (saved_errno == ENOSPC)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %s is the file's name */
                   _("There is no space left to save “%s”; nothing was written."), name);
      return;
    }
  switch (action)
    {
    case FAILED_SAVE:
      /* Translators: the file's name, then why it failed, as the system says it */
      g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: %s."), name, why);
      break;
    case FAILED_WRITE_IN_FOLDER:
      /* Translators: the name of the file to be saved, then why it failed,
       * as the system says it */
      g_set_error (error, G_IO_ERROR, code, _("Could not write in the folder of “%s”: %s."), name, why);
      break;
    case FAILED_WRITE:
    default:
      /* Translators: the file's name, then why it failed, as the system says it */
      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s."), name, why);
      break;
    }
}

static gboolean
render (PdfJob        *job,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(WtwReportRenderer) renderer = wtw_report_renderer_new (job->report, WTW_REPORT_A4_WIDTH,
                                                                   WTW_REPORT_A4_HEIGHT);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok = TRUE;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, job, WTW_REPORT_A4_WIDTH,
                                                 WTW_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  wtw_report_get_title (job->report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Words That Work");
  cr = cairo_create (surface);

  job->base = 0;
  job->share = PAGINATE_SHARE;
  if (!wtw_report_renderer_paginate (renderer, cr, report_progress, job, cancellable, error))
    ok = FALSE;

  job->n_pages = wtw_report_renderer_get_n_pages (renderer);
  job->base = PAGINATE_SHARE;
  job->share = 1 - PAGINATE_SHARE;
  for (guint page = 0; ok && page < job->n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      wtw_report_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
      report_progress ((double) (page + 1) / job->n_pages, job);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      if (job->write_errno != 0)
        set_errno_error (error, job->write_errno, FAILED_WRITE, job->display_name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %s is why, as the drawing library says it (in English) */
                     _("The report could not be drawn: %s."), cairo_status_to_string (status));
      ok = FALSE;
    }
  return ok;
}

/* Puts the finished file in place in one step. Without overwrite, link()
 * refuses an existing name atomically; where links are not supported the
 * name is checked first. */
static gboolean
publish (PdfJob      *job,
         const char  *tmp_path,
         GError     **error)
{
  if (!job->overwrite)
    {
      if (link (tmp_path, job->dest_path) == 0)
        {
          g_unlink (tmp_path);
          return TRUE;
        }
      if (errno == EEXIST || g_file_test (job->dest_path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* Translators: %s is the file's name */
                       _("A file named “%s” already exists; choose another name."), job->display_name);
          return FALSE;
        }
    }
  if (g_rename (tmp_path, job->dest_path) != 0)
    {
      set_errno_error (error, errno, FAILED_SAVE, job->display_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pdf_job_run (PdfJob        *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (job->dest_path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", job->display_name);
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  gboolean ok;

  if (!job->overwrite && g_file_test (job->dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is the file's name */
                   _("A file named “%s” already exists; choose another name."), job->display_name);
      return FALSE;
    }
  /* Readable by its owner only, from the first byte. */
  if ((job->fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      set_errno_error (error, errno, FAILED_WRITE_IN_FOLDER, job->display_name);
      return FALSE;
    }

  ok = render (job, cancellable, error);
  if (ok && fsync (job->fd) != 0)
    {
      set_errno_error (error, errno, FAILED_WRITE, job->display_name);
      ok = FALSE;
    }
  if (close (job->fd) != 0 && ok)
    {
      set_errno_error (error, errno, FAILED_WRITE, job->display_name);
      ok = FALSE;
    }
  job->fd = -1;
  ok = ok && publish (job, tmp_path, error);
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

static PdfJob *
pdf_job_new (WtwReport         *report,
             GFile             *dest,
             gboolean           overwrite,
             WtwVaultProgress   progress,
             gpointer           progress_data,
             GError           **error)
{
  g_autoptr(PdfJob) job = g_new0 (PdfJob, 1);

  g_mutex_init (&job->mutex);
  job->fd = -1;
  job->report = wtw_report_ref (report);
  job->overwrite = overwrite;
  job->progress = progress;
  job->progress_data = progress_data;
  job->dest_path = g_file_get_path (dest);
  if (job->dest_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The report can only be saved to a folder on this computer."));
      return NULL;
    }
  job->display_name = g_path_get_basename (job->dest_path);
  return g_steal_pointer (&job);
}

static void
pdf_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PdfJob *job = task_data;
  GError *error = NULL;

  if (!pdf_job_run (job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * wtw_export_report_pdf:
 * @report: the report
 * @dest: the PDF file to write
 * @overwrite: replace @dest if it exists (the person agreed to it); without,
 *   an existing @dest fails with %G_IO_ERROR_EXISTS
 * @progress: (nullable) (scope call): called with the fraction done
 * @progress_data: data for @progress
 * @n_pages: (out) (optional): the number of pages written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @report as an A4 PDF. The file is written beside @dest under a
 * hidden temporary name, readable only by its owner (mode 0600), and
 * renamed to @dest once complete; on failure or cancellation nothing is
 * left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_export_report_pdf (WtwReport         *report,
                       GFile             *dest,
                       gboolean           overwrite,
                       WtwVaultProgress   progress,
                       gpointer           progress_data,
                       guint             *n_pages,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(PdfJob) job = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  if ((job = pdf_job_new (report, dest, overwrite, progress, progress_data, error)) == NULL
      || !pdf_job_run (job, cancellable, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = job->n_pages;
  return TRUE;
}

/**
 * wtw_export_report_pdf_async:
 * @report: the report
 * @dest: the PDF file to write
 * @overwrite: replace @dest if it exists
 * @progress: (nullable): called on the caller's main context, coalesced
 * @progress_data: data for @progress; must live until @callback runs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_export_report_pdf(), in a worker thread.
 */
void
wtw_export_report_pdf_async (WtwReport           *report,
                             GFile               *dest,
                             gboolean             overwrite,
                             WtwVaultProgress     progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  PdfJob *job;

  g_return_if_fail (report != NULL);
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_export_report_pdf_async);
  if ((job = pdf_job_new (report, dest, overwrite, progress, progress_data, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->context = g_main_context_ref_thread_default ();
  job->task = task;
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

/**
 * wtw_export_report_pdf_finish:
 * @result: the #GAsyncResult
 * @n_pages: (out) (optional): the number of pages written
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
wtw_export_report_pdf_finish (GAsyncResult  *result,
                              guint         *n_pages,
                              GError       **error)
{
  PdfJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_pages != NULL && job != NULL)
    *n_pages = job->n_pages;
  return TRUE;
}
