/* wtw-reflection-sheet.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-reflection-sheet"

#include "config.h"

#include <string.h>

#include "wtw-reflection-sheet.h"

/**
 * WtwReflectionSheet:
 *
 * One chapter's reflection prompts as the current member answers them:
 * their own answers (editable, each of which may be kept private when the
 * vault has two members) beside what every other member wrote, or that
 * they answered privately.
 *
 * Answers save themselves after a quiet second (#WtwAutosave), when the
 * session locks, and when the sheet is dropped; owners flush it when the
 * person leaves the page. Once every prompt has an answer, the chapter's
 * reflection part is done; emptying one undoes that. When the vault locks
 * the text is wiped from memory.
 */
struct _WtwReflectionSheet
{
  GObject              parent_instance;

  WtwWorkbookProgress *progress;
  WtwChapter          *chapter;
  WtwAutosave         *autosave;
  char                *member_name;
  GHashTable          *names;    /* member id → name */
  GHashTable          *answers;  /* prompt id → Answer */
  GHashTable          *others;   /* prompt id → GPtrArray of WtwReflection */
  guint                n_members;
  gboolean             complete;
};

typedef struct
{
  char     *text;
  gboolean  is_private;
  gboolean  dirty;
} Answer;

G_DEFINE_FINAL_TYPE (WtwReflectionSheet, wtw_reflection_sheet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  PROP_CHAPTER,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wipe (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
}

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  wipe (answer->text);
  g_free (answer->text);
  g_free (answer);
}

static WtwVault *
get_vault (WtwReflectionSheet *self)
{
  return wtw_workbook_progress_get_vault (self->progress);
}

static Answer *
lookup_answer (WtwReflectionSheet *self,
               const char         *prompt_id,
               gboolean            create)
{
  Answer *answer = g_hash_table_lookup (self->answers, prompt_id);

  if (answer == NULL && create)
    {
      answer = g_new0 (Answer, 1);
      g_hash_table_insert (self->answers, g_strdup (prompt_id), answer);
    }
  return answer;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
compute_complete (WtwReflectionSheet *self)
{
  GListModel *prompts = wtw_chapter_get_prompts (self->chapter);
  guint n = g_list_model_get_n_items (prompts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwPrompt) prompt = g_list_model_get_item (prompts, i);
      Answer *answer = lookup_answer (self, wtw_prompt_get_id (prompt), FALSE);

      if (answer == NULL || is_blank (answer->text))
        return FALSE;
    }
  return n > 0;
}

static void
update_complete (WtwReflectionSheet *self)
{
  gboolean complete = compute_complete (self);

  if (self->complete == complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static gboolean
save_cb (gpointer   user_data,
         GError   **error)
{
  WtwReflectionSheet *self = user_data;
  const char *chapter_id = wtw_chapter_get_id (self->chapter);
  WtwVault *vault = get_vault (self);
  GHashTableIter iter;
  gpointer key, value;

  if (vault == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Answer *answer = value;

      if (!answer->dirty)
        continue;
      if (!wtw_vault_reflection_set (vault, chapter_id, key, answer->text, answer->is_private,
                                     error))
        return FALSE;
      answer->dirty = FALSE;
    }
  update_complete (self);
  return wtw_workbook_progress_set_done (self->progress, chapter_id, WTW_WORKBOOK_PART_REFLECT,
                                         self->complete, error);
}

static void
add_other (WtwReflectionSheet *self,
           WtwReflection      *reflection)
{
  GPtrArray *list = g_hash_table_lookup (self->others, reflection->prompt_id);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      WtwReflection *slot = list->pdata[i];

      if (slot->member_id == reflection->member_id)
        {
          list->pdata[i] = reflection;
          wtw_reflection_free (slot);
          return;
        }
    }
  wtw_reflection_free (reflection);
}

/* An empty slot per other member and prompt, so each partner has a place
 * even before they answer. */
static void
prepare_others (WtwReflectionSheet *self,
                GPtrArray          *members,
                gint64              me)
{
  GListModel *prompts = wtw_chapter_get_prompts (self->chapter);

  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(WtwPrompt) prompt = g_list_model_get_item (prompts, i);
      GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_reflection_free);

      for (guint m = 0; m < members->len; m++)
        {
          WtwVaultMember *member = members->pdata[m];
          WtwReflection *slot;

          if (member->id == me)
            continue;
          slot = g_new0 (WtwReflection, 1);
          slot->chapter_id = g_strdup (wtw_chapter_get_id (self->chapter));
          slot->prompt_id = g_strdup (wtw_prompt_get_id (prompt));
          slot->member_id = member->id;
          g_ptr_array_add (list, slot);
        }
      g_hash_table_insert (self->others, g_strdup (wtw_prompt_get_id (prompt)), list);
    }
}

