/* test-workbook-vault.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook view with a vault behind it: answers typed into a chapter's
 * prompts reach the vault after a quiet second (fake clock) or when the
 * session locks, parts done show as dots in the chapter list, "Continue"
 * goes back to the last place, a finished conversation is kept with
 * what each partner noticed, and "Write in Journal" on a prompt opens the
 * journal on an entry linked to it. Everything is checked by reading the
 * vault back through the store.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "wtw-autosave-private.h"
#include "wtw-chapter-page.h"
#include "wtw-chapter-row.h"
#include "wtw-content.h"
#include "wtw-exercise-page.h"
#include "wtw-exercise-timer-private.h"
#include "wtw-journal-view.h"
#include "wtw-main-page.h"
#include "wtw-session.h"
#include "wtw-test-app.h"
#include "wtw-vault-workbook.h"
#include "wtw-window.h"
#include "wtw-workbook-test-util.h"
#include "wtw-workbook-view.h"

#define CHILD(widget, type, name) wtw_workbook_test_child (widget, type, name)
#define CHAPTER "always-and-never"

static WtwApplication *app;
static WtwContent *content;
static WtwSession *session;

static WtwVault *
vault (void)
{
  WtwVault *v = wtw_session_get_vault (session);

  g_assert_nonnull (v);
  return v;
}

static gboolean
session_is_unlocked (gpointer data)
{
  return wtw_session_get_state (data) == WTW_SESSION_STATE_UNLOCKED && !wtw_session_get_busy (data);
}

static void
unlock (void)
{
  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL, NULL, NULL);
  wtw_test_iterate_until (session_is_unlocked, session);
}

static GtkWindow *
window_new (int         width,
            GtkWidget **view)
{
  GtkWindow *window = wtw_workbook_test_window_new (content, width, 720, view);

  wtw_workbook_view_set_session (WTW_WORKBOOK_VIEW (*view), session);
  return window;
}

static WtwChapterPage *
chapter_page_of (GtkWidget *view)
{
  return CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_page");
}

static const char *
first_prompt_id (void)
{
  WtwChapter *chapter = wtw_content_lookup_chapter (content, CHAPTER);
  g_autoptr(WtwPrompt) prompt = g_list_model_get_item (wtw_chapter_get_prompts (chapter), 0);

  return wtw_prompt_get_id (prompt);
}

/* The first editable text view under @widget, depth first. */
static GtkTextView *
find_text_view (GtkWidget *widget,
                gboolean   editable)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)) == editable)
    return GTK_TEXT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child, editable);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkTextView *
first_answer_view (GtkWidget *view)
{
  GtkWidget *prompts = CHILD (chapter_page_of (view), WTW_TYPE_CHAPTER_PAGE, "prompts_box");
  GtkTextView *text = find_text_view (prompts, TRUE);

  g_assert_nonnull (text);
  return text;
}

static char *
stored_answer (const char *prompt_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReflection) r = wtw_vault_reflection_get (vault (), CHAPTER, prompt_id,
                                                         wtw_vault_get_member_id (vault ()),
                                                         &error);

  if (r == NULL)
    {
      g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
      return NULL;
    }
  return g_strdup (r->body);
}

