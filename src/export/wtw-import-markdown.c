/* wtw-import-markdown.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-import-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "wtw-import-private.h"

/* Reads Markdown files, one entry each: a folder of them (and its
 * subfolders), or one file. An optional front matter between "---" lines
 * gives title, date, updated, mood, tags, private, chapter and prompt (what
 * the Markdown folder export writes); otherwise a first "# " heading is the
 * title and the file name the fallback. The date comes from the front
 * matter, else from a day at the start of the file name ("2026-02-01 …"),
 * else from the time the file was last changed. */

#define MAX_MD_BYTES (16 * 1024 * 1024)
#define MAX_DEPTH 4

typedef struct
{
  char      *title;
  char      *date;
  char      *updated;
  char      *mood;
  char     **tags;
  char      *chapter;
  char      *prompt;
  gboolean   is_private;
  gboolean   sealed;
} FrontMatter;

static void
front_matter_clear (FrontMatter *fm)
{
  g_free (fm->title);
  g_free (fm->date);
  g_free (fm->updated);
  g_free (fm->mood);
  g_strfreev (fm->tags);
  g_free (fm->chapter);
  g_free (fm->prompt);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FrontMatter, front_matter_clear)

/* A YAML scalar as people write it: "double quoted" (JSON escapes), 'single
 * quoted', or plain. */
static char *
scalar (const char *raw)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  gsize len = strlen (text);

  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      /* A "\ud800" escape alone unescapes to bytes that are not UTF-8. */
      if (json_parser_load_from_data (parser, text, len, NULL)
          && (root = json_parser_get_root (parser)) != NULL
          && JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
        return g_utf8_make_valid (json_node_get_string (root), -1);
      return g_strndup (text + 1, len - 2);
    }
  if (len >= 2 && text[0] == '\'' && text[len - 1] == '\'')
    return g_strndup (text + 1, len - 2);
  return g_steal_pointer (&text);
}

static gboolean
truthy (const char *value)
{
  return g_ascii_strcasecmp (value, "true") == 0 || g_ascii_strcasecmp (value, "yes") == 0;
}

/* "[a, "b c"]" or "a, b" */
static char **
flow_list (const char *raw)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize len = strlen (text);
  g_auto(GStrv) parts = NULL;

  if (len >= 2 && text[0] == '[' && text[len - 1] == ']')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      /* json-glib parses recursively: "[[[[…" a million deep must not reach it. */
      if (_wtw_import_json_depth_ok (text, len)
          && json_parser_load_from_data (parser, text, len, NULL)
          && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *node = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                {
                  g_autofree char *tag = g_utf8_make_valid (json_node_get_string (node), -1);

                  g_strv_builder_add (builder, tag);
                }
            }
          return g_strv_builder_end (builder);
        }
      text[len - 1] = '\0';
      memmove (text, text + 1, len - 1);
    }
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = scalar (parts[i]);

      if (*tag != '\0')
        g_strv_builder_add (builder, tag);
    }
  return g_strv_builder_end (builder);
}

static void
set_key (FrontMatter *fm,
         const char  *key,
         const char  *raw)
{
  g_autofree char *value = scalar (raw);
  char **slot = NULL;

  /* A key given twice: the last one counts. */
  if (g_str_equal (key, "title"))
    slot = &fm->title;
  else if (g_str_equal (key, "date") || g_str_equal (key, "created"))
    slot = &fm->date;
  else if (g_str_equal (key, "updated") || g_str_equal (key, "modified"))
    slot = &fm->updated;
  else if (g_str_equal (key, "mood"))
    slot = &fm->mood;
  else if (g_str_equal (key, "chapter"))
    slot = &fm->chapter;
  else if (g_str_equal (key, "prompt"))
    slot = &fm->prompt;
  else if (g_str_equal (key, "tags"))
    {
      g_strfreev (fm->tags);
      fm->tags = flow_list (raw);
    }
  else if (g_str_equal (key, "private"))
    fm->is_private = truthy (value);
  else if (g_str_equal (key, "sealed"))
    fm->sealed = truthy (value);
  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_steal_pointer (&value);
    }
}

/* Reads a front matter at the start of @text, if there is one, and returns
 * where the body begins. */
