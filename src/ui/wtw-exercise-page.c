/* wtw-exercise-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-exercise-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-exercise-page.h"

/**
 * WtwExercisePage:
 *
 * A chapter's guided conversation for a couple at one computer. It opens
 * on the safety note and asks for the partners' names, then shows one step
 * at a time: who speaks, who listens, what to do and a large countdown,
 * with Pause, Next and One More Minute. Space pauses and resumes, the
 * Right arrow moves on and Escape asks before stopping.
 *
 * The timing is a #WtwExerciseTimer. Setting the `WTW_EXERCISE_SECONDS_SCALE`
 * environment variable (for example to `0.02`) multiplies every step's
 * length, so end-to-end tests can run a whole exercise in seconds; it is
 * read here, when a timer is made, and nowhere else.
 *
 * #WtwExercisePage::done is emitted when the couple leave, stopped or
 * finished; whoever shows the page then hides it.
 *
 * At the end each partner may write what they noticed; the page only
 * holds the text and says when it changes (#WtwExercisePage::notes-changed),
 * whoever shows it keeps it.
 */
struct _WtwExercisePage
{
  AdwBin            parent_instance;

  WtwExercise      *exercise;
  WtwSafetyNote    *safety_note;
  WtwExerciseTimer *timer;
  char             *name_a;
  char             *name_b;
  gint64            started;
  AdwMessageDialog *stop_dialog;
  gboolean          resume_after_dialog;
  guint             arrived_source;
  /* The countdown's accessible description changes once a minute, not
   * once a second; this is the minute it last described. */
  int               described_minute;

  guint             reading_width_source;

  /* Template widgets */
  AdwClamp         *safety_clamp;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stage_stack;
  GtkLabel         *exercise_title_label;
  GtkLabel         *setup_label;
  GtkLabel         *safety_title_label;
  GtkWidget        *safety_paragraphs_box;
  GtkListBox       *help_list;
  AdwEntryRow      *partner_a_row;
  AdwEntryRow      *partner_b_row;
  GtkWidget        *step_content;
  GtkLabel         *step_counter_label;
  GtkLabel         *step_title_label;
  GtkLabel         *speaker_label;
  GtkLabel         *step_text_label;
  GtkWidget        *listener_box;
  GtkLabel         *listener_heading_label;
  GtkLabel         *listener_label;
  GtkWidget        *countdown_box;
  GtkLabel         *countdown_label;
  GtkWidget        *paused_label;
  AdwSqueezer      *controls_squeezer;
  GtkWidget        *controls_box;
  GtkWidget        *narrow_controls_box;
  GtkWidget        *pause_button;
  AdwButtonContent *pause_content;
  GtkWidget        *narrow_pause_button;
  AdwButtonContent *narrow_pause_content;
  GtkWidget        *done_button;
  GtkLabel         *notes_heading_a;
  GtkLabel         *notes_heading_b;
  GtkTextView      *notes_view_a;
  GtkTextView      *notes_view_b;
};

G_DEFINE_FINAL_TYPE (WtwExercisePage, wtw_exercise_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXERCISE,
  PROP_SAFETY_NOTE,
  PROP_TIMER,
  PROP_STAGE,
  N_PROPS
};

enum {
  DONE,
  NOTES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

/* A comfortable measure for reading: about 70 characters a line. The
 * templates use the same number. */
#define READING_WIDTH_CHARS 70
static guint signals[N_SIGNALS];

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_notes_changed_cb (WtwExercisePage *self)
{
  g_signal_emit (self, signals[NOTES_CHANGED], 0);
}

static void
set_notes_headings (WtwExercisePage *self)
{
  /* TRANSLATORS: "What did Sam notice?" */
  g_autofree char *a = g_strdup_printf (_("What did %s notice?"), self->name_a);
  g_autofree char *b = g_strdup_printf (_("What did %s notice?"), self->name_b);

  gtk_label_set_text (self->notes_heading_a, a);
  gtk_label_set_text (self->notes_heading_b, b);
}

static char *
name_from_row (AdwEntryRow *row,
               const char  *fallback)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *name != '\0' ? g_steal_pointer (&name) : g_strdup (fallback);
}

