/* test-quiz-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwQuizView and WtwQuizChart over the shipped quiz: the start page,
 * answering from the keyboard, going back, the progress bar, the results
 * and the chart that draws them.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-quiz-chart.h"
#include "wtw-quiz-view.h"
#include "wtw-test-app.h"

static WtwApplication *app;
static WtwContent *content;

typedef struct
{
  GtkWindow      *window;
  WtwQuizView    *view;
  WtwQuizSession *session;
  GPtrArray      *opened_chapters;
} Fixture;

static void
open_chapter_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->opened_chapters, g_variant_dup_string (parameter, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_chapter = NULL;

  fixture->opened_chapters = g_ptr_array_new_with_free_func (g_free);

  /* The window's win.open-chapter, as the lead will install it. */
  open_chapter = g_simple_action_new ("open-chapter", G_VARIANT_TYPE_STRING);
  g_signal_connect (open_chapter, "activate", G_CALLBACK (open_chapter_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open_chapter));

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_application (fixture->window, GTK_APPLICATION (app));
  gtk_window_set_default_size (fixture->window, 800, 700);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  fixture->view = WTW_QUIZ_VIEW (wtw_quiz_view_new ());
  wtw_quiz_view_set_quiz (fixture->view, wtw_content_get_quiz (content));
  wtw_quiz_view_set_chapters (fixture->view, wtw_content_get_chapters (content));
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  fixture->session = wtw_quiz_view_get_quiz_session (fixture->view);

  gtk_window_present (fixture->window);
  wtw_test_iterate_until (wtw_test_is_mapped, fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static gboolean
is_null (gpointer pointer_location)
{
  return *(gpointer *)pointer_location == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Nothing the view set up keeps it alive once its window is gone. */
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *)&fixture->view);
  gtk_window_destroy (fixture->window);
  wtw_test_iterate_until (is_null, &fixture->view);
  g_ptr_array_unref (fixture->opened_chapters);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                   WTW_TYPE_QUIZ_VIEW, name);

  g_assert_nonnull (object);

  return object;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

/* Presses a key as far as GTK's own shortcut handling goes: finds the
 * shortcut the widget has for @keyval and @modifiers, and runs its action
 * the way GtkShortcutController does on a key event. Xvfb has no way to
 * give a key to a window without a window manager to focus it. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* What a click or Space on a button ends in. (gtk_widget_activate() on a
 * GtkButton only emits "clicked" after a short press animation.) */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
start (Fixture *fixture)
{
  g_assert_cmpstr (wtw_quiz_view_get_page (fixture->view), ==, "start");
  click (child (fixture, "start_button"));
  g_assert_cmpstr (wtw_quiz_view_get_page (fixture->view), ==, "question");
}

static guint
answer_of (Fixture     *fixture,
           WtwQuizItem *item)
{
  return wtw_quiz_session_get_answer (fixture->session, wtw_quiz_item_get_id (item));
}

static const char *
counter_text (Fixture *fixture)
{
  return gtk_label_get_label (child (fixture, "counter_label"));
}

static gboolean
button_active (Fixture *fixture,
               guint    value)
{
  g_autofree char *name = g_strdup_printf ("answer_button_%u", value);

  return gtk_toggle_button_get_active (child (fixture, name));
}

/* As in tests/model/test-quiz-session.c: Communication "Almost always"
 * throughout, Affection "Never", Resolution "Sometimes", and Equilibrium
 * fully for every statement that counts for it, not at all for the
 * reversed ones. */
static guint
known_answer (WtwQuizItem *item)
{
  const char *dimension = wtw_quiz_item_get_dimension (item);

  if (g_str_equal (dimension, "communication"))
    return 5;
  if (g_str_equal (dimension, "affection"))
    return 1;
  if (g_str_equal (dimension, "resolution"))
    return 3;
  return wtw_quiz_item_get_reverse (item) ? 1 : 5;
}

/* The buttons below @widget, in the order they show. */
static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        g_ptr_array_add (buttons, c);
      else
        collect_buttons (c, buttons);
    }
}

