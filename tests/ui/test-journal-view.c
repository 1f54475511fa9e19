/* test-journal-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal view on a real vault: writing an entry that saves itself,
 * searching, deleting with undo or with the undo let go, the prompt of the
 * day, and another member's private entry, which shows no text anywhere.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-chapter.h"
#include "wtw-content.h"
#include "wtw-journal-entry-row.h"
#include "wtw-journal-view.h"
#include "wtw-secure.h"
#include "wtw-session.h"
#include "wtw-test-app.h"

#define SAM_PASSPHRASE "tiled roof, sunny morning, two cats"

static WtwApplication *app;
static WtwSession *session;
static WtwContent *content;

typedef struct
{
  GtkWidget      *window;
  WtwJournalView *view;
} Fixture;

static gpointer
child (gpointer    view,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (view, WTW_TYPE_JOURNAL_VIEW, name);

  g_assert_nonnull (found);
  return found;
}

static WtwVault *
vault (void)
{
  WtwVault *v = wtw_session_get_vault (session);

  g_assert_nonnull (v);
  return v;
}

static gint64
vault_count (void)
{
  return wtw_vault_journal_count (vault (), NULL);
}

static void
clear_journal (void)
{
  g_autoptr(GPtrArray) entries = wtw_vault_journal_list (vault (), 0, 0, NULL);

  for (guint i = 0; i < entries->len; i++)
    g_assert_true (wtw_vault_journal_delete (vault (),
                                             ((WtwJournalEntry *) entries->pdata[i])->id, NULL));
}

static gint64
add_entry (const char *title,
           const char *body,
           gint64      created,
           gboolean    is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->created = created;
  entry->is_private = is_private;
  wtw_vault_journal_insert (vault (), entry, &error);
  g_assert_no_error (error);
  return entry->id;
}

static void
iterate_for (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  if (data == NULL)
    clear_journal ();
  fx->view = WTW_JOURNAL_VIEW (wtw_journal_view_new (session, wtw_content_get_chapters (content)));
  fx->window = adw_window_new ();
  gtk_window_set_application (GTK_WINDOW (fx->window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1000, 700);
  adw_window_set_content (ADW_WINDOW (fx->window), GTK_WIDGET (fx->view));
  gtk_window_present (GTK_WINDOW (fx->window));
  wtw_test_iterate_until (wtw_test_is_mapped, fx->view);
  gtk_test_widget_wait_for_draw (fx->window);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fx->view), (gpointer *) &fx->view);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  iterate_for (50);
  g_assert_null (fx->view);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (WTW_IS_JOURNAL_ENTRY_ROW (c) && wtw_journal_entry_row_get_item (WTW_JOURNAL_ENTRY_ROW (c)))
        g_ptr_array_add (rows, c);
      collect_rows (c, rows);
    }
}

/* The text a person sees in a row, all its visible labels. */
static char *
row_text (GtkWidget *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, row);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (!gtk_widget_get_visible (w))
        continue;
      if (GTK_IS_LABEL (w))
        g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (w)));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GPtrArray *
shown_rows (Fixture *fx)
{
  GPtrArray *rows = g_ptr_array_new ();

  gtk_test_widget_wait_for_draw (fx->window);
  collect_rows (child (fx->view, "list_view"), rows);
  return rows;
}

static guint
n_listed (Fixture *fx)
{
  return g_list_model_get_n_items (G_LIST_MODEL (wtw_journal_view_get_model (fx->view)));
}

static gboolean
editor_saved (gpointer data)
{
  return wtw_journal_editor_get_saved (data);
}

static void
type_body (Fixture    *fx,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (fx->view, "body_view"));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static GtkLabel *
find_label_with_markup (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (c) && gtk_widget_get_visible (c) && gtk_label_get_use_markup (GTK_LABEL (c)))
        return GTK_LABEL (c);
      if ((found = find_label_with_markup (c)) != NULL)
        return found;
    }
  return NULL;
}