static void
test_answer_autosave (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (1000, &view);
  WtwChapterPage *page = chapter_page_of (view);
  GtkLabel *saved = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "saved_label");
  WtwAutosave *autosave;
  GtkTextBuffer *buffer;
  gint64 now = 1;
  char *text;

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  wtw_chapter_page_set_visible_part (page, "reflect");
  wtw_workbook_test_settle (GTK_WIDGET (window));

  /* The current member's answer is editable; alone in the vault, there is
   * nobody to keep it private from. */
  g_assert_nonnull (wtw_chapter_page_get_sheet (page));
  g_assert_false (wtw_reflection_sheet_get_can_be_private (wtw_chapter_page_get_sheet (page)));
  autosave = wtw_reflection_sheet_get_autosave (wtw_chapter_page_get_sheet (page));
  _wtw_autosave_set_clock (autosave, wtw_workbook_test_fake_clock, &now);
  buffer = gtk_text_view_get_buffer (first_answer_view (view));
  g_assert_cmpstr (gtk_label_get_text (saved), ==, "");

  /* Typing, with pauses shorter than a second: nothing is written yet. */
  gtk_text_buffer_insert_at_cursor (buffer, "When I hear always, ", -1);
  now += 700 * 1000;
  _wtw_autosave_tick (autosave);
  gtk_text_buffer_insert_at_cursor (buffer, "I stop listening.", -1);
  now += 999 * 1000;
  _wtw_autosave_tick (autosave);
  g_assert_null (stored_answer (first_prompt_id ()));
  g_assert_cmpstr (gtk_label_get_text (saved), ==, "");

  /* A quiet second later it is in the vault, and the page says so. */
  now += 1 * 1000;
  _wtw_autosave_tick (autosave);
  text = stored_answer (first_prompt_id ());
  g_assert_cmpstr (text, ==, "When I hear always, I stop listening.");
  g_free (text);
  g_assert_cmpstr (gtk_label_get_text (saved), ==, "Saved");

  /* Moving to another part saves at once, without waiting. */
  gtk_text_buffer_insert_at_cursor (buffer, " Then I get loud.", -1);
  g_assert_cmpstr (gtk_label_get_text (saved), ==, "");
  wtw_chapter_page_set_visible_part (page, "conversation");
  text = stored_answer (first_prompt_id ());
  g_assert_cmpstr (text, ==, "When I hear always, I stop listening. Then I get loud.");
  g_free (text);

  /* A new view (as after a restart) shows the answer again. */
  gtk_window_destroy (window);
  window = window_new (1000, &view);
  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  buffer = gtk_text_view_get_buffer (first_answer_view (view));
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "When I hear always, I stop listening. Then I get loud.");
  }
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_window_destroy (window);
  /* Dropping the view saved the emptied answer. */
  g_assert_null (stored_answer (first_prompt_id ()));
}

static void
test_answer_flush_on_lock (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (1000, &view);
  WtwChapterPage *page = chapter_page_of (view);
  gint64 now = 1;
  g_autofree char *text = NULL;

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  wtw_chapter_page_set_visible_part (page, "reflect");
  wtw_workbook_test_settle (GTK_WIDGET (window));
  _wtw_autosave_set_clock (wtw_reflection_sheet_get_autosave (wtw_chapter_page_get_sheet (page)),
                           wtw_workbook_test_fake_clock, &now);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (first_answer_view (view)),
                            "Typed just before the lock", -1);

  /* Locking comes before the quiet second: the answer is saved anyway. */
  wtw_session_lock (session);
  g_assert_null (wtw_session_get_vault (session));
  unlock ();
  text = stored_answer (first_prompt_id ());
  g_assert_cmpstr (text, ==, "Typed just before the lock");

  gtk_window_destroy (window);
}

static WtwChapterRow *
row_for (GtkWidget  *view,
         const char *chapter_id)
{
  GtkListBox *list = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "chapter_list");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (WTW_IS_CHAPTER_ROW (row)
        && g_str_equal (wtw_chapter_get_id (wtw_chapter_row_get_chapter (WTW_CHAPTER_ROW (row))),
                        chapter_id))
      return WTW_CHAPTER_ROW (row);
  g_assert_not_reached ();
}

