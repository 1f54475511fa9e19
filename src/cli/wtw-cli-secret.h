/* wtw-cli-secret.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A secret read from the terminal or a file descriptor. Lives in
 * sodium_malloc() memory (guarded, locked, never swapped) and is wiped when
 * freed. @data is NUL-terminated; @len excludes the NUL. */
typedef struct
{
  char  *data;
  gsize  len;
} WtwCliSecret;

WtwCliSecret *wtw_cli_secret_read_fd  (int            fd,
                                       GError       **error);
WtwCliSecret *wtw_cli_secret_read_tty (const char    *prompt,
                                       GError       **error);
WtwCliSecret *wtw_cli_secret_get      (int            fd,
                                       const char    *prompt,
                                       GError       **error);
WtwCliSecret *wtw_cli_secret_get_new  (int            fd,
                                       const char    *prompt,
                                       const char    *confirm_prompt,
                                       GError       **error);
void          wtw_cli_secret_free     (WtwCliSecret  *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwCliSecret, wtw_cli_secret_free)

G_END_DECLS
