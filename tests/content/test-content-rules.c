/* test-content-rules.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-content-rules"

#include "config.h"

#include "wtw-content.h"

/* The shipped English content against the rules of docs/content-schema.md,
 * including the editorial ones the loader leaves alone because they do not
 * carry over to translations (the explanation's word count). Each chapter is
 * its own test, so one unfinished chapter does not hide the others. */

#define SOURCE "C.A.R.E. & Intimacy Quiz data, 742 respondents"
#define EN_PATH WTW_CONTENT_RESOURCE_PATH "/en/"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GStrv
chapter_files (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (EN_PATH "chapters/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                        &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_suffix (names[i], ".json"))
        g_ptr_array_add (files, g_strdup (names[i]));
    }

  g_ptr_array_sort (files, compare_strings);
  g_ptr_array_add (files, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&files), FALSE);
}

static WtwChapter *
load_chapter (const char *name)
{
  g_autofree char *path = g_strconcat (EN_PATH "chapters/", name, NULL);
  g_autofree char *file = g_strconcat ("en/chapters/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WtwChapter *chapter;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* Not fatal: the test reports the loader's message and stops there. */
  if (!(chapter = wtw_chapter_new_from_bytes (bytes, file, &error)))
    g_test_fail_printf ("%s", error->message);

  return chapter;
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          words++;
        }
    }

  return words;
}

static void
assert_plain_text (const char *where,
                   const char *text)
{
  /* The voice is calm: no exclamation marks. Plain text: no markup. */
  if (strchr (text, '!') != NULL || strchr (text, '<') != NULL || strstr (text, "**") != NULL)
    g_test_fail_printf ("%s: \"%s\" has an exclamation mark or markup", where, text);
}

static void
test_chapter (gconstpointer data)
{
  const char *name = data;
  g_autoptr(WtwChapter) chapter = load_chapter (name);
  const char * const *explanation;
  WtwExercise *exercise;
  GListModel *steps;
  guint total;
  gboolean spoke[2] = { FALSE, FALSE };
  WtwSpeaker last = WTW_SPEAKER_BOTH;
  guint words = 0;

  if (chapter == NULL)
    return;

  explanation = wtw_chapter_get_explanation (chapter);
  exercise = wtw_chapter_get_exercise (chapter);
  steps = wtw_exercise_get_steps (exercise);
  total = wtw_exercise_get_total_seconds (exercise);

  for (guint i = 0; explanation[i] != NULL; i++)
    words += count_words (explanation[i]);

  if (words < 350 || words > 700)
    g_test_fail_printf ("%s: the explanation has %u words; it must have 350–700", name, words);

  g_assert_cmpuint (g_list_model_get_n_items (wtw_chapter_get_scripts (chapter)), >=, 5);
  g_assert_cmpuint (g_list_model_get_n_items (wtw_chapter_get_prompts (chapter)), >=, 5);

  if (total < 600 || total > 900)
    g_test_fail_printf ("%s: the exercise takes %u seconds; it must take 600–900", name, total);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(WtwExerciseStep) step = g_list_model_get_item (steps, i);
      WtwSpeaker speaker = wtw_exercise_step_get_speaker (step);

      g_assert_cmpuint (wtw_exercise_step_get_seconds (step), >=, 15);
      g_assert_cmpuint (wtw_exercise_step_get_seconds (step), <=, 600);

      if (speaker == WTW_SPEAKER_BOTH)
        {
          g_assert_null (wtw_exercise_step_get_listener (step));
          continue;
        }

      if (speaker == last)
        g_test_fail_printf ("%s: exercise step %u has the same speaker as the one before", name, i);

      g_assert_nonnull (wtw_exercise_step_get_listener (step));
      spoke[speaker] = TRUE;
      last = speaker;
    }

  g_assert_true (spoke[WTW_SPEAKER_A]);
  g_assert_true (spoke[WTW_SPEAKER_B]);

  assert_plain_text (name, wtw_chapter_get_title (chapter));
  assert_plain_text (name, wtw_chapter_get_summary (chapter));
  for (guint i = 0; explanation[i] != NULL; i++)
    assert_plain_text (name, explanation[i]);
}

static void
test_chapter_numbers (void)
{
  g_auto(GStrv) files = chapter_files ();

  g_assert_cmpuint (g_strv_length (files), ==, 12);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%02u-", i + 1);

      if (!g_str_has_prefix (files[i], prefix))
        g_test_fail_printf ("chapter file %s is out of sequence: expected it to start with %s",
                 files[i], prefix);
    }
}

