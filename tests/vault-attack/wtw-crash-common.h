/* wtw-crash-common.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The body an entry must have for its title and version: the checker can
 * then tell any torn or mixed row from a whole one. Sizes vary from a few
 * hundred bytes to several overflow pages, so transactions touch from one
 * to a dozen pages. */
static inline char *
wtw_crash_body (const char *title,
                guint       version)
{
  guint32 h = g_str_hash (title) ^ (version * 2654435761u);
  gsize len = 200 + (h % 5 == 0 ? h % 40000 : h % 3000);
  char *body = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    {
      h = h * 1103515245u + 12345u;
      body[i] = "abcdefghijklmnopqrstuvwxyz .,\n"[(h >> 16) % 30];
    }
  body[len] = '\0';
  return body;
}

G_END_DECLS
