/* wtw-chapter-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-chapter-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wtw-chapter-page.h"
#include "wtw-reflection-sheet.h"
#include "wtw-script-pair-row.h"

/**
 * WtwChapterPage:
 *
 * One chapter of the workbook, its four parts as tabs: the explanation,
 * the scripts side by side, the questions to reflect on, and what the
 * guided conversation holds with a button to start it.
 *
 * The back button activates `workbook.back` and the start button
 * `workbook.start-exercise`, which #WtwWorkbookView provides.
 *
 * Given a #WtwWorkbookProgress (that is, a vault), each prompt gets a text
 * area for the current member's answer and shows what the other member
 * wrote (or that it is private); answers save themselves through a
 * #WtwReflectionSheet, and are flushed when the person moves to another
 * part or chapter. The page also decides when a reading part is done: its
 * end has been on screen and it has been on show for
 * #WtwWorkbookProgress:reading-seconds in one go. The conversation part
 * lists the couple's past conversations.
 *
 * With a vault, each prompt also has a "Write in Journal" button, which
 * activates `win.journal-from-prompt` with "chapter-id/prompt-id": the
 * journal opens on a new entry begun from the prompt and linked to the
 * chapter.
 */
struct _WtwChapterPage
{
  AdwBin        parent_instance;

  WtwChapter   *chapter;
  gboolean      show_back_button;

  guint         reading_width_source;

  WtwWorkbookProgress *progress;
  WtwReflectionSheet  *sheet;
  guint         reading_source;
  /* Indexed by WtwWorkbookPart: the explanation and the scripts. */
  gboolean      end_seen[WTW_WORKBOOK_PART_SCRIPTS + 1];
  gboolean      dwell_met[WTW_WORKBOOK_PART_SCRIPTS + 1];

  /* Template widgets */
  AdwClamp     *explanation_clamp;
  AdwClamp     *reflect_clamp;
  AdwClamp     *conversation_clamp;
  GtkWidget    *back_button;
  AdwViewStack *stack;
  GtkLabel     *explanation_chapter_label;
  GtkLabel     *scripts_chapter_label;
  GtkLabel     *reflect_chapter_label;
  GtkLabel     *conversation_chapter_label;
  GtkWidget    *explanation_box;
  GtkWidget    *scripts_box;
  GtkWidget    *prompts_box;
  GtkLabel     *exercise_title_label;
  GtkLabel     *exercise_summary_label;
  GtkLabel     *exercise_setup_label;
  GtkListBox   *exercise_steps_list;
  GtkScrolledWindow *explanation_scroller;
  GtkScrolledWindow *scripts_scroller;
  GtkLabel     *saved_label;
  GtkWidget    *conversations_heading;
  GtkListBox   *conversations_list;
};

G_DEFINE_FINAL_TYPE (WtwChapterPage, wtw_chapter_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHAPTER,
  PROP_SHOW_BACK_BUTTON,
  PROP_VISIBLE_PART,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A comfortable measure for reading: about 70 characters a line. The
 * templates use the same number. */
#define READING_WIDTH_CHARS 70

static const char * const parts[] = { "explanation", "scripts", "reflect", "conversation", NULL };

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
reading_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), READING_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "reading");

  return label;
}

static void
fill_explanation (WtwChapterPage *self)
{
  const char * const *paragraphs = wtw_chapter_get_explanation (self->chapter);

  remove_children (self->explanation_box);
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    gtk_box_append (GTK_BOX (self->explanation_box), reading_label_new (paragraphs[i]));
}

static void
fill_scripts (WtwChapterPage *self)
{
  GListModel *scripts = wtw_chapter_get_scripts (self->chapter);
  guint n = g_list_model_get_n_items (scripts);

  remove_children (self->scripts_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwScriptPair) pair = g_list_model_get_item (scripts, i);

      gtk_box_append (GTK_BOX (self->scripts_box), wtw_script_pair_row_new (pair));
    }
}

