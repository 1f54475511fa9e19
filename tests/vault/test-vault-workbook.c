/* test-vault-workbook.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-workbook"

#include "config.h"

#include "vault-test-util.h"
#include "wtw-vault-workbook.h"

static WtwReflection *
get_ok (WtwVault   *vault,
        const char *prompt_id,
        gint64      member_id)
{
  g_autoptr(GError) error = NULL;
  WtwReflection *reflection = wtw_vault_reflection_get (vault, "ch", prompt_id, member_id,
                                                        &error);

  g_assert_no_error (error);
  g_assert_nonnull (reflection);
  return reflection;
}

static void
set_ok (WtwVault   *vault,
        const char *prompt_id,
        const char *body,
        gboolean    is_private)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wtw_vault_reflection_set (vault, "ch", prompt_id, body, is_private, &error));
  g_assert_no_error (error);
}

static gint64
add_sam (VaultFixture *fx)
{
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  gint64 sam;

  sam = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery,
                              NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  return sam;
}

static void
test_reflections (VaultFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReflection) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 alex;

  vault_fixture_create (fx);
  alex = wtw_vault_get_member_id (fx->vault);

  g_assert_null (wtw_vault_reflection_get (fx->vault, "ch", "p1", alex, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  set_ok (fx->vault, "p1", "I go quiet when I feel blamed.", FALSE);
  set_ok (fx->vault, "p1", "I go quiet when I feel judged.", FALSE);
  got = get_ok (fx->vault, "p1", alex);
  g_assert_cmpstr (got->body, ==, "I go quiet when I feel judged.");
  g_assert_false (got->is_private);
  g_assert_false (got->sealed);
  g_assert_cmpint (got->updated, >, 0);

  /* An empty answer removes the row. */
  set_ok (fx->vault, "p2", "Something", FALSE);
  set_ok (fx->vault, "p2", "", FALSE);
  list = wtw_vault_reflection_list (fx->vault, "ch", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = wtw_vault_reflection_list (fx->vault, "other-chapter", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_private_reflections (VaultFixture  *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) file = NULL;
  WtwReflection *r;
  gint64 alex, sam;

  vault_fixture_create (fx);
  alex = wtw_vault_get_member_id (fx->vault);
  sam = add_sam (fx);

  set_ok (fx->vault, "p1", "Alex keeps this to themself", TRUE);
  set_ok (fx->vault, "p2", "Alex shares this", FALSE);
  r = get_ok (fx->vault, "p1", alex);
  g_assert_cmpstr (r->body, ==, "Alex keeps this to themself");
  g_assert_true (r->is_private);
  g_assert_false (r->sealed);
  wtw_reflection_free (r);

  /* Sam sees that Alex answered privately, never the text. */
  g_assert_true (wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, sam);
  set_ok (fx->vault, "p1", "Sam's private answer", TRUE);

  list = wtw_vault_reflection_list (fx->vault, "ch", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  r = list->pdata[0];
  g_assert_cmpstr (r->prompt_id, ==, "p1");
  g_assert_cmpint (r->member_id, ==, alex);
  g_assert_true (r->is_private);
  g_assert_true (r->sealed);
  g_assert_null (r->body);
  r = list->pdata[1];
  g_assert_cmpint (r->member_id, ==, sam);
  g_assert_cmpstr (r->body, ==, "Sam's private answer");
  g_assert_false (r->sealed);
  r = list->pdata[2];
  g_assert_cmpstr (r->body, ==, "Alex shares this");
  g_clear_pointer (&list, g_ptr_array_unref);

  r = get_ok (fx->vault, "p1", alex);
  g_assert_true (r->sealed);
  g_assert_null (r->body);
  wtw_reflection_free (r);

  /* Nothing private is in the file in clear, nor in plaintext pages. */
  wtw_vault_lock (fx->vault);
  file = read_file_bytes (fx->path);
  g_assert_false (bytes_contain (file, "Alex keeps this"));
  g_assert_false (bytes_contain (file, "Sam's private"));
  g_assert_false (bytes_contain (file, "Alex shares this"));

  /* Round trip: after unlocking again, each sees what they saw before. */
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  r = get_ok (fx->vault, "p1", alex);
  g_assert_cmpstr (r->body, ==, "Alex keeps this to themself");
  wtw_reflection_free (r);
  r = get_ok (fx->vault, "p1", sam);
  g_assert_true (r->sealed);
  g_assert_null (r->body);
  wtw_reflection_free (r);

  /* Alex can make the private answer public again. */
  set_ok (fx->vault, "p1", "Now shared", FALSE);
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE_2, WTW_SECRET_PASSPHRASE);
  r = get_ok (fx->vault, "p1", alex);
  g_assert_false (r->sealed);
  g_assert_cmpstr (r->body, ==, "Now shared");
  wtw_reflection_free (r);
}

static void
test_tampered_blob (VaultFixture  *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 alex;

  vault_fixture_create (fx);
  alex = wtw_vault_get_member_id (fx->vault);
  set_ok (fx->vault, "p1", "Sealed for p1", TRUE);

  /* A blob moved to another prompt does not open there. */
  g_assert_true (_wtw_vault_exec (fx->vault, "UPDATE reflections SET prompt_id = 'p9'", &error));
  g_assert_no_error (error);
  g_assert_null (wtw_vault_reflection_get (fx->vault, "ch", "p9", alex, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
  g_clear_error (&error);
  list = wtw_vault_reflection_list (fx->vault, "ch", &error);
  g_assert_null (list);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
}

static void
test_progress (VaultFixture  *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = NULL;
  gint64 alex, sam;

  vault_fixture_create (fx);
  alex = wtw_vault_get_member_id (fx->vault);
  sam = add_sam (fx);

  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", alex, &error), ==, 0);
  g_assert_true (wtw_vault_progress_set (fx->vault, "ch", 1, TRUE, &error));
  g_assert_true (wtw_vault_progress_set (fx->vault, "ch", 3, TRUE, &error));
  g_assert_true (wtw_vault_progress_set (fx->vault, "ch", 3, TRUE, &error));
  g_assert_true (wtw_vault_progress_set (fx->vault, "other", 4, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", alex, &error), ==, 0x5);
  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", sam, &error), ==, 0);

  g_assert_true (wtw_vault_progress_set (fx->vault, "ch", 1, FALSE, &error));
  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", alex, &error), ==, 0x4);

  g_assert_false (wtw_vault_progress_set (fx->vault, "ch", 5, TRUE, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (wtw_vault_progress_set (fx->vault, "ch", 0, TRUE, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);

  table = wtw_vault_progress_list (fx->vault, alex, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (table), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (table, "ch")), ==, 0x4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (table, "other")), ==, 0x8);

  /* Per member, and kept across a lock. */
  wtw_vault_lock (fx->vault);
  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", alex, &error), ==, -1);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  unlock_ok (fx->vault, PASSPHRASE_2, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_progress_set (fx->vault, "ch", 2, TRUE, &error));
  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", sam, &error), ==, 0x2);
  g_assert_cmpint (wtw_vault_progress_get (fx->vault, "ch", alex, &error), ==, 0x4);
  g_assert_no_error (error);
}

static void
test_exercise_sessions (VaultFixture  *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwExerciseRecord) record = wtw_exercise_record_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *raw = NULL;
  WtwExerciseRecord *got;

  vault_fixture_create (fx);

  record->chapter_id = g_strdup ("ch");
  record->started = 1700000000;
  record->finished = 1700000720;
  record->name_a = g_strdup ("Sam");
  record->name_b = g_strdup ("Alex");
  record->notes_a = g_strdup ("I noticed I \"interrupt\".\nA lot.");
  g_assert_true (wtw_vault_exercise_insert (fx->vault, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->id, >, 0);

  /* Notes written later update the same conversation. */
  record->notes_b = g_strdup ("I felt heard.");
  g_assert_true (wtw_vault_exercise_update (fx->vault, record, &error));
  g_assert_no_error (error);

  {
    g_autoptr(WtwExerciseRecord) older = wtw_exercise_record_new ();

    older->chapter_id = g_strdup ("ch");
    older->started = 1600000000;
    g_assert_true (wtw_vault_exercise_insert (fx->vault, older, &error));
    g_free (older->chapter_id);
    older->chapter_id = g_strdup ("elsewhere");
    older->id = 0;
    g_assert_true (wtw_vault_exercise_insert (fx->vault, older, &error));
    g_assert_no_error (error);
  }

  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);

  list = wtw_vault_exercise_list (fx->vault, "ch", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  got = list->pdata[0];
  g_assert_cmpint (got->id, ==, record->id);
  g_assert_cmpint (got->started, ==, 1700000000);
  g_assert_cmpint (got->finished, ==, 1700000720);
  g_assert_cmpstr (got->name_a, ==, "Sam");
  g_assert_cmpstr (got->name_b, ==, "Alex");
  g_assert_cmpstr (got->notes_a, ==, "I noticed I \"interrupt\".\nA lot.");
  g_assert_cmpstr (got->notes_b, ==, "I felt heard.");
  got = list->pdata[1];
  g_assert_cmpint (got->finished, ==, 0);
  g_assert_null (got->name_a);
  g_assert_null (got->notes_b);

  /* The layout documented in docs/vault-format.md. */
  raw = _wtw_vault_query_string (fx->vault, "SELECT notes FROM exercise_sessions "
                                            "ORDER BY started DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (raw, "{\"partners\":[{\"name\":\"Sam\""));

  record->id = 9999;
  g_assert_false (wtw_vault_exercise_update (fx->vault, record, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_last_place (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *chapter = NULL;
  guint part = 99;

  vault_fixture_create (fx);
  add_sam (fx);

  g_assert_true (wtw_vault_get_last_place (fx->vault, &chapter, &part, &error));
  g_assert_no_error (error);
  g_assert_null (chapter);
  g_assert_cmpuint (part, ==, 0);

  g_assert_true (wtw_vault_set_last_place (fx->vault, "first", 2, &error));
  g_assert_true (wtw_vault_set_last_place (fx->vault, "always-and-never", 3, &error));
  g_assert_no_error (error);
  g_assert_false (wtw_vault_set_last_place (fx->vault, "x", 0, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);

  wtw_vault_lock (fx->vault);
  g_assert_false (wtw_vault_get_last_place (fx->vault, &chapter, &part, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  /* Sam has a place of their own. */
  unlock_ok (fx->vault, PASSPHRASE_2, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_get_last_place (fx->vault, &chapter, &part, &error));
  g_assert_null (chapter);

  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  g_assert_true (wtw_vault_get_last_place (fx->vault, &chapter, &part, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (chapter, ==, "always-and-never");
  g_assert_cmpuint (part, ==, 3);
  g_free (chapter);

  /* A value that is not ours reads as no place, not as an error. */
  g_assert_true (_wtw_vault_exec (fx->vault, "UPDATE settings SET value = 'garbage'", &error));
  g_assert_true (wtw_vault_get_last_place (fx->vault, &chapter, &part, &error));
  g_assert_no_error (error);
  g_assert_null (chapter);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_true (wtw_secure_init (NULL));
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/wtw/vault/workbook/" path, VaultFixture, NULL, \
              vault_fixture_set_up, func, vault_fixture_tear_down)

  ADD ("reflections", test_reflections);
  ADD ("private-reflections", test_private_reflections);
  ADD ("tampered-blob", test_tampered_blob);
  ADD ("progress", test_progress);
  ADD ("exercise-sessions", test_exercise_sessions);
  ADD ("last-place", test_last_place);

#undef ADD

  return g_test_run ();
}
