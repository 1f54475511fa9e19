/* test-quiz-session.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwQuizSession over the shipped quiz: answering, going back, progress,
 * completion and the saved answers a sitting resumes from.
 */

#include "config.h"

#include "wtw-content.h"
#include "wtw-quiz-session.h"

static WtwQuiz *
load_quiz (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  WtwQuiz *quiz;

  bytes = g_resources_lookup_data (WTW_CONTENT_RESOURCE_PATH "/en/quiz.json", 0, &error);
  g_assert_no_error (error);
  quiz = wtw_quiz_new_from_bytes (bytes, "en/quiz.json", &error);
  g_assert_no_error (error);

  return quiz;
}

typedef struct
{
  WtwQuiz        *quiz;
  WtwQuizSession *session;
  guint           n_progress;
  guint           n_complete;
  guint           n_result;
  guint           n_position;
} Fixture;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "progress"))
    fixture->n_progress++;
  else if (g_str_equal (pspec->name, "complete"))
    fixture->n_complete++;
  else if (g_str_equal (pspec->name, "result"))
    fixture->n_result++;
  else if (g_str_equal (pspec->name, "position"))
    fixture->n_position++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->quiz = load_quiz ();
  fixture->session = wtw_quiz_session_new (fixture->quiz);
  g_signal_connect (fixture->session, "notify", G_CALLBACK (on_notify_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->quiz);
}

static WtwQuizItem *
item_at (Fixture *fixture,
         guint    position)
{
  return g_list_model_get_item (wtw_quiz_get_items (fixture->quiz), position);
}

/* The answer set whose scores are worked out by hand in
 * test_session_complete(): Communication answered "Almost always" (5) to
 * every statement, Affection "Never" (1) to every one, Resolution
 * "Sometimes" (3) to every one, and Equilibrium agreeing fully with every
 * statement that counts for it (5) and not at all with every reversed one
 * (1). */
static guint
known_answer (WtwQuizItem *item)
{
  const char *dimension = wtw_quiz_item_get_dimension (item);

  if (g_str_equal (dimension, "communication"))
    return 5;
  if (g_str_equal (dimension, "affection"))
    return 1;
  if (g_str_equal (dimension, "resolution"))
    return 3;
  return wtw_quiz_item_get_reverse (item) ? 1 : 5;
}

static void
answer_all_known (Fixture *fixture)
{
  while (!wtw_quiz_session_get_complete (fixture->session))
    {
      WtwQuizItem *item = wtw_quiz_session_get_current_item (fixture->session);

      g_assert_true (wtw_quiz_session_answer (fixture->session, known_answer (item)));
    }
}

static void
test_session_new (Fixture       *fixture,
                  gconstpointer  data)
{
  WtwQuizSession *session = fixture->session;
  g_autoptr(WtwQuizItem) first = item_at (fixture, 0);
  g_autoptr(GListModel) weakest = wtw_quiz_session_dup_weakest_dimensions (session);
  g_auto(GStrv) chapters = wtw_quiz_session_dup_recommended_chapters (session);

  g_assert_true (wtw_quiz_session_get_quiz (session) == fixture->quiz);
  g_assert_cmpuint (wtw_quiz_session_get_n_items (session), ==, 28);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 0);
  g_assert_true (wtw_quiz_session_get_current_item (session) == first);
  g_assert_cmpuint (wtw_quiz_session_get_current_answer (session), ==, 0);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 0);
  g_assert_cmpfloat (wtw_quiz_session_get_progress (session), ==, 0.0);
  g_assert_false (wtw_quiz_session_get_can_go_back (session));
  g_assert_false (wtw_quiz_session_get_complete (session));
  g_assert_null (wtw_quiz_session_get_result (session));

  /* Nothing to recommend before there are scores. */
  g_assert_cmpuint (g_list_model_get_n_items (weakest), ==, 0);
  g_assert_cmpuint (g_strv_length (chapters), ==, 0);
}

