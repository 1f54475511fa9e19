/* test-workbook.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook view over the shipped content: the chapter list, a
 * chapter's four parts, scripts side by side or stacked, narrow navigation
 * and the guided conversation driven by a fake clock and the keyboard.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-chapter-page.h"
#include "wtw-chapter-row.h"
#include "wtw-content.h"
#include "wtw-exercise-page.h"
#include "wtw-exercise-timer-private.h"
#include "wtw-script-pair-row.h"
#include "wtw-test-app.h"
#include "wtw-workbook-test-util.h"
#include "wtw-workbook-view.h"

#define CHILD(widget, type, name) wtw_workbook_test_child (widget, type, name)

static WtwApplication *app;
static WtwContent *content;

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static WtwChapter *
current (GtkWidget *view)
{
  return wtw_workbook_view_get_chapter (WTW_WORKBOOK_VIEW (view));
}

static WtwChapterPage *
chapter_page_of (GtkWidget *view)
{
  return CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_page");
}

static void
test_workbook_chapter_list (void)
{
  GListModel *chapters = wtw_content_get_chapters (content);
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, 1000, 700, &view);
  GtkListBox *list = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_list");
  AdwLeaflet *leaflet = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "leaflet");
  guint n = g_list_model_get_n_items (chapters);

  g_assert_cmpuint (n, >=, 12);
  g_assert_cmpuint (count_children (GTK_WIDGET (list)), ==, n);

  /* Every chapter, in order, with its number, title and summary. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (chapters, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int)i);

      g_assert_true (WTW_IS_CHAPTER_ROW (row));
      g_assert_true (wtw_chapter_row_get_chapter (WTW_CHAPTER_ROW (row)) == chapter);
      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       wtw_chapter_get_title (chapter));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       wtw_chapter_get_summary (chapter));
    }

  /* Wide, the list sits beside the first chapter. */
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpstr (wtw_chapter_get_id (current (view)), ==,
                   "feelings-not-thoughts");
  g_assert_false (gtk_widget_get_visible (CHILD (chapter_page_of (view), WTW_TYPE_CHAPTER_PAGE,
                                                 "back_button")));

  /* Selecting a row, as the arrow keys do, shows that chapter. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 5));
  g_assert_cmpuint (wtw_chapter_get_number (current (view)), ==, 6);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&view);
  gtk_window_destroy (window);
  g_assert_null (view);
}

static void
test_workbook_four_parts (void)
{
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, 1000, 700, &view);
  WtwChapterPage *page = chapter_page_of (view);
  WtwChapter *chapter = wtw_content_lookup_chapter (content, "always-and-never");
  AdwViewStack *stack = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "stack");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  static const char *parts[] = { "explanation", "scripts", "reflect", "conversation" };
  GtkWidget *scripts_box = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "scripts_box");
  GtkWidget *prompts_box = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "prompts_box");
  GtkWidget *explanation_box = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "explanation_box");
  GListModel *steps;
  GtkWidget *child;
  guint i = 0;

  g_assert_nonnull (chapter);
  g_assert_true (gtk_widget_activate_action (view, "workbook.open-chapter",
                                             "s", "always-and-never"));
  g_assert_true (wtw_chapter_page_get_chapter (page) == chapter);
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "explanation");

  /* Four parts, each with a title for the switcher. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 4);
  for (i = 0; i < 4; i++)
    {
      g_autoptr(AdwViewStackPage) stack_page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (stack_page), ==, parts[i]);
      g_assert_nonnull (adw_view_stack_page_get_title (stack_page));
      g_assert_nonnull (adw_view_stack_page_get_icon_name (stack_page));
    }

  /* One label per paragraph, in order. */
  g_assert_cmpuint (count_children (explanation_box), ==,
                    g_strv_length ((char **)wtw_chapter_get_explanation (chapter)));
  child = gtk_widget_get_first_child (explanation_box);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child)), ==,
                   wtw_chapter_get_explanation (chapter)[0]);

  /* Every script and every prompt. */
  g_assert_cmpuint (count_children (scripts_box), ==,
                    g_list_model_get_n_items (wtw_chapter_get_scripts (chapter)));
  g_assert_cmpuint (count_children (prompts_box), ==,
                    g_list_model_get_n_items (wtw_chapter_get_prompts (chapter)));
  i = 0;
  for (child = gtk_widget_get_first_child (prompts_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(WtwPrompt) prompt = g_list_model_get_item (wtw_chapter_get_prompts (chapter), i++);
      GtkWidget *text = gtk_widget_get_last_child (child);

      g_assert_true (gtk_widget_has_css_class (child, "card"));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, wtw_prompt_get_text (prompt));
    }

  /* The exercise: every step and the closing step are listed. */
  steps = wtw_exercise_get_steps (wtw_chapter_get_exercise (chapter));
  g_assert_cmpuint (count_children (CHILD (page, WTW_TYPE_CHAPTER_PAGE, "exercise_steps_list")), ==,
                    g_list_model_get_n_items (steps) + 1);

  /* The parts by action and by keyboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "chapter.part", "s", "reflect"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reflect");
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "conversation");
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "conversation");
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "scripts");

  /* A new chapter opens on its explanation. */
  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "calm-down"));
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "explanation");
  g_assert_false (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "no-such-chapter"));

  gtk_window_destroy (window);
}

