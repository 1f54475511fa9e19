/* wtw-export-data.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export"

#include "config.h"

#include <string.h>

#include "wtw-export-private.h"
#include "wtw-vault-batch.h"
#include "wtw-vault-tags.h"

#define PAGE_SIZE 200

static void
free_strv (gpointer strv)
{
  g_strfreev (strv);
}

static void
progress_row_free (gpointer data)
{
  WtwExportProgressRow *row = data;

  g_free (row->chapter_id);
  g_free (row);
}

static void
reverse_pairs (GPtrArray *a,
               GPtrArray *b)
{
  for (guint i = 0, j = a->len; j > 0 && i < j - 1; i++, j--)
    {
      gpointer tmp = a->pdata[i];

      a->pdata[i] = a->pdata[j - 1];
      a->pdata[j - 1] = tmp;
      if (b == NULL)
        continue;
      tmp = b->pdata[i];
      b->pdata[i] = b->pdata[j - 1];
      b->pdata[j - 1] = tmp;
    }
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
collect_progress (WtwVault       *vault,
                  WtwExportData  *data,
                  GError        **error)
{
  for (guint i = 0; i < data->members->len; i++)
    {
      const WtwVaultMember *member = g_ptr_array_index (data->members, i);
      g_autoptr(GHashTable) table = wtw_vault_progress_list (vault, member->id, error);
      g_autofree gpointer *keys = NULL;
      guint n_keys = 0;

      if (table == NULL)
        return FALSE;
      keys = g_hash_table_get_keys_as_array (table, &n_keys);
      qsort (keys, n_keys, sizeof (gpointer), compare_strings);
      for (guint k = 0; k < n_keys; k++)
        {
          WtwExportProgressRow *row = g_new0 (WtwExportProgressRow, 1);

          row->chapter_id = g_strdup (keys[k]);
          row->member_id = member->id;
          row->parts = GPOINTER_TO_UINT (g_hash_table_lookup (table, keys[k]));
          g_ptr_array_add (data->progress, row);
        }
    }
  return TRUE;
}

static int
compare_progress (gconstpointer a,
                  gconstpointer b)
{
  const WtwExportProgressRow *ra = *(WtwExportProgressRow * const *) a;
  const WtwExportProgressRow *rb = *(WtwExportProgressRow * const *) b;
  int c = g_strcmp0 (ra->chapter_id, rb->chapter_id);

  return c != 0 ? c : (ra->member_id > rb->member_id) - (ra->member_id < rb->member_id);
}

/* Everything but the journal: small next to it, read in one go. */
static gboolean
collect_workbook (WtwVault       *vault,
                  WtwExportData  *data,
                  GError        **error)
{
  g_auto(GStrv) chapters = wtw_vault_workbook_list_chapters (vault, error);

  if (chapters == NULL)
    return FALSE;
  for (guint i = 0; chapters[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) reflections = wtw_vault_reflection_list (vault, chapters[i], error);
      g_autoptr(GPtrArray) exercises = NULL;

      if (reflections == NULL
          || (exercises = wtw_vault_exercise_list (vault, chapters[i], error)) == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (data->reflections, g_steal_pointer (&reflections));
      /* Listed newest first; exported in the order they were held. */
      reverse_pairs (exercises, NULL);
      g_ptr_array_extend_and_steal (data->exercises, g_steal_pointer (&exercises));
    }
  if (!collect_progress (vault, data, error))
    return FALSE;
  g_ptr_array_sort (data->progress, compare_progress);
  return TRUE;
}

static int
compare_quiz (gconstpointer a,
              gconstpointer b)
{
  const WtwVaultQuizResult *ra = *(WtwVaultQuizResult * const *) a;
  const WtwVaultQuizResult *rb = *(WtwVaultQuizResult * const *) b;

  if (ra->taken != rb->taken)
    return ra->taken < rb->taken ? -1 : 1;
  return (ra->id > rb->id) - (ra->id < rb->id);
}

static int
compare_exercise (gconstpointer a,
                  gconstpointer b)
{
  const WtwExerciseRecord *ra = *(WtwExerciseRecord * const *) a;
  const WtwExerciseRecord *rb = *(WtwExerciseRecord * const *) b;

  if (ra->started != rb->started)
    return ra->started < rb->started ? -1 : 1;
  return (ra->id > rb->id) - (ra->id < rb->id);
}

/**
 * _wtw_export_data_new:
 * @vault: an unlocked vault
 * @error: return location for a #GError
 *
 * Gathers everything but the journal, which _wtw_export_data_collect_step()
 * reads a page at a time.
 *
 * Returns: (transfer full): the data, or %NULL on error
 */
WtwExportData *
_wtw_export_data_new (WtwVault  *vault,
                      GError   **error)
{
  g_autoptr(WtwExportData) data = g_new0 (WtwExportData, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (WTW_IS_VAULT (vault), NULL);

  data->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_journal_entry_free);
  data->tags = g_ptr_array_new_with_free_func (free_strv);
  data->reflections = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_reflection_free);
  data->exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_exercise_record_free);
  data->progress = g_ptr_array_new_with_free_func (progress_row_free);
  data->member_id = wtw_vault_get_member_id (vault);
  data->member_name = g_strdup (wtw_vault_get_member_name (vault));
  data->exported = g_date_time_to_unix (now);

  if ((data->members = wtw_vault_list_members (vault, error)) == NULL
      || !collect_workbook (vault, data, error)
      || (data->quiz_results = wtw_vault_quiz_list_results (vault, 0, error)) == NULL
      || (data->homework = wtw_vault_homework_list (vault, error)) == NULL
      || (data->n_entries = wtw_vault_journal_count (vault, error)) < 0)
    return NULL;
  g_ptr_array_sort (data->quiz_results, compare_quiz);
  g_ptr_array_sort (data->exercises, compare_exercise);
  return g_steal_pointer (&data);
}