static void
close_stop_dialog (WtwExercisePage *self)
{
  GtkWindow *dialog = GTK_WINDOW (g_steal_pointer (&self->stop_dialog));

  if (dialog != NULL)
    gtk_window_destroy (dialog);
}

static void
update_actions (WtwExercisePage *self)
{
  const char *stage = wtw_exercise_page_get_stage (self);
  gboolean on_step = g_strcmp0 (stage, "step") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.begin",
                                 g_strcmp0 (stage, "safety") == 0 && self->timer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.toggle-pause", on_step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.skip", on_step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.more-time", on_step);
}

static void
update_countdown_description (WtwExercisePage *self,
                              gboolean         force)
{
  guint remaining = wtw_exercise_timer_get_remaining_seconds (self->timer);
  int minute = (int)((remaining + 59) / 60);
  g_autofree char *description = NULL;

  if (!force && minute == self->described_minute)
    return;

  self->described_minute = minute;
  if (remaining < 60)
    description = g_strdup (_("Less than a minute left"));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "About %d minute left",
                                                "About %d minutes left",
                                                minute),
                                   minute);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_countdown (WtwExercisePage *self)
{
  guint remaining = wtw_exercise_timer_get_remaining_seconds (self->timer);
  g_autofree char *text = g_strdup_printf ("%u:%02u", remaining / 60, remaining % 60);

  gtk_label_set_text (self->countdown_label, text);
  update_countdown_description (self, FALSE);
}

static const char *
speaker_name (WtwExercisePage *self,
              WtwSpeaker       speaker)
{
  return speaker == WTW_SPEAKER_A ? self->name_a : self->name_b;
}

static void
update_step (WtwExercisePage *self)
{
  WtwExerciseStep *step = wtw_exercise_timer_get_step (self->timer);
  WtwSpeaker speaker;
  g_autofree char *counter = NULL;
  g_autofree char *speaker_text = NULL;

  if (step == NULL)
    return;

  speaker = wtw_exercise_step_get_speaker (step);
  /* TRANSLATORS: "Step 2 of 8" */
  counter = g_strdup_printf (_("Step %u of %u"),
                             wtw_exercise_timer_get_step_index (self->timer) + 1,
                             wtw_exercise_timer_get_n_steps (self->timer));
  gtk_label_set_text (self->step_counter_label, counter);
  gtk_label_set_text (self->step_title_label, wtw_exercise_step_get_title (step));
  gtk_label_set_text (self->step_text_label, wtw_exercise_step_get_text (step));

  if (speaker == WTW_SPEAKER_BOTH)
    {
      speaker_text = g_strdup_printf (_("%s and %s, together"), self->name_a, self->name_b);
      gtk_widget_set_visible (self->listener_box, FALSE);
    }
  else
    {
      const char *listener = speaker_name (self, speaker == WTW_SPEAKER_A ? WTW_SPEAKER_B
                                                                          : WTW_SPEAKER_A);
      g_autofree char *heading = NULL;

      /* TRANSLATORS: "Sam speaks" */
      speaker_text = g_strdup_printf (_("%s speaks"), speaker_name (self, speaker));
      /* TRANSLATORS: "Alex listens" */
      heading = g_strdup_printf (_("%s listens"), listener);
      gtk_label_set_text (self->listener_heading_label, heading);
      gtk_label_set_text (self->listener_label, wtw_exercise_step_get_listener (step));
      gtk_widget_set_visible (self->listener_box, wtw_exercise_step_get_listener (step) != NULL);
    }

  gtk_label_set_text (self->speaker_label, speaker_text);
  update_countdown (self);
  update_countdown_description (self, TRUE);
}

static gboolean
controls_are_narrow (WtwExercisePage *self)
{
  return adw_squeezer_get_visible_child (self->controls_squeezer) == self->narrow_controls_box;
}

