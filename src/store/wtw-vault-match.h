/* wtw-vault-match.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WtwTextMatcher WtwTextMatcher;

WtwTextMatcher *_wtw_text_matcher_new     (const char           *text);
void            _wtw_text_matcher_free    (WtwTextMatcher       *matcher);
char           *_wtw_text_matcher_snippet (const WtwTextMatcher *matcher,
                                           const char           *title,
                                           const char           *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwTextMatcher, _wtw_text_matcher_free)

G_END_DECLS