static void
test_progress_dots (void)
{
  GtkWidget *view;
  GtkWindow *window;
  WtwChapterPage *page;
  WtwWorkbookProgress *progress;
  WtwChapterRow *row;
  GtkWidget *dots;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adj;
  g_autoptr(GError) error = NULL;

  /* Without a vault, no dots. */
  window = wtw_workbook_test_window_new (content, 1000, 720, &view);
  row = row_for (view, CHAPTER);
  g_assert_cmpint (wtw_chapter_row_get_parts (row), ==, -1);
  g_assert_false (gtk_widget_get_visible (CHILD (row, WTW_TYPE_CHAPTER_ROW, "parts_box")));

  wtw_workbook_view_set_session (WTW_WORKBOOK_VIEW (view), session);
  progress = wtw_workbook_view_get_progress (WTW_WORKBOOK_VIEW (view));
  page = chapter_page_of (view);
  dots = CHILD (row, WTW_TYPE_CHAPTER_ROW, "parts_box");
  g_assert_true (gtk_widget_get_visible (dots));
  g_assert_cmpint (wtw_chapter_row_get_parts (row), ==, 0);
  gtk_test_accessible_assert_property (dots, GTK_ACCESSIBLE_PROPERTY_LABEL, "0 of 4 parts done");

  /* The explanation counts as read once its end has been on screen for
   * the reading time (none here). */
  wtw_workbook_progress_set_reading_seconds (progress, 0);
  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_false (wtw_workbook_progress_is_done (progress, CHAPTER,
                                                 WTW_WORKBOOK_PART_EXPLANATION));
  scroller = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "explanation_scroller");
  adj = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_true (wtw_workbook_progress_is_done (progress, CHAPTER,
                                                WTW_WORKBOOK_PART_EXPLANATION));
  g_assert_cmpint (wtw_vault_progress_get (vault (), CHAPTER, wtw_vault_get_member_id (vault ()),
                                           &error), ==, 0x1);

  /* The dots follow: two parts now. */
  g_assert_true (wtw_workbook_progress_set_done (progress, CHAPTER,
                                                 WTW_WORKBOOK_PART_CONVERSATION, TRUE, &error));
  g_assert_cmpint (wtw_chapter_row_get_parts (row), ==, 0x9);
  gtk_test_accessible_assert_property (dots, GTK_ACCESSIBLE_PROPERTY_LABEL, "2 of 4 parts done");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (dots), "done"));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_next_sibling (
                                              gtk_widget_get_first_child (dots)), "done"));

  /* With a real reading time, being at the end is not enough. */
  wtw_workbook_progress_set_reading_seconds (progress, 60);
  wtw_chapter_page_set_visible_part (page, "scripts");
  scroller = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "scripts_scroller");
  adj = gtk_scrolled_window_get_vadjustment (scroller);
  wtw_workbook_test_settle (GTK_WIDGET (window));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wtw_workbook_test_settle (GTK_WIDGET (window));
  g_assert_false (wtw_workbook_progress_is_done (progress, CHAPTER, WTW_WORKBOOK_PART_SCRIPTS));

  gtk_window_destroy (window);
  /* Leave the vault as we found it for the other tests. */
  for (guint part = 1; part <= 4; part++)
    wtw_vault_progress_set (vault (), CHAPTER, part, FALSE, NULL);
}

static void
test_continue (void)
{
  GtkWidget *view;
  GtkWindow *window = window_new (1000, &view);
  WtwChapterPage *page = chapter_page_of (view);
  GtkWidget *continue_button = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "continue_button");
  GtkLabel *continue_subtitle = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "continue_subtitle");
  WtwChapter *chapter = wtw_content_lookup_chapter (content, CHAPTER);
  g_autofree char *expected = g_strdup_printf ("Chapter %u · Reflect",
                                               wtw_chapter_get_number (chapter));
  g_autofree char *stored = NULL;
  guint part = 0;

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  wtw_chapter_page_set_visible_part (page, "reflect");
  g_assert_true (wtw_vault_get_last_place (vault (), &stored, &part, NULL));
  g_assert_cmpstr (stored, ==, CHAPTER);
  g_assert_cmpuint (part, ==, WTW_WORKBOOK_PART_REFLECT);
  gtk_window_destroy (window);

  /* After a restart the view opens on the first chapter, which is not a
   * place: the last place is still the one chosen, and Continue goes there. */
  window = window_new (1000, &view);
  page = chapter_page_of (view);
  continue_button = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "continue_button");
  continue_subtitle = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "continue_subtitle");
  g_assert_cmpstr (wtw_chapter_get_id (wtw_workbook_view_get_chapter (WTW_WORKBOOK_VIEW (view))),
                   !=, CHAPTER);
  g_assert_true (gtk_widget_get_visible (continue_button));
  g_assert_cmpstr (gtk_label_get_text (continue_subtitle), ==, expected);
  g_assert_true (gtk_widget_activate_action (view, "workbook.continue", NULL));
  g_assert_cmpstr (wtw_chapter_get_id (wtw_workbook_view_get_chapter (WTW_WORKBOOK_VIEW (view))),
                   ==, CHAPTER);
  g_assert_cmpstr (wtw_chapter_page_get_visible_part (page), ==, "reflect");

  gtk_window_destroy (window);
}