static void
set_pause_button (GtkWidget        *button,
                  AdwButtonContent *content,
                  gboolean          paused)
{
  adw_button_content_set_label (content, paused ? _("_Resume") : _("_Pause"));
  adw_button_content_set_icon_name (content,
                                    paused ? "media-playback-start-symbolic"
                                           : "media-playback-pause-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, paused ? _("Resume") : _("Pause"),
                                  -1);
}

static void
update_pause_button (WtwExercisePage *self)
{
  gboolean paused = wtw_exercise_timer_get_state (self->timer) == WTW_EXERCISE_TIMER_PAUSED;

  set_pause_button (self->pause_button, self->pause_content, paused);
  set_pause_button (self->narrow_pause_button, self->narrow_pause_content, paused);
  gtk_widget_set_visible (self->paused_label, paused);
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "dim-label");
}

static void
show_step_change_toast (WtwExercisePage *self)
{
  WtwExerciseStep *step = wtw_exercise_timer_get_step (self->timer);
  WtwSpeaker speaker = wtw_exercise_step_get_speaker (step);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (wtw_exercise_timer_is_closing (self->timer))
    title = g_strdup (_("Last step: together"));
  else if (speaker == WTW_SPEAKER_BOTH)
    title = g_strdup (_("Now: together"));
  else
    /* TRANSLATORS: "Now: Sam speaks" */
    title = g_strdup_printf (_("Now: %s speaks"), speaker_name (self, speaker));

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 3);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
on_arrived_timeout_cb (gpointer user_data)
{
  WtwExercisePage *self = user_data;

  self->arrived_source = 0;
  gtk_widget_remove_css_class (self->step_content, "step-arrived");

  return G_SOURCE_REMOVE;
}

/* The new step fades in (a CSS animation), which also tells whoever looked
 * away that the turn changed. */
static void
play_arrived_animation (WtwExercisePage *self)
{
  g_clear_handle_id (&self->arrived_source, g_source_remove);
  gtk_widget_remove_css_class (self->step_content, "step-arrived");
  gtk_widget_add_css_class (self->step_content, "step-arrived");
  self->arrived_source = g_timeout_add (800, on_arrived_timeout_cb, self);
}

static void
on_timer_step_changed_cb (WtwExercisePage  *self,
                          GParamSpec       *pspec,
                          WtwExerciseTimer *timer)
{
  update_step (self);

  /* A gentle cue that the turn has changed, for whoever looked away. */
  if (g_strcmp0 (wtw_exercise_page_get_stage (self), "step") == 0)
    {
      show_step_change_toast (self);
      play_arrived_animation (self);
    }
}

static void
on_timer_remaining_changed_cb (WtwExercisePage  *self,
                               GParamSpec       *pspec,
                               WtwExerciseTimer *timer)
{
  update_countdown (self);
}

static void
on_timer_state_changed_cb (WtwExercisePage  *self,
                           GParamSpec       *pspec,
                           WtwExerciseTimer *timer)
{
  update_pause_button (self);

  if (wtw_exercise_timer_get_state (timer) == WTW_EXERCISE_TIMER_FINISHED)
    {
      close_stop_dialog (self);
      gtk_stack_set_visible_child_name (self->stage_stack, "finished");
      gtk_widget_grab_focus (self->done_button);
    }
}

