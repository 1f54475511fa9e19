/* wtw-content-parser.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-content-parser"

#include "config.h"

#include "wtw-content-json-private.h"
#include "wtw-content-private.h"

/* The rules of docs/content-schema.md, one place for all of them. Checks that
 * need more than one file (the quiz's chapter ids) live in WtwContent. */

#define TITLE_MIN_CHARS        2
#define TITLE_MAX_CHARS        60
#define SUMMARY_MAX_CHARS      140
#define MIN_SCRIPTS            5
#define MIN_PROMPTS            5
#define MIN_STEPS              4
#define STEP_MIN_SECONDS       15
#define STEP_MAX_SECONDS       600
#define EXERCISE_MIN_SECONDS   600
#define EXERCISE_MAX_SECONDS   900
#define QUIZ_MIN_MINUTES       1
#define QUIZ_MAX_MINUTES       30
#define SCALE_LENGTH           5
#define N_TIERS                4
#define MIN_ITEMS              24
#define MIN_ITEMS_PER_DIM      6
#define MIN_DIM_CHAPTERS       2
#define MIN_INSIGHTS           6
#define MIN_HELP               2

static const char * const chapter_fields[] = {
  "id", "number", "title", "summary", "explanation", "scripts", "prompts", "exercise", NULL
};
static const char * const script_fields[] = { "situation", "instead", "try", "why", NULL };
static const char * const prompt_fields[] = { "id", "text", NULL };
static const char * const exercise_fields[] = { "title", "setup", "steps", "closing", NULL };
static const char * const step_fields[] = {
  "title", "seconds", "speaker", "text", "listener", NULL
};
static const char * const closing_fields[] = { "title", "seconds", "text", NULL };
static const char * const quiz_fields[] = {
  "title", "intro", "disclaimer", "minutes", "scale", "dimensions", "items", "insights", NULL
};
static const char * const scale_fields[] = { "value", "label", NULL };
static const char * const dimension_fields[] = {
  "id", "letter", "name", "question", "description", "chapters", "tiers", NULL
};
static const char * const tier_fields[] = { "min", "name", "meaning", NULL };
static const char * const item_fields[] = { "id", "dimension", "text", "reverse", NULL };
static const char * const insight_fields[] = {
  "id", "when", "title", "text", "figure", "source", "chapters", NULL
};
static const char * const condition_fields[] = { "item", "answers", NULL };
static const char * const safety_fields[] = { "title", "paragraphs", "help", NULL };
static const char * const help_fields[] = { "name", "detail", NULL };

static const struct {
  const char *id;
  const char *letter;
} care_dimensions[] = {
  { "communication", "C" },
  { "affection", "A" },
  { "resolution", "R" },
  { "equilibrium", "E" },
};

static const char *
speaker_name (WtwSpeaker speaker)
{
  return speaker == WTW_SPEAKER_A ? "a" : speaker == WTW_SPEAKER_B ? "b" : "both";
}

/* Chapters */

static gboolean
parse_file_name (const char  *file,
                 guint       *number,
                 char       **slug,
                 GError     **error)
{
  g_autofree char *base = g_path_get_basename (file);
  gsize length = strlen (base);

  if (length < 9 ||
      !g_ascii_isdigit (base[0]) || !g_ascii_isdigit (base[1]) || base[2] != '-' ||
      !g_str_has_suffix (base, ".json"))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, NULL,
                           "a chapter's file name must be NN-slug.json");

  *number = (base[0] - '0') * 10 + (base[1] - '0');
  *slug = g_strndup (base + 3, length - 3 - strlen (".json"));
  return TRUE;
}

static WtwScriptPair *
parse_script_pair (JsonObject  *object,
                   const char  *file,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *situation = NULL;
  g_autofree char *instead = NULL;
  g_autofree char *try = NULL;
  g_autofree char *why = NULL;

  if (!_wtw_json_check_fields (object, script_fields, file, path, error) ||
      !_wtw_json_get_string (object, "situation", TRUE, file, path, &situation, error) ||
      !_wtw_json_get_string (object, "instead", TRUE, file, path, &instead, error) ||
      !_wtw_json_get_string (object, "try", TRUE, file, path, &try, error) ||
      !_wtw_json_get_string (object, "why", TRUE, file, path, &why, error))
    return NULL;

  return g_object_new (WTW_TYPE_SCRIPT_PAIR,
                       "situation", situation,
                       "instead", instead,
                       "try", try,
                       "why", why,
                       NULL);
}

