/* wtw-export-markdown.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-markdown"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wtw-export-markdown.h"
#include "wtw-export-private.h"

/* Written for a person to read (or to print for a therapist). The folder
 * form, one file per entry with a small front matter, is also read back by
 * the Markdown import (docs/import.md); the JSON export is the one that
 * carries everything. */

#define SLUG_MAX_BYTES 60

static const char * const part_names[WTW_WORKBOOK_N_PARTS] = {
  "explanation", "scripts", "reflection", "conversation",
};

/* A heading is one line: a title with a newline would otherwise end it
 * and turn the rest into body text. */
static char *
heading_text (const char *title)
{
  char *text = g_strdup (title != NULL && *title != '\0' ? title : "Untitled");

  return g_strstrip (g_strdelimit (text, "\r\n", ' '));
}

static char *
format_day_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = unix_time > 0 ? g_date_time_new_from_unix_utc (unix_time) : NULL;

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M UTC") : g_strdup ("");
}

static void
append_text (GString    *md,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (md, text);
  if (!g_str_has_suffix (text, "\n"))
    g_string_append_c (md, '\n');
  g_string_append_c (md, '\n');
}

static void
append_entry (GString               *md,
              WtwExportData         *data,
              const WtwJournalEntry *entry,
              const char * const    *tags)
{
  g_autofree char *when = format_day_time (entry->created);
  const char *who = _wtw_export_member_name (data, entry->member_id);

  if (entry->sealed)
    {
      g_string_append_printf (md, "## A private entry\n\n*%s · %s · private: its text is "
                              "readable only by the member who wrote it*\n\n",
                              when, who != NULL ? who : "another member");
      return;
    }

  {
    g_autofree char *title = heading_text (entry->title);

    g_string_append_printf (md, "## %s\n\n*%s", title, when);
  }
  if (who != NULL)
    g_string_append_printf (md, " · %s", who);
  if (entry->mood != NULL && *entry->mood != '\0')
    g_string_append_printf (md, " · mood: %s", entry->mood);
  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      g_string_append_printf (md, " · tags: %s", joined);
    }
  if (entry->is_private)
    g_string_append (md, " · private");
  g_string_append (md, "*\n\n");
  append_text (md, entry->body);
}

static void
append_reflections (GString       *md,
                    WtwExportData *data)
{
  const char *chapter = NULL;

  if (data->reflections->len == 0)
    return;
  g_string_append (md, "---\n\n# Reflections\n\n");
  for (guint i = 0; i < data->reflections->len; i++)
    {
      const WtwReflection *r = g_ptr_array_index (data->reflections, i);
      const char *who = _wtw_export_member_name (data, r->member_id);

      if (g_strcmp0 (chapter, r->chapter_id) != 0)
        g_string_append_printf (md, "## Chapter %s\n\n", chapter = r->chapter_id);
      g_string_append_printf (md, "### Question %s · %s\n\n", r->prompt_id,
                              who != NULL ? who : "a former member");
      if (r->sealed)
        g_string_append (md, "*Private: readable only by the member who wrote it.*\n\n");
      else
        append_text (md, r->body);
    }
}

static void
append_conversations (GString       *md,
                      WtwExportData *data)
{
  if (data->exercises->len == 0)
    return;
  g_string_append (md, "---\n\n# Conversations\n\n");
  for (guint i = 0; i < data->exercises->len; i++)
    {
      const WtwExerciseRecord *record = g_ptr_array_index (data->exercises, i);
      g_autofree char *when = format_day_time (record->started);

      g_string_append_printf (md, "## Chapter %s · %s%s\n\n", record->chapter_id, when,
                              record->finished > 0 ? "" : " · not finished");
      if (record->notes_a != NULL && *record->notes_a != '\0')
        {
          g_string_append_printf (md, "**%s**\n\n", record->name_a != NULL && *record->name_a != '\0'
                                                    ? record->name_a : "Partner A");
          append_text (md, record->notes_a);
        }
      if (record->notes_b != NULL && *record->notes_b != '\0')
        {
          g_string_append_printf (md, "**%s**\n\n", record->name_b != NULL && *record->name_b != '\0'
                                                    ? record->name_b : "Partner B");
          append_text (md, record->notes_b);
        }
    }
}

