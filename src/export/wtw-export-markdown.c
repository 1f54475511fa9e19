/* wtw-export-markdown.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wtw-export-markdown.h"
#include "wtw-export-private.h"

/* Written for a person to read (or to print for a therapist). The folder
 * form, one file per entry with a small front matter, is also read back by
 * the Markdown import (docs/import.md); the JSON export is the one that
 * carries everything.
 *
 * What people read is translated; the front matter's keys and values, the
 * Markdown marks and the file names are not: the import reads them back,
 * whatever the language the export was written in. */

#define SLUG_MAX_BYTES 60

/* @part: 1 to WTW_WORKBOOK_N_PARTS */
static const char *
part_name (guint part)
{
  switch (part)
    {
    case 1:
      return C_("workbook part", "explanation");
    case 2:
      return C_("workbook part", "scripts");
    case 3:
      return C_("workbook part", "reflection");
    case 4:
    default:
      return C_("workbook part", "conversation");
    }
}

/* @index: 0 to WTW_VAULT_QUIZ_N_SCORES - 1 */
static const char *
dimension_name (guint index)
{
  switch (index)
    {
    case 0:
      return C_("quiz dimension", "Communication");
    case 1:
      return C_("quiz dimension", "Affection");
    case 2:
      return C_("quiz dimension", "Resolution");
    case 3:
    default:
      return C_("quiz dimension", "Equilibrium");
    }
}

/* A heading is one line: a title with a newline would otherwise end it
 * and turn the rest into body text. */
static char *
heading_text (const char *title)
{
  char *text = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));

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
      g_string_append_printf (md, "## %s\n\n*", _("A private entry"));
      /* Translators: in the Markdown export, in place of another member's
       * private journal entry: when it was written, then who wrote it */
      g_string_append_printf (md, _("%s · %s · private: its text is readable only by the member who wrote it"),
                              when, who != NULL ? who : _("another member"));
      g_string_append (md, "*\n\n");
      return;
    }

  {
    g_autofree char *title = heading_text (entry->title);

    g_string_append_printf (md, "## %s\n\n*%s", title, when);
  }
  if (who != NULL)
    g_string_append_printf (md, " · %s", who);
  if (entry->mood != NULL && *entry->mood != '\0')
    {
      g_string_append (md, " · ");
      /* Translators: in a journal entry's details in the Markdown export;
       * %s is the mood the person chose, as in "mood: calm" */
      g_string_append_printf (md, _("mood: %s"), entry->mood);
    }
  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      g_string_append (md, " · ");
      /* Translators: in a journal entry's details; %s is a list of its
       * tags, as in "tags: work, family" */
      g_string_append_printf (md, _("tags: %s"), joined);
    }
  if (entry->is_private)
    {
      g_string_append (md, " · ");
      /* Translators: in a journal entry's details: only its author sees it in the app */
      g_string_append (md, C_("journal entry", "private"));
    }
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
  g_string_append_printf (md, "---\n\n# %s\n\n", _("Reflections"));
  for (guint i = 0; i < data->reflections->len; i++)
    {
      const WtwReflection *r = g_ptr_array_index (data->reflections, i);
      const char *who = _wtw_export_member_name (data, r->member_id);

      if (g_strcmp0 (chapter, r->chapter_id) != 0)
        {
          g_string_append (md, "## ");
          /* Translators: a heading in the Markdown export; %s is the
           * chapter's identifier, as in "always-and-never" */
          g_string_append_printf (md, _("Chapter %s"), chapter = r->chapter_id);
          g_string_append (md, "\n\n");
        }
      g_string_append (md, "### ");
      /* Translators: a heading in the Markdown export: the question's
       * identifier, as in "go-to-words", then who answered it */
      g_string_append_printf (md, _("Question %s · %s"), r->prompt_id,
                              who != NULL ? who : _("a former member"));
      g_string_append (md, "\n\n");
      if (r->sealed)
        g_string_append_printf (md, "*%s*\n\n", _("Private: readable only by the member who wrote it."));
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
  g_string_append_printf (md, "---\n\n# %s\n\n", _("Conversations"));
  for (guint i = 0; i < data->exercises->len; i++)
    {
      const WtwExerciseRecord *record = g_ptr_array_index (data->exercises, i);
      g_autofree char *when = format_day_time (record->started);

      g_string_append (md, "## ");
      if (record->finished > 0)
        /* Translators: a heading in the Markdown export: the chapter's
         * identifier, as in "always-and-never", then when the conversation began */
        g_string_append_printf (md, _("Chapter %s · %s"), record->chapter_id, when);
      else
        /* Translators: a heading in the Markdown export: the chapter's
         * identifier, as in "always-and-never", then when the conversation
         * began; it was left before its end */
        g_string_append_printf (md, _("Chapter %s · %s · not finished"), record->chapter_id, when);
      g_string_append (md, "\n\n");
      if (record->notes_a != NULL && *record->notes_a != '\0')
        {
          g_string_append_printf (md, "**%s**\n\n", record->name_a != NULL && *record->name_a != '\0'
                                                    ? record->name_a : _("Partner A"));
          append_text (md, record->notes_a);
        }
      if (record->notes_b != NULL && *record->notes_b != '\0')
        {
          g_string_append_printf (md, "**%s**\n\n", record->name_b != NULL && *record->name_b != '\0'
                                                    ? record->name_b : _("Partner B"));
          append_text (md, record->notes_b);
        }
    }
}