static void
set_timer (WtwExercisePage  *self,
           WtwExerciseTimer *timer)
{
  if (self->timer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->timer, self);
      wtw_exercise_timer_pause (self->timer);
    }

  if (!g_set_object (&self->timer, timer))
    return;

  if (timer != NULL)
    {
      g_signal_connect_object (timer, "notify::step-index",
                               G_CALLBACK (on_timer_step_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (timer, "notify::remaining-seconds",
                               G_CALLBACK (on_timer_remaining_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (timer, "notify::state",
                               G_CALLBACK (on_timer_state_changed_cb), self, G_CONNECT_SWAPPED);
      update_pause_button (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

/* A fresh timer, ready on the first step; the only place that reads the
 * environment. */
static void
make_timer (WtwExercisePage *self)
{
  g_autoptr(WtwExerciseTimer) timer = NULL;

  if (self->exercise != NULL)
    {
      const char *env = g_getenv ("WTW_EXERCISE_SECONDS_SCALE");
      double scale = wtw_exercise_timer_parse_seconds_scale (env);

      timer = wtw_exercise_timer_new (self->exercise, scale);
    }

  set_timer (self, timer);
}

static GtkWidget *
help_row_new (WtwHelpLine *line)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wtw_help_line_get_name (line));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), wtw_help_line_get_detail (line));

  return row;
}

static void
update_safety_note (WtwExercisePage *self)
{
  const char * const *paragraphs;
  GListModel *help;
  GtkWidget *row;

  remove_children (self->safety_paragraphs_box);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->help_list))) != NULL)
    gtk_list_box_remove (self->help_list, row);

  if (self->safety_note == NULL)
    return;

  gtk_label_set_text (self->safety_title_label, wtw_safety_note_get_title (self->safety_note));

  paragraphs = wtw_safety_note_get_paragraphs (self->safety_note);
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (paragraphs[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), READING_WIDTH_CHARS);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (self->safety_paragraphs_box), label);
    }

  help = wtw_safety_note_get_help (self->safety_note);
  for (guint i = 0; i < g_list_model_get_n_items (help); i++)
    {
      g_autoptr(WtwHelpLine) line = g_list_model_get_item (help, i);

      gtk_list_box_append (self->help_list, help_row_new (line));
    }
}

static void
on_controls_squeezer_visible_child_changed_cb (WtwExercisePage *self,
                                               GParamSpec      *pspec,
                                               AdwSqueezer     *squeezer)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean narrow;

  /* The template may switch before its children are bound. */
  if (self->controls_box == NULL)
    return;

  narrow = controls_are_narrow (self);

  /* The same buttons in two arrangements: only the one on show may be read. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->controls_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, narrow,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->narrow_controls_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !narrow,
                               -1);

  /* Keep the keyboard focus on the pause button across the switch. */
  if (focus == self->pause_button || focus == self->narrow_pause_button)
    gtk_widget_grab_focus (narrow ? self->narrow_pause_button : self->pause_button);
}

static void
on_stage_changed_cb (WtwExercisePage *self,
                     GParamSpec      *pspec,
                     GtkStack        *stack)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
on_stop_dialog_response_cb (WtwExercisePage  *self,
                            const char       *response,
                            AdwMessageDialog *dialog)
{
  self->stop_dialog = NULL;

  if (g_strcmp0 (response, "stop") == 0)
    {
      wtw_exercise_page_reset (self);
      g_signal_emit (self, signals[DONE], 0);
    }
  else if (self->timer != NULL && self->resume_after_dialog)
    {
      wtw_exercise_timer_resume (self->timer);
    }
}

static void
ask_to_stop (WtwExercisePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWindow *parent;

  if (self->stop_dialog != NULL)
    return;

  /* Time stands still while they decide; “Keep Going” carries on. */
  self->resume_after_dialog =
    wtw_exercise_timer_get_state (self->timer) == WTW_EXERCISE_TIMER_RUNNING;
  wtw_exercise_timer_pause (self->timer);

  parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Stop the Conversation?"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("It is fine to stop when either of you needs to. "
                                 "You can come back to it another time."));
  adw_message_dialog_add_responses (dialog,
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_stop_dialog_response_cb), self, G_CONNECT_SWAPPED);

  self->stop_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
