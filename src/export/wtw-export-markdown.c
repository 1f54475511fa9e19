/* wtw-export-markdown.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-export-markdown"

#include "config.h"

#include "wtw-export-markdown.h"
#include "wtw-export-private.h"

/* Written for a person to read (or to print for a therapist), not to be
 * parsed back: the JSON export is the one that round-trips. */

/* A heading is one line: a title with a newline would otherwise end it
 * and turn the rest into body text. */
static char *
heading_text (const char *title)
{
  char *text = g_strdup (title != NULL && *title != '\0' ? title : "Untitled");

  return g_strstrip (g_strdelimit (text, "\r\n", ' '));
}

static void
append_entry (GString               *md,
              WtwExportData         *data,
              const WtwJournalEntry *entry,
              const char * const    *tags)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (entry->created);
  g_autofree char *when = created != NULL ? g_date_time_format (created, "%Y-%m-%d %H:%M UTC") : g_strdup ("");
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

  if (entry->body != NULL && *entry->body != '\0')
    {
      g_string_append (md, entry->body);
      if (!g_str_has_suffix (entry->body, "\n"))
        g_string_append_c (md, '\n');
      g_string_append_c (md, '\n');
    }
}

/**
 * wtw_export_markdown_write:
 * @vault: an unlocked vault
 * @out: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the journal as one Markdown document, oldest entry first. Entries
 * the current member may not read are listed without their text. @out is
 * not closed.
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
  g_autoptr(GString) md = g_string_new (NULL);
  g_autofree char *exported = NULL;
  gboolean ok;

  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((data = _wtw_export_data_collect (vault, cancellable, error)) == NULL)
    return FALSE;

  exported = _wtw_export_format_time (data->exported);
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

  ok = g_output_stream_write_all (out, md->str, md->len, NULL, cancellable, error);
  /* The whole journal in clear text sat in this buffer. */
  memset (md->str, 0, md->len);
  return ok;
}
