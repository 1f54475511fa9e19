/* test-vault.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>

#include "vault-test-util.h"
#include "wtw-vault-internal.h"

static void
test_round_trip (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GBytes) raw = NULL;
  gint64 id;

  vault_fixture_create (fx);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Alex");
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, 1);
  id = add_entry (fx->vault, "First light", "Marmalade-unicorn-sentence", FALSE);

  wtw_vault_lock (fx->vault);
  g_assert_false (wtw_vault_is_unlocked (fx->vault));
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, 0);
  g_assert_null (wtw_vault_get_member_name (fx->vault));
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, -1);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  /* Nothing readable on disk: not the text, not SQLite's own magic. */
  raw = read_file_bytes (fx->path);
  g_assert_false (bytes_contain (raw, "Marmalade-unicorn"));
  g_assert_false (bytes_contain (raw, "SQLite format 3"));
  g_assert_false (bytes_contain (raw, "Alex"));
  g_assert_cmpuint ((g_bytes_get_size (raw) - WTW_HEADER_AREA) % WTW_PAGE_SIZE, ==, 0);

  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  entry = wtw_vault_journal_get (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "First light");
  g_assert_cmpstr (entry->body, ==, "Marmalade-unicorn-sentence");
  g_assert_false (entry->is_private);
  g_assert_cmpint (entry->member_id, ==, 1);
}

