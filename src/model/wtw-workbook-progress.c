/* wtw-workbook-progress.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-workbook-progress"

#include "config.h"

#include "wtw-workbook-progress.h"

/**
 * WtwWorkbookProgress:
 *
 * The current member's way through the workbook, as the vault keeps it:
 * which parts of each chapter are done, where they left off, and the
 * couple's guided conversations with what each partner noticed.
 *
 * What "done" means is decided where the part is shown (see
 * docs/ARCHITECTURE.md, "Workbook progress"); this object stores it, tells
 * who listens (#WtwWorkbookProgress::changed) and forgets everything when
 * the vault locks. Notes written after a conversation are saved by a
 * #WtwAutosave, flushed when the session locks.
 */
struct _WtwWorkbookProgress
{
  GObject            parent_instance;

  WtwSession        *session;
  GHashTable        *parts;
  char              *last_chapter;
  WtwWorkbookPart    last_part;
  guint              reading_seconds;

  WtwExerciseRecord *conversation;
  WtwAutosave       *notes_autosave;
};

G_DEFINE_FINAL_TYPE (WtwWorkbookProgress, wtw_workbook_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READING_SECONDS,
  N_PROPS
};

enum {
  CHANGED,
  CONVERSATIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const part_names[] = {
  NULL, "explanation", "scripts", "reflect", "conversation",
};

/* Loads what the vault holds for the current member, once per unlock. */
static gboolean
ensure_loaded (WtwWorkbookProgress *self)
{
  g_autoptr(GError) error = NULL;
  WtwVault *vault = wtw_workbook_progress_get_vault (self);
  g_autofree char *chapter = NULL;
  guint part = 0;

  if (vault == NULL)
    return FALSE;
  if (self->parts != NULL)
    return TRUE;

  self->parts = wtw_vault_progress_list (vault, wtw_vault_get_member_id (vault), &error);
  if (self->parts == NULL)
    {
      g_warning ("Could not read workbook progress: %s", error->message);
      self->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_clear_error (&error);
    }
  if (!wtw_vault_get_last_place (vault, &chapter, &part, &error))
    g_warning ("Could not read the last place in the workbook: %s", error->message);
  g_free (self->last_chapter);
  self->last_chapter = g_steal_pointer (&chapter);
  self->last_part = (WtwWorkbookPart) part;
  return TRUE;
}

static gboolean
save_notes_cb (gpointer   user_data,
               GError   **error)
{
  WtwWorkbookProgress *self = user_data;
  WtwVault *vault = wtw_workbook_progress_get_vault (self);

  if (self->conversation == NULL)
    return TRUE;
  if (vault == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  return wtw_vault_exercise_update (vault, self->conversation, error);
}

static void
forget (WtwWorkbookProgress *self)
{
  g_clear_pointer (&self->parts, g_hash_table_unref);
  g_clear_pointer (&self->last_chapter, g_free);
  self->last_part = WTW_WORKBOOK_PART_NONE;
  wtw_autosave_discard (self->notes_autosave);
  g_clear_pointer (&self->conversation, wtw_exercise_record_free);
}

static void
on_session_locking_cb (WtwWorkbookProgress *self,
                       WtwSession          *session)
{
  g_autoptr(GError) error = NULL;

  if (!wtw_autosave_flush (self->notes_autosave, &error))
    g_warning ("Could not save the conversation notes before locking: %s", error->message);
}

static void
on_session_state_changed_cb (WtwWorkbookProgress *self,
                             GParamSpec          *pspec,
                             WtwSession          *session)
{
  /* Unlocked again (perhaps as the other member): read afresh. */
  forget (self);
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
wtw_workbook_progress_constructed (GObject *object)
{
  WtwWorkbookProgress *self = (WtwWorkbookProgress *)object;

  G_OBJECT_CLASS (wtw_workbook_progress_parent_class)->constructed (object);

  g_assert (WTW_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "locking",
                           G_CALLBACK (on_session_locking_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
wtw_workbook_progress_dispose (GObject *object)
{
  WtwWorkbookProgress *self = (WtwWorkbookProgress *)object;

  if (self->notes_autosave != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (wtw_workbook_progress_get_vault (self) != NULL
          && !wtw_autosave_flush (self->notes_autosave, &error))
        g_warning ("Could not save the conversation notes: %s", error->message);
      forget (self);
    }
  g_clear_object (&self->notes_autosave);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_workbook_progress_parent_class)->dispose (object);
}

static void
wtw_workbook_progress_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WtwWorkbookProgress *self = WTW_WORKBOOK_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_READING_SECONDS:
      g_value_set_uint (value, self->reading_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_workbook_progress_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WtwWorkbookProgress *self = WTW_WORKBOOK_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_READING_SECONDS:
      wtw_workbook_progress_set_reading_seconds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_workbook_progress_class_init (WtwWorkbookProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_workbook_progress_constructed;
  object_class->dispose = wtw_workbook_progress_dispose;
  object_class->get_property = wtw_workbook_progress_get_property;
  object_class->set_property = wtw_workbook_progress_set_property;

  /**
   * WtwWorkbookProgress:session:
   *
   * The session whose vault holds the progress.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwWorkbookProgress:reading-seconds:
   *
   * Seconds a reading part must be on show before it counts as read.
   */
  properties[PROP_READING_SECONDS] =
    g_param_spec_uint ("reading-seconds", NULL, NULL,
                       0, G_MAXUINT, WTW_WORKBOOK_READING_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwWorkbookProgress::changed:
   * @self: the progress
   * @chapter_id: (nullable): the chapter whose parts changed, or %NULL for all
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * WtwWorkbookProgress::conversations-changed:
   * @self: the progress
   * @chapter_id: the chapter with a new conversation
   */
  signals[CONVERSATIONS_CHANGED] =
    g_signal_new ("conversations-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wtw_workbook_progress_init (WtwWorkbookProgress *self)
{
  self->reading_seconds = WTW_WORKBOOK_READING_SECONDS;
  self->notes_autosave = wtw_autosave_new (save_notes_cb, self);
}

/**
 * wtw_workbook_part_from_name:
 * @name: (nullable): "explanation", "scripts", "reflect" or "conversation"
 *
 * Returns: the part, or %WTW_WORKBOOK_PART_NONE for anything else
 */
WtwWorkbookPart
wtw_workbook_part_from_name (const char *name)
{
  for (guint i = 1; i < G_N_ELEMENTS (part_names); i++)
    if (g_strcmp0 (name, part_names[i]) == 0)
      return (WtwWorkbookPart) i;
  return WTW_WORKBOOK_PART_NONE;
}

/**
 * wtw_workbook_part_to_name:
 * @part: a part
 *
 * Returns: (nullable): the part's name as pages know it, or %NULL for none
 */
const char *
wtw_workbook_part_to_name (WtwWorkbookPart part)
{
  if (part >= G_N_ELEMENTS (part_names))
    return NULL;
  return part_names[part];
}

/**
 * wtw_workbook_progress_new:
 * @session: the session
 *
 * Returns: (transfer full): a new #WtwWorkbookProgress
 */
WtwWorkbookProgress *
wtw_workbook_progress_new (WtwSession *session)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_WORKBOOK_PROGRESS, "session", session, NULL);
}

/**
 * wtw_workbook_progress_get_session:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: (transfer none): the session
 */
WtwSession *
wtw_workbook_progress_get_session (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), NULL);

  return self->session;
}

/**
 * wtw_workbook_progress_get_vault:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: (transfer none) (nullable): the vault while it is unlocked
 */
WtwVault *
wtw_workbook_progress_get_vault (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), NULL);

  return self->session != NULL ? wtw_session_get_vault (self->session) : NULL;
}

/**
 * wtw_workbook_progress_get_reading_seconds:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: seconds a reading part must be on show to count as read
 */
guint
wtw_workbook_progress_get_reading_seconds (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), 0);

  return self->reading_seconds;
}

/**
 * wtw_workbook_progress_set_reading_seconds:
 * @self: a #WtwWorkbookProgress
 * @seconds: seconds a reading part must be on show to count as read
 */
void
wtw_workbook_progress_set_reading_seconds (WtwWorkbookProgress *self,
                                           guint                seconds)
{
  g_return_if_fail (WTW_IS_WORKBOOK_PROGRESS (self));

  if (self->reading_seconds == seconds)
    return;

  self->reading_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_SECONDS]);
}

