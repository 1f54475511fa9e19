/* wtw-secure.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-secure"

#include "config.h"

#include <gio/gio.h>
#include <malloc.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "wtw-secure.h"

/* SQLite's page cache holds decrypted pages. Its memory goes through these,
 * which wipe every block before giving it back, so that locking the vault
 * (closing the connection) leaves no plaintext page behind in freed memory. */
static void *
sqlite_malloc (int size)
{
  return malloc (MAX (size, 1));
}

static void
sqlite_free (void *mem)
{
  if (mem == NULL)
    return;
  sodium_memzero (mem, malloc_usable_size (mem));
  free (mem);
}

static int
sqlite_size (void *mem)
{
  return mem != NULL ? (int) malloc_usable_size (mem) : 0;
}

/* Never realloc() in place: it may leave the old block unwiped. */
static void *
sqlite_realloc (void *mem,
                int   size)
{
  void *copy = sqlite_malloc (size);

  if (copy != NULL && mem != NULL)
    memcpy (copy, mem, MIN ((size_t) size, malloc_usable_size (mem)));
  if (copy != NULL)
    sqlite_free (mem);
  return copy;
}

static int
sqlite_roundup (int size)
{
  return (size + 7) & ~7;
}

static int
sqlite_init (void *data)
{
  return SQLITE_OK;
}

static void
sqlite_shutdown (void *data)
{
}

static gboolean sqlite_wipes;

static const sqlite3_mem_methods wiping_allocator = {
  sqlite_malloc, sqlite_free, sqlite_realloc, sqlite_size, sqlite_roundup,
  sqlite_init, sqlite_shutdown, NULL,
};

/**
 * wtw_secure_init:
 * @error: return location for a #GError
 *
 * Prepares the process to hold keys: initializes libsodium, turns off core
 * dumps (so that a crash never writes keys or plaintext to disk) and makes
 * SQLite wipe the memory it frees. Call it before any other use of SQLite;
 * safe to call more than once.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_secure_init (GError **error)
{
  struct rlimit no_core = { 0, 0 };

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The cryptography library could not be initialized");
      return FALSE;
    }

  /* A core file would hold whatever was in memory: keys, decrypted pages,
   * the text being typed. Neither limit nor dumpable flag may be left on. */
  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    g_debug ("Could not set RLIMIT_CORE to 0");
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_debug ("Could not clear the dumpable flag");

  /* Refused (SQLITE_MISUSE) once SQLite is initialized: then a second call
   * finds the allocator already in place, or SQLite was used too early. */
  if (sqlite3_config (SQLITE_CONFIG_MALLOC, &wiping_allocator) == SQLITE_OK)
    sqlite_wipes = TRUE;
  else if (!sqlite_wipes)
    g_debug ("SQLite was already initialized; its memory is not wiped on free");

  return TRUE;
}

/**
 * wtw_secure_alloc:
 * @size: number of bytes
 *
 * Allocates memory for secrets: guarded pages, locked in RAM where the system
 * allows it, wiped when freed. Aborts when no memory is left, as g_malloc() does.
 *
 * Returns: (transfer full): zeroed memory; free it with wtw_secure_free()
 */
gpointer
wtw_secure_alloc (gsize size)
{
  gpointer mem = sodium_malloc (size);

  if (mem == NULL)
    g_error ("Could not allocate %" G_GSIZE_FORMAT " bytes of secure memory", size);
  sodium_memzero (mem, size);
  return mem;
}

/**
 * wtw_secure_free:
 * @mem: (nullable): memory from wtw_secure_alloc()
 *
 * Wipes and frees @mem.
 */
void
wtw_secure_free (gpointer mem)
{
  if (mem != NULL)
    sodium_free (mem);
}

/**
 * wtw_secure_strdup:
 * @str: (nullable): a string that is a secret, such as a passphrase
 *
 * Returns: (transfer full) (nullable): a copy in secure memory; free it with
 *   wtw_secure_free()
 */
char *
wtw_secure_strdup (const char *str)
{
  gsize len;
  char *copy;

  if (str == NULL)
    return NULL;
  len = strlen (str);
  copy = wtw_secure_alloc (len + 1);
  memcpy (copy, str, len + 1);
  return copy;
}

/**
 * wtw_secure_sqlite_wipes_memory:
 *
 * Returns: %TRUE if wtw_secure_init() installed SQLite's wiping allocator
 */
gboolean
wtw_secure_sqlite_wipes_memory (void)
{
  return sqlite_wipes;
}
