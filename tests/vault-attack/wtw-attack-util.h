/* wtw-attack-util.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  wtw_attack_thorough        (void);
guint     wtw_attack_scale           (guint        quick,
                                      guint        thorough);
char     *wtw_attack_make_dir        (const char  *tmpl);
void      wtw_attack_remove_tree     (const char  *path);
char     *wtw_attack_random_marker   (void);
char     *wtw_attack_find_marker     (const char  *dir,
                                      const char  *marker);
void      wtw_attack_flip_byte       (const char  *path,
                                      goffset      offset,
                                      guint8       mask);
void      wtw_attack_swap_blocks     (const char  *path,
                                      goffset      a,
                                      goffset      b,
                                      gsize        len);
void      wtw_attack_copy_file       (const char  *from,
                                      const char  *to);
goffset   wtw_attack_file_size       (const char  *path);

G_END_DECLS
