/* wtw-quiz-record.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-record"

#include "config.h"

#include <math.h>

#include "wtw-quiz-record.h"
#include "wtw-quiz-session.h"

/**
 * WtwQuizRecord:
 *
 * One completed quiz as the vault keeps it: who took it, when, the raw
 * answers and the four scores saved with them. Immutable.
 *
 * The saved scores are what the history and the comparison show, so a past
 * result reads the same even if a later version of the quiz scores
 * differently; the full results (tiers, insights) are scored again from the
 * answers by wtw_quiz_record_score().
 */
struct _WtwQuizRecord
{
  GObject             parent_instance;

  WtwVaultQuizResult *result;
};

G_DEFINE_FINAL_TYPE (WtwQuizRecord, wtw_quiz_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_NAME,
  PROP_TAKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_quiz_record_finalize (GObject *object)
{
  WtwQuizRecord *self = (WtwQuizRecord *)object;

  g_clear_pointer (&self->result, wtw_vault_quiz_result_free);

  G_OBJECT_CLASS (wtw_quiz_record_parent_class)->finalize (object);
}

static void
wtw_quiz_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WtwQuizRecord *self = WTW_QUIZ_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->result->id);
      break;

    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->result->member_name);
      break;

    case PROP_TAKEN:
      g_value_set_int64 (value, self->result->taken);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_record_class_init (WtwQuizRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_quiz_record_finalize;
  object_class->get_property = wtw_quiz_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEMBER_NAME] =
    g_param_spec_string ("member-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizRecord:taken:
   *
   * When the quiz was completed, Unix time in seconds.
   */
  properties[PROP_TAKEN] =
    g_param_spec_int64 ("taken", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_record_init (WtwQuizRecord *self)
{
}

/**
 * wtw_quiz_record_new:
 * @result: a result as the vault returns it; it is copied
 *
 * Returns: (transfer full): a new record
 */
WtwQuizRecord *
wtw_quiz_record_new (const WtwVaultQuizResult *result)
{
  WtwQuizRecord *self;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (WTW_TYPE_QUIZ_RECORD, NULL);
  self->result = wtw_vault_quiz_result_copy (result);

  return self;
}

gint64
wtw_quiz_record_get_id (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), 0);

  return self->result->id;
}

gint64
wtw_quiz_record_get_member_id (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), 0);

  return self->result->member_id;
}

const char *
wtw_quiz_record_get_member_name (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), NULL);

  return self->result->member_name;
}

gint64
wtw_quiz_record_get_taken (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), 0);

  return self->result->taken;
}

/**
 * wtw_quiz_record_dup_taken_local:
 * @self: a #WtwQuizRecord
 *
 * Returns: (transfer full): when the quiz was completed, in local time
 */
GDateTime *
wtw_quiz_record_dup_taken_local (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), NULL);

  return g_date_time_new_from_unix_local (self->result->taken);
}

const char *
wtw_quiz_record_get_answers_json (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), NULL);

  return self->result->answers_json;
}

guint
wtw_quiz_record_get_n_scores (WtwQuizRecord *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), 0);

  return WTW_VAULT_QUIZ_N_SCORES;
}

/**
 * wtw_quiz_record_get_score:
 * @self: a #WtwQuizRecord
 * @dimension: the index of a dimension in the quiz
 *
 * Returns: the saved score of @dimension, 0–100, or %WTW_QUIZ_NO_SCORE
 */
int
wtw_quiz_record_get_score (WtwQuizRecord *self,
                           guint          dimension)
{
  double score;

  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), WTW_QUIZ_NO_SCORE);

  if (dimension >= WTW_VAULT_QUIZ_N_SCORES)
    return WTW_QUIZ_NO_SCORE;
  score = self->result->scores[dimension];
  if (score < 0)
    return WTW_QUIZ_NO_SCORE;

  return (int)lround (score);
}

/**
 * wtw_quiz_record_score:
 * @self: a #WtwQuizRecord
 * @quiz: the quiz the record answers
 * @error: return location for a #GError
 *
 * Scores the saved answers again, for the full results of a past quiz.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL when the answers
 *   do not fit @quiz (or do not answer every item)
 */
WtwQuizResult *
wtw_quiz_record_score (WtwQuizRecord  *self,
                       WtwQuiz        *quiz,
                       GError        **error)
{
  g_autoptr(WtwQuizSession) session = NULL;
  WtwQuizResult *result;

  g_return_val_if_fail (WTW_IS_QUIZ_RECORD (self), NULL);
  g_return_val_if_fail (WTW_IS_QUIZ (quiz), NULL);

  session = wtw_quiz_session_new (quiz);
  if (!wtw_quiz_session_load_answers (session, self->result->answers_json, error))
    return NULL;

  result = wtw_quiz_session_get_result (session);
  if (result == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The saved answers do not answer every statement of the quiz");
      return NULL;
    }

  return g_object_ref (result);
}
