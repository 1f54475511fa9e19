/* test-quiz-history-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwQuizView over a real vault: answers kept across a lock and offered to
 * resume, results saved with their date, the history and its chart, a past
 * result opened read-only, and two partners compared. Then pictures of the
 * results, the history and the comparison, light and dark, wide and narrow.
 *
 * The tests share one vault and run in order: each builds on what the one
 * before saved.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-quiz-chart.h"
#include "wtw-quiz-history.h"
#include "wtw-quiz-history-chart.h"
#include "wtw-quiz-record.h"
#include "wtw-quiz-view.h"
#include "wtw-secure.h"
#include "wtw-session.h"
#include "wtw-test-app.h"

#define PARTNER_PASSPHRASE "tiled roof sunny morning garden"

static WtwApplication *app;
static WtwContent *content;
static WtwSession *session;
static GPtrArray *opened_chapters;

typedef struct
{
  GtkWindow   *window;
  WtwQuizView *view;
} Fixture;

static void
open_chapter_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_ptr_array_add (opened_chapters, g_variant_dup_string (parameter, NULL));
}

static void
settle (GtkWidget *widget)
{
  gint64 deadline;

  wtw_test_iterate_until (wtw_test_is_mapped, widget);
  gtk_test_widget_wait_for_draw (widget);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static WtwQuizView *
new_view (Fixture *fixture,
          int      width,
          int      height)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_chapter = g_simple_action_new ("open-chapter",
                                                               G_VARIANT_TYPE_STRING);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  g_signal_connect (open_chapter, "activate", G_CALLBACK (open_chapter_cb), NULL);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open_chapter));

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_application (fixture->window, GTK_APPLICATION (app));
  gtk_window_set_title (fixture->window, "Quiz");
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  /* As the main page makes it: quiz and chapters, then the session. */
  fixture->view = WTW_QUIZ_VIEW (wtw_quiz_view_new ());
  wtw_quiz_view_set_quiz (fixture->view, wtw_content_get_quiz (content));
  wtw_quiz_view_set_chapters (fixture->view, wtw_content_get_chapters (content));
  wtw_quiz_view_set_session (fixture->view, session);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->view), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  adw_window_set_content (ADW_WINDOW (fixture->window), box);

  gtk_window_present (fixture->window);
  settle (GTK_WIDGET (fixture->window));

  return fixture->view;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);
  new_view (fixture, 800, 900);
}

static gboolean
is_null (gpointer pointer_location)
{
  return *(gpointer *)pointer_location == NULL;
}

static void
close_view (Fixture *fixture)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *)&fixture->view);
  gtk_window_destroy (fixture->window);
  wtw_test_iterate_until (is_null, &fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_view (fixture);
}

static gpointer
child (WtwQuizView *view,
       const char  *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (view), WTW_TYPE_QUIZ_VIEW, name);

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

/* As test-quiz-view.c: runs the view's own shortcut for a key, the way
 * GtkShortcutController does on a key event. */
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

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Answers from the keyboard until @n statements have answers or the quiz
 * is complete; the key is @value, or a spread when 0. */
static void
answer_by_keys (WtwQuizView *view,
                guint        n,
                guint        value)
{
  WtwQuizSession *sitting = wtw_quiz_view_get_quiz_session (view);

  while (g_strcmp0 (wtw_quiz_view_get_page (view), "question") == 0 &&
         wtw_quiz_session_get_n_answered (sitting) < n)
    {
      guint position = wtw_quiz_session_get_position (sitting);
      guint key = value ? value : 1 + (position * 3 + position / 7) % 5;

      g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_0 + key, 0));
    }
}

static gboolean
is_unlocked (gpointer data)
{
  return wtw_session_get_state (session) == WTW_SESSION_STATE_UNLOCKED;
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  wtw_session_unlock_finish (WTW_SESSION (object), result, &error);
  g_assert_no_error (error);
}

