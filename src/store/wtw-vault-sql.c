/* wtw-vault-sql.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-sql"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wtw-crypt-vfs.h"
#include "wtw-vault.h"
#include "wtw-vault-sql.h"

/* Pragmas that would change the file's geometry, move data outside the VFS,
 * or weaken durability. Our own connection setup runs before the authorizer. */
static const char * const denied_pragmas[] = {
  "page_size", "journal_mode", "mmap_size", "temp_store", "temp_store_directory",
  "data_store_directory", "writable_schema", "synchronous", "locking_mode",
  "secure_delete", "cipher", "key", "rekey", NULL,
};

/* SQLite hands the pragma name over as it was typed: compare without case, or
 * "PRAGMA SECURE_DELETE=OFF" would get through. */
static gboolean
is_denied_pragma (const char *name)
{
  for (guint i = 0; name != NULL && denied_pragmas[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, denied_pragmas[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
authorize (gpointer    data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *db_name,
           const char *trigger)
{
  switch (action)
    {
    case SQLITE_PRAGMA:
      return is_denied_pragma (arg1) ? SQLITE_DENY : SQLITE_OK;
    /* Plain VACUUM attaches an in-memory database named ""; VACUUM INTO and
     * ATTACH name a file, which would hold data outside this vault. */
    case SQLITE_ATTACH:
      return arg1 != NULL && arg1[0] == '\0' ? SQLITE_OK : SQLITE_DENY;
    default:
      return SQLITE_OK;
    }
}

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT
      || rc == SQLITE_IOERR_DATA;
}

static void
set_corrupted (sqlite3  *db,
               int       rc,
               GError  **error)
{
  int page = db != NULL ? wtw_crypt_vfs_bad_page (db) : 0;

  /* A failed open has no file left to ask; NOTADB only comes from page 1. */
  if (page == 0 && (rc & 0xff) == SQLITE_NOTADB)
    page = 1;

  if (page > 0)
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                 "The vault is damaged: page %d was changed or corrupted and cannot be read.",
                 page);
  else
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED,
                         "The vault is damaged and cannot be read.");
}

/**
 * wtw_sql_set_error:
 * @db: (nullable): the connection
 * @rc: an SQLite result code
 * @error: return location for a #GError
 *
 * Maps @rc to %WTW_VAULT_ERROR. Does nothing for SQLITE_OK, ROW and DONE.
 *
 * Returns: %TRUE if @rc was a success code
 */
gboolean
wtw_sql_set_error (sqlite3  *db,
                   int       rc,
                   GError  **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  if (is_corruption (rc))
    set_corrupted (db, rc, error);
  else if ((rc & 0xff) == SQLITE_FULL)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL,
                         "The disk is full, so the last change was not saved; "
                         "everything saved before it is safe.");
  else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_BUSY,
                         "The vault is in use by another program; close it there and try again.");
  else if ((rc & 0xff) == SQLITE_AUTH)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                         "That operation is not allowed on a vault.");
  else
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                 "The vault could not be read or written (%s).",
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* Every connection: no temp files, foreign keys, the journal mode and sync
 * level the format relies on (DELETE + EXTRA), freed pages wiped, then the
 * authorizer so nothing later can change any of it. The schema stays
 * "trusted" (SQLite's default): every page of it is authenticated, and the
 * FTS5 triggers need it. */
static gboolean
configure (sqlite3  *db,
           guint     busy_timeout,
           GError  **error)
{
  static const char setup[] =
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA foreign_keys=ON;"
    "PRAGMA journal_mode=DELETE;"
    "PRAGMA synchronous=EXTRA;"
    "PRAGMA secure_delete=ON;"
    "PRAGMA cell_size_check=ON;";

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, (int) busy_timeout);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (!wtw_sql_exec (db, setup, error))
    return FALSE;
  sqlite3_set_authorizer (db, authorize, NULL);
  return TRUE;
}

/* A new database gets the fixed geometry before its first page is written. */
static gboolean
set_geometry (sqlite3  *db,
              GError  **error)
{
  int reserve = WTW_PAGE_RESERVE;
  int rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);

  if (rc != SQLITE_OK)
    return wtw_sql_set_error (db, rc, error);
  return wtw_sql_exec (db, "PRAGMA page_size=4096;", error);
}

