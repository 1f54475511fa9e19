/* wtw-quiz-session.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-session"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "wtw-quiz-session.h"

/**
 * WtwQuizSession:
 *
 * One sitting of the quiz: the answers given so far, the item on show, and
 * the result once every item has an answer.
 *
 * The session walks the items in the quiz's order. Answering stores the
 * answer and moves on; going back keeps every answer, so the person can
 * change one and walk forward again over what they had said. The answers
 * can be saved as JSON and loaded again, which is how a sitting is resumed.
 */
struct _WtwQuizSession
{
  GObject        parent_instance;

  WtwQuiz       *quiz;
  guint          n_items;
  /* Raw answers in item order, 1–5; 0 when not answered. */
  guint8        *answers;
  guint          n_answered;
  guint          position;
  WtwQuizResult *result;
};

G_DEFINE_FINAL_TYPE (WtwQuizSession, wtw_quiz_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUIZ,
  PROP_N_ITEMS,
  PROP_POSITION,
  PROP_CURRENT_ITEM,
  PROP_CURRENT_ANSWER,
  PROP_N_ANSWERED,
  PROP_PROGRESS,
  PROP_CAN_GO_BACK,
  PROP_COMPLETE,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many of the lowest-scoring dimensions the results point to chapters
 * for: one leaves out a close second, all four says nothing. */
#define N_WEAKEST 2

typedef struct
{
  guint    position;
  guint    current_answer;
  guint    n_answered;
  gboolean complete;
} State;

static State
get_state (WtwQuizSession *self)
{
  State state;

  state.position = self->position;
  state.current_answer = wtw_quiz_session_get_current_answer (self);
  state.n_answered = self->n_answered;
  state.complete = wtw_quiz_session_get_complete (self);

  return state;
}

/* Every change goes through here: it scores a complete set of answers and
 * notifies exactly the properties that changed since @before. */
static void
changed (WtwQuizSession *self,
         const State    *before,
         gboolean        answers_changed)
{
  State after = get_state (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (answers_changed || before->complete != after.complete)
    {
      g_clear_object (&self->result);
      if (after.complete)
        {
          g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
          GListModel *items = wtw_quiz_get_items (self->quiz);

          for (guint i = 0; i < self->n_items; i++)
            {
              g_autoptr(WtwQuizItem) item = g_list_model_get_item (items, i);

              g_hash_table_insert (answers, (gpointer)wtw_quiz_item_get_id (item),
                                   GINT_TO_POINTER (self->answers[i]));
            }
          self->result = wtw_quiz_score (self->quiz, answers);
        }
      if (self->result != NULL || before->complete)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }

  if (before->position != after.position)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
  if (before->current_answer != after.current_answer)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ANSWER]);
  if (before->n_answered != after.n_answered)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  if (before->complete != after.complete)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);

  g_object_thaw_notify (G_OBJECT (self));
}

static guint
first_unanswered (WtwQuizSession *self,
                  guint           fallback)
{
  for (guint i = 0; i < self->n_items; i++)
    if (self->answers[i] == 0)
      return i;

  return fallback;
}

static int
item_index (WtwQuizSession *self,
            const char     *item_id)
{
  GListModel *items = wtw_quiz_get_items (self->quiz);

  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(WtwQuizItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (wtw_quiz_item_get_id (item), item_id) == 0)
        return i;
    }

  return -1;
}

static void
wtw_quiz_session_constructed (GObject *object)
{
  WtwQuizSession *self = (WtwQuizSession *)object;

  G_OBJECT_CLASS (wtw_quiz_session_parent_class)->constructed (object);

  g_assert (WTW_IS_QUIZ (self->quiz));

  /* The quiz is immutable, so the number of items is fixed for good. */
  self->n_items = g_list_model_get_n_items (wtw_quiz_get_items (self->quiz));
  self->answers = g_new0 (guint8, MAX (self->n_items, 1));
}

static void
wtw_quiz_session_dispose (GObject *object)
{
  WtwQuizSession *self = (WtwQuizSession *)object;

  g_clear_object (&self->result);
  g_clear_object (&self->quiz);

  G_OBJECT_CLASS (wtw_quiz_session_parent_class)->dispose (object);
}