static void
on_answer_changed_cb (GtkTextBuffer      *buffer,
                      WtwReflectionSheet *sheet)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  wtw_reflection_sheet_set_text (sheet, g_object_get_data (G_OBJECT (buffer), "prompt-id"), text);
}

static void
on_private_toggled_cb (GtkCheckButton     *check,
                       WtwReflectionSheet *sheet)
{
  wtw_reflection_sheet_set_private (sheet, g_object_get_data (G_OBJECT (check), "prompt-id"),
                                    gtk_check_button_get_active (check));
}

static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* A text area a few lines high that grows with the answer; the reading
 * column around it keeps lines at a comfortable length. */
static GtkWidget *
answer_view_new (const char *text)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextView *text_view = GTK_TEXT_VIEW (view);

  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (text_view, FALSE);
  gtk_text_view_set_top_margin (text_view, 10);
  gtk_text_view_set_bottom_margin (text_view, 10);
  gtk_text_view_set_left_margin (text_view, 12);
  gtk_text_view_set_right_margin (text_view, 12);
  gtk_widget_set_size_request (view, -1, 110);
  gtk_widget_add_css_class (view, "answer-view");
  gtk_widget_add_css_class (view, "reading");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), text != NULL ? text : "", -1);
  return view;
}

/* Another member's answer: to read and copy from, not to change. */
static GtkWidget *
answer_text_new (const char *text)
{
  GtkWidget *label = reading_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "answer-text");
  return label;
}

static void
add_own_answer (WtwChapterPage *self,
                GtkWidget      *card,
                WtwPrompt      *prompt,
                guint           position)
{
  const char *id = wtw_prompt_get_id (prompt);
  const char *name = wtw_reflection_sheet_get_member_name (self->sheet);
  g_autofree char *heading = g_strdup_printf (_("Your answer, %s"), name ? name : "");
  g_autofree char *accessible = g_strdup_printf (_("Your answer to question %u"), position);
  GtkWidget *caption = caption_new (heading);
  GtkWidget *view = answer_view_new (wtw_reflection_sheet_get_text (self->sheet, id));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (buffer), "prompt-id", g_strdup (id), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_answer_changed_cb), self->sheet, 0);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_box_append (GTK_BOX (card), view);

  if (wtw_reflection_sheet_get_can_be_private (self->sheet))
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Keep private"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   wtw_reflection_sheet_get_private (self->sheet, id));
      gtk_widget_set_tooltip_text (check, _("Your partner will see that you answered, "
                                            "not what you wrote"));
      g_object_set_data_full (G_OBJECT (check), "prompt-id", g_strdup (id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_private_toggled_cb),
                               self->sheet, 0);
      gtk_box_append (GTK_BOX (card), check);
    }
}

static void
add_other_answer (WtwChapterPage *self,
                  GtkWidget      *card,
                  WtwReflection  *reflection)
{
  const char *name = wtw_reflection_sheet_lookup_name (self->sheet, reflection->member_id);
  /* TRANSLATORS: "Sam’s answer" */
  g_autofree char *heading = g_strdup_printf (_("%s’s answer"), name ? name : "");
  GtkWidget *caption = caption_new (heading);
  GtkWidget *answer;

  gtk_box_append (GTK_BOX (card), caption);
  if (reflection->sealed || reflection->body == NULL)
    {
      answer = gtk_label_new (reflection->sealed ? _("Private") : _("Not answered yet"));
      gtk_label_set_xalign (GTK_LABEL (answer), 0);
      gtk_widget_add_css_class (answer, "dim-label");
      if (reflection->sealed)
        gtk_widget_set_tooltip_text (answer, _("Only the one who wrote it can read it"));
    }
  else
    answer = answer_text_new (reflection->body);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (answer),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_box_append (GTK_BOX (card), answer);
}

/* Starts a journal entry from the prompt, keeping its link to the
 * chapter: the window's `win.journal-from-prompt` shows the journal. */