static WtwPrompt *
parse_prompt (JsonObject  *object,
              const char  *file,
              const char  *path,
              GHashTable  *seen_ids,
              GError     **error)
{
  g_autofree char *id_path = _wtw_json_path_member (path, "id");
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (!_wtw_json_check_fields (object, prompt_fields, file, path, error) ||
      !_wtw_json_get_string (object, "id", TRUE, file, path, &id, error) ||
      !_wtw_json_check_id (id, file, id_path, error) ||
      !_wtw_json_get_string (object, "text", TRUE, file, path, &text, error))
    return NULL;

  /* Answers are stored under the prompt id: two prompts sharing one would
   * share their answers. */
  if (!g_hash_table_add (seen_ids, g_strdup (id)))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, id_path,
                      "duplicate prompt id \"%s\"", id);
      return NULL;
    }

  return g_object_new (WTW_TYPE_PROMPT, "id", id, "text", text, NULL);
}

static WtwExerciseStep *
parse_step (JsonObject  *object,
            gboolean     closing,
            const char  *file,
            const char  *path,
            GError     **error)
{
  g_autofree char *speaker_path = _wtw_json_path_member (path, "speaker");
  g_autofree char *listener_path = _wtw_json_path_member (path, "listener");
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *speaker_str = NULL;
  g_autofree char *listener = NULL;
  WtwSpeaker speaker = WTW_SPEAKER_BOTH;
  gint64 seconds;

  if (!_wtw_json_check_fields (object, closing ? closing_fields : step_fields, file, path, error) ||
      !_wtw_json_get_string (object, "title", TRUE, file, path, &title, error) ||
      !_wtw_json_get_int (object, "seconds", STEP_MIN_SECONDS, STEP_MAX_SECONDS,
                          file, path, &seconds, error))
    return NULL;

  if (!closing &&
      !_wtw_json_get_string (object, "speaker", TRUE, file, path, &speaker_str, error))
    return NULL;

  if (!_wtw_json_get_string (object, "text", TRUE, file, path, &text, error))
    return NULL;

  if (!closing)
    {
      if (g_str_equal (speaker_str, "a"))
        speaker = WTW_SPEAKER_A;
      else if (g_str_equal (speaker_str, "b"))
        speaker = WTW_SPEAKER_B;
      else if (!g_str_equal (speaker_str, "both"))
        {
          _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, speaker_path,
                          "must be \"a\", \"b\" or \"both\"");
          return NULL;
        }

      if (!_wtw_json_get_string (object, "listener", FALSE, file, path, &listener, error))
        return NULL;

      if (speaker != WTW_SPEAKER_BOTH && listener == NULL)
        {
          _wtw_json_fail (error, WTW_CONTENT_ERROR_MISSING, file, listener_path,
                          "required when the speaker is \"a\" or \"b\"");
          return NULL;
        }

      if (speaker == WTW_SPEAKER_BOTH && listener != NULL)
        {
          _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, listener_path,
                          "must be absent when the speaker is \"both\"");
          return NULL;
        }
    }

  return g_object_new (WTW_TYPE_EXERCISE_STEP,
                       "title", title,
                       "seconds", (guint)seconds,
                       "speaker", speaker,
                       "text", text,
                       "listener", listener,
                       NULL);
}

/* Both partners speak and both listen: leaving out the steps done together,
 * the speakers take turns, and each of them has at least one turn. */
