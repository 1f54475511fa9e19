/* test-quiz-screenshot.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the quiz view to PNG files in the build tree: the start page, a
 * question and the results, light and dark, wide and narrow. They are for
 * people to look at; the test only proves that something real was drawn
 * and that nothing is wider than the window.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-quiz-view.h"
#include "wtw-test-app.h"

static WtwApplication *app;
static WtwContent *content;

typedef struct {
  const char *name;
  const char *page;
  int         width;
  int         height;
  gboolean    dark;
} Shot;

static void
settle (GtkWidget *widget)
{
  gint64 deadline;

  wtw_test_iterate_until (wtw_test_is_mapped, widget);
  gtk_test_widget_wait_for_draw (widget);

  /* Let style transitions (dark switch) and the page crossfade finish. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* Answers every statement with a spread of values, so the results have
 * scores apart from each other and some insights. */
static void
answer_all (WtwQuizView *view)
{
  WtwQuizSession *session = wtw_quiz_view_get_quiz_session (view);
  static const guint answers[] = { 4, 5, 2, 3, 4, 1, 3 };

  while (g_strcmp0 (wtw_quiz_view_get_page (view), "question") == 0)
    {
      guint position = wtw_quiz_session_get_position (session);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "quiz.answer", "u",
                                                 answers[(position * 3 + position / 7) % 7]));
    }
}

static void
save_texture (GtkWidget  *window,
              const Shot *shot,
              const char *dir,
              const char *name)
{
  g_autoptr(GdkTexture) texture = wtw_test_render_widget (window);
  g_autofree char *file = g_build_filename (dir, name, NULL);

  g_assert_cmpint (gdk_texture_get_width (texture), >=, shot->width * 9 / 10);
  g_assert_cmpuint (wtw_test_count_colors (texture), >, 16);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);
}

/* The results are taller than any screen: they are saved a screenful at a
 * time, "-1.png" at the top down to the end, so all of them can be seen. */
static void
save_pages (GtkWidget  *window,
            GtkWidget  *view,
            const Shot *shot,
            const char *dir)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  g_autofree char *stem = NULL;
  double value = 0.0;

  if (!g_str_equal (shot->page, "results"))
    {
      save_texture (window, shot, dir, shot->name);
      return;
    }

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (view, WTW_TYPE_QUIZ_VIEW,
                                                                 "results_scroller"));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  stem = g_strndup (shot->name, strlen (shot->name) - strlen (".png"));

  for (guint part = 1; ; part++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.png", stem, part);
      double end = gtk_adjustment_get_upper (adjustment)
                   - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, MIN (value, end));
      gtk_test_widget_wait_for_draw (window);
      save_texture (window, shot, dir, name);

      if (value >= end)
        break;
      value += gtk_adjustment_get_page_size (adjustment) * 0.9;
      g_assert_cmpuint (part, <, 10);
    }
}

static void
test_screenshot (gconstpointer data)
{
  const Shot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_chapter = g_simple_action_new ("open-chapter",
                                                               G_VARIANT_TYPE_STRING);
  GtkWidget *window, *box, *header, *view;

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);

  view = wtw_quiz_view_new ();
  wtw_quiz_view_set_quiz (WTW_QUIZ_VIEW (view), wtw_content_get_quiz (content));
  wtw_quiz_view_set_chapters (WTW_QUIZ_VIEW (view), wtw_content_get_chapters (content));
  gtk_widget_set_vexpand (view, TRUE);

  header = adw_header_bar_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);

  window = adw_window_new ();
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  /* The main window's action, so the chapter buttons look as they will. */
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open_chapter));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_window_set_title (GTK_WINDOW (window), "Quiz");
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), shot->width, shot->height);

  if (!g_str_equal (shot->page, "start"))
    g_assert_true (gtk_widget_activate_action (view, "quiz.start", NULL));
  if (g_str_equal (shot->page, "question"))
    {
      /* The third statement, with the second answered. */
      gtk_widget_activate_action (view, "quiz.answer", "u", 4);
      gtk_widget_activate_action (view, "quiz.answer", "u", 2);
      gtk_widget_activate_action (view, "quiz.back", NULL);
    }
  else if (g_str_equal (shot->page, "results"))
    answer_all (WTW_QUIZ_VIEW (view));
  g_assert_cmpstr (wtw_quiz_view_get_page (WTW_QUIZ_VIEW (view)), ==, shot->page);

  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  g_assert_cmpint (adw_style_manager_get_dark (style), ==, shot->dark);

  /* Nothing asks for more width than a phone has. */
  g_assert_cmpint (gtk_widget_get_width (window), <=, shot->width + 1);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  save_pages (window, view, shot, dir);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const Shot shots[] = {
  { "quiz-start-wide-light.png", "start", 960, 1000, FALSE },
  { "quiz-start-narrow-dark.png", "start", 360, 1000, TRUE },
  { "quiz-start-wide-dark.png", "start", 960, 1000, TRUE },
  { "quiz-start-narrow-light.png", "start", 360, 1000, FALSE },
  { "quiz-question-wide-light.png", "question", 960, 700, FALSE },
  { "quiz-question-wide-dark.png", "question", 960, 700, TRUE },
  { "quiz-question-narrow-light.png", "question", 360, 700, FALSE },
  { "quiz-question-narrow-dark.png", "question", 360, 700, TRUE },
  { "quiz-results-wide-light.png", "results", 960, 1000, FALSE },
  { "quiz-results-wide-dark.png", "results", 960, 1000, TRUE },
  { "quiz-results-narrow-light.png", "results", 360, 1000, FALSE },
  { "quiz-results-narrow-dark.png", "results", 360, 1000, TRUE },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  content = wtw_content_new_for_languages ((const char * const []) { "en", NULL }, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/quiz-screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_screenshot);
    }

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
