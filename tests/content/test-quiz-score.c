/* test-quiz-score.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-quiz-score"

#include "config.h"

#include "wtw-content.h"

/* Scoring is tested on a tiny quiz built by hand, so that every expected
 * score below can be checked with pencil and paper:
 *
 *   communication  c1, c2, c3 (c3 reversed)
 *   affection      a1, a2     (a2 reversed)
 *   equilibrium    e1 … e5
 *
 * Every dimension has the tiers 0, 40, 60, 80. A dimension's score is
 * round (100 × (sum − n) / (4 × n)), a reversed answer counting 6 − answer. */

enum { COMMUNICATION, AFFECTION, EQUILIBRIUM };

static WtwQuizDimension *
make_dimension (const char *id)
{
  g_autoptr(GListStore) tiers = g_list_store_new (WTW_TYPE_QUIZ_TIER);
  const guint mins[] = { 0, 40, 60, 80 };

  for (guint i = 0; i < G_N_ELEMENTS (mins); i++)
    {
      g_autofree char *name = g_strdup_printf ("tier %u", i);
      g_autoptr(WtwQuizTier) tier = g_object_new (WTW_TYPE_QUIZ_TIER,
                                                  "min", mins[i],
                                                  "name", name,
                                                  "meaning", name,
                                                  NULL);

      g_list_store_append (tiers, tier);
    }

  return g_object_new (WTW_TYPE_QUIZ_DIMENSION,
                       "id", id,
                       "letter", "X",
                       "name", id,
                       "question", id,
                       "description", id,
                       "tiers", tiers,
                       NULL);
}

static void
add_item (GListStore *items,
          const char *id,
          const char *dimension,
          gboolean    reverse)
{
  g_autoptr(WtwQuizItem) item = g_object_new (WTW_TYPE_QUIZ_ITEM,
                                              "id", id,
                                              "dimension", dimension,
                                              "text", id,
                                              "reverse", reverse,
                                              NULL);

  g_list_store_append (items, item);
}

static void
add_insight (GListStore *insights,
             const char *id,
             const char *conditions)
{
  g_autoptr(WtwQuizInsight) insight =
    g_object_new (WTW_TYPE_QUIZ_INSIGHT,
                  "id", id,
                  "title", id,
                  "text", id,
                  "conditions", g_variant_new_parsed (conditions),
                  NULL);

  g_list_store_append (insights, insight);
}

static WtwQuiz *
make_quiz (void)
{
  g_autoptr(GListStore) dimensions = g_list_store_new (WTW_TYPE_QUIZ_DIMENSION);
  g_autoptr(GListStore) items = g_list_store_new (WTW_TYPE_QUIZ_ITEM);
  g_autoptr(GListStore) insights = g_list_store_new (WTW_TYPE_QUIZ_INSIGHT);
  const char * const ids[] = { "communication", "affection", "equilibrium" };
  const char * const scale[] = { "1", "2", "3", "4", "5", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = make_dimension (ids[i]);

      g_list_store_append (dimensions, dimension);
    }

  add_item (items, "c1", "communication", FALSE);
  add_item (items, "c2", "communication", FALSE);
  add_item (items, "c3", "communication", TRUE);
  add_item (items, "a1", "affection", FALSE);
  add_item (items, "a2", "affection", TRUE);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      add_item (items, id, "equilibrium", FALSE);
    }

  add_insight (insights, "low-c1", "[('c1', [1, 2])]");
  add_insight (insights, "c1-high-and-a2-high", "[('c1', [5]), ('a2', [4, 5])]");
  add_insight (insights, "e1-middle", "[('e1', [3])]");

  return g_object_new (WTW_TYPE_QUIZ,
                       "title", "Test quiz",
                       "intro", "Intro.",
                       "disclaimer", "Disclaimer.",
                       "minutes", 1,
                       "scale", scale,
                       "dimensions", dimensions,
                       "items", items,
                       "insights", insights,
                       NULL);
}

/* Answers as "c1=5 a2=3 …". */
static GHashTable *
make_answers (const char *spec)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pairs = g_strsplit (spec, " ", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = NULL;

      if (pairs[i][0] == '\0')
        continue;

      kv = g_strsplit (pairs[i], "=", 2);
      g_assert_nonnull (kv[1]);
      g_hash_table_insert (answers, g_strdup (kv[0]), GINT_TO_POINTER (atoi (kv[1])));
    }

  return answers;
}

