/* wtw-chapter.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-exercise.h"
#include "wtw-prompt.h"
#include "wtw-script-pair.h"

G_BEGIN_DECLS

#define WTW_TYPE_CHAPTER (wtw_chapter_get_type ())

G_DECLARE_FINAL_TYPE (WtwChapter, wtw_chapter, WTW, CHAPTER, GObject)

WtwChapter         *wtw_chapter_new_from_bytes  (GBytes      *bytes,
                                                 const char  *file,
                                                 GError     **error);
const char         *wtw_chapter_get_id          (WtwChapter  *self);
guint               wtw_chapter_get_number      (WtwChapter  *self);
const char         *wtw_chapter_get_title       (WtwChapter  *self);
const char         *wtw_chapter_get_summary     (WtwChapter  *self);
const char * const *wtw_chapter_get_explanation (WtwChapter  *self);
GListModel         *wtw_chapter_get_scripts     (WtwChapter  *self);
GListModel         *wtw_chapter_get_prompts     (WtwChapter  *self);
WtwExercise        *wtw_chapter_get_exercise    (WtwChapter  *self);
WtwPrompt          *wtw_chapter_lookup_prompt   (WtwChapter  *self,
                                                 const char  *id);

G_END_DECLS
