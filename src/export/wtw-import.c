/* wtw-import.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wtw-export-json.h"
#include "wtw-import-private.h"
#include "wtw-vault-batch.h"
#include "wtw-vault-tags.h"

/*
 * An import runs in two steps. Loading reads and checks the file with no
 * vault in sight (any thread): a file that cannot be read at all is an error;
 * an item that cannot be used is skipped with its reason. Applying writes the
 * items into the vault in one batch (the vault's thread): an item already
 * there is skipped as a duplicate, and any failure rolls everything back.
 *
 * Duplicates: an entry is already in the journal when one of the current
 * member's entries has the same creation second, the same title and the same
 * text (both compared without whitespace at the ends). See docs/import.md for
 * the rule of every other kind.
 */

/* Items applied per main-loop turn by the async import. */
#define APPLY_SLICE 64

/* Share of the progress bar for loading; applying gets the rest. */
#define LOAD_SHARE 0.3

G_DEFINE_QUARK (wtw-import-error-quark, wtw_import_error)
G_DEFINE_BOXED_TYPE (WtwImportReport, wtw_import_report,
                     wtw_import_report_copy, wtw_import_report_free)

static void
skip_free (gpointer data)
{
  WtwImportSkip *skip = data;

  g_free (skip->item);
  g_free (skip->reason);
  g_free (skip);
}

static WtwImportSkip *
skip_new (const char *item,
          const char *reason)
{
  WtwImportSkip *skip = g_new0 (WtwImportSkip, 1);

  skip->item = g_strdup (item);
  skip->reason = g_strdup (reason);
  return skip;
}

/**
 * wtw_import_report_new:
 * @format: the format read
 *
 * Returns: (transfer full): an empty report
 */
WtwImportReport *
wtw_import_report_new (WtwImportFormat format)
{
  WtwImportReport *report = g_new0 (WtwImportReport, 1);

  report->format = format;
  report->skipped = g_ptr_array_new_with_free_func (skip_free);
  return report;
}

/**
 * wtw_import_report_copy:
 * @report: a report
 *
 * Returns: (transfer full): a deep copy
 */
WtwImportReport *
wtw_import_report_copy (const WtwImportReport *report)
{
  WtwImportReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = wtw_import_report_new (report->format);
  copy->entries = report->entries;
  copy->reflections = report->reflections;
  copy->conversations = report->conversations;
  copy->progress = report->progress;
  copy->quiz_results = report->quiz_results;
  copy->homework = report->homework;
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const WtwImportSkip *skip = g_ptr_array_index (report->skipped, i);

      wtw_import_report_add_skip (copy, skip->item, skip->reason);
    }
  return copy;
}

/**
 * wtw_import_report_free:
 * @report: (nullable): a report
 */
void
wtw_import_report_free (WtwImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->skipped);
  g_free (report);
}

/**
 * wtw_import_report_add_skip:
 * @report: a report
 * @item: what was skipped
 * @reason: why, in one sentence
 */
void
wtw_import_report_add_skip (WtwImportReport *report,
                            const char      *item,
                            const char      *reason)
{
  g_return_if_fail (report != NULL);

  g_ptr_array_add (report->skipped, skip_new (item, reason));
}

/**
 * wtw_import_report_get_imported:
 * @report: a report
 *
 * Returns: how many things were imported, of every kind
 */
guint
wtw_import_report_get_imported (const WtwImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->entries + report->reflections + report->conversations
         + report->progress + report->quiz_results + report->homework;
}

/* Adds one count, as in "3 answers", to a list of them, and frees it. */
static void
append_count (GString *text,
              char    *count)
{
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, count);
  g_free (count);
}

/**
 * wtw_import_report_to_string:
 * @report: a report
 *
 * Returns: (transfer full): the report as lines of plain text: what was
 *   imported, then one line per skipped item with its reason
 */
