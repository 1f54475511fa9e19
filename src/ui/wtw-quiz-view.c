/* wtw-quiz-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-chapter.h"
#include "wtw-quiz-chart.h"
#include "wtw-quiz-view.h"

/**
 * WtwQuizView:
 *
 * The C.A.R.E. quiz on three pages: what it is ("start"), one statement at
 * a time ("question"), and the results ("results").
 *
 * The view shows a #WtwQuizSession and keeps no state of its own beyond
 * which page is on show. Its actions are `quiz.start`, `quiz.answer`
 * (a "u" from 1 to 5, bound to the keys 1–5), `quiz.back` (Alt+Left) and
 * `quiz.restart`. Chapter suggestions activate `win.open-chapter` with the
 * chapter id, for the window to handle.
 */
struct _WtwQuizView
{
  AdwBin          parent_instance;

  WtwQuiz        *quiz;
  GListModel     *chapters;
  WtwQuizSession *session;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *title_label;
  GtkLabel       *duration_label;
  GtkLabel       *intro_label;
  GtkListBox     *dimensions_list;
  GtkLabel       *start_disclaimer_label;
  GtkWidget      *start_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *counter_label;
  GtkLabel       *dimension_label;
  GtkLabel       *item_label;
  GtkWidget      *answer_buttons[5];
  GtkLabel       *scale_labels[5];
  GtkWidget      *back_button;
  GtkScrolledWindow *results_scroller;
  GtkLabel       *overall_label;
  WtwQuizChart   *chart;
  GtkListBox     *scores_list;
  GtkWidget      *insights_heading;
  GtkBox         *insights_box;
  GtkLabel       *recommend_label;
  GtkBox         *chapters_box;
  GtkLabel       *results_disclaimer_label;
  GtkWidget      *again_button;
};

G_DEFINE_FINAL_TYPE (WtwQuizView, wtw_quiz_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_QUIZ,
  PROP_CHAPTERS,
  PROP_SESSION,
  PROP_PAGE,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_all (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Content text is not markup: an "&" in a title stays an "&". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static WtwChapter *
lookup_chapter (WtwQuizView *self,
                const char  *id)
{
  if (self->chapters == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->chapters); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->chapters, i);

      if (WTW_IS_CHAPTER (item) && g_strcmp0 (wtw_chapter_get_id (WTW_CHAPTER (item)), id) == 0)
        return WTW_CHAPTER (item);
    }

  return NULL;
}

static void
update_actions (WtwQuizView *self)
{
  const char *page = wtw_quiz_view_get_page (self);
  gboolean asking = g_strcmp0 (page, "question") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.start", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.restart", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.answer", asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.back",
                                 asking && self->session != NULL &&
                                 wtw_quiz_session_get_can_go_back (self->session));
}

static void
update_start_page (WtwQuizView *self)
{
  GListModel *dimensions;
  g_autofree char *minutes = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *duration = NULL;
  guint n_items;

  remove_all (GTK_WIDGET (self->dimensions_list));

  if (self->quiz == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->duration_label, "");
      gtk_label_set_label (self->intro_label, "");
      gtk_label_set_label (self->start_disclaimer_label, "");
      return;
    }

  n_items = g_list_model_get_n_items (wtw_quiz_get_items (self->quiz));
  minutes = g_strdup_printf (ngettext ("About %u minute", "About %u minutes",
                                       wtw_quiz_get_minutes (self->quiz)),
                             wtw_quiz_get_minutes (self->quiz));
  statements = g_strdup_printf (ngettext ("%u statement", "%u statements", n_items),
                                n_items);
  /* Translators: how long the quiz takes, then how many statements it has */
  duration = g_strdup_printf (_("%s · %s"), minutes, statements);

  gtk_label_set_label (self->title_label, wtw_quiz_get_title (self->quiz));
  gtk_label_set_label (self->duration_label, duration);
  gtk_label_set_label (self->intro_label, wtw_quiz_get_intro (self->quiz));
  gtk_label_set_label (self->start_disclaimer_label, wtw_quiz_get_disclaimer (self->quiz));
  gtk_label_set_label (self->results_disclaimer_label, wtw_quiz_get_disclaimer (self->quiz));

  dimensions = wtw_quiz_get_dimensions (self->quiz);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, i);
      GtkWidget *row = new_row (wtw_quiz_dimension_get_name (dimension),
                                wtw_quiz_dimension_get_question (dimension));
      GtkWidget *letter = gtk_label_new (wtw_quiz_dimension_get_letter (dimension));

      gtk_widget_add_css_class (letter, "quiz-letter");
      gtk_accessible_update_state (GTK_ACCESSIBLE (letter),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), letter);
      gtk_list_box_append (self->dimensions_list, row);
    }

  for (guint v = 1; v <= 5; v++)
    {
      const char *label = wtw_quiz_get_scale_label (self->quiz, v);
      g_autofree char *keys = g_strdup_printf ("%u", v);

      gtk_label_set_label (self->scale_labels[v - 1], label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_buttons[v - 1]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, keys,
                                      -1);
    }
}

