/* wtw-journal-editor.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-journal-editor"

#include "config.h"

#include <string.h>

#include "wtw-autosave-private.h"
#include "wtw-journal-editor.h"
#include "wtw-journal-editor-private.h"

/**
 * WtwJournalEditor:
 *
 * The entry being written: its fields, whether they differ from what the
 * vault holds, and the saving. A change saves itself after a second of quiet
 * (%WTW_JOURNAL_EDITOR_AUTOSAVE_DELAY); opening another entry, closing, and
 * the vault about to lock save at once, so nothing typed is lost.
 *
 * A new entry reaches the vault with its first words; an entry left empty is
 * never written. Another member's private entry opens sealed: no text, and
 * nothing can be changed. Writes go through the #WtwJournalModel, which
 * announces them to the list.
 */
struct _WtwJournalEditor
{
  GObject              parent_instance;

  WtwJournalModel     *journal;
  WtwJournalEntry     *entry;
  GPtrArray           *tags;

  WtwAutosave         *autosave;
  guint                word_count;

  guint                active : 1;
  guint                dirty : 1;
};

G_DEFINE_FINAL_TYPE (WtwJournalEditor, wtw_journal_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_ACTIVE,
  PROP_ENTRY_ID,
  PROP_SEALED,
  PROP_TITLE,
  PROP_BODY,
  PROP_MOOD,
  PROP_IS_PRIVATE,
  PROP_CAN_BE_PRIVATE,
  PROP_TAGS,
  PROP_CHAPTER_ID,
  PROP_PROMPT_ID,
  PROP_DIRTY,
  PROP_SAVED,
  PROP_WORD_COUNT,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const moods[] = {
  "joyful", "calm", "grateful", "hopeful", "tired", "anxious", "sad", "angry", NULL
};

static WtwVault *
get_vault (WtwJournalEditor *self)
{
  return wtw_session_get_vault (wtw_journal_model_get_session (self->journal));
}

static void
notify (WtwJournalEditor *self,
        guint             prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_dirty (WtwJournalEditor *self,
           gboolean          dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  notify (self, PROP_DIRTY);
  notify (self, PROP_SAVED);
}

/* The debounce is the app's one WtwAutosave; what it saves is the editor's
 * entry, with the editor's own checks (nothing for an empty new entry). */
static gboolean
autosave_func (gpointer   user_data,
               GError   **error)
{
  return wtw_journal_editor_save (user_data, error);
}

static void
on_autosave_failed_cb (WtwJournalEditor *self,
                       const char       *message,
                       WtwAutosave      *autosave)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, message);
}

/* Every edit comes here: the entry is now different from the vault's copy,
 * and the quiet second before saving starts again. */
static void
changed (WtwJournalEditor *self)
{
  set_dirty (self, TRUE);
  wtw_autosave_changed (self->autosave);
}

static gboolean
is_empty (WtwJournalEditor *self)
{
  WtwJournalEntry *e = self->entry;

  return (e->title == NULL || *e->title == '\0') && (e->body == NULL || *e->body == '\0')
         && self->tags->len == 0 && e->mood == NULL;
}

static void
clear_tags (WtwJournalEditor *self)
{
  g_ptr_array_set_size (self->tags, 0);
}

static void
set_word_count (WtwJournalEditor *self)
{
  guint count = wtw_journal_count_words (self->entry->body);

  if (self->word_count == count)
    return;

  self->word_count = count;
  notify (self, PROP_WORD_COUNT);
}

