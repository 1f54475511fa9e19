/* test-workbook-screenshot.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the workbook to PNG files in the build tree: a chapter's
 * explanation, its scripts, the safety note and a step of the guided
 * conversation, the reflection prompts with both partners' answers (one of
 * them private) and the chapter list with progress, light and dark, wide
 * and narrow. They are for people to
 * look at; the test only proves that something real was drawn and that
 * nothing is wider than the window.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-chapter-page.h"
#include "wtw-content.h"
#include "wtw-exercise-page.h"
#include "wtw-exercise-timer-private.h"
#include "wtw-session.h"
#include "wtw-test-app.h"
#include "wtw-vault-workbook.h"
#include "wtw-workbook-test-util.h"
#include "wtw-workbook-view.h"

#define CHILD(widget, type, name) wtw_workbook_test_child (widget, type, name)

static WtwApplication *app;
static WtwContent *content;
static WtwSession *session;

typedef struct {
  const char *name;
  const char *part;
  int         width;
  int         height;
  gboolean    dark;
} Shot;

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint
count_distinct_colors (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize)width * height);
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *)pixels, width * 4);
  for (gsize i = 0; i < (gsize)width * height; i += 7)
    g_hash_table_add (colors, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colors);
}

static void
show_part (GtkWidget  *view,
           const char *part)
{
  static gint64 now = 1000 * G_USEC_PER_SEC;
  WtwChapterPage *chapter_page = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_page");
  WtwExercisePage *exercise_page = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "exercise_page");
  WtwWorkbookView *workbook = WTW_WORKBOOK_VIEW (view);

  if (g_str_has_suffix (part, "-vault"))
    wtw_workbook_view_set_session (workbook, session);
  if (g_str_equal (part, "list-vault"))
    {
      wtw_workbook_progress_set_reading_seconds (wtw_workbook_view_get_progress (workbook), 60);
      g_assert_true (wtw_workbook_view_open_chapter (workbook, "always-and-never"));
      g_assert_true (gtk_widget_activate_action (view, "workbook.back", NULL));
      return;
    }

  g_assert_true (wtw_workbook_view_open_chapter (workbook, "feelings-not-thoughts"));

  if (g_str_equal (part, "reflect-vault"))
    {
      wtw_chapter_page_set_visible_part (chapter_page, "reflect");
      return;
    }

  if (g_str_equal (part, "list"))
    {
      g_assert_true (gtk_widget_activate_action (view, "workbook.back", NULL));
      return;
    }

  if (!g_str_has_prefix (part, "exercise"))
    {
      wtw_chapter_page_set_visible_part (chapter_page, part);
      return;
    }

  g_assert_true (gtk_widget_activate_action (view, "workbook.start-exercise", NULL));
  if (g_str_equal (part, "exercise-safety"))
    return;

  gtk_editable_set_text (CHILD (exercise_page, WTW_TYPE_EXERCISE_PAGE, "partner_a_row"), "Sam");
  gtk_editable_set_text (CHILD (exercise_page, WTW_TYPE_EXERCISE_PAGE, "partner_b_row"), "Alex");
  _wtw_exercise_timer_set_clock (wtw_exercise_page_get_timer (exercise_page),
                                 wtw_workbook_test_fake_clock, &now);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (exercise_page), "exercise.begin", NULL));

  if (g_str_equal (part, "exercise-finished"))
    {
      while (g_strcmp0 (wtw_exercise_page_get_stage (exercise_page), "finished") != 0)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (exercise_page),
                                                   "exercise.skip", NULL));
      return;
    }

  /* The second step: a speaker, a listener, a little time gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (exercise_page), "exercise.skip", NULL));
  now += 17 * G_USEC_PER_SEC;
  _wtw_exercise_timer_tick (wtw_exercise_page_get_timer (exercise_page));
}

static void
test_screenshot (gconstpointer data)
{
  const Shot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWindow *window;
  GtkWidget *view;

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = wtw_workbook_test_window_new (content, shot->width, shot->height, &view);
  show_part (view, shot->part);
  wtw_workbook_test_settle (GTK_WIDGET (window));
  if (g_str_equal (shot->part, "reflect-vault"))
    {
      /* Down to where both partners' answers to the first question show. */
      GtkWidget *prompts = CHILD (CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_page"),
                                  WTW_TYPE_CHAPTER_PAGE, "prompts_box");
      GtkWidget *scroller = gtk_widget_get_ancestor (prompts, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (adj, shot->width < 600 ? 330 : 230);
      wtw_workbook_test_settle (GTK_WIDGET (window));
    }

  g_assert_cmpint (adw_style_manager_get_dark (style), ==, shot->dark);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, shot->width + 1);

  texture = render_widget (GTK_WIDGET (window));
  g_assert_cmpint (gdk_texture_get_width (texture), >=, shot->width * 9 / 10);
  g_assert_cmpuint (count_distinct_colors (texture), >, 16);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  file = g_build_filename (dir, shot->name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);

  gtk_window_destroy (window);
}