static void
update_question (WtwQuizView *self)
{
  WtwQuizItem *item;
  g_autofree char *counter = NULL;
  g_autofree char *answered = NULL;
  int dimension_index;
  guint n_items;
  double progress;

  if (self->session == NULL)
    return;

  item = wtw_quiz_session_get_current_item (self->session);
  n_items = wtw_quiz_session_get_n_items (self->session);
  progress = wtw_quiz_session_get_progress (self->session);

  counter = g_strdup_printf (_("Question %u of %u"),
                             wtw_quiz_session_get_position (self->session) + 1, n_items);
  answered = g_strdup_printf (_("%u of %u answered"),
                              wtw_quiz_session_get_n_answered (self->session), n_items);

  gtk_label_set_label (self->counter_label, counter);
  gtk_label_set_label (self->item_label, item ? wtw_quiz_item_get_text (item) : "");

  dimension_index = -1;
  if (item != NULL)
    dimension_index = wtw_quiz_get_dimension_index (self->quiz, wtw_quiz_item_get_dimension (item));
  if (dimension_index >= 0)
    {
      g_autoptr(WtwQuizDimension) dimension =
        g_list_model_get_item (wtw_quiz_get_dimensions (self->quiz), dimension_index);

      gtk_label_set_label (self->dimension_label, wtw_quiz_dimension_get_name (dimension));
    }

  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, progress,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, answered,
                                  -1);

  update_actions (self);
}

static void
add_score_row (WtwQuizView      *self,
               WtwQuizResult    *result,
               WtwQuizDimension *dimension,
               guint             index)
{
  int score = wtw_quiz_result_get_score (result, index);
  int tier_index = wtw_quiz_result_get_tier (result, index);
  g_autoptr(WtwQuizTier) tier = NULL;
  g_autofree char *number = g_strdup_printf ("%d", score);
  g_autofree char *spoken = NULL;
  GtkWidget *row, *suffix, *score_label, *tier_label;

  if (tier_index >= 0)
    tier = g_list_model_get_item (wtw_quiz_dimension_get_tiers (dimension), tier_index);

  row = new_row (wtw_quiz_dimension_get_name (dimension),
                 tier ? wtw_quiz_tier_get_meaning (tier) : NULL);

  suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  score_label = gtk_label_new (number);
  gtk_widget_add_css_class (score_label, "title-2");
  gtk_widget_add_css_class (score_label, "numeric");
  tier_label = gtk_label_new (tier ? wtw_quiz_tier_get_name (tier) : NULL);
  gtk_widget_add_css_class (tier_label, "caption-heading");
  gtk_box_append (GTK_BOX (suffix), score_label);
  gtk_box_append (GTK_BOX (suffix), tier_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  /* Translators: a dimension's score and tier, as in "72 of 100, Steady" */
  spoken = g_strdup_printf (_("%d of 100, %s"), score, tier ? wtw_quiz_tier_get_name (tier) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (score_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (tier_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  gtk_list_box_append (self->scores_list, row);
}

static void
add_insight (WtwQuizView    *self,
             WtwQuizInsight *insight)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *figure = wtw_quiz_insight_get_figure (insight);
  const char *source = wtw_quiz_insight_get_source (insight);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "quiz-note");
  gtk_box_append (GTK_BOX (card), new_label (wtw_quiz_insight_get_title (insight), "heading"));
  gtk_box_append (GTK_BOX (card), new_label (wtw_quiz_insight_get_text (insight), NULL));

  if (figure != NULL && figure[0] != '\0')
    {
      g_autofree char *cited = NULL;

      gtk_box_append (GTK_BOX (card), new_label (figure, "quiz-figure"));
      if (source != NULL && source[0] != '\0')
        {
          /* Translators: where a cited figure comes from */
          cited = g_strdup_printf (_("Source: %s"), source);
          gtk_box_append (GTK_BOX (card), new_label (cited, "caption"));
        }
    }

  gtk_box_append (self->insights_box, card);
}

static GtkWidget *
new_chapter_button (WtwQuizView *self,
                    const char  *id)
{
  WtwChapter *chapter = lookup_chapter (self, id);
  g_autofree char *title = NULL;
  GtkWidget *button, *box, *label, *arrow;

  if (chapter != NULL)
    /* Translators: a chapter's number and title */
    title = g_strdup_printf (_("Chapter %u: %s"),
                             wtw_chapter_get_number (chapter), wtw_chapter_get_title (chapter));
  else
    title = g_strdup (id);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = new_label (title, NULL);
  gtk_widget_set_hexpand (label, TRUE);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), arrow);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-chapter");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_add_css_class (button, "quiz-chapter");

  return button;
}