static WtwQuizResult *
score (const char *spec)
{
  g_autoptr(WtwQuiz) quiz = make_quiz ();
  g_autoptr(GHashTable) answers = make_answers (spec);

  return wtw_quiz_score (quiz, answers);
}

static void
assert_dimension (WtwQuizResult *result,
                  guint          dimension,
                  int            expected_score,
                  int            expected_tier)
{
  g_assert_cmpint (wtw_quiz_result_get_score (result, dimension), ==, expected_score);
  g_assert_cmpint (wtw_quiz_result_get_tier (result, dimension), ==, expected_tier);
  g_assert_true (wtw_quiz_result_has_score (result, dimension) ==
                 (expected_score != WTW_QUIZ_NO_SCORE));
}

static gboolean
fired (WtwQuizResult *result,
       const char    *id)
{
  GListModel *insights = wtw_quiz_result_get_insights (result);

  for (guint i = 0; i < g_list_model_get_n_items (insights); i++)
    {
      g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (insights, i);

      if (g_str_equal (wtw_quiz_insight_get_id (insight), id))
        return TRUE;
    }

  return FALSE;
}

static void
test_all_ones (void)
{
  /* communication: 1 + 1 + (6 − 1) = 7, n = 3: 100 × 4 / 12 = 33.3 → 33
   * affection:     1 + (6 − 1) = 6,     n = 2: 100 × 4 / 8  = 50
   * equilibrium:   5 × 1 = 5,           n = 5: 0
   * overall:       (33 + 50 + 0) / 3 = 27.7 → 28 */
  g_autoptr(WtwQuizResult) result = score ("c1=1 c2=1 c3=1 a1=1 a2=1 e1=1 e2=1 e3=1 e4=1 e5=1");

  g_assert_cmpuint (wtw_quiz_result_get_n_dimensions (result), ==, 3);
  assert_dimension (result, COMMUNICATION, 33, 0);
  assert_dimension (result, AFFECTION, 50, 1);
  assert_dimension (result, EQUILIBRIUM, 0, 0);
  g_assert_cmpint (wtw_quiz_result_get_overall (result), ==, 28);
}

static void
test_all_fives (void)
{
  /* communication: 5 + 5 + 1 = 11, n = 3: 100 × 8 / 12 = 66.7 → 67
   * affection:     5 + 1 = 6:      50
   * equilibrium:   25, n = 5:      100
   * overall:       (67 + 50 + 100) / 3 = 72.3 → 72 */
  g_autoptr(WtwQuizResult) result = score ("c1=5 c2=5 c3=5 a1=5 a2=5 e1=5 e2=5 e3=5 e4=5 e5=5");

  assert_dimension (result, COMMUNICATION, 67, 2);
  assert_dimension (result, AFFECTION, 50, 1);
  assert_dimension (result, EQUILIBRIUM, 100, 3);
  g_assert_cmpint (wtw_quiz_result_get_overall (result), ==, 72);
}

static void
test_reversed_extremes (void)
{
  g_autoptr(WtwQuizResult) lowest = NULL;
  g_autoptr(WtwQuizResult) highest = NULL;

  /* Answering 5 to a reversed item is its lowest answer, 1 its highest. */
  lowest = score ("c1=1 c2=1 c3=5 a1=1 a2=5 e1=1 e2=1 e3=1 e4=1 e5=1");
  assert_dimension (lowest, COMMUNICATION, 0, 0);
  assert_dimension (lowest, AFFECTION, 0, 0);
  g_assert_cmpint (wtw_quiz_result_get_overall (lowest), ==, 0);

  highest = score ("c1=5 c2=5 c3=1 a1=5 a2=1 e1=5 e2=5 e3=5 e4=5 e5=5");
  assert_dimension (highest, COMMUNICATION, 100, 3);
  assert_dimension (highest, AFFECTION, 100, 3);
  g_assert_cmpint (wtw_quiz_result_get_overall (highest), ==, 100);
}