static GtkWidget *
journal_button_new (WtwChapterPage *self,
                    WtwPrompt      *prompt)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *target = g_strdup_printf ("%s/%s", wtw_chapter_get_id (self->chapter),
                                             wtw_prompt_get_id (prompt));
  /* Translators: the tooltip and accessible name of a reflection question's
   * "Write in Journal" button; %s is the question */
  g_autofree char *description = g_strdup_printf (_("Write in your journal about: %s"),
                                                  wtw_prompt_get_text (prompt));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "wtw-journal-symbolic");
  /* Translators: a button under a reflection question that starts a journal entry about it */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Write in Journal"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "journal-button");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.journal-from-prompt");
  return button;
}

static GtkWidget *
prompt_card_new (WtwChapterPage *self,
                 WtwPrompt      *prompt,
                 guint           position)
{
  g_autofree char *number = g_strdup_printf (_("Question %u"), position);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (number);
  GtkWidget *text = reading_label_new (wtw_prompt_get_text (prompt));
  GPtrArray *others;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "prompt-card");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), text);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  if (self->sheet == NULL)
    return card;

  add_own_answer (self, card, prompt, position);
  others = wtw_reflection_sheet_get_others (self->sheet, wtw_prompt_get_id (prompt));
  for (guint i = 0; others != NULL && i < others->len; i++)
    add_other_answer (self, card, others->pdata[i]);
  gtk_box_append (GTK_BOX (card), journal_button_new (self, prompt));

  return card;
}

static void
fill_prompts (WtwChapterPage *self)
{
  GListModel *prompts = wtw_chapter_get_prompts (self->chapter);
  guint n = g_list_model_get_n_items (prompts);

  remove_children (self->prompts_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwPrompt) prompt = g_list_model_get_item (prompts, i);

      gtk_box_append (GTK_BOX (self->prompts_box), prompt_card_new (self, prompt, i + 1));
    }
}

static char *
format_minutes (guint seconds)
{
  guint minutes = (seconds + 30) / 60;

  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", seconds),
                            seconds);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                          minutes);
}

static const char *
speaker_description (WtwSpeaker speaker)
{
  switch (speaker)
    {
    case WTW_SPEAKER_A:
      return _("Partner A speaks, Partner B listens");

    case WTW_SPEAKER_B:
      return _("Partner B speaks, Partner A listens");

    case WTW_SPEAKER_BOTH:
    default:
      return _("Together");
    }
}

static GtkWidget *
step_row_new (WtwExerciseStep *step)
{
  g_autofree char *length = format_minutes (wtw_exercise_step_get_seconds (step));
  const char *speaker = speaker_description (wtw_exercise_step_get_speaker (step));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", speaker, length);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wtw_exercise_step_get_title (step));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
fill_exercise (WtwChapterPage *self)
{
  WtwExercise *exercise = wtw_chapter_get_exercise (self->chapter);
  GListModel *steps = wtw_exercise_get_steps (exercise);
  guint n = g_list_model_get_n_items (steps);
  GtkWidget *row;
  g_autofree char *length = format_minutes (wtw_exercise_get_total_seconds (exercise));
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->exercise_title_label, wtw_exercise_get_title (exercise));
  gtk_label_set_text (self->exercise_setup_label, wtw_exercise_get_setup (exercise));

  /* TRANSLATORS: "About 12 minutes, for the two of you" */
  summary = g_strdup_printf (_("About %s, for the two of you"), length);
  gtk_label_set_text (self->exercise_summary_label, summary);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->exercise_steps_list))) != NULL)
    gtk_list_box_remove (self->exercise_steps_list, row);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwExerciseStep) step = g_list_model_get_item (steps, i);

      gtk_list_box_append (self->exercise_steps_list, step_row_new (step));
    }
  if (wtw_exercise_get_closing (exercise) != NULL)
    gtk_list_box_append (self->exercise_steps_list,
                         step_row_new (wtw_exercise_get_closing (exercise)));
}