static gpointer
find_labelled (GtkWidget  *widget,
               const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      gpointer found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_labelled (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_create (Fixture       *fx,
             gconstpointer  data)
{
  WtwJournalEditor *editor = wtw_journal_view_get_editor (fx->view);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(WtwJournalEntry) saved = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "list_stack")), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.new", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "editor_stack")), ==, "edit");
  g_assert_true (gtk_widget_has_focus (child (fx->view, "body_view")));

  wtw_journal_editor_set_autosave_delay (editor, 200);
  gtk_editable_set_text (child (fx->view, "title_entry"), "A walk by the water");
  type_body (fx, "We talked about ");
  type_body (fx, "the move, calmly.");
  g_assert_cmpuint (wtw_journal_editor_get_word_count (editor), ==, 6);
  g_assert_cmpint (vault_count (), ==, 0);

  /* Autosave: nothing to press. */
  wtw_test_iterate_until (editor_saved, editor);
  g_assert_cmpint (vault_count (), ==, 1);
  saved = wtw_vault_journal_get (vault (), wtw_journal_editor_get_entry_id (editor), NULL);
  g_assert_cmpstr (saved->body, ==, "We talked about the move, calmly.");
  g_assert_nonnull (strstr (gtk_label_get_label (child (fx->view, "status_label")), "Saved"));

  /* The list shows it, selected. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "list_stack")), ==, "list");
  rows = shown_rows (fx);
  g_assert_cmpuint (rows->len, ==, 1);
  text = row_text (rows->pdata[0]);
  g_assert_nonnull (strstr (text, "A walk by the water"));
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_list_view_get_model (child (fx->view, "list_view")))),
                    ==, 0);

  /* A mood from its button, a tag typed and added with Enter. */
  gtk_toggle_button_set_active (find_labelled (child (fx->view, "mood_flow"), "Calm"), TRUE);
  gtk_editable_set_text (child (fx->view, "tag_entry"), "walks");
  g_signal_emit_by_name (child (fx->view, "tag_entry"), "activate");
  g_assert_cmpstr (wtw_journal_editor_get_mood (editor), ==, "calm");
  g_assert_cmpstr (wtw_journal_editor_get_tags (editor)[0], ==, "walks");
  g_assert_cmpstr (gtk_editable_get_text (child (fx->view, "tag_entry")), ==, "");
  wtw_test_iterate_until (editor_saved, editor);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  rows = shown_rows (fx);
  text = row_text (rows->pdata[0]);
  g_assert_nonnull (strstr (text, "Calm  #walks"));
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkLabel *excerpt;

  add_entry ("Sunday", "We walked to the harbor & back <slowly>.", 1718452800, FALSE);
  add_entry ("Monday", "Work was long.", 1718539200, FALSE);
  add_entry ("Tuesday", "Dinner together.", 1718625600, FALSE);
  wtw_journal_model_reload (wtw_journal_view_get_model (fx->view));
  g_assert_cmpuint (n_listed (fx), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (child (fx->view, "search_bar")));
  g_assert_true (gtk_widget_has_focus (child (fx->view, "search_entry"))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fx->window)),
                                            child (fx->view, "search_entry")));

  gtk_editable_set_text (child (fx->view, "search_entry"), "harb");
  /* Results follow typing after the entry's short pause. */
  g_assert_cmpuint (n_listed (fx), ==, 3);
  iterate_for (400);
  g_assert_cmpuint (n_listed (fx), ==, 1);

  rows = shown_rows (fx);
  g_assert_cmpuint (rows->len, ==, 1);
  excerpt = find_label_with_markup (rows->pdata[0]);
  g_assert_nonnull (excerpt);
  /* The match in bold, the rest of the text escaped. */
  g_assert_nonnull (strstr (gtk_label_get_label (excerpt), "<b>harbor</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (excerpt), "&amp; back &lt;slowly&gt;"));

  gtk_editable_set_text (child (fx->view, "search_entry"), "nothing-like-this");
  iterate_for (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "list_stack")), ==,
                   "no-results");

  /* Escape (stop-search) closes the bar and shows everything again. */
  g_signal_emit_by_name (child (fx->view, "search_entry"), "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (child (fx->view, "search_bar")));
  g_assert_cmpuint (n_listed (fx), ==, 3);
}