/**
 * wtw_workbook_progress_get_parts:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: a chapter
 *
 * Returns: the parts the current member has done, as bits (bit 0 is the
 *   explanation); 0 while the vault is locked
 */
guint
wtw_workbook_progress_get_parts (WtwWorkbookProgress *self,
                                 const char          *chapter_id)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), 0);
  g_return_val_if_fail (chapter_id != NULL, 0);

  if (!ensure_loaded (self))
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->parts, chapter_id));
}

/**
 * wtw_workbook_progress_count_done:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: a chapter
 *
 * Returns: how many of the chapter's parts the current member has done
 */
guint
wtw_workbook_progress_count_done (WtwWorkbookProgress *self,
                                  const char          *chapter_id)
{
  guint parts, n = 0;

  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), 0);

  parts = wtw_workbook_progress_get_parts (self, chapter_id);
  for (guint part = 0; part < WTW_WORKBOOK_N_PARTS; part++)
    n += (parts >> part) & 1;
  return n;
}

/**
 * wtw_workbook_progress_is_done:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: a chapter
 * @part: a part
 *
 * Returns: whether the current member has done @part of the chapter
 */
gboolean
wtw_workbook_progress_is_done (WtwWorkbookProgress *self,
                               const char          *chapter_id,
                               WtwWorkbookPart      part)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), FALSE);
  g_return_val_if_fail (part > WTW_WORKBOOK_PART_NONE, FALSE);

  return (wtw_workbook_progress_get_parts (self, chapter_id) & (1u << (part - 1))) != 0;
}

