/* wtw-chapter-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-chapter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-chapter-page.h"
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
 */
struct _WtwChapterPage
{
  AdwBin        parent_instance;

  WtwChapter   *chapter;
  gboolean      show_back_button;

  guint         reading_width_source;

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
};

G_DEFINE_FINAL_TYPE (WtwChapterPage, wtw_chapter_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHAPTER,
  PROP_SHOW_BACK_BUTTON,
  PROP_VISIBLE_PART,
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

static GtkWidget *
prompt_card_new (WtwPrompt *prompt,
                 guint      position)
{
  g_autofree char *number = g_strdup_printf (_("Question %u"), position);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (number);
  GtkWidget *text = reading_label_new (wtw_prompt_get_text (prompt));

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

      gtk_box_append (GTK_BOX (self->prompts_box), prompt_card_new (prompt, i + 1));
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
update_chapter (WtwChapterPage *self)
{
  g_autofree char *caption = NULL;

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
}

static void
on_stack_visible_child_name_changed_cb (WtwChapterPage *self,
                                        GParamSpec     *pspec,
                                        AdwViewStack   *stack)
{
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
wtw_chapter_page_dispose (GObject *object)
{
  WtwChapterPage *self = (WtwChapterPage *)object;

  g_clear_handle_id (&self->reading_width_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_CHAPTER_PAGE);
  g_clear_object (&self->chapter);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->realize = wtw_chapter_page_realize;

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