static void
update_saved_label (WtwChapterPage *self)
{
  WtwAutosaveState state = WTW_AUTOSAVE_STATE_CLEAN;
  const char *text = "";

  if (self->sheet != NULL)
    state = wtw_autosave_get_state (wtw_reflection_sheet_get_autosave (self->sheet));
  if (state == WTW_AUTOSAVE_STATE_SAVED)
    text = _("Saved");
  else if (state == WTW_AUTOSAVE_STATE_FAILED)
    text = _("Not saved yet");
  gtk_label_set_text (self->saved_label, text);
}

static void
on_autosave_state_changed_cb (WtwChapterPage *self)
{
  update_saved_label (self);
}

static void
flush_answers (WtwChapterPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->sheet != NULL && !wtw_reflection_sheet_flush (self->sheet, &error))
    g_warning ("Could not save the answers: %s", error->message);
}

/* Saves what the old sheet holds before reading the chapter's answers
 * afresh; without a vault there is no sheet and the prompts stand alone. */
static void
update_sheet (WtwChapterPage *self)
{
  if (self->sheet != NULL)
    {
      flush_answers (self);
      g_signal_handlers_disconnect_by_data (wtw_reflection_sheet_get_autosave (self->sheet),
                                            self);
      g_clear_object (&self->sheet);
    }

  if (self->progress != NULL && self->chapter != NULL
      && wtw_workbook_progress_get_vault (self->progress) != NULL)
    {
      self->sheet = wtw_reflection_sheet_new (self->progress, self->chapter);
      g_signal_connect_object (wtw_reflection_sheet_get_autosave (self->sheet), "notify::state",
                               G_CALLBACK (on_autosave_state_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update_saved_label (self);
}

static char *
format_conversation_title (const WtwExerciseRecord *record)
{
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (record->started);
  /* TRANSLATORS: a date as in "Monday, 23 November 2026"; see g_date_time_format() */
  g_autofree char *date = g_date_time_format (started, _("%A, %e %B %Y"));

  if (record->finished > record->started)
    {
      guint seconds = (guint) (record->finished - record->started);
      g_autofree char *length = format_minutes (seconds);

      /* TRANSLATORS: "Monday, 23 November 2026 · 12 minutes" */
      return g_strdup_printf (_("%s · %s"), g_strstrip (date), length);
    }
  return g_strdup (g_strstrip (date));
}

static GtkWidget *
notes_row_new (const char *name,
               const char *notes)
{
  GtkWidget *row = adw_action_row_new ();
  /* TRANSLATORS: "What Sam noticed" */
  g_autofree char *title = g_strdup_printf (_("What %s noticed"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), notes);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
conversation_row_new (const WtwExerciseRecord *record)
{
  g_autofree char *title = format_conversation_title (record);
  const char *name_a = record->name_a != NULL ? record->name_a : _("Partner A");
  const char *name_b = record->name_b != NULL ? record->name_b : _("Partner B");
  /* TRANSLATORS: "Sam and Alex" */
  g_autofree char *subtitle = g_strdup_printf (_("%s and %s"), name_a, name_b);
  GtkWidget *row;

  if (record->notes_a == NULL && record->notes_b == NULL)
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      if (record->notes_a != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes_row_new (name_a, record->notes_a));
      if (record->notes_b != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes_row_new (name_b, record->notes_b));
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
fill_conversations (WtwChapterPage *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->conversations_list))) != NULL)
    gtk_list_box_remove (self->conversations_list, row);

  if (self->progress != NULL && self->chapter != NULL
      && wtw_workbook_progress_get_vault (self->progress) != NULL)
    {
      records = wtw_workbook_progress_list_conversations (self->progress,
                                                          wtw_chapter_get_id (self->chapter),
                                                          &error);
      if (records == NULL)
        g_warning ("Could not list the conversations: %s", error->message);
    }
  for (guint i = 0; records != NULL && i < records->len; i++)
    gtk_list_box_append (self->conversations_list, conversation_row_new (records->pdata[i]));

  gtk_widget_set_visible (self->conversations_heading, records != NULL && records->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conversations_list),
                          records != NULL && records->len > 0);
}

