/* wtw-quiz-insight.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-insight"

#include "config.h"

#include "wtw-quiz-insight.h"

/**
 * WtwQuizInsight:
 *
 * A pattern insight: a note shown with a quiz result when specific answers
 * were given.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwQuizInsight
{
  GObject   parent_instance;

  char      *id;
  char      *title;
  char      *text;
  char      *figure;
  char      *source;
  char     **chapters;
  GVariant  *conditions;
};

G_DEFINE_FINAL_TYPE (WtwQuizInsight, wtw_quiz_insight, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TEXT,
  PROP_FIGURE,
  PROP_SOURCE,
  PROP_CHAPTERS,
  PROP_CONDITIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_quiz_insight_finalize (GObject *object)
{
  WtwQuizInsight *self = (WtwQuizInsight *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->figure, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->chapters, g_strfreev);
  g_clear_pointer (&self->conditions, g_variant_unref);

  G_OBJECT_CLASS (wtw_quiz_insight_parent_class)->finalize (object);
}

static void
wtw_quiz_insight_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WtwQuizInsight *self = WTW_QUIZ_INSIGHT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_CHAPTERS:
      g_value_set_boxed (value, self->chapters);
      break;

    case PROP_CONDITIONS:
      g_value_set_variant (value, self->conditions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_insight_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WtwQuizInsight *self = WTW_QUIZ_INSIGHT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_FIGURE:
      self->figure = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_CHAPTERS:
      self->chapters = g_value_dup_boxed (value);
      break;

    case PROP_CONDITIONS:
      self->conditions = g_value_dup_variant (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_insight_class_init (WtwQuizInsightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_quiz_insight_finalize;
  object_class->get_property = wtw_quiz_insight_get_property;
  object_class->set_property = wtw_quiz_insight_set_property;

  /**
   * WtwQuizInsight:id:
   *
   * The insight's stable id.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizInsight:title:
   *
   * The insight's title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizInsight:text:
   *
   * What the pattern means and what to try.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizInsight:figure:
   *
   * The figure cited, or %NULL.
   */
  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizInsight:source:
   *
   * The source of the figure, or %NULL.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizInsight:chapters:
   *
   * The ids of the chapters the insight suggests.
   */
  properties[PROP_CHAPTERS] =
    g_param_spec_boxed ("chapters", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizInsight:conditions:
   *
   * The conditions, as an array of (item id, accepted raw answers); all
   * must hold.
   */
  properties[PROP_CONDITIONS] =
    g_param_spec_variant ("conditions", NULL, NULL,
                          G_VARIANT_TYPE ("a(sai)"), NULL,
                          (G_PARAM_READWRITE |
                           G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_insight_init (WtwQuizInsight *self)
{
}

/**
 * wtw_quiz_insight_get_id:
 * @self: a #WtwQuizInsight
 *
 * Gets the id of @self.
 *
 * Returns: the insight's stable id
 */
const char *
wtw_quiz_insight_get_id (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->id;
}

/**
 * wtw_quiz_insight_get_title:
 * @self: a #WtwQuizInsight
 *
 * Gets the title of @self.
 *
 * Returns: the insight's title
 */
const char *
wtw_quiz_insight_get_title (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->title;
}

/**
 * wtw_quiz_insight_get_text:
 * @self: a #WtwQuizInsight
 *
 * Gets the text of @self.
 *
 * Returns: what the pattern means and what to try
 */
const char *
wtw_quiz_insight_get_text (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->text;
}

/**
 * wtw_quiz_insight_get_figure:
 * @self: a #WtwQuizInsight
 *
 * Gets the figure of @self.
 *
 * Returns: (nullable): the figure cited, or %NULL
 */
const char *
wtw_quiz_insight_get_figure (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->figure;
}

/**
 * wtw_quiz_insight_get_source:
 * @self: a #WtwQuizInsight
 *
 * Gets the source of @self.
 *
 * Returns: (nullable): the source of the figure, or %NULL
 */
const char *
wtw_quiz_insight_get_source (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->source;
}

/**
 * wtw_quiz_insight_get_chapters:
 * @self: a #WtwQuizInsight
 *
 * Gets the chapters of @self.
 *
 * Returns: (transfer none): the ids of the chapters the insight suggests;
 *   never %NULL, possibly empty
 */
const char * const *
wtw_quiz_insight_get_chapters (WtwQuizInsight *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->chapters != NULL ? (const char * const *)self->chapters : empty;
}

/**
 * wtw_quiz_insight_get_conditions:
 * @self: a #WtwQuizInsight
 *
 * Gets the conditions of @self.
 *
 * Returns: (transfer none): the conditions, as an array of (item id,
 *   accepted raw answers); all must hold
 */
GVariant *
wtw_quiz_insight_get_conditions (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);

  return self->conditions;
}

/**
 * wtw_quiz_insight_get_n_conditions:
 * @self: a #WtwQuizInsight
 *
 * Returns: the number of conditions, all of which must hold for the insight
 *   to fire
 */
guint
wtw_quiz_insight_get_n_conditions (WtwQuizInsight *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), 0);

  return self->conditions != NULL ? g_variant_n_children (self->conditions) : 0;
}

/**
 * wtw_quiz_insight_get_condition:
 * @self: a #WtwQuizInsight
 * @index: the index of a condition
 * @answers: (out) (optional): the accepted raw answers, as a bit mask in which
 *   bit `1 << v` is set when the answer `v` is accepted
 *
 * Returns: the id of the item the condition is about
 */
const char *
wtw_quiz_insight_get_condition (WtwQuizInsight *self,
                                guint           index,
                                guint          *answers)
{
  g_autoptr(GVariant) values = NULL;
  const char *item = NULL;
  gsize n_values;
  const gint32 *value;

  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), NULL);
  g_return_val_if_fail (index < wtw_quiz_insight_get_n_conditions (self), NULL);

  /* The string points into self->conditions, which outlives the call. */
  g_variant_get_child (self->conditions, index, "(&s@ai)", &item, &values);

  if (answers != NULL)
    {
      *answers = 0;
      value = g_variant_get_fixed_array (values, &n_values, sizeof (gint32));
      for (gsize i = 0; i < n_values; i++)
        {
          if (value[i] >= 1 && value[i] <= 5)
            *answers |= 1u << value[i];
        }
    }

  return item;
}

/**
 * wtw_quiz_insight_matches:
 * @self: a #WtwQuizInsight
 * @answers: (element-type utf8 gint): the raw answers, item id to 1–5
 *   (stored with GINT_TO_POINTER())
 *
 * Checks whether the insight fires for @answers: every condition holds, that
 * is its item was answered with one of the condition's answers. An item
 * without an answer fails its condition.
 *
 * Returns: %TRUE if the insight fires
 */
gboolean
wtw_quiz_insight_matches (WtwQuizInsight *self,
                          GHashTable     *answers)
{
  guint n;

  g_return_val_if_fail (WTW_IS_QUIZ_INSIGHT (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  if ((n = wtw_quiz_insight_get_n_conditions (self)) == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint accepted;
      const char *item = wtw_quiz_insight_get_condition (self, i, &accepted);
      gpointer value;
      int answer;

      if (!g_hash_table_lookup_extended (answers, item, NULL, &value))
        return FALSE;

      answer = GPOINTER_TO_INT (value);
      if (answer < 1 || answer > 5 || (accepted & (1u << answer)) == 0)
        return FALSE;
    }

  return TRUE;
}