static void
notify_all (WtwJournalEditor *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_word_count (self);
  for (guint prop = PROP_ACTIVE; prop < PROP_AUTOSAVE_DELAY; prop++)
    if (prop != PROP_WORD_COUNT)
      notify (self, prop);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Forgets the entry, wiping what was typed from memory. */
static void
reset (WtwJournalEditor *self,
       gboolean          active)
{
  wtw_autosave_discard (self->autosave);
  if (self->entry->body != NULL)
    explicit_bzero (self->entry->body, strlen (self->entry->body));
  g_clear_pointer (&self->entry, wtw_journal_entry_free);
  self->entry = wtw_journal_entry_new ();
  clear_tags (self);
  self->active = !!active;
  self->dirty = FALSE;
}

static void
on_session_locking_cb (WtwJournalEditor *self,
                       WtwSession       *session)
{
  g_autoptr(GError) error = NULL;

  if (!wtw_journal_editor_save (self, &error))
    g_warning ("Could not save the journal entry before locking: %s", error->message);
}

static void
on_session_state_changed_cb (WtwJournalEditor *self,
                             GParamSpec       *pspec,
                             WtwSession       *session)
{
  if (get_vault (self) == NULL && self->active)
    {
      reset (self, FALSE);
      notify_all (self);
    }
}

static void
wtw_journal_editor_constructed (GObject *object)
{
  WtwJournalEditor *self = (WtwJournalEditor *)object;
  WtwSession *session = wtw_journal_model_get_session (self->journal);

  G_OBJECT_CLASS (wtw_journal_editor_parent_class)->constructed (object);

  g_signal_connect_object (session, "locking",
                           G_CALLBACK (on_session_locking_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
wtw_journal_editor_dispose (GObject *object)
{
  WtwJournalEditor *self = (WtwJournalEditor *)object;

  if (self->journal != NULL)
    wtw_journal_editor_close (self);
  if (self->autosave != NULL)
    wtw_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (wtw_journal_editor_parent_class)->dispose (object);
}

static void
wtw_journal_editor_finalize (GObject *object)
{
  WtwJournalEditor *self = (WtwJournalEditor *)object;

  g_clear_pointer (&self->entry, wtw_journal_entry_free);
  g_ptr_array_unref (self->tags);

  G_OBJECT_CLASS (wtw_journal_editor_parent_class)->finalize (object);
}

static void
wtw_journal_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WtwJournalEditor *self = WTW_JOURNAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_ENTRY_ID:
      g_value_set_int64 (value, self->entry->id);
      break;

    case PROP_SEALED:
      g_value_set_boolean (value, self->entry->sealed);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->entry->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->entry->body);
      break;

    case PROP_MOOD:
      g_value_set_string (value, self->entry->mood);
      break;

    case PROP_IS_PRIVATE:
      g_value_set_boolean (value, self->entry->is_private);
      break;

    case PROP_CAN_BE_PRIVATE:
      g_value_set_boolean (value, wtw_journal_editor_get_can_be_private (self));
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags->pdata);
      break;

    case PROP_CHAPTER_ID:
      g_value_set_string (value, self->entry->chapter_id);
      break;

    case PROP_PROMPT_ID:
      g_value_set_string (value, self->entry->prompt_id);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_SAVED:
      g_value_set_boolean (value, wtw_journal_editor_get_saved (self));
      break;

    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;

    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, wtw_autosave_get_delay (self->autosave));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WtwJournalEditor *self = WTW_JOURNAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_TITLE:
      wtw_journal_editor_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      wtw_journal_editor_set_body (self, g_value_get_string (value));
      break;

    case PROP_MOOD:
      wtw_journal_editor_set_mood (self, g_value_get_string (value));
      break;

    case PROP_IS_PRIVATE:
      wtw_journal_editor_set_is_private (self, g_value_get_boolean (value));
      break;

    case PROP_AUTOSAVE_DELAY:
      wtw_journal_editor_set_autosave_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_editor_class_init (WtwJournalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = wtw_journal_editor_constructed;
  object_class->dispose = wtw_journal_editor_dispose;
  object_class->finalize = wtw_journal_editor_finalize;
  object_class->get_property = wtw_journal_editor_get_property;
  object_class->set_property = wtw_journal_editor_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         WTW_TYPE_JOURNAL_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwJournalEditor:active:
   *
   * Whether an entry is open (a new one or one from the vault).
   */
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, ro);

  /**
   * WtwJournalEditor:entry-id:
   *
   * The entry's id in the vault; 0 until a new entry is first saved.
   */
  properties[PROP_ENTRY_ID] =
    g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SEALED] = g_param_spec_boolean ("sealed", NULL, NULL, FALSE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, rw);

  /**
   * WtwJournalEditor:mood:
   *
   * One of wtw_journal_editor_get_moods(), or %NULL.
   */
  properties[PROP_MOOD] = g_param_spec_string ("mood", NULL, NULL, NULL, rw);
  properties[PROP_IS_PRIVATE] = g_param_spec_boolean ("is-private", NULL, NULL, FALSE, rw);

  /**
   * WtwJournalEditor:can-be-private:
   *
   * Whether "private" means anything: the vault has another member, and
   * the entry is the current member's own.
   */
  properties[PROP_CAN_BE_PRIVATE] =
    g_param_spec_boolean ("can-be-private", NULL, NULL, FALSE, ro);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, ro);

  /**
   * WtwJournalEditor:chapter-id:
   *
   * The chapter whose prompt the entry answers, for an entry begun from a
   * prompt; saved with the entry (sealed with it when it is private).
   */
  properties[PROP_CHAPTER_ID] = g_param_spec_string ("chapter-id", NULL, NULL, NULL, ro);
  properties[PROP_PROMPT_ID] = g_param_spec_string ("prompt-id", NULL, NULL, NULL, ro);

  /**
   * WtwJournalEditor:dirty:
   *
   * Whether there are changes the vault does not have yet.
   */
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);

  /**
   * WtwJournalEditor:saved:
   *
   * Whether the entry is in the vault exactly as shown.
   */
  properties[PROP_SAVED] = g_param_spec_boolean ("saved", NULL, NULL, FALSE, ro);
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL,
                       0, G_MAXUINT, WTW_JOURNAL_EDITOR_AUTOSAVE_DELAY, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwJournalEditor::save-failed:
   * @self: the editor
   * @message: why, one sentence for a person
   *
   * An autosave failed; the changes are still in the editor and the next
   * change tries again.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wtw_journal_editor_init (WtwJournalEditor *self)
{
  self->entry = wtw_journal_entry_new ();
  self->tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->autosave = wtw_autosave_new (autosave_func, self);
  wtw_autosave_set_delay (self->autosave, WTW_JOURNAL_EDITOR_AUTOSAVE_DELAY);
  g_signal_connect_object (self->autosave, "save-failed",
                           G_CALLBACK (on_autosave_failed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * wtw_journal_editor_get_moods:
 *
 * Returns: (transfer none): the moods an entry can have, as stored
 */
const char * const *
wtw_journal_editor_get_moods (void)
{
  return moods;
}

/**
 * wtw_journal_editor_new:
 * @journal: the journal to write to
 *
 * Returns: (transfer full): a new #WtwJournalEditor with no entry open
 */
WtwJournalEditor *
wtw_journal_editor_new (WtwJournalModel *journal)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (journal), NULL);

  return g_object_new (WTW_TYPE_JOURNAL_EDITOR, "journal", journal, NULL);
}

WtwJournalModel *
wtw_journal_editor_get_journal (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);

  return self->journal;
}

