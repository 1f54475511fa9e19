/* wtw-crypt-vfs.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-crypt-vfs"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wtw-crypt-vfs.h"

/*
 * A shim over the "unix" VFS that encrypts every page of the main database and
 * every page record of its rollback journal (docs/vault-format.md). It only
 * opens those two kinds of file: temp databases, statement and super journals
 * and WAL files are refused, so nothing can reach the disk around it.
 */

typedef struct _WtwCryptFile WtwCryptFile;

struct _WtwCryptFile
{
  sqlite3_file   base;
  sqlite3_file  *real;
  WtwCryptKeys  *keys;
  WtwCryptFile  *main;          /* journal: its main database; main: itself */
  gboolean       is_journal;
  int            bad_page;

  /* Main file only: told of the first page that fails to authenticate. */
  WtwCryptDamageFunc damage_func;
  gpointer           damage_data;
  GDestroyNotify     damage_destroy;

  /* Journal writes: a page-number write, then its page (see journal_write). */
  gboolean       pgno_pending;
  sqlite3_int64  pgno_offset;
  guint32        pgno;
  /* The record last written and last read, for its checksum field. */
  sqlite3_int64  wcksum_offset;
  guint8         wtag[WTW_TAG_BYTES];
  sqlite3_int64  rcksum_offset;
  guint8         rtag[WTW_TAG_BYTES];

  guint8         scratch[WTW_PAGE_SIZE];
};

static const guint8 sqlite_magic[16] = "SQLite format 3";
static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

static sqlite3_vfs *unix_vfs;
static __thread WtwCryptKeys *pending_keys;
static gint64 full_after = -1;
G_LOCK_DEFINE_STATIC (full_after);

static const sqlite3_io_methods crypt_io_methods;

#define REAL(f) ((f)->real->pMethods)

/* Fault injection for tests; a no-op unless a limit was set. */
static gboolean
consume_write_budget (int amount)
{
  gboolean full = FALSE;

  G_LOCK (full_after);
  if (full_after >= 0)
    {
      full = full_after < amount;
      full_after = full ? 0 : full_after - amount;
    }
  G_UNLOCK (full_after);
  return full;
}

