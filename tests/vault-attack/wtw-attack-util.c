/* wtw-attack-util.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-attack-util"

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wtw-attack-util.h"

/**
 * wtw_attack_thorough:
 *
 * Returns: whether WTW_TEST_THOROUGH=1 asks for the long runs
 */
gboolean
wtw_attack_thorough (void)
{
  return g_strcmp0 (g_getenv ("WTW_TEST_THOROUGH"), "1") == 0;
}

/**
 * wtw_attack_scale:
 * @quick: the count for a CI run
 * @thorough: the count with WTW_TEST_THOROUGH=1
 *
 * Returns: the count to use now
 */
guint
wtw_attack_scale (guint quick,
                  guint thorough)
{
  return wtw_attack_thorough () ? thorough : quick;
}

char *
wtw_attack_make_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
wtw_attack_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      wtw_attack_remove_tree (child);
    }
  g_rmdir (path);
}

/**
 * wtw_attack_random_marker:
 *
 * Returns: a string that cannot occur anywhere by chance: a fixed prefix
 *   (so a person reading a hex dump recognises it) and 96 random bits
 */
char *
wtw_attack_random_marker (void)
{
  return g_strdup_printf ("CANARY%08x%08x%08x",
                          g_random_int (), g_random_int (), g_random_int ());
}

static gboolean
contains (const guint8 *hay,
          gsize         hay_len,
          const guint8 *needle,
          gsize         needle_len)
{
  g_assert (needle_len > 0);
  return memmem (hay, hay_len, needle, needle_len) != NULL;
}

static GBytes *
utf16 (const char *marker,
       gboolean    big_endian)
{
  gsize len = strlen (marker);
  guint8 *out = g_malloc (len * 2);

  /* The marker is ASCII, so each character is one UTF-16 code unit. */
  for (gsize i = 0; i < len; i++)
    {
      out[i * 2 + (big_endian ? 1 : 0)] = (guint8) marker[i];
      out[i * 2 + (big_endian ? 0 : 1)] = 0;
    }
  return g_bytes_new_take (out, len * 2);
}

static char *
find_in_file (const char *path,
              const char *marker)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) le = utf16 (marker, FALSE);
  g_autoptr(GBytes) be = utf16 (marker, TRUE);
  gsize len = 0;
  gsize le_len, be_len;
  const guint8 *le_data = g_bytes_get_data (le, &le_len);
  const guint8 *be_data = g_bytes_get_data (be, &be_len);

  /* A file may vanish between listing and reading (a journal being
   * deleted at commit); that is not a finding. */
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  if (contains ((guint8 *) contents, len, (guint8 *) marker, strlen (marker)))
    return g_strdup_printf ("%s (UTF-8)", path);
  if (contains ((guint8 *) contents, len, le_data, le_len))
    return g_strdup_printf ("%s (UTF-16LE)", path);
  if (contains ((guint8 *) contents, len, be_data, be_len))
    return g_strdup_printf ("%s (UTF-16BE)", path);
  return NULL;
}

/**
 * wtw_attack_find_marker:
 * @dir: a folder, scanned recursively
 * @marker: an ASCII marker
 *
 * Returns: (nullable): a description of the first file holding @marker in
 *   UTF-8, UTF-16LE or UTF-16BE, or %NULL if no file does
 */
char *
wtw_attack_find_marker (const char *dir,
                        const char *marker)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *found;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        found = wtw_attack_find_marker (path, marker);
      else
        found = find_in_file (path, marker);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
load (const char *path,
      gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
store (const char *path,
       const char *contents,
       gsize       len)
{
  g_autoptr(GError) error = NULL;

  /* Rewritten in place (not renamed) so that the inode, and any lock on
   * it, stays what the vault expects. */
  g_file_set_contents_full (path, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  /* Written in place, the file keeps any bytes past @len: cut them off. */
  g_assert_cmpint (truncate (path, (off_t) len), ==, 0);
}

/**
 * wtw_attack_flip_byte:
 * @path: a file
 * @offset: a byte offset inside it; negative counts from the end
 * @mask: the bits to flip
 */
void
wtw_attack_flip_byte (const char *path,
                      goffset     offset,
                      guint8      mask)
{
  gsize len = 0;
  g_autofree char *contents = load (path, &len);

  if (offset < 0)
    offset += (goffset) len;
  g_assert_cmpint (offset, >=, 0);
  g_assert_cmpint (offset, <, (goffset) len);
  g_assert_cmpint (mask, !=, 0);
  contents[offset] ^= (char) mask;
  store (path, contents, len);
}

/**
 * wtw_attack_swap_blocks:
 * @path: a file
 * @a: offset of one block
 * @b: offset of the other
 * @len: length of each block
 */
void
wtw_attack_swap_blocks (const char *path,
                        goffset     a,
                        goffset     b,
                        gsize       len)
{
  gsize size = 0;
  g_autofree char *contents = load (path, &size);
  g_autofree char *tmp = g_malloc (len);

  g_assert_cmpint (a + (goffset) len, <=, (goffset) size);
  g_assert_cmpint (b + (goffset) len, <=, (goffset) size);
  memcpy (tmp, contents + a, len);
  memcpy (contents + a, contents + b, len);
  memcpy (contents + b, tmp, len);
  store (path, contents, size);
}

void
wtw_attack_copy_file (const char *from,
                      const char *to)
{
  gsize len = 0;
  g_autofree char *contents = load (from, &len);

  store (to, contents, len);
}

goffset
wtw_attack_file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}