static void
load (WtwReflectionSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) list = NULL;
  WtwVault *vault = get_vault (self);
  gint64 me;

  if (vault == NULL)
    return;
  me = wtw_vault_get_member_id (vault);
  self->member_name = g_strdup (wtw_vault_get_member_name (vault));
  if ((members = wtw_vault_list_members (vault, &error)) == NULL)
    {
      g_warning ("Could not list the vault's members: %s", error->message);
      return;
    }
  self->n_members = members->len;
  for (guint i = 0; i < members->len; i++)
    {
      WtwVaultMember *member = members->pdata[i];

      g_hash_table_insert (self->names, g_memdup2 (&member->id, sizeof member->id),
                           g_strdup (member->name));
    }
  prepare_others (self, members, me);

  if ((list = wtw_vault_reflection_list (vault, wtw_chapter_get_id (self->chapter),
                                         &error)) == NULL)
    {
      g_warning ("Could not read the answers: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      WtwReflection *reflection = list->pdata[i];

      if (reflection->member_id == me)
        {
          Answer *answer = lookup_answer (self, reflection->prompt_id, TRUE);

          answer->text = g_strdup (reflection->body);
          answer->is_private = reflection->is_private;
        }
      else
        add_other (self, g_ptr_array_steal_index_fast (list, i--));
    }
  self->complete = compute_complete (self);
}

