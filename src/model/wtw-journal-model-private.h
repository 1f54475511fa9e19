/* wtw-journal-model-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-journal-model.h"

G_BEGIN_DECLS

/* For tests and benchmarks: how many pages the model fetched from the vault
 * so far, and how many it holds now. */
guint _wtw_journal_model_get_n_fetches      (WtwJournalModel *self);
guint _wtw_journal_model_get_n_cached_pages (WtwJournalModel *self);

G_END_DECLS