static void
test_workbook_narrow (void)
{
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, 360, 700, &view);
  AdwLeaflet *leaflet = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "leaflet");
  GtkListBox *list = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_list");
  GtkWidget *back_button = CHILD (chapter_page_of (view), WTW_TYPE_CHAPTER_PAGE, "back_button");
  WtwChapterRow *selected;

  /* Narrow, the list comes first; nothing to go back to yet, so Escape
   * is left alone. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chapters");
  g_assert_false (wtw_workbook_test_press (view, GDK_KEY_Escape, 0));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 2));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chapter");
  g_assert_cmpuint (wtw_chapter_get_number (current (view)), ==, 3);
  g_assert_true (gtk_widget_get_visible (back_button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (back_button)), ==,
                   "workbook.back");

  /* Escape, Alt+Left and the back button all go back to the list. */
  g_assert_true (wtw_workbook_test_press (view, GDK_KEY_Escape, 0));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chapters");

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "coming-back"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chapter");
  g_assert_true (wtw_workbook_test_press (view, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chapters");

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "coming-back"));
  g_signal_emit_by_name (back_button, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chapters");

  /* The row of the chapter just left is still the selected one. */
  selected = WTW_CHAPTER_ROW (gtk_list_box_get_selected_row (list));
  g_assert_cmpstr (wtw_chapter_get_id (wtw_chapter_row_get_chapter (selected)), ==, "coming-back");

  gtk_window_destroy (window);
}