static void
lock_and_unlock (void)
{
  wtw_session_lock (session);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_LOCKED);
  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                            unlocked_cb, NULL);
  wtw_test_iterate_until (is_unlocked, NULL);
  iterate ();
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  WtwQuizView *view = fixture->view;
  WtwQuizSession *sitting = wtw_quiz_view_get_quiz_session (view);
  Fixture second = { 0 };
  guint n_items = wtw_quiz_session_get_n_items (sitting);
  g_autofree char *resume = g_strdup_printf ("_Resume (5 of %u answered)", n_items);
  g_autofree char *saved = NULL;

  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "start");
  g_assert_true (gtk_widget_get_visible (child (view, "more_list")));
  g_assert_cmpstr (gtk_button_get_label (child (view, "start_button")), ==, "_Start the Quiz");
  g_assert_false (gtk_widget_get_visible (child (view, "start_over_button")));

  click (child (view, "start_button"));
  answer_by_keys (view, 5, 0);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (sitting), ==, 5);
  saved = wtw_quiz_session_save_answers (sitting);

  /* Leaving midway: the vault locks straight after the last key, before
   * the main loop turns again. */
  wtw_session_lock (session);
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "start");
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (sitting), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (view, "start_over_button")));
  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                            unlocked_cb, NULL);
  wtw_test_iterate_until (is_unlocked, NULL);

  /* Unlocked again, the start page offers to resume. */
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "start");
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (sitting), ==, 5);
  g_assert_cmpstr (gtk_button_get_label (child (view, "start_button")), ==, resume);
  g_assert_true (gtk_widget_get_visible (child (view, "start_over_button")));
  {
    g_autofree char *loaded = wtw_quiz_session_save_answers (sitting);

    g_assert_cmpstr (loaded, ==, saved);
  }
  click (child (view, "start_button"));
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "question");
  g_assert_cmpuint (wtw_quiz_session_get_position (sitting), ==, 5);

  /* One more answer, then a new view over the same vault (a restart of
   * the app) resumes at six. */
  answer_by_keys (view, 6, 0);
  iterate ();
  new_view (&second, 800, 900);
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (wtw_quiz_view_get_quiz_session (second.view)),
                    ==, 6);
  close_view (&second);

  /* Start Over forgets the kept answers. */
  press_key (GTK_WIDGET (view), GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "quiz.restart", NULL));
  iterate ();
  lock_and_unlock ();
  g_assert_cmpuint (wtw_quiz_session_get_n_answered (sitting), ==, 0);
  g_assert_cmpstr (gtk_button_get_label (child (view, "start_button")), ==, "_Start the Quiz");
}

static void
check_chart_matches (WtwQuizHistoryChart *chart,
                     guint                point,
                     WtwQuizResult       *result)
{
  for (guint d = 0; d < wtw_quiz_history_chart_get_n_series (chart); d++)
    g_assert_cmpint (wtw_quiz_history_chart_get_value (chart, d, point), ==,
                     wtw_quiz_result_get_score (result, d));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  WtwQuizView *view = fixture->view;
  WtwQuizSession *sitting = wtw_quiz_view_get_quiz_session (view);
  WtwQuizHistoryChart *chart = child (view, "history_chart");
  g_autoptr(WtwQuizResult) first = NULL;
  g_autoptr(WtwQuizResult) second = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "Taken on %-d %B %Y");
  g_autofree char *first_text = NULL;
  GtkListBoxRow *row;
  guint n_before;

  gtk_widget_activate_action (GTK_WIDGET (view), "quiz.show-history", NULL);
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "history");
  n_before = wtw_quiz_history_chart_get_n_points (chart);
  g_assert_cmpuint (n_before, ==, 0);
  g_assert_true (gtk_widget_get_visible (child (view, "history_empty_label")));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "start");

  /* Completing the quiz saves the result with today's date. */
  click (child (view, "start_button"));
  answer_by_keys (view, G_MAXUINT, 0);
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "results");
  first = g_object_ref (wtw_quiz_session_get_result (sitting));
  g_assert_cmpstr (gtk_label_get_label (child (view, "results_date_label")), ==, today);
  g_assert_true (gtk_widget_get_visible (child (view, "see_history_button")));
  g_assert_cmpuint (wtw_quiz_history_chart_get_n_points (chart), ==, 1);
  check_chart_matches (chart, 0, first);

  /* A second, different result: the chart runs oldest to newest. */
  click (child (view, "again_button"));
  answer_by_keys (view, G_MAXUINT, 4);
  second = g_object_ref (wtw_quiz_session_get_result (sitting));
  click (child (view, "see_history_button"));
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "history");
  g_assert_false (gtk_widget_get_visible (child (view, "history_empty_label")));
  g_assert_cmpuint (wtw_quiz_history_chart_get_n_points (chart), ==, 2);
  check_chart_matches (chart, 0, first);
  check_chart_matches (chart, 1, second);
  g_assert_cmpint (wtw_quiz_history_chart_get_time (chart, 0), <=,
                   wtw_quiz_history_chart_get_time (chart, 1));

  /* The chart says its values in words. */
  first_text = g_strdup_printf ("Communication: %d on ", wtw_quiz_result_get_score (first, 0));
  g_assert_nonnull (strstr (wtw_quiz_history_chart_get_summary (chart), first_text));
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       wtw_quiz_history_chart_get_summary (chart));

  /* Every result is listed, newest first; the older one opens read-only. */
  g_assert_cmpuint (count_children (child (view, "history_list")), ==, 2);
  row = gtk_list_box_get_row_at_index (child (view, "history_list"), 1);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "quiz.open-result");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "results");
  g_assert_cmpstr (gtk_label_get_label (child (view, "results_title_label")), ==, "Past Results");
  g_assert_false (gtk_widget_get_visible (child (view, "again_button")));
  g_assert_true (gtk_widget_get_visible (child (view, "results_back_button")));
  g_assert_cmpint (wtw_quiz_chart_get_value (child (view, "chart"), 0), ==,
                   wtw_quiz_result_get_score (first, 0));
  g_assert_cmpint (wtw_quiz_chart_get_value (child (view, "chart"), 3), ==,
                   wtw_quiz_result_get_score (first, 3));
  /* Answering keys do nothing on a past result. */
  g_assert_false (press_key (GTK_WIDGET (view), GDK_KEY_3, 0) &&
                  g_strcmp0 (wtw_quiz_view_get_page (view), "results") != 0);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "history");

  /* And all of it is still there after a lock. */
  lock_and_unlock ();
  g_assert_cmpuint (wtw_quiz_history_chart_get_n_points (chart), ==, 2);
  check_chart_matches (chart, 0, first);
  check_chart_matches (chart, 1, second);
}

