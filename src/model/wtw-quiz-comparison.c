/* wtw-quiz-comparison.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-comparison"

#include "config.h"

#include "wtw-quiz-comparison.h"
#include "wtw-vault-quiz.h"

/**
 * WtwQuizComparison:
 *
 * Two partners' latest quiz results side by side: the current member's and
 * the other member's, the gap between their scores in each dimension, and
 * the dimension with the widest gap, which is where a couple's talk is
 * suggested to start.
 *
 * A vault with one member has nothing to compare (#WtwQuizComparison:n-members
 * says so); with more than two, the other partner is the first other member
 * to have joined.
 */
struct _WtwQuizComparison
{
  GObject        parent_instance;

  WtwQuiz       *quiz;
  guint          n_members;
  char          *names[2];
  WtwQuizRecord *records[2];
  int            widest;
};

G_DEFINE_FINAL_TYPE (WtwQuizComparison, wtw_quiz_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUIZ,
  PROP_N_MEMBERS,
  PROP_COMPLETE,
  PROP_WIDEST_DIMENSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear (WtwQuizComparison *self)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->names[i], g_free);
      g_clear_object (&self->records[i]);
    }
  self->n_members = 0;
  self->widest = -1;
}

/* The widest gap; on a tie, the dimension first in the quiz. */
static int
find_widest (WtwQuizComparison *self)
{
  int widest = -1;
  int widest_gap = -1;

  for (guint d = 0; d < wtw_quiz_comparison_get_n_dimensions (self); d++)
    {
      int gap = wtw_quiz_comparison_get_gap (self, d);

      if (gap > widest_gap)
        {
          widest = d;
          widest_gap = gap;
        }
    }

  return widest;
}

static WtwQuizRecord *
latest_of (GPtrArray *results,
           gint64     member_id)
{
  /* The vault lists newest first. */
  for (guint i = 0; i < results->len; i++)
    {
      const WtwVaultQuizResult *result = results->pdata[i];

      if (result->member_id == member_id)
        return wtw_quiz_record_new (result);
    }

  return NULL;
}

static void
wtw_quiz_comparison_dispose (GObject *object)
{
  WtwQuizComparison *self = (WtwQuizComparison *)object;

  clear (self);
  g_clear_object (&self->quiz);

  G_OBJECT_CLASS (wtw_quiz_comparison_parent_class)->dispose (object);
}

static void
wtw_quiz_comparison_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WtwQuizComparison *self = WTW_QUIZ_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    case PROP_N_MEMBERS:
      g_value_set_uint (value, self->n_members);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, wtw_quiz_comparison_get_complete (self));
      break;

    case PROP_WIDEST_DIMENSION:
      g_value_set_int (value, self->widest);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_comparison_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WtwQuizComparison *self = WTW_QUIZ_COMPARISON (object);

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
wtw_quiz_comparison_class_init (WtwQuizComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wtw_quiz_comparison_dispose;
  object_class->get_property = wtw_quiz_comparison_get_property;
  object_class->set_property = wtw_quiz_comparison_set_property;

  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         WTW_TYPE_QUIZ,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_MEMBERS] =
    g_param_spec_uint ("n-members", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizComparison:complete:
   *
   * Whether both partners have a result to compare.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizComparison:widest-dimension:
   *
   * The index of the dimension where the partners' scores are furthest
   * apart, or -1 until both have a result.
   */
  properties[PROP_WIDEST_DIMENSION] =
    g_param_spec_int ("widest-dimension", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_comparison_init (WtwQuizComparison *self)
{
  self->widest = -1;
}

/**
 * wtw_quiz_comparison_new:
 * @quiz: the quiz whose dimensions to compare
 *
 * Returns: (transfer full): a new, empty comparison; call
 *   wtw_quiz_comparison_load() to read a vault
 */
WtwQuizComparison *
wtw_quiz_comparison_new (WtwQuiz *quiz)
{
  g_return_val_if_fail (WTW_IS_QUIZ (quiz), NULL);

  return g_object_new (WTW_TYPE_QUIZ_COMPARISON, "quiz", quiz, NULL);
}

WtwQuiz *
wtw_quiz_comparison_get_quiz (WtwQuizComparison *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), NULL);

  return self->quiz;
}

