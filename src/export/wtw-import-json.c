/* wtw-import-json.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-import-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wtw-export-json.h"
#include "wtw-import-private.h"

/* Reads the project's own JSON export, versions 1 and 2 (docs/export-json.md).
 * Only what belongs to the member who made the export is imported, as the
 * member who imports; conversations and homework belong to the couple and
 * come along. Another member's rows are skipped, sealed ones without a word. */

static const char * const score_names[WTW_VAULT_QUIZ_N_SCORES] = {
  "communication", "affection", "resolution", "equilibrium",
};

typedef struct
{
  WtwImportPlan *plan;
  JsonObject    *root;
  gint64         owner;
  const char    *owner_name;
} Reader;

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

static gboolean
get_int (JsonObject *object,
         const char *member,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
get_time (JsonObject *object,
          const char *member)
{
  return _wtw_import_parse_time (get_string (object, member));
}

static const char *
member_name (Reader *reader,
             gint64  member_id)
{
  JsonArray *members = get_array (reader->root, "members");

  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonNode *node = json_array_get_element (members, i);
      gint64 id;

      if (JSON_NODE_HOLDS_OBJECT (node) && get_int (json_node_get_object (node), "id", &id)
          && id == member_id)
        return get_string (json_node_get_object (node), "name");
    }
  return NULL;
}

/* Why a row of another member stays out, or NULL if it is the owner's.
 * @sealed_reason is the reason for a sealed row (only rows that can be
 * sealed give one). */
static char *
not_owner_reason (Reader     *reader,
                  JsonObject *object,
                  gboolean    sealed,
                  const char *sealed_reason)
{
  gint64 member_id = 0;
  const char *name;

  if (sealed && sealed_reason != NULL)
    return g_strdup (sealed_reason);
  if (get_int (object, "member_id", &member_id) && member_id == reader->owner)
    return NULL;
  name = member_name (reader, member_id);
  /* Translators: why an item was not imported: the name of the member who
   * wrote it, then the name of the member who made the export */
  return g_strdup_printf (_("%s wrote it; only what belongs to %s, who made the export, is imported."),
                          name != NULL ? name : _("Another member"),
                          /* Translators: stands for the name of the member who
                           * made an export, when the export gives none */
                          reader->owner_name != NULL ? reader->owner_name : _("the member"));
}

