/* wtw-fault-vfs.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean wtw_fault_vfs_register       (const char *name,
                                       const char *base_vfs_name,
                                       gboolean    make_default);
void     wtw_fault_vfs_set_budget     (gint64      bytes);
gint64   wtw_fault_vfs_get_written    (void);
guint    wtw_fault_vfs_get_n_failures (void);
void     wtw_fault_vfs_reset          (void);

G_END_DECLS
