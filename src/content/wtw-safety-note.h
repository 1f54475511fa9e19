/* wtw-safety-note.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-help-line.h"

G_BEGIN_DECLS

#define WTW_TYPE_SAFETY_NOTE (wtw_safety_note_get_type ())

G_DECLARE_FINAL_TYPE (WtwSafetyNote, wtw_safety_note, WTW, SAFETY_NOTE, GObject)

WtwSafetyNote      *wtw_safety_note_new_from_bytes (GBytes         *bytes,
                                                    const char     *file,
                                                    GError        **error);
const char         *wtw_safety_note_get_title      (WtwSafetyNote  *self);
const char * const *wtw_safety_note_get_paragraphs (WtwSafetyNote  *self);
GListModel         *wtw_safety_note_get_help       (WtwSafetyNote  *self);

G_END_DECLS