static void
on_conversations_changed_cb (WtwChapterPage      *self,
                             const char          *chapter_id,
                             WtwWorkbookProgress *progress)
{
  if (self->chapter != NULL && g_strcmp0 (chapter_id, wtw_chapter_get_id (self->chapter)) == 0)
    fill_conversations (self);
}

static GtkScrolledWindow *
reading_scroller (WtwChapterPage  *self,
                  WtwWorkbookPart  part)
{
  if (part == WTW_WORKBOOK_PART_EXPLANATION)
    return self->explanation_scroller;
  if (part == WTW_WORKBOOK_PART_SCRIPTS)
    return self->scripts_scroller;
  return NULL;
}

static WtwWorkbookPart
visible_part (WtwChapterPage *self)
{
  return wtw_workbook_part_from_name (wtw_chapter_page_get_visible_part (self));
}

static gboolean
scrolled_to_end (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
  double page = gtk_adjustment_get_page_size (adj);

  return page > 0 &&
         gtk_adjustment_get_value (adj) + page >= gtk_adjustment_get_upper (adj) - 2;
}

/* A reading part is done once its end has been on screen and it has been
 * on show for the reading time in one go. */
static void
check_reading (WtwChapterPage *self)
{
  g_autoptr(GError) error = NULL;
  WtwWorkbookPart part = visible_part (self);
  GtkScrolledWindow *scroller = reading_scroller (self, part);

  if (scroller == NULL || self->progress == NULL || self->chapter == NULL
      || wtw_workbook_progress_get_vault (self->progress) == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (scroller)) && scrolled_to_end (scroller))
    self->end_seen[part] = TRUE;
  if (self->end_seen[part] && self->dwell_met[part]
      && !wtw_workbook_progress_set_done (self->progress, wtw_chapter_get_id (self->chapter),
                                          part, TRUE, &error))
    g_warning ("Could not save the progress: %s", error->message);
}

static gboolean
on_reading_timeout_cb (gpointer user_data)
{
  WtwChapterPage *self = user_data;
  WtwWorkbookPart part = visible_part (self);

  self->reading_source = 0;
  if (reading_scroller (self, part) != NULL)
    self->dwell_met[part] = TRUE;
  check_reading (self);
  return G_SOURCE_REMOVE;
}

static void
start_reading (WtwChapterPage *self)
{
  WtwWorkbookPart part = visible_part (self);

  g_clear_handle_id (&self->reading_source, g_source_remove);
  if (reading_scroller (self, part) == NULL || self->progress == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->reading_source =
    g_timeout_add_seconds (wtw_workbook_progress_get_reading_seconds (self->progress),
                           on_reading_timeout_cb, self);
  check_reading (self);
}

static void
on_reading_adjustment_changed_cb (WtwChapterPage *self)
{
  check_reading (self);
}

static void
watch_reading (WtwChapterPage    *self,
               GtkScrolledWindow *scroller)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

  g_signal_connect_object (adj, "value-changed",
                           G_CALLBACK (on_reading_adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adj, "changed",
                           G_CALLBACK (on_reading_adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
update_chapter (WtwChapterPage *self)
{
  g_autofree char *caption = NULL;

  update_sheet (self);
  memset (self->end_seen, 0, sizeof self->end_seen);
  memset (self->dwell_met, 0, sizeof self->dwell_met);
  if (self->chapter == NULL)
    return;

  /* TRANSLATORS: "Chapter 3 · Staying Yourself Up Close" */
  caption = g_strdup_printf (_("Chapter %u · %s"),
                             wtw_chapter_get_number (self->chapter),
                             wtw_chapter_get_title (self->chapter));
  gtk_label_set_text (self->explanation_chapter_label, caption);
  gtk_label_set_text (self->scripts_chapter_label, caption);
  gtk_label_set_text (self->reflect_chapter_label, caption);
  gtk_label_set_text (self->conversation_chapter_label, caption);

  fill_explanation (self);
  fill_scripts (self);
  fill_prompts (self);
  fill_exercise (self);
  fill_conversations (self);
}

static void
on_stack_visible_child_name_changed_cb (WtwChapterPage *self,
                                        GParamSpec     *pspec,
                                        AdwViewStack   *stack)
{
  /* Leaving the answers is one of the moments they are saved. */
  flush_answers (self);
  start_reading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PART]);
}

static void
move_part (WtwChapterPage *self,
           int             delta)
{
  const char *current = wtw_chapter_page_get_visible_part (self);
  int n = (int)g_strv_length ((char **)parts);

  for (int i = 0; i < n; i++)
    {
      if (g_strcmp0 (parts[i], current) == 0)
        {
          int next = i + delta;

          if (next >= 0 && next < n)
            wtw_chapter_page_set_visible_part (self, parts[next]);
          return;
        }
    }
}

static void
next_part_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  move_part (WTW_CHAPTER_PAGE (widget), 1);
}

static void
previous_part_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  move_part (WTW_CHAPTER_PAGE (widget), -1);
}