static void
wtw_quiz_session_finalize (GObject *object)
{
  WtwQuizSession *self = (WtwQuizSession *)object;

  g_clear_pointer (&self->answers, g_free);

  G_OBJECT_CLASS (wtw_quiz_session_parent_class)->finalize (object);
}

static void
wtw_quiz_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WtwQuizSession *self = WTW_QUIZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_CURRENT_ITEM:
      g_value_set_object (value, wtw_quiz_session_get_current_item (self));
      break;

    case PROP_CURRENT_ANSWER:
      g_value_set_uint (value, wtw_quiz_session_get_current_answer (self));
      break;

    case PROP_N_ANSWERED:
      g_value_set_uint (value, self->n_answered);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, wtw_quiz_session_get_progress (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, wtw_quiz_session_get_can_go_back (self));
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, wtw_quiz_session_get_complete (self));
      break;

    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WtwQuizSession *self = WTW_QUIZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      self->quiz = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_session_class_init (WtwQuizSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_quiz_session_constructed;
  object_class->dispose = wtw_quiz_session_dispose;
  object_class->finalize = wtw_quiz_session_finalize;
  object_class->get_property = wtw_quiz_session_get_property;
  object_class->set_property = wtw_quiz_session_set_property;

  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         WTW_TYPE_QUIZ,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizSession:position:
   *
   * The index of the item on show, from 0 to #WtwQuizSession:n-items − 1.
   */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT_ITEM] =
    g_param_spec_object ("current-item", NULL, NULL,
                         WTW_TYPE_QUIZ_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizSession:current-answer:
   *
   * The answer already given to the item on show, 1–5, or 0 for none.
   */
  properties[PROP_CURRENT_ANSWER] =
    g_param_spec_uint ("current-answer", NULL, NULL,
                       0, 5, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ANSWERED] =
    g_param_spec_uint ("n-answered", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizSession:progress:
   *
   * The share of items answered, from 0 to 1.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizSession:complete:
   *
   * Whether every item has an answer.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizSession:result:
   *
   * The scores of the answers once the session is complete, else %NULL.
   */
  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL,
                         WTW_TYPE_QUIZ_RESULT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_session_init (WtwQuizSession *self)
{
}

/**
 * wtw_quiz_session_new:
 * @quiz: the quiz to take
 *
 * Returns: (transfer full): a new session at the first item, with no answers
 */
WtwQuizSession *
wtw_quiz_session_new (WtwQuiz *quiz)
{
  g_return_val_if_fail (WTW_IS_QUIZ (quiz), NULL);

  return g_object_new (WTW_TYPE_QUIZ_SESSION, "quiz", quiz, NULL);
}

/**
 * wtw_quiz_session_get_quiz:
 * @self: a #WtwQuizSession
 *
 * Returns: (transfer none): the quiz being taken
 */
WtwQuiz *
wtw_quiz_session_get_quiz (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), NULL);

  return self->quiz;
}

guint
wtw_quiz_session_get_n_items (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), 0);

  return self->n_items;
}

guint
wtw_quiz_session_get_position (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), 0);

  return self->position;
}

/**
 * wtw_quiz_session_get_current_item:
 * @self: a #WtwQuizSession
 *
 * Returns: (transfer none) (nullable): the item on show; %NULL only for a
 *   quiz without items
 */
WtwQuizItem *
wtw_quiz_session_get_current_item (WtwQuizSession *self)
{
  g_autoptr(WtwQuizItem) item = NULL;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), NULL);

  if (self->position >= self->n_items)
    return NULL;

  /* The quiz's list holds the item for as long as the session holds the
   * quiz, so the reference taken here can be dropped. */
  item = g_list_model_get_item (wtw_quiz_get_items (self->quiz), self->position);

  return item;
}

guint
wtw_quiz_session_get_current_answer (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), 0);

  return self->position < self->n_items ? self->answers[self->position] : 0;
}

/**
 * wtw_quiz_session_get_answer:
 * @self: a #WtwQuizSession
 * @item_id: the id of an item of the quiz
 *
 * Returns: the answer given to @item_id, 1–5, or 0 when it has none or is
 *   not an item of the quiz
 */
guint
wtw_quiz_session_get_answer (WtwQuizSession *self,
                             const char     *item_id)
{
  int index;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), 0);
  g_return_val_if_fail (item_id != NULL, 0);

  index = item_index (self, item_id);

  return index >= 0 ? self->answers[index] : 0;
}

