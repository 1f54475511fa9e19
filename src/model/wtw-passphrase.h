/* wtw-passphrase.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WtwPassphraseRating:
 * @score: 0 (guessed at once) to 4 (very hard to guess), as zxcvbn scores
 * @bits: zxcvbn's estimate of the entropy, in bits
 * @acceptable: whether the passphrase meets the minimum for a vault
 *
 * How hard a passphrase is to guess.
 */
typedef struct
{
  guint    score;
  double   bits;
  gboolean acceptable;
} WtwPassphraseRating;

#define WTW_PASSPHRASE_MIN_SCORE 3
#define WTW_PASSPHRASE_MIN_LENGTH 8

WtwPassphraseRating wtw_passphrase_rate (const char         *passphrase,
                                         const char * const *user_words);

G_END_DECLS