static void
test_one_member (Fixture       *fixture,
                 gconstpointer  data)
{
  WtwQuizView *view = fixture->view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "quiz.show-partners", NULL));
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "partners");
  g_assert_nonnull (strstr (gtk_label_get_label (child (view, "partners_status_label")),
                            "once a partner is added (Preferences → Partners)"));
  g_assert_false (gtk_widget_get_visible (child (view, "comparison_list")));
  g_assert_false (gtk_widget_get_visible (child (view, "talk_box")));
  g_assert_false (gtk_widget_get_visible (child (view, "member_label")));
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
switched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  wtw_session_switch_member_finish (WTW_SESSION (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

static void
test_two_members (Fixture       *fixture,
                  gconstpointer  data)
{
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  WtwQuizView *view = fixture->view;
  WtwVault *vault = wtw_session_get_vault (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwQuizResult) alex = NULL;
  g_autofree char *spoken = NULL;
  g_autoptr(WtwQuizDimension) dimension = NULL;
  WtwQuizResult *sam;
  GtkWidget *chapters;
  char *recovery = NULL;
  gboolean switched = FALSE;
  int widest = -1, widest_gap = -1;

  /* Alex's latest result, from the history. */
  {
    g_autoptr(GObject) record = NULL;
    GListModel *history = wtw_quiz_history_chart_get_history (child (view, "history_chart"));

    record = g_list_model_get_item (history, 0);
    alex = wtw_quiz_record_score (WTW_QUIZ_RECORD (record), wtw_content_get_quiz (content), &error);
    g_assert_no_error (error);
  }

  wtw_vault_add_member (vault, "Sam", PARTNER_PASSPHRASE, &floor, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  /* Sam takes over the open vault and takes the quiz under their name. */
  wtw_session_switch_member_async (session, PARTNER_PASSPHRASE, NULL, switched_cb, &switched);
  wtw_test_iterate_until (is_true, &switched);
  g_assert_cmpstr (wtw_vault_get_member_name (vault), ==, "Sam");
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "start");
  g_assert_cmpstr (gtk_label_get_label (child (view, "member_label")), ==, "Answering as Sam");
  g_assert_true (gtk_widget_get_visible (child (view, "member_label")));
  g_assert_cmpuint (wtw_quiz_history_chart_get_n_points (child (view, "history_chart")), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (view), "quiz.show-partners", NULL);
  g_assert_nonnull (strstr (gtk_label_get_label (child (view, "partners_status_label")),
                            "Alex has taken the quiz"));
  g_assert_false (gtk_widget_get_visible (child (view, "comparison_list")));
  press_key (GTK_WIDGET (view), GDK_KEY_Left, GDK_ALT_MASK);

  click (child (view, "start_button"));
  answer_by_keys (view, G_MAXUINT, 0);
  sam = wtw_quiz_session_get_result (wtw_quiz_view_get_quiz_session (view));
  g_assert_nonnull (sam);

  gtk_widget_activate_action (GTK_WIDGET (view), "quiz.show-partners", NULL);
  g_assert_cmpstr (wtw_quiz_view_get_page (view), ==, "partners");
  g_assert_true (gtk_widget_get_visible (child (view, "comparison_list")));
  g_assert_cmpuint (count_children (child (view, "comparison_list")), ==, 4);

  for (guint d = 0; d < 4; d++)
    {
      g_autoptr(WtwQuizDimension) dim =
        g_list_model_get_item (wtw_quiz_get_dimensions (wtw_content_get_quiz (content)), d);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (view, "comparison_list"), d);
      int mine = wtw_quiz_result_get_score (sam, d);
      int theirs = wtw_quiz_result_get_score (alex, d);
      g_autofree char *label = g_strdup_printf ("%s: Sam %d, Alex %d, a gap of %d",
                                                wtw_quiz_dimension_get_name (dim),
                                                mine, theirs, ABS (mine - theirs));

      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      if (ABS (mine - theirs) > widest_gap)
        {
          widest_gap = ABS (mine - theirs);
          widest = d;
        }
    }
  g_assert_cmpint (widest_gap, >, 0);

  /* The talk starts at the widest gap, with its chapters. */
  dimension = g_list_model_get_item (wtw_quiz_get_dimensions (wtw_content_get_quiz (content)),
                                     widest);
  spoken = g_strdup_printf ("furthest apart in %s, %d point", wtw_quiz_dimension_get_name (dimension),
                            widest_gap);
  g_assert_true (gtk_widget_get_visible (child (view, "talk_box")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (view, "talk_label")), spoken));
  chapters = child (view, "talk_chapters_box");
  g_assert_cmpuint (count_children (chapters), ==,
                    g_strv_length ((GStrv) wtw_quiz_dimension_get_chapters (dimension)));
  g_ptr_array_set_size (opened_chapters, 0);
  click (gtk_widget_get_first_child (chapters));
  g_assert_cmpuint (opened_chapters->len, ==, 1);
  g_assert_cmpstr (opened_chapters->pdata[0], ==, wtw_quiz_dimension_get_chapters (dimension)[0]);
}