static void
check_script_layout (int      width,
                     gboolean stacked)
{
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, width, 700, &view);
  WtwChapterPage *page = chapter_page_of (view);
  GtkWidget *scripts_box = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "scripts_box");
  WtwScriptPairRow *row;
  GtkWidget *instead;
  GtkWidget *try;
  graphene_rect_t instead_bounds, try_bounds;

  wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "fixing-or-listening");
  wtw_chapter_page_set_visible_part (page, "scripts");
  wtw_workbook_test_settle (GTK_WIDGET (window));

  for (GtkWidget *child = gtk_widget_get_first_child (scripts_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_cmpint (wtw_script_pair_row_get_stacked (WTW_SCRIPT_PAIR_ROW (child)), ==, stacked);

  /* Where the two texts actually are: beside each other, or one above
   * the other in the same column. */
  row = WTW_SCRIPT_PAIR_ROW (gtk_widget_get_first_child (scripts_box));
  instead = CHILD (row, WTW_TYPE_SCRIPT_PAIR_ROW,
                   stacked ? "stacked_instead_label" : "instead_label");
  try = CHILD (row, WTW_TYPE_SCRIPT_PAIR_ROW, stacked ? "stacked_try_label" : "try_label");
  g_assert_true (gtk_widget_get_mapped (instead));
  g_assert_true (gtk_widget_get_mapped (try));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (instead)), ==,
                   wtw_script_pair_get_instead (wtw_script_pair_row_get_pair (row)));
  g_assert_true (gtk_widget_compute_bounds (instead, GTK_WIDGET (row), &instead_bounds));
  g_assert_true (gtk_widget_compute_bounds (try, GTK_WIDGET (row), &try_bounds));

  if (stacked)
    {
      g_assert_cmpfloat (instead_bounds.origin.x, ==, try_bounds.origin.x);
      g_assert_cmpfloat (instead_bounds.origin.y + instead_bounds.size.height, <=,
                         try_bounds.origin.y);
      g_assert_false (gtk_widget_get_mapped (CHILD (row, WTW_TYPE_SCRIPT_PAIR_ROW,
                                                    "instead_label")));
    }
  else
    {
      g_assert_cmpfloat (instead_bounds.origin.y, ==, try_bounds.origin.y);
      g_assert_cmpfloat (instead_bounds.origin.x + instead_bounds.size.width, <=,
                         try_bounds.origin.x);
      g_assert_false (gtk_widget_get_mapped (CHILD (row, WTW_TYPE_SCRIPT_PAIR_ROW,
                                                    "stacked_instead_label")));
    }

  /* Nothing sticks out of the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width + 1);

  gtk_window_destroy (window);
}

static void
test_workbook_scripts_wide (void)
{
  check_script_layout (1000, FALSE);
}

static void
test_workbook_scripts_narrow (void)
{
  check_script_layout (360, TRUE);
}

static void
test_workbook_reading_measure (void)
{
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, 1200, 700, &view);
  WtwChapterPage *page = chapter_page_of (view);
  AdwClamp *clamp = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "explanation_clamp");
  GtkWidget *box = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "explanation_box");
  GtkWidget *paragraph = gtk_widget_get_first_child (box);
  int normal = adw_clamp_get_maximum_size (clamp);
  int large;
  GtkAdjustment *adjustment;
  GtkWidget *scrolled;

  /* About 70 characters of the reading font, and the paragraphs take it. */
  g_assert_cmpint (normal, >, 450);
  g_assert_cmpint (normal, <, 900);
  g_assert_cmpint (gtk_widget_get_width (paragraph), <=, normal);
  g_assert_cmpint (gtk_widget_get_width (paragraph), >, normal - 60);

  /* With nothing else to focus, the keyboard still scrolls the text. */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (clamp), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_get_focusable (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_true (wtw_workbook_test_press (scrolled, GDK_KEY_Page_Down, 0));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  /* Larger text makes a wider column, not longer lines. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 16", NULL);
  wtw_workbook_test_settle (GTK_WIDGET (window));
  large = adw_clamp_get_maximum_size (clamp);
  g_assert_cmpint (large, >, normal * 4 / 3);

  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (adw_clamp_get_maximum_size (clamp), ==, normal);

  gtk_window_destroy (window);
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }

  return NULL;
}

static const char *
label_text (gpointer    widget,
            const char *name)
{
  return gtk_label_get_text (CHILD (widget, WTW_TYPE_EXERCISE_PAGE, name));
}

static void
test_workbook_exercise (void)
{
  static gint64 now = G_GINT64_CONSTANT (5000) * G_USEC_PER_SEC;
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, 1000, 700, &view);
  GtkStack *main_stack = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "main_stack");
  WtwExercisePage *page = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "exercise_page");
  WtwSafetyNote *note = wtw_content_get_safety_note (content);
  WtwChapter *chapter = wtw_content_lookup_chapter (content, "feelings-not-thoughts");
  GListModel *steps = wtw_exercise_get_steps (wtw_chapter_get_exercise (chapter));
  g_autoptr(WtwExerciseStep) first = g_list_model_get_item (steps, 0);
  g_autoptr(WtwExerciseStep) second = g_list_model_get_item (steps, 1);
  WtwExercise *exercise = wtw_chapter_get_exercise (chapter);
  AdwButtonContent *pause_content;
  WtwExerciseTimer *timer;
  GtkWindow *dialog;

  /* Chapter 1's first step is for both, the second for A, then B. */
  g_assert_cmpint (wtw_exercise_step_get_speaker (first), ==, WTW_SPEAKER_BOTH);
  g_assert_cmpint (wtw_exercise_step_get_speaker (second), ==, WTW_SPEAKER_A);

  wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "feelings-not-thoughts");
  g_assert_true (gtk_widget_activate_action (view, "workbook.start-exercise", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "exercise");
  g_assert_cmpstr (wtw_exercise_page_get_stage (page), ==, "safety");

  /* The safety note comes first, with its places to find help. */
  g_assert_cmpstr (label_text (page, "safety_title_label"), ==, wtw_safety_note_get_title (note));
  g_assert_cmpuint (count_children (CHILD (page, WTW_TYPE_EXERCISE_PAGE,
                                          "safety_paragraphs_box")), ==,
                    g_strv_length ((char **)wtw_safety_note_get_paragraphs (note)));
  g_assert_cmpuint (count_children (CHILD (page, WTW_TYPE_EXERCISE_PAGE, "help_list")), ==,
                    g_list_model_get_n_items (wtw_safety_note_get_help (note)));

  /* Space does not pause anything before the start. */
  g_assert_false (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_space, 0));

  gtk_editable_set_text (CHILD (page, WTW_TYPE_EXERCISE_PAGE, "partner_a_row"), " Sam ");
  timer = wtw_exercise_page_get_timer (page);
  g_assert_nonnull (timer);
  _wtw_exercise_timer_set_clock (timer, wtw_workbook_test_fake_clock, &now);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.begin", NULL));
  g_assert_cmpstr (wtw_exercise_page_get_stage (page), ==, "step");
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);

  /* A name left empty stays "Partner B". */
  g_assert_cmpstr (label_text (page, "speaker_label"), ==, "Sam and Partner B, together");
  g_assert_cmpstr (label_text (page, "step_text_label"), ==, wtw_exercise_step_get_text (first));
  g_assert_false (gtk_widget_get_visible (CHILD (page, WTW_TYPE_EXERCISE_PAGE, "listener_box")));
  g_assert_cmpstr (label_text (page, "step_counter_label"), ==, "Step 1 of 8");
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "1:00");

  /* The clock runs the countdown, then the next step. */
  now += 15 * G_USEC_PER_SEC;
  _wtw_exercise_timer_tick (timer);
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "0:45");
  now += 45 * G_USEC_PER_SEC;
  _wtw_exercise_timer_tick (timer);
  g_assert_cmpstr (label_text (page, "step_counter_label"), ==, "Step 2 of 8");
  g_assert_cmpstr (label_text (page, "speaker_label"), ==, "Sam speaks");
  g_assert_cmpstr (label_text (page, "listener_heading_label"), ==, "Partner B listens");
  g_assert_cmpstr (label_text (page, "listener_label"), ==,
                   wtw_exercise_step_get_listener (second));
  g_assert_true (gtk_widget_get_visible (CHILD (page, WTW_TYPE_EXERCISE_PAGE, "listener_box")));
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "2:00");

  /* Space pauses: time passes, the countdown does not. */
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_space, 0));
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_PAUSED);
  g_assert_true (gtk_widget_get_visible (CHILD (page, WTW_TYPE_EXERCISE_PAGE, "paused_label")));
  pause_content = CHILD (page, WTW_TYPE_EXERCISE_PAGE, "pause_content");
  g_assert_cmpstr (adw_button_content_get_label (pause_content), ==, "_Resume");
  now += 300 * G_USEC_PER_SEC;
  _wtw_exercise_timer_tick (timer);
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "2:00");
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_space, 0));
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);
  g_assert_false (gtk_widget_get_visible (CHILD (page, WTW_TYPE_EXERCISE_PAGE, "paused_label")));

  /* One More Minute, then Right for the next step. */
  now += 30 * G_USEC_PER_SEC;
  _wtw_exercise_timer_tick (timer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.more-time", NULL));
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "2:30");
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Right, 0));
  g_assert_cmpstr (label_text (page, "step_counter_label"), ==, "Step 3 of 8");
  g_assert_cmpstr (label_text (page, "speaker_label"), ==, "Partner B speaks");
  g_assert_cmpstr (label_text (page, "listener_heading_label"), ==, "Sam listens");

  /* Escape asks first, and time waits for the answer. */
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Escape, 0));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_PAUSED);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);
  g_assert_cmpstr (wtw_exercise_page_get_stage (page), ==, "step");

  /* Through to the closing step and the end. */
  while (!wtw_exercise_timer_is_closing (timer))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.skip", NULL));
  g_assert_cmpstr (label_text (page, "step_counter_label"), ==, "Step 8 of 8");
  g_assert_cmpstr (label_text (page, "step_title_label"), ==,
                   wtw_exercise_step_get_title (wtw_exercise_get_closing (exercise)));
  now += (gint64)wtw_exercise_timer_get_remaining_seconds (timer) * G_USEC_PER_SEC;
  _wtw_exercise_timer_tick (timer);
  g_assert_cmpstr (wtw_exercise_page_get_stage (page), ==, "finished");
  g_assert_false (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Right, 0));

  /* Done goes back to the chapter, and the next time starts afresh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.stop", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_cmpstr (wtw_exercise_page_get_stage (page), ==, "safety");
  g_assert_true (wtw_exercise_page_get_timer (page) != timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (wtw_exercise_page_get_timer (page)), ==,
                   WTW_EXERCISE_TIMER_READY);

  gtk_window_destroy (window);
}

static void
test_workbook_exercise_stop (void)
{
  GtkWidget *view;
  GtkWindow *window = wtw_workbook_test_window_new (content, 1000, 700, &view);
  GtkStack *main_stack = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "main_stack");
  WtwExercisePage *page = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "exercise_page");
  GtkWindow *dialog;

  /* Before the start, Escape leaves without asking. */
  wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), "under-the-anger");
  g_assert_true (gtk_widget_activate_action (view, "workbook.start-exercise", NULL));
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Escape, 0));
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "browse");

  /* Under way, it asks, and Stop leaves. */
  g_assert_true (gtk_widget_activate_action (view, "workbook.start-exercise", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.begin", NULL));
  g_assert_true (wtw_workbook_test_press (GTK_WIDGET (page), GDK_KEY_Escape, 0));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "stop");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_cmpstr (wtw_exercise_page_get_stage (page), ==, "safety");
  g_assert_cmpstr (wtw_chapter_get_id (current (view)), ==,
                   "under-the-anger");

  gtk_window_destroy (window);
}