static int
real_write (WtwCryptFile  *f,
            const void    *buf,
            int            amount,
            sqlite3_int64  offset)
{
  if (consume_write_budget (amount))
    return SQLITE_FULL;
  return REAL (f)->xWrite (f->real, buf, amount, offset);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
is_all_zero (const guint8 *p,
             gsize         len)
{
  return sodium_is_zero (p, len) == 1;
}

/* Geometry is fixed: page size 4096 (bytes 16–17, big-endian) and 40 reserved
 * bytes (byte 20) on page 1, both on every write and every read. */
static gboolean
page1_geometry_ok (const guint8 *page)
{
  return memcmp (page, sqlite_magic, sizeof sqlite_magic) == 0
      && page[16] == (WTW_PAGE_SIZE >> 8) && page[17] == (WTW_PAGE_SIZE & 0xff)
      && page[20] == WTW_PAGE_RESERVE;
}

static int
fail_page (WtwCryptFile *f,
           guint32       pgno)
{
  f->main->bad_page = (int) pgno;
  g_debug ("Page %u does not authenticate", pgno);
  if (f->main->damage_func != NULL)
    f->main->damage_func (pgno, f->main->damage_data);
  return pgno == 1 && !f->is_journal ? SQLITE_NOTADB : SQLITE_IOERR_DATA;
}

/* Reads and decrypts a whole main-database page. A page wholly past the end
 * of the file reads as zeros, as SQLite expects of a short read; a page cut
 * short (the file ends inside it) is damage, whatever its bytes are. On any
 * error @plain is zeros, never stale or unauthenticated data. */
static int
main_read_page (WtwCryptFile  *f,
                guint32        pgno,
                guint8        *plain)
{
  sqlite3_int64 offset = WTW_HEADER_AREA + (sqlite3_int64) (pgno - 1) * WTW_PAGE_SIZE;
  int rc = REAL (f)->xRead (f->real, f->scratch, WTW_PAGE_SIZE, offset);

  if (rc == SQLITE_IOERR_SHORT_READ)
    {
      sqlite3_int64 size = 0;

      memset (plain, 0, WTW_PAGE_SIZE);
      rc = REAL (f)->xFileSize (f->real, &size);
      if (rc != SQLITE_OK)
        return rc;
      return size <= offset ? SQLITE_IOERR_SHORT_READ : fail_page (f, pgno);
    }
  if (rc != SQLITE_OK)
    {
      memset (plain, 0, WTW_PAGE_SIZE);
      return rc;
    }
  if (!wtw_crypt_page_open (f->keys, pgno, f->scratch, plain))
    return fail_page (f, pgno);
  if (pgno == 1 && !page1_geometry_ok (plain))
    {
      sodium_memzero (plain, WTW_PAGE_SIZE);
      return fail_page (f, pgno);
    }
  return SQLITE_OK;
}

/* SQLite reads parts of page 1 (100 bytes at 0 on open, 16 at 24 for the
 * change counter); those are served from the whole decrypted page. The read
 * at open happens without a lock, so it may meet a page being written by
 * another process: retry a few times before calling the page damaged. */
static int
main_read_page1_part (WtwCryptFile  *f,
                      void          *buf,
                      int            amount,
                      sqlite3_int64  offset)
{
  guint8 page[WTW_PAGE_SIZE];
  int rc = SQLITE_OK;

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      rc = main_read_page (f, 1, page);
      if (rc != SQLITE_NOTADB)
        break;
      g_usleep (2000);
    }
  memcpy (buf, page + offset, amount);
  sodium_memzero (page, sizeof page);
  return rc;
}

static int
main_read (WtwCryptFile  *f,
           void          *buf,
           int            amount,
           sqlite3_int64  offset)
{
  if (amount == WTW_PAGE_SIZE && offset % WTW_PAGE_SIZE == 0)
    return main_read_page (f, (guint32) (offset / WTW_PAGE_SIZE) + 1, buf);
  if (offset >= 0 && offset + amount <= WTW_PAGE_SIZE)
    return main_read_page1_part (f, buf, amount, offset);
  return SQLITE_IOERR_READ;
}

static int
main_write (WtwCryptFile  *f,
            const void    *buf,
            int            amount,
            sqlite3_int64  offset)
{
  guint32 pgno;

  /* Anything but a whole page would reach the disk unencrypted. */
  if (amount != WTW_PAGE_SIZE || offset % WTW_PAGE_SIZE != 0)
    return SQLITE_IOERR_WRITE;
  pgno = (guint32) (offset / WTW_PAGE_SIZE) + 1;
  if (pgno == 1 && !page1_geometry_ok (buf))
    return SQLITE_IOERR_WRITE;
  wtw_crypt_page_seal (f->keys, pgno, buf, f->scratch);
  return real_write (f, f->scratch, WTW_PAGE_SIZE, offset + WTW_HEADER_AREA);
}

/* A 4-byte journal write is either a record's page number or, right after
 * the record's page, its checksum (stored masked, see wtw_crypt_journal_mask). */
static int
journal_write_int (WtwCryptFile  *f,
                   const guint8  *buf,
                   sqlite3_int64  offset)
{
  guint32 value;

  memcpy (&value, buf, 4);
  if (offset == f->wcksum_offset)
    {
      value ^= wtw_crypt_journal_mask (f->keys, f->wtag);
      f->wcksum_offset = -1;
      f->pgno_pending = FALSE;
      return real_write (f, &value, 4, offset);
    }
  f->pgno_pending = TRUE;
  f->pgno_offset = offset;
  f->pgno = read_be32 (buf);
  return real_write (f, buf, 4, offset);
}