static const Shot shots[] = {
  { "workbook-explanation-wide-light.png", "explanation", 1000, 720, FALSE },
  { "workbook-explanation-wide-dark.png", "explanation", 1000, 720, TRUE },
  { "workbook-explanation-narrow-light.png", "explanation", 360, 720, FALSE },
  { "workbook-explanation-narrow-dark.png", "explanation", 360, 720, TRUE },
  { "workbook-scripts-wide-light.png", "scripts", 1000, 720, FALSE },
  { "workbook-scripts-wide-dark.png", "scripts", 1000, 720, TRUE },
  { "workbook-scripts-narrow-light.png", "scripts", 360, 720, FALSE },
  { "workbook-scripts-narrow-dark.png", "scripts", 360, 720, TRUE },
  { "workbook-reflect-wide-light.png", "reflect", 1000, 720, FALSE },
  { "workbook-conversation-narrow-dark.png", "conversation", 360, 720, TRUE },
  { "workbook-list-narrow-light.png", "list", 360, 720, FALSE },
  { "workbook-safety-wide-light.png", "exercise-safety", 1000, 720, FALSE },
  { "workbook-safety-narrow-dark.png", "exercise-safety", 360, 720, TRUE },
  { "workbook-step-wide-light.png", "exercise-step", 1000, 720, FALSE },
  { "workbook-step-wide-dark.png", "exercise-step", 1000, 720, TRUE },
  { "workbook-step-narrow-light.png", "exercise-step", 360, 720, FALSE },
  { "workbook-step-narrow-dark.png", "exercise-step", 360, 720, TRUE },
  { "workbook-finished-wide-light.png", "exercise-finished", 1000, 720, FALSE },
  { "workbook-conversation-wide-light.png", "conversation", 1000, 720, FALSE },
  { "workbook-answers-wide-light.png", "reflect-vault", 1000, 720, FALSE },
  { "workbook-answers-wide-dark.png", "reflect-vault", 1000, 720, TRUE },
  { "workbook-answers-narrow-light.png", "reflect-vault", 360, 720, FALSE },
  { "workbook-answers-narrow-dark.png", "reflect-vault", 360, 720, TRUE },
  { "workbook-progress-narrow-light.png", "list-vault", 360, 720, FALSE },
  { "workbook-progress-wide-dark.png", "list-vault", 1000, 720, TRUE },
};

static void
answer (WtwVault   *vault,
        const char *prompt_id,
        const char *text,
        gboolean    is_private)
{
  g_autoptr(GError) error = NULL;

  wtw_vault_reflection_set (vault, "feelings-not-thoughts", prompt_id, text, is_private, &error);
  g_assert_no_error (error);
}

/* Alex and Sam share a vault; each answered the chapter's first prompts,
 * Sam kept one answer private. Alex is the one who looks. */
static void
fill_vault (void)
{
  static const WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  WtwChapter *chapter = wtw_content_lookup_chapter (content, "feelings-not-thoughts");
  GListModel *prompts = wtw_chapter_get_prompts (chapter);
  g_autoptr(WtwPrompt) p0 = g_list_model_get_item (prompts, 0);
  g_autoptr(WtwPrompt) p1 = g_list_model_get_item (prompts, 1);
  g_autoptr(GError) error = NULL;
  WtwVault *vault;
  char *recovery = NULL;

  session = wtw_application_get_session (app);
  wtw_test_app_create_vault (app);
  vault = wtw_session_get_vault (session);
  answer (vault, wtw_prompt_get_id (p0),
          "When Sam is late I say “you never think of me”, when what I feel is "
          "worried, and then a little hurt.", FALSE);
  wtw_vault_add_member (vault, "Sam", "tiled roof, sunny morning", &floor, &recovery,
                        NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  g_assert_true (wtw_vault_switch_member (vault, "tiled roof, sunny morning", NULL, &error));
  answer (vault, wtw_prompt_get_id (p0),
          "I hear blame, so I explain the traffic instead of saying sorry.", FALSE);
  answer (vault, wtw_prompt_get_id (p1), "Something I am not ready to share yet.", TRUE);
  g_assert_true (wtw_vault_switch_member (vault, WTW_TEST_PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  wtw_vault_progress_set (vault, "feelings-not-thoughts", 1, TRUE, &error);
  wtw_vault_progress_set (vault, "feelings-not-thoughts", 2, TRUE, &error);
  wtw_vault_progress_set (vault, "always-and-never", 1, TRUE, &error);
  g_assert_no_error (error);
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
  fill_vault ();

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/workbook-screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_screenshot);
    }

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