static const char *
read_front_matter (const char  *text,
                   FrontMatter *fm)
{
  g_autoptr(GStrvBuilder) tags = NULL;
  g_autofree char *key = NULL;
  const char *line = text + 4;

  if (!g_str_has_prefix (text, "---\n"))
    return text;
  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      g_autofree char *content = g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
      const char *colon;

      g_strchomp (content);
      if (g_str_equal (content, "---") || g_str_equal (content, "..."))
        {
          if (tags != NULL)
            {
              g_strfreev (fm->tags);
              fm->tags = g_strv_builder_end (tags);
            }
          return end != NULL ? end + 1 : line + strlen (line);
        }
      if (key != NULL && g_str_equal (key, "tags") && g_str_has_prefix (g_strchug (content), "- "))
        {
          g_autofree char *tag = scalar (content + 2);

          if (tags == NULL)
            tags = g_strv_builder_new ();
          if (*tag != '\0')
            g_strv_builder_add (tags, tag);
        }
      else if ((colon = strchr (content, ':')) != NULL && content[0] != '#')
        {
          g_free (key);
          key = g_ascii_strdown (content, colon - content);
          g_strstrip (key);
          set_key (fm, key, colon + 1);
        }
      if (end == NULL)
        break;
      line = end + 1;
    }
  /* No closing line: not a front matter after all. */
  front_matter_clear (fm);
  memset (fm, 0, sizeof *fm);
  return text;
}

/* A first "# " heading, taken out of the body. */
static char *
take_heading (char **body)
{
  char *start = *body;
  char *end;
  char *title;

  while (*start == '\n')
    start++;
  if (!g_str_has_prefix (start, "# "))
    return NULL;
  end = strchr (start, '\n');
  title = g_strstrip (g_strndup (start + 2, end != NULL ? (gsize) (end - start - 2) : strlen (start + 2)));
  {
    char *rest = g_strdup (end != NULL ? end + 1 : "");

    explicit_bzero (*body, strlen (*body));
    g_free (*body);
    *body = rest;
  }
  return title;
}