static gboolean
check_turns (GListModel  *steps,
             const char  *file,
             GError     **error)
{
  WtwSpeaker last = WTW_SPEAKER_BOTH;
  guint last_index = 0;
  gboolean spoke[2] = { FALSE, FALSE };
  guint n = g_list_model_get_n_items (steps);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwExerciseStep) step = g_list_model_get_item (steps, i);
      WtwSpeaker speaker = wtw_exercise_step_get_speaker (step);

      if (speaker == WTW_SPEAKER_BOTH)
        continue;

      if (speaker == last)
        {
          g_autofree char *path = g_strdup_printf ("exercise.steps[%u].speaker", i);

          return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, path,
                                 "speakers must take turns, but steps[%u] before it is "
                                 "also \"%s\" (steps for \"both\" do not count)",
                                 last_index, speaker_name (speaker));
        }

      spoke[speaker] = TRUE;
      last = speaker;
      last_index = i;
    }

  if (!spoke[WTW_SPEAKER_A] || !spoke[WTW_SPEAKER_B])
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, "exercise.steps",
                           "partner \"%s\" never speaks; both \"a\" and \"b\" must speak",
                           spoke[WTW_SPEAKER_A] ? "b" : "a");

  return TRUE;
}

static WtwExercise *
parse_exercise (JsonObject  *object,
                const char  *file,
                GError     **error)
{
  const char *path = "exercise";
  g_autoptr(GListStore) steps = g_list_store_new (WTW_TYPE_EXERCISE_STEP);
  g_autoptr(WtwExerciseStep) closing = NULL;
  g_autofree char *title = NULL;
  g_autofree char *setup = NULL;
  JsonArray *steps_array;
  JsonObject *closing_object;
  guint total;

  if (!_wtw_json_check_fields (object, exercise_fields, file, path, error) ||
      !_wtw_json_get_string (object, "title", TRUE, file, path, &title, error) ||
      !_wtw_json_get_string (object, "setup", TRUE, file, path, &setup, error) ||
      !_wtw_json_get_array (object, "steps", TRUE, MIN_STEPS, file, path, &steps_array, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (steps_array); i++)
    {
      g_autofree char *step_path = g_strdup_printf ("exercise.steps[%u]", i);
      g_autoptr(WtwExerciseStep) step = NULL;
      JsonObject *step_object;

      if (!_wtw_json_get_element (steps_array, i, file, "exercise.steps", &step_object, error) ||
          !(step = parse_step (step_object, FALSE, file, step_path, error)))
        return NULL;

      g_list_store_append (steps, step);
    }

  if (!_wtw_json_get_object (object, "closing", file, path, &closing_object, error) ||
      !(closing = parse_step (closing_object, TRUE, file, "exercise.closing", error)))
    return NULL;

  if (!check_turns (G_LIST_MODEL (steps), file, error))
    return NULL;

  total = wtw_exercise_step_get_seconds (closing);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (steps)); i++)
    {
      g_autoptr(WtwExerciseStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);

      total += wtw_exercise_step_get_seconds (step);
    }

  if (total < EXERCISE_MIN_SECONDS || total > EXERCISE_MAX_SECONDS)
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, path,
                      "the steps and the closing add up to %u seconds; they must add up to "
                      "%u–%u (10–15 minutes)",
                      total, EXERCISE_MIN_SECONDS, EXERCISE_MAX_SECONDS);
      return NULL;
    }

  return g_object_new (WTW_TYPE_EXERCISE,
                       "title", title,
                       "setup", setup,
                       "steps", steps,
                       "closing", closing,
                       NULL);
}