static void
test_view_start_page (Fixture       *fixture,
                      gconstpointer  data)
{
  WtwQuiz *quiz = wtw_content_get_quiz (content);
  GtkWidget *dimensions_list = child (fixture, "dimensions_list");
  GtkWidget *row;

  g_assert_true (wtw_quiz_view_get_quiz (fixture->view) == quiz);
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "title_label")), ==,
                   wtw_quiz_get_title (quiz));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "intro_label")), ==,
                   wtw_quiz_get_intro (quiz));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "duration_label")), ==,
                   "About 6 minutes · 28 statements");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "start_disclaimer_label")), ==,
                   wtw_quiz_get_disclaimer (quiz));
  g_assert_nonnull (strstr (wtw_quiz_get_disclaimer (quiz), "not a clinical assessment"));

  /* The four dimensions, each with its question. */
  g_assert_cmpuint (count_children (dimensions_list), ==, 4);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (dimensions_list), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Communication");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Can you say what you need, and do you feel heard when you do?");

  /* The keys answer nothing before the quiz is started. */
  g_assert_false (press_key (GTK_WIDGET (fixture->view), GDK_KEY_3, 0));
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (fixture->session), ==, 0);

  start (fixture);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 1 of 28");
  g_assert_true (gtk_widget_has_focus (child (fixture, "answer_button_1")));
}

static void
test_view_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *items = wtw_quiz_get_items (wtw_content_get_quiz (content));
  g_autoptr(WtwQuizItem) first = g_list_model_get_item (items, 0);
  g_autoptr(WtwQuizItem) second = g_list_model_get_item (items, 1);
  g_autoptr(WtwQuizItem) third = g_list_model_get_item (items, 2);

  start (fixture);
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "item_label")), ==,
                   wtw_quiz_item_get_text (first));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "dimension_label")), ==, "Communication");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "scale_label_1")), ==, "Never");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "scale_label_5")), ==, "Almost always");

  g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_3, 0));
  g_assert_cmpuint (answer_of (fixture, first), ==, 3);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 2 of 28");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "item_label")), ==,
                   wtw_quiz_item_get_text (second));

  /* The keypad works as well. */
  g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_KP_5, 0));
  g_assert_cmpuint (answer_of (fixture, second), ==, 5);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 3 of 28");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "item_label")), ==,
                   wtw_quiz_item_get_text (third));

  /* A new statement starts with no answer chosen. */
  for (guint v = 1; v <= 5; v++)
    g_assert_false (button_active (fixture, v));

  /* Clicking a button answers the same way. */
  click (child (fixture, "answer_button_2"));
  g_assert_cmpuint (answer_of (fixture, third), ==, 2);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 4 of 28");
}

static void
test_view_back (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *items = wtw_quiz_get_items (wtw_content_get_quiz (content));
  g_autoptr(WtwQuizItem) second = g_list_model_get_item (items, 1);
  GtkWidget *back_button = child (fixture, "back_button");

  start (fixture);

  /* Nothing before the first statement. */
  g_assert_false (gtk_widget_get_sensitive (back_button));
  g_assert_false (press_key (GTK_WIDGET (fixture->view), GDK_KEY_Left, GDK_ALT_MASK));

  press_key (GTK_WIDGET (fixture->view), GDK_KEY_1, 0);
  press_key (GTK_WIDGET (fixture->view), GDK_KEY_2, 0);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 3 of 28");
  g_assert_true (gtk_widget_get_sensitive (back_button));

  /* Alt+Left shows the earlier statement with its answer chosen. */
  g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (counter_text (fixture), ==, "Question 2 of 28");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "item_label")), ==,
                   wtw_quiz_item_get_text (second));
  g_assert_true (button_active (fixture, 2));
  g_assert_false (button_active (fixture, 4));

  /* A different answer replaces it and moves on. */
  g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_4, 0));
  g_assert_cmpuint (answer_of (fixture, second), ==, 4);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (fixture->session), ==, 2);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 3 of 28");

  /* The Back button does the same as the key. */
  click (back_button);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 2 of 28");
  g_assert_true (button_active (fixture, 4));
  g_assert_false (button_active (fixture, 2));
  click (back_button);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 1 of 28");
  g_assert_true (button_active (fixture, 1));
  g_assert_false (gtk_widget_get_sensitive (back_button));
}

