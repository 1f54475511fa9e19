/* wtw-passphrase.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-passphrase"

#include "config.h"

#include <math.h>
#include <zxcvbn.h>

#include "wtw-passphrase.h"

/* zxcvbn's score bands, as log10 of the number of guesses. */
static const double score_limits[] = { 3, 6, 8, 10 };

static guint
score_for_bits (double bits)
{
  double log10_guesses = bits * log10 (2);
  guint score = 0;

  while (score < G_N_ELEMENTS (score_limits) && log10_guesses >= score_limits[score])
    score++;

  return score;
}

/**
 * wtw_passphrase_rate:
 * @passphrase: the passphrase to rate
 * @user_words: (nullable): words that make a passphrase easier to guess for
 *   this person, such as their name; %NULL-terminated
 *
 * Rates @passphrase with zxcvbn. A passphrase is acceptable with a score of
 * at least 3 (about 10⁸ guesses, years at one Argon2id guess a second) and
 * at least eight characters.
 *
 * Returns: the rating
 */
WtwPassphraseRating
wtw_passphrase_rate (const char         *passphrase,
                     const char * const *user_words)
{
  WtwPassphraseRating rating = { 0, 0.0, FALSE };

  g_return_val_if_fail (passphrase != NULL, rating);

  if (*passphrase == '\0')
    return rating;

  rating.bits = ZxcvbnMatch (passphrase, (const char **)user_words, NULL);
  rating.score = score_for_bits (rating.bits);
  rating.acceptable = rating.score >= WTW_PASSPHRASE_MIN_SCORE &&
                      g_utf8_strlen (passphrase, -1) >= WTW_PASSPHRASE_MIN_LENGTH;

  return rating;
}