/**
 * wtw_quiz_comparison_load:
 * @self: a #WtwQuizComparison
 * @vault: an unlocked vault
 * @error: return location for a #GError
 *
 * Reads the members of @vault and each partner's latest result. On error
 * the comparison is left empty.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_quiz_comparison_load (WtwQuizComparison  *self,
                          WtwVault           *vault,
                          GError            **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 me;

  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), FALSE);
  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  clear (self);

  members = wtw_vault_list_members (vault, error);
  if (members != NULL)
    results = wtw_vault_quiz_list_results (vault, 0, error);

  if (results != NULL)
    {
      me = wtw_vault_get_member_id (vault);
      self->n_members = members->len;
      self->names[WTW_QUIZ_PARTNER_SELF] = g_strdup (wtw_vault_get_member_name (vault));
      self->records[WTW_QUIZ_PARTNER_SELF] = latest_of (results, me);

      for (guint i = 0; i < members->len; i++)
        {
          const WtwVaultMember *member = members->pdata[i];

          if (member->id == me)
            continue;
          self->names[WTW_QUIZ_PARTNER_OTHER] = g_strdup (member->name);
          self->records[WTW_QUIZ_PARTNER_OTHER] = latest_of (results, member->id);
          break;
        }
      self->widest = find_widest (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDEST_DIMENSION]);
  g_object_thaw_notify (G_OBJECT (self));

  return results != NULL;
}

guint
wtw_quiz_comparison_get_n_members (WtwQuizComparison *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), 0);

  return self->n_members;
}

/**
 * wtw_quiz_comparison_get_name:
 * @self: a #WtwQuizComparison
 * @who: which partner
 *
 * Returns: (nullable): the partner's name; %NULL for the other partner of
 *   a vault with one member
 */
const char *
wtw_quiz_comparison_get_name (WtwQuizComparison *self,
                              WtwQuizPartner     who)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), NULL);
  g_return_val_if_fail (who <= WTW_QUIZ_PARTNER_OTHER, NULL);

  return self->names[who];
}

/**
 * wtw_quiz_comparison_get_record:
 * @self: a #WtwQuizComparison
 * @who: which partner
 *
 * Returns: (transfer none) (nullable): the partner's latest result, if any
 */
WtwQuizRecord *
wtw_quiz_comparison_get_record (WtwQuizComparison *self,
                                WtwQuizPartner     who)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), NULL);
  g_return_val_if_fail (who <= WTW_QUIZ_PARTNER_OTHER, NULL);

  return self->records[who];
}

gboolean
wtw_quiz_comparison_get_complete (WtwQuizComparison *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), FALSE);

  return self->records[0] != NULL && self->records[1] != NULL;
}

guint
wtw_quiz_comparison_get_n_dimensions (WtwQuizComparison *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), 0);

  return MIN (g_list_model_get_n_items (wtw_quiz_get_dimensions (self->quiz)),
              WTW_VAULT_QUIZ_N_SCORES);
}

/**
 * wtw_quiz_comparison_get_score:
 * @self: a #WtwQuizComparison
 * @who: which partner
 * @dimension: the index of a dimension
 *
 * Returns: the partner's latest score in @dimension, or %WTW_QUIZ_NO_SCORE
 */
int
wtw_quiz_comparison_get_score (WtwQuizComparison *self,
                               WtwQuizPartner     who,
                               guint              dimension)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), WTW_QUIZ_NO_SCORE);
  g_return_val_if_fail (who <= WTW_QUIZ_PARTNER_OTHER, WTW_QUIZ_NO_SCORE);

  if (self->records[who] == NULL)
    return WTW_QUIZ_NO_SCORE;

  return wtw_quiz_record_get_score (self->records[who], dimension);
}

/**
 * wtw_quiz_comparison_get_gap:
 * @self: a #WtwQuizComparison
 * @dimension: the index of a dimension
 *
 * Returns: how far apart the partners' scores are in @dimension, 0–100, or
 *   -1 when either has no score
 */
int
wtw_quiz_comparison_get_gap (WtwQuizComparison *self,
                             guint              dimension)
{
  int mine, theirs;

  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), -1);

  mine = wtw_quiz_comparison_get_score (self, WTW_QUIZ_PARTNER_SELF, dimension);
  theirs = wtw_quiz_comparison_get_score (self, WTW_QUIZ_PARTNER_OTHER, dimension);
  if (mine == WTW_QUIZ_NO_SCORE || theirs == WTW_QUIZ_NO_SCORE)
    return -1;

  return ABS (mine - theirs);
}

int
wtw_quiz_comparison_get_widest_dimension (WtwQuizComparison *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_COMPARISON (self), -1);

  return self->widest;
}