static void
test_session_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  WtwQuizSession *session = fixture->session;
  g_autoptr(WtwQuizItem) first = item_at (fixture, 0);
  g_autoptr(WtwQuizItem) second = item_at (fixture, 1);

  /* Values off the scale are refused and change nothing. */
  g_assert_false (wtw_quiz_session_answer (session, 0));
  g_assert_false (wtw_quiz_session_answer (session, 6));
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 0);
  g_assert_cmpuint (fixture->n_progress + fixture->n_position, ==, 0);

  g_assert_true (wtw_quiz_session_answer (session, 4));
  g_assert_cmpuint (wtw_quiz_session_get_answer (session, wtw_quiz_item_get_id (first)), ==, 4);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 1);
  g_assert_true (wtw_quiz_session_get_current_item (session) == second);
  g_assert_cmpuint (wtw_quiz_session_get_current_answer (session), ==, 0);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 1);
  g_assert_cmpfloat_with_epsilon (wtw_quiz_session_get_progress (session), 1.0 / 28, 1e-9);
  g_assert_true (wtw_quiz_session_get_can_go_back (session));
  g_assert_cmpuint (fixture->n_progress, ==, 1);
  g_assert_cmpuint (fixture->n_position, ==, 1);

  g_assert_true (wtw_quiz_session_answer (session, 1));
  g_assert_cmpuint (wtw_quiz_session_get_answer (session, wtw_quiz_item_get_id (second)), ==, 1);
  g_assert_cmpfloat_with_epsilon (wtw_quiz_session_get_progress (session), 2.0 / 28, 1e-9);
  g_assert_cmpuint (fixture->n_progress, ==, 2);

  /* Ids that are not items have no answer. */
  g_assert_cmpuint (wtw_quiz_session_get_answer (session, "no-such-item"), ==, 0);
  g_assert_false (wtw_quiz_session_get_complete (session));
}

static void
test_session_back (Fixture       *fixture,
                   gconstpointer  data)
{
  WtwQuizSession *session = fixture->session;
  g_autoptr(WtwQuizItem) first = item_at (fixture, 0);
  g_autoptr(WtwQuizItem) second = item_at (fixture, 1);

  g_assert_false (wtw_quiz_session_go_back (session));
  g_assert_cmpuint (fixture->n_position, ==, 0);

  wtw_quiz_session_answer (session, 2);
  wtw_quiz_session_answer (session, 3);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 2);
  fixture->n_progress = 0;

  /* Going back shows the earlier answer and keeps every answer. */
  g_assert_true (wtw_quiz_session_go_back (session));
  g_assert_true (wtw_quiz_session_go_back (session));
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 0);
  g_assert_cmpuint (wtw_quiz_session_get_current_answer (session), ==, 2);
  g_assert_false (wtw_quiz_session_get_can_go_back (session));
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 2);
  g_assert_cmpuint (fixture->n_progress, ==, 0);

  /* Changing an answer replaces it, moves on, and counts it once. */
  g_assert_true (wtw_quiz_session_answer (session, 5));
  g_assert_cmpuint (wtw_quiz_session_get_answer (session, wtw_quiz_item_get_id (first)), ==, 5);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 1);
  g_assert_cmpuint (wtw_quiz_session_get_current_answer (session), ==, 3);
  g_assert_cmpuint (wtw_quiz_session_get_answer (session, wtw_quiz_item_get_id (second)), ==, 3);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 2);
  g_assert_cmpuint (fixture->n_progress, ==, 0);
}

