/* wtw-script-pair-row.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-script-pair.h"

G_BEGIN_DECLS

#define WTW_TYPE_SCRIPT_PAIR_ROW (wtw_script_pair_row_get_type ())

G_DECLARE_FINAL_TYPE (WtwScriptPairRow, wtw_script_pair_row, WTW, SCRIPT_PAIR_ROW, AdwBin)

GtkWidget     *wtw_script_pair_row_new         (WtwScriptPair    *pair);
WtwScriptPair *wtw_script_pair_row_get_pair    (WtwScriptPairRow *self);
gboolean       wtw_script_pair_row_get_stacked (WtwScriptPairRow *self);

G_END_DECLS