static gboolean
parse_scripts (JsonObject  *root,
               const char  *file,
               GListStore  *scripts,
               GError     **error)
{
  JsonArray *array;

  if (!_wtw_json_get_array (root, "scripts", TRUE, MIN_SCRIPTS, file, NULL, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _wtw_json_path_index ("scripts", i);
      g_autoptr(WtwScriptPair) pair = NULL;
      JsonObject *object;

      if (!_wtw_json_get_element (array, i, file, "scripts", &object, error) ||
          !(pair = parse_script_pair (object, file, path, error)))
        return FALSE;

      g_list_store_append (scripts, pair);
    }

  return TRUE;
}

static gboolean
parse_prompts (JsonObject  *root,
               const char  *file,
               GListStore  *prompts,
               GError     **error)
{
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!_wtw_json_get_array (root, "prompts", TRUE, MIN_PROMPTS, file, NULL, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _wtw_json_path_index ("prompts", i);
      g_autoptr(WtwPrompt) prompt = NULL;
      JsonObject *object;

      if (!_wtw_json_get_element (array, i, file, "prompts", &object, error) ||
          !(prompt = parse_prompt (object, file, path, seen_ids, error)))
        return FALSE;

      g_list_store_append (prompts, prompt);
    }

  return TRUE;
}

WtwChapter *
_wtw_content_parse_chapter (GBytes      *bytes,
                            const char  *file,
                            GError     **error)
{
  g_autoptr(GListStore) scripts = g_list_store_new (WTW_TYPE_SCRIPT_PAIR);
  g_autoptr(GListStore) prompts = g_list_store_new (WTW_TYPE_PROMPT);
  g_autoptr(WtwExercise) exercise = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) explanation = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  JsonObject *root;
  JsonObject *exercise_object;
  guint file_number = 0;
  gint64 number;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!parse_file_name (file, &file_number, &slug, error) ||
      !(node = _wtw_json_parse (bytes, file, error)))
    return NULL;

  root = json_node_get_object (node);

  if (!_wtw_json_check_fields (root, chapter_fields, file, NULL, error) ||
      !_wtw_json_get_string (root, "id", TRUE, file, NULL, &id, error) ||
      !_wtw_json_check_id (id, file, "id", error))
    return NULL;

  if (!g_str_equal (id, slug))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, "id",
                      "\"%s\" must equal the file name without its number, \"%s\"", id, slug);
      return NULL;
    }

  if (!_wtw_json_get_int (root, "number", 1, 99, file, NULL, &number, error))
    return NULL;

  if (number != file_number)
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, "number",
                      "%" G_GINT64_FORMAT " must equal the file name's number, %u",
                      number, file_number);
      return NULL;
    }

  if (!_wtw_json_get_string (root, "title", TRUE, file, NULL, &title, error) ||
      !_wtw_json_check_length (title, TITLE_MIN_CHARS, TITLE_MAX_CHARS, file, "title", error) ||
      !_wtw_json_get_string (root, "summary", TRUE, file, NULL, &summary, error) ||
      !_wtw_json_check_length (summary, 1, SUMMARY_MAX_CHARS, file, "summary", error) ||
      !_wtw_json_get_strv (root, "explanation", TRUE, 1, file, NULL, &explanation, error) ||
      !parse_scripts (root, file, scripts, error) ||
      !parse_prompts (root, file, prompts, error) ||
      !_wtw_json_get_object (root, "exercise", file, NULL, &exercise_object, error) ||
      !(exercise = parse_exercise (exercise_object, file, error)))
    return NULL;

  return g_object_new (WTW_TYPE_CHAPTER,
                       "id", id,
                       "number", (guint)number,
                       "title", title,
                       "summary", summary,
                       "explanation", explanation,
                       "scripts", scripts,
                       "prompts", prompts,
                       "exercise", exercise,
                       NULL);
}

/* Quiz */

static gboolean
parse_scale (JsonObject   *root,
             const char   *file,
             char       ***labels,
             GError      **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!_wtw_json_get_array (root, "scale", TRUE, SCALE_LENGTH, file, NULL, &array, error))
    return FALSE;

  if (json_array_get_length (array) != SCALE_LENGTH)
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, "scale",
                           "must have exactly %u entries, has %u",
                           SCALE_LENGTH, json_array_get_length (array));

  for (guint i = 0; i < SCALE_LENGTH; i++)
    {
      g_autofree char *path = _wtw_json_path_index ("scale", i);
      g_autofree char *value_path = _wtw_json_path_member (path, "value");
      JsonObject *object;
      gint64 value;
      char *label;

      if (!_wtw_json_get_element (array, i, file, "scale", &object, error) ||
          !_wtw_json_check_fields (object, scale_fields, file, path, error) ||
          !_wtw_json_get_int (object, "value", 1, SCALE_LENGTH, file, path, &value, error))
        return FALSE;

      if (value != i + 1)
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, value_path,
                               "must be %u: the values go from 1 to %u in order",
                               i + 1, SCALE_LENGTH);

      if (!_wtw_json_get_string (object, "label", TRUE, file, path, &label, error))
        return FALSE;

      g_ptr_array_add (strings, label);
    }

  g_ptr_array_add (strings, NULL);
  *labels = (char **)g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

