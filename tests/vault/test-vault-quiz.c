/* test-vault-quiz.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-quiz"

#include "config.h"

#include "vault-test-util.h"
#include "wtw-vault-quiz.h"

static const double scores_a[] = { 72, 55.5, 40, 90 };
static const double scores_b[] = { 30, 60, -1, 100 };

static gint64
save (WtwVault     *vault,
      gint64        taken,
      const char   *json,
      const double *scores)
{
  g_autoptr(GError) error = NULL;
  gint64 id = wtw_vault_quiz_save_result (vault, taken, json, scores, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_result (const WtwVaultQuizResult *result,
               gint64                    id,
               gint64                    taken,
               const char               *json,
               const double             *scores)
{
  g_assert_nonnull (result);
  g_assert_cmpint (result->id, ==, id);
  g_assert_cmpint (result->taken, ==, taken);
  g_assert_cmpstr (result->answers_json, ==, json);
  for (guint i = 0; i < WTW_VAULT_QUIZ_N_SCORES; i++)
    g_assert_cmpfloat (result->scores[i], ==, scores[i]);
}

static void
test_results_round_trip (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwVaultQuizResult) got = NULL;
  g_autoptr(WtwVaultQuizResult) copy = NULL;
  gint64 older, newer;

  vault_fixture_create (fx);
  older = save (fx->vault, 1700000000, "{\"c1\":4}", scores_a);
  newer = save (fx->vault, 1700086400, "{\"c1\":2}", scores_b);

  /* Locked, nothing is readable; unlocked again, everything is back. */
  wtw_vault_lock (fx->vault);
  g_assert_null (wtw_vault_quiz_list_results (fx->vault, 0, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (wtw_vault_quiz_save_result (fx->vault, 0, "{}", scores_a, &error), ==, 0);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);

  list = wtw_vault_quiz_list_results (fx->vault, wtw_vault_get_member_id (fx->vault), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  assert_result (list->pdata[0], newer, 1700086400, "{\"c1\":2}", scores_b);
  assert_result (list->pdata[1], older, 1700000000, "{\"c1\":4}", scores_a);
  g_assert_cmpstr (((WtwVaultQuizResult *) list->pdata[0])->member_name, ==, "Alex");

  got = wtw_vault_quiz_get_result (fx->vault, older, &error);
  g_assert_no_error (error);
  assert_result (got, older, 1700000000, "{\"c1\":4}", scores_a);
  g_assert_cmpint (got->member_id, ==, wtw_vault_get_member_id (fx->vault));
  copy = wtw_vault_quiz_result_copy (got);
  assert_result (copy, older, 1700000000, "{\"c1\":4}", scores_a);
  g_assert_true (copy->answers_json != got->answers_json);

  g_assert_null (wtw_vault_quiz_get_result (fx->vault, newer + 100, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_taken_now_and_bad_scores (VaultFixture  *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwVaultQuizResult) got = NULL;
  static const double bad[] = { 10, 101, 10, 10 };
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  vault_fixture_create (fx);
  id = save (fx->vault, 0, "{}", scores_a);
  got = wtw_vault_quiz_get_result (fx->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->taken, >=, before);
  g_assert_cmpint (got->taken, <=, g_get_real_time () / G_USEC_PER_SEC);

  g_assert_cmpint (wtw_vault_quiz_save_result (fx->vault, 0, "{}", bad, &error), ==, 0);
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
}

static void
test_progress (VaultFixture  *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *cleared = NULL;

  vault_fixture_create (fx);
  none = wtw_vault_quiz_load_progress (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (wtw_vault_quiz_save_progress (fx->vault, "{\"c1\":3}", &error));
  g_assert_no_error (error);
  wtw_vault_lock (fx->vault);
  g_assert_false (wtw_vault_quiz_save_progress (fx->vault, "{}", &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  kept = wtw_vault_quiz_load_progress (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, "{\"c1\":3}");

  g_assert_true (wtw_vault_quiz_save_progress (fx->vault, "{\"c1\":3,\"c2\":1}", &error));
  replaced = wtw_vault_quiz_load_progress (fx->vault, &error);
  g_assert_cmpstr (replaced, ==, "{\"c1\":3,\"c2\":1}");

  g_assert_true (wtw_vault_quiz_clear_progress (fx->vault, &error));
  g_assert_no_error (error);
  /* Clearing twice is not an error. */
  g_assert_true (wtw_vault_quiz_clear_progress (fx->vault, &error));
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  cleared = wtw_vault_quiz_load_progress (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_null (cleared);
}

/* Results are shared between partners, progress is each partner's own. */
static void
test_two_members (VaultFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) alex = NULL;
  g_autoptr(GPtrArray) sam = NULL;
  g_autofree char *sam_progress = NULL;
  g_autofree char *alex_progress = NULL;
  char *recovery = NULL;
  gint64 alex_id, sam_id;

  vault_fixture_create (fx);
  alex_id = wtw_vault_get_member_id (fx->vault);
  sam_id = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery,
                                 NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  save (fx->vault, 1700000000, "{\"c1\":4}", scores_a);
  g_assert_true (wtw_vault_quiz_save_progress (fx->vault, "{\"c1\":5}", &error));

  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, sam_id);
  sam_progress = wtw_vault_quiz_load_progress (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_null (sam_progress);
  save (fx->vault, 1700000500, "{\"c1\":1}", scores_b);

  /* A fresh unlock as Alex, after the file was closed. */
  wtw_vault_lock (fx->vault);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);
  alex_progress = wtw_vault_quiz_load_progress (fx->vault, &error);
  g_assert_cmpstr (alex_progress, ==, "{\"c1\":5}");

  all = wtw_vault_quiz_list_results (fx->vault, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((WtwVaultQuizResult *) all->pdata[0])->member_name, ==, "Sam");
  g_assert_cmpstr (((WtwVaultQuizResult *) all->pdata[1])->member_name, ==, "Alex");
  alex = wtw_vault_quiz_list_results (fx->vault, alex_id, &error);
  sam = wtw_vault_quiz_list_results (fx->vault, sam_id, &error);
  g_assert_cmpuint (alex->len, ==, 1);
  g_assert_cmpuint (sam->len, ==, 1);
  g_assert_cmpint (((WtwVaultQuizResult *) sam->pdata[0])->member_id, ==, sam_id);
  g_assert_cmpfloat (((WtwVaultQuizResult *) sam->pdata[0])->scores[2], ==, -1);
}

/* Nothing of a result is in the file in clear. */
static void
test_encrypted_on_disk (VaultFixture  *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;

  vault_fixture_create (fx);
  save (fx->vault, 1700000000, "{\"zebracorn\":4}", scores_a);
  g_assert_true (wtw_vault_quiz_save_progress (fx->vault, "{\"unicornish\":2}", NULL));
  wtw_vault_lock (fx->vault);
  bytes = read_file_bytes (fx->path);
  g_assert_false (bytes_contain (bytes, "zebracorn"));
  g_assert_false (bytes_contain (bytes, "unicornish"));
  g_assert_false (bytes_contain (bytes, "quiz.progress"));
}

#define add_test(path, func) \
  g_test_add (path, VaultFixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  add_test ("/wtw/vault/quiz/results", test_results_round_trip);
  add_test ("/wtw/vault/quiz/taken-now", test_taken_now_and_bad_scores);
  add_test ("/wtw/vault/quiz/progress", test_progress);
  add_test ("/wtw/vault/quiz/two-members", test_two_members);
  add_test ("/wtw/vault/quiz/encrypted", test_encrypted_on_disk);

  return g_test_run ();
}
