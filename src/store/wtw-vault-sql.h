/* wtw-vault-sql.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "wtw-crypt-header.h"
#include "wtw-crypt-keys.h"

G_BEGIN_DECLS

typedef sqlite3_stmt WtwSqlStmt;

gboolean  wtw_sql_set_error   (sqlite3       *db,
                               int            rc,
                               GError       **error);
gboolean  wtw_sql_open        (const char    *path,
                               WtwCryptKeys  *keys,
                               guint          busy_timeout,
                               gboolean       create,
                               sqlite3      **out_db,
                               GError       **error);
gboolean  wtw_sql_exec        (sqlite3       *db,
                               const char    *sql,
                               GError       **error);
sqlite3_stmt *wtw_sql_prepare (sqlite3       *db,
                               const char    *sql,
                               GError       **error);
gboolean  wtw_sql_step_done   (sqlite3_stmt  *stmt,
                               GError       **error);
gint64    wtw_sql_query_int   (sqlite3       *db,
                               const char    *sql,
                               GError       **error);
void      wtw_sql_rollback    (sqlite3       *db);
/* Writes that take part in a batch (wtw-vault-batch.c): a transaction of
 * their own, or a savepoint inside the batch's transaction. */
gboolean  wtw_sql_begin       (sqlite3       *db,
                               GError       **error);
gboolean  wtw_sql_commit      (sqlite3       *db,
                               GError       **error);
gboolean  wtw_sql_in_batch    (sqlite3       *db);
gboolean  wtw_sql_publish     (const char    *tmp,
                               const char    *path,
                               GError       **error);
gboolean  wtw_sql_write_header (const char   *path,
                               WtwHeader     *header,
                               WtwCryptKeys  *keys,
                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwSqlStmt, sqlite3_finalize)

G_END_DECLS