static void
test_create_exists (VaultFixture  *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;

  write_file_bytes (fx->path, (const guint8 *) "precious", 8);
  g_assert_false (wtw_vault_create (fx->vault, "Alex", PASSPHRASE, &floor_params, NULL,
                                    NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS);
  after = read_file_bytes (fx->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "precious", 8);
}

static void
test_create_below_floor (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WtwKdfParams weak = { 2, WTW_KDF_MEM_FLOOR };
  WtwKdfParams small = { 3, WTW_KDF_MEM_FLOOR / 2 };

  g_assert_false (wtw_vault_create (fx->vault, "Alex", PASSPHRASE, &weak, NULL, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (wtw_vault_create (fx->vault, "Alex", PASSPHRASE, &small, NULL, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (wtw_vault_create (fx->vault, "Alex", "", &floor_params, NULL, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_assert_false (g_file_test (fx->path, G_FILE_TEST_EXISTS));
}

static void
on_async_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (VaultFixture  *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  char *recovery = NULL;

  wtw_vault_create_async (fx->vault, "Alex", PASSPHRASE, &floor_params, NULL,
                          on_async_done_cb, &result);
  g_assert_false (wtw_vault_is_unlocked (fx->vault));
  g_assert_true (wtw_vault_create_finish (fx->vault, wait_for (&result), &recovery, &error));
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_clear_object (&result);
  wtw_vault_lock (fx->vault);

  wtw_vault_unlock_async (fx->vault, "nope", WTW_SECRET_PASSPHRASE, NULL, on_async_done_cb,
                          &result);
  g_assert_false (wtw_vault_unlock_finish (fx->vault, wait_for (&result), &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&result);

  wtw_vault_unlock_async (fx->vault, recovery, WTW_SECRET_RECOVERY_KEY, NULL, on_async_done_cb,
                          &result);
  g_assert_true (wtw_vault_unlock_finish (fx->vault, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Alex");
  g_clear_object (&result);
  wtw_secure_free (recovery);
}

static void
test_wrong_passphrase (VaultFixture  *fx,
                       gconstpointer  data)
{
  vault_fixture_create (fx);
  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, "correct horse battery stapler", WTW_SECRET_PASSPHRASE,
                WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_fails (fx->vault, "", WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  /* The passphrase is not a recovery key, and the recovery key is not a passphrase. */
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_RECOVERY_KEY, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_fails (fx->vault, fx->recovery_key, WTW_SECRET_PASSPHRASE,
                WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
}

static void
test_passphrase_normalized (VaultFixture  *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* "café" precomposed, then typed as e + combining acute accent. */
  wtw_vault_create (fx->vault, "Alex", "caf\xc3\xa9 au lait", &floor_params, NULL, NULL, &error);
  g_assert_no_error (error);
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, "cafe\xcc\x81 au lait", WTW_SECRET_PASSPHRASE);
}

static char *
mangle_recovery (const char *key)
{
  g_autofree char *lower = g_ascii_strdown (key, -1);
  GString *out = g_string_new ("  ");

  for (const char *p = lower; *p != '\0'; p++)
    if (*p != '-')
      {
        g_string_append_c (out, *p);
        if ((p - lower) % 10 == 3)
          g_string_append_c (out, ' ');
      }
  return g_string_free (out, FALSE);
}

static void
test_recovery_key (VaultFixture  *fx,
                   gconstpointer  data)
{
  g_autofree char *mangled = NULL;
  g_autofree char *typo = NULL;

  vault_fixture_create (fx);
  g_assert_cmpuint (strlen (fx->recovery_key), ==, 64);
  wtw_vault_lock (fx->vault);

  unlock_ok (fx->vault, fx->recovery_key, WTW_SECRET_RECOVERY_KEY);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Alex");
  wtw_vault_lock (fx->vault);

  mangled = mangle_recovery (fx->recovery_key);
  unlock_ok (fx->vault, mangled, WTW_SECRET_RECOVERY_KEY);
  wtw_vault_lock (fx->vault);

  typo = g_strdup (fx->recovery_key);
  typo[strlen (typo) - 1] = typo[strlen (typo) - 1] == 'A' ? 'B' : 'A';
  unlock_fails (fx->vault, typo, WTW_SECRET_RECOVERY_KEY, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_fails (fx->vault, "ABCD-EFGH", WTW_SECRET_RECOVERY_KEY,
                WTW_VAULT_ERROR_WRONG_PASSPHRASE);
}

static void
test_every_slot (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  char *second_recovery = NULL;
  guint index = 99;

  vault_fixture_create (fx);
  add_entry (fx->vault, "Kept", "in every slot", FALSE);
  wtw_vault_add_key_slot (fx->vault, WTW_SECRET_PASSPHRASE, PASSPHRASE_2, &floor_params, NULL,
                          &index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 2);
  wtw_vault_add_key_slot (fx->vault, WTW_SECRET_RECOVERY_KEY, NULL, &floor_params,
                          &second_recovery, &index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 3);

  slots = wtw_vault_list_key_slots (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 4);
  for (guint i = 0; i < slots->len; i++)
    {
      WtwKeySlotInfo *info = g_ptr_array_index (slots, i);

      g_assert_cmpuint (info->index, ==, i);
      g_assert_cmpint (info->member_id, ==, 1);
      g_assert_cmpuint (info->params.ops, ==, WTW_KDF_OPS_FLOOR);
      g_assert_cmpuint (info->kind, ==, i % 2 ? WTW_SECRET_RECOVERY_KEY : WTW_SECRET_PASSPHRASE);
    }

  {
    const char *secrets[] = { PASSPHRASE, fx->recovery_key, PASSPHRASE_2, second_recovery };

    for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
      {
        wtw_vault_lock (fx->vault);
        unlock_ok (fx->vault, secrets[i], i % 2 ? WTW_SECRET_RECOVERY_KEY : WTW_SECRET_PASSPHRASE);
        g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 1);
        g_assert_no_error (error);
      }
  }
  wtw_secure_free (second_recovery);
}

static void
test_not_found (VaultFixture  *fx,
                gconstpointer  data)
{
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_not_a_vault_random (VaultFixture  *fx,
                         gconstpointer  data)
{
  guint8 noise[20000];

  randombytes_buf (noise, sizeof noise);
  write_file_bytes (fx->path, noise, sizeof noise);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_NOT_A_VAULT);
  write_file_bytes (fx->path, noise, 0);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_NOT_A_VAULT);
}

static void
test_not_a_vault_sqlite (VaultFixture  *fx,
                         gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_NOT_A_VAULT);
}

static void
patch_both_copies (const char *path,
                   gsize       offset,
                   guint8      value)
{
  g_autoptr(GBytes) bytes = read_file_bytes (path);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  data[offset] = value;
  data[WTW_HEADER_SIZE + offset] = value;
  write_file_bytes (path, data, g_bytes_get_size (bytes));
  g_free (data);
}

/* Recomputes the unkeyed checksum of both copies, as anyone can. */
static void
fix_checksums (const char *path)
{
  g_autoptr(GBytes) bytes = read_file_bytes (path);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint copy = 0; copy < 2; copy++)
    {
      guint8 *h = data + copy * WTW_HEADER_SIZE;

      crypto_generichash (h + 4064, 32, h, 4064, NULL, 0);
    }
  write_file_bytes (path, data, g_bytes_get_size (bytes));
  g_free (data);
}

static void
test_unsupported_version (VaultFixture  *fx,
                          gconstpointer  data)
{
  vault_fixture_create (fx);
  wtw_vault_lock (fx->vault);
  /* A damaged version field is damage, not a newer version... */
  patch_both_copies (fx->path, 8, 2);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_CORRUPTED);
  /* ...an intact header of version 2 is. */
  fix_checksums (fx->path);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE,
                WTW_VAULT_ERROR_UNSUPPORTED_VERSION);
}

static void
test_newer_schema (VaultFixture  *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vault_fixture_create (fx);
  _wtw_vault_exec (fx->vault, "PRAGMA user_version=999;", &error);
  g_assert_no_error (error);
  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE,
                WTW_VAULT_ERROR_UNSUPPORTED_VERSION);
}

static void
test_torn_header (VaultFixture  *fx,
                  gconstpointer  data)
{
  vault_fixture_create (fx);
  add_entry (fx->vault, "Survives", "a torn header copy", FALSE);
  wtw_vault_lock (fx->vault);

  /* One copy torn (as by a crash mid-update): the other one is used. */
  flip_byte (fx->path, 700);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  wtw_vault_lock (fx->vault);
  flip_byte (fx->path, WTW_HEADER_SIZE + 700);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_CORRUPTED);
}

/* Changes a byte of another slot in both copies and repairs the unkeyed
 * checksums, as an attacker can: only the MAC can notice. */
static void
tamper_slot_fix_checksums (const char *path,
                           gsize       offset)
{
  g_autoptr(GBytes) bytes = read_file_bytes (path);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint copy = 0; copy < 2; copy++)
    {
      guint8 *h = data + copy * WTW_HEADER_SIZE;

      h[offset] ^= 0x01;
      crypto_generichash (h + 4064, 32, h, 4064, NULL, 0);
    }
  write_file_bytes (path, data, g_bytes_get_size (bytes));
  g_free (data);
}

static void
test_tampered_slot (VaultFixture  *fx,
                    gconstpointer  data)
{
  vault_fixture_create (fx);
  wtw_vault_lock (fx->vault);
  /* Slot 1 is the recovery slot; its salt is at 64 + 384 + 32. */
  tamper_slot_fix_checksums (fx->path, 64 + 384 + 32);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_CORRUPTED);
}

static void
test_busy (VaultFixture  *fx,
           gconstpointer  data)
{
  g_autoptr(WtwVault) other = wtw_vault_new (fx->file);
  g_autoptr(GError) error = NULL;

  vault_fixture_create (fx);
  _wtw_vault_exec (fx->vault, "BEGIN EXCLUSIVE; DELETE FROM settings;", &error);
  g_assert_no_error (error);

  _wtw_vault_set_busy_timeout (other, 50);
  unlock_fails (other, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_BUSY);

  _wtw_vault_exec (fx->vault, "COMMIT;", &error);
  g_assert_no_error (error);
  unlock_ok (other, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  add_entry (other, "From the other window", "both open", FALSE);
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_change_passphrase (VaultFixture  *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  vault_fixture_create (fx);
  for (guint i = 0; i < 20; i++)
    add_entry (fx->vault, "Entry", "kept through a passphrase change", i % 3 == 0);
  before = read_file_bytes (fx->path);

  g_assert_false (wtw_vault_change_passphrase (fx->vault, "not it", PASSPHRASE_2, &floor_params,
                                               NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (wtw_vault_change_passphrase (fx->vault, PASSPHRASE, PASSPHRASE_2, &floor_params,
                                              NULL, &error));
  g_assert_no_error (error);

  /* Header only: every page is byte for byte what it was. */
  after = read_file_bytes (fx->path);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (before, NULL) + WTW_HEADER_AREA,
                   g_bytes_get_size (before) - WTW_HEADER_AREA,
                   (const guint8 *) g_bytes_get_data (after, NULL) + WTW_HEADER_AREA,
                   g_bytes_get_size (after) - WTW_HEADER_AREA);

  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (fx->vault, PASSPHRASE_2, WTW_SECRET_PASSPHRASE);
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 20);
  {
    g_autoptr(GPtrArray) all = wtw_vault_journal_list (fx->vault, 0, 0, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (all, i))->title, ==, "Entry");
  }
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, fx->recovery_key, WTW_SECRET_RECOVERY_KEY);
}

static void
test_add_remove_slot (VaultFixture  *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint index = 0;

  vault_fixture_create (fx);
  g_assert_true (wtw_vault_add_key_slot (fx->vault, WTW_SECRET_PASSPHRASE, PASSPHRASE_2,
                                         &floor_params, NULL, &index, NULL, &error));
  g_assert_no_error (error);
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE_2, WTW_SECRET_PASSPHRASE);

  g_assert_true (wtw_vault_remove_key_slot (fx->vault, index, &error));
  g_assert_no_error (error);
  g_assert_false (wtw_vault_remove_key_slot (fx->vault, index, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, PASSPHRASE_2, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);

  /* Recovery slot goes; the passphrase slot, now the last, stays. */
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_remove_key_slot (fx->vault, 1, &error));
  g_assert_no_error (error);
  g_assert_false (wtw_vault_remove_key_slot (fx->vault, 0, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, fx->recovery_key, WTW_SECRET_RECOVERY_KEY,
                WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
}

static void
test_slots_full (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vault_fixture_create (fx);
  for (guint i = 2; i < WTW_VAULT_MAX_SLOTS; i++)
    {
      char *key = NULL;

      g_assert_true (wtw_vault_add_key_slot (fx->vault, WTW_SECRET_RECOVERY_KEY, NULL,
                                             &floor_params, &key, NULL, NULL, &error));
      g_assert_no_error (error);
      wtw_secure_free (key);
    }
  g_assert_false (wtw_vault_add_key_slot (fx->vault, WTW_SECRET_PASSPHRASE, PASSPHRASE_2,
                                          &floor_params, NULL, NULL, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NO_FREE_SLOT);
  g_clear_error (&error);
  g_assert_cmpint (wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, NULL,
                                         NULL, &error), ==, 0);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NO_FREE_SLOT);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) members = wtw_vault_list_members (fx->vault, &error);

    g_assert_cmpuint (members->len, ==, 1);
  }
}