/* Alex again, with three older results and a sitting half done, so the
 * pictures have a history to draw and a quiz to resume. */
static void
test_seed_pictures (void)
{
  g_autoptr(WtwQuizHistory) history = wtw_quiz_history_new (wtw_session_get_vault (session));
  g_autoptr(WtwQuizSession) partial = wtw_quiz_session_new (wtw_content_get_quiz (content));
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean switched = FALSE;

  wtw_session_switch_member_async (session, WTW_TEST_PASSPHRASE, NULL, switched_cb, &switched);
  wtw_test_iterate_until (is_true, &switched);
  g_assert_cmpstr (wtw_vault_get_member_name (wtw_session_get_vault (session)), ==, "Alex");

  for (guint j = 0; j < 3; j++)
    {
      g_autoptr(WtwQuizSession) sitting = wtw_quiz_session_new (wtw_content_get_quiz (content));

      for (guint i = 0; !wtw_quiz_session_get_complete (sitting); i++)
        wtw_quiz_session_answer (sitting, CLAMP (1 + j + (i / 7 + i) % 3, 1, 5));
      g_assert_nonnull (wtw_quiz_history_add (history, sitting, now - (90 - 30 * j) * 86400,
                                              &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 7; i++)
    wtw_quiz_session_answer (partial, 3);
  g_assert_true (wtw_quiz_history_save_progress (history, partial, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  const char *page;
  int         width;
  gboolean    dark;
} Shot;

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *file = g_build_filename (dir, name, NULL);
  g_autoptr(GdkTexture) texture = wtw_test_render_widget (widget);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_assert_cmpuint (wtw_test_count_colors (texture), >, 16);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);
}

/* The history chart alone, drawn: lines in four colours over a grid. */
static void
test_chart_picture (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *chart = child (fixture->view, "history_chart");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "quiz.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "quiz.show-history", NULL);
  settle (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (wtw_quiz_history_chart_get_n_points (WTW_QUIZ_HISTORY_CHART (chart)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (chart), >, 150);
  save_png (chart, "quiz-history-chart.png");
}

static void
test_screenshot (gconstpointer data)
{
  const Shot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture fixture = { 0 };
  GtkAdjustment *adjustment;
  g_autofree char *stem = g_strndup (shot->name, strlen (shot->name) - strlen (".png"));
  double value = 0;

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
  new_view (&fixture, shot->width, 1000);
  if (g_str_equal (shot->page, "history"))
    gtk_widget_activate_action (GTK_WIDGET (fixture.view), "quiz.show-history", NULL);
  else if (g_str_equal (shot->page, "partners"))
    gtk_widget_activate_action (GTK_WIDGET (fixture.view), "quiz.show-partners", NULL);
  else if (g_str_equal (shot->page, "results"))
    {
      /* The latest result, opened from the history. */
      GListModel *history = wtw_quiz_history_chart_get_history (child (fixture.view,
                                                                       "history_chart"));
      g_autoptr(GObject) record = g_list_model_get_item (history, 0);

      gtk_widget_activate_action (GTK_WIDGET (fixture.view), "quiz.open-result", "x",
                                  wtw_quiz_record_get_id (WTW_QUIZ_RECORD (record)));
    }
  g_assert_cmpstr (wtw_quiz_view_get_page (fixture.view), ==, shot->page);
  settle (GTK_WIDGET (fixture.window));
  g_assert_cmpint (adw_style_manager_get_dark (style), ==, shot->dark);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture.window)), <=, shot->width + 1);

  if (g_str_equal (shot->page, "start"))
    {
      g_autofree char *resume = g_strdup_printf ("_Resume (7 of %u answered)",
                                                 wtw_quiz_session_get_n_items (
                                                   wtw_quiz_view_get_quiz_session (fixture.view)));

      g_assert_cmpstr (gtk_button_get_label (child (fixture.view, "start_button")), ==, resume);
      save_png (GTK_WIDGET (fixture.window), shot->name);
      close_view (&fixture);
      return;
    }

  {
    g_autofree char *scroller = g_strdup_printf ("%s_scroller", shot->page);

    adjustment = gtk_scrolled_window_get_vadjustment (child (fixture.view, scroller));
  }
  for (guint part = 1; ; part++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.png", stem, part);
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, MIN (value, end));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture.window));
      save_png (GTK_WIDGET (fixture.window), name);
      if (value >= end)
        break;
      value += gtk_adjustment_get_page_size (adjustment) * 0.9;
      g_assert_cmpuint (part, <, 10);
    }

  close_view (&fixture);
}