/* A page-sized journal write is a record only right after its page number at
 * offset − 4; anything else cannot be classified and is refused. */
static int
journal_write_record (WtwCryptFile  *f,
                      const guint8  *buf,
                      sqlite3_int64  offset)
{
  gboolean is_record = f->pgno_pending && f->pgno_offset == offset - 4 && f->pgno != 0;

  f->pgno_pending = FALSE;
  if (!is_record)
    return SQLITE_IOERR_WRITE;
  wtw_crypt_page_seal (f->keys, f->pgno, buf, f->scratch);
  memcpy (f->wtag, f->scratch + WTW_PAGE_SIZE - WTW_TAG_BYTES, WTW_TAG_BYTES);
  f->wcksum_offset = offset + WTW_PAGE_SIZE;
  return real_write (f, f->scratch, WTW_PAGE_SIZE, offset);
}

/* The journal's own header carries no user data: magic, record count,
 * checksum seed, page count, sector and page size, zero padding. */
static gboolean
is_journal_header (const guint8  *buf,
                   int            amount,
                   sqlite3_int64  offset)
{
  gboolean magic = memcmp (buf, journal_magic, 8) == 0 || is_all_zero (buf, 8);

  if (amount == 512 && offset % 512 == 0)
    return magic && is_all_zero (buf + 28, 512 - 28);
  if (amount == 12)
    return memcmp (buf, journal_magic, 8) == 0;
  if (amount == 28 || amount == 1)
    return is_all_zero (buf, amount);
  return FALSE;
}

static int
journal_write (WtwCryptFile  *f,
               const void    *buf,
               int            amount,
               sqlite3_int64  offset)
{
  if (amount == 4)
    return journal_write_int (f, buf, offset);
  if (amount == WTW_PAGE_SIZE)
    return journal_write_record (f, buf, offset);
  f->pgno_pending = FALSE;
  if (is_journal_header (buf, amount, offset))
    return real_write (f, buf, amount, offset);
  return SQLITE_IOERR_WRITE;
}

/* The record's page number sits in the 4 bytes before it; it is bound into
 * the record's AD, so a changed number fails to authenticate. */
static int
journal_read_record (WtwCryptFile  *f,
                     guint8        *buf,
                     sqlite3_int64  offset)
{
  guint8 be[4];
  guint32 pgno;
  int rc;

  if (offset < 4)
    return SQLITE_IOERR_READ;
  rc = REAL (f)->xRead (f->real, be, 4, offset - 4);
  if (rc == SQLITE_OK)
    rc = REAL (f)->xRead (f->real, f->scratch, WTW_PAGE_SIZE, offset);
  if (rc != SQLITE_OK)
    {
      memset (buf, 0, WTW_PAGE_SIZE);
      return rc;
    }
  pgno = read_be32 (be);
  if (!wtw_crypt_page_open (f->keys, pgno, f->scratch, buf))
    return fail_page (f, pgno);
  memcpy (f->rtag, f->scratch + WTW_PAGE_SIZE - WTW_TAG_BYTES, WTW_TAG_BYTES);
  f->rcksum_offset = offset + WTW_PAGE_SIZE;
  return SQLITE_OK;
}

static int
journal_read (WtwCryptFile  *f,
              void          *buf,
              int            amount,
              sqlite3_int64  offset)
{
  int rc;

  if (amount == WTW_PAGE_SIZE)
    return journal_read_record (f, buf, offset);
  rc = REAL (f)->xRead (f->real, buf, amount, offset);
  if (rc == SQLITE_OK && amount == 4 && offset == f->rcksum_offset)
    {
      guint32 value;

      memcpy (&value, buf, 4);
      value ^= wtw_crypt_journal_mask (f->keys, f->rtag);
      memcpy (buf, &value, 4);
      f->rcksum_offset = -1;
    }
  return rc;
}