static void
test_regenerate_recovery (VaultFixture  *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *fresh;

  vault_fixture_create (fx);
  fresh = wtw_vault_regenerate_recovery_key (fx->vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fresh, !=, fx->recovery_key);
  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, fx->recovery_key, WTW_SECRET_RECOVERY_KEY,
                WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (fx->vault, fresh, WTW_SECRET_RECOVERY_KEY);
  wtw_secure_free (fresh);
}

static void
assert_sealed_for_other (WtwVault *vault,
                         gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (vault, id, &error);
  g_autoptr(WtwJournalEntry) change = wtw_journal_entry_copy (entry);

  g_assert_no_error (error);
  g_assert_true (entry->is_private);
  g_assert_true (entry->sealed);
  g_assert_null (entry->title);
  g_assert_null (entry->body);
  g_assert_null (entry->mood);
  change->title = g_strdup ("overwritten");
  g_assert_false (wtw_vault_journal_update (vault, change, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wtw_vault_journal_delete (vault, id, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_members (VaultFixture  *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(WtwJournalEntry) own = NULL;
  char *sam_recovery = NULL;
  gint64 sam, secret_id, shared_id;

  vault_fixture_create (fx);
  sam = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &sam_recovery,
                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam, ==, 2);
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, 1);
  members = wtw_vault_list_members (fx->vault, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((WtwVaultMember *) g_ptr_array_index (members, 1))->name, ==, "Sam");

  secret_id = add_entry (fx->vault, "Only mine", "Alex-private-words", TRUE);
  shared_id = add_entry (fx->vault, "Ours", "for both of us", FALSE);

  g_assert_false (wtw_vault_switch_member (fx->vault, "wrong", NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Alex");

  g_assert_true (wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Sam");
  assert_sealed_for_other (fx->vault, secret_id);
  {
    g_autoptr(WtwJournalEntry) shared = wtw_vault_journal_get (fx->vault, shared_id, &error);

    g_assert_cmpstr (shared->body, ==, "for both of us");
  }

  /* A fresh unlock as Sam, by passphrase and by Sam's own recovery key. */
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, sam_recovery, WTW_SECRET_RECOVERY_KEY);
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, sam);
  assert_sealed_for_other (fx->vault, secret_id);

  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  own = wtw_vault_journal_get (fx->vault, secret_id, &error);
  g_assert_no_error (error);
  g_assert_false (own->sealed);
  g_assert_cmpstr (own->body, ==, "Alex-private-words");
  wtw_secure_free (sam_recovery);
}

static void
test_private_blob_bound_to_row (VaultFixture  *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) moved = NULL;
  gint64 a, b;
  g_autofree char *sql = NULL;

  vault_fixture_create (fx);
  a = add_entry (fx->vault, "A", "first secret", TRUE);
  b = add_entry (fx->vault, "B", "second secret", TRUE);
  /* Someone with the master key swaps the sealed blobs between rows. */
  sql = g_strdup_printf ("UPDATE journal_entries SET private_blob = "
                         "(SELECT private_blob FROM journal_entries WHERE id = %" G_GINT64_FORMAT
                         ") WHERE id = %" G_GINT64_FORMAT, a, b);
  _wtw_vault_exec (fx->vault, sql, &error);
  g_assert_no_error (error);
  moved = wtw_vault_journal_get (fx->vault, b, &error);
  g_assert_null (moved);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
}

static void
test_check_good (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vault_fixture_create (fx);
  for (guint i = 0; i < 50; i++)
    add_entry (fx->vault, "Checked", "every page authenticates", i % 2);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_no_error (error);
}

static void
test_check_damaged_page (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) raw = NULL;
  gsize n_pages;

  vault_fixture_create (fx);
  for (guint i = 0; i < 50; i++)
    add_entry (fx->vault, "Damage", "somewhere in the middle of this vault", FALSE);
  wtw_vault_lock (fx->vault);
  raw = read_file_bytes (fx->path);
  n_pages = (g_bytes_get_size (raw) - WTW_HEADER_AREA) / WTW_PAGE_SIZE;
  g_assert_cmpuint (n_pages, >=, 4);
  /* Page 3, a byte inside its ciphertext. */
  flip_byte (fx->path, WTW_HEADER_AREA + 2 * WTW_PAGE_SIZE + 100);

  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_false (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
  g_assert_nonnull (strstr (error->message, "page 3 "));
  g_clear_error (&error);

  /* The same from a worker thread. */
  {
    GAsyncResult *result = NULL;

    wtw_vault_check_async (fx->vault, NULL, on_async_done_cb, &result);
    g_assert_false (wtw_vault_check_finish (fx->vault, wait_for (&result), &error));
    g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
    g_assert_nonnull (strstr (error->message, "page 3 "));
    g_clear_object (&result);
  }
}

static void
test_damaged_page_one (VaultFixture  *fx,
                       gconstpointer  data)
{
  vault_fixture_create (fx);
  wtw_vault_lock (fx->vault);
  flip_byte (fx->path, WTW_HEADER_AREA + WTW_PAGE_SIZE - 1);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_CORRUPTED);
  {
    g_autoptr(GError) error = NULL;

    wtw_vault_unlock (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error);
    g_assert_nonnull (strstr (error->message, "page 1 "));
  }
}

/* Pages are bound to their number: two valid pages swapped do not read. */
static void
test_swapped_pages (VaultFixture  *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) raw = NULL;
  guint8 *bytes;
  gsize len;

  vault_fixture_create (fx);
  for (guint i = 0; i < 50; i++)
    add_entry (fx->vault, "Swap", "pages may not move", FALSE);
  wtw_vault_lock (fx->vault);
  raw = read_file_bytes (fx->path);
  bytes = g_memdup2 (g_bytes_get_data (raw, &len), g_bytes_get_size (raw));
  {
    guint8 tmp[WTW_PAGE_SIZE];
    guint8 *p2 = bytes + WTW_HEADER_AREA + WTW_PAGE_SIZE;
    guint8 *p4 = bytes + WTW_HEADER_AREA + 3 * WTW_PAGE_SIZE;

    memcpy (tmp, p2, WTW_PAGE_SIZE);
    memcpy (p2, p4, WTW_PAGE_SIZE);
    memcpy (p4, tmp, WTW_PAGE_SIZE);
  }
  write_file_bytes (fx->path, bytes, len);
  g_free (bytes);

  /* Opening reads the members table, which may sit on a moved page. */
  if (wtw_vault_unlock (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, &error))
    g_assert_false (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
  g_assert_true (strstr (error->message, "page 2 ") || strstr (error->message, "page 4 "));
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
assert_header_file_ids_differ (const char *a,
                               const char *b)
{
  g_autoptr(GBytes) x = read_file_bytes (a);
  g_autoptr(GBytes) y = read_file_bytes (b);

  g_assert_true (memcmp ((const guint8 *) g_bytes_get_data (x, NULL) + 16,
                         (const guint8 *) g_bytes_get_data (y, NULL) + 16, 16) != 0);
}

static void
test_export (VaultFixture  *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = g_build_filename (fx->dir, "copy.wtw", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(WtwVault) copy = wtw_vault_new (dest);
  g_autoptr(WtwCryptKeys) old_keys = NULL;
  char *sam_recovery = NULL;
  double last = 0;
  sqlite3 *db = NULL;

  vault_fixture_create (fx);
  wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &sam_recovery, NULL,
                        &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    add_entry (fx->vault, "Exported", "carried into the copy with a new key", i % 4 == 0);

  g_assert_true (wtw_vault_export (fx->vault, dest, 0, on_progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  assert_header_file_ids_differ (fx->path, dest_path);

  /* Every slot carried over, every entry there, private ones still readable. */
  unlock_ok (copy, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_cmpint (wtw_vault_journal_count (copy, &error), ==, 120);
  g_assert_true (wtw_vault_check (copy, NULL, &error));
  {
    g_autoptr(WtwJournalEntry) first = wtw_vault_journal_get (copy, 1, &error);

    g_assert_no_error (error);
    g_assert_true (first->is_private);
    g_assert_cmpstr (first->body, ==, "carried into the copy with a new key");
  }
  wtw_vault_lock (copy);
  unlock_ok (copy, fx->recovery_key, WTW_SECRET_RECOVERY_KEY);
  wtw_vault_lock (copy);
  unlock_ok (copy, PASSPHRASE_2, WTW_SECRET_PASSPHRASE);
  wtw_vault_lock (copy);
  unlock_ok (copy, sam_recovery, WTW_SECRET_RECOVERY_KEY);
  wtw_vault_lock (copy);

  /* The old master key does not read the copy. */
  old_keys = wtw_crypt_keys_new (wtw_crypt_keys_get_master (_wtw_vault_get_keys (fx->vault)),
                                 wtw_crypt_keys_get_file_id (_wtw_vault_get_keys (fx->vault)));
  g_assert_cmpint (wtw_crypt_vfs_open (dest_path, old_keys, SQLITE_OPEN_READWRITE, &db), !=,
                   SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (wtw_vault_export (fx->vault, dest, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_EXISTS);
  wtw_secure_free (sam_recovery);
}

static void
test_export_drop_member (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = g_build_filename (fx->dir, "mine.wtw", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(WtwVault) copy = wtw_vault_new (dest);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GBytes) raw = NULL;
  gint64 sam;

  vault_fixture_create (fx);
  sam = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, NULL, NULL, &error);
  add_entry (fx->vault, "Alex's", "stays", FALSE);
  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  add_entry (fx->vault, "Sam's", "goes", FALSE);

  g_assert_true (wtw_vault_export (fx->vault, dest, sam, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  unlock_fails (copy, PASSPHRASE_2, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (copy, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  members = wtw_vault_list_members (copy, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (wtw_vault_journal_count (copy, &error), ==, 1);
  {
    g_autoptr(GPtrArray) slots = wtw_vault_list_key_slots (copy, &error);

    g_assert_cmpuint (slots->len, ==, 2);
  }
}

#define PLANTED "a way back in, kept for later"

/* What a member with the master key and their own tools can do: add a slot
 * that opens with their own passphrase but is labelled as the other member.
 * Returns the planted slot's index. */
static guint
plant_slot (WtwVault *vault,
            const char *path,
            gint64    labelled_as)
{
  g_autoptr(GError) error = NULL;
  WtwHeader header = *_wtw_vault_get_header (vault);
  int index = wtw_header_free_slot (&header);
  guint8 fake_personal[WTW_KEY_BYTES];

  g_assert_cmpint (index, >=, 0);
  randombytes_buf (fake_personal, sizeof fake_personal);
  g_assert_true (wtw_slot_fill (&header, (guint) index, WTW_SLOT_PASSPHRASE, (guint64) labelled_as,
                                &floor_params, PLANTED, strlen (PLANTED), fake_personal,
                                wtw_crypt_keys_get_master (_wtw_vault_get_keys (vault))));
  g_assert_true (wtw_header_write (path, &header, _wtw_vault_get_keys (vault), &error));
  g_assert_no_error (error);
  _wtw_vault_set_header (vault, &header);
  return (guint) index;
}

/* Dropping a member keeps only the slots the remaining member's own key
 * vouches for: a slot the dropped member planted under the other's name
 * opens the old file, never the copy. */
static void
test_export_drops_planted_slot (VaultFixture  *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = g_build_filename (fx->dir, "without-sam.wtw", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(WtwVault) copy = wtw_vault_new (dest);
  g_autoptr(WtwVault) old = wtw_vault_new (fx->file);
  gint64 alex, sam;

  vault_fixture_create (fx);
  alex = wtw_vault_get_member_id (fx->vault);
  sam = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Every slot the app makes carries its owner's tag. */
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    {
      const WtwSlot *slot = &_wtw_vault_get_header (fx->vault)->slots[i];

      if (slot->kind != WTW_SLOT_EMPTY && (gint64) slot->member_id == alex)
        g_assert_true (wtw_slot_owner_valid (slot, _wtw_vault_get_personal_key (fx->vault)));
    }

  /* Sam, in the vault with his own passphrase, plants a slot named Alex's. */
  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  plant_slot (fx->vault, fx->path, alex);
  unlock_ok (old, PLANTED, WTW_SECRET_PASSPHRASE);
  wtw_vault_lock (old);

  /* Alex drops Sam. */
  wtw_vault_switch_member (fx->vault, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wtw_vault_export (fx->vault, dest, sam, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  unlock_fails (copy, PLANTED, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_fails (copy, PASSPHRASE_2, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (copy, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  wtw_vault_lock (copy);
  unlock_ok (copy, fx->recovery_key, WTW_SECRET_RECOVERY_KEY);
  {
    g_autoptr(GPtrArray) slots = wtw_vault_list_key_slots (copy, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (slots->len, ==, 2);
  }
}

/* Someone with the master key zeroes the other member's owner tags (or the
 * vault is from before them) and plants a slot: a zero tag proves nothing,
 * so the copy keeps only the member's slot that was seen to open, vouched
 * for from now on; an untagged recovery slot never seen to open is left
 * out (its key must be made again), and so is the planted one. */
static void
test_export_zeroed_tags (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = g_build_filename (fx->dir, "zeroed.wtw", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(WtwVault) copy = wtw_vault_new (dest);
  WtwHeader header;
  gint64 alex, sam;

  vault_fixture_create (fx);
  alex = wtw_vault_get_member_id (fx->vault);
  sam = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, NULL, NULL, &error);
  g_assert_no_error (error);
  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  header = *_wtw_vault_get_header (fx->vault);
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    memset (header.slots[i].owner_tag, 0, WTW_KEY_BYTES);
  g_assert_true (wtw_header_write (fx->path, &header, _wtw_vault_get_keys (fx->vault), &error));
  g_assert_no_error (error);
  _wtw_vault_set_header (fx->vault, &header);
  plant_slot (fx->vault, fx->path, alex);
  {
    /* The planted slot is untagged too. */
    WtwHeader planted = *_wtw_vault_get_header (fx->vault);

    for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
      memset (planted.slots[i].owner_tag, 0, WTW_KEY_BYTES);
    g_assert_true (wtw_header_write (fx->path, &planted, _wtw_vault_get_keys (fx->vault), &error));
    g_assert_no_error (error);
    _wtw_vault_set_header (fx->vault, &planted);
  }

  /* Alex opens the vault afresh and drops Sam. */
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_export (fx->vault, dest, sam, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  unlock_fails (copy, PLANTED, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_fails (copy, fx->recovery_key, WTW_SECRET_RECOVERY_KEY, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (copy, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  {
    g_autoptr(GPtrArray) slots = wtw_vault_list_key_slots (copy, &error);
    const WtwHeader *kept = _wtw_vault_get_header (copy);

    g_assert_no_error (error);
    g_assert_cmpuint (slots->len, ==, 1);
    for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
      if (kept->slots[i].kind != WTW_SLOT_EMPTY)
        g_assert_true (wtw_slot_owner_valid (&kept->slots[i], _wtw_vault_get_personal_key (copy)));
  }
}

static void
test_export_async (VaultFixture  *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = g_build_filename (fx->dir, "async.wtw", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(WtwVault) copy = wtw_vault_new (dest);
  GAsyncResult *result = NULL;
  double last = 0;

  vault_fixture_create (fx);
  for (guint i = 0; i < 200; i++)
    add_entry (fx->vault, "Async", "exported in a worker thread", FALSE);
  wtw_vault_export_async (fx->vault, dest, 0, on_progress_cb, &last, NULL, on_async_done_cb,
                          &result);
  g_assert_true (wtw_vault_export_finish (fx->vault, wait_for (&result), &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (last, ==, 1.0);
  g_clear_object (&result);
  unlock_ok (copy, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_cmpint (wtw_vault_journal_count (copy, &error), ==, 200);
}

static void
test_vacuum (VaultFixture  *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  guint8 page[WTW_PAGE_SIZE];

  vault_fixture_create (fx);
  for (guint i = 0; i < 300; i++)
    add_entry (fx->vault, "Vacuumed", "a body long enough to need several pages of storage", FALSE);
  _wtw_vault_exec (fx->vault, "DELETE FROM journal_entries WHERE id % 3 != 0;", &error);
  g_assert_no_error (error);
  before = read_file_bytes (fx->path);

  g_assert_true (_wtw_vault_exec (fx->vault, "VACUUM;", &error));
  g_assert_no_error (error);
  after = read_file_bytes (fx->path);
  g_assert_cmpuint (g_bytes_get_size (after), <, g_bytes_get_size (before));

  /* Page 1 still says 40 reserved bytes (the VFS refuses any other), and every
   * page still authenticates after closing and opening again. */
  g_assert_cmpint (wtw_crypt_vfs_read_page (_wtw_vault_get_db (fx->vault, NULL), 1, page), ==,
                   SQLITE_OK);
  g_assert_cmpint (page[20], ==, WTW_PAGE_RESERVE);
  g_assert_cmpint ((page[16] << 8) | page[17], ==, WTW_PAGE_SIZE);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_no_error (error);
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 100);
}

static void
assert_denied (WtwVault   *vault,
               const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (_wtw_vault_exec (vault, sql, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
}

static void
test_authorizer (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *into = g_build_filename (fx->dir, "plain.db", NULL);
  g_autofree char *vacuum_into = g_strdup_printf ("VACUUM INTO '%s';", into);
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS plain;", into);
  g_autofree char *mode = NULL;

  vault_fixture_create (fx);
  assert_denied (fx->vault, "PRAGMA page_size=1024;");
  assert_denied (fx->vault, "PRAGMA journal_mode=WAL;");
  assert_denied (fx->vault, "PRAGMA journal_mode=OFF;");
  assert_denied (fx->vault, "PRAGMA mmap_size=1000000;");
  assert_denied (fx->vault, "PRAGMA temp_store=FILE;");
  assert_denied (fx->vault, "PRAGMA synchronous=OFF;");
  assert_denied (fx->vault, "PRAGMA writable_schema=ON;");
  assert_denied (fx->vault, vacuum_into);
  assert_denied (fx->vault, attach);
  g_assert_false (g_file_test (into, G_FILE_TEST_EXISTS));

  /* Allowed: what the store itself needs. */
  mode = _wtw_vault_query_string (fx->vault, "PRAGMA user_version;", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll (mode, NULL, 10), ==, WTW_VAULT_SCHEMA_VERSION);
}

static void
test_disk_full (VaultFixture  *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwJournalEntry) big = wtw_journal_entry_new ();

  vault_fixture_create (fx);
  for (guint i = 0; i < 10; i++)
    add_entry (fx->vault, "Saved", "before the disk filled up", FALSE);

  big->title = g_strdup ("Too big");
  big->body = g_strnfill (200000, 'x');
  _wtw_crypt_vfs_set_full_after (20000);
  g_assert_false (wtw_vault_journal_insert (fx->vault, big, &error));
  _wtw_crypt_vfs_set_full_after (-1);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL);
  g_clear_error (&error);

  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 10);
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, &error), ==, 10);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_no_error (error);
}

/* The child: a big transaction that spills pages into the database file
 * (journal records written first), then dies without committing. */
static void
crash_mid_transaction (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwVault) vault = wtw_vault_new (file);
  g_autoptr(GError) error = NULL;

  unlock_ok (vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  _wtw_vault_exec (vault, "PRAGMA cache_size=2; BEGIN IMMEDIATE;"
                          "UPDATE journal_entries SET body = upper(body) || body;"
                          "DELETE FROM journal_entries WHERE id % 2 = 0;", &error);
  g_assert_no_error (error);
  _exit (0);
}

static void
test_hot_journal (VaultFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GPtrArray) all = NULL;

  if (g_test_subprocess ())
    {
      crash_mid_transaction (g_getenv ("WTW_TEST_VAULT"));
      return;
    }
  vault_fixture_create (fx);
  for (guint i = 0; i < 200; i++)
    add_entry (fx->vault, "Before the crash", "this text must come back unchanged", FALSE);
  wtw_vault_lock (fx->vault);

  g_setenv ("WTW_TEST_VAULT", fx->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  journal = g_strconcat (fx->path, "-journal", NULL);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GBytes) records = read_file_bytes (journal);

    /* A header and page records (4 + 4096 + 4 bytes each), none in clear. */
    g_assert_cmpuint (g_bytes_get_size (records), >, 512 + 3 * (4 + WTW_PAGE_SIZE + 4));
    g_assert_false (bytes_contain (records, "come back unchanged"));
    g_assert_false (bytes_contain (records, "SQLite format 3"));
  }

  /* Opening rolls the hot journal back: its records must decrypt. */
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_check (fx->vault, NULL, &error));
  g_assert_no_error (error);
  all = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  g_assert_cmpuint (all->len, ==, 200);
  {
    g_autoptr(WtwJournalEntry) e = wtw_vault_journal_get (fx->vault, 2, &error);

    g_assert_cmpstr (e->body, ==, "this text must come back unchanged");
  }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_slots_async (VaultFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  char *sam_recovery = NULL;
  gint64 sam;

  vault_fixture_create (fx);
  wtw_vault_change_passphrase_async (fx->vault, "wrong", PASSPHRASE_2, &floor_params, NULL,
                                     on_async_done_cb, &result);
  g_assert_false (wtw_vault_change_passphrase_finish (fx->vault, wait_for (&result), &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&result);

  wtw_vault_change_passphrase_async (fx->vault, PASSPHRASE, "third one", &floor_params, NULL,
                                     on_async_done_cb, &result);
  g_assert_true (wtw_vault_change_passphrase_finish (fx->vault, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  wtw_vault_add_member_async (fx->vault, "Sam", PASSPHRASE_2, &floor_params, NULL,
                              on_async_done_cb, &result);
  sam = wtw_vault_add_member_finish (fx->vault, wait_for (&result), &sam_recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam, ==, 2);
  g_assert_nonnull (sam_recovery);
  g_clear_object (&result);
  {
    g_autoptr(GPtrArray) slots = wtw_vault_list_key_slots (fx->vault, &error);

    g_assert_cmpuint (slots->len, ==, 4);
  }

  wtw_vault_switch_member_async (fx->vault, PASSPHRASE_2, NULL, on_async_done_cb, &result);
  g_assert_true (wtw_vault_switch_member_finish (fx->vault, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Sam");
  g_clear_object (&result);

  wtw_vault_lock (fx->vault);
  unlock_fails (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE, WTW_VAULT_ERROR_WRONG_PASSPHRASE);
  unlock_ok (fx->vault, "third one", WTW_SECRET_PASSPHRASE);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Alex");
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, sam_recovery, WTW_SECRET_RECOVERY_KEY);
  g_assert_cmpstr (wtw_vault_get_member_name (fx->vault), ==, "Sam");
  wtw_secure_free (sam_recovery);
}

static void
add_test (const char *path,
          void      (*func) (VaultFixture *, gconstpointer))
{
  g_test_add (path, VaultFixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  add_test ("/wtw/vault/create/round-trip", test_round_trip);
  add_test ("/wtw/vault/create/exists", test_create_exists);
  add_test ("/wtw/vault/create/below-floor", test_create_below_floor);
  add_test ("/wtw/vault/create/async", test_async);
  add_test ("/wtw/vault/unlock/wrong-passphrase", test_wrong_passphrase);
  add_test ("/wtw/vault/unlock/normalized-passphrase", test_passphrase_normalized);
  add_test ("/wtw/vault/unlock/recovery-key", test_recovery_key);
  add_test ("/wtw/vault/unlock/every-slot", test_every_slot);
  add_test ("/wtw/vault/unlock/not-found", test_not_found);
  add_test ("/wtw/vault/unlock/not-a-vault-random", test_not_a_vault_random);
  add_test ("/wtw/vault/unlock/not-a-vault-sqlite", test_not_a_vault_sqlite);
  add_test ("/wtw/vault/unlock/unsupported-version", test_unsupported_version);
  add_test ("/wtw/vault/unlock/newer-schema", test_newer_schema);
  add_test ("/wtw/vault/unlock/torn-header", test_torn_header);
  add_test ("/wtw/vault/unlock/tampered-slot", test_tampered_slot);
  add_test ("/wtw/vault/unlock/busy", test_busy);
  add_test ("/wtw/vault/slots/change-passphrase", test_change_passphrase);
  add_test ("/wtw/vault/slots/add-remove", test_add_remove_slot);
  add_test ("/wtw/vault/slots/full", test_slots_full);
  add_test ("/wtw/vault/slots/regenerate-recovery", test_regenerate_recovery);
  add_test ("/wtw/vault/slots/async", test_slots_async);
  add_test ("/wtw/vault/members/private-sealed", test_members);
  add_test ("/wtw/vault/members/private-blob-bound-to-row", test_private_blob_bound_to_row);
  add_test ("/wtw/vault/check/good", test_check_good);
  add_test ("/wtw/vault/check/damaged-page", test_check_damaged_page);
  add_test ("/wtw/vault/check/damaged-page-one", test_damaged_page_one);
  add_test ("/wtw/vault/check/swapped-pages", test_swapped_pages);
  add_test ("/wtw/vault/export/round-trip", test_export);
  add_test ("/wtw/vault/export/drop-member", test_export_drop_member);
  add_test ("/wtw/vault/export/drops-planted-slot", test_export_drops_planted_slot);
  add_test ("/wtw/vault/export/zeroed-tags", test_export_zeroed_tags);
  add_test ("/wtw/vault/export/async", test_export_async);
  add_test ("/wtw/vault/sql/vacuum", test_vacuum);
  add_test ("/wtw/vault/sql/authorizer", test_authorizer);
  add_test ("/wtw/vault/sql/disk-full", test_disk_full);
  add_test ("/wtw/vault/sql/hot-journal-rollback", test_hot_journal);

  return g_test_run ();
}
