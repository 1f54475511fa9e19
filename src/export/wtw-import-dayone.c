/* wtw-import-dayone.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-import-dayone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wtw-import-private.h"

/* Reads the JSON file of a Day One export:
 *   {"metadata": {"version": "1.0"},
 *    "entries": [{"uuid", "creationDate", "modifiedDate", "text", "tags",
 *                 "starred", …}, …]}
 * Day One keeps the title as the first line of the text, usually a "# "
 * heading, and writes Markdown with punctuation escaped ("Hello\!"). Photos,
 * places and weather are not imported (docs/import.md). */

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* "\." → ".", "\-" → "-": Day One's escapes of Markdown punctuation. */
static char *
unescape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        p++;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Splits off a first line that is a heading (or, failing that, nothing). */
static void
split_title (const char  *text,
             char       **title,
             char       **body)
{
  const char *start = text;
  const char *end;

  while (*start == '\n' || *start == '\r')
    start++;
  end = strchr (start, '\n');
  if (start[0] == '#')
    {
      const char *t = start;

      while (*t == '#')
        t++;
      if (*t == ' ' || *t == '\t')
        {
          *title = g_strstrip (g_strndup (t, end != NULL ? (gsize) (end - t) : strlen (t)));
          *body = g_strdup (end != NULL ? end + 1 : "");
          g_strchug (*body);
          return;
        }
    }
  *title = NULL;
  *body = g_strdup (start);
}

static char **
read_tags (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "tags");
  JsonNode *starred = json_object_get_member (object, "starred");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *tags = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (tags); i++)
        {
          JsonNode *tag = json_array_get_element (tags, i);

          if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (tag));
        }
    }
  /* Day One's star has no place of its own here: it becomes a tag. */
  if (starred != NULL && JSON_NODE_HOLDS_VALUE (starred)
      && json_node_get_value_type (starred) == G_TYPE_BOOLEAN && json_node_get_boolean (starred))
    g_strv_builder_add (builder, "starred");
  return g_strv_builder_end (builder);
}

static void
read_entry (WtwImportPlan *plan,
            JsonObject    *object)
{
  const char *text = get_string (object, "text");
  const char *date = get_string (object, "creationDate");
  gint64 created = _wtw_import_parse_time (date);
  g_autofree char *plain = text != NULL ? unescape (text) : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  WtwImportItem *item;

  split_title (plain, &title, &body);
  g_strchomp (body);
  label = _wtw_import_entry_label (title, body, created);
  if (date == NULL)
    {
      _wtw_import_plan_skip (plan, label, _("It has no creation date."));
      return;
    }
  if (created < 0)
    {
      /* Translators: why an entry was not imported; %s is the date as the file gives it */
      g_autofree char *reason = g_strdup_printf (_("Its creation date “%s” is not a date."), date);

      _wtw_import_plan_skip (plan, label, reason);
      return;
    }
  if ((title == NULL || *title == '\0') && *body == '\0')
    {
      _wtw_import_plan_skip (plan, label, _("It has no text."));
      return;
    }

  item = _wtw_import_plan_add (plan, WTW_IMPORT_ITEM_ENTRY, g_steal_pointer (&label));
  item->entry = wtw_journal_entry_new ();
  item->entry->created = created;
  item->entry->updated = MAX (_wtw_import_parse_time (get_string (object, "modifiedDate")), 0);
  item->entry->title = g_steal_pointer (&title);
  item->entry->body = g_steal_pointer (&body);
  item->tags = read_tags (object);
  explicit_bzero (plain, strlen (plain));
}

gboolean
_wtw_import_read_day_one (WtwImportPlan  *plan,
                          JsonNode       *root,
                          GError        **error)
{
  JsonNode *entries = NULL;
  JsonArray *array;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    entries = json_object_get_member (json_node_get_object (root), "entries");
  if (entries == NULL || !JSON_NODE_HOLDS_ARRAY (entries))
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: Day One is another journal app */
                   _("This JSON file is not a Day One export: it has no list of entries."));
      return FALSE;
    }
  array = json_node_get_array (entries);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_entry (plan, json_node_get_object (node));
      else
        {
          /* Translators: how an import's report names an item of a Day One
           * file that is not an entry; %u counts from 1 */
          g_autofree char *label = g_strdup_printf (_("Entry %u of the file"), i + 1);

          _wtw_import_plan_skip (plan, label, _("It is not an entry as Day One writes them."));
        }
    }
  return TRUE;
}