static void
append_progress_and_quiz (GString       *md,
                          WtwExportData *data)
{
  if (data->progress->len > 0)
    g_string_append_printf (md, "---\n\n# %s\n\n", _("Progress"));
  for (guint i = 0; i < data->progress->len; i++)
    {
      const WtwExportProgressRow *row = g_ptr_array_index (data->progress, i);
      const char *who = _wtw_export_member_name (data, row->member_id);
      g_autoptr(GString) parts = g_string_new (NULL);

      for (guint part = 1; part <= WTW_WORKBOOK_N_PARTS; part++)
        if (row->parts & (1u << (part - 1)))
          g_string_append_printf (parts, " %s", part_name (part));
      g_string_append (md, "- ");
      /* Translators: a line of the Markdown export: the chapter's identifier,
       * as in "always-and-never", who worked on it, then the parts done,
       * each with a space before it, as in " explanation scripts" */
      g_string_append_printf (md, _("Chapter %s, %s:%s done"), row->chapter_id,
                              who != NULL ? who : _("a former member"), parts->str);
      g_string_append_c (md, '\n');
    }
  if (data->progress->len > 0)
    g_string_append_c (md, '\n');

  if (data->quiz_results->len > 0)
    g_string_append_printf (md, "---\n\n# %s\n\n", _("Quiz results"));
  for (guint i = 0; i < data->quiz_results->len; i++)
    {
      const WtwVaultQuizResult *result = g_ptr_array_index (data->quiz_results, i);
      const char *who = _wtw_export_member_name (data, result->member_id);
      g_autofree char *when = format_day_time (result->taken);

      g_string_append_printf (md, "- %s, %s:", when, who != NULL ? who : _("a former member"));
      for (guint s = 0; s < WTW_VAULT_QUIZ_N_SCORES; s++)
        if (result->scores[s] >= 0)
          g_string_append_printf (md, " %s %.0f%s", dimension_name (s), result->scores[s],
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
  g_string_append_printf (md, "---\n\n# %s\n\n", _("Homework"));
  for (guint i = 0; i < data->homework->len; i++)
    {
      const WtwHomework *homework = g_ptr_array_index (data->homework, i);
      g_autofree char *due = g_date_valid (&homework->due) ? wtw_homework_format_day (&homework->due)
                                                           /* Translators: in the Markdown export,
                                                            * for homework due on no particular day */
                                                           : g_strdup (_("no date"));

      g_string_append_printf (md, "- [%c] ", homework->done ? 'x' : ' ');
      /* Translators: a piece of homework in the Markdown export; %s is the
       * chapter's identifier, as in "always-and-never" */
      g_string_append_printf (md, _("Chapter %s"), homework->chapter_id);
      if (homework->part != WTW_HOMEWORK_WHOLE_CHAPTER && homework->part <= WTW_WORKBOOK_N_PARTS)
        /* Translators: added after a piece of homework's chapter; %s is a
         * part of the chapter, as in ", the scripts" */
        g_string_append_printf (md, _(", the %s"), part_name (homework->part));
      /* Translators: added after a piece of homework's chapter; %s is the
       * day it is due, or "no date" */
      g_string_append_printf (md, _(", due %s"), due);
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

  g_string_append_printf (md, "# %s\n\n", _("Journal"));
  /* Translators: at the start of the Markdown export: who made it, then
   * when (a time as in 2026-11-23T09:30:00Z) */
  g_string_append_printf (md, _("Exported from Words That Work by %s on %s."),
                          data->member_name != NULL ? data->member_name : _("a member"), exported);
  g_string_append_c (md, ' ');
  /* Translators: how many journal entries the Markdown export holds */
  g_string_append_printf (md, g_dngettext (NULL, "%u entry.", "%u entries.", data->entries->len),
                          data->entries->len);
  g_string_append (md, "\n\n");
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
      g_string_append (md, "sealed: true\n---\n\n");
      /* Translators: the whole text of the file that stands for another
       * member's private journal entry in the Markdown folder export */
      g_string_append (md, _("A private entry of another member: "
                             "its text is readable only by the member who wrote it."));
      g_string_append_c (md, '\n');
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