char *
wtw_import_report_to_string (const WtwImportReport *report)
{
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  if (report->entries > 0)
    /* Translators: the counts in an import's report are listed one after
     * the other, as in "3 journal entries, 1 answer" */
    append_count (counts, g_strdup_printf (g_dngettext (NULL, "%u journal entry", "%u journal entries",
                                                        report->entries), report->entries));
  if (report->reflections > 0)
    append_count (counts, g_strdup_printf (g_dngettext (NULL, "%u answer", "%u answers",
                                                        report->reflections), report->reflections));
  if (report->conversations > 0)
    append_count (counts, g_strdup_printf (g_dngettext (NULL, "%u conversation", "%u conversations",
                                                        report->conversations), report->conversations));
  if (report->progress > 0)
    append_count (counts, g_strdup_printf (g_dngettext (NULL, "%u chapter part done",
                                                        "%u chapter parts done", report->progress),
                                           report->progress));
  if (report->quiz_results > 0)
    append_count (counts, g_strdup_printf (g_dngettext (NULL, "%u quiz result", "%u quiz results",
                                                        report->quiz_results), report->quiz_results));
  if (report->homework > 0)
    append_count (counts, g_strdup_printf (g_dngettext (NULL, "%u piece of homework",
                                                        "%u pieces of homework", report->homework),
                                           report->homework));
  /* Translators: the first line of an import's report; %s is a list such as
   * "3 journal entries, 1 answer", or "nothing" */
  g_string_append_printf (text, _("Imported: %s."), counts->len > 0 ? counts->str : _("nothing"));
  g_string_append_c (text, '\n');
  /* Translators: the second line of an import's report: how many items were left out */
  g_string_append_printf (text, g_dngettext (NULL, "Skipped: %u.", "Skipped: %u.", report->skipped->len),
                          report->skipped->len);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const WtwImportSkip *skip = g_ptr_array_index (report->skipped, i);

      g_string_append_printf (text, "  %s: %s\n", skip->item, skip->reason);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char * const format_names[] = { "auto", "json", "dayone", "markdown" };

/**
 * wtw_import_format_to_string:
 * @format: a format
 *
 * Returns: its name on the command line: "auto", "json", "dayone" or "markdown"
 */
const char *
wtw_import_format_to_string (WtwImportFormat format)
{
  g_return_val_if_fail (format <= WTW_IMPORT_FORMAT_MARKDOWN, NULL);

  return format_names[format];
}

/**
 * wtw_import_format_from_string:
 * @text: a name from wtw_import_format_to_string()
 * @format: (out): the format
 *
 * Returns: %TRUE if @text names a format
 */
gboolean
wtw_import_format_from_string (const char      *text,
                               WtwImportFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (text, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/* The plan. */

static void
item_free (gpointer data)
{
  WtwImportItem *item = data;

  if (item->entry != NULL && item->entry->body != NULL)
    explicit_bzero (item->entry->body, strlen (item->entry->body));
  if (item->reflection != NULL && item->reflection->body != NULL)
    explicit_bzero (item->reflection->body, strlen (item->reflection->body));
  g_free (item->label);
  g_clear_pointer (&item->entry, wtw_journal_entry_free);
  g_strfreev (item->tags);
  g_clear_pointer (&item->reflection, wtw_reflection_free);
  g_clear_pointer (&item->conversation, wtw_exercise_record_free);
  g_free (item->chapter_id);
  g_clear_pointer (&item->quiz, wtw_vault_quiz_result_free);
  g_clear_pointer (&item->homework, wtw_homework_free);
  g_free (item);
}

WtwImportPlan *
_wtw_import_plan_new (WtwImportFormat format)
{
  WtwImportPlan *plan = g_new0 (WtwImportPlan, 1);

  plan->format = format;
  plan->items = g_ptr_array_new_with_free_func (item_free);
  plan->skipped = g_ptr_array_new_with_free_func (skip_free);
  return plan;
}

/* Takes @label. */
WtwImportItem *
_wtw_import_plan_add (WtwImportPlan     *plan,
                      WtwImportItemKind  kind,
                      char              *label)
{
  WtwImportItem *item = g_new0 (WtwImportItem, 1);

  item->kind = kind;
  item->label = label;
  g_ptr_array_add (plan->items, item);
  return item;
}

void
_wtw_import_plan_skip (WtwImportPlan *plan,
                       const char    *item,
                       const char    *reason)
{
  g_ptr_array_add (plan->skipped, skip_new (item, reason));
}

/**
 * wtw_import_plan_free:
 * @plan: (nullable): a plan
 */
void
wtw_import_plan_free (WtwImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->items);
  g_ptr_array_unref (plan->skipped);
  g_free (plan);
}

/**
 * wtw_import_plan_get_n_items:
 * @plan: a plan
 *
 * Returns: how many items the file offers to import
 */
guint
wtw_import_plan_get_n_items (WtwImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->items->len;
}

/**
 * _wtw_import_parse_time:
 * @text: (nullable): ISO 8601 ("2026-02-01T21:14:00Z", with or without an
 *   offset or seconds), "2026-02-01 21:14", or a day "2026-02-01"; without an
 *   offset the time is local
 *
 * Returns: Unix time, or -1 if @text is not a date
 */
gint64
_wtw_import_parse_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = NULL;
  gsize len;

  if (text == NULL)
    return -1;
  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len == 10)
    {
      char *full = g_strconcat (copy, "T00:00:00", NULL);

      g_free (copy);
      copy = full;
    }
  else if (len >= 16 && copy[10] == ' ')
    copy[10] = 'T';
  if (strlen (copy) == 16)
    {
      char *full = g_strconcat (copy, ":00", NULL);

      g_free (copy);
      copy = full;
    }
  {
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();

    dt = g_date_time_new_from_iso8601 (copy, local);
  }
  return dt != NULL ? g_date_time_to_unix (dt) : -1;
}