static gboolean
parse_tiers (JsonObject  *object,
             const char  *file,
             const char  *path,
             GListStore  *tiers,
             GError     **error)
{
  g_autofree char *tiers_path = _wtw_json_path_member (path, "tiers");
  gint64 previous_min = -1;
  JsonArray *array;

  if (!_wtw_json_get_array (object, "tiers", TRUE, N_TIERS, file, path, &array, error))
    return FALSE;

  if (json_array_get_length (array) != N_TIERS)
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, tiers_path,
                           "must have exactly %u entries, has %u",
                           N_TIERS, json_array_get_length (array));

  for (guint i = 0; i < N_TIERS; i++)
    {
      g_autofree char *tier_path = _wtw_json_path_index (tiers_path, i);
      g_autofree char *min_path = _wtw_json_path_member (tier_path, "min");
      g_autofree char *name = NULL;
      g_autofree char *meaning = NULL;
      g_autoptr(WtwQuizTier) tier = NULL;
      JsonObject *tier_object;
      gint64 min;

      if (!_wtw_json_get_element (array, i, file, tiers_path, &tier_object, error) ||
          !_wtw_json_check_fields (tier_object, tier_fields, file, tier_path, error) ||
          !_wtw_json_get_int (tier_object, "min", 0, 100, file, tier_path, &min, error))
        return FALSE;

      if (i == 0 && min != 0)
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, min_path,
                               "the first tier must start at 0");

      if (min <= previous_min)
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, min_path,
                               "must be greater than the previous tier's min, %" G_GINT64_FORMAT,
                               previous_min);

      if (!_wtw_json_get_string (tier_object, "name", TRUE, file, tier_path, &name, error) ||
          !_wtw_json_get_string (tier_object, "meaning", TRUE, file, tier_path, &meaning, error))
        return FALSE;

      previous_min = min;
      tier = g_object_new (WTW_TYPE_QUIZ_TIER,
                           "min", (guint)min,
                           "name", name,
                           "meaning", meaning,
                           NULL);
      g_list_store_append (tiers, tier);
    }

  return TRUE;
}

/* Checks that every string of @ids is a well-formed id and appears once. Whether
 * the chapters exist is checked by WtwContent, which has them all. */
static gboolean
check_chapter_ids (const char * const *ids,
                   const char         *file,
                   const char         *path,
                   GError            **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *id_path = _wtw_json_path_index (path, i);

      if (!_wtw_json_check_id (ids[i], file, id_path, error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        {
          if (g_str_equal (ids[i], ids[j]))
            return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, id_path,
                                   "\"%s\" is listed twice", ids[i]);
        }
    }

  return TRUE;
}

static WtwQuizDimension *
parse_dimension (JsonObject  *object,
                 guint        index,
                 const char  *file,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GListStore) tiers = g_list_store_new (WTW_TYPE_QUIZ_TIER);
  g_autofree char *id_path = _wtw_json_path_member (path, "id");
  g_autofree char *letter_path = _wtw_json_path_member (path, "letter");
  g_autofree char *chapters_path = _wtw_json_path_member (path, "chapters");
  g_autofree char *id = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *question = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) chapters = NULL;

  if (!_wtw_json_check_fields (object, dimension_fields, file, path, error) ||
      !_wtw_json_get_string (object, "id", TRUE, file, path, &id, error))
    return NULL;

  if (!g_str_equal (id, care_dimensions[index].id))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, id_path,
                      "must be \"%s\" (the dimensions are communication, affection, "
                      "resolution, equilibrium, in that order)",
                      care_dimensions[index].id);
      return NULL;
    }

  if (!_wtw_json_get_string (object, "letter", TRUE, file, path, &letter, error))
    return NULL;

  if (!g_str_equal (letter, care_dimensions[index].letter))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, letter_path,
                      "must be \"%s\"", care_dimensions[index].letter);
      return NULL;
    }

  if (!_wtw_json_get_string (object, "name", TRUE, file, path, &name, error) ||
      !_wtw_json_get_string (object, "question", TRUE, file, path, &question, error) ||
      !_wtw_json_get_string (object, "description", TRUE, file, path, &description, error) ||
      !_wtw_json_get_strv (object, "chapters", TRUE, MIN_DIM_CHAPTERS,
                           file, path, &chapters, error) ||
      !check_chapter_ids ((const char * const *)chapters, file, chapters_path, error) ||
      !parse_tiers (object, file, path, tiers, error))
    return NULL;

  return g_object_new (WTW_TYPE_QUIZ_DIMENSION,
                       "id", id,
                       "letter", letter,
                       "name", name,
                       "question", question,
                       "description", description,
                       "chapters", chapters,
                       "tiers", tiers,
                       NULL);
}