static void
test_session_complete (Fixture       *fixture,
                       gconstpointer  data)
{
  WtwQuizSession *session = fixture->session;
  GListModel *items = wtw_quiz_get_items (fixture->quiz);
  g_autoptr(GListModel) weakest = NULL;
  g_auto(GStrv) chapters = NULL;
  WtwQuizResult *result;
  GListModel *insights;
  guint n_per_dimension[4] = { 0, };
  guint n_reversed[4] = { 0, };
  static const char * const expected_insights[] = {
    "disconnected", "talking-to-a-wall", "truly-heard", "balanced-time",
  };
  static const char * const expected_chapters[] = {
    /* Affection's chapters, then Resolution's. */
    "sharing-a-hard-feeling", "fixing-or-listening", "more-than-roommates",
    "the-feeling-underneath",
    "under-the-anger", "always-and-never", "coming-back", "sorry-without-but",
    NULL
  };

  /* The sums below rest on the shipped quiz's shape: seven statements per
   * dimension, two of them reversed. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WtwQuizItem) item = g_list_model_get_item (items, i);
      int d = wtw_quiz_get_dimension_index (fixture->quiz, wtw_quiz_item_get_dimension (item));

      g_assert_cmpint (d, >=, 0);
      n_per_dimension[d]++;
      n_reversed[d] += wtw_quiz_item_get_reverse (item);
    }
  for (guint d = 0; d < 4; d++)
    {
      g_assert_cmpuint (n_per_dimension[d], ==, 7);
      g_assert_cmpuint (n_reversed[d], ==, 2);
    }

  answer_all_known (fixture);

  g_assert_true (wtw_quiz_session_get_complete (session));
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 28);
  g_assert_cmpfloat (wtw_quiz_session_get_progress (session), ==, 1.0);
  g_assert_cmpuint (fixture->n_complete, ==, 1);
  g_assert_cmpuint (fixture->n_result, ==, 1);

  /* Worked by hand, score = round (100 × (sum − 7) / 28):
   *   C: 5 × 5 + 2 × (6 − 5) = 27 → 2000 / 28 = 71.4 → 71, "Steady" (60–79)
   *   A: 5 × 1 + 2 × (6 − 1) = 15 →  800 / 28 = 28.6 → 29, "Under strain"
   *   R: 7 × 3 = 21               → 1400 / 28 = 50       , "Mixed" (40–59)
   *   E: 7 × 5 = 35               → 2800 / 28 = 100      , "Thriving"
   *   overall: (71 + 29 + 50 + 100) / 4 = 62.5 → 63 */
  result = wtw_quiz_session_get_result (session);
  g_assert_nonnull (result);
  g_assert_cmpint (wtw_quiz_result_get_score (result, 0), ==, 71);
  g_assert_cmpint (wtw_quiz_result_get_score (result, 1), ==, 29);
  g_assert_cmpint (wtw_quiz_result_get_score (result, 2), ==, 50);
  g_assert_cmpint (wtw_quiz_result_get_score (result, 3), ==, 100);
  g_assert_cmpint (wtw_quiz_result_get_tier (result, 0), ==, 2);
  g_assert_cmpint (wtw_quiz_result_get_tier (result, 1), ==, 0);
  g_assert_cmpint (wtw_quiz_result_get_tier (result, 2), ==, 1);
  g_assert_cmpint (wtw_quiz_result_get_tier (result, 3), ==, 3);
  g_assert_cmpint (wtw_quiz_result_get_overall (result), ==, 63);

  /* Connected "Never", talking to a wall and feeling heard "Almost
   * always", time balanced with little always-together. */
  insights = wtw_quiz_result_get_insights (result);
  g_assert_cmpuint (g_list_model_get_n_items (insights), ==, G_N_ELEMENTS (expected_insights));
  for (guint i = 0; i < G_N_ELEMENTS (expected_insights); i++)
    {
      g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (insights, i);

      g_assert_cmpstr (wtw_quiz_insight_get_id (insight), ==, expected_insights[i]);
    }

  /* The two weakest are Affection (29) and Resolution (50). */
  weakest = wtw_quiz_session_dup_weakest_dimensions (session);
  g_assert_cmpuint (g_list_model_get_n_items (weakest), ==, 2);
  {
    g_autoptr(WtwQuizDimension) lowest = g_list_model_get_item (weakest, 0);
    g_autoptr(WtwQuizDimension) next = g_list_model_get_item (weakest, 1);

    g_assert_cmpstr (wtw_quiz_dimension_get_id (lowest), ==, "affection");
    g_assert_cmpstr (wtw_quiz_dimension_get_id (next), ==, "resolution");
  }
  chapters = wtw_quiz_session_dup_recommended_chapters (session);
  g_assert_cmpstrv (chapters, expected_chapters);

  /* Answering again past the end is still possible: the last item stays
   * on show, and the result follows the changed answer. */
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 27);
  g_assert_true (wtw_quiz_session_go_back (session));
  g_assert_true (wtw_quiz_session_answer (session, 3));
  g_assert_cmpuint (fixture->n_result, ==, 2);
  g_assert_true (wtw_quiz_session_get_result (session) != result);

  /* Restarting forgets everything. */
  wtw_quiz_session_restart (session);
  g_assert_false (wtw_quiz_session_get_complete (session));
  g_assert_null (wtw_quiz_session_get_result (session));
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 0);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 0);
  g_assert_cmpuint (fixture->n_complete, ==, 2);
  g_assert_cmpuint (fixture->n_result, ==, 3);
}

static void
test_session_skipped_item (Fixture       *fixture,
                           gconstpointer  data)
{
  WtwQuizSession *session = fixture->session;
  g_autoptr(WtwQuizItem) third = item_at (fixture, 2);
  g_autofree char *json = g_strdup_printf ("{\"%s\": 4}", wtw_quiz_item_get_id (third));
  g_autoptr(GError) error = NULL;

  /* Resuming puts the session on the first unanswered item, before the
   * answered one; walking on past it keeps its answer. */
  g_assert_true (wtw_quiz_session_load_answers (session, json, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 0);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 1);

  wtw_quiz_session_answer (session, 1);
  wtw_quiz_session_answer (session, 1);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 2);
  g_assert_cmpuint (wtw_quiz_session_get_current_answer (session), ==, 4);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 3);

  /* Only the last answer completes the session. */
  while (wtw_quiz_session_get_position (session) < 27)
    wtw_quiz_session_answer (session, 3);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (session), ==, 27);
  g_assert_false (wtw_quiz_session_get_complete (session));
  g_assert_true (wtw_quiz_session_answer (session, 3));
  g_assert_true (wtw_quiz_session_get_complete (session));
}