/**
 * _wtw_import_entry_label:
 * @title: (nullable): the title
 * @body: (nullable): the text
 * @created: Unix time, or -1
 *
 * Returns: (transfer full): how the report names an entry: its title (or its
 *   first words) and its day
 */
char *
_wtw_import_entry_label (const char *title,
                         const char *body,
                         gint64      created)
{
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) dt = created >= 0 ? g_date_time_new_from_unix_local (created) : NULL;
  g_autofree char *day = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
  const char *source = title != NULL && *title != '\0' ? title : body;

  if (source != NULL && *source != '\0')
    {
      glong n = g_utf8_strlen (source, -1);

      name = g_utf8_substring (source, 0, MIN (n, 40));
      g_strdelimit (name, "\r\n\t", ' ');
      g_strstrip (name);
      if (n > 40)
        {
          char *longer = g_strconcat (name, "…", NULL);

          g_free (name);
          name = longer;
        }
    }
  if (name != NULL && *name != '\0' && day != NULL)
    /* Translators: how an import's report names a journal entry: its title
     * (or its first words), then its day, as in 2026-02-01 */
    return g_strdup_printf (_("Entry “%s” of %s"), name, day);
  if (name != NULL && *name != '\0')
    /* Translators: how an import's report names a journal entry: its title
     * (or its first words) */
    return g_strdup_printf (_("Entry “%s”"), name);
  if (day != NULL)
    /* Translators: how an import's report names a journal entry with no
     * words: its day, as in 2026-02-01 */
    return g_strdup_printf (_("An entry of %s"), day);
  /* Translators: how an import's report names a journal entry with no words and no day */
  return g_strdup (_("An entry"));
}

/* Loading. */

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
is_markdown_name (const char *name)
{
  return has_suffix_ci (name, ".md") || has_suffix_ci (name, ".markdown")
         || has_suffix_ci (name, ".txt");
}

/**
 * _wtw_import_display_name:
 * @file: a file
 *
 * Returns: (transfer full): its name as UTF-8, for the report and for a
 *   title made from it (a name on disk is bytes, maybe in another encoding)
 */
char *
_wtw_import_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return g_filename_display_name (base != NULL ? base : "");
}

/**
 * _wtw_import_json_depth_ok:
 * @text: JSON text
 * @len: its length
 *
 * Whether no array or object in @text nests deeper than
 * %WTW_IMPORT_MAX_JSON_DEPTH. Brackets inside strings do not count; the
 * strings and comments are those json-glib reads: "double quoted" with
 * backslash escapes, 'single quoted' without, and C comments.
 *
 * Returns: %TRUE if @text may be given to a #JsonParser
 */
gboolean
_wtw_import_json_depth_ok (const char *text,
                           gsize       len)
{
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    switch (text[i])
      {
      case '"':
        for (i++; i < len && text[i] != '"'; i++)
          if (text[i] == '\\')
            i++;
        break;
      case '\'':
        for (i++; i < len && text[i] != '\''; i++)
          ;
        break;
      case '/':
        if (i + 1 < len && text[i + 1] == '*')
          {
            for (i += 2; i < len && !(text[i] == '*' && i + 1 < len && text[i + 1] == '/'); i++)
              ;
            i++;
          }
        break;
      case '[':
      case '{':
        if (++depth > WTW_IMPORT_MAX_JSON_DEPTH)
          return FALSE;
        break;
      case ']':
      case '}':
        if (depth > 0)
          depth--;
        break;
      default:
        break;
      }
  return TRUE;
}