static gboolean
parse_dimensions (JsonObject  *root,
                  const char  *file,
                  GListStore  *dimensions,
                  GError     **error)
{
  JsonArray *array;

  if (!_wtw_json_get_array (root, "dimensions", TRUE, G_N_ELEMENTS (care_dimensions),
                            file, NULL, &array, error))
    return FALSE;

  if (json_array_get_length (array) != G_N_ELEMENTS (care_dimensions))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, "dimensions",
                           "must have exactly %u entries, has %u",
                           (guint)G_N_ELEMENTS (care_dimensions), json_array_get_length (array));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _wtw_json_path_index ("dimensions", i);
      g_autoptr(WtwQuizDimension) dimension = NULL;
      JsonObject *object;

      if (!_wtw_json_get_element (array, i, file, "dimensions", &object, error) ||
          !(dimension = parse_dimension (object, i, file, path, error)))
        return FALSE;

      g_list_store_append (dimensions, dimension);
    }

  return TRUE;
}

static int
care_dimension_index (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (care_dimensions); i++)
    {
      if (g_str_equal (id, care_dimensions[i].id))
        return i;
    }

  return -1;
}

static gboolean
parse_items (JsonObject  *root,
             const char  *file,
             GListStore  *items,
             GHashTable  *item_ids,
             GError     **error)
{
  guint per_dimension[G_N_ELEMENTS (care_dimensions)] = { 0 };
  JsonArray *array;

  if (!_wtw_json_get_array (root, "items", TRUE, MIN_ITEMS, file, NULL, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _wtw_json_path_index ("items", i);
      g_autofree char *id_path = _wtw_json_path_member (path, "id");
      g_autofree char *dimension_path = _wtw_json_path_member (path, "dimension");
      g_autofree char *id = NULL;
      g_autofree char *dimension = NULL;
      g_autofree char *text = NULL;
      g_autoptr(WtwQuizItem) item = NULL;
      JsonObject *object;
      gboolean reverse;
      int index;

      if (!_wtw_json_get_element (array, i, file, "items", &object, error) ||
          !_wtw_json_check_fields (object, item_fields, file, path, error) ||
          !_wtw_json_get_string (object, "id", TRUE, file, path, &id, error) ||
          !_wtw_json_check_id (id, file, id_path, error))
        return FALSE;

      if (g_hash_table_contains (item_ids, id))
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, id_path,
                               "duplicate item id \"%s\"", id);

      if (!_wtw_json_get_string (object, "dimension", TRUE, file, path, &dimension, error))
        return FALSE;

      if ((index = care_dimension_index (dimension)) < 0)
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, dimension_path,
                               "no dimension with id \"%s\"", dimension);

      if (!_wtw_json_get_string (object, "text", TRUE, file, path, &text, error) ||
          !_wtw_json_get_boolean (object, "reverse", file, path, &reverse, error))
        return FALSE;

      per_dimension[index]++;
      g_hash_table_add (item_ids, g_strdup (id));
      item = g_object_new (WTW_TYPE_QUIZ_ITEM,
                           "id", id,
                           "dimension", dimension,
                           "text", text,
                           "reverse", reverse,
                           NULL);
      g_list_store_append (items, item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (care_dimensions); i++)
    {
      if (per_dimension[i] < MIN_ITEMS_PER_DIM)
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, "items",
                               "dimension \"%s\" has %u items; each needs at least %u",
                               care_dimensions[i].id, per_dimension[i], MIN_ITEMS_PER_DIM);
    }

  return TRUE;
}