/**
 * _wtw_export_data_collect_step:
 * @data: data from _wtw_export_data_new()
 * @vault: the same vault
 * @error: return location for a #GError
 *
 * Reads the next page of the journal, bodies and tags included. @data->done
 * turns %TRUE after the last page, and the journal is then oldest first.
 *
 * Returns: %FALSE on error
 */
gboolean
_wtw_export_data_collect_step (WtwExportData  *data,
                               WtwVault       *vault,
                               GError        **error)
{
  g_autoptr(GPtrArray) page = NULL;

  if (data->done)
    return TRUE;
  if ((page = wtw_vault_journal_list (vault, data->offset, PAGE_SIZE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < page->len; i++)
    {
      WtwJournalEntry *listed = g_ptr_array_index (page, i);
      WtwJournalEntry *full;
      GStrv tags = NULL;

      /* Listings leave the body out; a sealed entry has none to load. */
      if (listed->sealed)
        full = wtw_journal_entry_copy (listed);
      else if ((full = wtw_vault_journal_get (vault, listed->id, error)) == NULL)
        return FALSE;
      g_ptr_array_add (data->entries, full);
      if (!full->sealed && (tags = wtw_vault_journal_get_tags (vault, full->id, error)) == NULL)
        return FALSE;
      g_ptr_array_add (data->tags, tags != NULL ? tags : g_new0 (char *, 1));
    }
  data->offset += page->len;
  if (page->len < PAGE_SIZE)
    {
      /* The store lists newest first; an export reads best in the order it
       * was lived, and a re-import inserts in that order. */
      reverse_pairs (data->entries, data->tags);
      data->done = TRUE;
    }
  return TRUE;
}

/**
 * _wtw_export_data_get_fraction:
 * @data: data being gathered
 *
 * Returns: how much of the journal is read, 0 to 1
 */
double
_wtw_export_data_get_fraction (WtwExportData *data)
{
  if (data->done || data->n_entries <= 0)
    return 1.0;
  return MIN (1.0, (double) data->offset / (double) data->n_entries);
}

/**
 * _wtw_export_data_collect:
 * @vault: an unlocked vault
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): what to export, or %NULL on error
 */
WtwExportData *
_wtw_export_data_collect (WtwVault      *vault,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(WtwExportData) data = _wtw_export_data_new (vault, error);

  if (data == NULL)
    return NULL;
  while (!data->done)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !_wtw_export_data_collect_step (data, vault, error))
      return NULL;
  return g_steal_pointer (&data);
}

static void
wipe (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
}

void
_wtw_export_data_free (WtwExportData *data)
{
  if (data == NULL)
    return;
  /* Bodies and answers in clear: wiped before the memory goes back. */
  for (guint i = 0; data->entries != NULL && i < data->entries->len; i++)
    wipe (((WtwJournalEntry *) g_ptr_array_index (data->entries, i))->body);
  for (guint i = 0; data->reflections != NULL && i < data->reflections->len; i++)
    wipe (((WtwReflection *) g_ptr_array_index (data->reflections, i))->body);
  g_clear_pointer (&data->members, g_ptr_array_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->tags, g_ptr_array_unref);
  g_clear_pointer (&data->reflections, g_ptr_array_unref);
  g_clear_pointer (&data->exercises, g_ptr_array_unref);
  g_clear_pointer (&data->progress, g_ptr_array_unref);
  g_clear_pointer (&data->quiz_results, g_ptr_array_unref);
  g_clear_pointer (&data->homework, g_ptr_array_unref);
  g_free (data->member_name);
  g_free (data);
}

/**
 * _wtw_export_member_name:
 * @data: collected data
 * @member_id: a member id
 *
 * Returns: (nullable): the member's name
 */
const char *
_wtw_export_member_name (WtwExportData *data,
                         gint64         member_id)
{
  for (guint i = 0; i < data->members->len; i++)
    {
      const WtwVaultMember *member = g_ptr_array_index (data->members, i);

      if (member->id == member_id)
        return member->name;
    }
  return NULL;
}

/**
 * _wtw_export_format_time:
 * @unix_time: seconds since 1970, UTC
 *
 * Returns: (transfer full): ISO 8601 in UTC, e.g. 2026-11-23T09:30:00Z
 */
char *
_wtw_export_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return dt != NULL ? g_date_time_format_iso8601 (dt) : NULL;
}

/**
 * _wtw_export_wipe_string:
 * @text: (nullable): a buffer that held clear text
 *
 * Zeroes @text and frees it.
 */
void
_wtw_export_wipe_string (GString *text)
{
  if (text == NULL)
    return;
  explicit_bzero (text->str, text->allocated_len);
  g_string_free (text, TRUE);
}