static char *
recommendation_text (GListModel *weakest)
{
  g_autoptr(WtwQuizDimension) first = NULL;
  g_autoptr(WtwQuizDimension) second = NULL;

  if (g_list_model_get_n_items (weakest) == 0)
    return NULL;

  first = g_list_model_get_item (weakest, 0);
  if (g_list_model_get_n_items (weakest) == 1)
    return g_strdup_printf (_("Your lowest score is in %s. These chapters work on it:"),
                            wtw_quiz_dimension_get_name (first));

  second = g_list_model_get_item (weakest, 1);
  return g_strdup_printf (_("Your lowest scores are in %s and %s. These chapters work on them:"),
                          wtw_quiz_dimension_get_name (first),
                          wtw_quiz_dimension_get_name (second));
}

/* The chapters of the weakest dimensions, under each dimension's name;
 * a chapter that works on both shows once, under the first. */
static void
update_recommendations (WtwQuizView *self)
{
  g_autoptr(GListModel) weakest = wtw_quiz_session_dup_weakest_dimensions (self->session);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *text = recommendation_text (weakest);

  remove_all (GTK_WIDGET (self->chapters_box));
  gtk_label_set_label (self->recommend_label, text);

  for (guint i = 0; i < g_list_model_get_n_items (weakest); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (weakest, i);
      const char * const *ids = wtw_quiz_dimension_get_chapters (dimension);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_widget_add_css_class (list, "linked");
      for (guint c = 0; ids != NULL && ids[c] != NULL; c++)
        {
          if (g_ptr_array_find_with_equal_func (shown, ids[c], g_str_equal, NULL))
            continue;
          g_ptr_array_add (shown, (gpointer)ids[c]);
          gtk_box_append (GTK_BOX (list), new_chapter_button (self, ids[c]));
        }

      gtk_box_append (GTK_BOX (group), new_label (wtw_quiz_dimension_get_name (dimension),
                                                  "caption-heading"));
      gtk_box_append (GTK_BOX (group), list);
      if (gtk_widget_get_first_child (list) != NULL)
        gtk_box_append (self->chapters_box, group);
      else
        g_object_unref (g_object_ref_sink (group));
    }
}

static void
update_results (WtwQuizView *self)
{
  WtwQuizResult *result = wtw_quiz_session_get_result (self->session);
  GListModel *dimensions = wtw_quiz_get_dimensions (self->quiz);
  GListModel *insights;
  g_autofree char *overall = NULL;
  g_autofree char *spoken = NULL;

  remove_all (GTK_WIDGET (self->scores_list));
  remove_all (GTK_WIDGET (self->insights_box));

  wtw_quiz_chart_set_quiz (self->chart, self->quiz);
  wtw_quiz_chart_set_result (self->chart, result);

  if (result == NULL)
    return;

  overall = g_strdup_printf ("%d", wtw_quiz_result_get_overall (result));
  spoken = g_strdup_printf (_("Overall score %d of 100"), wtw_quiz_result_get_overall (result));
  gtk_label_set_label (self->overall_label, overall);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, i);

      if (wtw_quiz_result_has_score (result, i))
        add_score_row (self, result, dimension, i);
    }

  insights = wtw_quiz_result_get_insights (result);
  for (guint i = 0; i < g_list_model_get_n_items (insights); i++)
    {
      g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (insights, i);

      add_insight (self, insight);
    }
  gtk_widget_set_visible (self->insights_heading, g_list_model_get_n_items (insights) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->insights_box), g_list_model_get_n_items (insights) > 0);

  update_recommendations (self);
}

