/* vault-test-util.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "wtw-crypt-header.h"
#include "wtw-crypt-vfs.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-private.h"

/* Tests use the Argon2id floor: the cost of calibration is tested once. */
static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

#define PASSPHRASE "correct horse battery staple"
#define PASSPHRASE_2 "tiled roof, sunny morning"

typedef struct
{
  char     *dir;
  char     *path;
  GFile    *file;
  WtwVault *vault;
  char     *recovery_key;
} VaultFixture;

static inline void
vault_fixture_set_up (VaultFixture  *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("wtw-vault-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "test.wtw", NULL);
  fx->file = g_file_new_for_path (fx->path);
  fx->vault = wtw_vault_new (fx->file);
}

static inline void
remove_dir (const char *path)
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

/* A GTask's worker thread drops its reference to the vault a moment after
 * the result is delivered: wait for it before checking for leaks. */
static inline void
wait_for_workers (GObject *object)
{
  for (guint i = 0; i < 5000 && g_atomic_int_get (&object->ref_count) > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline void
vault_fixture_tear_down (VaultFixture  *fx,
                         gconstpointer  data)
{
  wait_for_workers (G_OBJECT (fx->vault));
  g_assert_finalize_object (fx->vault);
  g_object_unref (fx->file);
  wtw_secure_free (fx->recovery_key);
  remove_dir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

/* Creates the fixture's vault for "Alex" with PASSPHRASE at the floor cost. */
static inline void
vault_fixture_create (VaultFixture *fx)
{
  g_autoptr(GError) error = NULL;

  wtw_vault_create (fx->vault, "Alex", PASSPHRASE, &floor_params, &fx->recovery_key,
                    NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wtw_vault_is_unlocked (fx->vault));
}

static inline void
unlock_ok (WtwVault      *vault,
           const char    *secret,
           WtwSecretKind  kind)
{
  g_autoptr(GError) error = NULL;

  wtw_vault_unlock (vault, secret, kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wtw_vault_is_unlocked (vault));
}

static inline void
unlock_fails (WtwVault      *vault,
              const char    *secret,
              WtwSecretKind  kind,
              int            code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (wtw_vault_unlock (vault, secret, kind, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, code);
  g_assert_false (wtw_vault_is_unlocked (vault));
}

static inline gint64
add_entry (WtwVault   *vault,
           const char *title,
           const char *body,
           gboolean    is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->is_private = is_private;
  wtw_vault_journal_insert (vault, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);
  return entry->id;
}

static inline GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static inline void
write_file_bytes (const char   *path,
                  const guint8 *data,
                  gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
}

static inline gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Overwrites one byte of the file at @offset with its complement. */
static inline void
flip_byte (const char *path,
           gsize       offset)
{
  g_autoptr(GBytes) bytes = read_file_bytes (path);
  gsize len;
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));

  g_assert_cmpuint (offset, <, len);
  data[offset] ^= 0xff;
  write_file_bytes (path, data, len);
  g_free (data);
}