guint
wtw_quiz_session_get_n_answered (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), 0);

  return self->n_answered;
}

double
wtw_quiz_session_get_progress (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), 0.0);

  if (self->n_items == 0)
    return 0.0;

  return (double)self->n_answered / self->n_items;
}

gboolean
wtw_quiz_session_get_can_go_back (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), FALSE);

  return self->position > 0;
}

gboolean
wtw_quiz_session_get_complete (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), FALSE);

  return self->n_items > 0 && self->n_answered == self->n_items;
}

/**
 * wtw_quiz_session_get_result:
 * @self: a #WtwQuizSession
 *
 * Returns: (transfer none) (nullable): the scores once every item has an
 *   answer, else %NULL
 */
WtwQuizResult *
wtw_quiz_session_get_result (WtwQuizSession *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), NULL);

  return self->result;
}

/**
 * wtw_quiz_session_answer:
 * @self: a #WtwQuizSession
 * @value: the answer to the item on show, 1–5 (a value of the scale)
 *
 * Answers the item on show, replacing any earlier answer, and moves to the
 * next item. After the last item it moves to the first one still without
 * an answer, if any; otherwise it stays and the session is complete.
 *
 * Returns: %TRUE if @value was a valid answer
 */
gboolean
wtw_quiz_session_answer (WtwQuizSession *self,
                         guint           value)
{
  State before;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), FALSE);

  if (value < 1 || value > 5 || self->position >= self->n_items)
    return FALSE;

  before = get_state (self);

  if (self->answers[self->position] == 0)
    self->n_answered++;
  self->answers[self->position] = value;

  if (self->position + 1 < self->n_items)
    self->position++;
  else
    self->position = first_unanswered (self, self->position);

  changed (self, &before, before.current_answer != value);

  return TRUE;
}

/**
 * wtw_quiz_session_go_back:
 * @self: a #WtwQuizSession
 *
 * Moves to the previous item, keeping every answer.
 *
 * Returns: %FALSE if already at the first item
 */
gboolean
wtw_quiz_session_go_back (WtwQuizSession *self)
{
  State before;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), FALSE);

  if (self->position == 0)
    return FALSE;

  before = get_state (self);
  self->position--;
  changed (self, &before, FALSE);

  return TRUE;
}

/**
 * wtw_quiz_session_restart:
 * @self: a #WtwQuizSession
 *
 * Forgets every answer and goes back to the first item, to take the quiz
 * again.
 */
void
wtw_quiz_session_restart (WtwQuizSession *self)
{
  State before;

  g_return_if_fail (WTW_IS_QUIZ_SESSION (self));

  before = get_state (self);
  memset (self->answers, 0, self->n_items);
  self->n_answered = 0;
  self->position = 0;
  changed (self, &before, before.n_answered > 0);
}

/**
 * wtw_quiz_session_save_answers:
 * @self: a #WtwQuizSession
 *
 * Writes the answers given so far as a JSON object from item id to raw
 * answer (before reversing), in the quiz's item order, for example
 * `{"c1":4,"c2":2}`. Items without an answer are left out. This is what
 * the vault stores, and what wtw_quiz_session_load_answers() reads.
 *
 * Returns: (transfer full): the answers as JSON
 */
char *
wtw_quiz_session_save_answers (WtwQuizSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *items;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), NULL);

  items = wtw_quiz_get_items (self->quiz);

  json_builder_begin_object (builder);
  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(WtwQuizItem) item = NULL;

      if (self->answers[i] == 0)
        continue;

      item = g_list_model_get_item (items, i);
      json_builder_set_member_name (builder, wtw_quiz_item_get_id (item));
      json_builder_add_int_value (builder, self->answers[i]);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* Reads @json into @answers (item order), refusing anything that is not an
 * object of known item ids to integers 1–5. */
static gboolean
parse_answers (WtwQuizSession  *self,
               const char      *json,
               guint8          *answers,
               GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Quiz answers must be a JSON object");
      return FALSE;
    }

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *id = l->data;
      JsonNode *node = json_object_get_member (object, id);
      int index = item_index (self, id);
      gint64 value;

      if (index < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Quiz answers: “%s” is not an item of the quiz", id);
          return FALSE;
        }

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (value = json_node_get_int (node)) < 1 || value > 5)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Quiz answers: “%s” must be an integer from 1 to 5", id);
          return FALSE;
        }

      answers[index] = value;
    }

  return TRUE;
}