static void
forget (WtwReflectionSheet *self)
{
  wtw_autosave_discard (self->autosave);
  g_hash_table_remove_all (self->answers);
  g_hash_table_remove_all (self->others);
  if (self->complete)
    {
      self->complete = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

static void
on_session_locking_cb (WtwReflectionSheet *self,
                       WtwSession         *session)
{
  g_autoptr(GError) error = NULL;

  if (!wtw_autosave_flush (self->autosave, &error))
    g_warning ("Could not save the answers before locking: %s", error->message);
}

static void
on_session_state_changed_cb (WtwReflectionSheet *self,
                             GParamSpec         *pspec,
                             WtwSession         *session)
{
  if (get_vault (self) == NULL)
    forget (self);
}

static void
wtw_reflection_sheet_constructed (GObject *object)
{
  WtwReflectionSheet *self = (WtwReflectionSheet *)object;
  WtwSession *session;

  G_OBJECT_CLASS (wtw_reflection_sheet_parent_class)->constructed (object);

  g_assert (WTW_IS_WORKBOOK_PROGRESS (self->progress));
  g_assert (WTW_IS_CHAPTER (self->chapter));

  session = wtw_workbook_progress_get_session (self->progress);
  g_signal_connect_object (session, "locking",
                           G_CALLBACK (on_session_locking_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
}

static void
wtw_reflection_sheet_dispose (GObject *object)
{
  WtwReflectionSheet *self = (WtwReflectionSheet *)object;

  if (self->autosave != NULL && self->progress != NULL && get_vault (self) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!wtw_autosave_flush (self->autosave, &error))
        g_warning ("Could not save the answers: %s", error->message);
    }
  g_clear_object (&self->autosave);
  g_clear_object (&self->progress);
  g_clear_object (&self->chapter);

  G_OBJECT_CLASS (wtw_reflection_sheet_parent_class)->dispose (object);
}

static void
wtw_reflection_sheet_finalize (GObject *object)
{
  WtwReflectionSheet *self = (WtwReflectionSheet *)object;

  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->others, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->member_name, g_free);

  G_OBJECT_CLASS (wtw_reflection_sheet_parent_class)->finalize (object);
}

static void
wtw_reflection_sheet_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WtwReflectionSheet *self = WTW_REFLECTION_SHEET (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;

    case PROP_CHAPTER:
      g_value_set_object (value, self->chapter);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_reflection_sheet_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WtwReflectionSheet *self = WTW_REFLECTION_SHEET (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_CHAPTER:
      self->chapter = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_reflection_sheet_class_init (WtwReflectionSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_reflection_sheet_constructed;
  object_class->dispose = wtw_reflection_sheet_dispose;
  object_class->finalize = wtw_reflection_sheet_finalize;
  object_class->get_property = wtw_reflection_sheet_get_property;
  object_class->set_property = wtw_reflection_sheet_set_property;

  /**
   * WtwReflectionSheet:progress:
   *
   * The workbook progress, which also leads to the vault.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         WTW_TYPE_WORKBOOK_PROGRESS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwReflectionSheet:chapter:
   *
   * The chapter whose prompts are answered.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_object ("chapter", NULL, NULL,
                         WTW_TYPE_CHAPTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwReflectionSheet:complete:
   *
   * Whether the current member has answered every prompt.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_reflection_sheet_init (WtwReflectionSheet *self)
{
  self->autosave = wtw_autosave_new (save_cb, self);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, answer_free);
  self->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * wtw_reflection_sheet_new:
 * @progress: the workbook progress
 * @chapter: the chapter
 *
 * Reads the chapter's answers from the vault, if it is unlocked.
 *
 * Returns: (transfer full): a new #WtwReflectionSheet
 */
WtwReflectionSheet *
wtw_reflection_sheet_new (WtwWorkbookProgress *progress,
                          WtwChapter          *chapter)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (progress), NULL);
  g_return_val_if_fail (WTW_IS_CHAPTER (chapter), NULL);

  return g_object_new (WTW_TYPE_REFLECTION_SHEET,
                       "progress", progress,
                       "chapter", chapter,
                       NULL);
}

/**
 * wtw_reflection_sheet_get_chapter:
 * @self: a #WtwReflectionSheet
 *
 * Returns: (transfer none): the chapter
 */
WtwChapter *
wtw_reflection_sheet_get_chapter (WtwReflectionSheet *self)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), NULL);

  return self->chapter;
}

/**
 * wtw_reflection_sheet_get_autosave:
 * @self: a #WtwReflectionSheet
 *
 * Returns: (transfer none): what saves the answers, for a "Saved" indicator
 */
WtwAutosave *
wtw_reflection_sheet_get_autosave (WtwReflectionSheet *self)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), NULL);

  return self->autosave;
}

/**
 * wtw_reflection_sheet_get_member_name:
 * @self: a #WtwReflectionSheet
 *
 * Returns: (nullable): the current member's name
 */
const char *
wtw_reflection_sheet_get_member_name (WtwReflectionSheet *self)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), NULL);

  return self->member_name;
}

/**
 * wtw_reflection_sheet_get_can_be_private:
 * @self: a #WtwReflectionSheet
 *
 * Returns: whether answers can be kept private, which is when the vault
 *   has more than one member
 */
gboolean
wtw_reflection_sheet_get_can_be_private (WtwReflectionSheet *self)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), FALSE);

  return self->n_members > 1;
}

/**
 * wtw_reflection_sheet_get_complete:
 * @self: a #WtwReflectionSheet
 *
 * Returns: whether the current member has answered every prompt
 */
gboolean
wtw_reflection_sheet_get_complete (WtwReflectionSheet *self)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), FALSE);

  return self->complete;
}

/**
 * wtw_reflection_sheet_get_text:
 * @self: a #WtwReflectionSheet
 * @prompt_id: a prompt of the chapter
 *
 * Returns: (nullable): the current member's answer
 */
