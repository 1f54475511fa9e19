/* wtw-export-json.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "wtw-export-json.h"
#include "wtw-export-private.h"

/* The schema is docs/export-json.md; change both together and bump
 * WTW_EXPORT_JSON_VERSION when an importer would need to know. */

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *text = _wtw_export_format_time (unix_time);

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_members (JsonBuilder   *builder,
             WtwExportData *data)
{
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->members->len; i++)
    {
      const WtwVaultMember *member = g_ptr_array_index (data->members, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, member->id);
      add_string (builder, "name", member->name);
      add_time (builder, "created", member->created);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_entry (JsonBuilder           *builder,
           WtwExportData         *data,
           const WtwJournalEntry *entry,
           const char * const    *tags)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  json_builder_set_member_name (builder, "member_id");
  json_builder_add_int_value (builder, entry->member_id);
  add_string (builder, "member", _wtw_export_member_name (data, entry->member_id));
  add_time (builder, "created", entry->created);
  add_time (builder, "updated", entry->updated);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, entry->is_private || entry->sealed);
  json_builder_set_member_name (builder, "sealed");
  json_builder_add_boolean_value (builder, entry->sealed);

  /* Another member's private entry: that it exists and when is shared
   * knowledge in the vault; its words are not, so the members are absent
   * rather than empty (an importer must not mistake them for text). */
  if (!entry->sealed)
    {
      add_string (builder, "title", entry->title);
      add_string (builder, "body", entry->body);
      add_string (builder, "mood", entry->mood);
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint i = 0; tags[i] != NULL; i++)
        json_builder_add_string_value (builder, tags[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static JsonNode *
build (WtwExportData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "format", WTW_EXPORT_JSON_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, WTW_EXPORT_JSON_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, WTW_VAULT_SCHEMA_VERSION);
  add_time (builder, "exported", data->exported);

  json_builder_set_member_name (builder, "exported_by");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "member_id");
  json_builder_add_int_value (builder, data->member_id);
  add_string (builder, "name", data->member_name);
  json_builder_end_object (builder);

  add_members (builder, data);

  json_builder_set_member_name (builder, "journal");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->entries->len; i++)
    add_entry (builder, data, g_ptr_array_index (data->entries, i),
               g_ptr_array_index (data->tags, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * wtw_export_json_write:
 * @vault: an unlocked vault
 * @out: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the members and the journal as JSON (UTF-8, pretty-printed), in
 * the schema of docs/export-json.md. Entries the current member may not read
 * are present without their text. @out is not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_export_json_write (WtwVault      *vault,
                       GOutputStream *out,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(WtwExportData) data = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((data = _wtw_export_data_collect (vault, cancellable, error)) == NULL)
    return FALSE;

  root = build (data);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_stream (generator, out, cancellable, error)
         && g_output_stream_write_all (out, "\n", 1, NULL, cancellable, error);
}
