/* wtw-crypt-recovery.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-crypt-recovery"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wtw-crypt-recovery.h"
#include "wtw-secure.h"

/*
 * A recovery key is 256 random bits written as 52 characters of RFC 4648
 * base32 in 13 groups of 4 joined by '-'. 52 characters hold 260 bits: the
 * 4 spare bits are a check (the top 4 bits of BLAKE2b-256 of the key), which
 * catches most typos before the slow key derivation runs.
 */

#define CHARS  52
#define GROUP  4

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static guint8
check_bits (const guint8 *key)
{
  guint8 hash[crypto_generichash_BYTES];

  crypto_generichash (hash, sizeof hash, key, WTW_RECOVERY_KEY_BYTES, NULL, 0);
  return hash[0] >> 4;
}

/* Bit @i (0 = most significant of byte 0) of key ‖ check nibble. */
static guint
get_bit (const guint8 *key,
         guint8        check,
         guint         i)
{
  if (i < WTW_RECOVERY_KEY_BYTES * 8)
    return (key[i / 8] >> (7 - i % 8)) & 1;
  return (check >> (3 - (i - WTW_RECOVERY_KEY_BYTES * 8))) & 1;
}

/**
 * wtw_recovery_key_format:
 * @key: %WTW_RECOVERY_KEY_BYTES bytes
 *
 * Returns: (transfer full): the key as shown to a person, in secure memory
 *   (free with wtw_secure_free())
 */
char *
wtw_recovery_key_format (const guint8 *key)
{
  char *out = wtw_secure_alloc (CHARS + CHARS / GROUP);
  guint8 check = check_bits (key);
  guint pos = 0;

  for (guint c = 0; c < CHARS; c++)
    {
      guint value = 0;

      if (c > 0 && c % GROUP == 0)
        out[pos++] = '-';
      for (guint b = 0; b < 5; b++)
        value = (value << 1) | get_bit (key, check, c * 5 + b);
      out[pos++] = alphabet[value];
    }
  out[pos] = '\0';
  return out;
}

/* People read 0 as O, 1 as I and 8 as B; base32 has none of 0, 1, 8. */
static int
char_value (char c)
{
  const char *p;

  c = g_ascii_toupper (c);
  if (c == '0')
    c = 'O';
  else if (c == '1')
    c = 'I';
  else if (c == '8')
    c = 'B';
  p = c != '\0' ? strchr (alphabet, c) : NULL;
  return p != NULL ? (int) (p - alphabet) : -1;
}

static void
set_bit (guint8 *bits,
         guint   i,
         guint   value)
{
  if (value)
    bits[i / 8] |= 1 << (7 - i % 8);
}

/**
 * wtw_recovery_key_parse:
 * @text: a recovery key as typed: any case, with or without dashes and spaces
 * @key: (out): %WTW_RECOVERY_KEY_BYTES bytes
 *
 * Returns: %TRUE if @text has 52 base32 characters whose check bits match
 */
gboolean
wtw_recovery_key_parse (const char *text,
                        guint8     *key)
{
  guint8 bits[WTW_RECOVERY_KEY_BYTES + 1] = { 0 };
  guint n = 0;
  gboolean ok;

  for (const char *p = text; *p != '\0'; p++)
    {
      int value;

      if (*p == '-' || g_ascii_isspace (*p))
        continue;
      value = char_value (*p);
      if (value < 0 || n == CHARS)
        return FALSE;
      for (guint b = 0; b < 5; b++)
        set_bit (bits, n * 5 + b, (value >> (4 - b)) & 1);
      n++;
    }
  ok = n == CHARS && (bits[WTW_RECOVERY_KEY_BYTES] >> 4) == check_bits (bits);
  if (ok)
    memcpy (key, bits, WTW_RECOVERY_KEY_BYTES);
  sodium_memzero (bits, sizeof bits);
  return ok;
}