static int
crypt_close (sqlite3_file *file)
{
  WtwCryptFile *f = (WtwCryptFile *) file;
  int rc = REAL (f)->xClose (f->real);

  if (f->damage_destroy != NULL)
    f->damage_destroy (f->damage_data);
  f->damage_func = NULL;
  f->damage_data = NULL;
  f->damage_destroy = NULL;
  g_clear_pointer (&f->keys, wtw_crypt_keys_unref);
  sodium_memzero (f->scratch, sizeof f->scratch);
  return rc;
}

static int
crypt_read (sqlite3_file  *file,
            void          *buf,
            int            amount,
            sqlite3_int64  offset)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  if (f->is_journal)
    return journal_read (f, buf, amount, offset);
  return main_read (f, buf, amount, offset);
}

static int
crypt_write (sqlite3_file  *file,
             const void    *buf,
             int            amount,
             sqlite3_int64  offset)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  if (f->is_journal)
    return journal_write (f, buf, amount, offset);
  return main_write (f, buf, amount, offset);
}

static int
crypt_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  if (!f->is_journal)
    size += WTW_HEADER_AREA;
  return REAL (f)->xTruncate (f->real, size);
}

static int
crypt_sync (sqlite3_file *file,
            int           flags)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  return REAL (f)->xSync (f->real, flags);
}

static int
crypt_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  WtwCryptFile *f = (WtwCryptFile *) file;
  int rc = REAL (f)->xFileSize (f->real, size);

  if (rc == SQLITE_OK && !f->is_journal)
    *size = MAX (*size - WTW_HEADER_AREA, 0);
  return rc;
}

static int
crypt_lock (sqlite3_file *file,
            int           level)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  return REAL (f)->xLock (f->real, level);
}

static int
crypt_unlock (sqlite3_file *file,
              int           level)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  return REAL (f)->xUnlock (f->real, level);
}

static int
crypt_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  return REAL (f)->xCheckReservedLock (f->real, out);
}

static int
crypt_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  switch (op)
    {
    case WTW_FCNTL_BAD_PAGE:
      *(int *) arg = f->bad_page;
      return SQLITE_OK;
    case WTW_FCNTL_DAMAGE_WATCH:
      {
        const WtwCryptDamageWatch *watch = arg;

        if (f->is_journal)
          return SQLITE_NOTFOUND;
        if (f->damage_destroy != NULL)
          f->damage_destroy (f->damage_data);
        f->damage_func = watch->func;
        f->damage_data = watch->user_data;
        f->damage_destroy = watch->destroy;
        return SQLITE_OK;
      }
    case SQLITE_FCNTL_SIZE_HINT:
      if (!f->is_journal)
        {
          sqlite3_int64 size = *(sqlite3_int64 *) arg + WTW_HEADER_AREA;

          return REAL (f)->xFileControl (f->real, op, &size);
        }
      break;
    /* No memory map: it would bypass decryption. No temp file names. */
    case SQLITE_FCNTL_MMAP_SIZE:
    case SQLITE_FCNTL_TEMPFILENAME:
      return SQLITE_NOTFOUND;
    default:
      break;
    }
  return REAL (f)->xFileControl (f->real, op, arg);
}

static int
crypt_sector_size (sqlite3_file *file)
{
  WtwCryptFile *f = (WtwCryptFile *) file;

  return REAL (f)->xSectorSize (f->real);
}

/* Powersafe overwrite makes SQLite write 512-byte journal headers, which can
 * never be mistaken for a page; no atomic-write flags, so it always journals. */