/* The reading column is READING_WIDTH_CHARS of the reading font wide, plus
 * the column's margins, so it follows the text size. */
static void
update_reading_width (WtwChapterPage *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->exercise_setup_label));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  int width = char_width * READING_WIDTH_CHARS + 36;

  pango_font_metrics_unref (metrics);
  adw_clamp_set_maximum_size (self->explanation_clamp, width);
  adw_clamp_set_tightening_threshold (self->explanation_clamp, width);
  adw_clamp_set_maximum_size (self->reflect_clamp, width);
  adw_clamp_set_tightening_threshold (self->reflect_clamp, width);
  adw_clamp_set_maximum_size (self->conversation_clamp, width);
  adw_clamp_set_tightening_threshold (self->conversation_clamp, width);
}

static gboolean
on_reading_width_idle_cb (gpointer user_data)
{
  WtwChapterPage *self = user_data;

  self->reading_width_source = 0;
  update_reading_width (self);

  return G_SOURCE_REMOVE;
}

/* After a font or text size change, once the styles are recomputed. */
static void
on_font_settings_changed_cb (WtwChapterPage *self)
{
  if (self->reading_width_source == 0)
    self->reading_width_source = g_idle_add (on_reading_width_idle_cb, self);
}

static void
wtw_chapter_page_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wtw_chapter_page_parent_class)->realize (widget);
  update_reading_width ((WtwChapterPage *)widget);
}

static void
wtw_chapter_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wtw_chapter_page_parent_class)->map (widget);
  start_reading ((WtwChapterPage *)widget);
}

/* Hidden (another view, the conversation, a narrow list): save now, and
 * reading time stops counting. */
static void
wtw_chapter_page_unmap (GtkWidget *widget)
{
  WtwChapterPage *self = (WtwChapterPage *)widget;

  flush_answers (self);
  g_clear_handle_id (&self->reading_source, g_source_remove);
  GTK_WIDGET_CLASS (wtw_chapter_page_parent_class)->unmap (widget);
}

static void
wtw_chapter_page_dispose (GObject *object)
{
  WtwChapterPage *self = (WtwChapterPage *)object;

  g_clear_handle_id (&self->reading_width_source, g_source_remove);
  g_clear_handle_id (&self->reading_source, g_source_remove);
  if (self->sheet != NULL)
    {
      flush_answers (self);
      g_signal_handlers_disconnect_by_data (wtw_reflection_sheet_get_autosave (self->sheet),
                                            self);
      g_clear_object (&self->sheet);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_CHAPTER_PAGE);
  g_clear_object (&self->chapter);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (wtw_chapter_page_parent_class)->dispose (object);
}

