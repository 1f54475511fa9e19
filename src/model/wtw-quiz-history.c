/* wtw-quiz-history.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-history"

#include "config.h"

#include "wtw-quiz-history.h"
#include "wtw-vault-quiz.h"

/**
 * WtwQuizHistory:
 *
 * The current member's completed quizzes, newest first, as a #GListModel of
 * #WtwQuizRecord, and the way a sitting reaches the vault: its answers kept
 * while unfinished (wtw_quiz_history_save_progress() and
 * wtw_quiz_history_restore_progress()) and saved as a result once complete
 * (wtw_quiz_history_add()).
 *
 * The member is the vault's current member at the time of each call; after
 * a switch of member, reload.
 */
struct _WtwQuizHistory
{
  GObject    parent_instance;

  WtwVault  *vault;
  GPtrArray *records;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WtwQuizHistory, wtw_quiz_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
wtw_quiz_history_get_item_type (GListModel *model)
{
  return WTW_TYPE_QUIZ_RECORD;
}

static guint
wtw_quiz_history_get_n_items (GListModel *model)
{
  return WTW_QUIZ_HISTORY (model)->records->len;
}

static gpointer
wtw_quiz_history_get_item (GListModel *model,
                           guint       position)
{
  WtwQuizHistory *self = WTW_QUIZ_HISTORY (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = wtw_quiz_history_get_item_type;
  iface->get_n_items = wtw_quiz_history_get_n_items;
  iface->get_item = wtw_quiz_history_get_item;
}

static void
wtw_quiz_history_dispose (GObject *object)
{
  WtwQuizHistory *self = (WtwQuizHistory *)object;

  g_clear_object (&self->vault);

  G_OBJECT_CLASS (wtw_quiz_history_parent_class)->dispose (object);
}

static void
wtw_quiz_history_finalize (GObject *object)
{
  WtwQuizHistory *self = (WtwQuizHistory *)object;

  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (wtw_quiz_history_parent_class)->finalize (object);
}

static void
wtw_quiz_history_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WtwQuizHistory *self = WTW_QUIZ_HISTORY (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->records->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_history_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WtwQuizHistory *self = WTW_QUIZ_HISTORY (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_history_class_init (WtwQuizHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wtw_quiz_history_dispose;
  object_class->finalize = wtw_quiz_history_finalize;
  object_class->get_property = wtw_quiz_history_get_property;
  object_class->set_property = wtw_quiz_history_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         WTW_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_quiz_history_init (WtwQuizHistory *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * wtw_quiz_history_new:
 * @vault: the vault, unlocked or not
 *
 * Returns: (transfer full): a new, empty history; call
 *   wtw_quiz_history_reload() to read the vault
 */
WtwQuizHistory *
wtw_quiz_history_new (WtwVault *vault)
{
  g_return_val_if_fail (WTW_IS_VAULT (vault), NULL);

  return g_object_new (WTW_TYPE_QUIZ_HISTORY, "vault", vault, NULL);
}

/**
 * wtw_quiz_history_get_vault:
 * @self: a #WtwQuizHistory
 *
 * Returns: (transfer none): the vault
 */
WtwVault *
wtw_quiz_history_get_vault (WtwQuizHistory *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY (self), NULL);

  return self->vault;
}

/**
 * wtw_quiz_history_reload:
 * @self: a #WtwQuizHistory
 * @error: return location for a #GError
 *
 * Reads the current member's results again. On error the list is emptied.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_quiz_history_reload (WtwQuizHistory  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) results = NULL;
  guint removed;

  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY (self), FALSE);

  if (wtw_vault_is_unlocked (self->vault))
    results = wtw_vault_quiz_list_results (self->vault, wtw_vault_get_member_id (self->vault),
                                           error);
  else
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                         "The vault must be unlocked first.");

  removed = self->records->len;
  g_ptr_array_set_size (self->records, 0);
  for (guint i = 0; results != NULL && i < results->len; i++)
    g_ptr_array_add (self->records, wtw_quiz_record_new (results->pdata[i]));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->records->len);
  if (removed != self->records->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return results != NULL;
}

/**
 * wtw_quiz_history_lookup:
 * @self: a #WtwQuizHistory
 * @id: a result id
 *
 * Returns: (transfer none) (nullable): the record with @id, if listed
 */
WtwQuizRecord *
wtw_quiz_history_lookup (WtwQuizHistory *self,
                         gint64          id)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY (self), NULL);

  for (guint i = 0; i < self->records->len; i++)
    if (wtw_quiz_record_get_id (self->records->pdata[i]) == id)
      return self->records->pdata[i];

  return NULL;
}

/**
 * wtw_quiz_history_add:
 * @self: a #WtwQuizHistory
 * @session: a complete session
 * @taken: when it was completed, Unix time; 0 for now
 * @error: return location for a #GError
 *
 * Saves the session's answers and scores as a result of the current member,
 * forgets the answers kept while it was unfinished, and lists the result
 * first.
 *
 * Returns: (transfer none) (nullable): the new record, or %NULL on error
 */
WtwQuizRecord *
wtw_quiz_history_add (WtwQuizHistory  *self,
                      WtwQuizSession  *session,
                      gint64           taken,
                      GError         **error)
{
  g_autoptr(WtwVaultQuizResult) saved = NULL;
  g_autofree char *json = NULL;
  WtwQuizResult *result;
  double scores[WTW_VAULT_QUIZ_N_SCORES];
  gint64 id;

  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY (self), NULL);
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (session), NULL);

  result = wtw_quiz_session_get_result (session);
  if (result == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Only a complete quiz can be saved as a result");
      return NULL;
    }

  for (guint i = 0; i < WTW_VAULT_QUIZ_N_SCORES; i++)
    scores[i] = wtw_quiz_result_has_score (result, i) ? wtw_quiz_result_get_score (result, i)
                                                      : -1;
  json = wtw_quiz_session_save_answers (session);
  id = wtw_vault_quiz_save_result (self->vault, taken, json, scores, error);
  if (id == 0)
    return NULL;

  /* The result is safe; a progress row left behind would only offer to
   * resume a finished quiz, so its failure is not the caller's error. */
  wtw_vault_quiz_clear_progress (self->vault, NULL);

  saved = wtw_vault_quiz_get_result (self->vault, id, error);
  if (saved == NULL)
    return NULL;

  /* Newest first: a result taken "now" goes on top, one dated in the past
   * (as tests do) goes where it belongs. */
  {
    guint position = 0;

    while (position < self->records->len &&
           wtw_quiz_record_get_taken (self->records->pdata[position]) > saved->taken)
      position++;
    g_ptr_array_insert (self->records, position, wtw_quiz_record_new (saved));
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

    return self->records->pdata[position];
  }
}

/**
 * wtw_quiz_history_save_progress:
 * @self: a #WtwQuizHistory
 * @session: the session being taken
 * @error: return location for a #GError
 *
 * Keeps the session's answers for the current member until the quiz is
 * completed, so it can be resumed; a session with no answers, or a complete
 * one, keeps nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_quiz_history_save_progress (WtwQuizHistory  *self,
                                WtwQuizSession  *session,
                                GError         **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY (self), FALSE);
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (session), FALSE);

  if (wtw_quiz_session_get_n_answered (session) == 0 || wtw_quiz_session_get_complete (session))
    return wtw_vault_quiz_clear_progress (self->vault, error);

  json = wtw_quiz_session_save_answers (session);
  return wtw_vault_quiz_save_progress (self->vault, json, error);
}

/**
 * wtw_quiz_history_restore_progress:
 * @self: a #WtwQuizHistory
 * @session: a session of the quiz
 * @error: return location for a #GError
 *
 * Loads the current member's unfinished answers into @session, if any were
 * kept; otherwise leaves @session as it is.
 *
 * Returns: %TRUE if answers were loaded; %FALSE with @error unset when
 *   there were none
 */
gboolean
wtw_quiz_history_restore_progress (WtwQuizHistory  *self,
                                   WtwQuizSession  *session,
                                   GError         **error)
{
  g_autofree char *json = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY (self), FALSE);
  g_return_val_if_fail (WTW_IS_QUIZ_SESSION (session), FALSE);

  json = wtw_vault_quiz_load_progress (self->vault, &local_error);
  if (json == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }

  return wtw_quiz_session_load_answers (session, json, error);
}
