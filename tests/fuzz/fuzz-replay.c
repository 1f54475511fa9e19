/* fuzz-replay.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz-replay"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

/* Runs a fuzz target without libFuzzer, so that every build exercises it:
 * each seed file as is, then a fixed number of mutated inputs made with
 * GLib's RNG from a seed that is printed (and can be given back with
 * --seed). Usage: fuzz-replay-X [--tap] [--seed N] [--iterations N] SEED… */

static GBytes *
mutate (GRand      *rand,
        GPtrArray  *seeds)
{
  GBytes *base = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
  GByteArray *buf = g_byte_array_new ();
  guint n_mutations = g_rand_int_range (rand, 1, 9);

  g_byte_array_append (buf, g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  for (guint m = 0; m < n_mutations; m++)
    {
      guint len = buf->len;
      guint at = len > 0 ? g_rand_int_range (rand, 0, len) : 0;

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0: /* flip one bit */
          if (len > 0)
            buf->data[at] ^= (guint8) (1u << g_rand_int_range (rand, 0, 8));
          break;
        case 1: /* set one byte to an interesting value */
          if (len > 0)
            buf->data[at] = (guint8[]) { 0, 1, 0x7f, 0x80, 0xff } [g_rand_int_range (rand, 0, 5)];
          break;
        case 2: /* truncate */
          g_byte_array_set_size (buf, at);
          break;
        case 3: /* append random bytes */
          for (guint i = g_rand_int_range (rand, 1, 5000); i > 0; i--)
            {
              guint8 b = (guint8) g_rand_int (rand);

              g_byte_array_append (buf, &b, 1);
            }
          break;
        case 4: /* zero a run, as a hole in a file would be */
          {
            guint run = (guint) g_rand_int_range (rand, 1, 4097);
            guint end = MIN (len, at + run);

            for (guint i = at; i < end; i++)
              buf->data[i] = 0;
          }
          break;
        case 5: /* copy a 4 KiB block over another: swapped pages */
          if (len >= 8192)
            {
              guint a = g_rand_int_range (rand, 0, len / 4096) * 4096;
              guint b = g_rand_int_range (rand, 0, len / 4096) * 4096;

              memmove (buf->data + a, buf->data + b, MIN (4096, len - MAX (a, b)));
            }
          break;
        default: /* splice the tail of another seed */
          {
            GBytes *other = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
            gsize olen = g_bytes_get_size (other);
            guint from = olen > 0 ? g_rand_int_range (rand, 0, (gint32) olen) : 0;

            g_byte_array_set_size (buf, at);
            g_byte_array_append (buf, (const guint8 *) g_bytes_get_data (other, NULL) + from, olen - from);
          }
          break;
        }
    }
  return g_byte_array_free_to_bytes (buf);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GOptionContext) context = g_option_context_new ("SEED-FILE…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 seed = -1;
  gint iterations = 0;
  gboolean tap = FALSE;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the mutations", "N" },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations, "Mutated inputs to run", "N" },
    { "tap", 0, 0, G_OPTION_ARG_NONE, &tap, "Report in TAP", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (iterations <= 0)
    iterations = 2000;
  /* The long run: thirty times as many mutations. */
  if (g_strcmp0 (g_getenv ("WTW_TEST_THOROUGH"), "1") == 0)
    iterations *= 30;
  if (seed < 0)
    seed = g_random_int ();
  rand = g_rand_new_with_seed ((guint32) seed);

  LLVMFuzzerInitialize (&argc, &argv);

  if (tap)
    g_print ("TAP version 13\n1..2\n# mutation seed %" G_GINT64_FORMAT " (--seed to repeat)\n", seed);
  else
    g_print ("mutation seed %" G_GINT64_FORMAT "\n", seed);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (argv[i], &contents, &len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
      g_ptr_array_add (seeds, g_bytes_new_take (g_steal_pointer (&contents), len));
    }
  if (seeds->len == 0)
    {
      g_printerr ("No seed files given\n");
      return 2;
    }
  if (tap)
    g_print ("ok 1 - %u seeds\n", seeds->len);

  for (int i = 0; i < iterations; i++)
    {
      g_autoptr(GBytes) input = mutate (rand, seeds);
      gsize len = 0;
      const uint8_t *data = g_bytes_get_data (input, &len);

      LLVMFuzzerTestOneInput (data != NULL ? data : (const uint8_t *) "", len);
    }
  if (tap)
    g_print ("ok 2 - %d mutated inputs\n", iterations);
  else
    g_print ("%d mutated inputs\n", iterations);
  return 0;
}