static WtwQuiz *
load_quiz (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WtwQuiz *quiz;

  bytes = g_resources_lookup_data (EN_PATH "quiz.json", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  quiz = wtw_quiz_new_from_bytes (bytes, "en/quiz.json", &error);
  g_assert_no_error (error);

  return quiz;
}

/* Ids from the file names, so that this test does not depend on every
 * chapter loading. */
static gboolean
chapter_exists (const char *id)
{
  g_auto(GStrv) files = chapter_files ();

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%.2s-%s.json", files[i], id);

      if (g_str_equal (files[i], expected))
        return TRUE;
    }

  return FALSE;
}

static void
test_quiz_items (void)
{
  g_autoptr(WtwQuiz) quiz = load_quiz ();
  GListModel *dimensions = wtw_quiz_get_dimensions (quiz);
  GListModel *items = wtw_quiz_get_items (quiz);
  guint counts[4] = { 0 };
  guint reversed[4] = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (dimensions), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 24);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WtwQuizItem) item = g_list_model_get_item (items, i);
      int d = wtw_quiz_get_dimension_index (quiz, wtw_quiz_item_get_dimension (item));

      g_assert_cmpint (d, >=, 0);
      counts[d]++;
      if (wtw_quiz_item_get_reverse (item))
        reversed[d]++;
      assert_plain_text (wtw_quiz_item_get_id (item), wtw_quiz_item_get_text (item));
    }

  for (guint d = 0; d < 4; d++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, d);

      if (counts[d] < 6 || reversed[d] < 1 || reversed[d] * 2 > counts[d])
        g_test_fail_printf ("dimension %s has %u items, %u of them reversed; it needs at least 6, "
                 "some but not most reversed",
                 wtw_quiz_dimension_get_id (dimension), counts[d], reversed[d]);
    }

  for (guint v = 1; v <= 5; v++)
    g_assert_nonnull (wtw_quiz_get_scale_label (quiz, v));
}

static void
test_quiz_dimensions (void)
{
  g_autoptr(WtwQuiz) quiz = load_quiz ();
  GListModel *dimensions = wtw_quiz_get_dimensions (quiz);

  for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, d);
      const char * const *chapters = wtw_quiz_dimension_get_chapters (dimension);

      g_assert_cmpuint (g_strv_length ((GStrv)chapters), >=, 2);
      for (guint i = 0; chapters[i] != NULL; i++)
        {
          if (!chapter_exists (chapters[i]))
            g_test_fail_printf ("dimension %s names chapter %s, which does not exist",
                     wtw_quiz_dimension_get_id (dimension), chapters[i]);
        }

      g_assert_cmpuint (g_list_model_get_n_items (wtw_quiz_dimension_get_tiers (dimension)), ==, 4);
    }
}

static void
test_quiz_insights (void)
{
  g_autoptr(WtwQuiz) quiz = load_quiz ();
  GListModel *insights = wtw_quiz_get_insights (quiz);
  guint with_figure = 0;

  g_assert_cmpuint (g_list_model_get_n_items (insights), >=, 6);

  for (guint i = 0; i < g_list_model_get_n_items (insights); i++)
    {
      g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (insights, i);
      const char *id = wtw_quiz_insight_get_id (insight);
      const char *figure = wtw_quiz_insight_get_figure (insight);
      const char * const *chapters = wtw_quiz_insight_get_chapters (insight);

      g_assert_cmpuint (wtw_quiz_insight_get_n_conditions (insight), >=, 1);
      for (guint c = 0; c < wtw_quiz_insight_get_n_conditions (insight); c++)
        {
          guint answers = 0;
          const char *item = wtw_quiz_insight_get_condition (insight, c, &answers);

          if (wtw_quiz_lookup_item (quiz, item) == NULL)
            g_test_fail_printf ("insight %s refers to item %s, which does not exist", id, item);
          g_assert_cmpuint (answers, !=, 0);
        }

      if (figure != NULL)
        {
          with_figure++;
          g_assert_cmpstr (wtw_quiz_insight_get_source (insight), ==, SOURCE);
          g_assert_true (strpbrk (figure, "0123456789") != NULL);
        }

      /* Insights are practical: each suggests somewhere to go next. */
      g_assert_cmpuint (g_strv_length ((GStrv)chapters), >=, 1);
      for (guint c = 0; chapters[c] != NULL; c++)
        {
          if (!chapter_exists (chapters[c]))
            g_test_fail_printf ("insight %s suggests chapter %s, which does not exist",
                                id, chapters[c]);
        }

      assert_plain_text (id, wtw_quiz_insight_get_text (insight));
    }

  g_assert_cmpuint (with_figure, >=, 6);
}