static const Shot shots[] = {
  { "quiz-start-resume-wide-light.png", "start", 1000, FALSE },
  { "quiz-start-resume-narrow-dark.png", "start", 360, TRUE },
  { "quiz-past-results-wide-light.png", "results", 1000, FALSE },
  { "quiz-past-results-narrow-dark.png", "results", 360, TRUE },
  { "quiz-history-wide-light.png", "history", 1000, FALSE },
  { "quiz-history-wide-dark.png", "history", 1000, TRUE },
  { "quiz-history-narrow-light.png", "history", 360, FALSE },
  { "quiz-history-narrow-dark.png", "history", 360, TRUE },
  { "quiz-partners-wide-light.png", "partners", 1000, FALSE },
  { "quiz-partners-wide-dark.png", "partners", 1000, TRUE },
  { "quiz-partners-narrow-light.png", "partners", 360, FALSE },
  { "quiz-partners-narrow-dark.png", "partners", 360, TRUE },
};

#define add_test(path, func) \
  g_test_add ("/wtw/quiz-history-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  content = wtw_content_new_for_languages ((const char * const []) { "en", NULL }, &error);
  g_assert_no_error (error);
  wtw_test_app_create_vault (app);
  session = wtw_application_get_session (app);
  opened_chapters = g_ptr_array_new_with_free_func (g_free);

  add_test ("1-resume", test_resume);
  add_test ("2-history", test_history);
  add_test ("3-one-member", test_one_member);
  add_test ("4-two-members", test_two_members);
  g_test_add_func ("/wtw/quiz-history-view/5-seed-pictures", test_seed_pictures);
  add_test ("6-chart-picture", test_chart_picture);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/quiz-history-view/7-screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_screenshot);
    }

  ret = g_test_run ();

  g_ptr_array_unref (opened_chapters);
  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