static gint64
select_first (Fixture *fx)
{
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (child (fx->view, "list_view")));
  WtwJournalItem *item;

  gtk_single_selection_set_selected (selection, 0);
  item = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (item);
  g_assert_cmpint (wtw_journal_editor_get_entry_id (wtw_journal_view_get_editor (fx->view)), ==,
                   wtw_journal_item_get_id (item));
  gtk_widget_grab_focus (child (fx->view, "list_view"));
  return wtw_journal_item_get_id (item);
}

static void
test_delete_undo (Fixture       *fx,
                  gconstpointer  data)
{
  gint64 id;

  add_entry ("Keep me", "Almost lost.", 1718452800, FALSE);
  add_entry ("Other", "Stays.", 1718000000, FALSE);
  wtw_journal_model_reload (wtw_journal_view_get_model (fx->view));
  id = select_first (fx);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.delete", NULL));
  /* Hidden at once, still in the vault while undo is offered. */
  g_assert_cmpuint (n_listed (fx), ==, 1);
  g_assert_cmpint (vault_count (), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "editor_stack")), ==, "none");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.undo-delete", "x", id));
  g_assert_cmpuint (n_listed (fx), ==, 2);
  g_assert_cmpint (vault_count (), ==, 2);

  /* The toast goes away in its own time; the entry stays. */
  iterate_for (1500);
  g_assert_cmpint (vault_count (), ==, 2);
  g_assert_nonnull (wtw_vault_journal_get (vault (), id, NULL));
}

/* GTK 4 has no way to synthesize a key press: find the shortcut bound to
 * @keyval on @widget and activate it as a key press would. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    widget, NULL);
        }
    }
  g_assert_true (pressed);
}

static gboolean
one_left (gpointer data)
{
  return vault_count () == 1;
}

static void
test_delete_timeout (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(WtwJournalEntry) gone = NULL;
  GtkWidget *list_view = child (fx->view, "list_view");
  gint64 id;

  add_entry ("Let go", "Delete me.", 1718452800, FALSE);
  add_entry ("Other", "Stays.", 1718000000, FALSE);
  wtw_journal_model_reload (wtw_journal_view_get_model (fx->view));
  wtw_journal_view_set_undo_timeout (fx->view, 1);
  id = select_first (fx);

  /* The Delete key, in the list. */
  g_assert_true (gtk_widget_has_focus (list_view)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fx->window)), list_view));
  press_key (list_view, GDK_KEY_Delete);
  g_assert_cmpuint (n_listed (fx), ==, 1);
  g_assert_cmpint (vault_count (), ==, 2);

  wtw_test_iterate_until (one_left, NULL);
  gone = wtw_vault_journal_get (vault (), id, NULL);
  g_assert_null (gone);
  g_assert_cmpuint (n_listed (fx), ==, 1);
}

static void
test_prompt_of_the_day (Fixture       *fx,
                        gconstpointer  data)
{
  WtwJournalEditor *editor = wtw_journal_view_get_editor (fx->view);
  GtkWidget *button = child (fx->view, "prompt_button");
  GtkLabel *prompt = child (fx->view, "prompt_label");
  g_autofree char *label = NULL;
  GVariant *target;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "list_stack")), ==, "empty");
  g_assert_true (gtk_widget_get_visible (button));
  label = g_strdup (gtk_label_get_label (prompt));
  g_assert_cmpuint (strlen (label), >, 10);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_nonnull (strchr (g_variant_get_string (target, NULL), '/'));

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (wtw_journal_editor_get_title (editor), ==, label);
  g_assert_nonnull (wtw_journal_editor_get_chapter_id (editor));
  g_assert_cmpstr (gtk_editable_get_text (child (fx->view, "title_entry")), ==, label);
  /* Only the prompt: nothing written, nothing saved. */
  wtw_journal_editor_close (editor);
  g_assert_cmpint (vault_count (), ==, 0);
}