/**
 * wtw_workbook_progress_set_done:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: a chapter
 * @part: a part
 * @done: whether the current member has done it
 * @error: return location for a #GError
 *
 * Stores whether a part is done; emits #WtwWorkbookProgress::changed when
 * that changes.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_workbook_progress_set_done (WtwWorkbookProgress  *self,
                                const char           *chapter_id,
                                WtwWorkbookPart       part,
                                gboolean              done,
                                GError              **error)
{
  guint mask, bit;

  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);
  g_return_val_if_fail (part > WTW_WORKBOOK_PART_NONE && part <= WTW_WORKBOOK_PART_CONVERSATION,
                        FALSE);

  if (!ensure_loaded (self))
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  bit = 1u << (part - 1);
  mask = GPOINTER_TO_UINT (g_hash_table_lookup (self->parts, chapter_id));
  if (!!(mask & bit) == !!done)
    return TRUE;
  if (!wtw_vault_progress_set (wtw_workbook_progress_get_vault (self), chapter_id, part, done,
                               error))
    return FALSE;
  mask = done ? (mask | bit) : (mask & ~bit);
  g_hash_table_insert (self->parts, g_strdup (chapter_id), GUINT_TO_POINTER (mask));
  g_signal_emit (self, signals[CHANGED], 0, chapter_id);
  return TRUE;
}

/**
 * wtw_workbook_progress_get_last_chapter:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: (nullable): the chapter the current member was last in
 */
const char *
wtw_workbook_progress_get_last_chapter (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), NULL);

  return ensure_loaded (self) ? self->last_chapter : NULL;
}

/**
 * wtw_workbook_progress_get_last_part:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: the part the current member was last on, or
 *   %WTW_WORKBOOK_PART_NONE
 */
WtwWorkbookPart
wtw_workbook_progress_get_last_part (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), WTW_WORKBOOK_PART_NONE);

  return ensure_loaded (self) ? self->last_part : WTW_WORKBOOK_PART_NONE;
}

/**
 * wtw_workbook_progress_set_last_place:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: the chapter on show
 * @part: the part on show
 * @error: return location for a #GError
 *
 * Remembers where the current member is, for "Continue".
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_workbook_progress_set_last_place (WtwWorkbookProgress  *self,
                                      const char           *chapter_id,
                                      WtwWorkbookPart       part,
                                      GError              **error)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);

  if (!ensure_loaded (self))
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  if (g_strcmp0 (self->last_chapter, chapter_id) == 0 && self->last_part == part)
    return TRUE;
  if (!wtw_vault_set_last_place (wtw_workbook_progress_get_vault (self), chapter_id, part, error))
    return FALSE;
  g_free (self->last_chapter);
  self->last_chapter = g_strdup (chapter_id);
  self->last_part = part;
  return TRUE;
}

/**
 * wtw_workbook_progress_list_conversations:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: a chapter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type WtwExerciseRecord) (nullable): the
 *   chapter's conversations, newest first
 */
GPtrArray *
wtw_workbook_progress_list_conversations (WtwWorkbookProgress  *self,
                                          const char           *chapter_id,
                                          GError              **error)
{
  WtwVault *vault;

  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), NULL);
  g_return_val_if_fail (chapter_id != NULL, NULL);

  if ((vault = wtw_workbook_progress_get_vault (self)) == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return NULL;
    }
  return wtw_vault_exercise_list (vault, chapter_id, error);
}