static void
test_exercise_saved (void)
{
  static gint64 now = 1000 * G_USEC_PER_SEC;
  GtkWidget *view;
  GtkWindow *window = window_new (1000, &view);
  WtwChapterPage *page = chapter_page_of (view);
  WtwExercisePage *exercise = CHILD (view, WTW_TYPE_WORKBOOK_VIEW, "exercise_page");
  WtwWorkbookProgress *progress = wtw_workbook_view_get_progress (WTW_WORKBOOK_VIEW (view));
  GtkListBox *conversations = CHILD (page, WTW_TYPE_CHAPTER_PAGE, "conversations_list");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  WtwExerciseRecord *record;
  guint before;

  g_assert_true (wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (view), CHAPTER));
  records = wtw_vault_exercise_list (vault (), CHAPTER, &error);
  before = records->len;
  g_clear_pointer (&records, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (view, "workbook.start-exercise", NULL));
  gtk_editable_set_text (CHILD (exercise, WTW_TYPE_EXERCISE_PAGE, "partner_a_row"), "Sam");
  gtk_editable_set_text (CHILD (exercise, WTW_TYPE_EXERCISE_PAGE, "partner_b_row"), "Alex");
  _wtw_exercise_timer_set_clock (wtw_exercise_page_get_timer (exercise),
                                 wtw_workbook_test_fake_clock, &now);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (exercise), "exercise.begin", NULL));
  while (g_strcmp0 (wtw_exercise_page_get_stage (exercise), "finished") != 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (exercise), "exercise.skip", NULL));

  /* Finished: the conversation is in the vault already, and the part done. */
  records = wtw_vault_exercise_list (vault (), CHAPTER, &error);
  g_assert_cmpuint (records->len, ==, before + 1);
  record = records->pdata[0];
  g_assert_cmpstr (record->name_a, ==, "Sam");
  g_assert_cmpstr (record->name_b, ==, "Alex");
  g_assert_cmpint (record->finished, >=, record->started);
  g_assert_null (record->notes_a);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_assert_true (wtw_workbook_progress_is_done (progress, CHAPTER,
                                                WTW_WORKBOOK_PART_CONVERSATION));
  g_assert_cmpstr (gtk_label_get_text (CHILD (exercise, WTW_TYPE_EXERCISE_PAGE,
                                              "notes_heading_a")), ==, "What did Sam notice?");

  /* What each noticed is kept when they are done. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (CHILD (exercise, WTW_TYPE_EXERCISE_PAGE,
                                                             "notes_view_a")),
                            "I wanted to interrupt twice.", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (CHILD (exercise, WTW_TYPE_EXERCISE_PAGE,
                                                             "notes_view_b")),
                            "Being listened to felt new.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (exercise), "exercise.stop", NULL));
  records = wtw_vault_exercise_list (vault (), CHAPTER, &error);
  record = records->pdata[0];
  g_assert_cmpstr (record->notes_a, ==, "I wanted to interrupt twice.");
  g_assert_cmpstr (record->notes_b, ==, "Being listened to felt new.");

  /* The conversation part lists it. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (conversations)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (conversations, (int) before));
  g_assert_true (ADW_IS_EXPANDER_ROW (gtk_list_box_get_row_at_index (conversations, 0)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (
                     ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (conversations, 0))),
                   ==, "Sam and Alex");

  gtk_window_destroy (window);
}

/* The "Write in Journal" button under @widget, depth first. */
static GtkWidget *
find_journal_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "win.journal-from-prompt") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_journal_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
journal_entry_saved (gpointer editor)
{
  return wtw_journal_editor_get_saved (editor) && wtw_journal_editor_get_entry_id (editor) > 0;
}

/* From a chapter's prompt to the journal, in the whole window: the entry
 * begun there names the chapter and the prompt, and keeps them once it is
 * in the vault. */