static void
test_workbook_exercise_scale (void)
{
  WtwChapter *chapter = wtw_content_lookup_chapter (content, "calm-down");
  WtwExercise *exercise = wtw_chapter_get_exercise (chapter);
  g_autoptr(WtwExerciseStep) first = g_list_model_get_item (wtw_exercise_get_steps (exercise), 0);
  GtkWidget *page;
  WtwExerciseTimer *timer;

  /* End-to-end tests shorten every step through the environment. */
  g_setenv ("WTW_EXERCISE_SECONDS_SCALE", "0.5", TRUE);
  page = g_object_ref_sink (wtw_exercise_page_new ());
  wtw_exercise_page_set_exercise (WTW_EXERCISE_PAGE (page), exercise);
  g_unsetenv ("WTW_EXERCISE_SECONDS_SCALE");

  timer = wtw_exercise_page_get_timer (WTW_EXERCISE_PAGE (page));
  g_assert_cmpfloat (wtw_exercise_timer_get_seconds_scale (timer), ==, 0.5);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==,
                    (wtw_exercise_step_get_seconds (first) + 1) / 2);

  /* Without it, real time. */
  wtw_exercise_page_reset (WTW_EXERCISE_PAGE (page));
  timer = wtw_exercise_page_get_timer (WTW_EXERCISE_PAGE (page));
  g_assert_cmpfloat (wtw_exercise_timer_get_seconds_scale (timer), ==, 1.0);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==,
                    wtw_exercise_step_get_seconds (first));

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  content = wtw_content_new_for_languages ((const char *[]) { "en", NULL }, &error);
  g_assert_no_error (error);

  g_test_add_func ("/wtw/workbook/chapter-list", test_workbook_chapter_list);
  g_test_add_func ("/wtw/workbook/four-parts", test_workbook_four_parts);
  g_test_add_func ("/wtw/workbook/narrow", test_workbook_narrow);
  g_test_add_func ("/wtw/workbook/scripts-wide", test_workbook_scripts_wide);
  g_test_add_func ("/wtw/workbook/scripts-narrow", test_workbook_scripts_narrow);
  g_test_add_func ("/wtw/workbook/reading-measure", test_workbook_reading_measure);
  g_test_add_func ("/wtw/workbook/exercise", test_workbook_exercise);
  g_test_add_func ("/wtw/workbook/exercise-stop", test_workbook_exercise_stop);
  g_test_add_func ("/wtw/workbook/exercise-scale", test_workbook_exercise_scale);

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