begin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WtwExercisePage *self = WTW_EXERCISE_PAGE (widget);

  g_free (self->name_a);
  g_free (self->name_b);
  self->name_a = name_from_row (self->partner_a_row, _("Partner A"));
  self->name_b = name_from_row (self->partner_b_row, _("Partner B"));
  self->started = g_get_real_time () / G_USEC_PER_SEC;
  set_notes_headings (self);

  update_step (self);
  gtk_stack_set_visible_child_name (self->stage_stack, "step");
  wtw_exercise_timer_start (self->timer);
  gtk_widget_grab_focus (controls_are_narrow (self) ? self->narrow_pause_button
                                                    : self->pause_button);
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WtwExercisePage *self = WTW_EXERCISE_PAGE (widget);

  if (wtw_exercise_timer_get_state (self->timer) == WTW_EXERCISE_TIMER_PAUSED)
    wtw_exercise_timer_resume (self->timer);
  else
    wtw_exercise_timer_pause (self->timer);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  wtw_exercise_timer_skip (WTW_EXERCISE_PAGE (widget)->timer);
}

static void
more_time_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  WtwExercisePage *self = WTW_EXERCISE_PAGE (widget);

  wtw_exercise_timer_add_minute (self->timer);
  update_countdown_description (self, TRUE);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WtwExercisePage *self = WTW_EXERCISE_PAGE (widget);

  /* Only a conversation under way asks first. */
  if (g_strcmp0 (wtw_exercise_page_get_stage (self), "step") == 0)
    {
      ask_to_stop (self);
      return;
    }

  wtw_exercise_page_reset (self);
  g_signal_emit (self, signals[DONE], 0);
}

/* The reading column is READING_WIDTH_CHARS of the reading font wide, plus
 * the column's margins, so it follows the text size. */
static void
update_reading_width (WtwExercisePage *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->setup_label));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  int width = char_width * READING_WIDTH_CHARS + 36;

  pango_font_metrics_unref (metrics);
  adw_clamp_set_maximum_size (self->safety_clamp, width);
  adw_clamp_set_tightening_threshold (self->safety_clamp, width);
}

static gboolean
on_reading_width_idle_cb (gpointer user_data)
{
  WtwExercisePage *self = user_data;

  self->reading_width_source = 0;
  update_reading_width (self);

  return G_SOURCE_REMOVE;
}

/* After a font or text size change, once the styles are recomputed. */
static void
on_font_settings_changed_cb (WtwExercisePage *self)
{
  if (self->reading_width_source == 0)
    self->reading_width_source = g_idle_add (on_reading_width_idle_cb, self);
}

static void
wtw_exercise_page_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wtw_exercise_page_parent_class)->realize (widget);
  update_reading_width ((WtwExercisePage *)widget);
}