static void
append_progress_and_quiz (GString       *md,
                          WtwExportData *data)
{
  static const char * const initials[WTW_VAULT_QUIZ_N_SCORES] = {
    "Communication", "Affection", "Resolution", "Equilibrium",
  };

  if (data->progress->len > 0)
    g_string_append (md, "---\n\n# Progress\n\n");
  for (guint i = 0; i < data->progress->len; i++)
    {
      const WtwExportProgressRow *row = g_ptr_array_index (data->progress, i);
      const char *who = _wtw_export_member_name (data, row->member_id);

      g_string_append_printf (md, "- Chapter %s, %s:", row->chapter_id,
                              who != NULL ? who : "a former member");
      for (guint part = 1; part <= WTW_WORKBOOK_N_PARTS; part++)
        if (row->parts & (1u << (part - 1)))
          g_string_append_printf (md, " %s", part_names[part - 1]);
      g_string_append (md, " done\n");
    }
  if (data->progress->len > 0)
    g_string_append_c (md, '\n');

  if (data->quiz_results->len > 0)
    g_string_append (md, "---\n\n# Quiz results\n\n");
  for (guint i = 0; i < data->quiz_results->len; i++)
    {
      const WtwVaultQuizResult *result = g_ptr_array_index (data->quiz_results, i);
      const char *who = _wtw_export_member_name (data, result->member_id);
      g_autofree char *when = format_day_time (result->taken);

      g_string_append_printf (md, "- %s, %s:", when, who != NULL ? who : "a former member");
      for (guint s = 0; s < WTW_VAULT_QUIZ_N_SCORES; s++)
        if (result->scores[s] >= 0)
          g_string_append_printf (md, " %s %.0f%s", initials[s], result->scores[s],
                                  s + 1 < WTW_VAULT_QUIZ_N_SCORES ? "," : "");
      g_string_append_c (md, '\n');
    }
  if (data->quiz_results->len > 0)
    g_string_append_c (md, '\n');
}

static void
append_homework (GString       *md,
                 WtwExportData *data)
{
  if (data->homework->len == 0)
    return;
  g_string_append (md, "---\n\n# Homework\n\n");
  for (guint i = 0; i < data->homework->len; i++)
    {
      const WtwHomework *homework = g_ptr_array_index (data->homework, i);
      g_autofree char *due = g_date_valid (&homework->due) ? wtw_homework_format_day (&homework->due)
                                                           : g_strdup ("no date");

      g_string_append_printf (md, "- [%c] Chapter %s", homework->done ? 'x' : ' ',
                              homework->chapter_id);
      if (homework->part != WTW_HOMEWORK_WHOLE_CHAPTER && homework->part <= WTW_WORKBOOK_N_PARTS)
        g_string_append_printf (md, ", the %s", part_names[homework->part - 1]);
      g_string_append_printf (md, ", due %s", due);
      if (homework->note != NULL && *homework->note != '\0')
        {
          g_autofree char *note = g_strdelimit (g_strdup (homework->note), "\r\n", ' ');

          g_string_append_printf (md, ": %s", note);
        }
      g_string_append_c (md, '\n');
    }
  g_string_append_c (md, '\n');
}

gboolean
_wtw_export_markdown_write_data (WtwExportData  *data,
                                 GOutputStream  *out,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autofree char *exported = _wtw_export_format_time (data->exported);
  gboolean ok;

  g_string_append_printf (md, "# Journal\n\nExported from Words That Work by %s on %s. "
                          "%u entries.\n\n",
                          data->member_name != NULL ? data->member_name : "a member",
                          exported, data->entries->len);
  for (guint i = 0; i < data->entries->len; i++)
    {
      g_string_append (md, "---\n\n");
      append_entry (md, data, g_ptr_array_index (data->entries, i),
                    g_ptr_array_index (data->tags, i));
    }
  append_reflections (md, data);
  append_conversations (md, data);
  append_progress_and_quiz (md, data);
  append_homework (md, data);

  ok = g_output_stream_write_all (out, md->str, md->len, NULL, cancellable, error);
  /* Everything in clear text sat in this buffer. */
  _wtw_export_wipe_string (g_steal_pointer (&md));
  return ok;
}

/**
 * wtw_export_markdown_write:
 * @vault: an unlocked vault
 * @out: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the journal as one Markdown document, oldest entry first, followed
 * by the reflections, conversations, progress, quiz results and homework.
 * Another member's private rows are listed without their text. @out is not
 * closed.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_export_markdown_write (WtwVault      *vault,
                           GOutputStream *out,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(WtwExportData) data = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((data = _wtw_export_data_collect (vault, cancellable, error)) == NULL)
    return FALSE;
  return _wtw_export_markdown_write_data (data, out, cancellable, error);
}

/* The folder form. */

static char *
slug (const char *title)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8];
      int n;

      if (!g_unichar_isalnum (c))
        {
          dash = out->len > 0;
          continue;
        }
      n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);
      if (out->len + (dash ? 1 : 0) + n > SLUG_MAX_BYTES)
        break;
      if (dash)
        g_string_append_c (out, '-');
      g_string_append_len (out, buf, n);
      dash = FALSE;
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : g_strdup ("entry");
}

