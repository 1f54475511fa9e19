/* fuzz-common.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-fuzz"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"

/**
 * fuzz_fixed_keys:
 *
 * Returns: (transfer none): the keys every fuzz input is decrypted with
 */
WtwCryptKeys *
fuzz_fixed_keys (void)
{
  static WtwCryptKeys *keys;

  if (keys == NULL)
    {
      guint8 master[WTW_KEY_BYTES];
      guint8 file_id[WTW_FILE_ID_BYTES];

      memset (master, FUZZ_MASTER_BYTE, sizeof master);
      memset (file_id, FUZZ_FILE_ID_BYTE, sizeof file_id);
      keys = wtw_crypt_keys_new (master, file_id);
    }
  return keys;
}

/**
 * fuzz_scratch_path:
 * @name: a file name
 *
 * Returns: (transfer full): a path in a private folder made once per
 *   process, where each input is written before it is parsed
 */
static char *scratch_dir;

static void
remove_scratch_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (scratch_dir);
}

char *
fuzz_scratch_path (const char *name)
{
  char *dir = scratch_dir;

  if (dir == NULL)
    {
      /* /dev/shm keeps a million iterations off the disk when it exists. */
      g_autofree char *tmpl = g_build_filename (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR)
                                                ? "/dev/shm" : g_get_tmp_dir (),
                                                "wtw-fuzz-XXXXXX", NULL);

      dir = scratch_dir = g_mkdtemp (g_steal_pointer (&tmpl));
      g_assert (dir != NULL);
      /* libFuzzer ends with exit(): the scratch files go with it. */
      atexit (remove_scratch_dir);
    }
  return g_build_filename (dir, name, NULL);
}

/**
 * fuzz_write_file:
 * @path: where
 * @prefix: (nullable): bytes to put first
 * @prefix_len: their length
 * @data: the fuzz input
 * @size: its length
 *
 * Replaces @path with @prefix followed by @data.
 */
void
fuzz_write_file (const char    *path,
                 const uint8_t *prefix,
                 size_t         prefix_len,
                 const uint8_t *data,
                 size_t         size)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert (fd >= 0);
  if (prefix_len > 0)
    g_assert (write (fd, prefix, prefix_len) == (ssize_t) prefix_len);
  if (size > 0)
    g_assert (write (fd, data, size) == (ssize_t) size);
  close (fd);
}