static void
wtw_exercise_page_dispose (GObject *object)
{
  WtwExercisePage *self = (WtwExercisePage *)object;

  close_stop_dialog (self);
  g_clear_handle_id (&self->arrived_source, g_source_remove);
  set_timer (self, NULL);
  /* The bin's child is a template child: let the bin drop it first, or
   * disposing the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_handle_id (&self->reading_width_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_EXERCISE_PAGE);
  g_clear_object (&self->exercise);
  g_clear_object (&self->safety_note);

  G_OBJECT_CLASS (wtw_exercise_page_parent_class)->dispose (object);
}

static void
wtw_exercise_page_finalize (GObject *object)
{
  WtwExercisePage *self = (WtwExercisePage *)object;

  g_clear_pointer (&self->name_a, g_free);
  g_clear_pointer (&self->name_b, g_free);

  G_OBJECT_CLASS (wtw_exercise_page_parent_class)->finalize (object);
}

static void
wtw_exercise_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WtwExercisePage *self = WTW_EXERCISE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;

    case PROP_SAFETY_NOTE:
      g_value_set_object (value, self->safety_note);
      break;

    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;

    case PROP_STAGE:
      g_value_set_string (value, wtw_exercise_page_get_stage (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WtwExercisePage *self = WTW_EXERCISE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      wtw_exercise_page_set_exercise (self, g_value_get_object (value));
      break;

    case PROP_SAFETY_NOTE:
      wtw_exercise_page_set_safety_note (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_page_class_init (WtwExercisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_exercise_page_dispose;
  object_class->finalize = wtw_exercise_page_finalize;
  object_class->get_property = wtw_exercise_page_get_property;
  object_class->set_property = wtw_exercise_page_set_property;

  /**
   * WtwExercisePage:exercise:
   *
   * The conversation to guide.
   */
  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL,
                         WTW_TYPE_EXERCISE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExercisePage:safety-note:
   *
   * The note shown before every conversation.
   */
  properties[PROP_SAFETY_NOTE] =
    g_param_spec_object ("safety-note", NULL, NULL,
                         WTW_TYPE_SAFETY_NOTE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExercisePage:timer:
   *
   * The timer of the conversation, ready until the couple begin; a new one
   * replaces it each time the page is reset.
   */
  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL,
                         WTW_TYPE_EXERCISE_TIMER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExercisePage:stage:
   *
   * "safety" before the start, "step" during, "finished" at the end.
   */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL,
                         "safety",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwExercisePage::done:
   *
   * Emitted when the couple leave the conversation, whether they stopped
   * or finished it.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * WtwExercisePage::notes-changed:
   *
   * Emitted when either partner changes what they noticed.
   */
  signals[NOTES_CHANGED] =
    g_signal_new ("notes-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  widget_class->realize = wtw_exercise_page_realize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-exercise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, stage_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, exercise_title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, setup_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, safety_title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, safety_paragraphs_box);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, help_list);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, partner_a_row);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, partner_b_row);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, step_content);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, step_counter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, step_title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, step_text_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, listener_box);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, listener_heading_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, listener_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, countdown_box);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, paused_label);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, controls_squeezer);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, narrow_controls_box);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, pause_content);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, narrow_pause_button);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, narrow_pause_content);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, done_button);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, notes_heading_a);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, notes_heading_b);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, notes_view_a);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, notes_view_b);
  gtk_widget_class_bind_template_child (widget_class, WtwExercisePage, safety_clamp);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_controls_squeezer_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "exercise.begin", NULL, begin_action);
  gtk_widget_class_install_action (widget_class, "exercise.toggle-pause", NULL,
                                   toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "exercise.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "exercise.more-time", NULL, more_time_action);
  gtk_widget_class_install_action (widget_class, "exercise.stop", NULL, stop_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0,
                                       "exercise.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "exercise.skip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "exercise.stop", NULL);
}

static void
wtw_exercise_page_init (WtwExercisePage *self)
{
  self->name_a = g_strdup (_("Partner A"));
  self->name_b = g_strdup (_("Partner B"));
  self->described_minute = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (on_font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view_a), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view_b), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  set_notes_headings (self);

  /* The countdown changes every second: it is described once a minute on
   * its container instead of read out as it ticks. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->countdown_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  update_actions (self);
}

/**
 * wtw_exercise_page_new:
 *
 * Returns: (transfer floating): a new #WtwExercisePage
 */
GtkWidget *
wtw_exercise_page_new (void)
{
  return g_object_new (WTW_TYPE_EXERCISE_PAGE, NULL);
}

/**
 * wtw_exercise_page_get_exercise:
 * @self: a #WtwExercisePage
 *
 * Returns: (transfer none) (nullable): the conversation to guide
 */
WtwExercise *
wtw_exercise_page_get_exercise (WtwExercisePage *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), NULL);

  return self->exercise;
}

/**
 * wtw_exercise_page_set_exercise:
 * @self: a #WtwExercisePage
 * @exercise: (nullable): the conversation to guide
 *
 * Sets the conversation and starts over from the safety note.
 */
void
wtw_exercise_page_set_exercise (WtwExercisePage *self,
                                WtwExercise     *exercise)
{
  g_return_if_fail (WTW_IS_EXERCISE_PAGE (self));
  g_return_if_fail (exercise == NULL || WTW_IS_EXERCISE (exercise));

  if (!g_set_object (&self->exercise, exercise))
    return;

  gtk_label_set_text (self->exercise_title_label,
                      exercise ? wtw_exercise_get_title (exercise) : "");
  gtk_label_set_text (self->setup_label,
                      exercise ? wtw_exercise_get_setup (exercise) : "");
  wtw_exercise_page_reset (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}

/**
 * wtw_exercise_page_get_safety_note:
 * @self: a #WtwExercisePage
 *
 * Returns: (transfer none) (nullable): the safety note
 */
WtwSafetyNote *
wtw_exercise_page_get_safety_note (WtwExercisePage *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), NULL);

  return self->safety_note;
}