static gboolean
parse_condition (JsonObject      *object,
                 const char      *file,
                 const char      *path,
                 GHashTable      *item_ids,
                 GVariantBuilder *conditions,
                 GError         **error)
{
  g_autofree char *item_path = _wtw_json_path_member (path, "item");
  g_autofree char *answers_path = _wtw_json_path_member (path, "answers");
  g_autofree char *item = NULL;
  GVariantBuilder answers;
  JsonArray *array;
  guint seen = 0;

  if (!_wtw_json_check_fields (object, condition_fields, file, path, error) ||
      !_wtw_json_get_string (object, "item", TRUE, file, path, &item, error))
    return FALSE;

  if (!g_hash_table_contains (item_ids, item))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, item_path,
                           "no item with id \"%s\"", item);

  if (!_wtw_json_get_array (object, "answers", TRUE, 1, file, path, &array, error))
    return FALSE;

  g_variant_builder_init (&answers, G_VARIANT_TYPE ("ai"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 value = 0;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        value = json_node_get_int (node);

      if (value < 1 || value > SCALE_LENGTH || (seen & (1u << value)) != 0)
        {
          g_autofree char *answer_path = _wtw_json_path_index (answers_path, i);

          g_variant_builder_clear (&answers);
          return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, answer_path,
                                 "must be an integer from 1 to %u, listed once", SCALE_LENGTH);
        }

      seen |= 1u << value;
      g_variant_builder_add (&answers, "i", (gint32)value);
    }

  g_variant_builder_add (conditions, "(s@ai)", item, g_variant_builder_end (&answers));
  return TRUE;
}

static WtwQuizInsight *
parse_insight (JsonObject  *object,
               const char  *file,
               const char  *path,
               GHashTable  *item_ids,
               GError     **error)
{
  g_autofree char *id_path = _wtw_json_path_member (path, "id");
  g_autofree char *when_path = _wtw_json_path_member (path, "when");
  g_autofree char *source_path = _wtw_json_path_member (path, "source");
  g_autofree char *chapters_path = _wtw_json_path_member (path, "chapters");
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) chapters = NULL;
  g_auto(GVariantBuilder) conditions = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(sai)"));
  JsonArray *when;

  if (!_wtw_json_check_fields (object, insight_fields, file, path, error) ||
      !_wtw_json_get_string (object, "id", TRUE, file, path, &id, error) ||
      !_wtw_json_check_id (id, file, id_path, error) ||
      !_wtw_json_get_array (object, "when", TRUE, 1, file, path, &when, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (when); i++)
    {
      g_autofree char *condition_path = _wtw_json_path_index (when_path, i);
      JsonObject *condition;

      if (!_wtw_json_get_element (when, i, file, when_path, &condition, error) ||
          !parse_condition (condition, file, condition_path, item_ids, &conditions, error))
        return NULL;
    }

  if (!_wtw_json_get_string (object, "title", TRUE, file, path, &title, error) ||
      !_wtw_json_get_string (object, "text", TRUE, file, path, &text, error) ||
      !_wtw_json_get_string (object, "figure", FALSE, file, path, &figure, error) ||
      !_wtw_json_get_string (object, "source", figure != NULL, file, path, &source, error) ||
      !_wtw_json_get_strv (object, "chapters", FALSE, 0, file, path, &chapters, error) ||
      !check_chapter_ids ((const char * const *)chapters, file, chapters_path, error))
    return NULL;

  if (figure == NULL && source != NULL)
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, source_path,
                      "a source needs the figure it is the source of");
      return NULL;
    }

  return g_object_new (WTW_TYPE_QUIZ_INSIGHT,
                       "id", id,
                       "title", title,
                       "text", text,
                       "figure", figure,
                       "source", source,
                       "chapters", chapters,
                       "conditions", g_variant_builder_end (&conditions),
                       NULL);
}

