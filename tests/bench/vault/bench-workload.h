/* bench-workload.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The same workload for every engine. This file is compiled once against
 * the system SQLite and once against SQLCipher, whose symbols clash, so it
 * only uses the sqlite3 API and GLib. */

/* The settings the vault's connections run with (wtw_sql_open); the other
 * engines get the same, so that only the encryption differs. */
#define BENCH_PRAGMAS \
  "PRAGMA temp_store=MEMORY;" \
  "PRAGMA foreign_keys=ON;" \
  "PRAGMA journal_mode=DELETE;" \
  "PRAGMA synchronous=EXTRA;" \
  "PRAGMA secure_delete=ON;" \
  "PRAGMA cell_size_check=ON;"

typedef struct
{
  guint   n_entries;      /* entries inserted in batches, and the size of the
                           * vault the reads, queries and updates run on */
  guint   n_single;       /* entries inserted one transaction each */
  guint   batch_size;
  guint   n_reads;
  guint   n_queries;
  guint   n_updates;
  guint32 seed;
} BenchConfig;

typedef enum
{
  BENCH_INSERT_SINGLE,
  BENCH_INSERT_BATCH,
  BENCH_POINT_READ,
  BENCH_FTS_QUERY,
  BENCH_AUTOSAVE_UPDATE,
  BENCH_N_PHASES
} BenchPhase;

typedef struct
{
  double seconds[BENCH_N_PHASES];   /* whole phase */
  guint  count[BENCH_N_PHASES];     /* operations in the phase */
  char   fts[8];                    /* "fts5" or "fts4" */
} BenchResult;

/* Opens (creating if needed) the database at @path with the engine's keys
 * and pragmas; returns NULL and sets @error on failure. */
typedef sqlite3 *(*BenchOpenFunc) (const char  *path,
                                   gpointer     user_data,
                                   GError     **error);

extern const char *const bench_phase_names[BENCH_N_PHASES];

void     bench_config_init  (BenchConfig       *config,
                             guint              n_entries);
gboolean bench_config_parse (BenchConfig       *config,
                             int               *argc,
                             char            ***argv,
                             GError           **error);
gboolean bench_run          (const BenchConfig *config,
                             const char        *dir,
                             BenchOpenFunc      open_func,
                             gpointer           user_data,
                             BenchResult       *result,
                             GError           **error);
void     bench_print_result (const char        *engine,
                             const BenchResult *result);
gboolean bench_parse_result (const char        *text,
                             BenchResult       *result);
void     bench_remove_dir   (const char        *dir);

G_END_DECLS
