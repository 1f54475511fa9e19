/* test-quiz-history.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwQuizHistory, WtwQuizRecord and WtwQuizComparison over a real vault
 * (at the Argon2id floor) and the shipped quiz: results saved and listed
 * newest first, unfinished answers kept across a lock, and two partners'
 * latest scores compared.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wtw-content.h"
#include "wtw-quiz-comparison.h"
#include "wtw-quiz-history.h"
#include "wtw-secure.h"
#include "wtw-vault-quiz.h"

#define PASSPHRASE "correct horse battery staple"
#define PASSPHRASE_2 "tiled roof, sunny morning"

static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

typedef struct
{
  char     *dir;
  WtwVault *vault;
  WtwQuiz  *quiz;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  char *recovery = NULL;

  fixture->dir = g_dir_make_tmp ("wtw-quiz-history-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.wtw", NULL);
  file = g_file_new_for_path (path);
  fixture->vault = wtw_vault_new (file);
  wtw_vault_create (fixture->vault, "Alex", PASSPHRASE, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  bytes = g_resources_lookup_data (WTW_CONTENT_RESOURCE_PATH "/en/quiz.json", 0, &error);
  g_assert_no_error (error);
  fixture->quiz = wtw_quiz_new_from_bytes (bytes, "en/quiz.json", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "test.wtw", NULL);

  g_assert_finalize_object (fixture->vault);
  g_object_unref (fixture->quiz);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Answers every statement: @value, or a spread when 0. */
static WtwQuizSession *
answered_session (WtwQuiz *quiz,
                  guint    value,
                  guint    stop_after)
{
  WtwQuizSession *session = wtw_quiz_session_new (quiz);

  for (guint i = 0; !wtw_quiz_session_get_complete (session) && i < stop_after; i++)
    g_assert_true (wtw_quiz_session_answer (session, value ? value : 1 + (i * 3) % 5));

  return session;
}

