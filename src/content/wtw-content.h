/* wtw-content.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-chapter.h"
#include "wtw-content-error.h"
#include "wtw-quiz.h"
#include "wtw-safety-note.h"

G_BEGIN_DECLS

/**
 * WTW_CONTENT_RESOURCE_PATH:
 *
 * Where the content is compiled into the GResource; one folder per language
 * below it.
 */
#define WTW_CONTENT_RESOURCE_PATH "/org/wordsthatwork/WordsThatWork/content"

#define WTW_TYPE_CONTENT (wtw_content_get_type ())

G_DECLARE_FINAL_TYPE (WtwContent, wtw_content, WTW, CONTENT, GObject)

WtwContent    *wtw_content_new               (GError             **error);
WtwContent    *wtw_content_new_for_languages (const char * const  *languages,
                                              GError             **error);
WtwContent    *wtw_content_new_from_file     (GFile               *root,
                                              const char * const  *languages,
                                              GError             **error);
const char    *wtw_content_get_language      (WtwContent          *self);
GListModel    *wtw_content_get_chapters      (WtwContent          *self);
WtwChapter    *wtw_content_lookup_chapter    (WtwContent          *self,
                                              const char          *id);
WtwQuiz       *wtw_content_get_quiz          (WtwContent          *self);
WtwSafetyNote *wtw_content_get_safety_note   (WtwContent          *self);

G_END_DECLS