static gboolean
save_before_switching (WtwJournalEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (wtw_journal_editor_save (self, &error))
    return TRUE;
  g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
  return FALSE;
}

/**
 * wtw_journal_editor_load:
 * @self: a #WtwJournalEditor
 * @id: the entry to open
 * @error: return location for a #GError
 *
 * Saves the open entry, then opens @id with its body and tags.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_journal_editor_load (WtwJournalEditor  *self,
                         gint64             id,
                         GError           **error)
{
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_auto(GStrv) tags = NULL;
  WtwVault *vault;

  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);

  if (!wtw_journal_editor_save (self, error))
    return FALSE;
  vault = get_vault (self);
  if (vault == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  entry = wtw_vault_journal_get (vault, id, error);
  if (entry == NULL)
    return FALSE;
  if (!entry->sealed && (tags = wtw_vault_journal_get_tags (vault, id, error)) == NULL)
    return FALSE;

  reset (self, TRUE);
  wtw_journal_entry_free (self->entry);
  self->entry = g_steal_pointer (&entry);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (self->tags, g_strdup (tags[i]));
  notify_all (self);
  return TRUE;
}

/**
 * wtw_journal_editor_new_entry:
 * @self: a #WtwJournalEditor
 *
 * Saves the open entry and starts a blank one, which reaches the vault with
 * its first words.
 */
void
wtw_journal_editor_new_entry (WtwJournalEditor *self)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  save_before_switching (self);
  reset (self, TRUE);
  notify_all (self);
}

/**
 * wtw_journal_editor_new_from_prompt:
 * @self: a #WtwJournalEditor
 * @chapter_id: the chapter
 * @prompt_id: the prompt in it
 * @prompt_text: the prompt, which becomes the title
 *
 * Starts an entry that answers a reflection prompt.
 */