static void
wtw_chapter_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WtwChapterPage *self = WTW_CHAPTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHAPTER:
      g_value_set_object (value, self->chapter);
      break;

    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;

    case PROP_VISIBLE_PART:
      g_value_set_string (value, wtw_chapter_page_get_visible_part (self));
      break;

    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_chapter_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WtwChapterPage *self = WTW_CHAPTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHAPTER:
      wtw_chapter_page_set_chapter (self, g_value_get_object (value));
      break;

    case PROP_SHOW_BACK_BUTTON:
      wtw_chapter_page_set_show_back_button (self, g_value_get_boolean (value));
      break;

    case PROP_VISIBLE_PART:
      wtw_chapter_page_set_visible_part (self, g_value_get_string (value));
      break;

    case PROP_PROGRESS:
      wtw_chapter_page_set_progress (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_chapter_page_class_init (WtwChapterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_chapter_page_dispose;
  object_class->get_property = wtw_chapter_page_get_property;
  object_class->set_property = wtw_chapter_page_set_property;

  /**
   * WtwChapterPage:chapter:
   *
   * The chapter on show.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_object ("chapter", NULL, NULL,
                         WTW_TYPE_CHAPTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapterPage:show-back-button:
   *
   * Whether to offer a way back to the chapter list, which is the case
   * when the list is not beside the page.
   */
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapterPage:visible-part:
   *
   * The part on show: "explanation", "scripts", "reflect" or "conversation".
   */
  properties[PROP_VISIBLE_PART] =
    g_param_spec_string ("visible-part", NULL, NULL,
                         "explanation",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapterPage:progress:
   *
   * The workbook progress; with it the page keeps answers, progress and
   * conversations in the vault.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL,
                         WTW_TYPE_WORKBOOK_PROGRESS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->realize = wtw_chapter_page_realize;
  widget_class->map = wtw_chapter_page_map;
  widget_class->unmap = wtw_chapter_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-chapter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, explanation_chapter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, scripts_chapter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, reflect_chapter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, conversation_chapter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, explanation_box);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, scripts_box);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, prompts_box);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, exercise_title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, exercise_summary_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, exercise_setup_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, exercise_steps_list);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, explanation_clamp);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, reflect_clamp);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, conversation_clamp);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, explanation_scroller);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, scripts_scroller);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, saved_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, conversations_heading);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterPage, conversations_list);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "chapter.part", "visible-part");
  gtk_widget_class_install_action (widget_class, "chapter.next-part", NULL, next_part_action);
  gtk_widget_class_install_action (widget_class, "chapter.previous-part", NULL,
                                   previous_part_action);

}

static void
add_part_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   const char            *action_name)
{
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK);
  GtkShortcutAction *action = gtk_named_action_new (action_name);

  gtk_shortcut_controller_add_shortcut (controller, gtk_shortcut_new (trigger, action));
}

static void
add_part_shortcuts (WtwChapterPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* Ctrl+Page Up/Down move between tabs, as in a browser. In the capture
   * phase, because a focused scrolled window would take them for
   * sideways scrolling. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_part_shortcut (shortcuts, GDK_KEY_Page_Down, "chapter.next-part");
  add_part_shortcut (shortcuts, GDK_KEY_Page_Up, "chapter.previous-part");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
wtw_chapter_page_init (WtwChapterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_part_shortcuts (self);

  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (on_font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->back_button, FALSE);
  watch_reading (self, self->explanation_scroller);
  watch_reading (self, self->scripts_scroller);
  gtk_widget_set_visible (self->conversations_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->conversations_list), FALSE);
}

/**
 * wtw_chapter_page_new:
 *
 * Returns: (transfer floating): a new, empty #WtwChapterPage
 */
GtkWidget *
wtw_chapter_page_new (void)
{
  return g_object_new (WTW_TYPE_CHAPTER_PAGE, NULL);
}

/**
 * wtw_chapter_page_get_chapter:
 * @self: a #WtwChapterPage
 *
 * Returns: (transfer none) (nullable): the chapter on show
 */
WtwChapter *
wtw_chapter_page_get_chapter (WtwChapterPage *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_PAGE (self), NULL);

  return self->chapter;
}

