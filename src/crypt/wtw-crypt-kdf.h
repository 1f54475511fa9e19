/* wtw-crypt-kdf.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WTW_KDF_OPS_FLOOR:
 *
 * The smallest Argon2id pass count a key slot may use.
 */
#define WTW_KDF_OPS_FLOOR 3

/**
 * WTW_KDF_MEM_FLOOR:
 *
 * The smallest Argon2id memory (bytes) a key slot may use: 64 MiB.
 */
#define WTW_KDF_MEM_FLOOR (G_GUINT64_CONSTANT (64) * 1024 * 1024)

/**
 * WtwKdfParams:
 * @ops: Argon2id passes (t), at least %WTW_KDF_OPS_FLOOR
 * @mem: Argon2id memory in bytes, at least %WTW_KDF_MEM_FLOOR, a multiple of 1 KiB
 *
 * Cost of deriving a key-encryption key from a passphrase. Stored in each key slot.
 */
typedef struct
{
  guint64 ops;
  guint64 mem;
} WtwKdfParams;

/**
 * WTW_KDF_PARAMS_FLOOR:
 *
 * Initializer for the floor parameters (ops 3, 64 MiB), meant for tests and scripts.
 */
#define WTW_KDF_PARAMS_FLOOR { WTW_KDF_OPS_FLOOR, WTW_KDF_MEM_FLOOR }

gboolean wtw_kdf_params_valid     (const WtwKdfParams *params);
guint64  wtw_kdf_mem_cap          (void);
void     wtw_kdf_calibrate        (WtwKdfParams       *params);

typedef double (*WtwKdfMeasure) (const WtwKdfParams *params,
                                 gpointer            user_data);

/* Tests only: wtw_kdf_calibrate() with a given clock. */
void     _wtw_kdf_calibrate_with  (WtwKdfParams       *params,
                                   WtwKdfMeasure       measure_func,
                                   gpointer            user_data);
gboolean wtw_kdf_derive           (const WtwKdfParams *params,
                                   const guint8       *salt,
                                   const char         *secret,
                                   gsize               secret_len,
                                   guint8             *out_key);

G_END_DECLS