static gboolean
parse_insights (JsonObject  *root,
                const char  *file,
                GHashTable  *item_ids,
                GListStore  *insights,
                GError     **error)
{
  g_autoptr(GHashTable) insight_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!_wtw_json_get_array (root, "insights", TRUE, MIN_INSIGHTS, file, NULL, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _wtw_json_path_index ("insights", i);
      g_autoptr(WtwQuizInsight) insight = NULL;
      JsonObject *object;

      if (!_wtw_json_get_element (array, i, file, "insights", &object, error) ||
          !(insight = parse_insight (object, file, path, item_ids, error)))
        return FALSE;

      if (!g_hash_table_add (insight_ids, (gpointer)wtw_quiz_insight_get_id (insight)))
        {
          g_autofree char *id_path = _wtw_json_path_member (path, "id");

          return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, id_path,
                                 "duplicate insight id \"%s\"", wtw_quiz_insight_get_id (insight));
        }

      g_list_store_append (insights, insight);
    }

  return TRUE;
}

WtwQuiz *
_wtw_content_parse_quiz (GBytes      *bytes,
                         const char  *file,
                         GError     **error)
{
  g_autoptr(GListStore) dimensions = g_list_store_new (WTW_TYPE_QUIZ_DIMENSION);
  g_autoptr(GListStore) items = g_list_store_new (WTW_TYPE_QUIZ_ITEM);
  g_autoptr(GListStore) insights = g_list_store_new (WTW_TYPE_QUIZ_INSIGHT);
  g_autoptr(GHashTable) item_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) scale = NULL;
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *disclaimer = NULL;
  JsonObject *root;
  gint64 minutes;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!(node = _wtw_json_parse (bytes, file, error)))
    return NULL;

  root = json_node_get_object (node);

  if (!_wtw_json_check_fields (root, quiz_fields, file, NULL, error) ||
      !_wtw_json_get_string (root, "title", TRUE, file, NULL, &title, error) ||
      !_wtw_json_get_string (root, "intro", TRUE, file, NULL, &intro, error) ||
      !_wtw_json_get_string (root, "disclaimer", TRUE, file, NULL, &disclaimer, error) ||
      !_wtw_json_get_int (root, "minutes", QUIZ_MIN_MINUTES, QUIZ_MAX_MINUTES,
                          file, NULL, &minutes, error) ||
      !parse_scale (root, file, &scale, error) ||
      !parse_dimensions (root, file, dimensions, error) ||
      !parse_items (root, file, items, item_ids, error) ||
      !parse_insights (root, file, item_ids, insights, error))
    return NULL;

  return g_object_new (WTW_TYPE_QUIZ,
                       "title", title,
                       "intro", intro,
                       "disclaimer", disclaimer,
                       "minutes", (guint)minutes,
                       "scale", scale,
                       "dimensions", dimensions,
                       "items", items,
                       "insights", insights,
                       NULL);
}

/* Safety note */

WtwSafetyNote *
_wtw_content_parse_safety_note (GBytes      *bytes,
                                const char  *file,
                                GError     **error)
{
  g_autoptr(GListStore) help = g_list_store_new (WTW_TYPE_HELP_LINE);
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *title = NULL;
  JsonObject *root;
  JsonArray *array;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!(node = _wtw_json_parse (bytes, file, error)))
    return NULL;

  root = json_node_get_object (node);

  if (!_wtw_json_check_fields (root, safety_fields, file, NULL, error) ||
      !_wtw_json_get_string (root, "title", TRUE, file, NULL, &title, error) ||
      !_wtw_json_get_strv (root, "paragraphs", TRUE, 1, file, NULL, &paragraphs, error) ||
      !_wtw_json_get_array (root, "help", TRUE, MIN_HELP, file, NULL, &array, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = _wtw_json_path_index ("help", i);
      g_autofree char *name = NULL;
      g_autofree char *detail = NULL;
      g_autoptr(WtwHelpLine) line = NULL;
      JsonObject *object;

      if (!_wtw_json_get_element (array, i, file, "help", &object, error) ||
          !_wtw_json_check_fields (object, help_fields, file, path, error) ||
          !_wtw_json_get_string (object, "name", TRUE, file, path, &name, error) ||
          !_wtw_json_get_string (object, "detail", TRUE, file, path, &detail, error))
        return NULL;

      line = g_object_new (WTW_TYPE_HELP_LINE, "name", name, "detail", detail, NULL);
      g_list_store_append (help, line);
    }

  return g_object_new (WTW_TYPE_SAFETY_NOTE,
                       "title", title,
                       "paragraphs", paragraphs,
                       "help", help,
                       NULL);
}
