/* test-disk-full.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-disk-full"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "wtw-attack-util.h"
#include "wtw-attack-vault.h"
#include "wtw-fault-vfs.h"
#include "wtw-secure.h"

/* The disk fills up in the middle of a save, at every byte count we can
 * think of. The save fails with DISK_FULL; everything saved before is still
 * there; the vault opens and checks clean once there is room again.
 *
 * The fault VFS sits under the crypto VFS: it is registered as the default
 * VFS under the name "unix" before the vault registers its own, and the
 * crypto VFS takes its base with sqlite3_vfs_find ("unix"). */

static const char passphrase[] = "disk full passphrase";

typedef struct
{
  GHashTable *expected;   /* id → body */
  GRand      *rand;
} Saved;

static void
verify (const char *path,
        Saved      *saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVault) vault = wtw_attack_vault_open (path, passphrase, &error);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  wtw_vault_check (vault, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, saved->expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (vault, *(gint64 *) key, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (entry->body, ==, value);
    }
  g_assert_cmpint (wtw_vault_journal_count (vault, NULL), ==, g_hash_table_size (saved->expected));
}

static void
save (WtwVault   *vault,
      Saved      *saved,
      gsize       len,
      gint64      budget,
      guint      *n_full)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = wtw_attack_text (saved->rand, len);
  gint64 id;

  wtw_fault_vfs_set_budget (budget);
  id = wtw_attack_vault_add (vault, "full", body, &error);
  wtw_fault_vfs_set_budget (-1);

  if (id > 0)
    {
      g_hash_table_insert (saved->expected, g_memdup2 (&id, sizeof id), g_steal_pointer (&body));
      return;
    }
  g_test_message ("budget %" G_GINT64_FORMAT ": %s", budget, error->message);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL);
  (*n_full)++;
}

static void
test_insert_fills_disk (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-full-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "full.wtw", NULL);
  g_autoptr(WtwVault) vault = NULL;
  guint32 seed = g_test_rand_int ();
  Saved saved = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
                  g_rand_new_with_seed (seed) };
  guint n_rounds = wtw_attack_scale (40, 400);
  guint n_full = 0;

  g_test_message ("seed %u", seed);
  wtw_fault_vfs_reset ();
  vault = wtw_attack_vault_create (path, passphrase);
  /* Without this the test would prove nothing: the writes went through
   * the fault VFS, under the crypto VFS. */
  g_assert_cmpint (wtw_fault_vfs_get_written (), >, 0);

  for (guint i = 0; i < 20; i++)
    save (vault, &saved, 2000, -1, &n_full);
  g_assert_cmpuint (n_full, ==, 0);

  for (guint round = 0; round < n_rounds; round++)
    {
      /* Budgets from nothing to a little more than one save needs: the
       * disk fills while the journal is written, while it is synced,
       * while the pages go in, while the journal is deleted. */
      gint64 budget = round == 0 ? 0 : g_rand_int_range (saved.rand, 1, 80000);
      gsize len = g_rand_boolean (saved.rand) ? 500 : 20000;

      save (vault, &saved, len, budget, &n_full);

      /* The same connection keeps working once there is room again. */
      save (vault, &saved, 300, -1, &n_full);

      if (round % 10 == 9)
        {
          g_clear_object (&vault);
          verify (path, &saved);
          vault = wtw_attack_vault_open (path, passphrase, NULL);
          g_assert_nonnull (vault);
        }
    }
  g_clear_object (&vault);
  verify (path, &saved);

  g_test_message ("%u saves failed with DISK_FULL, %u saved", n_full, g_hash_table_size (saved.expected));
  g_assert_cmpuint (n_full, >, n_rounds / 4);
  g_assert_cmpuint (wtw_fault_vfs_get_n_failures (), >=, n_full);

  g_hash_table_unref (saved.expected);
  g_rand_free (saved.rand);
  wtw_attack_remove_tree (dir);
}

/* Creates a vault with @budget bytes of disk left. Either it works, or it
 * fails with DISK_FULL and leaves nothing that unlocks as a vault. */
static gboolean
create_with_budget (const char *path,
                    gint64      budget)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwVault) vault = wtw_vault_new (file);
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  gboolean ok;

  wtw_fault_vfs_set_budget (budget);
  ok = wtw_vault_create (vault, "Tester", passphrase, &floor_params, &recovery, NULL, &error);
  wtw_fault_vfs_set_budget (-1);
  if (ok)
    {
      wtw_secure_free (recovery);
      return TRUE;
    }

  g_test_message ("budget %" G_GINT64_FORMAT ": %s", budget, error->message);
  /* DISK_FULL whatever write hit the limit, the header's or a page's: it
   * is what tells the person (and the CLI's exit status 5) what to do. */
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL);
  g_assert_null (recovery);
  g_assert_false (wtw_vault_is_unlocked (vault));
  g_clear_error (&error);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(WtwVault) half = wtw_vault_new (file);

      g_assert_false (wtw_vault_unlock (half, passphrase, WTW_SECRET_PASSPHRASE, NULL, &error));
      g_test_message ("left behind: %s", error->message);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  return FALSE;
}

static void
test_create_fills_disk (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-full-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "new.wtw", NULL);
  guint n_failed = 0;

  /* Nothing, part of a header copy, one copy, both, then page by page. */
  for (gint64 budget = 0; budget < 200000; budget = budget < 4096 ? budget + 2048 : budget * 3 / 2)
    {
      if (!create_with_budget (path, budget))
        n_failed++;
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpuint (n_failed, >=, 4);
  /* Once there is room, it works. */
  g_assert_true (create_with_budget (path, -1));
  {
    Saved empty = { g_hash_table_new (g_int64_hash, g_int64_equal), NULL };

    verify (path, &empty);
    g_hash_table_unref (empty.expected);
  }
  wtw_attack_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Before anything registers the crypto VFS. */
  g_assert_true (wtw_fault_vfs_register ("unix", "unix", TRUE));
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault-attack/disk-full/insert", test_insert_fills_disk);
  g_test_add_func ("/wtw/vault-attack/disk-full/create", test_create_fills_disk);
  return g_test_run ();
}
