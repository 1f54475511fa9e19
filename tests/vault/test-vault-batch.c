/* test-vault-batch.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-batch"

#include "config.h"

#include "vault-test-util.h"
#include "wtw-vault-batch.h"
#include "wtw-vault-internal.h"
#include "wtw-vault-tags.h"

/* Batches (wtw-vault-batch.c): every write inside one is a savepoint of one
 * transaction. A write that fails inside must leave the batch usable and
 * take nothing of itself along; a write outside any batch must be committed
 * to the file when it returns; and a batch that a lock cut short must not
 * follow the next connection around. */

static gint64
add (WtwVault   *vault,
     const char *title)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->created = 1767268800;
  entry->title = g_strdup (title);
  entry->body = g_strdup ("body");
  g_assert_true (wtw_vault_journal_insert (vault, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

/* What another program opening the file now finds: only what is committed. */
static gint64
count_from_outside (VaultFixture *fx)
{
  g_autoptr(WtwVault) other = wtw_vault_new (fx->file);
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_assert_true (wtw_vault_unlock (other, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  n = wtw_vault_journal_count (other, &error);
  g_assert_no_error (error);
  wtw_vault_lock (other);
  return n;
}

static void
test_failed_write_inside (VaultFixture  *fx,
                          gconstpointer  data)
{
  const char *tags[] = { "kept", NULL };
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 first;

  vault_fixture_create (fx);
  db = _wtw_vault_get_db (fx->vault, NULL);

  g_assert_true (wtw_vault_batch_begin (fx->vault, &error));
  g_assert_no_error (error);
  first = add (fx->vault, "first");
  /* Tags of an entry that does not exist: the write fails inside. */
  g_assert_false (wtw_vault_journal_set_tags (fx->vault, first + 1000, tags, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The batch goes on: its transaction is open, with no savepoint left over. */
  g_assert_true (wtw_vault_in_batch (fx->vault));
  g_assert_false (sqlite3_get_autocommit (db));
  g_assert_true (wtw_vault_journal_set_tags (fx->vault, first, tags, &error));
  g_assert_no_error (error);
  add (fx->vault, "second");
  g_assert_cmpint (count_from_outside (fx), ==, 0);
  g_assert_true (wtw_vault_batch_commit (fx->vault, &error));
  g_assert_no_error (error);
  g_assert_false (wtw_vault_in_batch (fx->vault));
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_from_outside (fx), ==, 2);

  /* A plain write after the batch is in the file as soon as it returns. */
  add (fx->vault, "third");
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_from_outside (fx), ==, 3);

  /* A rolled back batch leaves nothing, and plain writes work after it. */
  g_assert_true (wtw_vault_batch_begin (fx->vault, &error));
  add (fx->vault, "undone");
  wtw_vault_batch_rollback (fx->vault);
  g_assert_false (wtw_vault_in_batch (fx->vault));
  add (fx->vault, "fourth");
  g_assert_cmpint (count_from_outside (fx), ==, 4);
}

/* Locked in the middle of a batch (the import's, when the session locks):
 * the connection closes and its transaction is rolled back. The next
 * connection, wherever it lands in memory, is not in a batch: a header
 * change that fails on it is rolled back for real, and the next write is
 * committed. */
static void
test_locked_mid_batch (VaultFixture  *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  vault_fixture_create (fx);
  g_assert_true (wtw_vault_batch_begin (fx->vault, &error));
  add (fx->vault, "lost with the lock");
  wtw_vault_lock (fx->vault);
  /* What the import does when it notices. */
  wtw_vault_batch_rollback (fx->vault);

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (wtw_vault_unlock (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error));
      g_assert_no_error (error);
      db = _wtw_vault_get_db (fx->vault, NULL);
      g_assert_false (wtw_vault_in_batch (fx->vault));

      /* Slot 7 is empty: the header change fails and rolls back. */
      g_assert_false (wtw_vault_remove_key_slot (fx->vault, 7, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_true (sqlite3_get_autocommit (db));

      add (fx->vault, "after unlock");
      g_assert_true (sqlite3_get_autocommit (db));
      g_assert_cmpint (count_from_outside (fx), ==, round + 1);

      /* Again, a batch cut short by a lock. */
      g_assert_true (wtw_vault_batch_begin (fx->vault, &error));
      g_assert_no_error (error);
      wtw_vault_lock (fx->vault);
    }
  g_assert_true (wtw_vault_unlock (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error));
  g_assert_false (wtw_vault_in_batch (fx->vault));
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, NULL), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add ("/wtw/vault/batch/failed-write-inside", VaultFixture, NULL,
              vault_fixture_set_up, test_failed_write_inside, vault_fixture_tear_down);
  g_test_add ("/wtw/vault/batch/locked-mid-batch", VaultFixture, NULL,
              vault_fixture_set_up, test_locked_mid_batch, vault_fixture_tear_down);
  return g_test_run ();
}