/* The six findings the quiz promises to cite, each with the item it fires on. */
static void
test_quiz_findings (void)
{
  g_autoptr(WtwQuiz) quiz = load_quiz ();
  GListModel *insights = wtw_quiz_get_insights (quiz);
  const char * const findings[] = { "77 times", "16 times", "5 times", "85%", "8 times", "52%" };

  for (guint f = 0; f < G_N_ELEMENTS (findings); f++)
    {
      gboolean cited = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (insights); i++)
        {
          g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (insights, i);
          const char *figure = wtw_quiz_insight_get_figure (insight);

          cited |= figure != NULL && strstr (figure, findings[f]) != NULL;
        }

      if (!cited)
        g_test_fail_printf ("no insight cites the finding \"%s\"", findings[f]);
    }
}

static void
test_quiz_texts (void)
{
  g_autoptr(WtwQuiz) quiz = load_quiz ();
  const char *disclaimer = wtw_quiz_get_disclaimer (quiz);

  g_assert_nonnull (strstr (disclaimer, "reflection tool"));
  g_assert_nonnull (strstr (disclaimer, "not a clinical assessment"));
  assert_plain_text ("intro", wtw_quiz_get_intro (quiz));
  assert_plain_text ("disclaimer", disclaimer);
}

static void
test_safety_note (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwSafetyNote) note = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  const char * const *paragraphs;
  GListModel *help;
  const char * const facts[] = {
    "emergency number", "1-800-799-7233", "START to 88788", "thehotline.org",
    "0808 2000 247", "hotpeachpages.net", "flooded", "violence", "threats", "fear",
  };

  bytes = g_resources_lookup_data (EN_PATH "safety.json", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  note = wtw_safety_note_new_from_bytes (bytes, "en/safety.json", &error);
  g_assert_no_error (error);

  paragraphs = wtw_safety_note_get_paragraphs (note);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      assert_plain_text ("safety", paragraphs[i]);
      g_string_append_printf (all, "%s\n", paragraphs[i]);
    }

  help = wtw_safety_note_get_help (note);
  g_assert_cmpuint (g_list_model_get_n_items (help), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (help); i++)
    {
      g_autoptr(WtwHelpLine) line = g_list_model_get_item (help, i);

      g_string_append_printf (all, "%s\n%s\n",
                              wtw_help_line_get_name (line), wtw_help_line_get_detail (line));
    }

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      if (strstr (all->str, facts[i]) == NULL)
        g_test_fail_printf ("the safety note does not mention \"%s\"", facts[i]);
    }
}

static void
test_load_all (void)
{
  const char * const english[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = NULL;
  g_auto(GStrv) files = chapter_files ();
  GListModel *chapters;

  content = wtw_content_new_for_languages (english, &error);
  if (content == NULL)
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }

  chapters = wtw_content_get_chapters (content);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, g_strv_length (files));
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (chapters, i);

      g_assert_cmpuint (wtw_chapter_get_number (chapter), ==, i + 1);
      g_assert_true (wtw_content_lookup_chapter (content, wtw_chapter_get_id (chapter)) ==
                     chapter);
    }

  g_assert_cmpstr (wtw_content_get_language (content), ==, "en");
  g_assert_finalize_object (g_steal_pointer (&content));
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) files = NULL;

  g_test_init (&argc, &argv, NULL);

  files = chapter_files ();
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/content/rules/chapter/%.*s",
                                               (int)(strlen (files[i]) - strlen (".json")),
                                               files[i]);

      g_test_add_data_func (path, files[i], test_chapter);
    }

  g_test_add_func ("/wtw/content/rules/chapter-numbers", test_chapter_numbers);
  g_test_add_func ("/wtw/content/rules/quiz/items", test_quiz_items);
  g_test_add_func ("/wtw/content/rules/quiz/dimensions", test_quiz_dimensions);
  g_test_add_func ("/wtw/content/rules/quiz/insights", test_quiz_insights);
  g_test_add_func ("/wtw/content/rules/quiz/findings", test_quiz_findings);
  g_test_add_func ("/wtw/content/rules/quiz/texts", test_quiz_texts);
  g_test_add_func ("/wtw/content/rules/safety-note", test_safety_note);
  g_test_add_func ("/wtw/content/rules/load-all", test_load_all);

  return g_test_run ();
}
