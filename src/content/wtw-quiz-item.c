/* wtw-quiz-item.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-item"

#include "config.h"

#include "wtw-quiz-item.h"

/**
 * WtwQuizItem:
 *
 * A statement of the quiz, rated on the quiz's five-point scale.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwQuizItem
{
  GObject   parent_instance;

  char      *id;
  char      *dimension;
  char      *text;
  gboolean   reverse;
};

G_DEFINE_FINAL_TYPE (WtwQuizItem, wtw_quiz_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DIMENSION,
  PROP_TEXT,
  PROP_REVERSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_quiz_item_finalize (GObject *object)
{
  WtwQuizItem *self = (WtwQuizItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->dimension, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (wtw_quiz_item_parent_class)->finalize (object);
}

static void
wtw_quiz_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WtwQuizItem *self = WTW_QUIZ_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DIMENSION:
      g_value_set_string (value, self->dimension);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_REVERSE:
      g_value_set_boolean (value, self->reverse);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WtwQuizItem *self = WTW_QUIZ_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_DIMENSION:
      self->dimension = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_REVERSE:
      self->reverse = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_item_class_init (WtwQuizItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_quiz_item_finalize;
  object_class->get_property = wtw_quiz_item_get_property;
  object_class->set_property = wtw_quiz_item_set_property;

  /**
   * WtwQuizItem:id:
   *
   * The item's stable id (answers are stored under it).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizItem:dimension:
   *
   * The id of the dimension the item measures.
   */
  properties[PROP_DIMENSION] =
    g_param_spec_string ("dimension", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizItem:text:
   *
   * The statement to rate.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizItem:reverse:
   *
   * Whether agreeing means less of the dimension.
   */
  properties[PROP_REVERSE] =
    g_param_spec_boolean ("reverse", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_item_init (WtwQuizItem *self)
{
}

/**
 * wtw_quiz_item_get_id:
 * @self: a #WtwQuizItem
 *
 * Gets the id of @self.
 *
 * Returns: the item's stable id (answers are stored under it)
 */
const char *
wtw_quiz_item_get_id (WtwQuizItem *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_ITEM (self), NULL);

  return self->id;
}

/**
 * wtw_quiz_item_get_dimension:
 * @self: a #WtwQuizItem
 *
 * Gets the dimension of @self.
 *
 * Returns: the id of the dimension the item measures
 */
const char *
wtw_quiz_item_get_dimension (WtwQuizItem *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_ITEM (self), NULL);

  return self->dimension;
}

/**
 * wtw_quiz_item_get_text:
 * @self: a #WtwQuizItem
 *
 * Gets the text of @self.
 *
 * Returns: the statement to rate
 */
const char *
wtw_quiz_item_get_text (WtwQuizItem *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_ITEM (self), NULL);

  return self->text;
}

/**
 * wtw_quiz_item_get_reverse:
 * @self: a #WtwQuizItem
 *
 * Gets the reverse of @self.
 *
 * Returns: whether agreeing means less of the dimension
 */
gboolean
wtw_quiz_item_get_reverse (WtwQuizItem *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_ITEM (self), FALSE);

  return self->reverse;
}
