/* wtw-journal-view.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-journal-editor.h"
#include "wtw-journal-model.h"
#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_JOURNAL_VIEW (wtw_journal_view_get_type ())

G_DECLARE_FINAL_TYPE (WtwJournalView, wtw_journal_view, WTW, JOURNAL_VIEW, AdwBin)

GtkWidget        *wtw_journal_view_new              (WtwSession     *session,
                                                     GListModel     *chapters);
WtwSession       *wtw_journal_view_get_session      (WtwJournalView *self);
GListModel       *wtw_journal_view_get_chapters     (WtwJournalView *self);
void              wtw_journal_view_set_chapters     (WtwJournalView *self,
                                                     GListModel     *chapters);
gboolean          wtw_journal_view_new_from_prompt  (WtwJournalView *self,
                                                     const char     *chapter_id,
                                                     const char     *prompt_id);
WtwJournalModel  *wtw_journal_view_get_model        (WtwJournalView *self);
WtwJournalEditor *wtw_journal_view_get_editor       (WtwJournalView *self);
guint             wtw_journal_view_get_undo_timeout (WtwJournalView *self);
void              wtw_journal_view_set_undo_timeout (WtwJournalView *self,
                                                     guint           seconds);

G_END_DECLS
