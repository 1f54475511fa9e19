/* test-journal-screenshot.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the journal view to PNG files in the build tree: the list beside
 * an open entry, the narrow list, the narrow editor, the empty journal and a
 * search, light and dark. They are for people to look at; the test only
 * proves that something real was drawn and nothing is wider than the window.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-content.h"
#include "wtw-journal-view.h"
#include "wtw-test-app.h"

static WtwApplication *app;
static WtwSession *session;
static WtwContent *content;

typedef struct {
  const char *name;
  const char *page;
  int         width;
  int         height;
  gboolean    dark;
} Shot;

static const struct {
  const char *title;
  const char *body;
  const char *mood;
  const char *tag;
  gint64      created;
  gboolean    is_private;
} entries[] = {
  { "After the talk about money", "We used the timer this time. I said what I was afraid of "
    "instead of what I thought she was doing wrong, and she listened to the end.\n\n"
    "It was not easy. It was better.", "hopeful", "homework", 1718452800, FALSE },
  { NULL, "Tired tonight. Short answers again, and I noticed it this time.", "tired", NULL,
    1718380800, FALSE },
  { "Saturday morning", "Coffee on the balcony, no phones. We planned the trip together.",
    "joyful", "us", 1718020800, FALSE },
  { "What I did not say", "Kept for myself.", "sad", NULL, 1717934400, TRUE },
  { "Chapter 2, first question", "When do I feel heard? When she repeats back what I said "
    "before she answers.", "calm", "homework", 1716800000, FALSE },
  { "The dishes, again", "The same argument. I want to try the script from chapter 3.",
    "angry", NULL, 1716400000, FALSE },
};

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
fill_journal (gboolean with_entries)
{
  WtwVault *vault = wtw_session_get_vault (session);
  g_autoptr(GPtrArray) old = wtw_vault_journal_list (vault, 0, 0, NULL);

  for (guint i = 0; i < old->len; i++)
    wtw_vault_journal_delete (vault, ((WtwJournalEntry *) old->pdata[i])->id, NULL);
  for (guint i = 0; with_entries && i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
      const char *tags[] = { entries[i].tag, NULL };
      g_autoptr(GError) error = NULL;

      entry->title = g_strdup (entries[i].title);
      entry->body = g_strdup (entries[i].body);
      entry->mood = g_strdup (entries[i].mood);
      entry->created = entries[i].created;
      entry->is_private = entries[i].is_private;
      wtw_vault_journal_insert (vault, entry, &error);
      g_assert_no_error (error);
      if (!entry->is_private)
        wtw_vault_journal_set_tags (vault, entry->id, tags, &error);
      g_assert_no_error (error);
    }
}

static void
test_screenshot (gconstpointer data)
{
  const Shot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *window, *box, *view;
  GtkSingleSelection *selection;

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
  fill_journal (!g_str_equal (shot->page, "empty"));

  view = wtw_journal_view_new (session, wtw_content_get_chapters (content));
  gtk_widget_set_vexpand (view, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), view);
  window = adw_window_new ();
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "Journal");
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), shot->width, shot->height);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (gtk_widget_get_template_child (view, WTW_TYPE_JOURNAL_VIEW, "list_view"))));
  if (g_str_equal (shot->page, "editor"))
    {
      gtk_single_selection_set_selected (selection, 0);
    }
  else if (g_str_equal (shot->page, "narrow-editor"))
    {
      gtk_single_selection_set_selected (selection, 0);
    }
  else if (g_str_equal (shot->page, "search"))
    {
      gtk_widget_activate_action (view, "journal.search", NULL);
      gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (view,
                                                                          WTW_TYPE_JOURNAL_VIEW,
                                                                          "search_entry")),
                             "chapter");
    }
  settle (window);

  g_assert_cmpint (adw_style_manager_get_dark (style), ==, shot->dark);
  g_assert_cmpint (gtk_widget_get_width (window), <=, shot->width + 1);

  texture = wtw_test_render_widget (window);
  g_assert_cmpuint (wtw_test_count_colors (texture), >, 16);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  file = g_build_filename (dir, shot->name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Saved %s", file);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const Shot shots[] = {
  { "journal-wide-light.png", "editor", 1100, 720, FALSE },
  { "journal-wide-dark.png", "editor", 1100, 720, TRUE },
  { "journal-narrow-list-light.png", "list", 380, 720, FALSE },
  { "journal-narrow-list-dark.png", "list", 380, 720, TRUE },
  { "journal-narrow-editor-light.png", "narrow-editor", 380, 720, FALSE },
  { "journal-narrow-editor-dark.png", "narrow-editor", 380, 720, TRUE },
  { "journal-search-wide-light.png", "search", 1100, 720, FALSE },
  { "journal-empty-wide-dark.png", "empty", 1100, 720, TRUE },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  wtw_test_app_create_vault (app);
  session = wtw_application_get_session (app);
  content = wtw_content_new_for_languages ((const char * const []) { "en", NULL }, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wtw/journal-screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_screenshot);
    }

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);
  return ret;
}
