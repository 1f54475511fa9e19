/* fuzz-import-json.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz-import-json"

#include "config.h"

#include "fuzz-import-check.h"

/* The import of Words That Work's own JSON export (docs/export-json.md):
 * anyone can hand a person a file to import. See fuzz-import-check.h for
 * what must hold. */

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
  fuzz_check_depth_scan (data, size);
  fuzz_import_one ("import.json", WTW_IMPORT_FORMAT_JSON, data, size);
  return 0;
}