static void
test_view_progress (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkProgressBar *bar = child (fixture, "progress_bar");

  start (fixture);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0.0);
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0);
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "0 of 28 answered");

  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u of 28 answered", i);

      press_key (GTK_WIDGET (fixture->view), GDK_KEY_4, 0);
      g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bar), i / 28.0, 1e-9);
      gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, i / 28.0);
      gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text);
    }

  /* Going back changes the statement on show, not how much is answered. */
  press_key (GTK_WIDGET (fixture->view), GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bar), 7 / 28.0, 1e-9);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 7 of 28");
}

static void
answer_all_by_keys (Fixture *fixture)
{
  while (g_strcmp0 (wtw_quiz_view_get_page (fixture->view), "question") == 0)
    {
      WtwQuizItem *item = wtw_quiz_session_get_current_item (fixture->session);

      g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_0 + known_answer (item), 0));
    }
}

static void
test_view_results (Fixture       *fixture,
                   gconstpointer  data)
{
  WtwQuiz *quiz = wtw_content_get_quiz (content);
  WtwQuizChart *chart = child (fixture, "chart");
  GtkWidget *chapters_box = child (fixture, "chapters_box");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  static const char * const letters[] = { "C", "A", "R", "E" };
  /* By hand, in tests/model/test-quiz-session.c:
   *   C (5 × 5 + 2 × 1 − 7) × 100 / 28 = 71.4 → 71
   *   A (5 × 1 + 2 × 5 − 7) × 100 / 28 = 28.6 → 29
   *   R (7 × 3 − 7) × 100 / 28 = 50
   *   E (7 × 5 − 7) × 100 / 28 = 100
   *   overall (71 + 29 + 50 + 100) / 4 = 62.5 → 63 */
  static const int expected[] = { 71, 29, 50, 100 };
  static const char * const chapters[] = {
    "sharing-a-hard-feeling", "fixing-or-listening", "more-than-roommates",
    "the-feeling-underneath",
    "under-the-anger", "always-and-never", "coming-back", "sorry-without-but",
  };

  start (fixture);
  answer_all_by_keys (fixture);

  g_assert_cmpstr (wtw_quiz_view_get_page (fixture->view), ==, "results");
  g_assert_true (wtw_quiz_session_get_complete (fixture->session));

  /* Reading starts at the chart; the keys do nothing on the results. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chart)));
  g_assert_false (press_key (GTK_WIDGET (fixture->view), GDK_KEY_2, 0));

  /* The chart draws the session's result, and says it in words. */
  g_assert_true (wtw_quiz_chart_get_result (chart) ==
                 wtw_quiz_session_get_result (fixture->session));
  g_assert_cmpuint (wtw_quiz_chart_get_n_bars (chart), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (wtw_quiz_chart_get_value (chart, i), ==, expected[i]);
      g_assert_cmpstr (wtw_quiz_chart_get_letter (chart, i), ==, letters[i]);
    }
  g_assert_cmpstr (wtw_quiz_chart_get_summary (chart), ==,
                   "Communication 71 of 100, Affection 29 of 100, "
                   "Resolution 50 of 100, Equilibrium 100 of 100");
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Communication 71 of 100, Affection 29 of 100, "
                                       "Resolution 50 of 100, Equilibrium 100 of 100");

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "overall_label")), ==, "63");

  /* Per dimension: the score, the tier's name and what it means. */
  {
    GtkListBox *scores = child (fixture, "scores_list");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (scores, 1));
    g_autoptr(WtwQuizDimension) affection =
      g_list_model_get_item (wtw_quiz_get_dimensions (quiz), 1);
    g_autoptr(WtwQuizTier) strain =
      g_list_model_get_item (wtw_quiz_dimension_get_tiers (affection), 0);

    g_assert_cmpuint (count_children (GTK_WIDGET (scores)), ==, 4);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Affection");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     wtw_quiz_tier_get_meaning (strain));
  }

  /* The four insights these answers fire, each with its figure and source. */
  g_assert_cmpuint (count_children (child (fixture, "insights_box")), ==, 4);
  g_assert_true (gtk_widget_get_visible (child (fixture, "insights_heading")));

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "results_disclaimer_label")), ==,
                   wtw_quiz_get_disclaimer (quiz));

  /* The chapters of the two weakest dimensions open through the window. */
  collect_buttons (chapters_box, buttons);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (chapters));
  for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                       "win.open-chapter");
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, chapters[i]);
      g_assert_true (gtk_widget_get_sensitive (button));
    }
  click (g_ptr_array_index (buttons, 0));
  g_assert_cmpuint (fixture->opened_chapters->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened_chapters, 0), ==, chapters[0]);

  /* Take Again starts over at the first statement. */
  click (child (fixture, "again_button"));
  g_assert_cmpstr (wtw_quiz_view_get_page (fixture->view), ==, "question");
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (fixture->session), ==, 0);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 1 of 28");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (child (fixture, "progress_bar")), ==, 0.0);
}

