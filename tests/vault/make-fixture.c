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
#include "wtw-vault-homework.h"
#include "wtw-vault-tags.h"

/*
 * Writes the vault fixture of the current schema version to the path given,
 * with the contents tests/data/README.md lists, and prints the recovery keys
 * (they are random: copy them into the README). Run once per schema version:
 *   wtw-vault-make-fixture tests/data/vault-v1.wtw
 */

static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

static gint64
add_linked (WtwVault   *vault,
            const char *title,
            const char *body,
            const char *mood,
            gint64      created,
            gboolean    is_private,
            const char *chapter_id,
            const char *prompt_id)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup (mood);
  entry->created = created;
  entry->is_private = is_private;
  entry->chapter_id = g_strdup (chapter_id);
  entry->prompt_id = g_strdup (prompt_id);
  if (!wtw_vault_journal_insert (vault, entry, &error))
    g_error ("%s", error->message);
  return entry->id;
}

static void
add (WtwVault   *vault,
     const char *title,
     const char *body,
     const char *mood,
     gint64      created,
     gboolean    is_private)
{
  add_linked (vault, title, body, mood, created, is_private, NULL, NULL);
}

/* Schema 2: entries begun from a prompt (one shared, one private with a
 * private tag), tags on a shared entry, and one homework item. */
static void
add_v2 (WtwVault *vault)
{
  const char *shared_tags[] = { "homework", "chapter 1", NULL };
  const char *private_tags[] = { "only mine", NULL };
  g_autoptr(WtwHomework) homework = NULL;
  g_autoptr(GError) error = NULL;
  GDate due;
  gint64 id;

  id = add_linked (vault, "A feeling, named", "I felt left out, not ignored.", "calm",
                   1767571200, FALSE, "feelings-not-thoughts", "i-feel-like-sentences");
  if (!wtw_vault_journal_set_tags (vault, id, shared_tags, &error))
    g_error ("%s", error->message);
  id = add_linked (vault, "Underneath", "Alex's private answer.", "shy",
                   1767657600, TRUE, "feelings-not-thoughts", "family-named-feelings");
  if (!wtw_vault_journal_set_tags (vault, id, private_tags, &error))
    g_error ("%s", error->message);
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, 15, G_DATE_JANUARY, 2026);
  homework = wtw_homework_new ("feelings-not-thoughts", 4, &due, "Try the exercise twice this week.");
  if (!wtw_vault_homework_add (vault, homework, &error))
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
  if (!wtw_vault_switch_member (vault, "correct horse battery staple", NULL, &error))
    g_error ("%s", error->message);
  add_v2 (vault);

  g_print ("Alex recovery key: %s\nSam recovery key: %s\n", alex_key, sam_key);
  wtw_secure_free (alex_key);
  wtw_secure_free (sam_key);
  return 0;
}
