/* fuzz-common.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>

#include "wtw-crypt-keys.h"

G_BEGIN_DECLS

/* The fuzz targets and the seed generator share these fixed keys, so that
 * seed pages authenticate and mutations start from valid ciphertext. Test
 * keys only: nothing real is ever sealed with them. */
#define FUZZ_MASTER_BYTE  0x42
#define FUZZ_FILE_ID_BYTE 0x17

int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);
int  LLVMFuzzerInitialize   (int           *argc,
                             char        ***argv);

WtwCryptKeys *fuzz_fixed_keys    (void);
char         *fuzz_scratch_path  (const char *name);
void          fuzz_write_file    (const char    *path,
                                  const uint8_t *prefix,
                                  size_t         prefix_len,
                                  const uint8_t *data,
                                  size_t         size);

G_END_DECLS
