/* test-vault-crypt.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-crypt"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wtw-crypt-kdf.h"
#include "wtw-crypt-keys.h"
#include "wtw-crypt-recovery.h"
#include "wtw-secure.h"

static void
test_recovery_round_trip (void)
{
  guint8 key[WTW_RECOVERY_KEY_BYTES], back[WTW_RECOVERY_KEY_BYTES];

  for (guint round = 0; round < 100; round++)
    {
      char *text;

      randombytes_buf (key, sizeof key);
      text = wtw_recovery_key_format (key);
      g_assert_cmpuint (strlen (text), ==, 64);
      for (guint i = 0; i < 64; i++)
        g_assert_true (i % 5 == 4 ? text[i] == '-' : strchr ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
                                                             text[i]) != NULL);
      g_assert_true (wtw_recovery_key_parse (text, back));
      g_assert_cmpmem (key, sizeof key, back, sizeof back);
      wtw_secure_free (text);
    }
}

static void
test_recovery_known_answer (void)
{
  guint8 key[WTW_RECOVERY_KEY_BYTES] = { 0 };
  guint8 back[WTW_RECOVERY_KEY_BYTES];
  char *text = wtw_recovery_key_format (key);

  /* 255 zero bits, then the zero key's last bit and its 4 check bits. */
  g_assert_true (g_str_has_prefix (text, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"));
  g_assert_true (wtw_recovery_key_parse (text, back));
  g_assert_true (sodium_is_zero (back, sizeof back));
  wtw_secure_free (text);
}

static void
test_recovery_lenient_input (void)
{
  guint8 key[WTW_RECOVERY_KEY_BYTES], back[WTW_RECOVERY_KEY_BYTES];
  char *text;
  g_autofree char *lower = NULL;
  g_autoptr(GString) spaced = g_string_new (" ");
  g_autofree char *digits = NULL;

  randombytes_buf (key, sizeof key);
  text = wtw_recovery_key_format (key);
  lower = g_ascii_strdown (text, -1);
  g_assert_true (wtw_recovery_key_parse (lower, back));
  g_assert_cmpmem (key, sizeof key, back, sizeof back);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_printf (spaced, "%c%s", *p, (p - text) % 7 == 0 ? "\t " : "");
  g_assert_true (wtw_recovery_key_parse (spaced->str, back));
  g_assert_cmpmem (key, sizeof key, back, sizeof back);

  /* O, I and B typed as 0, 1 and 8. */
  digits = g_strdup (text);
  g_strdelimit (digits, "O", '0');
  g_strdelimit (digits, "I", '1');
  g_strdelimit (digits, "B", '8');
  g_assert_true (wtw_recovery_key_parse (digits, back));
  g_assert_cmpmem (key, sizeof key, back, sizeof back);
  wtw_secure_free (text);
}

static void
test_recovery_rejects (void)
{
  guint8 key[WTW_RECOVERY_KEY_BYTES] = { 0 }, back[WTW_RECOVERY_KEY_BYTES];
  char *text = wtw_recovery_key_format (key);
  g_autofree char *shorter = g_strndup (text, 60);
  g_autofree char *longer = g_strconcat (text, "A", NULL);
  g_autofree char *bad_char = g_strdup (text);
  g_autofree char *bad_check = g_strdup (text);
  const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  guint last = strchr (alphabet, text[63]) - alphabet;

  bad_char[0] = '@';
  /* Only the check bits of the last character change: always caught. */
  bad_check[63] = alphabet[(last & 0x10) | ((last + 1) & 0x0f)];
  g_assert_false (wtw_recovery_key_parse (shorter, back));
  g_assert_false (wtw_recovery_key_parse (longer, back));
  g_assert_false (wtw_recovery_key_parse (bad_char, back));
  g_assert_false (wtw_recovery_key_parse (bad_check, back));
  g_assert_false (wtw_recovery_key_parse ("", back));
  wtw_secure_free (text);
}

static void
test_kdf_floor (void)
{
  WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  WtwKdfParams low_ops = { 2, WTW_KDF_MEM_FLOOR };
  WtwKdfParams low_mem = { 3, WTW_KDF_MEM_FLOOR - 1024 };
  WtwKdfParams odd_mem = { 3, WTW_KDF_MEM_FLOOR + 1 };
  WtwKdfParams huge = { 3, G_GUINT64_CONSTANT (1) << 40 };

  g_assert_true (wtw_kdf_params_valid (&floor));
  g_assert_false (wtw_kdf_params_valid (&low_ops));
  g_assert_false (wtw_kdf_params_valid (&low_mem));
  g_assert_false (wtw_kdf_params_valid (&odd_mem));
  g_assert_false (wtw_kdf_params_valid (&huge));
  g_assert_cmpuint (wtw_kdf_mem_cap (), >=, WTW_KDF_MEM_FLOOR);
}

static double
time_derive (const WtwKdfParams *params)
{
  guint8 salt[16] = { 1 }, key[32];
  gint64 start = g_get_monotonic_time ();

  g_assert_true (wtw_kdf_derive (params, salt, "passphrase", 10, key));
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
test_kdf_known_answer (void)
{
  WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  guint8 salt[16] = { 0 }, a[32], b[32];

  g_assert_true (wtw_kdf_derive (&floor, salt, "same", 4, a));
  g_assert_true (wtw_kdf_derive (&floor, salt, "same", 4, b));
  g_assert_cmpmem (a, 32, b, 32);
  salt[0] = 1;
  g_assert_true (wtw_kdf_derive (&floor, salt, "same", 4, b));
  g_assert_true (memcmp (a, b, 32) != 0);
}

/* A machine of given speed: a derivation takes seconds_per_unit × passes ×
 * MiB, times an overshoot for any but the floor (caches, other load). */
typedef struct
{
  double seconds_per_unit;
  double overshoot;
  guint  calls;
} FakeMachine;

static double
fake_measure (const WtwKdfParams *params,
              gpointer            user_data)
{
  FakeMachine *machine = user_data;
  gboolean is_floor = params->ops == WTW_KDF_OPS_FLOOR && params->mem == WTW_KDF_MEM_FLOOR;

  machine->calls++;
  return machine->seconds_per_unit * (double) params->ops * (double) (params->mem >> 20)
         * (is_floor ? 1.0 : machine->overshoot);
}

static double
fake_seconds (FakeMachine        *machine,
              const WtwKdfParams *params)
{
  return machine->seconds_per_unit * (double) params->ops * (double) (params->mem >> 20);
}

/* The choices for machines from very fast to too slow, with no clock. */
static void
test_kdf_calibrate (void)
{
  const double floor_units = WTW_KDF_OPS_FLOOR * (double) (WTW_KDF_MEM_FLOOR >> 20);
  const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  WtwKdfParams params;

  /* Floor in 0.1 s: memory scaled up to aim at 0.7 s. */
  {
    FakeMachine m = { 0.1 / floor_units, 1.0, 0 };

    _wtw_kdf_calibrate_with (&params, fake_measure, &m);
    g_assert_true (wtw_kdf_params_valid (&params));
    g_assert_cmpuint (m.calls, ==, 2);
    if (7 * WTW_KDF_MEM_FLOOR <= wtw_kdf_mem_cap ())
      {
        g_assert_cmpuint (params.ops, ==, WTW_KDF_OPS_FLOOR);
        g_assert_cmpfloat_with_epsilon (fake_seconds (&m, &params), 0.7, 0.02);
      }
    g_assert_cmpuint (params.mem, <=, wtw_kdf_mem_cap ());
  }

  /* Floor already 0.6 s: the floor it is, after one derivation. */
  {
    FakeMachine m = { 0.6 / floor_units, 1.0, 0 };

    _wtw_kdf_calibrate_with (&params, fake_measure, &m);
    g_assert_cmpuint (m.calls, ==, 1);
    g_assert_cmpmem (&params, sizeof params, &floor, sizeof floor);
  }

  /* Too slow even for the floor: never below it. */
  {
    FakeMachine m = { 3.0 / floor_units, 1.0, 0 };

    _wtw_kdf_calibrate_with (&params, fake_measure, &m);
    g_assert_cmpmem (&params, sizeof params, &floor, sizeof floor);
  }

  /* The prediction overshoots four times: memory is halved until it fits. */
  {
    FakeMachine m = { 0.1 / floor_units, 4.0, 0 };

    _wtw_kdf_calibrate_with (&params, fake_measure, &m);
    g_assert_true (wtw_kdf_params_valid (&params));
    g_assert_cmpuint (params.mem, >=, WTW_KDF_MEM_FLOOR);
    g_assert_cmpfloat (fake_seconds (&m, &params) * 4.0, <=, 1.0 + 1e-9);
  }

  /* So fast that memory reaches its cap: passes go up instead. */
  {
    FakeMachine m = { 0.0001 / floor_units, 1.0, 0 };

    _wtw_kdf_calibrate_with (&params, fake_measure, &m);
    g_assert_true (wtw_kdf_params_valid (&params));
    g_assert_cmpuint (params.mem, <=, wtw_kdf_mem_cap ());
    g_assert_cmpuint (params.mem, >, wtw_kdf_mem_cap () - (1 << 20));
    g_assert_cmpuint (params.ops, >, WTW_KDF_OPS_FLOOR);
  }
}

/* The real thing on this machine: valid and within bounds. How long it
 * takes is a benchmark's business, not this test's; it is only reported. */
static void
test_kdf_calibrate_here (void)
{
  WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  WtwKdfParams params;
  double floor_seconds, seconds;

  floor_seconds = time_derive (&floor);
  wtw_kdf_calibrate (&params);
  seconds = time_derive (&params);
  g_test_message ("Argon2id at the floor (ops 3, 64 MiB): %.3f s", floor_seconds);
  g_test_message ("Calibrated: ops %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT " MiB: %.3f s",
                  params.ops, params.mem >> 20, seconds);

  g_assert_true (wtw_kdf_params_valid (&params));
  g_assert_cmpuint (params.ops, >=, WTW_KDF_OPS_FLOOR);
  g_assert_cmpuint (params.mem, >=, WTW_KDF_MEM_FLOOR);
  g_assert_cmpuint (params.mem, <=, wtw_kdf_mem_cap ());
}

static WtwCryptKeys *
some_keys (void)
{
  guint8 master[WTW_KEY_BYTES], file_id[WTW_FILE_ID_BYTES];

  randombytes_buf (master, sizeof master);
  randombytes_buf (file_id, sizeof file_id);
  return wtw_crypt_keys_new (master, file_id);
}

static void
test_page_seal (void)
{
  g_autoptr(WtwCryptKeys) keys = some_keys ();
  g_autoptr(WtwCryptKeys) other = some_keys ();
  guint8 plain[WTW_PAGE_SIZE], a[WTW_PAGE_SIZE], b[WTW_PAGE_SIZE], back[WTW_PAGE_SIZE];

  randombytes_buf (plain, sizeof plain);
  wtw_crypt_page_seal (keys, 7, plain, a);
  wtw_crypt_page_seal (keys, 7, plain, b);
  /* A fresh nonce on every write: the same page never seals the same way. */
  g_assert_true (memcmp (a, b, WTW_PAGE_SIZE) != 0);
  g_assert_true (wtw_crypt_page_open (keys, 7, a, back));
  g_assert_cmpmem (plain, WTW_PAGE_DATA, back, WTW_PAGE_DATA);
  g_assert_true (sodium_is_zero (back + WTW_PAGE_DATA, WTW_PAGE_RESERVE));

  g_assert_false (wtw_crypt_page_open (keys, 8, a, back));
  g_assert_true (sodium_is_zero (back, sizeof back));
  g_assert_false (wtw_crypt_page_open (other, 7, a, back));
  a[100] ^= 1;
  g_assert_false (wtw_crypt_page_open (keys, 7, a, back));
  b[WTW_PAGE_SIZE - 1] ^= 1;
  g_assert_false (wtw_crypt_page_open (keys, 7, b, back));
}

static void
test_private_seal (void)
{
  guint8 personal[WTW_KEY_BYTES], other[WTW_KEY_BYTES];
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  const guint8 *data;
  gsize len;

  randombytes_buf (personal, sizeof personal);
  randombytes_buf (other, sizeof other);
  sealed = wtw_crypt_private_seal (personal, (const guint8 *) "row1", 4,
                                   (const guint8 *) "secret", 6);
  data = g_bytes_get_data (sealed, &len);
  opened = wtw_crypt_private_open (personal, (const guint8 *) "row1", 4, data, len);
  g_assert_nonnull (opened);
  g_assert_cmpmem (g_bytes_get_data (opened, NULL), g_bytes_get_size (opened), "secret", 6);
  g_assert_null (wtw_crypt_private_open (personal, (const guint8 *) "row2", 4, data, len));
  g_assert_null (wtw_crypt_private_open (other, (const guint8 *) "row1", 4, data, len));
  g_assert_null (wtw_crypt_private_open (personal, (const guint8 *) "row1", 4, data, 10));
}

static void
test_sqlite_wipes_memory (void)
{
  g_assert_true (wtw_secure_sqlite_wipes_memory ());
  /* A second call keeps the allocator in place. */
  g_assert_true (wtw_secure_init (NULL));
  g_assert_true (wtw_secure_sqlite_wipes_memory ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault/crypt/recovery-round-trip", test_recovery_round_trip);
  g_test_add_func ("/wtw/vault/crypt/recovery-known-answer", test_recovery_known_answer);
  g_test_add_func ("/wtw/vault/crypt/recovery-lenient-input", test_recovery_lenient_input);
  g_test_add_func ("/wtw/vault/crypt/recovery-rejects", test_recovery_rejects);
  g_test_add_func ("/wtw/vault/crypt/kdf-floor", test_kdf_floor);
  g_test_add_func ("/wtw/vault/crypt/kdf-deterministic", test_kdf_known_answer);
  g_test_add_func ("/wtw/vault/crypt/calibrate", test_kdf_calibrate);
  g_test_add_func ("/wtw/vault/crypt/calibrate-here", test_kdf_calibrate_here);
  g_test_add_func ("/wtw/vault/crypt/page-seal", test_page_seal);
  g_test_add_func ("/wtw/vault/crypt/private-seal", test_private_seal);
  g_test_add_func ("/wtw/vault/crypt/sqlite-wipes-memory", test_sqlite_wipes_memory);

  return g_test_run ();
}
