/* wtw-quiz-dimension.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-dimension"

#include "config.h"

#include "wtw-quiz-dimension.h"

/**
 * WtwQuizDimension:
 *
 * One of the four C.A.R.E. dimensions of the quiz, with its tiers and the
 * chapters that work on it.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwQuizDimension
{
  GObject     parent_instance;

  char        *id;
  char        *letter;
  char        *name;
  char        *question;
  char        *description;
  char       **chapters;
  GListModel  *tiers;
};

G_DEFINE_FINAL_TYPE (WtwQuizDimension, wtw_quiz_dimension, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LETTER,
  PROP_NAME,
  PROP_QUESTION,
  PROP_DESCRIPTION,
  PROP_CHAPTERS,
  PROP_TIERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_quiz_dimension_finalize (GObject *object)
{
  WtwQuizDimension *self = (WtwQuizDimension *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->letter, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->chapters, g_strfreev);
  g_clear_object (&self->tiers);

  G_OBJECT_CLASS (wtw_quiz_dimension_parent_class)->finalize (object);
}

static void
wtw_quiz_dimension_constructed (GObject *object)
{
  WtwQuizDimension *self = (WtwQuizDimension *)object;

  G_OBJECT_CLASS (wtw_quiz_dimension_parent_class)->constructed (object);

  /* An object built without a list gets an empty one, so getters never
   * return %NULL. */
  if (self->tiers == NULL)
    self->tiers = G_LIST_MODEL (g_list_store_new (WTW_TYPE_QUIZ_TIER));
}

static void
wtw_quiz_dimension_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WtwQuizDimension *self = WTW_QUIZ_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LETTER:
      g_value_set_string (value, self->letter);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CHAPTERS:
      g_value_set_boxed (value, self->chapters);
      break;

    case PROP_TIERS:
      g_value_set_object (value, self->tiers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_dimension_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WtwQuizDimension *self = WTW_QUIZ_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_LETTER:
      self->letter = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_QUESTION:
      self->question = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_CHAPTERS:
      self->chapters = g_value_dup_boxed (value);
      break;

    case PROP_TIERS:
      self->tiers = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_dimension_class_init (WtwQuizDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_quiz_dimension_constructed;
  object_class->finalize = wtw_quiz_dimension_finalize;
  object_class->get_property = wtw_quiz_dimension_get_property;
  object_class->set_property = wtw_quiz_dimension_set_property;

  /**
   * WtwQuizDimension:id:
   *
   * The dimension's id, such as `communication`.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizDimension:letter:
   *
   * The dimension's letter, such as `C`.
   */
  properties[PROP_LETTER] =
    g_param_spec_string ("letter", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizDimension:name:
   *
   * The dimension's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizDimension:question:
   *
   * The one-line question the dimension asks.
   */
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizDimension:description:
   *
   * Two or three sentences about the dimension.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizDimension:chapters:
   *
   * The ids of the chapters that work on this dimension.
   */
  properties[PROP_CHAPTERS] =
    g_param_spec_boxed ("chapters", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizDimension:tiers:
   *
   * The tiers, ordered by their minimum score.
   */
  properties[PROP_TIERS] =
    g_param_spec_object ("tiers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_dimension_init (WtwQuizDimension *self)
{
}

/**
 * wtw_quiz_dimension_get_id:
 * @self: a #WtwQuizDimension
 *
 * Gets the id of @self.
 *
 * Returns: the dimension's id, such as `communication`
 */
const char *
wtw_quiz_dimension_get_id (WtwQuizDimension *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->id;
}

/**
 * wtw_quiz_dimension_get_letter:
 * @self: a #WtwQuizDimension
 *
 * Gets the letter of @self.
 *
 * Returns: the dimension's letter, such as `C`
 */
const char *
wtw_quiz_dimension_get_letter (WtwQuizDimension *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->letter;
}

/**
 * wtw_quiz_dimension_get_name:
 * @self: a #WtwQuizDimension
 *
 * Gets the name of @self.
 *
 * Returns: the dimension's name
 */
const char *
wtw_quiz_dimension_get_name (WtwQuizDimension *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->name;
}

/**
 * wtw_quiz_dimension_get_question:
 * @self: a #WtwQuizDimension
 *
 * Gets the question of @self.
 *
 * Returns: the one-line question the dimension asks
 */
const char *
wtw_quiz_dimension_get_question (WtwQuizDimension *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->question;
}

/**
 * wtw_quiz_dimension_get_description:
 * @self: a #WtwQuizDimension
 *
 * Gets the description of @self.
 *
 * Returns: two or three sentences about the dimension
 */
const char *
wtw_quiz_dimension_get_description (WtwQuizDimension *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->description;
}

/**
 * wtw_quiz_dimension_get_chapters:
 * @self: a #WtwQuizDimension
 *
 * Gets the chapters of @self.
 *
 * Returns: (transfer none): the ids of the chapters that work on this
 *   dimension; never %NULL, possibly empty
 */
const char * const *
wtw_quiz_dimension_get_chapters (WtwQuizDimension *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->chapters != NULL ? (const char * const *)self->chapters : empty;
}

/**
 * wtw_quiz_dimension_get_tiers:
 * @self: a #WtwQuizDimension
 *
 * Gets the tiers of @self.
 *
 * Returns: (transfer none): the tiers, ordered by their minimum score
 */
GListModel *
wtw_quiz_dimension_get_tiers (WtwQuizDimension *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), NULL);

  return self->tiers;
}

/**
 * wtw_quiz_dimension_get_tier_for_score:
 * @self: a #WtwQuizDimension
 * @score: a score from 0 to 100
 *
 * Finds the tier a score falls in: the last tier whose minimum is at most
 * @score.
 *
 * Returns: the index of the tier, or -1 when @score is negative (no score)
 */
int
wtw_quiz_dimension_get_tier_for_score (WtwQuizDimension *self,
                                       int               score)
{
  int tier = -1;

  g_return_val_if_fail (WTW_IS_QUIZ_DIMENSION (self), -1);

  if (score < 0)
    return -1;

  for (guint i = 0; i < g_list_model_get_n_items (self->tiers); i++)
    {
      g_autoptr(WtwQuizTier) t = g_list_model_get_item (self->tiers, i);

      if (wtw_quiz_tier_get_min (t) <= (guint)score)
        tier = i;
    }

  return tier;
}