static int
crypt_device_characteristics (sqlite3_file *file)
{
  return SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

/* Version 2 without shared memory: SQLite can use neither WAL nor mmap. */
static const sqlite3_io_methods crypt_io_methods = {
  .iVersion = 2,
  .xClose = crypt_close,
  .xRead = crypt_read,
  .xWrite = crypt_write,
  .xTruncate = crypt_truncate,
  .xSync = crypt_sync,
  .xFileSize = crypt_file_size,
  .xLock = crypt_lock,
  .xUnlock = crypt_unlock,
  .xCheckReservedLock = crypt_check_reserved_lock,
  .xFileControl = crypt_file_control,
  .xSectorSize = crypt_sector_size,
  .xDeviceCharacteristics = crypt_device_characteristics,
};

static WtwCryptFile *
main_file_of_journal (const char *name)
{
  sqlite3_file *main_file = sqlite3_database_file_object (name);

  if (main_file == NULL || main_file->pMethods != &crypt_io_methods)
    return NULL;
  return (WtwCryptFile *) main_file;
}

static int
crypt_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  WtwCryptFile *f = (WtwCryptFile *) file;
  int type = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_TEMP_DB
                      | SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_TRANSIENT_DB
                      | SQLITE_OPEN_SUBJOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL);
  int rc;

  memset (f, 0, sizeof *f);
  f->real = (sqlite3_file *) (f + 1);
  f->wcksum_offset = f->rcksum_offset = -1;

  if (name == NULL)
    return SQLITE_CANTOPEN;
  if (type == SQLITE_OPEN_MAIN_DB && pending_keys != NULL)
    {
      f->keys = wtw_crypt_keys_ref (pending_keys);
      f->main = f;
    }
  else if (type == SQLITE_OPEN_MAIN_JOURNAL && (f->main = main_file_of_journal (name)) != NULL)
    {
      f->keys = wtw_crypt_keys_ref (f->main->keys);
      f->is_journal = TRUE;
    }
  else
    return SQLITE_CANTOPEN;

  rc = unix_vfs->xOpen (unix_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&f->keys, wtw_crypt_keys_unref);
      return rc;
    }
  f->base.pMethods = &crypt_io_methods;
  return SQLITE_OK;
}

static int
crypt_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return unix_vfs->xDelete (unix_vfs, name, sync_dir);
}

static int
crypt_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return unix_vfs->xAccess (unix_vfs, name, flags, out);
}

static int
crypt_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return unix_vfs->xFullPathname (unix_vfs, name, size, out);
}

static int
crypt_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  randombytes_buf (out, size);
  return size;
}

static int
crypt_sleep (sqlite3_vfs *vfs,
             int          usec)
{
  return unix_vfs->xSleep (unix_vfs, usec);
}

static int
crypt_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return unix_vfs->xCurrentTime (unix_vfs, out);
}

static int
crypt_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return unix_vfs->xGetLastError (unix_vfs, size, out);
}

static int
crypt_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return unix_vfs->xCurrentTimeInt64 (unix_vfs, out);
}

static sqlite3_vfs crypt_vfs = {
  .iVersion = 2,
  .mxPathname = 0,
  .zName = WTW_CRYPT_VFS_NAME,
  .xOpen = crypt_open,
  .xDelete = crypt_delete,
  .xAccess = crypt_access,
  .xFullPathname = crypt_full_pathname,
  .xRandomness = crypt_randomness,
  .xSleep = crypt_sleep,
  .xCurrentTime = crypt_current_time,
  .xGetLastError = crypt_get_last_error,
  .xCurrentTimeInt64 = crypt_current_time_int64,
};

/**
 * wtw_crypt_vfs_register:
 *
 * Registers the VFS with SQLite (not as the default). Safe to call more than once.
 *
 * Returns: the VFS name, %WTW_CRYPT_VFS_NAME
 */
const char *
wtw_crypt_vfs_register (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      unix_vfs = sqlite3_vfs_find ("unix");
      g_assert (unix_vfs != NULL);
      crypt_vfs.mxPathname = unix_vfs->mxPathname;
      crypt_vfs.szOsFile = sizeof (WtwCryptFile) + unix_vfs->szOsFile;
      if (sqlite3_vfs_register (&crypt_vfs, 0) != SQLITE_OK)
        g_error ("Could not register the %s VFS", WTW_CRYPT_VFS_NAME);
      g_once_init_leave (&done, 1);
    }
  return WTW_CRYPT_VFS_NAME;
}