const char *
wtw_reflection_sheet_get_text (WtwReflectionSheet *self,
                               const char         *prompt_id)
{
  Answer *answer;

  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  answer = lookup_answer (self, prompt_id, FALSE);
  return answer != NULL ? answer->text : NULL;
}

/**
 * wtw_reflection_sheet_set_text:
 * @self: a #WtwReflectionSheet
 * @prompt_id: a prompt of the chapter
 * @text: (nullable): the current member's answer
 *
 * Changes an answer; it saves itself after a quiet second.
 */
void
wtw_reflection_sheet_set_text (WtwReflectionSheet *self,
                               const char         *prompt_id,
                               const char         *text)
{
  Answer *answer;

  g_return_if_fail (WTW_IS_REFLECTION_SHEET (self));
  g_return_if_fail (prompt_id != NULL);

  answer = lookup_answer (self, prompt_id, TRUE);
  if (g_strcmp0 (answer->text, text) == 0 || (answer->text == NULL && *text == '\0'))
    return;
  wipe (answer->text);
  g_free (answer->text);
  answer->text = g_strdup (text);
  answer->dirty = TRUE;
  wtw_autosave_changed (self->autosave);
}

/**
 * wtw_reflection_sheet_get_private:
 * @self: a #WtwReflectionSheet
 * @prompt_id: a prompt of the chapter
 *
 * Returns: whether the current member keeps this answer private
 */
gboolean
wtw_reflection_sheet_get_private (WtwReflectionSheet *self,
                                  const char         *prompt_id)
{
  Answer *answer;

  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), FALSE);
  g_return_val_if_fail (prompt_id != NULL, FALSE);

  answer = lookup_answer (self, prompt_id, FALSE);
  return answer != NULL && answer->is_private;
}

/**
 * wtw_reflection_sheet_set_private:
 * @self: a #WtwReflectionSheet
 * @prompt_id: a prompt of the chapter
 * @is_private: whether to seal the answer with the member's personal key
 *
 * Ignored unless wtw_reflection_sheet_get_can_be_private().
 */
void
wtw_reflection_sheet_set_private (WtwReflectionSheet *self,
                                  const char         *prompt_id,
                                  gboolean            is_private)
{
  Answer *answer;

  g_return_if_fail (WTW_IS_REFLECTION_SHEET (self));
  g_return_if_fail (prompt_id != NULL);

  if (!wtw_reflection_sheet_get_can_be_private (self))
    return;
  answer = lookup_answer (self, prompt_id, TRUE);
  if (answer->is_private == !!is_private)
    return;
  answer->is_private = !!is_private;
  answer->dirty = TRUE;
  wtw_autosave_changed (self->autosave);
}

/**
 * wtw_reflection_sheet_get_others:
 * @self: a #WtwReflectionSheet
 * @prompt_id: a prompt of the chapter
 *
 * One entry per other member: their answer, sealed if private, or with no
 * body and sealed %FALSE if they have not answered.
 *
 * Returns: (transfer none) (element-type WtwReflection) (nullable): the
 *   other members' answers, or %NULL while locked
 */
GPtrArray *
wtw_reflection_sheet_get_others (WtwReflectionSheet *self,
                                 const char         *prompt_id)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  return g_hash_table_lookup (self->others, prompt_id);
}

/**
 * wtw_reflection_sheet_lookup_name:
 * @self: a #WtwReflectionSheet
 * @member_id: a member
 *
 * Returns: (nullable): the member's name
 */
const char *
wtw_reflection_sheet_lookup_name (WtwReflectionSheet *self,
                                  gint64              member_id)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), NULL);

  return g_hash_table_lookup (self->names, &member_id);
}

/**
 * wtw_reflection_sheet_flush:
 * @self: a #WtwReflectionSheet
 * @error: return location for a #GError
 *
 * Saves pending answers now.
 *
 * Returns: %TRUE if nothing is left to save
 */
gboolean
wtw_reflection_sheet_flush (WtwReflectionSheet  *self,
                            GError             **error)
{
  g_return_val_if_fail (WTW_IS_REFLECTION_SHEET (self), FALSE);

  return wtw_autosave_flush (self->autosave, error);
}