/**
 * wtw_chapter_page_set_chapter:
 * @self: a #WtwChapterPage
 * @chapter: (nullable): the chapter to show
 *
 * Shows @chapter, from its first part.
 */
void
wtw_chapter_page_set_chapter (WtwChapterPage *self,
                              WtwChapter     *chapter)
{
  g_return_if_fail (WTW_IS_CHAPTER_PAGE (self));
  g_return_if_fail (chapter == NULL || WTW_IS_CHAPTER (chapter));

  if (!g_set_object (&self->chapter, chapter))
    return;

  update_chapter (self);
  wtw_chapter_page_set_visible_part (self, "explanation");
  start_reading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTER]);
}

/**
 * wtw_chapter_page_get_visible_part:
 * @self: a #WtwChapterPage
 *
 * Returns: the name of the part on show
 */
const char *
wtw_chapter_page_get_visible_part (WtwChapterPage *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * wtw_chapter_page_set_visible_part:
 * @self: a #WtwChapterPage
 * @part: "explanation", "scripts", "reflect" or "conversation"
 *
 * Shows @part. Unknown names are ignored with a warning.
 */
void
wtw_chapter_page_set_visible_part (WtwChapterPage *self,
                                   const char     *part)
{
  g_return_if_fail (WTW_IS_CHAPTER_PAGE (self));

  if (part == NULL || !g_strv_contains (parts, part))
    {
      g_warning ("No part called “%s”", part ? part : "(null)");
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, part);
}

/**
 * wtw_chapter_page_get_show_back_button:
 * @self: a #WtwChapterPage
 *
 * Returns: whether the back button is shown
 */
gboolean
wtw_chapter_page_get_show_back_button (WtwChapterPage *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_PAGE (self), FALSE);

  return self->show_back_button;
}

/**
 * wtw_chapter_page_set_show_back_button:
 * @self: a #WtwChapterPage
 * @show_back_button: whether to show the back button
 *
 * Shows or hides the button back to the chapter list.
 */
void
wtw_chapter_page_set_show_back_button (WtwChapterPage *self,
                                       gboolean        show_back_button)
{
  g_return_if_fail (WTW_IS_CHAPTER_PAGE (self));

  show_back_button = !!show_back_button;
  if (self->show_back_button == show_back_button)
    return;

  self->show_back_button = show_back_button;
  gtk_widget_set_visible (self->back_button, show_back_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

/**
 * wtw_chapter_page_get_progress:
 * @self: a #WtwChapterPage
 *
 * Returns: (transfer none) (nullable): the workbook progress
 */
WtwWorkbookProgress *
wtw_chapter_page_get_progress (WtwChapterPage *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_PAGE (self), NULL);

  return self->progress;
}

/**
 * wtw_chapter_page_set_progress:
 * @self: a #WtwChapterPage
 * @progress: (nullable): the workbook progress
 *
 * With a progress, the page shows and keeps the current member's answers,
 * records what they have read and lists past conversations.
 */
void
wtw_chapter_page_set_progress (WtwChapterPage      *self,
                               WtwWorkbookProgress *progress)
{
  g_return_if_fail (WTW_IS_CHAPTER_PAGE (self));
  g_return_if_fail (progress == NULL || WTW_IS_WORKBOOK_PROGRESS (progress));

  if (self->progress == progress)
    return;

  flush_answers (self);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_set_object (&self->progress, progress);
  if (progress != NULL)
    g_signal_connect_object (progress, "conversations-changed",
                             G_CALLBACK (on_conversations_changed_cb), self, G_CONNECT_SWAPPED);

  update_chapter (self);
  start_reading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/**
 * wtw_chapter_page_get_sheet:
 * @self: a #WtwChapterPage
 *
 * Returns: (transfer none) (nullable): the answers on show, if there is a vault
 */
WtwReflectionSheet *
wtw_chapter_page_get_sheet (WtwChapterPage *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_PAGE (self), NULL);

  return self->sheet;
}