/**
 * wtw_crypt_vfs_open:
 * @path: the vault file; its header must already exist
 * @keys: the keys of that file
 * @flags: SQLITE_OPEN_* flags for sqlite3_open_v2()
 * @db: (out): the connection, to close with sqlite3_close() even on failure
 *
 * Opens @path through the encrypting VFS. The keys are handed to the VFS's
 * xOpen on this thread only, for this one call: a file opened any other way
 * (VACUUM INTO, ATTACH) gets no keys and is refused.
 *
 * Returns: an SQLite result code
 */
int
wtw_crypt_vfs_open (const char    *path,
                    WtwCryptKeys  *keys,
                    int            flags,
                    sqlite3      **db)
{
  int rc;

  g_return_val_if_fail (keys != NULL, SQLITE_MISUSE);

  pending_keys = keys;
  rc = sqlite3_open_v2 (path, db, flags, wtw_crypt_vfs_register ());
  pending_keys = NULL;
  return rc;
}

/**
 * wtw_crypt_vfs_bad_page:
 * @db: a connection opened with wtw_crypt_vfs_open()
 *
 * Returns: the last page of the main database (or its journal) that failed to
 *   authenticate, or 0
 */
int
wtw_crypt_vfs_bad_page (sqlite3 *db)
{
  int pgno = 0;

  if (sqlite3_file_control (db, "main", WTW_FCNTL_BAD_PAGE, &pgno) != SQLITE_OK)
    return 0;
  return pgno;
}

/**
 * wtw_crypt_vfs_watch_damage:
 * @db: a connection opened with wtw_crypt_vfs_open()
 * @func: called each time a page of the main database or its journal fails
 *   to authenticate, in the thread that read it
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when the file closes or the watch is
 *   replaced
 *
 * Lets the owner of @db learn of damage found after opening, however the
 * read reached the page (a query, a check, an export). Set it before @db is
 * shared with other threads.
 *
 * Returns: %TRUE if the watch is set; on %FALSE @destroy was already called
 */
gboolean
wtw_crypt_vfs_watch_damage (sqlite3            *db,
                            WtwCryptDamageFunc  func,
                            gpointer            user_data,
                            GDestroyNotify      destroy)
{
  WtwCryptDamageWatch watch = { func, user_data, destroy };

  if (sqlite3_file_control (db, "main", WTW_FCNTL_DAMAGE_WATCH, &watch) == SQLITE_OK)
    return TRUE;
  if (destroy != NULL)
    destroy (user_data);
  return FALSE;
}

/**
 * wtw_crypt_vfs_read_page:
 * @db: a connection opened with wtw_crypt_vfs_open(), inside a read transaction
 * @pgno: page number, from 1
 * @plain: %WTW_PAGE_SIZE bytes of output
 *
 * Reads and authenticates one page directly, bypassing SQLite's cache: used to
 * check every page and to copy pages into an export.
 *
 * Returns: an SQLite result code; SQLITE_IOERR_SHORT_READ past the end
 */
int
wtw_crypt_vfs_read_page (sqlite3 *db,
                         guint32  pgno,
                         guint8  *plain)
{
  sqlite3_file *file = NULL;
  int rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);

  if (rc != SQLITE_OK || file == NULL || file->pMethods != &crypt_io_methods)
    return SQLITE_MISUSE;
  return main_read_page ((WtwCryptFile *) file, pgno, plain);
}

/**
 * _wtw_crypt_vfs_set_full_after:
 * @bytes: bytes that may still be written, or a negative number for no limit
 *
 * Simulates a full disk for tests of SQLITE_FULL handling.
 */
void
_wtw_crypt_vfs_set_full_after (gint64 bytes)
{
  G_LOCK (full_after);
  full_after = bytes < 0 ? -1 : bytes;
  G_UNLOCK (full_after);
}