static void
set_too_large (GError     **error,
               const char  *name,
               gboolean     one_file)
{
  if (one_file)
    g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: a file's name, then the most one import reads, in megabytes */
                 _("“%s” is too large to import: it holds more than %u MB."), name,
                 WTW_IMPORT_MAX_BYTES / (1024 * 1024));
  else
    g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: %u is the most one import reads, in megabytes */
                 _("These files hold more than %u MB of text, more than one import takes; "
                   "import them a folder at a time."), WTW_IMPORT_MAX_BYTES / (1024 * 1024));
}

/**
 * _wtw_import_load_file:
 * @plan: the plan being loaded, which counts the bytes read
 * @file: a regular file
 * @max_bytes: the most this one file may hold
 * @len: (out): the length read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file whole, but never more than @max_bytes, nor more than what is
 * left of %WTW_IMPORT_MAX_BYTES for the whole plan: the size is checked
 * before reading, so a file of gigabytes (or a device, or a pipe) costs
 * nothing.
 *
 * Returns: (transfer full): the contents, NUL-terminated (wipe them after
 *   use), or %NULL with UNREADABLE, TOO_LARGE or G_IO_ERROR_CANCELLED
 */
char *
_wtw_import_load_file (WtwImportPlan  *plan,
                       GFile          *file,
                       gsize           max_bytes,
                       gsize          *len,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autofree char *name = _wtw_import_display_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize left = WTW_IMPORT_MAX_BYTES - MIN (plan->loaded, (gsize) WTW_IMPORT_MAX_BYTES);
  guint64 size;
  gsize n = 0;
  char *contents;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNREADABLE,
                   /* Translators: %s is the name of something that is not a
                    * regular file, such as a device or a pipe */
                   _("“%s” is not a file that can be imported."), name);
      return NULL;
    }
  size = info != NULL ? (guint64) MAX (g_file_info_get_size (info), 0) : 0;
  if (info != NULL && (size > max_bytes || size > left))
    {
      set_too_large (error, name, size > max_bytes);
      return NULL;
    }
  if (info != NULL)
    in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNREADABLE,
                     /* Translators: a file's name, then why it cannot be read */
                     _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  /* One byte more than the size: a file that grew is not read in part. */
  contents = g_malloc ((gsize) size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), contents, (gsize) size + 1, &n,
                                cancellable, &local_error)
      || n > size)
    {
      explicit_bzero (contents, MIN (n, (gsize) size + 1));
      g_free (contents);
      if (local_error == NULL)
        g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNREADABLE,
                     /* Translators: %s is a file's name */
                     _("“%s” changed while it was being read; try again."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNREADABLE,
                     /* Translators: a file's name, then why it cannot be read */
                     _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  contents[n] = '\0';
  plan->loaded += n;
  *len = n;
  return contents;
}

/* A "\ud800" escape alone makes json-glib return bytes that are not UTF-8;
 * such text would reach the vault and every label that shows it. */
static void
make_strings_valid (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        make_strings_valid (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        make_strings_valid (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (text, -1);

          explicit_bzero ((char *) text, strlen (text));
          json_node_set_string (node, valid);
          explicit_bzero (valid, strlen (valid));
        }
    }
}

static gboolean
load_json (GFile            *source,
           WtwImportFormat   format,
           WtwImportPlan   **out_plan,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(WtwImportPlan) plan = _wtw_import_plan_new (format);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = _wtw_import_display_name (source);
  JsonObject *object;
  JsonNode *root;
  gsize len = 0;
  gboolean ok;

  contents = _wtw_import_load_file (plan, source, WTW_IMPORT_MAX_BYTES, &len, cancellable, error);
  if (contents == NULL)
    return FALSE;
  if (len >= 2 && contents[0] == 'P' && contents[1] == 'K')
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: %s is a file's name */
                   _("“%s” is a ZIP archive; unpack it first and choose the JSON file inside."), name);
      return FALSE;
    }
  if (!g_utf8_validate_len (contents, len, NULL))
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_NOT_UTF8,
                   /* Translators: %s is a file's name */
                   _("“%s” is not UTF-8 text, so it cannot be a JSON export."), name);
      return FALSE;
    }
  if (!_wtw_import_json_depth_ok (contents, len))
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_MALFORMED,
                   /* Translators: a file's name, then how deep lists may nest */
                   _("“%s” nests lists more than %u deep, which no export does."), name,
                   WTW_IMPORT_MAX_JSON_DEPTH);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, contents, len, &local_error))
    {
      /* json-glib quotes the string it failed on, unescaped: maybe not UTF-8. */
      g_autofree char *why = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_MALFORMED,
                   /* Translators: a file's name, then what the JSON reader says is
                    * wrong with it (in English) */
                   _("“%s” is not valid JSON (%s)."), name, why);
      return FALSE;
    }
  explicit_bzero (contents, len);
  root = json_parser_get_root (parser);
  if (root != NULL)
    make_strings_valid (root);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  if (format == WTW_IMPORT_FORMAT_AUTO && object != NULL)
    {
      if (json_object_has_member (object, "format"))
        format = WTW_IMPORT_FORMAT_JSON;
      else if (json_object_has_member (object, "entries"))
        format = WTW_IMPORT_FORMAT_DAY_ONE;
    }
  if (format == WTW_IMPORT_FORMAT_AUTO)
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: %s is a file's name; Day One is another journal app */
                   _("“%s” is neither a Words That Work export nor a Day One export."), name);
      return FALSE;
    }

  plan->format = format;
  if (format == WTW_IMPORT_FORMAT_JSON)
    ok = _wtw_import_read_json (plan, root, error);
  else
    ok = _wtw_import_read_day_one (plan, root, error);
  if (!ok)
    return FALSE;
  *out_plan = g_steal_pointer (&plan);
  return TRUE;
}

