/* fuzz-header.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz-header"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "wtw-crypt-header.h"
#include "wtw-secure.h"

/* The header parser reads what anyone who can write the file put there,
 * before any key is known: both copies, the checksum, the slot table.
 * Whatever the bytes, it must return a status and never read out of
 * bounds; a header it accepts must have slots whose KDF parameters are
 * within bounds, because those decide how much memory and time the next
 * unlock spends. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_assert (wtw_secure_init (NULL));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  WtwHeader header;
  WtwHeaderStatus status;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = fuzz_scratch_path ("header.wtw");

  fuzz_write_file (path, NULL, 0, data, size);
  memset (&header, 0xa5, sizeof header);
  status = wtw_header_read (path, &header, &error);

  g_assert (status == WTW_HEADER_OK || status == WTW_HEADER_NOT_A_VAULT
            || status == WTW_HEADER_UNSUPPORTED || status == WTW_HEADER_DAMAGED
            || status == WTW_HEADER_IO_ERROR);
  if (status != WTW_HEADER_OK)
    return 0;

  /* An accepted header came from at least one whole copy. */
  g_assert (size >= WTW_HEADER_SIZE);
  g_assert (header.version == WTW_FORMAT_VERSION);
  for (guint i = 0; i < WTW_HEADER_SLOTS; i++)
    {
      const WtwSlot *slot = &header.slots[i];

      g_assert (slot->kind == WTW_SLOT_EMPTY || slot->kind == WTW_SLOT_PASSPHRASE
                || slot->kind == WTW_SLOT_RECOVERY);
      /* A slot with absurd parameters may exist in an accepted header (they
       * are authenticated only after the KDF), but wtw_slot_open must turn
       * it down before spending anything on it. */
      if (slot->kind != WTW_SLOT_EMPTY && !wtw_kdf_params_valid (&slot->params))
        {
          WtwSlotSecrets *secrets = wtw_secure_alloc (sizeof *secrets);

          g_assert (wtw_slot_open (&header, i, "x", 1, secrets) == WTW_SLOT_DAMAGED);
          wtw_secure_free (secrets);
        }
    }
  /* The MAC check is keyed and cheap; with the fuzz keys it must fail
   * unless the input is a seed made with those keys, and must not crash. */
  (void) wtw_header_mac_valid (&header, fuzz_fixed_keys ());
  (void) wtw_header_free_slot (&header);
  return 0;
}
