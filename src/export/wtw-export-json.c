/* wtw-export-json.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-json"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "wtw-export-json.h"
#include "wtw-export-private.h"

/* The schema is docs/export-json.md; change both together and bump
 * WTW_EXPORT_JSON_VERSION when an importer would need to know. */

static const char * const score_names[WTW_VAULT_QUIZ_N_SCORES] = {
  "communication", "affection", "resolution", "equilibrium",
};

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *text = unix_time > 0 ? _wtw_export_format_time (unix_time) : NULL;

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
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_owner (JsonBuilder   *builder,
           WtwExportData *data,
           gint64         member_id)
{
  add_int (builder, "member_id", member_id);
  add_string (builder, "member", _wtw_export_member_name (data, member_id));
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
      add_int (builder, "id", member->id);
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
  add_int (builder, "id", entry->id);
  add_owner (builder, data, entry->member_id);
  add_time (builder, "created", entry->created);
  add_time (builder, "updated", entry->updated);
  add_bool (builder, "private", entry->is_private || entry->sealed);
  add_bool (builder, "sealed", entry->sealed);

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
      add_string (builder, "chapter_id", entry->chapter_id);
      add_string (builder, "prompt_id", entry->prompt_id);
    }
  json_builder_end_object (builder);
}

static void
add_reflections (JsonBuilder   *builder,
                 WtwExportData *data)
{
  json_builder_set_member_name (builder, "reflections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->reflections->len; i++)
    {
      const WtwReflection *r = g_ptr_array_index (data->reflections, i);

      json_builder_begin_object (builder);
      add_string (builder, "chapter_id", r->chapter_id);
      add_string (builder, "prompt_id", r->prompt_id);
      add_owner (builder, data, r->member_id);
      add_time (builder, "updated", r->updated);
      add_bool (builder, "private", r->is_private || r->sealed);
      add_bool (builder, "sealed", r->sealed);
      if (!r->sealed)
        add_string (builder, "body", r->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_partner (JsonBuilder *builder,
             const char  *name,
             const char  *notes)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_string (builder, "notes", notes);
  json_builder_end_object (builder);
}

static void
add_conversations (JsonBuilder   *builder,
                   WtwExportData *data)
{
  json_builder_set_member_name (builder, "conversations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->exercises->len; i++)
    {
      const WtwExerciseRecord *record = g_ptr_array_index (data->exercises, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", record->id);
      add_string (builder, "chapter_id", record->chapter_id);
      add_time (builder, "started", record->started);
      add_time (builder, "finished", record->finished);
      json_builder_set_member_name (builder, "partners");
      json_builder_begin_array (builder);
      add_partner (builder, record->name_a, record->notes_a);
      add_partner (builder, record->name_b, record->notes_b);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_progress (JsonBuilder   *builder,
              WtwExportData *data)
{
  json_builder_set_member_name (builder, "progress");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->progress->len; i++)
    {
      const WtwExportProgressRow *row = g_ptr_array_index (data->progress, i);

      json_builder_begin_object (builder);
      add_string (builder, "chapter_id", row->chapter_id);
      add_owner (builder, data, row->member_id);
      json_builder_set_member_name (builder, "parts_done");
      json_builder_begin_array (builder);
      for (guint part = 1; part <= WTW_WORKBOOK_N_PARTS; part++)
        if (row->parts & (1u << (part - 1)))
          json_builder_add_int_value (builder, part);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The answers are stored as a JSON object; they go in as one, so that the
 * file stays readable. Text that does not parse goes in as a string. */
static void
add_answers (JsonBuilder *builder,
             const char  *answers_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (builder, "answers");
  if (answers_json != NULL && json_parser_load_from_data (parser, answers_json, -1, NULL)
      && json_parser_get_root (parser) != NULL)
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else if (answers_json != NULL)
    json_builder_add_string_value (builder, answers_json);
  else
    json_builder_add_null_value (builder);
}

static void
add_quiz_results (JsonBuilder   *builder,
                  WtwExportData *data)
{
  json_builder_set_member_name (builder, "quiz_results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->quiz_results->len; i++)
    {
      const WtwVaultQuizResult *result = g_ptr_array_index (data->quiz_results, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", result->id);
      add_owner (builder, data, result->member_id);
      add_time (builder, "taken", result->taken);
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_object (builder);
      for (guint s = 0; s < WTW_VAULT_QUIZ_N_SCORES; s++)
        {
          json_builder_set_member_name (builder, score_names[s]);
          if (result->scores[s] >= 0)
            json_builder_add_double_value (builder, result->scores[s]);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
      add_answers (builder, result->answers_json);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_day (JsonBuilder *builder,
         const char  *member,
         const GDate *day)
{
  g_autofree char *text = g_date_valid (day) ? wtw_homework_format_day (day) : NULL;

  add_string (builder, member, text);
}

static void
add_homework (JsonBuilder   *builder,
              WtwExportData *data)
{
  json_builder_set_member_name (builder, "homework");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->homework->len; i++)
    {
      const WtwHomework *homework = g_ptr_array_index (data->homework, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", homework->id);
      add_string (builder, "chapter_id", homework->chapter_id);
      json_builder_set_member_name (builder, "part");
      if (homework->part == WTW_HOMEWORK_WHOLE_CHAPTER)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, homework->part);
      add_day (builder, "due", &homework->due);
      add_string (builder, "note", homework->note);
      add_owner (builder, data, homework->member_id);
      add_time (builder, "created", homework->created);
      add_bool (builder, "done", homework->done);
      add_time (builder, "done_at", homework->done_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
build (WtwExportData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "format", WTW_EXPORT_JSON_FORMAT);
  add_int (builder, "version", WTW_EXPORT_JSON_VERSION);
  add_int (builder, "schema_version", WTW_VAULT_SCHEMA_VERSION);
  add_time (builder, "exported", data->exported);

  json_builder_set_member_name (builder, "exported_by");
  json_builder_begin_object (builder);
  add_int (builder, "member_id", data->member_id);
  add_string (builder, "name", data->member_name);
  json_builder_end_object (builder);

  add_members (builder, data);

  json_builder_set_member_name (builder, "journal");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->entries->len; i++)
    add_entry (builder, data, g_ptr_array_index (data->entries, i),
               g_ptr_array_index (data->tags, i));
  json_builder_end_array (builder);

  add_reflections (builder, data);
  add_conversations (builder, data);
  add_progress (builder, data);
  add_quiz_results (builder, data);
  add_homework (builder, data);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
_wtw_export_json_write_data (WtwExportData  *data,
                             GOutputStream  *out,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = build (data);
  g_autofree char *text = NULL;
  gsize len = 0;
  gboolean ok;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  ok = g_output_stream_write_all (out, text, len, NULL, cancellable, error)
       && g_output_stream_write_all (out, "\n", 1, NULL, cancellable, error);
  /* Everything in clear text sat in this buffer. */
  explicit_bzero (text, len);
  return ok;
}

/**
 * wtw_export_json_write:
 * @vault: an unlocked vault
 * @out: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes everything in the vault that the current member may read — members,
 * journal, reflections, conversations, progress, quiz results and homework —
 * as JSON (UTF-8, pretty-printed), in the schema of docs/export-json.md.
 * Another member's private rows are present without their text. @out is not
 * closed.
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

  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((data = _wtw_export_data_collect (vault, cancellable, error)) == NULL)
    return FALSE;
  return _wtw_export_json_write_data (data, out, cancellable, error);
}