/**
 * wtw_import_plan_load:
 * @source: a JSON file, a Markdown file or a folder of Markdown files
 * @format: its format, or %WTW_IMPORT_FORMAT_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and checks @source without touching any vault; safe on any thread.
 *
 * Returns: (transfer full): what to import, with what was skipped already;
 *   %NULL with a #WTW_IMPORT_ERROR if @source cannot be imported at all
 */
WtwImportPlan *
wtw_import_plan_load (GFile            *source,
                      WtwImportFormat   format,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(WtwImportPlan) plan = NULL;
  g_autofree char *name = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (source), NULL);

  name = _wtw_import_display_name (source);
  type = g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, cancellable);
  if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNREADABLE,
                   /* Translators: %s is a file's name */
                   _("There is no file or folder named “%s”."), name);
      return NULL;
    }
  if (format == WTW_IMPORT_FORMAT_AUTO
      && (type == G_FILE_TYPE_DIRECTORY || is_markdown_name (name)))
    format = WTW_IMPORT_FORMAT_MARKDOWN;
  if (type == G_FILE_TYPE_DIRECTORY && format != WTW_IMPORT_FORMAT_MARKDOWN)
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: %s is a folder's name */
                   _("“%s” is a folder; only Markdown files are imported from a folder."), name);
      return NULL;
    }

  if (format == WTW_IMPORT_FORMAT_MARKDOWN)
    {
      plan = _wtw_import_plan_new (format);
      if (!_wtw_import_read_markdown (plan, source, cancellable, error))
        return NULL;
      return g_steal_pointer (&plan);
    }
  if (!load_json (source, format, &plan, cancellable, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* Applying. */

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *ta = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *tb = g_strstrip (g_strdup (b != NULL ? b : ""));
  gboolean same = g_str_equal (ta, tb);

  explicit_bzero (ta, strlen (ta));
  explicit_bzero (tb, strlen (tb));
  return same;
}

static gboolean
entry_exists (WtwVault               *vault,
              const WtwJournalEntry  *entry,
              gboolean               *exists,
              GError                **error)
{
  WtwJournalFilter filter = { .from = entry->created, .to = entry->created + 1 };
  g_autoptr(GPtrArray) rows = wtw_vault_journal_query (vault, &filter, 0, 0, error);

  *exists = FALSE;
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len && !*exists; i++)
    {
      const WtwJournalRow *row = g_ptr_array_index (rows, i);
      g_autoptr(WtwJournalEntry) full = NULL;

      if (row->entry->sealed || row->entry->member_id != wtw_vault_get_member_id (vault)
          || !same_text (row->entry->title, entry->title))
        continue;
      if ((full = wtw_vault_journal_get (vault, row->entry->id, error)) == NULL)
        return FALSE;
      *exists = same_text (full->body, entry->body);
      if (full->body != NULL)
        explicit_bzero (full->body, strlen (full->body));
    }
  return TRUE;
}