static void
test_view_resume (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(WtwQuizSession) earlier = wtw_quiz_session_new (wtw_content_get_quiz (content));
  g_autoptr(GError) error = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *full = NULL;

  /* What the vault will hand back: answers saved from an earlier sitting. */
  for (guint i = 0; i < 5; i++)
    wtw_quiz_session_answer (earlier, 2);
  partial = wtw_quiz_session_save_answers (earlier);

  g_assert_true (wtw_quiz_session_load_answers (fixture->session, partial, &error));
  g_assert_no_error (error);
  start (fixture);
  g_assert_cmpstr (counter_text (fixture), ==, "Question 6 of 28");
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (child (fixture, "progress_bar")),
                                  5 / 28.0, 1e-9);
  press_key (GTK_WIDGET (fixture->view), GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_true (button_active (fixture, 2));

  /* A finished set goes straight to its results. */
  while (!wtw_quiz_session_get_complete (earlier))
    wtw_quiz_session_answer (earlier, 4);
  full = wtw_quiz_session_save_answers (earlier);
  g_assert_true (wtw_quiz_session_load_answers (fixture->session, full, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_quiz_view_get_page (fixture->view), ==, "results");
  g_assert_true (wtw_quiz_chart_get_result (child (fixture, "chart")) ==
                 wtw_quiz_session_get_result (fixture->session));
}

/* Renders @widget alone, over @background (the chart itself has none). */
static GdkTexture *
render_widget (GtkWidget     *widget,
               const GdkRGBA *background)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gtk_snapshot_append_color (snapshot, background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint
count_colors (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize)width * height);
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *)pixels, width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    g_hash_table_add (colors, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colors);
}

static void
test_chart_render (Fixture       *fixture,
                   gconstpointer  data)
{
  WtwQuizChart *chart = child (fixture, "chart");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *file = NULL;

  start (fixture);
  answer_all_by_keys (fixture);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 4 * 28);

  texture = render_widget (GTK_WIDGET (chart), &(GdkRGBA) { 1, 1, 1, 1 });

  /* Four bars in four colours, tracks, grid lines and antialiased text on
   * white: not a blank rectangle. */
  g_assert_cmpuint (count_colors (texture), >, 16);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  file = g_build_filename (dir, "quiz-chart.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);
}

static void
test_chart_without_result (void)
{
  GtkWidget *chart = g_object_ref_sink (wtw_quiz_chart_new ());

  /* Empty until given a quiz; a quiz without a result has empty bars. */
  g_assert_cmpuint (wtw_quiz_chart_get_n_bars (WTW_QUIZ_CHART (chart)), ==, 0);
  wtw_quiz_chart_set_quiz (WTW_QUIZ_CHART (chart), wtw_content_get_quiz (content));
  g_assert_cmpuint (wtw_quiz_chart_get_n_bars (WTW_QUIZ_CHART (chart)), ==, 4);
  g_assert_cmpint (wtw_quiz_chart_get_value (WTW_QUIZ_CHART (chart), 0), ==, WTW_QUIZ_NO_SCORE);
  g_assert_cmpstr (wtw_quiz_chart_get_summary (WTW_QUIZ_CHART (chart)), ==,
                   "Communication no score, Affection no score, "
                   "Resolution no score, Equilibrium no score");

  g_assert_finalize_object (chart);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  content = wtw_content_new_for_languages ((const char * const []) { "en", NULL }, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/wtw/quiz-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("start-page", test_view_start_page);
  ADD ("keyboard", test_view_keyboard);
  ADD ("back", test_view_back);
  ADD ("progress", test_view_progress);
  ADD ("results", test_view_results);
  ADD ("resume", test_view_resume);
  ADD ("chart-render", test_chart_render);
  g_test_add_func ("/wtw/quiz-view/chart-without-result", test_chart_without_result);

#undef ADD

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
