/* wtw-quiz.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz"

#include "config.h"

#include "wtw-content-private.h"
#include "wtw-quiz.h"

/**
 * WtwQuiz:
 *
 * The C.A.R.E. & Intimacy Quiz: its scale, four dimensions, items and
 * pattern insights.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwQuiz
{
  GObject     parent_instance;

  char        *title;
  char        *intro;
  char        *disclaimer;
  guint        minutes;
  char       **scale;
  GListModel  *dimensions;
  GListModel  *items;
  GListModel  *insights;
};

G_DEFINE_FINAL_TYPE (WtwQuiz, wtw_quiz, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_INTRO,
  PROP_DISCLAIMER,
  PROP_MINUTES,
  PROP_SCALE,
  PROP_DIMENSIONS,
  PROP_ITEMS,
  PROP_INSIGHTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* round (x / y) for x >= 0, y > 0, halves rounded up, without floating point
 * so that the result never depends on how a platform rounds 62.5. */
static int
div_round (int x,
           int y)
{
  return (2 * x + y) / (2 * y);
}

static void
wtw_quiz_finalize (GObject *object)
{
  WtwQuiz *self = (WtwQuiz *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->disclaimer, g_free);
  g_clear_pointer (&self->scale, g_strfreev);
  g_clear_object (&self->dimensions);
  g_clear_object (&self->items);
  g_clear_object (&self->insights);

  G_OBJECT_CLASS (wtw_quiz_parent_class)->finalize (object);
}

static void
wtw_quiz_constructed (GObject *object)
{
  WtwQuiz *self = (WtwQuiz *)object;

  G_OBJECT_CLASS (wtw_quiz_parent_class)->constructed (object);

  /* An object built without a list gets an empty one, so getters never
   * return %NULL. */
  if (self->dimensions == NULL)
    self->dimensions = G_LIST_MODEL (g_list_store_new (WTW_TYPE_QUIZ_DIMENSION));
  if (self->items == NULL)
    self->items = G_LIST_MODEL (g_list_store_new (WTW_TYPE_QUIZ_ITEM));
  if (self->insights == NULL)
    self->insights = G_LIST_MODEL (g_list_store_new (WTW_TYPE_QUIZ_INSIGHT));
}