/**
 * wtw_quiz_session_load_answers:
 * @self: a #WtwQuizSession
 * @json: answers as written by wtw_quiz_session_save_answers()
 * @error: return location for a #GError
 *
 * Replaces the session's answers with those in @json and moves to the
 * first item without an answer (or the last item, if all have one), so a
 * sitting resumes where it was left.
 *
 * On error (not JSON, an unknown item id, an answer outside 1–5) the
 * session is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_quiz_session_load_answers (WtwQuizSession  *self,
                               const char      *json,
                               GError         **error)
{
  g_autofree guint8 *answers = NULL;
  State before;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  answers = g_new0 (guint8, MAX (self->n_items, 1));
  if (!parse_answers (self, json, answers, error))
    return FALSE;

  before = get_state (self);
  memcpy (self->answers, answers, self->n_items);
  self->n_answered = 0;
  for (guint i = 0; i < self->n_items; i++)
    self->n_answered += answers[i] != 0;
  self->position = first_unanswered (self, self->n_items > 0 ? self->n_items - 1 : 0);
  changed (self, &before, TRUE);

  return TRUE;
}

/**
 * wtw_quiz_session_dup_weakest_dimensions:
 * @self: a #WtwQuizSession
 *
 * The dimensions the results suggest working on first: the two with the
 * lowest scores, lowest first; on a tie, the one first in the quiz.
 *
 * Returns: (transfer full): a list of #WtwQuizDimension, empty until the
 *   session is complete
 */
GListModel *
wtw_quiz_session_dup_weakest_dimensions (WtwQuizSession *self)
{
  GListStore *store;
  GListModel *dimensions;
  guint n_dimensions;
  gboolean *taken;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), NULL);

  store = g_list_store_new (WTW_TYPE_QUIZ_DIMENSION);
  if (self->result == NULL)
    return G_LIST_MODEL (store);

  dimensions = wtw_quiz_get_dimensions (self->quiz);
  n_dimensions = MIN (g_list_model_get_n_items (dimensions),
                      wtw_quiz_result_get_n_dimensions (self->result));
  taken = g_newa (gboolean, MAX (n_dimensions, 1));
  memset (taken, 0, sizeof (gboolean) * MAX (n_dimensions, 1));

  for (guint n = 0; n < MIN (N_WEAKEST, n_dimensions); n++)
    {
      g_autoptr(WtwQuizDimension) dimension = NULL;
      int lowest = -1;

      for (guint d = 0; d < n_dimensions; d++)
        if (!taken[d] && wtw_quiz_result_has_score (self->result, d) &&
            (lowest < 0 ||
             wtw_quiz_result_get_score (self->result, d) <
             wtw_quiz_result_get_score (self->result, lowest)))
          lowest = d;

      if (lowest < 0)
        break;

      taken[lowest] = TRUE;
      dimension = g_list_model_get_item (dimensions, lowest);
      g_list_store_append (store, dimension);
    }

  return G_LIST_MODEL (store);
}

/**
 * wtw_quiz_session_dup_recommended_chapters:
 * @self: a #WtwQuizSession
 *
 * The chapters of the weakest dimensions (see
 * wtw_quiz_session_dup_weakest_dimensions()), in that order, each once.
 *
 * Returns: (transfer full): chapter ids, empty until the session is complete
 */
GStrv
wtw_quiz_session_dup_recommended_chapters (WtwQuizSession *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GListModel) weakest = NULL;

  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (self), NULL);

  weakest = wtw_quiz_session_dup_weakest_dimensions (self);
  for (guint i = 0; i < g_list_model_get_n_items (weakest); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (weakest, i);
      const char * const *chapters = wtw_quiz_dimension_get_chapters (dimension);

      for (guint c = 0; chapters != NULL && chapters[c] != NULL; c++)
        {
          if (g_ptr_array_find_with_equal_func (seen, chapters[c], g_str_equal, NULL))
            continue;
          g_ptr_array_add (seen, (gpointer)chapters[c]);
          g_strv_builder_add (builder, chapters[c]);
        }
    }

  return g_strv_builder_end (builder);
}
