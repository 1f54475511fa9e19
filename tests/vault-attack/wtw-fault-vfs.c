/* wtw-fault-vfs.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fault-vfs"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "wtw-fault-vfs.h"

/* A VFS that passes everything to a real one (normally "unix") but behaves
 * like a disk that fills up: once the byte budget is spent, a write stores
 * only the bytes that still fit and then reports SQLITE_FULL, exactly as a
 * short write(2) on ENOSPC does. The crypto VFS is layered on top of it, so
 * what is tested is the vault's own reaction to a full disk. */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *base_vfs;
static gint64 budget = -1;
static gint64 written;
static guint n_failures;

static int
fault_close (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;
  int rc = SQLITE_OK;

  if (self->real->pMethods != NULL)
    rc = self->real->pMethods->xClose (self->real);
  return rc;
}

static int
fault_read (sqlite3_file  *file,
            void          *buf,
            int            amount,
            sqlite3_int64  offset)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xRead (self->real, buf, amount, offset);
}

static int
fault_write (sqlite3_file  *file,
             const void    *buf,
             int            amount,
             sqlite3_int64  offset)
{
  FaultFile *self = (FaultFile *) file;
  gint64 room = budget < 0 ? amount : MAX (budget - written, 0);
  int rc;

  if (room >= amount)
    {
      rc = self->real->pMethods->xWrite (self->real, buf, amount, offset);
      if (rc == SQLITE_OK)
        written += amount;
      return rc;
    }

  /* A partial write first: a real full disk leaves torn data behind, and
   * the vault must not trust it later. */
  if (room > 0)
    {
      rc = self->real->pMethods->xWrite (self->real, buf, (int) room, offset);
      if (rc == SQLITE_OK)
        written += room;
    }
  n_failures++;
  return SQLITE_FULL;
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           lock)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xLock (self->real, lock);
}

static int
fault_unlock (sqlite3_file *file,
              int           lock)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xUnlock (self->real, lock);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *self = (FaultFile *) file;

  /* Pre-allocation would let the file grow without a counted write. */
  if (op == SQLITE_FCNTL_SIZE_HINT && budget >= 0)
    return SQLITE_NOTFOUND;
  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
fault_shm_map (sqlite3_file   *file,
               int             page,
               int             page_size,
               int             extend,
               void volatile **out)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmMap (self->real, page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

/* Version 2: no xFetch, so every byte goes through fault_write(). */
static const sqlite3_io_methods fault_io_methods = {
  2,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved_lock,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  NULL,
  NULL,
};

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  int rc;

  self->real = (sqlite3_file *) &self[1];
  rc = base_vfs->xOpen (base_vfs, name, self->real, flags, out_flags);
  self->base.pMethods = self->real->pMethods != NULL ? &fault_io_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return base_vfs->xDelete (base_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return base_vfs->xAccess (base_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          n_out,
                     char        *out)
{
  return base_vfs->xFullPathname (base_vfs, name, n_out, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return base_vfs->xDlOpen (base_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          n,
                char        *out)
{
  base_vfs->xDlError (base_vfs, n, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return base_vfs->xDlSym (base_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  base_vfs->xDlClose (base_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          n,
                  char        *out)
{
  return base_vfs->xRandomness (base_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return base_vfs->xSleep (base_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return base_vfs->xCurrentTime (base_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          n,
                      char        *out)
{
  return base_vfs->xGetLastError (base_vfs, n, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return base_vfs->xCurrentTimeInt64 (base_vfs, out);
}

/**
 * wtw_fault_vfs_register:
 * @name: the name to register under
 * @base_vfs_name: (nullable): the VFS to pass through to, %NULL for the default
 * @make_default: whether new connections without a VFS name should use it
 *
 * Registers the fault VFS. Registered as the default under the name "unix",
 * it shadows the real one for every later sqlite3_vfs_find ("unix"): that is
 * how it gets under the crypto VFS, which looks its base up by that name
 * when it registers. Only the first call does anything.
 *
 * Returns: %TRUE if the VFS is registered
 */
gboolean
wtw_fault_vfs_register (const char *name,
                        const char *base_vfs_name,
                        gboolean    make_default)
{
  if (base_vfs != NULL)
    return TRUE;

  base_vfs = sqlite3_vfs_find (base_vfs_name);
  if (base_vfs == NULL)
    return FALSE;

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + base_vfs->szOsFile,
    .mxPathname = base_vfs->mxPathname,
    .zName = name,
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };

  return sqlite3_vfs_register (&fault_vfs, make_default) == SQLITE_OK;
}

/**
 * wtw_fault_vfs_set_budget:
 * @bytes: how many more bytes may be written, or -1 for no limit
 *
 * Starts a new budget: the written-bytes counter restarts from zero.
 */
void
wtw_fault_vfs_set_budget (gint64 bytes)
{
  budget = bytes;
  written = 0;
}

gint64
wtw_fault_vfs_get_written (void)
{
  return written;
}

guint
wtw_fault_vfs_get_n_failures (void)
{
  return n_failures;
}

/**
 * wtw_fault_vfs_reset:
 *
 * Removes the limit and clears the counters.
 */
void
wtw_fault_vfs_reset (void)
{
  budget = -1;
  written = 0;
  n_failures = 0;
}