static char **
read_tags (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *tags = get_array (object, "tags");

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
read_entry (Reader     *reader,
            JsonObject *object)
{
  const char *title = get_string (object, "title");
  const char *body = get_string (object, "body");
  gint64 created = get_time (object, "created");
  g_autofree char *label = _wtw_import_entry_label (title, body, created);
  g_autofree char *reason =
    not_owner_reason (reader, object, get_bool (object, "sealed"),
                      _("It is another member’s private entry: its words are not in the file."));
  WtwImportItem *item;

  if (reason != NULL)
    {
      _wtw_import_plan_skip (reader->plan, label, reason);
      return;
    }
  if (created < 0)
    {
      _wtw_import_plan_skip (reader->plan, label,
                             _("Its creation date is missing or not a date."));
      return;
    }
  if (is_blank (title) && is_blank (body))
    {
      _wtw_import_plan_skip (reader->plan, label, _("It has neither a title nor any text."));
      return;
    }

  item = _wtw_import_plan_add (reader->plan, WTW_IMPORT_ITEM_ENTRY, g_steal_pointer (&label));
  item->entry = wtw_journal_entry_new ();
  item->entry->created = created;
  item->entry->updated = MAX (get_time (object, "updated"), 0);
  item->entry->title = g_strdup (title);
  item->entry->body = g_strdup (body);
  item->entry->mood = is_blank (get_string (object, "mood")) ? NULL
                                                               : g_strdup (get_string (object, "mood"));
  item->entry->is_private = get_bool (object, "private");
  item->entry->chapter_id = g_strdup (get_string (object, "chapter_id"));
  item->entry->prompt_id = item->entry->chapter_id != NULL
                           ? g_strdup (get_string (object, "prompt_id")) : NULL;
  item->tags = read_tags (object);
}

static void
read_reflection (Reader     *reader,
                 JsonObject *object)
{
  const char *chapter = get_string (object, "chapter_id");
  const char *prompt = get_string (object, "prompt_id");
  const char *body = get_string (object, "body");
  /* Translators: how an import's report names an answer: the question's
   * identifier, as in "go-to-words", then the chapter's, as in "always-and-never" */
  g_autofree char *label = g_strdup_printf (_("Answer to question %s of chapter %s"),
                                            prompt != NULL ? prompt : "?",
                                            chapter != NULL ? chapter : "?");
  g_autofree char *reason =
    not_owner_reason (reader, object, get_bool (object, "sealed"),
                      _("It is another member’s private answer: its words are not in the file."));
  WtwImportItem *item;

  if (reason != NULL)
    {
      _wtw_import_plan_skip (reader->plan, label, reason);
      return;
    }
  if (chapter == NULL || prompt == NULL)
    {
      _wtw_import_plan_skip (reader->plan, label, _("It does not say which question it answers."));
      return;
    }
  if (is_blank (body))
    {
      _wtw_import_plan_skip (reader->plan, label, _("The answer is empty."));
      return;
    }

  item = _wtw_import_plan_add (reader->plan, WTW_IMPORT_ITEM_REFLECTION, g_steal_pointer (&label));
  item->reflection = g_new0 (WtwReflection, 1);
  item->reflection->chapter_id = g_strdup (chapter);
  item->reflection->prompt_id = g_strdup (prompt);
  item->reflection->body = g_strdup (body);
  item->reflection->is_private = get_bool (object, "private");
  item->reflection->updated = MAX (get_time (object, "updated"), 0);
}

static char *
partner_string (JsonArray  *partners,
                guint       index,
                const char *member)
{
  JsonNode *node;

  if (partners == NULL || index >= json_array_get_length (partners))
    return NULL;
  node = json_array_get_element (partners, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? g_strdup (get_string (json_node_get_object (node), member))
                                       : NULL;
}

static void
read_conversation (Reader     *reader,
                   JsonObject *object)
{
  const char *chapter = get_string (object, "chapter_id");
  gint64 started = get_time (object, "started");
  /* Translators: how an import's report names a conversation; %s is the
   * chapter's identifier, as in "always-and-never" */
  g_autofree char *label = g_strdup_printf (_("Conversation of chapter %s"),
                                            chapter != NULL ? chapter : "?");
  JsonArray *partners = get_array (object, "partners");
  WtwExerciseRecord *record;
  WtwImportItem *item;

  if (chapter == NULL || started < 0)
    {
      _wtw_import_plan_skip (reader->plan, label,
                             _("It does not say which chapter it belongs to or when it began."));
      return;
    }

  item = _wtw_import_plan_add (reader->plan, WTW_IMPORT_ITEM_CONVERSATION, g_steal_pointer (&label));
  item->conversation = record = wtw_exercise_record_new ();
  record->chapter_id = g_strdup (chapter);
  record->started = started;
  record->finished = MAX (get_time (object, "finished"), 0);
  record->name_a = partner_string (partners, 0, "name");
  record->notes_a = partner_string (partners, 0, "notes");
  record->name_b = partner_string (partners, 1, "name");
  record->notes_b = partner_string (partners, 1, "notes");
}

static void
read_progress (Reader     *reader,
               JsonObject *object)
{
  const char *chapter = get_string (object, "chapter_id");
  /* Translators: how an import's report names the parts done of a chapter;
   * %s is the chapter's identifier, as in "always-and-never" */
  g_autofree char *label = g_strdup_printf (_("Progress in chapter %s"), chapter != NULL ? chapter : "?");
  g_autofree char *reason = not_owner_reason (reader, object, FALSE, NULL);
  JsonArray *parts = get_array (object, "parts_done");
  WtwImportItem *item;
  guint mask = 0;

  if (reason != NULL)
    {
      _wtw_import_plan_skip (reader->plan, label, reason);
      return;
    }
  for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
    {
      JsonNode *node = json_array_get_element (parts, i);
      gint64 part;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        continue;
      part = json_node_get_int (node);
      if (part >= 1 && part <= WTW_WORKBOOK_N_PARTS)
        mask |= 1u << (part - 1);
    }
  if (chapter == NULL || mask == 0)
    {
      _wtw_import_plan_skip (reader->plan, label, _("It names no chapter or no part done."));
      return;
    }
  item = _wtw_import_plan_add (reader->plan, WTW_IMPORT_ITEM_PROGRESS, g_steal_pointer (&label));
  item->chapter_id = g_strdup (chapter);
  item->parts = mask;
}

/* Answers kept as text in the file (version 1) are parsed again by the
 * quiz history and the export: only a JSON object of a sane depth goes in. */
static char *
answers_from_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text != NULL && _wtw_import_json_depth_ok (text, strlen (text))
      && json_parser_load_from_data (parser, text, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_to_string (root, FALSE);
  return g_strdup ("{}");
}

static void
read_quiz (Reader     *reader,
           JsonObject *object)
{
  gint64 taken = get_time (object, "taken");
  g_autoptr(GDateTime) dt = taken >= 0 ? g_date_time_new_from_unix_local (taken) : NULL;
  /* Translators: stands for the day a quiz was taken, in "Quiz result of %s" */
  g_autofree char *day = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup (_("an unknown day"));
  /* Translators: how an import's report names a quiz result; %s is the day
   * it was taken, as in 2026-02-01 */
  g_autofree char *label = g_strdup_printf (_("Quiz result of %s"), day);
  g_autofree char *reason = not_owner_reason (reader, object, FALSE, NULL);
  JsonNode *scores_node = json_object_get_member (object, "scores");
  JsonNode *answers = json_object_get_member (object, "answers");
  WtwVaultQuizResult *result;
  WtwImportItem *item;

  if (reason != NULL)
    {
      _wtw_import_plan_skip (reader->plan, label, reason);
      return;
    }
  if (taken < 0 || scores_node == NULL || !JSON_NODE_HOLDS_OBJECT (scores_node))
    {
      _wtw_import_plan_skip (reader->plan, label, _("Its date or its scores are missing."));
      return;
    }

  item = _wtw_import_plan_add (reader->plan, WTW_IMPORT_ITEM_QUIZ, g_steal_pointer (&label));
  item->quiz = result = g_new0 (WtwVaultQuizResult, 1);
  result->taken = taken;
  for (guint s = 0; s < WTW_VAULT_QUIZ_N_SCORES; s++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (scores_node), score_names[s]);

      result->scores[s] = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                          ? CLAMP (json_node_get_double (node), 0, 100) : -1;
    }
  if (answers != NULL && JSON_NODE_HOLDS_OBJECT (answers))
    result->answers_json = json_to_string (answers, FALSE);
  else if (answers != NULL && JSON_NODE_HOLDS_VALUE (answers)
           && json_node_get_value_type (answers) == G_TYPE_STRING)
    result->answers_json = answers_from_text (json_node_get_string (answers));
  else
    result->answers_json = g_strdup ("{}");
}

static void
read_homework (Reader     *reader,
               JsonObject *object)
{
  const char *chapter = get_string (object, "chapter_id");
  const char *due = get_string (object, "due");
  /* Translators: how an import's report names a piece of homework; %s is
   * the chapter's identifier, as in "always-and-never" */
  g_autofree char *label = g_strdup_printf (_("Homework for chapter %s"), chapter != NULL ? chapter : "?");
  WtwHomework *homework;
  WtwImportItem *item;
  gint64 part = 0;

  if (chapter == NULL)
    {
      _wtw_import_plan_skip (reader->plan, label, _("It does not say which chapter it is for."));
      return;
    }
  if (json_object_has_member (object, "part") && !json_object_get_null_member (object, "part")
      && (!get_int (object, "part", &part) || part < 1 || part > WTW_WORKBOOK_N_PARTS))
  {
    _wtw_import_plan_skip (reader->plan, label, _("Its part is not one of the four parts."));
    return;
  }

  homework = wtw_homework_new (chapter, (guint) part, NULL, get_string (object, "note"));
  if (due != NULL && !wtw_homework_parse_day (due, &homework->due))
    {
      wtw_homework_free (homework);
    {
      _wtw_import_plan_skip (reader->plan, label, _("Its due day is not a date."));
      return;
    }
    }
  item = _wtw_import_plan_add (reader->plan, WTW_IMPORT_ITEM_HOMEWORK, g_steal_pointer (&label));
  item->homework = homework;
  homework->created = MAX (get_time (object, "created"), 0);
  homework->done = get_bool (object, "done");
  homework->done_at = homework->done ? MAX (get_time (object, "done_at"), 0) : 0;
}

typedef void (*ReadFunc) (Reader *reader, JsonObject *object);

/* @member: the list's key in the file; @reason: why an item of it that is
 * not an object is skipped */
static void
read_array (Reader     *reader,
            const char *member,
            const char *reason,
            ReadFunc    func)
{
  JsonArray *array = get_array (reader->root, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        func (reader, json_node_get_object (node));
      else
        {
          /* Translators: how an import's report names an item of a list in
           * the file: its place in the list, counting from 1, then the
           * list's name in the file, which stays as it is (as in "journal") */
          g_autofree char *label = g_strdup_printf (_("Item %u of “%s”"), i + 1, member);

          _wtw_import_plan_skip (reader->plan, label, reason);
        }
    }
}

gboolean
_wtw_import_read_json (WtwImportPlan  *plan,
                       JsonNode       *root,
                       GError        **error)
{
  Reader reader = { plan, NULL, 0, NULL };
  JsonNode *by;
  gint64 version = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || g_strcmp0 (get_string (json_node_get_object (root), "format"), WTW_EXPORT_JSON_FORMAT) != 0)
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("This JSON file is not a Words That Work export."));
      return FALSE;
    }
  reader.root = json_node_get_object (root);
  if (!get_int (reader.root, "version", &version) || version < 1 || version > WTW_EXPORT_JSON_VERSION)
    {
      /* A whole number, formatted apart: G_GINT64_FORMAT cannot be in a
       * translated string. */
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNSUPPORTED_VERSION,
                   /* Translators: %s is the version number the file gives */
                   _("This export is format version %s, which this version of "
                     "Words That Work cannot read."), version_text);
      return FALSE;
    }
  by = json_object_get_member (reader.root, "exported_by");
  if (by == NULL || !JSON_NODE_HOLDS_OBJECT (by)
      || !get_int (json_node_get_object (by), "member_id", &reader.owner)
      || get_array (reader.root, "journal") == NULL)
    {
      g_set_error (error, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_MALFORMED,
                   _("This export does not say who made it or has no journal; it may be damaged."));
      return FALSE;
    }
  reader.owner_name = get_string (json_node_get_object (by), "name");

  read_array (&reader, "journal", _("It is not a journal entry as the format describes."), read_entry);
  read_array (&reader, "reflections", _("It is not an answer as the format describes."), read_reflection);
  read_array (&reader, "conversations", _("It is not a conversation as the format describes."),
              read_conversation);
  read_array (&reader, "progress", _("It is not progress as the format describes."), read_progress);
  read_array (&reader, "quiz_results", _("It is not a quiz result as the format describes."), read_quiz);
  read_array (&reader, "homework", _("It is not homework as the format describes."), read_homework);
  return TRUE;
}
