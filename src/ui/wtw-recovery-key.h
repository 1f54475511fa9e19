/* wtw-recovery-key.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * WtwRecoveryKeyStatus:
 * @message: what happened, in words for the person: shown beside the key
 * @user_data: the data given with the call
 */
typedef void (*WtwRecoveryKeyStatus) (const char *message,
                                      gpointer    user_data);

void       wtw_recovery_key_print   (GtkWindow            *parent,
                                     const char           *key,
                                     WtwRecoveryKeyStatus  status,
                                     gpointer              user_data);
void       wtw_recovery_key_save    (GtkWindow            *parent,
                                     const char           *key,
                                     WtwRecoveryKeyStatus  status,
                                     gpointer              user_data,
                                     GDestroyNotify        destroy);
GtkWidget *wtw_recovery_key_box_new (const char           *key);

G_END_DECLS