void
wtw_journal_editor_new_from_prompt (WtwJournalEditor *self,
                                    const char       *chapter_id,
                                    const char       *prompt_id,
                                    const char       *prompt_text)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (chapter_id != NULL && prompt_id != NULL && prompt_text != NULL);

  save_before_switching (self);
  reset (self, TRUE);
  self->entry->title = g_strdup (prompt_text);
  self->entry->chapter_id = g_strdup (chapter_id);
  self->entry->prompt_id = g_strdup (prompt_id);
  notify_all (self);
  /* Only a title: saved once something is written below it. */
  self->dirty = FALSE;
}

/**
 * wtw_journal_editor_save:
 * @self: a #WtwJournalEditor
 * @error: return location for a #GError
 *
 * Writes the open entry now if it has changes. A new entry with nothing in
 * it is not written.
 *
 * Returns: %TRUE on success, or when there was nothing to save
 */
gboolean
wtw_journal_editor_save (WtwJournalEditor  *self,
                         GError           **error)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);

  /* Saved now, whoever asked: the quiet second has nothing left to do. */
  if (wtw_autosave_get_pending (self->autosave))
    wtw_autosave_discard (self->autosave);
  if (!self->active || !self->dirty || self->entry->sealed)
    return TRUE;
  if (self->entry->id == 0 && is_empty (self))
    {
      set_dirty (self, FALSE);
      return TRUE;
    }
  if (!wtw_journal_model_save (self->journal, self->entry,
                               (const char * const *) self->tags->pdata, error))
    {
      /* Still to save: the next change, or the next save, tries again. */
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  notify (self, PROP_ENTRY_ID);
  set_dirty (self, FALSE);
  notify (self, PROP_SAVED);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * wtw_journal_editor_close:
 * @self: a #WtwJournalEditor
 *
 * Saves the open entry and forgets it.
 */
void
wtw_journal_editor_close (WtwJournalEditor *self)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  if (!self->active)
    return;
  save_before_switching (self);
  reset (self, FALSE);
  notify_all (self);
}

gboolean
wtw_journal_editor_get_active (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  return self->active;
}

gint64
wtw_journal_editor_get_entry_id (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), 0);
  return self->entry->id;
}

gint64
wtw_journal_editor_get_created (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), 0);
  return self->entry->created;
}

gboolean
wtw_journal_editor_get_sealed (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  return self->entry->sealed;
}

const char *
wtw_journal_editor_get_title (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);
  return self->entry->title;
}

/* Sets one text field of an open, writable entry; %TRUE if it changed. */
static gboolean
set_field (WtwJournalEditor  *self,
           char             **field,
           const char        *value,
           guint              prop)
{
  if (!self->active || self->entry->sealed || g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  notify (self, prop);
  changed (self);
  return TRUE;
}

void
wtw_journal_editor_set_title (WtwJournalEditor *self,
                              const char       *title)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  set_field (self, &self->entry->title, title, PROP_TITLE);
}

const char *
wtw_journal_editor_get_body (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);
  return self->entry->body;
}

void
wtw_journal_editor_set_body (WtwJournalEditor *self,
                             const char       *body)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  if (set_field (self, &self->entry->body, body, PROP_BODY))
    set_word_count (self);
}

const char *
wtw_journal_editor_get_mood (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);
  return self->entry->mood;
}

void
wtw_journal_editor_set_mood (WtwJournalEditor *self,
                             const char       *mood)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (mood == NULL || g_strv_contains (moods, mood));

  set_field (self, &self->entry->mood, mood, PROP_MOOD);
}

gboolean
wtw_journal_editor_get_is_private (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  return self->entry->is_private;
}

/**
 * wtw_journal_editor_set_is_private:
 * @self: a #WtwJournalEditor
 * @is_private: whether only the writer can read the entry
 *
 * A private entry keeps its tags, sealed with its text: only its writer
 * sees them.
 */
void
wtw_journal_editor_set_is_private (WtwJournalEditor *self,
                                   gboolean          is_private)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  if (!self->active || self->entry->sealed || self->entry->is_private == !!is_private)
    return;
  if (is_private && !wtw_journal_editor_get_can_be_private (self))
    return;

  self->entry->is_private = !!is_private;
  notify (self, PROP_IS_PRIVATE);
  changed (self);
}

gboolean
wtw_journal_editor_get_can_be_private (WtwJournalEditor *self)
{
  g_autoptr(GPtrArray) members = NULL;
  WtwVault *vault;

  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);

  vault = get_vault (self);
  if (vault == NULL || !self->active || self->entry->sealed)
    return FALSE;
  if (self->entry->id != 0 && self->entry->member_id != wtw_vault_get_member_id (vault))
    return FALSE;
  members = wtw_vault_list_members (vault, NULL);
  return members != NULL && members->len > 1;
}

