/* wtw-journal-editor.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-journal-model.h"

G_BEGIN_DECLS

/**
 * WTW_JOURNAL_EDITOR_AUTOSAVE_DELAY:
 *
 * Milliseconds of quiet after the last change before an entry saves itself.
 */
#define WTW_JOURNAL_EDITOR_AUTOSAVE_DELAY 1000

#define WTW_TYPE_JOURNAL_EDITOR (wtw_journal_editor_get_type ())

G_DECLARE_FINAL_TYPE (WtwJournalEditor, wtw_journal_editor, WTW, JOURNAL_EDITOR, GObject)

const char * const *wtw_journal_editor_get_moods          (void);

WtwJournalEditor   *wtw_journal_editor_new                (WtwJournalModel  *journal);
WtwJournalModel    *wtw_journal_editor_get_journal        (WtwJournalEditor *self);

gboolean            wtw_journal_editor_load               (WtwJournalEditor *self,
                                                           gint64            id,
                                                           GError          **error);
void                wtw_journal_editor_new_entry          (WtwJournalEditor *self);
void                wtw_journal_editor_new_from_prompt    (WtwJournalEditor *self,
                                                           const char       *chapter_id,
                                                           const char       *prompt_id,
                                                           const char       *prompt_text);
gboolean            wtw_journal_editor_save               (WtwJournalEditor *self,
                                                           GError          **error);
void                wtw_journal_editor_close              (WtwJournalEditor *self);

gboolean            wtw_journal_editor_get_active         (WtwJournalEditor *self);
gint64              wtw_journal_editor_get_entry_id       (WtwJournalEditor *self);
gint64              wtw_journal_editor_get_created        (WtwJournalEditor *self);
gboolean            wtw_journal_editor_get_sealed         (WtwJournalEditor *self);
const char         *wtw_journal_editor_get_title          (WtwJournalEditor *self);
void                wtw_journal_editor_set_title          (WtwJournalEditor *self,
                                                           const char       *title);
const char         *wtw_journal_editor_get_body           (WtwJournalEditor *self);
void                wtw_journal_editor_set_body           (WtwJournalEditor *self,
                                                           const char       *body);
const char         *wtw_journal_editor_get_mood           (WtwJournalEditor *self);
void                wtw_journal_editor_set_mood           (WtwJournalEditor *self,
                                                           const char       *mood);
gboolean            wtw_journal_editor_get_is_private     (WtwJournalEditor *self);
void                wtw_journal_editor_set_is_private     (WtwJournalEditor *self,
                                                           gboolean          is_private);
gboolean            wtw_journal_editor_get_can_be_private (WtwJournalEditor *self);
const char * const *wtw_journal_editor_get_tags           (WtwJournalEditor *self);
gboolean            wtw_journal_editor_add_tag            (WtwJournalEditor *self,
                                                           const char       *tag);
gboolean            wtw_journal_editor_remove_tag         (WtwJournalEditor *self,
                                                           const char       *tag);
const char         *wtw_journal_editor_get_chapter_id     (WtwJournalEditor *self);
const char         *wtw_journal_editor_get_prompt_id      (WtwJournalEditor *self);
gboolean            wtw_journal_editor_get_dirty          (WtwJournalEditor *self);
gboolean            wtw_journal_editor_get_saved          (WtwJournalEditor *self);
guint               wtw_journal_editor_get_word_count     (WtwJournalEditor *self);
guint               wtw_journal_editor_get_autosave_delay (WtwJournalEditor *self);
void                wtw_journal_editor_set_autosave_delay (WtwJournalEditor *self,
                                                           guint             msec);

guint               wtw_journal_count_words               (const char       *text);

G_END_DECLS