/**
 * wtw_exercise_page_set_safety_note:
 * @self: a #WtwExercisePage
 * @safety_note: (nullable): the note to show before the conversation
 *
 * Sets the safety note, written once for every exercise.
 */
void
wtw_exercise_page_set_safety_note (WtwExercisePage *self,
                                   WtwSafetyNote   *safety_note)
{
  g_return_if_fail (WTW_IS_EXERCISE_PAGE (self));
  g_return_if_fail (safety_note == NULL || WTW_IS_SAFETY_NOTE (safety_note));

  if (!g_set_object (&self->safety_note, safety_note))
    return;

  update_safety_note (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAFETY_NOTE]);
}

/**
 * wtw_exercise_page_get_timer:
 * @self: a #WtwExercisePage
 *
 * Returns: (transfer none) (nullable): the timer of the conversation
 */
WtwExerciseTimer *
wtw_exercise_page_get_timer (WtwExercisePage *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), NULL);

  return self->timer;
}

/**
 * wtw_exercise_page_get_stage:
 * @self: a #WtwExercisePage
 *
 * Returns: "safety", "step" or "finished"
 */
const char *
wtw_exercise_page_get_stage (WtwExercisePage *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stage_stack);
}

/**
 * wtw_exercise_page_reset:
 * @self: a #WtwExercisePage
 *
 * Goes back to the safety note with a new timer, ready on the first step.
 * The names typed stay.
 */
void
wtw_exercise_page_reset (WtwExercisePage *self)
{
  g_return_if_fail (WTW_IS_EXERCISE_PAGE (self));

  close_stop_dialog (self);
  make_timer (self);
  gtk_stack_set_visible_child_name (self->stage_stack, "safety");
  update_actions (self);

  /* A new conversation starts with nothing noticed yet. */
  self->started = 0;
  g_signal_handlers_block_by_func (gtk_text_view_get_buffer (self->notes_view_a),
                                   on_notes_changed_cb, self);
  g_signal_handlers_block_by_func (gtk_text_view_get_buffer (self->notes_view_b),
                                   on_notes_changed_cb, self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view_a), "", 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view_b), "", 0);
  g_signal_handlers_unblock_by_func (gtk_text_view_get_buffer (self->notes_view_a),
                                     on_notes_changed_cb, self);
  g_signal_handlers_unblock_by_func (gtk_text_view_get_buffer (self->notes_view_b),
                                     on_notes_changed_cb, self);
}

/**
 * wtw_exercise_page_get_started:
 * @self: a #WtwExercisePage
 *
 * Returns: Unix time the couple began the conversation, or 0 before
 */
gint64
wtw_exercise_page_get_started (WtwExercisePage *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), 0);

  return self->started;
}

/**
 * wtw_exercise_page_get_name:
 * @self: a #WtwExercisePage
 * @partner_b: %FALSE for Partner A, %TRUE for Partner B
 *
 * Returns: the name the partner gave, or "Partner A"/"Partner B"
 */
const char *
wtw_exercise_page_get_name (WtwExercisePage *self,
                            gboolean         partner_b)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), NULL);

  return partner_b ? self->name_b : self->name_a;
}

/**
 * wtw_exercise_page_get_notes:
 * @self: a #WtwExercisePage
 * @partner_b: %FALSE for Partner A, %TRUE for Partner B
 *
 * Returns: (transfer full): what the partner wrote they noticed
 */
char *
wtw_exercise_page_get_notes (WtwExercisePage *self,
                             gboolean         partner_b)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_PAGE (self), NULL);

  return buffer_text (partner_b ? self->notes_view_b : self->notes_view_a);
}
