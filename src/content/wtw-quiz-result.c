/* wtw-quiz-result.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-result"

#include "config.h"

#include "wtw-content-private.h"
#include "wtw-quiz-insight.h"
#include "wtw-quiz-result.h"

/**
 * WtwQuizResult:
 *
 * The scores of one set of quiz answers, as computed by wtw_quiz_score():
 * a score from 0 to 100 and a tier for every dimension that has answers, an
 * overall score, and the pattern insights the answers fired.
 *
 * Dimensions are given by their index in wtw_quiz_get_dimensions().
 */
struct _WtwQuizResult
{
  GObject     parent_instance;

  guint       n_dimensions;
  int        *scores;
  int        *tiers;
  int         overall;
  GListModel *insights;
};

G_DEFINE_FINAL_TYPE (WtwQuizResult, wtw_quiz_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OVERALL,
  PROP_INSIGHTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_quiz_result_dispose (GObject *object)
{
  WtwQuizResult *self = (WtwQuizResult *)object;

  g_clear_object (&self->insights);

  G_OBJECT_CLASS (wtw_quiz_result_parent_class)->dispose (object);
}

static void
wtw_quiz_result_finalize (GObject *object)
{
  WtwQuizResult *self = (WtwQuizResult *)object;

  g_clear_pointer (&self->scores, g_free);
  g_clear_pointer (&self->tiers, g_free);

  G_OBJECT_CLASS (wtw_quiz_result_parent_class)->finalize (object);
}

static void
wtw_quiz_result_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WtwQuizResult *self = WTW_QUIZ_RESULT (object);

  switch (prop_id)
    {
    case PROP_OVERALL:
      g_value_set_int (value, self->overall);
      break;

    case PROP_INSIGHTS:
      g_value_set_object (value, self->insights);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_result_class_init (WtwQuizResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wtw_quiz_result_dispose;
  object_class->finalize = wtw_quiz_result_finalize;
  object_class->get_property = wtw_quiz_result_get_property;

  /**
   * WtwQuizResult:overall:
   *
   * The overall score from 0 to 100, or %WTW_QUIZ_NO_SCORE.
   */
  properties[PROP_OVERALL] =
    g_param_spec_int ("overall", NULL, NULL,
                      WTW_QUIZ_NO_SCORE, 100, WTW_QUIZ_NO_SCORE,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizResult:insights:
   *
   * The #WtwQuizInsight<!-- -->s the answers fired, in the quiz's order.
   */
  properties[PROP_INSIGHTS] =
    g_param_spec_object ("insights", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_result_init (WtwQuizResult *self)
{
  self->overall = WTW_QUIZ_NO_SCORE;
}

WtwQuizResult *
_wtw_quiz_result_new (guint       n_dimensions,
                      const int  *scores,
                      const int  *tiers,
                      int         overall,
                      GListModel *insights)
{
  WtwQuizResult *self = g_object_new (WTW_TYPE_QUIZ_RESULT, NULL);

  self->n_dimensions = n_dimensions;
  self->scores = g_memdup2 (scores, sizeof (int) * n_dimensions);
  self->tiers = g_memdup2 (tiers, sizeof (int) * n_dimensions);
  self->overall = overall;
  self->insights = g_object_ref (insights);

  return self;
}

/**
 * wtw_quiz_result_get_n_dimensions:
 * @self: a #WtwQuizResult
 *
 * Returns: the number of dimensions of the quiz that was scored
 */
guint
wtw_quiz_result_get_n_dimensions (WtwQuizResult *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RESULT (self), 0);

  return self->n_dimensions;
}

/**
 * wtw_quiz_result_get_score:
 * @self: a #WtwQuizResult
 * @dimension: the index of a dimension
 *
 * Returns: the dimension's score from 0 to 100, or %WTW_QUIZ_NO_SCORE when
 *   none of its items was answered
 */
int
wtw_quiz_result_get_score (WtwQuizResult *self,
                           guint          dimension)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RESULT (self), WTW_QUIZ_NO_SCORE);
  g_return_val_if_fail (dimension < self->n_dimensions, WTW_QUIZ_NO_SCORE);

  return self->scores[dimension];
}

/**
 * wtw_quiz_result_has_score:
 * @self: a #WtwQuizResult
 * @dimension: the index of a dimension
 *
 * Returns: whether at least one item of the dimension was answered
 */
gboolean
wtw_quiz_result_has_score (WtwQuizResult *self,
                           guint          dimension)
{
  return wtw_quiz_result_get_score (self, dimension) != WTW_QUIZ_NO_SCORE;
}

/**
 * wtw_quiz_result_get_tier:
 * @self: a #WtwQuizResult
 * @dimension: the index of a dimension
 *
 * Returns: the index of the dimension's tier for its score, or -1 when the
 *   dimension has no score
 */
int
wtw_quiz_result_get_tier (WtwQuizResult *self,
                          guint          dimension)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RESULT (self), -1);
  g_return_val_if_fail (dimension < self->n_dimensions, -1);

  return self->tiers[dimension];
}

/**
 * wtw_quiz_result_get_overall:
 * @self: a #WtwQuizResult
 *
 * Returns: the mean of the dimensions' scores, rounded, over the dimensions
 *   that have one; %WTW_QUIZ_NO_SCORE when none has
 */
int
wtw_quiz_result_get_overall (WtwQuizResult *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RESULT (self), WTW_QUIZ_NO_SCORE);

  return self->overall;
}

/**
 * wtw_quiz_result_get_insights:
 * @self: a #WtwQuizResult
 *
 * Returns: (transfer none): the #WtwQuizInsight<!-- -->s the answers fired,
 *   in the quiz's order
 */
GListModel *
wtw_quiz_result_get_insights (WtwQuizResult *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RESULT (self), NULL);

  return self->insights;
}