/**
 * wtw_sql_open:
 * @path: a vault file whose header is written
 * @keys: its keys
 * @busy_timeout: milliseconds to wait for another connection's lock
 * @create: the database is new: set its page size and reserved bytes
 * @out_db: (out): the configured connection
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_sql_open (const char    *path,
              WtwCryptKeys  *keys,
              guint          busy_timeout,
              gboolean       create,
              sqlite3      **out_db,
              GError       **error)
{
  sqlite3 *db = NULL;
  int rc = wtw_crypt_vfs_open (path, keys, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, &db);
  gboolean ok = wtw_sql_set_error (db, rc, error);

  if (ok && create)
    ok = set_geometry (db, error);
  if (ok)
    ok = configure (db, busy_timeout, error);
  if (!ok)
    {
      sqlite3_close (db);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

/**
 * wtw_sql_exec:
 * @db: a connection
 * @sql: one or more statements without results that matter
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_sql_exec (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  return wtw_sql_set_error (db, sqlite3_exec (db, sql, NULL, NULL, NULL), error);
}

/**
 * wtw_sql_prepare:
 * @db: a connection
 * @sql: one statement
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the statement
 */
sqlite3_stmt *
wtw_sql_prepare (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (!wtw_sql_set_error (db, rc, error))
    return NULL;
  return stmt;
}

/**
 * wtw_sql_step_done:
 * @stmt: a statement that returns no rows
 * @error: return location for a #GError
 *
 * Returns: %TRUE if it ran to completion
 */
gboolean
wtw_sql_step_done (sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return wtw_sql_set_error (sqlite3_db_handle (stmt), rc, error);
}

/**
 * wtw_sql_query_int:
 * @db: a connection
 * @sql: a query whose first column of the first row is an integer
 * @error: return location for a #GError
 *
 * Returns: the integer, 0 if there is no row, -1 on error
 */
gint64
wtw_sql_query_int (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(WtwSqlStmt) stmt = wtw_sql_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return wtw_sql_set_error (db, rc, error) ? 0 : -1;
}

/**
 * wtw_sql_rollback:
 * @db: a connection
 *
 * Rolls back the open transaction, if any, keeping the first error. Inside a
 * batch, only the current write (its savepoint) is undone; the batch decides.
 */
void
wtw_sql_rollback (sqlite3 *db)
{
  if (wtw_sql_in_batch (db))
    sqlite3_exec (db, "ROLLBACK TO wtw_write; RELEASE wtw_write;", NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * wtw_sql_write_header:
 * @path: the vault file
 * @header: the header to write (its sequence is incremented)
 * @keys: the vault's keys
 * @error: return location for a #GError
 *
 * wtw_header_write() with its I/O errors in %WTW_VAULT_ERROR: a full disk is
 * DISK_FULL like any other full disk.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_sql_write_header (const char    *path,
                      WtwHeader     *header,
                      WtwCryptKeys  *keys,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (wtw_header_write (path, header, keys, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL,
                         "The disk is full, so the vault's keys could not be saved; "
                         "nothing was changed.");
  else
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED,
                 "The vault's keys could not be saved (%s).", local_error->message);
  return FALSE;
}

static void
sync_parent_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync the directory %s", dir);
  close (fd);
}

/**
 * wtw_sql_publish:
 * @tmp: a complete file under a temporary name, in the directory of @path
 * @path: its final name
 * @error: return location for a #GError
 *
 * Gives @tmp the name @path without ever replacing a file already there
 * (link() fails instead), removes the temporary name and syncs the directory
 * so that the new name survives a power loss.
 *
 * Returns: %TRUE on success; EXISTS if @path appeared meanwhile
 */
gboolean
wtw_sql_publish (const char  *tmp,
                 const char  *path,
                 GError     **error)
{
  int saved;

  if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
      sync_parent_dir (path);
      return TRUE;
    }
  saved = errno;
  if (saved == EEXIST)
    g_set_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS,
                 "A file named %s already exists.", path);
  else
    g_set_error (error, WTW_VAULT_ERROR,
                 saved == ENOSPC ? WTW_VAULT_ERROR_DISK_FULL : WTW_VAULT_ERROR_FAILED,
                 "Could not create %s: %s.", path, g_strerror (saved));
  return FALSE;
}