static void
wtw_quiz_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WtwQuiz *self = WTW_QUIZ (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_INTRO:
      g_value_set_string (value, self->intro);
      break;

    case PROP_DISCLAIMER:
      g_value_set_string (value, self->disclaimer);
      break;

    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;

    case PROP_SCALE:
      g_value_set_boxed (value, self->scale);
      break;

    case PROP_DIMENSIONS:
      g_value_set_object (value, self->dimensions);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    case PROP_INSIGHTS:
      g_value_set_object (value, self->insights);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WtwQuiz *self = WTW_QUIZ (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_INTRO:
      self->intro = g_value_dup_string (value);
      break;

    case PROP_DISCLAIMER:
      self->disclaimer = g_value_dup_string (value);
      break;

    case PROP_MINUTES:
      self->minutes = g_value_get_uint (value);
      break;

    case PROP_SCALE:
      self->scale = g_value_dup_boxed (value);
      break;

    case PROP_DIMENSIONS:
      self->dimensions = g_value_dup_object (value);
      break;

    case PROP_ITEMS:
      self->items = g_value_dup_object (value);
      break;

    case PROP_INSIGHTS:
      self->insights = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_class_init (WtwQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_quiz_constructed;
  object_class->finalize = wtw_quiz_finalize;
  object_class->get_property = wtw_quiz_get_property;
  object_class->set_property = wtw_quiz_set_property;

  /**
   * WtwQuiz:title:
   *
   * The quiz's title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:intro:
   *
   * What the quiz measures and how long it takes.
   */
  properties[PROP_INTRO] =
    g_param_spec_string ("intro", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:disclaimer:
   *
   * The statement that the quiz is a reflection tool, not a clinical
   * assessment.
   */
  properties[PROP_DISCLAIMER] =
    g_param_spec_string ("disclaimer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:minutes:
   *
   * About how many minutes the quiz takes.
   */
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:scale:
   *
   * The labels of the answers 1 to 5, in order.
   */
  properties[PROP_SCALE] =
    g_param_spec_boxed ("scale", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:dimensions:
   *
   * The four dimensions, in the order C, A, R, E.
   */
  properties[PROP_DIMENSIONS] =
    g_param_spec_object ("dimensions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:items:
   *
   * The items, in order.
   */
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuiz:insights:
   *
   * The pattern insights.
   */
  properties[PROP_INSIGHTS] =
    g_param_spec_object ("insights", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_init (WtwQuiz *self)
{
}

/**
 * wtw_quiz_get_title:
 * @self: a #WtwQuiz
 *
 * Gets the title of @self.
 *
 * Returns: the quiz's title
 */
const char *
wtw_quiz_get_title (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->title;
}

/**
 * wtw_quiz_get_intro:
 * @self: a #WtwQuiz
 *
 * Gets the intro of @self.
 *
 * Returns: what the quiz measures and how long it takes
 */
const char *
wtw_quiz_get_intro (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->intro;
}

/**
 * wtw_quiz_get_disclaimer:
 * @self: a #WtwQuiz
 *
 * Gets the disclaimer of @self.
 *
 * Returns: the statement that the quiz is a reflection tool, not a
 *   clinical assessment
 */
const char *
wtw_quiz_get_disclaimer (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->disclaimer;
}

/**
 * wtw_quiz_get_minutes:
 * @self: a #WtwQuiz
 *
 * Gets the minutes of @self.
 *
 * Returns: about how many minutes the quiz takes
 */
guint
wtw_quiz_get_minutes (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), 0);

  return self->minutes;
}

/**
 * wtw_quiz_get_scale:
 * @self: a #WtwQuiz
 *
 * Gets the scale of @self.
 *
 * Returns: (transfer none): the labels of the answers 1 to 5, in order;
 *   never %NULL, possibly empty
 */
const char * const *
wtw_quiz_get_scale (WtwQuiz *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->scale != NULL ? (const char * const *)self->scale : empty;
}

/**
 * wtw_quiz_get_dimensions:
 * @self: a #WtwQuiz
 *
 * Gets the dimensions of @self.
 *
 * Returns: (transfer none): the four dimensions, in the order C, A, R, E
 */
GListModel *
wtw_quiz_get_dimensions (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->dimensions;
}

/**
 * wtw_quiz_get_items:
 * @self: a #WtwQuiz
 *
 * Gets the items of @self.
 *
 * Returns: (transfer none): the items, in order
 */
GListModel *
wtw_quiz_get_items (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->items;
}

/**
 * wtw_quiz_get_insights:
 * @self: a #WtwQuiz
 *
 * Gets the insights of @self.
 *
 * Returns: (transfer none): the pattern insights
 */
GListModel *
wtw_quiz_get_insights (WtwQuiz *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  return self->insights;
}

/**
 * wtw_quiz_new_from_bytes:
 * @bytes: the contents of a quiz file
 * @file: the file's name, used in error messages
 * @error: return location for a #WTW_CONTENT_ERROR
 *
 * Loads the quiz from JSON and checks it against the content schema. Whether
 * the chapters it names exist is not checked here: wtw_content_new() does
 * that, since it has the chapters.
 *
 * Returns: (transfer full): a new #WtwQuiz, or %NULL with @error set
 */
WtwQuiz *
wtw_quiz_new_from_bytes (GBytes      *bytes,
                         const char  *file,
                         GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _wtw_content_parse_quiz (bytes, file, error);
}

/**
 * wtw_quiz_lookup_item:
 * @self: a #WtwQuiz
 * @id: an item id
 *
 * Returns: (transfer none) (nullable): the item with id @id, or %NULL
 */
WtwQuizItem *
wtw_quiz_lookup_item (WtwQuiz    *self,
                      const char *id)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(WtwQuizItem) item = g_list_model_get_item (self->items, i);

      if (g_str_equal (wtw_quiz_item_get_id (item), id))
        return item;
    }

  return NULL;
}

/**
 * wtw_quiz_get_dimension_index:
 * @self: a #WtwQuiz
 * @id: a dimension id, such as `affection`
 *
 * Returns: the index of the dimension in wtw_quiz_get_dimensions(), or -1
 */
int
wtw_quiz_get_dimension_index (WtwQuiz    *self,
                              const char *id)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < g_list_model_get_n_items (self->dimensions); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (self->dimensions, i);

      if (g_str_equal (wtw_quiz_dimension_get_id (dimension), id))
        return i;
    }

  return -1;
}

/**
 * wtw_quiz_get_scale_label:
 * @self: a #WtwQuiz
 * @value: an answer from 1 to 5
 *
 * Returns: (nullable): the label of the answer @value, or %NULL when the
 *   scale has no such value
 */
const char *
wtw_quiz_get_scale_label (WtwQuiz *self,
                          guint    value)
{
  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);

  if (self->scale == NULL || value < 1 || value > g_strv_length (self->scale))
    return NULL;

  return self->scale[value - 1];
}

/**
 * wtw_quiz_score:
 * @self: a #WtwQuiz
 * @answers: (element-type utf8 gint): raw answers, item id to 1–5 (stored
 *   with GINT_TO_POINTER())
 *
 * Scores a set of answers, as docs/content-schema.md describes: a reversed
 * item counts as 6 − answer; a dimension's score is
 * round (100 × (sum − n) / (4 × n)) over its n answered items; its tier is
 * the last tier whose minimum is at most the score; the overall score is the
 * rounded mean of the dimension scores. A dimension without answers has no
 * score and is left out of the overall score.
 *
 * Answers outside 1–5 and ids that are not items of the quiz are ignored,
 * as if unanswered. This function only reads its arguments.
 *
 * Returns: (transfer full): the result
 */
WtwQuizResult *
wtw_quiz_score (WtwQuiz    *self,
                GHashTable *answers)
{
  g_autoptr(GListStore) fired = g_list_store_new (WTW_TYPE_QUIZ_INSIGHT);
  g_autofree int *sums = NULL;
  g_autofree int *counts = NULL;
  g_autofree int *scores = NULL;
  g_autofree int *tiers = NULL;
  int total = 0;
  int n_scored = 0;
  guint n_dimensions;

  g_return_val_if_fail (WTW_IS_QUIZ (self), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  n_dimensions = g_list_model_get_n_items (self->dimensions);
  sums = g_new0 (int, n_dimensions);
  counts = g_new0 (int, n_dimensions);
  scores = g_new0 (int, n_dimensions);
  tiers = g_new0 (int, n_dimensions);

  for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(WtwQuizItem) item = g_list_model_get_item (self->items, i);
      int dimension = wtw_quiz_get_dimension_index (self, wtw_quiz_item_get_dimension (item));
      gpointer value;
      int answer;

      if (dimension < 0 ||
          !g_hash_table_lookup_extended (answers, wtw_quiz_item_get_id (item), NULL, &value))
        continue;

      answer = GPOINTER_TO_INT (value);
      if (answer < 1 || answer > 5)
        continue;

      sums[dimension] += wtw_quiz_item_get_reverse (item) ? 6 - answer : answer;
      counts[dimension]++;
    }

  for (guint d = 0; d < n_dimensions; d++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (self->dimensions, d);

      if (counts[d] == 0)
        {
          scores[d] = WTW_QUIZ_NO_SCORE;
          tiers[d] = -1;
          continue;
        }

      scores[d] = div_round (100 * (sums[d] - counts[d]), 4 * counts[d]);
      tiers[d] = wtw_quiz_dimension_get_tier_for_score (dimension, scores[d]);
      total += scores[d];
      n_scored++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->insights); i++)
    {
      g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (self->insights, i);

      if (wtw_quiz_insight_matches (insight, answers))
        g_list_store_append (fired, insight);
    }

  return _wtw_quiz_result_new (n_dimensions, scores, tiers,
                               n_scored > 0 ? div_round (total, n_scored) : WTW_QUIZ_NO_SCORE,
                               G_LIST_MODEL (fired));
}