/**
 * wtw_workbook_progress_record_conversation:
 * @self: a #WtwWorkbookProgress
 * @chapter_id: the chapter
 * @started: Unix time the conversation began
 * @finished: Unix time it ended
 * @name_a: the name Partner A gave
 * @name_b: the name Partner B gave
 * @error: return location for a #GError
 *
 * Saves a finished conversation, marks the chapter's conversation part
 * done, and makes it the conversation whose notes
 * wtw_workbook_progress_set_conversation_notes() writes. The conversation
 * recorded before it, if any, is ended first.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_workbook_progress_record_conversation (WtwWorkbookProgress  *self,
                                           const char           *chapter_id,
                                           gint64                started,
                                           gint64                finished,
                                           const char           *name_a,
                                           const char           *name_b,
                                           GError              **error)
{
  g_autoptr(WtwExerciseRecord) record = wtw_exercise_record_new ();
  WtwVault *vault;

  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);

  if (!wtw_workbook_progress_end_conversation (self, error))
    return FALSE;
  if ((vault = wtw_workbook_progress_get_vault (self)) == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  record->chapter_id = g_strdup (chapter_id);
  record->started = started;
  record->finished = finished;
  record->name_a = g_strdup (name_a);
  record->name_b = g_strdup (name_b);
  if (!wtw_vault_exercise_insert (vault, record, error))
    return FALSE;
  self->conversation = g_steal_pointer (&record);
  g_signal_emit (self, signals[CONVERSATIONS_CHANGED], 0, chapter_id);
  return wtw_workbook_progress_set_done (self, chapter_id, WTW_WORKBOOK_PART_CONVERSATION,
                                         TRUE, error);
}

/**
 * wtw_workbook_progress_set_conversation_notes:
 * @self: a #WtwWorkbookProgress
 * @notes_a: (nullable): what Partner A noticed
 * @notes_b: (nullable): what Partner B noticed
 *
 * Changes the notes of the conversation last recorded; they save
 * themselves after a quiet second. Does nothing if there is none.
 */
void
wtw_workbook_progress_set_conversation_notes (WtwWorkbookProgress *self,
                                              const char          *notes_a,
                                              const char          *notes_b)
{
  g_return_if_fail (WTW_IS_WORKBOOK_PROGRESS (self));

  if (self->conversation == NULL)
    return;
  if (g_strcmp0 (self->conversation->notes_a, notes_a) == 0
      && g_strcmp0 (self->conversation->notes_b, notes_b) == 0)
    return;
  g_free (self->conversation->notes_a);
  g_free (self->conversation->notes_b);
  self->conversation->notes_a = g_strdup (notes_a);
  self->conversation->notes_b = g_strdup (notes_b);
  wtw_autosave_changed (self->notes_autosave);
}

/**
 * wtw_workbook_progress_get_conversation_id:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: the id of the conversation whose notes are being written, or 0
 */
gint64
wtw_workbook_progress_get_conversation_id (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), 0);

  return self->conversation != NULL ? self->conversation->id : 0;
}

/**
 * wtw_workbook_progress_end_conversation:
 * @self: a #WtwWorkbookProgress
 * @error: return location for a #GError
 *
 * Saves the notes of the conversation last recorded and lets it go.
 *
 * Returns: %TRUE on success; on failure the notes stay pending
 */
gboolean
wtw_workbook_progress_end_conversation (WtwWorkbookProgress  *self,
                                        GError              **error)
{
  g_autofree char *chapter_id = NULL;

  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), FALSE);

  if (self->conversation == NULL)
    return TRUE;
  if (!wtw_autosave_flush (self->notes_autosave, error))
    return FALSE;
  chapter_id = g_strdup (self->conversation->chapter_id);
  g_clear_pointer (&self->conversation, wtw_exercise_record_free);
  wtw_autosave_discard (self->notes_autosave);
  /* The list of past conversations shows the notes now. */
  g_signal_emit (self, signals[CONVERSATIONS_CHANGED], 0, chapter_id);
  return TRUE;
}

/**
 * wtw_workbook_progress_get_notes_autosave:
 * @self: a #WtwWorkbookProgress
 *
 * Returns: (transfer none): what saves the conversation notes
 */
WtwAutosave *
wtw_workbook_progress_get_notes_autosave (WtwWorkbookProgress *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_PROGRESS (self), NULL);

  return self->notes_autosave;
}