static void
test_write_in_journal (void)
{
  WtwWindow *window = wtw_window_new (app);
  WtwChapter *chapter = wtw_content_lookup_chapter (content, CHAPTER);
  GListModel *prompts = wtw_chapter_get_prompts (chapter);
  g_autoptr(WtwPrompt) prompt = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  WtwMainPage *main_page;
  WtwChapterPage *page;
  WtwJournalView *journal;
  WtwJournalEditor *editor;
  GtkWidget *card, *button, *link;
  GtkTextBuffer *buffer;
  const char *label;
  gint64 id;

  /* The second question, so the button cannot just stand for the first. */
  g_assert_cmpuint (g_list_model_get_n_items (prompts), >=, 2);
  prompt = g_list_model_get_item (prompts, 1);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
  wtw_test_iterate_until (wtw_test_is_mapped, window);
  main_page = wtw_window_get_main_page (window);
  g_assert_nonnull (main_page);
  g_assert_true (wtw_main_page_open_chapter (main_page, CHAPTER));
  page = chapter_page_of (adw_bin_get_child (CHILD (main_page, WTW_TYPE_MAIN_PAGE,
                                                    "workbook_bin")));
  wtw_chapter_page_set_visible_part (page, "reflect");
  wtw_workbook_test_settle (GTK_WIDGET (window));

  /* Each question has its button, named for the question. */
  card = gtk_widget_get_first_child (CHILD (page, WTW_TYPE_CHAPTER_PAGE, "prompts_box"));
  card = gtk_widget_get_next_sibling (card);
  g_assert_nonnull (card);
  button = find_journal_button (card);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  description = g_strdup_printf ("Write in your journal about: %s", wtw_prompt_get_text (prompt));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       description);

  g_assert_true (gtk_widget_activate (button));
  wtw_workbook_test_settle (GTK_WIDGET (window));

  /* The journal is on show, writing a new entry from that prompt. */
  g_assert_cmpstr (wtw_main_page_get_visible_view (main_page), ==, "journal");
  g_assert_cmpstr (wtw_window_get_visible_view (window), ==, "journal");
  journal = WTW_JOURNAL_VIEW (adw_bin_get_child (CHILD (main_page, WTW_TYPE_MAIN_PAGE,
                                                        "journal_bin")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (journal)));
  editor = wtw_journal_view_get_editor (journal);
  g_assert_true (wtw_journal_editor_get_active (editor));
  g_assert_cmpint (wtw_journal_editor_get_entry_id (editor), ==, 0);
  g_assert_cmpstr (wtw_journal_editor_get_chapter_id (editor), ==, CHAPTER);
  g_assert_cmpstr (wtw_journal_editor_get_prompt_id (editor), ==, wtw_prompt_get_id (prompt));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (CHILD (journal, WTW_TYPE_JOURNAL_VIEW,
                                                            "editor_stack")), ==, "edit");
  g_assert_true (gtk_widget_get_mapped (CHILD (journal, WTW_TYPE_JOURNAL_VIEW, "body_view")));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                 == CHILD (journal, WTW_TYPE_JOURNAL_VIEW, "body_view"));

  /* Its link names the chapter and the prompt. */
  link = CHILD (journal, WTW_TYPE_JOURNAL_VIEW, "prompt_link_button");
  g_assert_true (gtk_widget_get_mapped (link));
  label = gtk_label_get_label (CHILD (journal, WTW_TYPE_JOURNAL_VIEW, "prompt_link_label"));
  g_assert_nonnull (strstr (label, wtw_chapter_get_title (chapter)));
  g_assert_nonnull (strstr (label, wtw_prompt_get_text (prompt)));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                                           GTK_ACTIONABLE (link)), NULL), ==, CHAPTER);

  /* Written, saved by itself, and left: the vault keeps the link. */
  wtw_journal_editor_set_autosave_delay (editor, 100);
  buffer = gtk_text_view_get_buffer (CHILD (journal, WTW_TYPE_JOURNAL_VIEW, "body_view"));
  gtk_text_buffer_insert_at_cursor (buffer, "Saying never made it sound hopeless.", -1);
  wtw_test_iterate_until (journal_entry_saved, editor);
  id = wtw_journal_editor_get_entry_id (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "workbook"));
  gtk_window_destroy (GTK_WINDOW (window));

  entry = wtw_vault_journal_get (vault (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->chapter_id, ==, CHAPTER);
  g_assert_cmpstr (entry->prompt_id, ==, wtw_prompt_get_id (prompt));
  g_assert_cmpstr (entry->title, ==, wtw_prompt_get_text (prompt));
  g_assert_cmpstr (entry->body, ==, "Saying never made it sound hopeless.");
  g_assert_true (wtw_vault_journal_delete (vault (), id, NULL));
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
  session = wtw_application_get_session (app);
  wtw_test_app_create_vault (app);

  g_test_add_func ("/wtw/workbook-vault/answer-autosave", test_answer_autosave);
  g_test_add_func ("/wtw/workbook-vault/answer-flush-on-lock", test_answer_flush_on_lock);
  g_test_add_func ("/wtw/workbook-vault/progress-dots", test_progress_dots);
  g_test_add_func ("/wtw/workbook-vault/continue", test_continue);
  g_test_add_func ("/wtw/workbook-vault/exercise-saved", test_exercise_saved);
  g_test_add_func ("/wtw/workbook-vault/write-in-journal", test_write_in_journal);

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);

  return ret;
}