static void
show_page (WtwQuizView *self,
           const char  *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);

  if (g_str_equal (page, "question"))
    {
      guint answer = wtw_quiz_session_get_current_answer (self->session);

      update_question (self);
      gtk_widget_grab_focus (self->answer_buttons[answer > 0 ? answer - 1 : 0]);
    }
  else if (g_str_equal (page, "results"))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->results_scroller);

      /* The answer button that had focus is gone: the chart, which says
       * the scores in words, is where reading the results starts. */
      gtk_widget_grab_focus (GTK_WIDGET (self->chart));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
}

static void
on_session_notify_cb (WtwQuizView *self,
                      GParamSpec  *pspec,
                      GObject     *session)
{
  if (g_str_equal (pspec->name, "current-answer"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
  else if (g_str_equal (pspec->name, "result"))
    {
      update_results (self);
      if (wtw_quiz_session_get_result (self->session) != NULL)
        show_page (self, "results");
    }
  else
    update_question (self);
}

static void
on_stack_visible_child_name_changed_cb (WtwQuizView *self,
                                        GParamSpec  *pspec,
                                        GtkStack    *stack)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);

  if (wtw_quiz_session_get_complete (self->session))
    wtw_quiz_session_restart (self->session);
  show_page (self, "question");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);

  wtw_quiz_session_go_back (self->session);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);

  wtw_quiz_session_restart (self->session);
  show_page (self, "question");
}

static void
wtw_quiz_view_dispose (GObject *object)
{
  WtwQuizView *self = (WtwQuizView *)object;

  /* The stack is AdwBin's child and a template child: let AdwBin let go of
   * it first, or disposing the template would unparent it behind AdwBin's
   * back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_QUIZ_VIEW);
  g_clear_object (&self->session);
  g_clear_object (&self->quiz);
  g_clear_object (&self->chapters);

  G_OBJECT_CLASS (wtw_quiz_view_parent_class)->dispose (object);
}

static void
wtw_quiz_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    case PROP_CHAPTERS:
      g_value_set_object (value, self->chapters);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PAGE:
      g_value_set_string (value, wtw_quiz_view_get_page (self));
      break;

    case PROP_ANSWER:
      g_value_set_uint (value,
                        self->session ? wtw_quiz_session_get_current_answer (self->session) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      wtw_quiz_view_set_quiz (self, g_value_get_object (value));
      break;

    case PROP_CHAPTERS:
      wtw_quiz_view_set_chapters (self, g_value_get_object (value));
      break;

    case PROP_ANSWER:
      /* Setting the answer is answering: it is what quiz.answer does, and
       * it moves on to the next statement. */
      if (self->session != NULL && g_strcmp0 (wtw_quiz_view_get_page (self), "question") == 0)
        wtw_quiz_session_answer (self->session, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_view_class_init (WtwQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_quiz_view_dispose;
  object_class->get_property = wtw_quiz_view_get_property;
  object_class->set_property = wtw_quiz_view_set_property;

  /**
   * WtwQuizView:quiz:
   *
   * The quiz to take. Setting it starts a new session on the start page.
   */
  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         WTW_TYPE_QUIZ,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizView:chapters:
   *
   * The workbook's #WtwChapter list, to name the chapters the results
   * suggest. Without it the suggestions show chapter ids.
   */
  properties[PROP_CHAPTERS] =
    g_param_spec_object ("chapters", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizView:session:
   *
   * The session on show, new with every quiz.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_QUIZ_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizView:page:
   *
   * The page on show: "start", "question" or "results".
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "start",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizView:answer:
   *
   * The answer to the statement on show, 1–5, or 0 for none yet. Setting
   * it answers and moves on; it backs the stateful `quiz.answer` action,
   * so the answer buttons show the answer already given.
   */
  properties[PROP_ANSWER] =
    g_param_spec_uint ("answer", NULL, NULL,
                       0, 5, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WTW_TYPE_QUIZ_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-quiz-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, stack);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, duration_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, intro_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, dimensions_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, start_disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, start_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, counter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, dimension_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, item_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, overall_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, chart);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, scores_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, insights_heading);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, insights_box);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, recommend_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, chapters_box);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, again_button);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *button = g_strdup_printf ("answer_button_%u", i + 1);
      g_autofree char *label = g_strdup_printf ("scale_label_%u", i + 1);

      gtk_widget_class_bind_template_child_full (widget_class, button, FALSE,
                                                 G_STRUCT_OFFSET (WtwQuizView, answer_buttons)
                                                 + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
                                                 G_STRUCT_OFFSET (WtwQuizView, scale_labels)
                                                 + i * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "quiz.start", NULL, start_action);
  gtk_widget_class_install_property_action (widget_class, "quiz.answer", "answer");
  gtk_widget_class_install_action (widget_class, "quiz.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "quiz.restart", NULL, restart_action);

  for (guint v = 1; v <= 5; v++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + v, 0,
                                           "quiz.answer", "u", v);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + v, 0,
                                           "quiz.answer", "u", v);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "quiz.back", NULL);
}