static void
test_mixed (void)
{
  /* communication: 4 + 3 + (6 − 2) = 11, n = 3: 100 × 8 / 12 = 66.7 → 67, tier 2
   * affection:     2 + (6 − 4) = 4,      n = 2: 100 × 2 / 8 = 25,         tier 0
   * equilibrium:   1 + 2 + 3 + 4 + 5 = 15, n = 5: 100 × 10 / 20 = 50,     tier 1
   * overall:       (67 + 25 + 50) / 3 = 47.3 → 47 */
  g_autoptr(WtwQuizResult) result = score ("c1=4 c2=3 c3=2 a1=2 a2=4 e1=1 e2=2 e3=3 e4=4 e5=5");

  assert_dimension (result, COMMUNICATION, 67, 2);
  assert_dimension (result, AFFECTION, 25, 0);
  assert_dimension (result, EQUILIBRIUM, 50, 1);
  g_assert_cmpint (wtw_quiz_result_get_overall (result), ==, 47);
}

static void
test_missing_answers (void)
{
  g_autoptr(WtwQuizResult) partial = NULL;
  g_autoptr(WtwQuizResult) halves = NULL;
  g_autoptr(WtwQuizResult) nothing = NULL;

  /* Only c1 = 5: communication over n = 1 is 100; the other dimensions have
   * no score, and the overall score is the mean of the ones that do. */
  partial = score ("c1=5");
  assert_dimension (partial, COMMUNICATION, 100, 3);
  assert_dimension (partial, AFFECTION, WTW_QUIZ_NO_SCORE, -1);
  assert_dimension (partial, EQUILIBRIUM, WTW_QUIZ_NO_SCORE, -1);
  g_assert_cmpint (wtw_quiz_result_get_overall (partial), ==, 100);

  /* c1 = 2, c2 = 1 (n = 2): 100 × 1 / 8 = 12.5, rounded up to 13.
   * a1 = 3 (n = 1): 100 × 2 / 4 = 50. Overall (13 + 50) / 2 = 31.5 → 32. */
  halves = score ("c1=2 c2=1 a1=3");
  assert_dimension (halves, COMMUNICATION, 13, 0);
  assert_dimension (halves, AFFECTION, 50, 1);
  g_assert_cmpint (wtw_quiz_result_get_overall (halves), ==, 32);

  nothing = score ("");
  for (guint d = 0; d < 3; d++)
    assert_dimension (nothing, d, WTW_QUIZ_NO_SCORE, -1);
  g_assert_cmpint (wtw_quiz_result_get_overall (nothing), ==, WTW_QUIZ_NO_SCORE);
  g_assert_cmpuint (g_list_model_get_n_items (wtw_quiz_result_get_insights (nothing)), ==, 0);
}

static void
test_invalid_answers_ignored (void)
{
  /* 0 and 6 are not answers, and x9 is not an item: only c2 = 4 counts,
   * 100 × 3 / 4 = 75. */
  g_autoptr(WtwQuizResult) result = score ("c1=0 c2=4 c3=6 x9=5");

  assert_dimension (result, COMMUNICATION, 75, 2);
  assert_dimension (result, AFFECTION, WTW_QUIZ_NO_SCORE, -1);
  g_assert_false (fired (result, "low-c1"));
}

