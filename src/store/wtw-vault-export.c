/* wtw-vault-export.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-sql.h"

/* SQLite never uses the page holding the lock byte at 1 GiB. */
#define PENDING_BYTE_PAGE ((0x40000000 / WTW_PAGE_SIZE) + 1)

/*
 * Export (backup, re-key, dropping a member) copies the database page by page
 * into a new file with a new file id and a new master key: each page is read
 * and authenticated through the VFS, and sealed again under the new keys.
 * Every slot is re-sealed to the new master key with its public key alone, so
 * each member's passphrase and recovery key keep working without being typed
 * (docs/vault-format.md, "Export"). Not the SQLite backup API: it would drop
 * the reserved bytes that hold each page's nonce and tag.
 */

typedef struct
{
  char              *src_path;
  char              *dest_path;
  char              *tmp_path;
  WtwCryptKeys      *keys;
  WtwCryptKeys      *new_keys;
  WtwHeader          header;
  gint64             drop_member_id;
  gint64             member_id;       /* who exports */
  guint8            *personal;        /* guarded copy of their key, to check owner tags */
  guint              verified_slots;  /* slots their secret opened since the unlock */
  guint              busy_timeout;
  WtwVaultProgress   progress;
  gpointer           progress_data;
  GMainContext      *context;         /* async only: where progress is reported */
  GMutex             mutex;
  double             fraction;
  gboolean           report_pending;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->src_path);
  g_free (job->dest_path);
  g_free (job->tmp_path);
  g_clear_pointer (&job->keys, wtw_crypt_keys_unref);
  g_clear_pointer (&job->new_keys, wtw_crypt_keys_unref);
  g_clear_pointer (&job->personal, wtw_secure_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static gboolean
on_progress_idle_cb (gpointer data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (data));
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  job->report_pending = FALSE;
  g_mutex_unlock (&job->mutex);
  job->progress (fraction, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* From the worker: one pending report at a time, carrying the latest value. */
static void
report_progress (ExportJob *job,
                 GTask     *task,
                 double     fraction)
{
  gboolean schedule;

  if (job->progress == NULL)
    return;
  if (task == NULL)
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
                                g_object_ref (task), g_object_unref);
}

static gboolean
begin_snapshot (sqlite3  *db,
                gint64   *n_pages,
                GError  **error)
{
  if (!wtw_sql_exec (db, "BEGIN;", error))
    return FALSE;
  /* A read takes the shared lock: no other program changes the file until
   * COMMIT, so the pages copied are one consistent state. */
  if (wtw_sql_query_int (db, "SELECT count(*) FROM sqlite_schema", error) < 0)
    return FALSE;
  *n_pages = wtw_sql_query_int (db, "PRAGMA page_count", error);
  return *n_pages >= 0;
}

static gboolean
set_io_error (const char  *what,
              const char  *path,
              int          errsv,
              GError     **error)
{
  g_set_error (error, WTW_VAULT_ERROR,
               errsv == ENOSPC ? WTW_VAULT_ERROR_DISK_FULL : WTW_VAULT_ERROR_FAILED,
               "Could not %s %s: %s.", what, path, g_strerror (errsv));
  return FALSE;
}

static gboolean
write_page (int           fd,
            const guint8 *sealed,
            guint32       pgno,
            const char   *path,
            GError      **error)
{
  off_t offset = WTW_HEADER_AREA + (off_t) (pgno - 1) * WTW_PAGE_SIZE;
  gsize done = 0;

  while (done < WTW_PAGE_SIZE)
    {
      ssize_t n = pwrite (fd, sealed + done, WTW_PAGE_SIZE - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_io_error ("write", path, errno, error);
      done += n;
    }
  return TRUE;
}

static gboolean
copy_one_page (ExportJob  *job,
               sqlite3    *src,
               int         fd,
               guint32     pgno,
               guint8     *plain,
               GError    **error)
{
  guint8 sealed[WTW_PAGE_SIZE];
  int rc = wtw_crypt_vfs_read_page (src, pgno, plain);

  if (rc != SQLITE_OK)
    return wtw_sql_set_error (src, rc, error);
  wtw_crypt_page_seal (job->new_keys, pgno, plain, sealed);
  return write_page (fd, sealed, pgno, job->tmp_path, error);
}

static gboolean
copy_pages (ExportJob     *job,
            GTask         *task,
            sqlite3       *src,
            gint64         n_pages,
            int            fd,
            GCancellable  *cancellable,
            GError       **error)
{
  guint8 *plain = wtw_secure_alloc (WTW_PAGE_SIZE);
  gboolean ok = TRUE;

  for (gint64 pgno = 1; ok && pgno <= n_pages; pgno++)
    {
      if (pgno == PENDING_BYTE_PAGE)
        continue;
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
        && copy_one_page (job, src, fd, (guint32) pgno, plain, error);
      if (ok && (pgno % 64 == 0 || pgno == n_pages))
        report_progress (job, task, 0.95 * pgno / n_pages);
    }
  wtw_secure_free (plain);
  return ok && (fsync (fd) == 0 || set_io_error ("sync", job->tmp_path, errno, error));
}

/* Which slots a copy made to drop a member keeps: only the exporting
 * member's, and of those only the ones their personal key vouches for (the
 * owner tag) or that their secret was seen to open since the unlock (the
 * one that unlocked, the one the passphrase check before a removal opened).
 * Anything else labelled as theirs may have been planted by someone with the
 * master key, to keep a way into the copy; a tag zeroed by such a person
 * proves nothing either, so an untagged slot from before owner tags that
 * was not seen to open is left out too (a recovery key made before them
 * must be made again). */
static gboolean
keep_when_dropping (ExportJob     *job,
                    guint          index,
                    const WtwSlot *slot)
{
  if ((gint64) slot->member_id != job->member_id)
    return FALSE;
  return wtw_slot_owner_valid (slot, job->personal) || (job->verified_slots & (1u << index)) != 0;
}

/* The new header: new file id, same slots (less the dropped member's), each
 * master key seal redone for the new master key and file id. */
static gboolean
build_header (ExportJob  *job,
              GError    **error)
{
  guint8 *master = wtw_secure_alloc (WTW_KEY_BYTES);
  WtwHeader *h = &job->header;
  WtwHeader before = job->header;
  gboolean checked = job->drop_member_id != 0 && job->drop_member_id != job->member_id;
  gboolean ok = TRUE;
  guint kept = 0;

  randombytes_buf (master, WTW_KEY_BYTES);
  randombytes_buf (h->file_id, WTW_FILE_ID_BYTES);
  h->sequence = 0;
  h->older_copy = 0;
  for (guint i = 0; ok && i < WTW_HEADER_SLOTS; i++)
    {
      if (h->slots[i].kind == WTW_SLOT_EMPTY)
        continue;
      if ((gint64) h->slots[i].member_id == job->drop_member_id
          || (checked && !keep_when_dropping (job, i, &before.slots[i])))
        {
          if ((gint64) h->slots[i].member_id != job->drop_member_id)
            g_debug ("Slot %u, labelled member %" G_GUINT64_FORMAT ", is not vouched for by its "
                     "member: left out of the copy", i, h->slots[i].member_id);
          memset (&h->slots[i], 0, sizeof h->slots[i]);
        }
      else
        {
          /* A slot kept for having opened is the member's: vouch for it now. */
          if (checked && !wtw_slot_owner_valid (&h->slots[i], job->personal))
            wtw_slot_tag_owner (&h->slots[i], job->personal);
          ok = wtw_slot_seal_master (h, i, master) && ++kept;
        }
    }
  sodium_memzero (&before, sizeof before);
  job->new_keys = wtw_crypt_keys_new (master, h->file_id);
  wtw_secure_free (master);
  if (ok && kept > 0)
    return TRUE;
  g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                       "The copy would have no key slot left, so nobody could open it.");
  return FALSE;
}

static gboolean
drop_member (sqlite3  *db,
             gint64    member_id,
             GError  **error)
{
  g_autoptr(WtwSqlStmt) stmt = wtw_sql_prepare (db, "DELETE FROM members WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return wtw_sql_step_done (stmt, error);
}

/* Opens the copy with its new keys: it must pass the integrity check before it
 * gets its final name. Dropping a member happens here, in the copy only. */
static gboolean
finish_copy (ExportJob  *job,
             GError    **error)
{
  sqlite3 *db = NULL;
  g_autofree char *check = NULL;
  gboolean ok;

  if (!wtw_sql_open (job->tmp_path, job->new_keys, job->busy_timeout, FALSE, &db, error))
    return FALSE;
  ok = job->drop_member_id == 0 || drop_member (db, job->drop_member_id, error);
  if (ok && wtw_sql_query_int (db, "SELECT count(*) FROM pragma_integrity_check "
                                   "WHERE integrity_check != 'ok'", error) != 0)
    {
      ok = FALSE;
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                             "The copy did not pass its integrity check.");
    }
  sqlite3_close (db);
  return ok;
}

static int
create_tmp (ExportJob  *job,
            GError    **error)
{
  int fd;

  job->tmp_path = g_strconcat (job->dest_path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (job->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    set_io_error ("create", job->tmp_path, errno, error);
  return fd;
}

static gboolean
copy_database (ExportJob     *job,
               GTask         *task,
               int            fd,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3 *src = NULL;
  gint64 n_pages = 0;
  gboolean ok;

  if (!wtw_sql_open (job->src_path, job->keys, job->busy_timeout, FALSE, &src, error))
    return FALSE;
  ok = begin_snapshot (src, &n_pages, error)
    && copy_pages (job, task, src, n_pages, fd, cancellable, error);
  wtw_sql_rollback (src);
  sqlite3_close (src);
  return ok;
}

static void
remove_tmp (ExportJob *job)
{
  g_autofree char *journal = NULL;

  if (job->tmp_path == NULL)
    return;
  journal = g_strconcat (job->tmp_path, "-journal", NULL);
  g_unlink (journal);
  g_unlink (job->tmp_path);
}

static gboolean
run_export (ExportJob     *job,
            GTask         *task,
            GCancellable  *cancellable,
            GError       **error)
{
  int fd;
  gboolean ok;

  if (g_file_test (job->dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS,
                   "A file named %s already exists.", job->dest_path);
      return FALSE;
    }
  if (!build_header (job, error) || (fd = create_tmp (job, error)) < 0)
    return FALSE;
  ok = wtw_sql_write_header (job->tmp_path, &job->header, job->new_keys, error)
    && copy_database (job, task, fd, cancellable, error);
  close (fd);
  ok = ok
    && finish_copy (job, error)
    && wtw_sql_publish (job->tmp_path, job->dest_path, error);
  if (!ok)
    remove_tmp (job);
  else
    report_progress (job, task, 1.0);
  return ok;
}

static ExportJob *
export_job_new (WtwVault          *self,
                GFile             *dest,
                gint64             drop_member_id,
                WtwVaultProgress   progress,
                gpointer           progress_data,
                GError           **error)
{
  ExportJob *job;

  if (_wtw_vault_get_db (self, error) == NULL)
    return NULL;
  job = g_new0 (ExportJob, 1);
  g_mutex_init (&job->mutex);
  job->src_path = _wtw_vault_get_path (self);
  job->dest_path = g_file_get_path (dest);
  job->keys = wtw_crypt_keys_ref (_wtw_vault_get_keys (self));
  job->header = *_wtw_vault_get_header (self);
  job->drop_member_id = drop_member_id;
  job->member_id = wtw_vault_get_member_id (self);
  job->personal = wtw_secure_alloc (WTW_KEY_BYTES);
  memcpy (job->personal, _wtw_vault_get_personal_key (self), WTW_KEY_BYTES);
  job->verified_slots = _wtw_vault_get_verified_slots (self);
  job->busy_timeout = _wtw_vault_get_busy_timeout (self);
  job->progress = progress;
  job->progress_data = progress_data;
  return job;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_export (task_data, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_vault_export:
 * @self: an unlocked #WtwVault
 * @dest: the new file; it must not exist
 * @drop_member_id: a member to leave out of the copy (slots and rows), or 0
 * @progress: (nullable) (scope call): called with the fraction done
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a copy of the vault with a new file id and a new master key; every
 * key slot (but @drop_member_id's) opens it with the same passphrase or
 * recovery key, and the old master key does not. The copy is checked before
 * it appears at @dest. Blocking; see wtw_vault_export_async().
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_vault_export (WtwVault          *self,
                  GFile             *dest,
                  gint64             drop_member_id,
                  WtwVaultProgress   progress,
                  gpointer           progress_data,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  job = export_job_new (self, dest, drop_member_id, progress, progress_data, error);
  return job != NULL && run_export (job, NULL, cancellable, error);
}

/**
 * wtw_vault_export_async:
 * @self: an unlocked #WtwVault
 * @dest: the new file; it must not exist
 * @drop_member_id: a member to leave out, or 0
 * @progress: (nullable): called on the caller's main context, coalesced
 * @progress_data: data for @progress; must live until @callback runs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_export(), in a worker thread with its own connection.
 */
void
wtw_vault_export_async (WtwVault            *self,
                        GFile               *dest,
                        gint64               drop_member_id,
                        WtwVaultProgress     progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ExportJob *job;

  g_return_if_fail (WTW_IS_VAULT (self));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_vault_export_async);
  job = export_job_new (self, dest, drop_member_id, progress, progress_data, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * wtw_vault_export_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the copy was written
 */
gboolean
wtw_vault_export_finish (WtwVault      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* SQLite reads no further than its page count, so bytes after the last
 * page would never be authenticated: a sound file has none. */
static gboolean
check_file_size (const char  *path,
                 gint64       n_pages,
                 GError     **error)
{
  GStatBuf st;
  gint64 expected = WTW_HEADER_AREA + n_pages * (gint64) WTW_PAGE_SIZE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "The vault file could not be examined: %s.", g_strerror (saved_errno));
      return FALSE;
    }
  if ((gint64) st.st_size == expected)
    return TRUE;

  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
               "The vault file is damaged from page %" G_GINT64_FORMAT " on: it holds %"
               G_GINT64_FORMAT " bytes where its pages take %" G_GINT64_FORMAT ".",
               n_pages + 1, (gint64) st.st_size, expected);
  return FALSE;
}

static gboolean
check_pages (sqlite3       *db,
             const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  guint8 *plain = wtw_secure_alloc (WTW_PAGE_SIZE);
  gint64 n_pages = 0;
  gboolean ok = begin_snapshot (db, &n_pages, error);

  for (gint64 pgno = 1; ok && pgno <= n_pages; pgno++)
    {
      int rc = pgno == PENDING_BYTE_PAGE ? SQLITE_OK
                                         : wtw_crypt_vfs_read_page (db, (guint32) pgno, plain);

      ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
        && wtw_sql_set_error (db, rc, error);
    }
  /* Inside the snapshot, so no writer can change the size meanwhile. */
  ok = ok && check_file_size (path, n_pages, error);
  wtw_sql_rollback (db);
  wtw_secure_free (plain);
  return ok;
}

static gboolean
check_structure (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(WtwSqlStmt) stmt = wtw_sql_prepare (db, "PRAGMA integrity_check", error);
  const char *first;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return wtw_sql_set_error (db, rc, error);
  first = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (first, "ok") == 0)
    return TRUE;
  g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
               "The vault's structure is damaged (%s).", first);
  return FALSE;
}

/**
 * wtw_vault_check:
 * @self: an unlocked #WtwVault
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Authenticates every page of the file, then runs SQLite's integrity check.
 *
 * Returns: %TRUE if the vault is sound; CORRUPTED naming the first bad page
 */
gboolean
wtw_vault_check (WtwVault      *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  sqlite3 *db;

  g_return_val_if_fail (WTW_IS_VAULT (self), FALSE);

  db = _wtw_vault_get_db (self, error);
  return db != NULL
    && check_pages (db, g_file_peek_path (wtw_vault_get_file (self)), cancellable, error)
    && check_structure (db, error);
}

typedef struct
{
  char          *path;
  WtwCryptKeys  *keys;
  guint          busy_timeout;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->keys, wtw_crypt_keys_unref);
  g_free (job);
}

/* The worker checks through a connection of its own. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  GError *error = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  ok = wtw_sql_open (job->path, job->keys, job->busy_timeout, FALSE, &db, &error)
    && check_pages (db, job->path, cancellable, &error)
    && check_structure (db, &error);
  sqlite3_close (db);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_vault_check_async:
 * @self: an unlocked #WtwVault
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_vault_check(), in a worker thread.
 */
void
wtw_vault_check_async (WtwVault            *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  CheckJob *job;

  g_return_if_fail (WTW_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_vault_check_async);
  if (_wtw_vault_get_db (self, &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (CheckJob, 1);
  job->path = _wtw_vault_get_path (self);
  job->keys = wtw_crypt_keys_ref (_wtw_vault_get_keys (self));
  job->busy_timeout = _wtw_vault_get_busy_timeout (self);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * wtw_vault_check_finish:
 * @self: a #WtwVault
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the vault is sound; CORRUPTED naming the first bad page
 */
gboolean
wtw_vault_check_finish (WtwVault      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
