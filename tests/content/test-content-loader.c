/* test-content-loader.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-content-loader"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wtw-content.h"

/* The loader is fed a valid file with one thing broken at a time, and the
 * error must name the file and the field. The valid chapter is a small
 * fixture (tests/content/data/chapter.json); the valid quiz and safety note
 * are the shipped ones. */

#define CHAPTER_FILE "en/chapters/06-test-chapter.json"

typedef enum
{
  KIND_CHAPTER,
  KIND_QUIZ,
  KIND_SAFETY,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  /* Each change is "path=json" (set, adding the member if needed) or
   * "path" (remove); a path is "a.b[2].c", and "[*]" means every element. */
  const char *changes[5];
  int         code;
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  /* Chapters */
  { "missing-title", KIND_CHAPTER, { "title" },
    WTW_CONTENT_ERROR_MISSING, CHAPTER_FILE ": title: required field is missing" },
  { "missing-step-text", KIND_CHAPTER, { "exercise.steps[3].text" },
    WTW_CONTENT_ERROR_MISSING, CHAPTER_FILE ": exercise.steps[3].text: required field is missing" },
  { "missing-exercise", KIND_CHAPTER, { "exercise" },
    WTW_CONTENT_ERROR_MISSING, CHAPTER_FILE ": exercise: required field is missing" },
  { "summary-not-string", KIND_CHAPTER, { "summary=42" },
    WTW_CONTENT_ERROR_TYPE, CHAPTER_FILE ": summary: must be a string" },
  { "scripts-not-array", KIND_CHAPTER, { "scripts={}" },
    WTW_CONTENT_ERROR_TYPE, CHAPTER_FILE ": scripts: must be an array" },
  { "script-not-object", KIND_CHAPTER, { "scripts[2]=\"try this\"" },
    WTW_CONTENT_ERROR_TYPE, CHAPTER_FILE ": scripts[2]: must be an object" },
  { "explanation-number", KIND_CHAPTER, { "explanation[1]=7" },
    WTW_CONTENT_ERROR_TYPE, CHAPTER_FILE ": explanation[1]: must be a string" },
  { "empty-why", KIND_CHAPTER, { "scripts[0].why=\"  \"" },
    WTW_CONTENT_ERROR_INVALID, CHAPTER_FILE ": scripts[0].why: must not be empty" },
  { "unknown-top-level", KIND_CHAPTER, { "subtitle=\"x\"" },
    WTW_CONTENT_ERROR_UNKNOWN_FIELD, CHAPTER_FILE ": subtitle: unknown field" },
  { "unknown-in-step", KIND_CHAPTER, { "exercise.steps[1].speeker=\"a\"" },
    WTW_CONTENT_ERROR_UNKNOWN_FIELD, CHAPTER_FILE ": exercise.steps[1].speeker: unknown field" },
  { "seconds-too-small", KIND_CHAPTER, { "exercise.steps[2].seconds=5" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[2].seconds: must be an integer from 15 to 600" },
  { "seconds-too-large", KIND_CHAPTER, { "exercise.steps[2].seconds=601" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[2].seconds: must be an integer from 15 to 600" },
  { "seconds-fraction", KIND_CHAPTER, { "exercise.steps[2].seconds=90.5" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[2].seconds: must be an integer from 15 to 600" },
  { "seconds-string", KIND_CHAPTER, { "exercise.closing.seconds=\"60\"" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.closing.seconds: must be an integer from 15 to 600" },
  { "too-short", KIND_CHAPTER, { "exercise.steps[*].seconds=100" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise: the steps and the closing add up to 460 seconds" },
  { "too-long", KIND_CHAPTER, { "exercise.steps[*].seconds=200", "exercise.closing.seconds=120" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise: the steps and the closing add up to 920 seconds" },
  { "same-speaker-twice", KIND_CHAPTER, { "exercise.steps[2].speaker=\"b\"" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[2].speaker: speakers must take turns" },
  { "same-speaker-around-both", KIND_CHAPTER,
    { "exercise.steps[1].speaker=\"both\"", "exercise.steps[1].listener" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[2].speaker: speakers must take turns" },
  { "only-a-speaks", KIND_CHAPTER,
    { "exercise.steps[*].speaker=\"both\"", "exercise.steps[*].listener",
      "exercise.steps[0].speaker=\"a\"", "exercise.steps[0].listener=\"Listen.\"" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps: partner \"b\" never speaks" },
  { "bad-speaker", KIND_CHAPTER, { "exercise.steps[0].speaker=\"c\"" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[0].speaker: must be \"a\", \"b\" or \"both\"" },
  { "listener-missing", KIND_CHAPTER, { "exercise.steps[1].listener" },
    WTW_CONTENT_ERROR_MISSING,
    CHAPTER_FILE ": exercise.steps[1].listener: required when the speaker is" },
  { "listener-with-both", KIND_CHAPTER, { "exercise.steps[3].speaker=\"both\"" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps[3].listener: must be absent when the speaker is \"both\"" },
  { "speaker-in-closing", KIND_CHAPTER, { "exercise.closing.speaker=\"both\"" },
    WTW_CONTENT_ERROR_UNKNOWN_FIELD, CHAPTER_FILE ": exercise.closing.speaker: unknown field" },
  { "three-steps", KIND_CHAPTER, { "exercise.steps[3]", "exercise.closing.seconds=210" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": exercise.steps: must have at least 4 entries, has 3" },
  { "four-scripts", KIND_CHAPTER, { "scripts[4]" },
    WTW_CONTENT_ERROR_INVALID, CHAPTER_FILE ": scripts: must have at least 5 entries, has 4" },
  { "four-prompts", KIND_CHAPTER, { "prompts[0]" },
    WTW_CONTENT_ERROR_INVALID, CHAPTER_FILE ": prompts: must have at least 5 entries, has 4" },
  { "duplicate-prompt-id", KIND_CHAPTER, { "prompts[3].id=\"second\"" },
    WTW_CONTENT_ERROR_REFERENCE, CHAPTER_FILE ": prompts[3].id: duplicate prompt id \"second\"" },
  { "bad-prompt-id", KIND_CHAPTER, { "prompts[2].id=\"Third One\"" },
    WTW_CONTENT_ERROR_INVALID, CHAPTER_FILE ": prompts[2].id: \"Third One\" is not a valid id" },
  { "id-not-slug", KIND_CHAPTER, { "id=\"another-chapter\"" },
    WTW_CONTENT_ERROR_INVALID,
    CHAPTER_FILE ": id: \"another-chapter\" must equal the file name without its number, "
    "\"test-chapter\"" },
  { "number-not-nn", KIND_CHAPTER, { "number=7" },
    WTW_CONTENT_ERROR_INVALID, CHAPTER_FILE ": number: 7 must equal the file name's number, 6" },
  { "title-too-long", KIND_CHAPTER,
    { "title=\"A title that goes on and on well past the sixty characters a title may have\"" },
    WTW_CONTENT_ERROR_INVALID, CHAPTER_FILE ": title: must be 2–60 characters long, is 75" },
  { "not-an-object", KIND_CHAPTER, { "=[1, 2]" },
    WTW_CONTENT_ERROR_TYPE, CHAPTER_FILE ": the document must be a JSON object" },

  /* Quiz */
  { "quiz-missing-disclaimer", KIND_QUIZ, { "disclaimer" },
    WTW_CONTENT_ERROR_MISSING, "en/quiz.json: disclaimer: required field is missing" },
  { "quiz-reverse-not-boolean", KIND_QUIZ, { "items[3].reverse=\"yes\"" },
    WTW_CONTENT_ERROR_TYPE, "en/quiz.json: items[3].reverse: must be true or false" },
  { "quiz-unknown-item-field", KIND_QUIZ, { "items[0].weight=2" },
    WTW_CONTENT_ERROR_UNKNOWN_FIELD, "en/quiz.json: items[0].weight: unknown field" },
  { "quiz-duplicate-item", KIND_QUIZ, { "items[1].id=\"c-say-what-i-need\"" },
    WTW_CONTENT_ERROR_REFERENCE,
    "en/quiz.json: items[1].id: duplicate item id \"c-say-what-i-need\"" },
  { "quiz-unknown-dimension", KIND_QUIZ, { "items[2].dimension=\"trust\"" },
    WTW_CONTENT_ERROR_REFERENCE,
    "en/quiz.json: items[2].dimension: no dimension with id \"trust\"" },
  { "quiz-too-few-per-dimension", KIND_QUIZ, { "items[0]", "items[0]" },
    WTW_CONTENT_ERROR_INVALID,
    "en/quiz.json: items: dimension \"communication\" has 5 items; each needs at least 6" },
  { "quiz-dimension-order", KIND_QUIZ, { "dimensions[1].id=\"communication\"" },
    WTW_CONTENT_ERROR_INVALID, "en/quiz.json: dimensions[1].id: must be \"affection\"" },
  { "quiz-three-tiers", KIND_QUIZ, { "dimensions[2].tiers[3]" },
    WTW_CONTENT_ERROR_INVALID, "en/quiz.json: dimensions[2].tiers: must have at least 4 entries" },
  { "quiz-first-tier", KIND_QUIZ, { "dimensions[0].tiers[0].min=5" },
    WTW_CONTENT_ERROR_INVALID,
    "en/quiz.json: dimensions[0].tiers[0].min: the first tier must start at 0" },
  { "quiz-tiers-order", KIND_QUIZ, { "dimensions[3].tiers[2].min=30" },
    WTW_CONTENT_ERROR_INVALID,
    "en/quiz.json: dimensions[3].tiers[2].min: must be greater than the previous tier's min" },
  { "quiz-one-chapter", KIND_QUIZ, { "dimensions[2].chapters=[\"coming-back\"]" },
    WTW_CONTENT_ERROR_INVALID,
    "en/quiz.json: dimensions[2].chapters: must have at least 2 entries, has 1" },
  { "quiz-scale-order", KIND_QUIZ, { "scale[2].value=4" },
    WTW_CONTENT_ERROR_INVALID, "en/quiz.json: scale[2].value: must be 3" },
  { "quiz-insight-unknown-item", KIND_QUIZ, { "insights[0].when[0].item=\"a-nothing\"" },
    WTW_CONTENT_ERROR_REFERENCE,
    "en/quiz.json: insights[0].when[0].item: no item with id \"a-nothing\"" },
  { "quiz-insight-bad-answer", KIND_QUIZ, { "insights[1].when[0].answers=[1, 6]" },
    WTW_CONTENT_ERROR_INVALID,
    "en/quiz.json: insights[1].when[0].answers[1]: must be an integer from 1 to 5" },
  { "quiz-figure-without-source", KIND_QUIZ, { "insights[0].source" },
    WTW_CONTENT_ERROR_MISSING, "en/quiz.json: insights[0].source: required field is missing" },
  { "quiz-minutes", KIND_QUIZ, { "minutes=0" },
    WTW_CONTENT_ERROR_INVALID, "en/quiz.json: minutes: must be an integer from 1 to 30" },

  /* Safety note */
  { "safety-one-help", KIND_SAFETY, { "help[1]", "help[1]", "help[1]" },
    WTW_CONTENT_ERROR_INVALID, "en/safety.json: help: must have at least 2 entries, has 1" },
  { "safety-help-detail", KIND_SAFETY, { "help[0].detail" },
    WTW_CONTENT_ERROR_MISSING, "en/safety.json: help[0].detail: required field is missing" },
  { "safety-unknown", KIND_SAFETY, { "paragraph=[\"x\"]" },
    WTW_CONTENT_ERROR_UNKNOWN_FIELD, "en/safety.json: paragraph: unknown field" },
};

/* Path changes */

/* JsonArray has no setter: the parent gets a copy of the array with one
 * element replaced. */
static void
replace_element (JsonNode *parent,
                 guint     index,
                 JsonNode *value)
{
  JsonArray *array = json_node_get_array (parent);
  g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = i == index ? value : json_array_get_element (array, i);

      json_array_add_element (copy, json_node_copy (element));
    }

  json_node_set_array (parent, copy);
}

static void change_node (JsonNode   *node,
                         char      **tokens,
                         JsonNode   *value);

static void
change_child (JsonNode   *parent,
              const char *token,
              char      **rest,
              JsonNode   *value)
{
  if (token[0] == '[')
    {
      JsonArray *array = json_node_get_array (parent);
      guint length = json_array_get_length (array);
      guint from = 0;
      guint to = length;

      if (!g_str_equal (token, "[*]"))
        {
          from = (guint)g_ascii_strtoull (token + 1, NULL, 10);
          to = from + 1;
          g_assert_cmpuint (from, <, length);
        }

      for (guint i = to; i > from; i--)
        {
          if (rest[0] != NULL)
            change_node (json_array_get_element (array, i - 1), rest, value);
          else if (value == NULL)
            json_array_remove_element (array, i - 1);
          else
            replace_element (parent, i - 1, value);
        }
    }
  else
    {
      JsonObject *object = json_node_get_object (parent);

      if (rest[0] != NULL)
        change_node (json_object_get_member (object, token), rest, value);
      else if (value == NULL)
        {
          g_assert_true (json_object_has_member (object, token));
          json_object_remove_member (object, token);
        }
      else
        json_object_set_member (object, token, json_node_copy (value));
    }
}

static void
change_node (JsonNode  *node,
             char     **tokens,
             JsonNode  *value)
{
  g_assert_nonnull (node);
  change_child (node, tokens[0], tokens + 1, value);
}

/* "a.b[2].c" → { "a", "b", "[2]", "c" } */
static GStrv
tokenize (const char *path)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = path;

  while (*p != '\0')
    {
      gsize length;

      if (*p == '.')
        p++;

      length = *p == '[' ? strcspn (p, "]") + 1 : strcspn (p, ".[");
      g_ptr_array_add (tokens, g_strndup (p, length));
      p += length;
    }

  g_ptr_array_add (tokens, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&tokens), FALSE);
}

static JsonNode *
apply_change (JsonNode   *root,
              const char *change)
{
  g_auto(GStrv) parts = g_strsplit (change, "=", 2);
  g_auto(GStrv) tokens = tokenize (parts[0]);
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;

  if (parts[1] != NULL)
    {
      value = json_from_string (parts[1], &error);
      g_assert_no_error (error);
    }

  /* An empty path replaces the whole document. */
  if (tokens[0] == NULL)
    {
      json_node_unref (root);
      return g_steal_pointer (&value);
    }

  change_node (root, tokens, value);
  return root;
}

/* Fixtures */

static GBytes *
load_original (Kind kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents;
  gsize length;

  if (kind == KIND_QUIZ || kind == KIND_SAFETY)
    {
      GBytes *bytes = g_resources_lookup_data (kind == KIND_QUIZ ?
                                               WTW_CONTENT_RESOURCE_PATH "/en/quiz.json" :
                                               WTW_CONTENT_RESOURCE_PATH "/en/safety.json",
                                               G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      return bytes;
    }

  path = g_test_build_filename (G_TEST_DIST, "content", "data", "chapter.json", NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static GBytes *
changed_bytes (Kind                kind,
               const char * const *changes)
{
  g_autoptr(GBytes) original = load_original (kind);
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  char *text;

  root = json_from_string (g_bytes_get_data (original, NULL), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 5 && changes[i] != NULL; i++)
    root = apply_change (root, changes[i]);

  text = json_to_string (root, TRUE);
  json_node_unref (root);

  return g_bytes_new_take (text, strlen (text));
}

static GObject *
load (Kind     kind,
      GBytes  *bytes,
      GError **error)
{
  switch (kind)
    {
    case KIND_CHAPTER:
      return G_OBJECT (wtw_chapter_new_from_bytes (bytes, CHAPTER_FILE, error));
    case KIND_QUIZ:
      return G_OBJECT (wtw_quiz_new_from_bytes (bytes, "en/quiz.json", error));
    case KIND_SAFETY:
      return G_OBJECT (wtw_safety_note_new_from_bytes (bytes, "en/safety.json", error));
    default:
      g_assert_not_reached ();
    }
}

/* Tests */

static void
test_valid (gconstpointer data)
{
  const Kind kind = GPOINTER_TO_INT (data);
  const char * const no_changes[] = { NULL };
  g_autoptr(GBytes) bytes = changed_bytes (kind, no_changes);
  g_autoptr(GError) error = NULL;
  GObject *object;

  object = load (kind, bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);
  g_assert_finalize_object (object);
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autoptr(GBytes) bytes = changed_bytes (broken->kind, broken->changes);
  g_autoptr(GError) error = NULL;
  GObject *object;

  object = load (broken->kind, bytes, &error);
  g_assert_null (object);
  g_assert_error (error, WTW_CONTENT_ERROR, broken->code);

  if (!g_str_has_prefix (error->message, broken->message))
    g_error ("expected a message starting with\n  %s\ngot\n  %s",
             broken->message, error->message);
}

static void
test_chapter_fields (void)
{
  const char * const no_changes[] = { NULL };
  g_autoptr(GBytes) bytes = changed_bytes (KIND_CHAPTER, no_changes);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwChapter) chapter = NULL;
  g_autoptr(WtwExerciseStep) step = NULL;
  WtwExercise *exercise;

  chapter = wtw_chapter_new_from_bytes (bytes, CHAPTER_FILE, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (wtw_chapter_get_id (chapter), ==, "test-chapter");
  g_assert_cmpuint (wtw_chapter_get_number (chapter), ==, 6);
  g_assert_cmpstr (wtw_chapter_get_title (chapter), ==, "A Chapter for Tests");
  g_assert_cmpuint (g_strv_length ((GStrv)wtw_chapter_get_explanation (chapter)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (wtw_chapter_get_scripts (chapter)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (wtw_chapter_get_prompts (chapter)), ==, 5);
  g_assert_nonnull (wtw_chapter_lookup_prompt (chapter, "third"));
  g_assert_null (wtw_chapter_lookup_prompt (chapter, "sixth"));

  exercise = wtw_chapter_get_exercise (chapter);
  g_assert_cmpuint (wtw_exercise_get_total_seconds (exercise), ==, 660);
  step = g_list_model_get_item (wtw_exercise_get_steps (exercise), 1);
  g_assert_cmpint (wtw_exercise_step_get_speaker (step), ==, WTW_SPEAKER_B);
  g_assert_cmpstr (wtw_exercise_step_get_listener (step), ==, "Listen.");
  g_assert_cmpint (wtw_exercise_step_get_speaker (wtw_exercise_get_closing (exercise)),
                   ==, WTW_SPEAKER_BOTH);
  g_assert_null (wtw_exercise_step_get_listener (wtw_exercise_get_closing (exercise)));
}

static void
test_syntax_error (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{ \"id\": ", 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwChapter) chapter = NULL;

  chapter = wtw_chapter_new_from_bytes (bytes, CHAPTER_FILE, &error);
  g_assert_null (chapter);
  g_assert_error (error, WTW_CONTENT_ERROR, WTW_CONTENT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, CHAPTER_FILE ": not valid JSON"));
}

static void
test_bad_file_name (void)
{
  const char * const no_changes[] = { NULL };
  g_autoptr(GBytes) bytes = changed_bytes (KIND_CHAPTER, no_changes);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwChapter) chapter = NULL;

  chapter = wtw_chapter_new_from_bytes (bytes, "en/chapters/test-chapter.json", &error);
  g_assert_null (chapter);
  g_assert_error (error, WTW_CONTENT_ERROR, WTW_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "en/chapters/test-chapter.json: a chapter's file name must be NN-slug.json");
}

/* Content trees on disk: two chapters, the shipped quiz pointed at them, the
 * shipped safety note, and optionally a partial German translation. */

static void
write_json (const char *root,
            const char *relative,
            JsonNode   *node)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *text = json_to_string (node, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static JsonNode *
changed_node (Kind                kind,
              const char * const *changes)
{
  g_autoptr(GBytes) bytes = changed_bytes (kind, changes);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (g_bytes_get_data (bytes, NULL), &error);

  g_assert_no_error (error);
  return node;
}

static void
write_chapter (const char *root,
               const char *language,
               guint       number,
               const char *id,
               const char *title)
{
  g_autofree char *number_json = g_strdup_printf ("number=%u", number);
  g_autofree char *id_json = g_strdup_printf ("id=\"%s\"", id);
  g_autofree char *title_json = g_strdup_printf ("title=\"%s\"", title);
  g_autofree char *relative = g_strdup_printf ("%s/chapters/%02u-%s.json", language, number, id);
  const char * const changes[] = { number_json, id_json, title_json, NULL };
  g_autoptr(JsonNode) node = changed_node (KIND_CHAPTER, changes);

  write_json (root, relative, node);
}

static char *
make_tree (const char *quiz_chapters)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dimension_chapters = g_strdup_printf ("dimensions[*].chapters=%s",
                                                         quiz_chapters);
  const char * const quiz_changes[] = {
    dimension_chapters, "insights[*].chapters=[\"second-chapter\"]", NULL
  };
  const char * const no_changes[] = { NULL };
  g_autoptr(JsonNode) quiz = changed_node (KIND_QUIZ, quiz_changes);
  g_autoptr(JsonNode) safety = changed_node (KIND_SAFETY, no_changes);
  char *root = g_dir_make_tmp ("wtw-content-XXXXXX", &error);

  g_assert_no_error (error);

  write_chapter (root, "en", 1, "first-chapter", "First Chapter");
  write_chapter (root, "en", 2, "second-chapter", "Second Chapter");
  write_json (root, "en/quiz.json", quiz);
  write_json (root, "en/safety.json", safety);

  return root;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      remove_tree (child);
      g_object_unref (info);
    }

  g_assert_cmpint (g_remove (path), ==, 0);
}

static WtwContent *
load_tree (const char          *root,
           const char * const  *languages,
           GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);

  return wtw_content_new_from_file (file, languages, error);
}

static const char *
chapter_title (WtwContent *content,
               guint       index)
{
  g_autoptr(WtwChapter) chapter = g_list_model_get_item (wtw_content_get_chapters (content), index);

  return wtw_chapter_get_title (chapter);
}

static void
test_tree_english (void)
{
  g_autofree char *root = make_tree ("[\"first-chapter\", \"second-chapter\"]");
  const char * const french[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;

  content = load_tree (root, french, &error);
  g_assert_no_error (error);

  /* Nothing is translated into French: all English. */
  g_assert_cmpstr (wtw_content_get_language (content), ==, "en");
  g_assert_cmpuint (g_list_model_get_n_items (wtw_content_get_chapters (content)), ==, 2);
  g_assert_cmpstr (chapter_title (content, 0), ==, "First Chapter");
  g_assert_cmpstr (chapter_title (content, 1), ==, "Second Chapter");
  g_assert_nonnull (wtw_content_lookup_chapter (content, "second-chapter"));
  g_assert_null (wtw_content_lookup_chapter (content, "third-chapter"));
  g_assert_nonnull (wtw_content_get_quiz (content));
  g_assert_nonnull (wtw_content_get_safety_note (content));

  g_assert_finalize_object (g_steal_pointer (&content));
  remove_tree (root);
}

static void
test_tree_fallback (void)
{
  g_autofree char *root = make_tree ("[\"first-chapter\", \"second-chapter\"]");
  const char * const german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  const char * const safety_changes[] = { "title=\"Bevor ihr anfangt\"", NULL };
  g_autoptr(JsonNode) safety = changed_node (KIND_SAFETY, safety_changes);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;

  /* German has chapter 1 and the safety note, not chapter 2 or the quiz. */
  write_chapter (root, "de", 1, "first-chapter", "Erstes Kapitel");
  write_json (root, "de/safety.json", safety);

  content = load_tree (root, german, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (wtw_content_get_language (content), ==, "de");
  g_assert_cmpstr (chapter_title (content, 0), ==, "Erstes Kapitel");
  g_assert_cmpstr (chapter_title (content, 1), ==, "Second Chapter");
  g_assert_cmpstr (wtw_safety_note_get_title (wtw_content_get_safety_note (content)), ==,
                   "Bevor ihr anfangt");
  g_assert_cmpstr (wtw_quiz_get_title (wtw_content_get_quiz (content)), ==,
                   "The C.A.R.E. & Intimacy Quiz");

  /* A more specific language wins over a general one. */
  g_clear_object (&content);
  write_chapter (root, "de_DE", 1, "first-chapter", "Erstes Kapitel (Deutschland)");
  content = load_tree (root, german, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_content_get_language (content), ==, "de_DE");
  g_assert_cmpstr (chapter_title (content, 0), ==, "Erstes Kapitel (Deutschland)");
  g_assert_cmpstr (wtw_safety_note_get_title (wtw_content_get_safety_note (content)), ==,
                   "Bevor ihr anfangt");

  g_clear_object (&content);
  remove_tree (root);
}

static void
test_tree_broken_translation (void)
{
  g_autofree char *root = make_tree ("[\"first-chapter\", \"second-chapter\"]");
  const char * const german[] = { "de", NULL };
  const char * const broken_changes[] = { "exercise.steps[0].seconds=1", NULL };
  g_autoptr(JsonNode) broken = changed_node (KIND_CHAPTER, broken_changes);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;

  /* A broken translation is an error, not a silent fall back to English. */
  json_object_set_string_member (json_node_get_object (broken), "id", "second-chapter");
  json_object_set_int_member (json_node_get_object (broken), "number", 2);
  write_json (root, "de/chapters/02-second-chapter.json", broken);

  content = load_tree (root, german, &error);
  g_assert_null (content);
  g_assert_error (error, WTW_CONTENT_ERROR, WTW_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "de/chapters/02-second-chapter.json: exercise.steps[0].seconds: "
                   "must be an integer from 15 to 600");

  remove_tree (root);
}

static void
test_tree_unknown_quiz_chapter (void)
{
  g_autofree char *root = make_tree ("[\"first-chapter\", \"no-such-chapter\"]");
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;

  content = load_tree (root, NULL, &error);
  g_assert_null (content);
  g_assert_error (error, WTW_CONTENT_ERROR, WTW_CONTENT_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "en/quiz.json: dimensions[0].chapters[1]: "
                   "no chapter with id \"no-such-chapter\"");

  remove_tree (root);
}

static void
test_tree_missing_file (void)
{
  g_autofree char *root = make_tree ("[\"first-chapter\", \"second-chapter\"]");
  g_autofree char *safety = g_build_filename (root, "en", "safety.json", NULL);
  const char * const german[] = { "de", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;

  g_assert_cmpint (g_remove (safety), ==, 0);

  content = load_tree (root, german, &error);
  g_assert_null (content);
  g_assert_error (error, WTW_CONTENT_ERROR, WTW_CONTENT_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "safety.json: not found"));

  remove_tree (root);
}

static void
test_tree_duplicate_id (void)
{
  g_autofree char *root = make_tree ("[\"first-chapter\", \"second-chapter\"]");
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;

  write_chapter (root, "en", 3, "first-chapter", "First Chapter Again");

  content = load_tree (root, NULL, &error);
  g_assert_null (content);
  g_assert_error (error, WTW_CONTENT_ERROR, WTW_CONTENT_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "en/chapters/03-first-chapter.json: id: another chapter already has the id "
                   "\"first-chapter\"");

  remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/wtw/content/loader/valid/chapter",
                        GINT_TO_POINTER (KIND_CHAPTER), test_valid);
  g_test_add_data_func ("/wtw/content/loader/valid/quiz",
                        GINT_TO_POINTER (KIND_QUIZ), test_valid);
  g_test_add_data_func ("/wtw/content/loader/valid/safety",
                        GINT_TO_POINTER (KIND_SAFETY), test_valid);
  g_test_add_func ("/wtw/content/loader/chapter-fields", test_chapter_fields);
  g_test_add_func ("/wtw/content/loader/syntax-error", test_syntax_error);
  g_test_add_func ("/wtw/content/loader/bad-file-name", test_bad_file_name);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/content/loader/broken/%s",
                                               broken_cases[i].name);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  g_test_add_func ("/wtw/content/loader/tree/english", test_tree_english);
  g_test_add_func ("/wtw/content/loader/tree/fallback", test_tree_fallback);
  g_test_add_func ("/wtw/content/loader/tree/broken-translation", test_tree_broken_translation);
  g_test_add_func ("/wtw/content/loader/tree/unknown-quiz-chapter", test_tree_unknown_quiz_chapter);
  g_test_add_func ("/wtw/content/loader/tree/missing-file", test_tree_missing_file);
  g_test_add_func ("/wtw/content/loader/tree/duplicate-id", test_tree_duplicate_id);

  return g_test_run ();
}
