/* make-fixture.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-make-fixture"

#include "config.h"

#include "wtw-secure.h"
#include "wtw-vault.h"

/*
 * Writes the vault fixture of the current schema version to the path given,
 * with the contents tests/data/README.md lists, and prints the recovery keys
 * (they are random: copy them into the README). Run once per schema version:
 *   wtw-vault-make-fixture tests/data/vault-v1.wtw
 */

static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

static void
add (WtwVault   *vault,
     const char *title,
     const char *body,
     const char *mood,
     gint64      created,
     gboolean    is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup (mood);
  entry->created = created;
  entry->is_private = is_private;
  if (!wtw_vault_journal_insert (vault, entry, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwVault) vault = NULL;
  char *alex_key = NULL, *sam_key = NULL;

  if (argc != 2 || !wtw_secure_init (NULL))
    g_error ("Usage: %s PATH", argv[0]);
  file = g_file_new_for_commandline_arg (argv[1]);
  vault = wtw_vault_new (file);
  if (!wtw_vault_create (vault, "Alex", "correct horse battery staple", &floor_params,
                         &alex_key, NULL, &error)
      || !wtw_vault_add_member (vault, "Sam", "tiled roof, sunny morning", &floor_params,
                                &sam_key, NULL, &error))
    g_error ("%s", error->message);

  add (vault, "First evening", "We tried the listening exercise.", "hopeful", 1767225600, FALSE);
  add (vault, "Café talk", "Naïve questions, honest answers.", "warm", 1767312000, FALSE);
  add (vault, "Just for me", "Alex's private words.", "tender", 1767398400, TRUE);
  if (!wtw_vault_switch_member (vault, "tiled roof, sunny morning", NULL, &error))
    g_error ("%s", error->message);
  add (vault, "Sam's note", "Sam's private words.", "tired", 1767484800, TRUE);

  g_print ("Alex recovery key: %s\nSam recovery key: %s\n", alex_key, sam_key);
  wtw_secure_free (alex_key);
  wtw_secure_free (sam_key);
  return 0;
}
