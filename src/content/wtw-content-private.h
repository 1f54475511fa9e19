/* wtw-content-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-chapter.h"
#include "wtw-quiz.h"
#include "wtw-quiz-result.h"
#include "wtw-safety-note.h"

G_BEGIN_DECLS

/* @file is the file's path under the content root ("en/quiz.json"); it names
 * the file in error messages, and for chapters its base name must be
 * "NN-slug.json". */
WtwChapter    *_wtw_content_parse_chapter     (GBytes      *bytes,
                                               const char  *file,
                                               GError     **error);
WtwQuiz       *_wtw_content_parse_quiz        (GBytes      *bytes,
                                               const char  *file,
                                               GError     **error);
WtwSafetyNote *_wtw_content_parse_safety_note (GBytes      *bytes,
                                               const char  *file,
                                               GError     **error);

WtwQuizResult *_wtw_quiz_result_new           (guint        n_dimensions,
                                               const int   *scores,
                                               const int   *tiers,
                                               int          overall,
                                               GListModel  *insights);

G_END_DECLS
