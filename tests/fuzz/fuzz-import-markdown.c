/* fuzz-import-markdown.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz-import-markdown"

#include "config.h"

#include "fuzz-import-check.h"

/* The import of a Markdown file, with or without a front matter: anyone can
 * hand a person a file to import. See fuzz-import-check.h for what must
 * hold. */

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
  fuzz_import_one ("entry.md", WTW_IMPORT_FORMAT_MARKDOWN, data, size);
  return 0;
}