static void
lock_unlock (WtwVault   *vault,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  wtw_vault_lock (vault);
  wtw_vault_unlock (vault, passphrase, WTW_SECRET_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_add_and_reload (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwQuizHistory) history = wtw_quiz_history_new (fixture->vault);
  g_autoptr(WtwQuizHistory) again = wtw_quiz_history_new (fixture->vault);
  g_autoptr(WtwQuizSession) first = answered_session (fixture->quiz, 0, G_MAXUINT);
  g_autoptr(WtwQuizSession) second = answered_session (fixture->quiz, 5, G_MAXUINT);
  g_autoptr(WtwQuizSession) partial = answered_session (fixture->quiz, 3, 2);
  g_autoptr(WtwQuizRecord) top = NULL;
  g_autoptr(WtwQuizResult) rescored = NULL;
  g_autoptr(GDateTime) taken = NULL;
  WtwQuizResult *result = wtw_quiz_session_get_result (first);
  WtwQuizRecord *record;

  g_assert_true (wtw_quiz_history_reload (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  record = wtw_quiz_history_add (history, first, 1700000000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  for (guint d = 0; d < 4; d++)
    g_assert_cmpint (wtw_quiz_record_get_score (record, d), ==,
                     wtw_quiz_result_get_score (result, d));
  g_assert_cmpstr (wtw_quiz_record_get_member_name (record), ==, "Alex");
  taken = wtw_quiz_record_dup_taken_local (record);
  g_assert_cmpint (g_date_time_to_unix (taken), ==, 1700000000);

  /* Only a complete session makes a result. */
  g_assert_null (wtw_quiz_history_add (history, partial, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_nonnull (wtw_quiz_history_add (history, second, 1800000000, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);

  lock_unlock (fixture->vault, PASSPHRASE);
  g_assert_true (wtw_quiz_history_reload (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  top = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpint (wtw_quiz_record_get_taken (top), ==, 1800000000);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (again)) == WTW_TYPE_QUIZ_RECORD);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (again), 2));

  /* The full results of a past quiz are scored again from its answers. */
  record = wtw_quiz_history_lookup (again, wtw_quiz_record_get_id (record));
  g_assert_nonnull (record);
  rescored = wtw_quiz_record_score (record, fixture->quiz, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wtw_quiz_result_get_overall (rescored), ==,
                   wtw_quiz_result_get_overall (result));
  g_assert_cmpuint (g_list_model_get_n_items (wtw_quiz_result_get_insights (rescored)), ==,
                    g_list_model_get_n_items (wtw_quiz_result_get_insights (result)));

  /* Locked, the history cannot be read. */
  wtw_vault_lock (fixture->vault);
  g_assert_false (wtw_quiz_history_reload (again, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwQuizHistory) history = wtw_quiz_history_new (fixture->vault);
  g_autoptr(WtwQuizSession) partial = answered_session (fixture->quiz, 0, 5);
  g_autoptr(WtwQuizSession) resumed = wtw_quiz_session_new (fixture->quiz);
  g_autoptr(WtwQuizSession) nothing = wtw_quiz_session_new (fixture->quiz);
  g_autofree char *saved = wtw_quiz_session_save_answers (partial);
  g_autofree char *loaded = NULL;

  g_assert_false (wtw_quiz_history_restore_progress (history, nothing, &error));
  g_assert_no_error (error);

  g_assert_true (wtw_quiz_history_save_progress (history, partial, &error));
  g_assert_no_error (error);
  lock_unlock (fixture->vault, PASSPHRASE);

  g_assert_true (wtw_quiz_history_restore_progress (history, resumed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (resumed), ==, 5);
  g_assert_cmpuint (wtw_quiz_session_get_position (resumed), ==, 5);
  loaded = wtw_quiz_session_save_answers (resumed);
  g_assert_cmpstr (loaded, ==, saved);

  /* Finishing saves a result and forgets the unfinished answers. */
  while (!wtw_quiz_session_get_complete (resumed))
    wtw_quiz_session_answer (resumed, 2);
  g_assert_nonnull (wtw_quiz_history_add (history, resumed, 0, &error));
  g_assert_false (wtw_quiz_history_restore_progress (history, nothing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (nothing), ==, 0);

  /* Starting over with no answers keeps nothing either. */
  g_assert_true (wtw_quiz_history_save_progress (history, partial, &error));
  wtw_quiz_session_restart (partial);
  g_assert_true (wtw_quiz_history_save_progress (history, partial, &error));
  g_assert_false (wtw_quiz_history_restore_progress (history, nothing, &error));
}

static void
save_scores (WtwVault *vault,
             gint64    taken,
             double    c,
             double    a,
             double    r,
             double    e)
{
  g_autoptr(GError) error = NULL;
  double scores[] = { c, a, r, e };

  g_assert_cmpint (wtw_vault_quiz_save_result (vault, taken, "{}", scores, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_comparison (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwQuizComparison) comparison = wtw_quiz_comparison_new (fixture->quiz);
  char *recovery = NULL;

  /* One member: nothing to compare. */
  save_scores (fixture->vault, 1700000000, 80, 70, 40, 60);
  g_assert_true (wtw_quiz_comparison_load (comparison, fixture->vault, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wtw_quiz_comparison_get_n_members (comparison), ==, 1);
  g_assert_null (wtw_quiz_comparison_get_name (comparison, WTW_QUIZ_PARTNER_OTHER));
  g_assert_false (wtw_quiz_comparison_get_complete (comparison));
  g_assert_cmpint (wtw_quiz_comparison_get_widest_dimension (comparison), ==, -1);

  /* Two members, the partner without a result yet. */
  wtw_vault_add_member (fixture->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery,
                        NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  g_assert_true (wtw_quiz_comparison_load (comparison, fixture->vault, &error));
  g_assert_cmpuint (wtw_quiz_comparison_get_n_members (comparison), ==, 2);
  g_assert_cmpstr (wtw_quiz_comparison_get_name (comparison, WTW_QUIZ_PARTNER_OTHER), ==, "Sam");
  g_assert_null (wtw_quiz_comparison_get_record (comparison, WTW_QUIZ_PARTNER_OTHER));
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 0), ==, -1);
  g_assert_false (wtw_quiz_comparison_get_complete (comparison));

  /* Sam takes it twice; the latest counts. Alex's older result too. */
  wtw_vault_switch_member (fixture->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  save_scores (fixture->vault, 1700000100, 10, 10, 10, 10);
  save_scores (fixture->vault, 1700000200, 75, 30, 45, 90);

  g_assert_true (wtw_quiz_comparison_load (comparison, fixture->vault, &error));
  g_assert_cmpstr (wtw_quiz_comparison_get_name (comparison, WTW_QUIZ_PARTNER_SELF), ==, "Sam");
  g_assert_cmpstr (wtw_quiz_comparison_get_name (comparison, WTW_QUIZ_PARTNER_OTHER), ==, "Alex");
  g_assert_true (wtw_quiz_comparison_get_complete (comparison));
  g_assert_cmpint (wtw_quiz_comparison_get_score (comparison, WTW_QUIZ_PARTNER_SELF, 0), ==, 75);
  g_assert_cmpint (wtw_quiz_comparison_get_score (comparison, WTW_QUIZ_PARTNER_OTHER, 0), ==, 80);
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 0), ==, 5);
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 1), ==, 40);
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 2), ==, 5);
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 3), ==, 30);
  g_assert_cmpint (wtw_quiz_comparison_get_widest_dimension (comparison), ==, 1);

  /* On a tie the dimension first in the quiz wins. */
  save_scores (fixture->vault, 1700000300, 60, 30, 80, 90);
  g_assert_true (wtw_quiz_comparison_load (comparison, fixture->vault, &error));
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 0), ==, 20);
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 1), ==, 40);
  g_assert_cmpint (wtw_quiz_comparison_get_gap (comparison, 2), ==, 40);
  g_assert_cmpint (wtw_quiz_comparison_get_widest_dimension (comparison), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add ("/wtw/quiz-history/add-and-reload", Fixture, NULL,
              fixture_set_up, test_add_and_reload, fixture_tear_down);
  g_test_add ("/wtw/quiz-history/progress", Fixture, NULL,
              fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/wtw/quiz-history/comparison", Fixture, NULL,
              fixture_set_up, test_comparison, fixture_tear_down);

  return g_test_run ();
}
