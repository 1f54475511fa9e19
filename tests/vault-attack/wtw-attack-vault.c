/* wtw-attack-vault.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-attack-vault"

#include "config.h"

#include <string.h>

#include "wtw-attack-vault.h"
#include "wtw-secure.h"

WtwVault *
wtw_attack_vault_create (const char *path,
                         const char *passphrase)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwVault) vault = wtw_vault_new (file);
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

  wtw_vault_create (vault, "Tester", passphrase, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  wtw_secure_free (recovery);
  return g_steal_pointer (&vault);
}

WtwVault *
wtw_attack_vault_open (const char  *path,
                       const char  *passphrase,
                       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwVault) vault = wtw_vault_new (file);

  if (!wtw_vault_unlock (vault, passphrase, WTW_SECRET_PASSPHRASE, NULL, error))
    return NULL;
  return g_steal_pointer (&vault);
}

gint64
wtw_attack_vault_add (WtwVault    *vault,
                      const char  *title,
                      const char  *body,
                      GError     **error)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  if (!wtw_vault_journal_insert (vault, entry, error))
    return -1;
  return entry->id;
}

/* Text that compresses badly and varies, so entries spread over many pages. */
char *
wtw_attack_text (GRand *rand,
                 gsize  len)
{
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz      .,";
  char *text = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
  text[len] = '\0';
  return text;
}

/**
 * wtw_attack_error_page:
 * @error: a CORRUPTED error
 *
 * Returns: the page number the message names ("… page 12 …"), or 0
 */
guint
wtw_attack_error_page (const GError *error)
{
  const char *p = strstr (error->message, "page ");

  if (p == NULL)
    return 0;
  return (guint) g_ascii_strtoull (p + 5, NULL, 10);
}