static void
test_session_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  WtwQuizSession *session = fixture->session;
  g_autoptr(WtwQuizSession) resumed = wtw_quiz_session_new (fixture->quiz);
  g_autoptr(WtwQuizItem) first = item_at (fixture, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *full = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;

  empty = wtw_quiz_session_save_answers (session);
  g_assert_cmpstr (empty, ==, "{}");

  wtw_quiz_session_answer (session, 4);
  wtw_quiz_session_answer (session, 2);
  wtw_quiz_session_answer (session, 5);
  partial = wtw_quiz_session_save_answers (session);

  /* The format is plain: item id to raw answer, in item order. */
  {
    g_autoptr(WtwQuizItem) second = item_at (fixture, 1);
    g_autoptr(WtwQuizItem) third = item_at (fixture, 2);

    expected = g_strdup_printf ("{\"%s\":4,\"%s\":2,\"%s\":5}",
                                wtw_quiz_item_get_id (first),
                                wtw_quiz_item_get_id (second),
                                wtw_quiz_item_get_id (third));
    g_assert_cmpstr (partial, ==, expected);
  }

  g_assert_true (wtw_quiz_session_load_answers (resumed, partial, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wtw_quiz_session_get_position (resumed), ==, 3);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (resumed), ==, 3);
  g_assert_cmpfloat (wtw_quiz_session_get_progress (resumed), ==,
                     wtw_quiz_session_get_progress (session));
  g_assert_cmpuint (wtw_quiz_session_get_answer (resumed, wtw_quiz_item_get_id (first)), ==, 4);
  g_assert_true (wtw_quiz_session_get_can_go_back (resumed));
  g_assert_false (wtw_quiz_session_get_complete (resumed));

  /* A finished set resumes complete, with the same scores. */
  wtw_quiz_session_restart (session);
  answer_all_known (fixture);
  full = wtw_quiz_session_save_answers (session);
  g_assert_true (wtw_quiz_session_load_answers (resumed, full, &error));
  g_assert_no_error (error);
  g_assert_true (wtw_quiz_session_get_complete (resumed));
  g_assert_cmpuint (wtw_quiz_session_get_position (resumed), ==, 27);
  for (guint d = 0; d < 4; d++)
    g_assert_cmpint (wtw_quiz_result_get_score (wtw_quiz_session_get_result (resumed), d), ==,
                     wtw_quiz_result_get_score (wtw_quiz_session_get_result (session), d));

  again = wtw_quiz_session_save_answers (resumed);
  g_assert_cmpstr (again, ==, full);
}

static void
test_session_load_invalid (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const invalid[] = {
    "not json",
    "[1, 2, 3]",
    "{\"no-such-item\": 3}",
    "{\"@ID@\": 0}",
    "{\"@ID@\": 6}",
    "{\"@ID@\": \"4\"}",
    "{\"@ID@\": 2.5}",
    "{\"@ID@\": null}",
  };
  WtwQuizSession *session = fixture->session;
  g_autoptr(WtwQuizItem) first = item_at (fixture, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  wtw_quiz_session_answer (session, 3);
  before = wtw_quiz_session_save_answers (session);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) json = g_string_new (invalid[i]);

      /* @ID@ stands for the first item's id. */
      g_string_replace (json, "@ID@", wtw_quiz_item_get_id (first), 0);
      g_assert_false (wtw_quiz_session_load_answers (session, json->str, &error));
      g_assert_nonnull (error);
      g_test_message ("%s → %s", json->str, error->message);
    }

  /* A failed load leaves the session as it was. */
  after = wtw_quiz_session_save_answers (session);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (wtw_quiz_session_get_position (session), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/wtw/model/quiz-session/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("new", test_session_new);
  ADD ("answer", test_session_answer);
  ADD ("back", test_session_back);
  ADD ("complete", test_session_complete);
  ADD ("skipped-item", test_session_skipped_item);
  ADD ("round-trip", test_session_round_trip);
  ADD ("load-invalid", test_session_load_invalid);

#undef ADD

  return g_test_run ();
}