static gboolean
apply_entry (WtwVault         *vault,
             WtwImportItem    *item,
             WtwImportReport  *report,
             GError          **error)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_copy (item->entry);
  gint64 updated = item->entry->updated;
  gboolean exists;

  if (!entry_exists (vault, entry, &exists, error))
    return FALSE;
  if (exists)
    {
      wtw_import_report_add_skip (report, item->label,
                                  _("The same entry is already in the journal."));
      return TRUE;
    }
  if (!wtw_vault_journal_insert (vault, entry, error)
      || (item->tags != NULL && item->tags[0] != NULL
          && !wtw_vault_journal_set_tags (vault, entry->id, (const char * const *) item->tags, error))
      || (updated > entry->created
          && !wtw_vault_journal_set_updated (vault, entry->id, updated, error)))
    return FALSE;
  if (entry->body != NULL)
    explicit_bzero (entry->body, strlen (entry->body));
  report->entries++;
  return TRUE;
}

static gboolean
apply_reflection (WtwVault         *vault,
                  WtwImportItem    *item,
                  WtwImportReport  *report,
                  GError          **error)
{
  const WtwReflection *r = item->reflection;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(WtwReflection) existing =
    wtw_vault_reflection_get (vault, r->chapter_id, r->prompt_id,
                              wtw_vault_get_member_id (vault), &local_error);

  if (existing == NULL && !g_error_matches (local_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      wtw_import_report_add_skip (report, item->label,
                                  same_text (existing->body, r->body)
                                  ? _("The same answer is already in the workbook.")
                                  : _("You already have an answer to this question here; it was kept as it is."));
      return TRUE;
    }
  if (!wtw_vault_reflection_set (vault, r->chapter_id, r->prompt_id, r->body, r->is_private, error)
      || (r->updated > 0
          && !wtw_vault_reflection_set_updated (vault, r->chapter_id, r->prompt_id, r->updated, error)))
    return FALSE;
  report->reflections++;
  return TRUE;
}

static gboolean
apply_conversation (WtwVault         *vault,
                    WtwImportItem    *item,
                    WtwImportReport  *report,
                    GError          **error)
{
  g_autoptr(WtwExerciseRecord) record = wtw_exercise_record_copy (item->conversation);
  g_autoptr(GPtrArray) list = wtw_vault_exercise_list (vault, record->chapter_id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (((WtwExerciseRecord *) g_ptr_array_index (list, i))->started == record->started)
      {
        wtw_import_report_add_skip (report, item->label,
                                    _("A conversation that began at the same moment is already here."));
        return TRUE;
      }
  if (!wtw_vault_exercise_insert (vault, record, error))
    return FALSE;
  report->conversations++;
  return TRUE;
}

static gboolean
apply_progress (WtwVault         *vault,
                WtwImportItem    *item,
                WtwImportReport  *report,
                GError          **error)
{
  int done = wtw_vault_progress_get (vault, item->chapter_id, wtw_vault_get_member_id (vault), error);
  guint added = 0;

  if (done < 0)
    return FALSE;
  for (guint part = 1; part <= WTW_WORKBOOK_N_PARTS; part++)
    {
      guint bit = 1u << (part - 1);

      if (!(item->parts & bit) || ((guint) done & bit))
        continue;
      if (!wtw_vault_progress_set (vault, item->chapter_id, part, TRUE, error))
        return FALSE;
      added++;
    }
  if (added == 0)
    wtw_import_report_add_skip (report, item->label, _("These parts are already marked done here."));
  report->progress += added;
  return TRUE;
}

static gboolean
apply_quiz (WtwVault         *vault,
            WtwImportItem    *item,
            WtwImportReport  *report,
            GError          **error)
{
  const WtwVaultQuizResult *result = item->quiz;
  g_autoptr(GPtrArray) list = wtw_vault_quiz_list_results (vault, wtw_vault_get_member_id (vault),
                                                           error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (((WtwVaultQuizResult *) g_ptr_array_index (list, i))->taken == result->taken)
      {
        wtw_import_report_add_skip (report, item->label,
                                    _("A quiz result from the same moment is already here."));
        return TRUE;
      }
  if (wtw_vault_quiz_save_result (vault, result->taken, result->answers_json,
                                  result->scores, error) <= 0)
    return FALSE;
  report->quiz_results++;
  return TRUE;
}

static gboolean
same_homework (const WtwHomework *a,
               const WtwHomework *b)
{
  gboolean same_due = g_date_valid (&a->due) == g_date_valid (&b->due)
                      && (!g_date_valid (&a->due) || g_date_compare (&a->due, &b->due) == 0);

  return g_strcmp0 (a->chapter_id, b->chapter_id) == 0 && a->part == b->part && same_due
         && same_text (a->note, b->note);
}

static gboolean
apply_homework (WtwVault         *vault,
                WtwImportItem    *item,
                WtwImportReport  *report,
                GError          **error)
{
  g_autoptr(WtwHomework) homework = wtw_homework_copy (item->homework);
  g_autoptr(GPtrArray) list = wtw_vault_homework_list (vault, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (same_homework (g_ptr_array_index (list, i), homework))
      {
        wtw_import_report_add_skip (report, item->label,
                                    _("The same homework is already on the list."));
        return TRUE;
      }
  /* Added by the person importing; done and when, as in the file. */
  homework->id = 0;
  homework->member_id = 0;
  g_date_clear (&homework->reminded_on, 1);
  if (!wtw_vault_homework_add (vault, homework, error))
    return FALSE;
  report->homework++;
  return TRUE;
}

static gboolean
apply_item (WtwVault         *vault,
            WtwImportItem    *item,
            WtwImportReport  *report,
            GError          **error)
{
  switch (item->kind)
    {
    case WTW_IMPORT_ITEM_ENTRY:
      return apply_entry (vault, item, report, error);
    case WTW_IMPORT_ITEM_REFLECTION:
      return apply_reflection (vault, item, report, error);
    case WTW_IMPORT_ITEM_CONVERSATION:
      return apply_conversation (vault, item, report, error);
    case WTW_IMPORT_ITEM_PROGRESS:
      return apply_progress (vault, item, report, error);
    case WTW_IMPORT_ITEM_QUIZ:
      return apply_quiz (vault, item, report, error);
    case WTW_IMPORT_ITEM_HOMEWORK:
      return apply_homework (vault, item, report, error);
    default:
      g_assert_not_reached ();
    }
}

static WtwImportReport *
report_for_plan (WtwImportPlan *plan)
{
  WtwImportReport *report = wtw_import_report_new (plan->format);

  for (guint i = 0; i < plan->skipped->len; i++)
    {
      const WtwImportSkip *skip = g_ptr_array_index (plan->skipped, i);

      wtw_import_report_add_skip (report, skip->item, skip->reason);
    }
  return report;
}

static void
prefix_nothing_imported (GError **error)
{
  if (error != NULL && *error != NULL
      && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: put before the message of the error that stopped an
     * import. Keep the space at the end. */
    g_prefix_error (error, _("Nothing was imported. "));
}

/**
 * wtw_import_plan_apply:
 * @plan: a loaded plan
 * @vault: an unlocked vault
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the plan's items for the current member in one batch, skipping what
 * is already in the vault. If anything fails, or @cancellable is cancelled,
 * the vault is left exactly as it was.
 *
 * Returns: (transfer full): the report, or %NULL on error (nothing imported)
 */
WtwImportReport *
wtw_import_plan_apply (WtwImportPlan  *plan,
                       WtwVault       *vault,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(WtwImportReport) report = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (WTW_IS_VAULT (vault), NULL);

  report = report_for_plan (plan);
  if (!wtw_vault_batch_begin (vault, error))
    {
      prefix_nothing_imported (error);
      return NULL;
    }
  for (guint i = 0; i < plan->items->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !apply_item (vault, g_ptr_array_index (plan->items, i), report, error))
      {
        wtw_vault_batch_rollback (vault);
        prefix_nothing_imported (error);
        return NULL;
      }
  if (!wtw_vault_batch_commit (vault, error))
    {
      prefix_nothing_imported (error);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/**
 * wtw_import_file:
 * @vault: an unlocked vault
 * @source: a file or folder
 * @format: its format, or %WTW_IMPORT_FORMAT_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads and applies @source in one call (the command line).
 *
 * Returns: (transfer full): the report, or %NULL on error (nothing imported)
 */
WtwImportReport *
wtw_import_file (WtwVault         *vault,
                 GFile            *source,
                 WtwImportFormat   format,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(WtwImportPlan) plan = wtw_import_plan_load (source, format, cancellable, error);

  if (plan == NULL)
    return NULL;
  return wtw_import_plan_apply (plan, vault, cancellable, error);
}

/* The async import: load in a worker, then apply a slice of items per
 * main-loop turn inside one batch, on the vault's thread. */

typedef struct
{
  WtwVault         *vault;
  GFile            *source;
  WtwImportFormat   format;
  WtwVaultProgress  progress;
  gpointer          progress_data;
  WtwImportPlan    *plan;
  WtwImportReport  *report;
  guint             next;
  gboolean          in_batch;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  if (job->in_batch)
    wtw_vault_batch_rollback (job->vault);
  g_clear_object (&job->vault);
  g_clear_object (&job->source);
  g_clear_pointer (&job->plan, wtw_import_plan_free);
  g_clear_pointer (&job->report, wtw_import_report_free);
  g_free (job);
}

static void
report_progress (ImportJob *job,
                 double     fraction)
{
  if (job->progress != NULL)
    job->progress (fraction, job->progress_data);
}

static gboolean
fail_job (GTask  *task,
          GError *error)
{
  ImportJob *job = g_task_get_task_data (task);

  if (job->in_batch)
    wtw_vault_batch_rollback (job->vault);
  job->in_batch = FALSE;
  prefix_nothing_imported (&error);
  g_task_return_error (task, error);
  return G_SOURCE_REMOVE;
}

static gboolean
apply_slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  guint end = MIN (job->next + APPLY_SLICE, job->plan->items->len);

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    return fail_job (task, error);
  if (!wtw_vault_is_unlocked (job->vault))
    {
      g_set_error (&error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                   _("The vault was locked before the import finished."));
      return fail_job (task, error);
    }
  for (; job->next < end; job->next++)
    if (!apply_item (job->vault, g_ptr_array_index (job->plan->items, job->next),
                     job->report, &error))
      return fail_job (task, error);
  report_progress (job, LOAD_SHARE + (1 - LOAD_SHARE) * job->next
                                     / MAX (1.0, (double) job->plan->items->len));
  if (job->next < job->plan->items->len)
    return G_SOURCE_CONTINUE;

  job->in_batch = FALSE;
  if (!wtw_vault_batch_commit (job->vault, &error))
    return fail_job (task, error);
  g_task_return_pointer (task, g_steal_pointer (&job->report),
                         (GDestroyNotify) wtw_import_report_free);
  return G_SOURCE_REMOVE;
}

static void
on_loaded_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GSource) source = NULL;
  GError *error = NULL;

  job->plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  report_progress (job, LOAD_SHARE);
  job->report = report_for_plan (job->plan);
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error)
      || !wtw_vault_batch_begin (job->vault, &error))
    {
      fail_job (task, error);
      return;
    }
  job->in_batch = TRUE;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, apply_slice_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[wtw] import");
  g_source_attach (source, g_main_context_get_thread_default ());
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  WtwImportPlan *plan = wtw_import_plan_load (job->source, job->format, cancellable, &error);

  if (plan != NULL)
    g_task_return_pointer (task, plan, (GDestroyNotify) wtw_import_plan_free);
  else
    g_task_return_error (task, error);
}

/**
 * wtw_import_file_async:
 * @vault: an unlocked vault
 * @source: a file or folder
 * @format: its format, or %WTW_IMPORT_FORMAT_AUTO
 * @progress: (nullable) (scope call): called with 0 to 1 on the calling thread
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable; cancelling rolls everything back
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like wtw_import_file(), without blocking: the file is read in a worker
 * thread, then the items are written a slice per main-loop turn inside one
 * batch. The caller must not write to @vault until @callback runs (those
 * writes would join the batch). @progress must stay valid until then.
 */
void
wtw_import_file_async (WtwVault            *vault,
                       GFile               *source,
                       WtwImportFormat      format,
                       WtwVaultProgress     progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  ImportJob *job;

  g_return_if_fail (WTW_IS_VAULT (vault));
  g_return_if_fail (G_IS_FILE (source));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_import_file_async);
  job = g_new0 (ImportJob, 1);
  job->vault = g_object_ref (vault);
  job->source = g_object_ref (source);
  job->format = format;
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, import_job_free);

  load = g_task_new (NULL, cancellable, on_loaded_cb, g_object_ref (task));
  g_task_set_source_tag (load, wtw_import_file_async);
  g_task_set_task_data (load, job, NULL);
  g_task_run_in_thread (load, load_thread);
}

/**
 * wtw_import_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the report, or %NULL on error (nothing imported)
 */
WtwImportReport *
wtw_import_file_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