/* An entry begun from a prompt, reopened from the vault, shows where it came
 * from and links to the chapter. */
static void
test_prompt_link (Fixture       *fx,
                  gconstpointer  data)
{
  WtwJournalEditor *editor = wtw_journal_view_get_editor (fx->view);
  g_autoptr(WtwChapter) chapter = g_list_model_get_item (wtw_content_get_chapters (content), 0);
  WtwPrompt *prompt = g_list_model_get_item (wtw_chapter_get_prompts (chapter), 0);
  GtkWidget *link = child (fx->view, "prompt_link_button");
  g_autofree char *target = g_strdup_printf ("%s/%s", wtw_chapter_get_id (chapter),
                                             wtw_prompt_get_id (prompt));
  const char *label;
  GVariant *value;

  g_assert_false (gtk_widget_get_visible (link));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.new-from-prompt",
                                             "s", target));
  g_assert_true (gtk_widget_get_visible (link));
  wtw_journal_editor_set_autosave_delay (editor, 100);
  type_body (fx, "An answer to the prompt.");
  wtw_test_iterate_until (editor_saved, editor);
  wtw_journal_editor_close (editor);
  g_assert_false (gtk_widget_get_visible (link));

  /* Opened again from the list, as read from the vault. */
  gtk_single_selection_set_selected (
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (child (fx->view, "list_view"))),
    GTK_INVALID_LIST_POSITION);
  select_first (fx);
  g_assert_true (gtk_widget_get_visible (link));
  label = gtk_label_get_label (child (fx->view, "prompt_link_label"));
  g_assert_true (g_str_has_prefix (label, "From: "));
  g_assert_nonnull (strstr (label, wtw_chapter_get_title (chapter)));
  g_assert_nonnull (strstr (label, wtw_prompt_get_text (prompt)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (link)), ==, "win.open-chapter");
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (link));
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, wtw_chapter_get_id (chapter));
  g_object_unref (prompt);
}

static void
pick_day (Fixture    *fx,
          const char *calendar,
          int         year,
          int         month,
          int         day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

  gtk_calendar_select_day (child (fx->view, calendar), date);
}