static void
wtw_quiz_view_init (WtwQuizView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * wtw_quiz_view_new:
 *
 * Returns: (transfer floating): a new quiz view, empty until it is given
 *   a quiz with wtw_quiz_view_set_quiz()
 */
GtkWidget *
wtw_quiz_view_new (void)
{
  return g_object_new (WTW_TYPE_QUIZ_VIEW, NULL);
}

WtwQuiz *
wtw_quiz_view_get_quiz (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return self->quiz;
}

/**
 * wtw_quiz_view_set_quiz:
 * @self: a #WtwQuizView
 * @quiz: (nullable): the quiz to take
 *
 * Shows @quiz on the start page, with a new session and no answers.
 */
void
wtw_quiz_view_set_quiz (WtwQuizView *self,
                        WtwQuiz     *quiz)
{
  g_return_if_fail (WTW_IS_QUIZ_VIEW (self));
  g_return_if_fail (!quiz || WTW_IS_QUIZ (quiz));

  if (!g_set_object (&self->quiz, quiz))
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  if (quiz != NULL)
    {
      self->session = wtw_quiz_session_new (quiz);
      g_signal_connect_object (self->session, "notify",
                               G_CALLBACK (on_session_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_start_page (self);
  wtw_quiz_chart_set_quiz (self->chart, quiz);
  wtw_quiz_chart_set_result (self->chart, NULL);
  gtk_stack_set_visible_child_name (self->stack, "start");
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIZ]);
}

GListModel *
wtw_quiz_view_get_chapters (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return self->chapters;
}

/**
 * wtw_quiz_view_set_chapters:
 * @self: a #WtwQuizView
 * @chapters: (nullable): a list of #WtwChapter, as wtw_content_get_chapters()
 *
 * Gives the view the chapters' titles for its suggestions.
 */
void
wtw_quiz_view_set_chapters (WtwQuizView *self,
                            GListModel  *chapters)
{
  g_return_if_fail (WTW_IS_QUIZ_VIEW (self));
  g_return_if_fail (!chapters || G_IS_LIST_MODEL (chapters));

  if (!g_set_object (&self->chapters, chapters))
    return;

  if (self->session != NULL)
    update_recommendations (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTERS]);
}

/**
 * wtw_quiz_view_get_session:
 * @self: a #WtwQuizView
 *
 * Returns: (transfer none) (nullable): the session on show, %NULL without
 *   a quiz
 */
WtwQuizSession *
wtw_quiz_view_get_session (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return self->session;
}

/**
 * wtw_quiz_view_get_page:
 * @self: a #WtwQuizView
 *
 * Returns: "start", "question" or "results"
 */
const char *
wtw_quiz_view_get_page (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