/* "2026-02-01 21-14 Title.md" → the time, and the title part of the name. */
static gint64
date_from_name (const char  *name,
                char       **rest)
{
  g_autofree char *stem = g_strdup (name);
  char *dot = strrchr (stem, '.');
  int y, mo, d, h = 0, mi = 0, n = 0;
  g_autoptr(GDateTime) dt = NULL;
  const char *after;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  *rest = NULL;
  if (sscanf (stem, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
    {
      *rest = g_steal_pointer (&stem);
      return -1;
    }
  after = stem + n;
  {
    int m = 0;

    if (strchr (" T_-", after[0]) != NULL && after[0] != '\0'
        && sscanf (after + 1, "%2d%*1[-:.h]%2d%n", &h, &mi, &m) == 2 && m == 5)
      after += 1 + m;
    else
      h = mi = 0;
  }
  while (*after == ' ' || *after == '-' || *after == '_')
    after++;
  *rest = g_strdup (after);
  {
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();

    dt = g_date_time_new (local, y, mo, d, h, mi, 0);
  }
  return dt != NULL ? g_date_time_to_unix (dt) : -1;
}

static char *
title_from_name (const char *rest)
{
  char *title = g_strdup (rest);

  g_strdelimit (title, "_", ' ');
  if (strchr (title, ' ') == NULL)
    g_strdelimit (title, "-", ' ');
  return g_strstrip (title);
}

static char *
normalise (const char *contents,
           gsize       len)
{
  GString *text = g_string_sized_new (len);

  if (len >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    contents += 3, len -= 3;
  for (gsize i = 0; i < len; i++)
    if (!(contents[i] == '\r' && i + 1 < len && contents[i + 1] == '\n'))
      g_string_append_c (text, contents[i] == '\r' ? '\n' : contents[i]);
  return g_string_free (text, FALSE);
}

static void
read_file (WtwImportPlan *plan,
           GFile         *file,
           const char    *label,
           gint64         mtime,
           const char    *contents,
           gsize          len)
{
  g_auto(FrontMatter) fm = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *name = _wtw_import_display_name (file);
  gint64 name_time = date_from_name (name, &rest);
  gint64 created;
  WtwImportItem *item;

  if (!g_utf8_validate_len (contents, len, NULL))
    {
      _wtw_import_plan_skip (plan, label, _("It is not UTF-8 text."));
      return;
    }
  text = normalise (contents, len);
  body = g_strdup (read_front_matter (text, &fm));
  explicit_bzero (text, strlen (text));
  if (fm.sealed)
    {
      _wtw_import_plan_skip (plan, label,
                             _("It stands for another member’s private entry, whose words are not in the file."));
      return;
    }
  if (fm.date != NULL && (created = _wtw_import_parse_time (fm.date)) < 0)
    {
      /* Translators: why a file was not imported; %s is the date as the file gives it */
      g_autofree char *reason = g_strdup_printf (_("Its date “%s” is not a date."), fm.date);

      _wtw_import_plan_skip (plan, label, reason);
      return;
    }
  if (fm.date == NULL)
    created = name_time >= 0 ? name_time : mtime;

  title = fm.title != NULL ? g_strdup (fm.title) : take_heading (&body);
  /* At once: a byte at a time would be quadratic in a file of blank lines. */
  {
    gsize blank = strspn (body, "\n");

    if (blank > 0)
      memmove (body, body + blank, strlen (body + blank) + 1);
  }
  g_strchomp (body);
  if ((title == NULL || *title == '\0') && *body == '\0')
    {
      _wtw_import_plan_skip (plan, label, _("It is empty."));
      return;
    }
  if (title == NULL)
    title = title_from_name (rest);
  if (*title == '\0')
    g_clear_pointer (&title, g_free);

  item = _wtw_import_plan_add (plan, WTW_IMPORT_ITEM_ENTRY, g_strdup (label));
  item->entry = wtw_journal_entry_new ();
  item->entry->created = created;
  item->entry->updated = fm.updated != NULL ? MAX (_wtw_import_parse_time (fm.updated), 0) : 0;
  item->entry->title = g_steal_pointer (&title);
  item->entry->body = g_steal_pointer (&body);
  item->entry->mood = fm.mood != NULL && *fm.mood != '\0' ? g_steal_pointer (&fm.mood) : NULL;
  item->entry->is_private = fm.is_private;
  if (fm.chapter != NULL && *fm.chapter != '\0')
    {
      item->entry->chapter_id = g_steal_pointer (&fm.chapter);
      item->entry->prompt_id = g_steal_pointer (&fm.prompt);
    }
  item->tags = fm.tags != NULL ? g_steal_pointer (&fm.tags) : g_new0 (char *, 1);
}

static gboolean
is_markdown_name (const char *name)
{
  return g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown")
         || g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".MD");
}

static gboolean
read_one (WtwImportPlan  *plan,
          GFile          *file,
          const char     *label,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  /* The size first: a file of gigabytes is never read. */
  if (info != NULL && g_file_info_get_size (info) > MAX_MD_BYTES)
    {
      _wtw_import_plan_skip (plan, label, _("It is too large to be a journal entry."));
      return TRUE;
    }
  if (info != NULL)
    contents = _wtw_import_load_file (plan, file, MAX_MD_BYTES, &len, cancellable, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (local_error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_TOO_LARGE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      _wtw_import_plan_skip (plan, label, _("It cannot be read."));
      return TRUE;
    }
  read_file (plan, file, label, (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
             contents, len);
  explicit_bzero (contents, len);
  return TRUE;
}

/* By name without the extension first, so that "day-title.md" comes before
 * "day-title-2.md", the order the export gave them. */
static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const char *na = g_file_info_get_name (*(GFileInfo * const *) a);
  const char *nb = g_file_info_get_name (*(GFileInfo * const *) b);
  const char *da = strrchr (na, '.');
  const char *db = strrchr (nb, '.');
  g_autofree char *sa = g_strndup (na, da != NULL ? (gsize) (da - na) : strlen (na));
  g_autofree char *sb = g_strndup (nb, db != NULL ? (gsize) (db - nb) : strlen (nb));
  int c = strcmp (sa, sb);

  return c != 0 ? c : strcmp (na, nb);
}

static gboolean
read_folder (WtwImportPlan  *plan,
             GFile          *dir,
             const char     *prefix,
             guint           depth,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  if (children == NULL)
    {
      g_autofree char *name = _wtw_import_display_name (dir);

      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNREADABLE,
                   /* Translators: a folder's name, then why it cannot be read */
                   _("The folder “%s” cannot be read: %s"), name, local_error->message);
      return FALSE;
    }
  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    g_ptr_array_add (infos, info);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* In name order, which for dated names is the order they were lived. */
  g_ptr_array_sort (infos, compare_infos);

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *child = g_ptr_array_index (infos, i);
      const char *name = g_file_info_get_name (child);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autofree char *shown = g_filename_display_name (name);
      g_autofree char *label = prefix != NULL ? g_build_filename (prefix, shown, NULL) : g_strdup (shown);

      /* Hidden files are the system's and the editors', not the person's. */
      if (name[0] == '.')
        continue;
      if (g_file_info_get_file_type (child) == G_FILE_TYPE_DIRECTORY)
        {
          if (depth < MAX_DEPTH && !read_folder (plan, file, label, depth + 1, cancellable, error))
            return FALSE;
          continue;
        }
      if (g_file_info_get_file_type (child) != G_FILE_TYPE_REGULAR)
        continue;
      if (!is_markdown_name (name))
        _wtw_import_plan_skip (plan, label, _("It is not a Markdown or text file."));
      else if (!read_one (plan, file, label, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_wtw_import_read_markdown (WtwImportPlan  *plan,
                           GFile          *source,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autofree char *name = _wtw_import_display_name (source);

  if (g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    return read_folder (plan, source, NULL, 0, cancellable, error);
  return read_one (plan, source, name, cancellable, error);
}