/* "Between Dates": two calendars; whole days, both ends included. */
static void
test_date_range (Fixture       *fx,
                 gconstpointer  data)
{
  GtkDropDown *period = child (fx->view, "period_filter");
  GtkMenuButton *from = child (fx->view, "range_from_button");
  GtkMenuButton *to = child (fx->view, "range_to_button");
  g_autoptr(GDateTime) june_10 = g_date_time_new_local (2024, 6, 10, 9, 0, 0);
  g_autoptr(GDateTime) june_15 = g_date_time_new_local (2024, 6, 15, 23, 30, 0);
  g_autoptr(GDateTime) june_20 = g_date_time_new_local (2024, 6, 20, 0, 0, 0);

  add_entry ("Tenth", "Early.", g_date_time_to_unix (june_10), FALSE);
  add_entry ("Fifteenth", "Late at night.", g_date_time_to_unix (june_15), FALSE);
  add_entry ("Twentieth", "At midnight.", g_date_time_to_unix (june_20), FALSE);
  wtw_journal_model_reload (wtw_journal_view_get_model (fx->view));
  g_assert_cmpuint (n_listed (fx), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.search", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (child (fx->view, "range_revealer")));
  gtk_drop_down_set_selected (period, 4);
  g_assert_true (gtk_revealer_get_reveal_child (child (fx->view, "range_revealer")));
  /* It starts as the past month: none of these. */
  g_assert_cmpuint (n_listed (fx), ==, 0);

  pick_day (fx, "range_from_calendar", 2024, 6, 12);
  g_assert_cmpstr (gtk_menu_button_get_label (from), ==, "From 12 June 2024");
  g_assert_cmpuint (n_listed (fx), ==, 2);
  pick_day (fx, "range_to_calendar", 2024, 6, 15);
  g_assert_cmpstr (gtk_menu_button_get_label (to), ==, "To 15 June 2024");
  g_assert_cmpuint (n_listed (fx), ==, 1);
  pick_day (fx, "range_from_calendar", 2024, 6, 10);
  g_assert_cmpuint (n_listed (fx), ==, 2);

  /* A start after the end takes the end along. */
  pick_day (fx, "range_from_calendar", 2024, 6, 20);
  g_assert_cmpstr (gtk_menu_button_get_label (to), ==, "To 20 June 2024");
  g_assert_cmpuint (n_listed (fx), ==, 1);
  /* An end before the start takes the start along. */
  pick_day (fx, "range_to_calendar", 2024, 6, 9);
  g_assert_cmpstr (gtk_menu_button_get_label (from), ==, "From 9 June 2024");
  g_assert_cmpuint (n_listed (fx), ==, 0);

  gtk_drop_down_set_selected (period, 0);
  g_assert_false (gtk_revealer_get_reveal_child (child (fx->view, "range_revealer")));
  g_assert_cmpuint (n_listed (fx), ==, 3);
}

static void
test_sealed (Fixture       *fx,
             gconstpointer  data)
{
  static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  char *recovery = NULL;
  GtkTextBuffer *buffer;
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  /* Alex's private entry, then the view as Sam sees it. */
  add_entry ("Only mine", "A private sentence about the harbor.", 1718452800, TRUE);
  wtw_vault_add_member (vault (), "Sam", SAM_PASSPHRASE, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_vault_switch_member (vault (), SAM_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  wtw_journal_model_reload (wtw_journal_view_get_model (fx->view));

  rows = shown_rows (fx);
  g_assert_cmpuint (rows->len, ==, 1);
  text = row_text (rows->pdata[0]);
  g_assert_nonnull (strstr (text, "Private entry"));
  g_assert_null (strstr (text, "Only mine"));
  g_assert_null (strstr (text, "harbor"));

  select_first (fx);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx->view, "editor_stack")), ==, "sealed");
  g_assert_cmpstr (gtk_editable_get_text (child (fx->view, "title_entry")), ==, "");
  buffer = gtk_text_view_get_buffer (child (fx->view, "body_view"));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (body, ==, "");
  g_assert_false (gtk_widget_get_sensitive (child (fx->view, "delete_button")));

  /* Search finds nothing of it. */
  gtk_widget_activate_action (GTK_WIDGET (fx->view), "journal.search", NULL);
  gtk_editable_set_text (child (fx->view, "search_entry"), "harbor");
  iterate_for (400);
  g_assert_cmpuint (n_listed (fx), ==, 0);

  wtw_vault_switch_member (vault (), WTW_TEST_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
}

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

#define ADD(path, func) \
  g_test_add ("/wtw/journal-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-autosave", test_create);
  ADD ("search-shows-match", test_search);
  ADD ("delete-undo-restores", test_delete_undo);
  ADD ("delete-timeout-removes", test_delete_timeout);
  ADD ("prompt-of-the-day", test_prompt_of_the_day);
  ADD ("prompt-link-shown", test_prompt_link);
  ADD ("date-range-filters", test_date_range);
  ADD ("sealed-entry-shows-no-text", test_sealed);

#undef ADD

  ret = g_test_run ();

  g_object_unref (content);
  g_object_unref (app);
  return ret;
}
