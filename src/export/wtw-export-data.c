/* wtw-export-data.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "wtw-export-private.h"
#include "wtw-vault-private.h"

#define PAGE_SIZE 500

static void
free_strv (gpointer strv)
{
  g_strfreev (strv);
}

/* The store has no public call for an entry's tags yet, so they are read
 * through the vault's own connection (which keeps its authorizer). The
 * JSON aggregate keeps names with commas or quotes intact. */
static GStrv
collect_tags (WtwVault  *vault,
              gint64     entry_id,
              gboolean   have_tags,
              GError   **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!have_tags)
    return g_strv_builder_end (builder);

  sql = g_strdup_printf ("SELECT json_group_array (name) FROM"
                         " (SELECT t.name AS name FROM entry_tags et JOIN tags t ON t.id = et.tag_id"
                         "  WHERE et.entry_id = %" G_GINT64_FORMAT " ORDER BY t.name)", entry_id);
  if ((json = _wtw_vault_query_string (vault, sql, error)) == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static gboolean
vault_has_tags (WtwVault  *vault,
                GError   **error)
{
  g_autofree char *n = _wtw_vault_query_string (vault,
                                                "SELECT count(*) FROM sqlite_master"
                                                " WHERE type = 'table' AND name IN ('tags', 'entry_tags')",
                                                error);

  return n != NULL && g_str_equal (n, "2");
}

static gboolean
collect_entries (WtwVault       *vault,
                 WtwExportData  *data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean have_tags = vault_has_tags (vault, &local_error);
  guint offset = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) page = wtw_vault_journal_list (vault, offset, PAGE_SIZE, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          WtwJournalEntry *listed = g_ptr_array_index (page, i);
          WtwJournalEntry *full;
          GStrv tags = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          /* Listings leave the body out; a sealed entry has none to load. */
          if (listed->sealed)
            full = wtw_journal_entry_copy (listed);
          else if ((full = wtw_vault_journal_get (vault, listed->id, error)) == NULL)
            return FALSE;
          g_ptr_array_add (data->entries, full);
          if (!full->sealed && (tags = collect_tags (vault, full->id, have_tags, error)) == NULL)
            return FALSE;
          g_ptr_array_add (data->tags, tags != NULL ? tags : g_new0 (char *, 1));
        }
      if (page->len < PAGE_SIZE)
        break;
      offset += page->len;
    }

  /* The store lists newest first; an export reads best in the order it
   * was lived, and a re-import inserts in that order. */
  for (guint i = 0, j = data->entries->len; j > 0 && i < j - 1; i++, j--)
    {
      gpointer tmp = data->entries->pdata[i];

      data->entries->pdata[i] = data->entries->pdata[j - 1];
      data->entries->pdata[j - 1] = tmp;
      tmp = data->tags->pdata[i];
      data->tags->pdata[i] = data->tags->pdata[j - 1];
      data->tags->pdata[j - 1] = tmp;
    }
  return TRUE;
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
  g_autoptr(WtwExportData) data = g_new0 (WtwExportData, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  data->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_journal_entry_free);
  data->tags = g_ptr_array_new_with_free_func (free_strv);
  data->member_id = wtw_vault_get_member_id (vault);
  data->member_name = g_strdup (wtw_vault_get_member_name (vault));
  data->exported = g_date_time_to_unix (now);

  if ((data->members = wtw_vault_list_members (vault, error)) == NULL
      || !collect_entries (vault, data, cancellable, error))
    return NULL;
  return g_steal_pointer (&data);
}

void
_wtw_export_data_free (WtwExportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->members, g_ptr_array_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->tags, g_ptr_array_unref);
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