static void
test_tier_boundaries (void)
{
  g_autoptr(WtwQuiz) quiz = make_quiz ();
  g_autoptr(WtwQuizDimension) dimension =
    g_list_model_get_item (wtw_quiz_get_dimensions (quiz), EQUILIBRIUM);
  const struct {
    const char *answers;
    int score;
    int tier;
  } cases[] = {
    /* Five items: the score is 5 × (sum − 5). */
    { "e1=3 e2=3 e3=2 e4=2 e5=2", 35, 0 },   /* sum 12 */
    { "e1=3 e2=3 e3=3 e4=2 e5=2", 40, 1 },   /* sum 13 */
    { "e1=4 e2=4 e3=3 e4=3 e5=2", 55, 1 },   /* sum 16 */
    { "e1=4 e2=4 e3=3 e4=3 e5=3", 60, 2 },   /* sum 17 */
    { "e1=4 e2=4 e3=4 e4=4 e5=4", 75, 2 },   /* sum 20 */
    { "e1=5 e2=4 e3=4 e4=4 e5=4", 80, 3 },   /* sum 21 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WtwQuizResult) result = score (cases[i].answers);

      assert_dimension (result, EQUILIBRIUM, cases[i].score, cases[i].tier);
    }

  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, -1), ==, -1);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 0), ==, 0);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 39), ==, 0);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 40), ==, 1);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 59), ==, 1);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 60), ==, 2);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 79), ==, 2);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 80), ==, 3);
  g_assert_cmpint (wtw_quiz_dimension_get_tier_for_score (dimension, 100), ==, 3);
}

static void
test_insights (void)
{
  g_autoptr(WtwQuizResult) low = score ("c1=2");
  g_autoptr(WtwQuizResult) middle = score ("c1=3 e1=3");
  g_autoptr(WtwQuizResult) both = score ("c1=5 a2=4");
  g_autoptr(WtwQuizResult) one_of_two = score ("c1=5 a2=3");
  g_autoptr(WtwQuizResult) unanswered = score ("c1=5");
  GListModel *insights;

  g_assert_true (fired (low, "low-c1"));
  g_assert_false (fired (low, "e1-middle"));
  g_assert_false (fired (low, "c1-high-and-a2-high"));

  g_assert_false (fired (middle, "low-c1"));
  g_assert_true (fired (middle, "e1-middle"));

  /* Conditions are on the raw answer, before a2 is reversed; all of them
   * must hold, and an unanswered item holds none. */
  g_assert_true (fired (both, "c1-high-and-a2-high"));
  g_assert_false (fired (one_of_two, "c1-high-and-a2-high"));
  g_assert_false (fired (unanswered, "c1-high-and-a2-high"));

  /* Fired insights come in the quiz's order. */
  {
    g_autoptr(WtwQuizResult) two = score ("c1=1 e1=3");
    g_autoptr(WtwQuizInsight) first = NULL;
    g_autoptr(WtwQuizInsight) second = NULL;

    insights = wtw_quiz_result_get_insights (two);
    g_assert_cmpuint (g_list_model_get_n_items (insights), ==, 2);
    first = g_list_model_get_item (insights, 0);
    second = g_list_model_get_item (insights, 1);
    g_assert_cmpstr (wtw_quiz_insight_get_id (first), ==, "low-c1");
    g_assert_cmpstr (wtw_quiz_insight_get_id (second), ==, "e1-middle");
  }
}

static void
test_conditions (void)
{
  g_autoptr(WtwQuiz) quiz = make_quiz ();
  g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (wtw_quiz_get_insights (quiz), 1);
  guint answers = 0;

  g_assert_cmpuint (wtw_quiz_insight_get_n_conditions (insight), ==, 2);
  g_assert_cmpstr (wtw_quiz_insight_get_condition (insight, 0, &answers), ==, "c1");
  g_assert_cmpuint (answers, ==, 1u << 5);
  g_assert_cmpstr (wtw_quiz_insight_get_condition (insight, 1, &answers), ==, "a2");
  g_assert_cmpuint (answers, ==, (1u << 4) | (1u << 5));
}

static void
test_score_leaves_inputs_alone (void)
{
  g_autoptr(WtwQuiz) quiz = make_quiz ();
  g_autoptr(GHashTable) answers = make_answers ("c1=4 c2=3 c3=2");
  g_autoptr(WtwQuizResult) first = wtw_quiz_score (quiz, answers);
  g_autoptr(WtwQuizResult) second = wtw_quiz_score (quiz, answers);

  g_assert_cmpuint (g_hash_table_size (answers), ==, 3);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (answers, "c3")), ==, 2);
  g_assert_cmpint (wtw_quiz_result_get_score (first, COMMUNICATION), ==,
                   wtw_quiz_result_get_score (second, COMMUNICATION));

  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wtw/content/quiz-score/all-ones", test_all_ones);
  g_test_add_func ("/wtw/content/quiz-score/all-fives", test_all_fives);
  g_test_add_func ("/wtw/content/quiz-score/reversed-extremes", test_reversed_extremes);
  g_test_add_func ("/wtw/content/quiz-score/mixed", test_mixed);
  g_test_add_func ("/wtw/content/quiz-score/missing-answers", test_missing_answers);
  g_test_add_func ("/wtw/content/quiz-score/invalid-answers-ignored",
                   test_invalid_answers_ignored);
  g_test_add_func ("/wtw/content/quiz-score/tier-boundaries", test_tier_boundaries);
  g_test_add_func ("/wtw/content/quiz-score/insights", test_insights);
  g_test_add_func ("/wtw/content/quiz-score/conditions", test_conditions);
  g_test_add_func ("/wtw/content/quiz-score/inputs-untouched", test_score_leaves_inputs_alone);

  return g_test_run ();
}
