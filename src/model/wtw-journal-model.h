/* wtw-journal-model.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-journal-item.h"
#include "wtw-session.h"

G_BEGIN_DECLS

/**
 * WTW_JOURNAL_MODEL_PAGE_SIZE:
 *
 * Rows the model fetches from the vault at a time: a little more than the
 * 200 rows GtkListView keeps widgets for, so that showing the list reads one
 * page.
 */
#define WTW_JOURNAL_MODEL_PAGE_SIZE 256

/**
 * WTW_JOURNAL_MODEL_MAX_RESULTS:
 *
 * Most entries a text search lists, the newest written first.
 */
#define WTW_JOURNAL_MODEL_MAX_RESULTS 1000

#define WTW_TYPE_JOURNAL_MODEL (wtw_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (WtwJournalModel, wtw_journal_model, WTW, JOURNAL_MODEL, GObject)

WtwJournalModel *wtw_journal_model_new               (WtwSession       *session);
WtwSession      *wtw_journal_model_get_session       (WtwJournalModel  *self);
void             wtw_journal_model_reload            (WtwJournalModel  *self);

const char      *wtw_journal_model_get_search_text   (WtwJournalModel  *self);
void             wtw_journal_model_set_search_text   (WtwJournalModel  *self,
                                                      const char       *text);
const char      *wtw_journal_model_get_tag           (WtwJournalModel  *self);
void             wtw_journal_model_set_tag           (WtwJournalModel  *self,
                                                      const char       *tag);
const char      *wtw_journal_model_get_mood          (WtwJournalModel  *self);
void             wtw_journal_model_set_mood          (WtwJournalModel  *self,
                                                      const char       *mood);
void             wtw_journal_model_set_date_range    (WtwJournalModel  *self,
                                                      gint64            from,
                                                      gint64            to);
void             wtw_journal_model_get_date_range    (WtwJournalModel  *self,
                                                      gint64           *from,
                                                      gint64           *to);
gboolean         wtw_journal_model_get_filtered      (WtwJournalModel  *self);
gboolean         wtw_journal_model_get_grouped       (WtwJournalModel  *self);

gboolean         wtw_journal_model_save              (WtwJournalModel  *self,
                                                      WtwJournalEntry  *entry,
                                                      const char * const *tags,
                                                      GError          **error);
gboolean         wtw_journal_model_delete            (WtwJournalModel  *self,
                                                      gint64            id,
                                                      GError          **error);
void             wtw_journal_model_delete_later      (WtwJournalModel  *self,
                                                      gint64            id);
void             wtw_journal_model_undo_delete       (WtwJournalModel  *self,
                                                      gint64            id);
gboolean         wtw_journal_model_finish_delete     (WtwJournalModel  *self,
                                                      gint64            id,
                                                      GError          **error);
gboolean         wtw_journal_model_is_pending_delete (WtwJournalModel  *self,
                                                      gint64            id);
void             wtw_journal_model_finish_all_deletes (WtwJournalModel *self);

gint             wtw_journal_model_find              (WtwJournalModel  *self,
                                                      gint64            id);
guint32          wtw_journal_model_get_days_with_entries (WtwJournalModel *self,
                                                      int               year,
                                                      int               month);
char           **wtw_journal_model_list_tags         (WtwJournalModel  *self);

G_END_DECLS
