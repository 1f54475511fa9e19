/* wtw-crash-writer.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-crash-writer"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "wtw-attack-util.h"
#include "wtw-attack-vault.h"
#include "wtw-crash-common.h"
#include "wtw-secure.h"

/* Killed by test-crash at random moments. Usage:
 *   wtw-crash-writer VAULT SEED FIRST-INDEX < passphrase
 * Prints "ready" once unlocked, then "ins ID INDEX" after each insert and
 * "upd ID VERSION" after each update has returned, i.e. committed. */

static void
say (const char *line)
{
  /* write(2), not stdio: a line must be in the pipe the moment the call
   * returned, since SIGKILL can come next. */
  gsize len = strlen (line);

  if (write (STDOUT_FILENO, line, len) != (gssize) len)
    _exit (3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GRand) rand = NULL;
  char passphrase[256] = { 0 };
  guint index;

  if (argc != 4 || fgets (passphrase, sizeof passphrase, stdin) == NULL)
    return 2;
  g_strchomp (passphrase);
  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[2], NULL, 10));
  index = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  if (!wtw_secure_init (&error)
      || (vault = wtw_attack_vault_open (argv[1], passphrase, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  say ("ready\n");

  for (;; index++)
    {
      g_autofree char *line = NULL;

      /* Mostly inserts; some autosave-style rewrites of an earlier entry. */
      if (ids->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          guint pick = g_rand_int_range (rand, 0, ids->len);
          g_autoptr(WtwJournalEntry) entry = NULL;
          guint version = g_array_index (versions, guint, pick) + 1;

          entry = wtw_vault_journal_get (vault, g_array_index (ids, gint64, pick), &error);
          if (entry == NULL)
            break;
          g_free (entry->body);
          g_free (entry->mood);
          entry->body = wtw_crash_body (entry->title, version);
          entry->mood = g_strdup_printf ("v%u", version);
          if (!wtw_vault_journal_update (vault, entry, &error))
            break;
          g_array_index (versions, guint, pick) = version;
          line = g_strdup_printf ("upd %" G_GINT64_FORMAT " %u\n", entry->id, version);
        }
      else
        {
          g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();

          entry->title = g_strdup_printf ("crash %u", index);
          entry->body = wtw_crash_body (entry->title, 0);
          entry->mood = g_strdup ("v0");
          if (!wtw_vault_journal_insert (vault, entry, &error))
            break;
          g_array_append_val (ids, entry->id);
          g_array_append_vals (versions, &(guint) { 0 }, 1);
          line = g_strdup_printf ("ins %" G_GINT64_FORMAT " %u\n", entry->id, index);
        }
      say (line);
    }

  g_printerr ("%s\n", error->message);
  return 1;
}