/**
 * _wtw_export_markdown_file_name:
 * @entry: an entry
 * @taken: names given so far (the new name is added)
 *
 * A name from the entry's day and title, e.g. "2026-02-01-after-the-talk.md":
 * letters and digits of any script, dashes, no dots or slashes; "-2", "-3"…
 * before the extension when the name is taken.
 *
 * Returns: (transfer full): the name
 */
char *
_wtw_export_markdown_file_name (const WtwJournalEntry *entry,
                                GHashTable            *taken)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (MAX (entry->created, 0));
  /* No GDateTime past the year 9999. */
  g_autofree char *day = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("undated");
  g_autofree char *words = entry->sealed ? g_strdup ("private") : slug (entry->title);
  g_autofree char *stem = g_strdup_printf ("%s-%s", day, words);
  char *name = g_strconcat (stem, ".md", NULL);

  for (guint n = 2; g_hash_table_contains (taken, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u.md", stem, n);
    }
  g_hash_table_add (taken, g_strdup (name));
  return name;
}

static void
front_string (GString    *md,
              const char *key,
              const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (value == NULL)
    return;
  /* A JSON string is a YAML double-quoted scalar: safe for any text. */
  node = json_node_init_string (json_node_alloc (), value);
  quoted = json_to_string (node, FALSE);
  g_string_append_printf (md, "%s: %s\n", key, quoted);
}

static void
front_time (GString    *md,
            const char *key,
            gint64      unix_time)
{
  g_autofree char *text = unix_time > 0 ? _wtw_export_format_time (unix_time) : NULL;

  if (text != NULL)
    g_string_append_printf (md, "%s: %s\n", key, text);
}

static void
render_entry_file (GString               *md,
                   WtwExportData         *data,
                   const WtwJournalEntry *entry,
                   const char * const    *tags)
{
  const char *who = _wtw_export_member_name (data, entry->member_id);

  g_string_append (md, "---\n");
  /* Always a title, empty if need be, so that the import does not make one
   * up from the file name. */
  if (!entry->sealed)
    front_string (md, "title", entry->title != NULL ? entry->title : "");
  front_time (md, "date", entry->created);
  front_time (md, "updated", entry->updated);
  front_string (md, "author", who);
  if (entry->sealed)
    {
      g_string_append (md, "sealed: true\n---\n\nA private entry of another member: "
                           "its text is readable only by the member who wrote it.\n");
      return;
    }
  if (entry->mood != NULL && *entry->mood != '\0')
    front_string (md, "mood", entry->mood);
  if (tags[0] != NULL)
    {
      g_string_append (md, "tags: [");
      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), tags[i]);
          g_autofree char *quoted = json_to_string (node, FALSE);

          g_string_append_printf (md, "%s%s", i > 0 ? ", " : "", quoted);
        }
      g_string_append (md, "]\n");
    }
  if (entry->is_private)
    g_string_append (md, "private: true\n");
  front_string (md, "chapter", entry->chapter_id);
  front_string (md, "prompt", entry->prompt_id);
  g_string_append (md, "---\n\n");
  if (entry->body != NULL)
    g_string_append (md, entry->body);
  if (entry->body != NULL && *entry->body != '\0' && !g_str_has_suffix (entry->body, "\n"))
    g_string_append_c (md, '\n');
}

static gboolean
write_private_file (GFile         *file,
                    GString       *contents,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileOutputStream) out = g_file_create (file, G_FILE_CREATE_PRIVATE,
                                                    cancellable, error);

  return out != NULL
         && g_output_stream_write_all (G_OUTPUT_STREAM (out), contents->str, contents->len,
                                       NULL, cancellable, error)
         && g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/**
 * _wtw_export_markdown_folder_write_data:
 * @data: gathered data
 * @dir: an existing, empty folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes one Markdown file per journal entry into @dir, each readable by its
 * owner only, with a front matter (title, date, updated, author, mood, tags,
 * private, chapter, prompt) that the Markdown import reads back. Another
 * member's private entry is a file that says only that it exists.
 *
 * Returns: %TRUE on success
 */
gboolean
_wtw_export_markdown_folder_write_data (WtwExportData  *data,
                                        GFile          *dir,
                                        GCancellable   *cancellable,
                                        GError        **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < data->entries->len; i++)
    {
      const WtwJournalEntry *entry = g_ptr_array_index (data->entries, i);
      g_autofree char *name = _wtw_export_markdown_file_name (entry, taken);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      GString *md = g_string_new (NULL);
      gboolean ok;

      render_entry_file (md, data, entry, g_ptr_array_index (data->tags, i));
      ok = write_private_file (file, md, cancellable, error);
      _wtw_export_wipe_string (md);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}