/**
 * wtw_journal_editor_get_tags:
 * @self: a #WtwJournalEditor
 *
 * Returns: (transfer none): the entry's tags, never %NULL
 */
const char * const *
wtw_journal_editor_get_tags (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);
  return (const char * const *) self->tags->pdata;
}

static gint
find_tag (WtwJournalEditor *self,
          const char       *tag)
{
  for (guint i = 0; i < self->tags->len; i++)
    {
      g_autofree char *a = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);
      g_autofree char *b = g_utf8_casefold (tag, -1);

      if (g_str_equal (a, b))
        return i;
    }
  return -1;
}

/**
 * wtw_journal_editor_add_tag:
 * @self: a #WtwJournalEditor
 * @tag: a tag; blanks around it are dropped
 *
 * Returns: whether the tag was added (not blank and not there yet)
 */
gboolean
wtw_journal_editor_add_tag (WtwJournalEditor *self,
                            const char       *tag)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  name = g_strstrip (g_utf8_make_valid (tag, -1));
  if (!self->active || self->entry->sealed || *name == '\0' || find_tag (self, name) >= 0)
    return FALSE;

  g_ptr_array_add (self->tags, g_steal_pointer (&name));
  notify (self, PROP_TAGS);
  changed (self);
  return TRUE;
}

gboolean
wtw_journal_editor_remove_tag (WtwJournalEditor *self,
                               const char       *tag)
{
  gint index;

  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  index = find_tag (self, tag);
  if (!self->active || self->entry->sealed || index < 0)
    return FALSE;

  g_ptr_array_remove_index (self->tags, index);
  notify (self, PROP_TAGS);
  changed (self);
  return TRUE;
}

const char *
wtw_journal_editor_get_chapter_id (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);
  return self->entry->chapter_id;
}

const char *
wtw_journal_editor_get_prompt_id (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), NULL);
  return self->entry->prompt_id;
}

gboolean
wtw_journal_editor_get_dirty (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  return self->dirty;
}

gboolean
wtw_journal_editor_get_saved (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), FALSE);
  return self->active && self->entry->id != 0 && !self->dirty;
}

guint
wtw_journal_editor_get_word_count (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), 0);
  return self->word_count;
}

guint
wtw_journal_editor_get_autosave_delay (WtwJournalEditor *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_EDITOR (self), 0);
  return wtw_autosave_get_delay (self->autosave);
}

void
wtw_journal_editor_set_autosave_delay (WtwJournalEditor *self,
                                       guint             msec)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  if (wtw_autosave_get_delay (self->autosave) == msec)
    return;

  wtw_autosave_set_delay (self->autosave, msec);
  notify (self, PROP_AUTOSAVE_DELAY);
}

/**
 * wtw_journal_count_words:
 * @text: (nullable): some text
 *
 * Counts runs of letters and digits; an apostrophe or hyphen inside a word
 * ("don't", "well-being") does not split it.
 *
 * Returns: the number of words
 */
guint
wtw_journal_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint count = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean joins = in_word && (c == '\'' || c == 0x2019 || c == '-')
                       && g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p)));

      if (g_unichar_isalnum (c) || g_unichar_ismark (c) || joins)
        {
          count += in_word ? 0 : 1;
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }
  return count;
}

/**
 * _wtw_journal_editor_set_clock:
 * @self: a #WtwJournalEditor
 * @clock_func: (nullable): what tells the time, or %NULL for the monotonic clock
 * @user_data: passed to @clock_func
 *
 * Replaces the clock. With a clock of its own the editor arms no timer: the
 * caller calls _wtw_journal_editor_tick().
 */
void
_wtw_journal_editor_set_clock (WtwJournalEditor    *self,
                               WtwJournalClockFunc  clock_func,
                               gpointer             user_data)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  _wtw_autosave_set_clock (self->autosave, clock_func, user_data);
}

/**
 * _wtw_journal_editor_tick:
 * @self: a #WtwJournalEditor
 *
 * Reads the clock and saves if the last change is a full delay old.
 */
void
_wtw_journal_editor_tick (WtwJournalEditor *self)
{
  g_return_if_fail (WTW_IS_JOURNAL_EDITOR (self));

  _wtw_autosave_tick (self->autosave);
}
