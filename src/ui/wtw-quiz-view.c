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
#include "wtw-quiz-comparison.h"
#include "wtw-quiz-history.h"
#include "wtw-quiz-history-chart.h"
#include "wtw-quiz-view.h"
#include "wtw-session.h"

/**
 * WtwQuizView:
 *
 * The C.A.R.E. quiz on five pages: what it is ("start"), one statement at
 * a time ("question"), the results ("results"), every past result with a
 * chart of the scores over time ("history"), and both partners' latest
 * scores side by side ("partners").
 *
 * The view shows a #WtwQuizSession. Given the app's #WtwSession, it keeps
 * the answers of an unfinished sitting in the vault (after every answer,
 * and when the vault locks), offers to resume them, and saves each
 * completed quiz with its date; all of that goes through #WtwQuizHistory,
 * so the view never touches the vault itself. A past result opens on the
 * results page in read-only mode.
 *
 * Its actions are `quiz.start`, `quiz.answer` (a "u" from 1 to 5, bound to
 * the keys 1–5), `quiz.back` (Alt+Left: the previous statement, or the page
 * this one was opened from), `quiz.restart`, `quiz.show-history`,
 * `quiz.show-partners` and `quiz.open-result` (an "x", a result id).
 * Chapter suggestions activate `win.open-chapter` with the chapter id, for
 * the window to handle.
 */
struct _WtwQuizView
{
  AdwBin          parent_instance;

  WtwQuiz        *quiz;
  GListModel     *chapters;
  WtwQuizSession *quiz_session;
  WtwSession     *session;
  WtwQuizHistory *history;
  WtwQuizComparison *comparison;
  /* The past result on the results page, read-only; NULL for the
   * session's own result. */
  WtwQuizSession *past_session;
  WtwQuizRecord  *past_record;
  guint           save_source;
  /* Set while answers are loaded from the vault, so loading them does not
   * save them straight back. */
  gboolean        loading;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *title_label;
  GtkLabel       *duration_label;
  GtkLabel       *intro_label;
  GtkListBox     *dimensions_list;
  GtkLabel       *start_disclaimer_label;
  GtkLabel       *member_label;
  GtkWidget      *start_button;
  GtkWidget      *start_over_button;
  GtkWidget      *more_list;
  GtkWidget      *history_button;
  GtkLabel       *history_subtitle_label;
  GtkWidget      *partners_button;
  GtkLabel       *partners_subtitle_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *counter_label;
  GtkLabel       *dimension_label;
  GtkLabel       *item_label;
  GtkWidget      *answer_buttons[5];
  GtkLabel       *scale_labels[5];
  GtkWidget      *back_button;
  GtkScrolledWindow *results_scroller;
  GtkWidget      *results_back_button;
  GtkLabel       *results_title_label;
  GtkLabel       *results_date_label;
  GtkLabel       *overall_label;
  WtwQuizChart   *chart;
  GtkListBox     *scores_list;
  GtkWidget      *insights_heading;
  GtkBox         *insights_box;
  GtkLabel       *recommend_label;
  GtkBox         *chapters_box;
  GtkLabel       *results_disclaimer_label;
  GtkWidget      *again_button;
  GtkWidget      *see_history_button;
  GtkScrolledWindow *history_scroller;
  GtkWidget      *history_back_button;
  GtkWidget      *history_empty_label;
  WtwQuizHistoryChart *history_chart;
  GtkWidget      *history_list_heading;
  GtkListBox     *history_list;
  GtkScrolledWindow *partners_scroller;
  GtkWidget      *partners_back_button;
  GtkLabel       *partners_status_label;
  GtkListBox     *comparison_list;
  GtkWidget      *talk_box;
  GtkLabel       *talk_label;
  GtkBox         *talk_chapters_box;
};

G_DEFINE_FINAL_TYPE (WtwQuizView, wtw_quiz_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_QUIZ,
  PROP_CHAPTERS,
  PROP_SESSION,
  PROP_QUIZ_SESSION,
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.start", self->quiz_session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.restart", self->quiz_session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.answer", asking);
  /* Back is the previous statement while asking, and the page this one
   * was opened from elsewhere. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.back",
                                 (asking && self->quiz_session != NULL &&
                                  wtw_quiz_session_get_can_go_back (self->quiz_session)) ||
                                 g_strcmp0 (page, "history") == 0 ||
                                 g_strcmp0 (page, "partners") == 0 ||
                                 (g_strcmp0 (page, "results") == 0 && self->past_record != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.show-history", self->history != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.show-partners", self->history != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.open-result", self->history != NULL);
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

  if (self->quiz_session == NULL)
    return;

  item = wtw_quiz_session_get_current_item (self->quiz_session);
  n_items = wtw_quiz_session_get_n_items (self->quiz_session);
  progress = wtw_quiz_session_get_progress (self->quiz_session);

  counter = g_strdup_printf (_("Question %u of %u"),
                             wtw_quiz_session_get_position (self->quiz_session) + 1, n_items);
  answered = g_strdup_printf (_("%u of %u answered"),
                              wtw_quiz_session_get_n_answered (self->quiz_session), n_items);

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
update_recommendations (WtwQuizView    *self,
                        WtwQuizSession *sitting)
{
  g_autoptr(GListModel) weakest = wtw_quiz_session_dup_weakest_dimensions (sitting);
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
update_results (WtwQuizView    *self,
                WtwQuizSession *sitting)
{
  WtwQuizResult *result = wtw_quiz_session_get_result (sitting);
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

  update_recommendations (self, sitting);
}

static char *
format_date (gint64 taken)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (taken);

  /* Translators: the date a quiz was taken, see strftime(3) */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static gboolean
is_unlocked (WtwQuizView *self)
{
  return self->history != NULL && wtw_vault_is_unlocked (wtw_quiz_history_get_vault (self->history));
}

/* The saved results and the partners, as the start page lists them. */
static void
update_vault_rows (WtwQuizView *self)
{
  guint n_results = self->history ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;
  guint n_members = self->comparison ? wtw_quiz_comparison_get_n_members (self->comparison) : 0;
  g_autofree char *results = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *member = NULL;

  gtk_widget_set_visible (self->more_list, self->history != NULL);

  if (n_results == 0)
    results = g_strdup (_("No results yet"));
  else
    results = g_strdup_printf (ngettext ("%u result", "%u results", n_results), n_results);
  gtk_label_set_label (self->history_subtitle_label, results);

  if (n_members < 2)
    partners = g_strdup (_("Appears once a partner is added"));
  else
    partners = g_strdup_printf (_("Your latest scores beside %s’s"),
                                wtw_quiz_comparison_get_name (self->comparison,
                                                              WTW_QUIZ_PARTNER_OTHER));
  gtk_label_set_label (self->partners_subtitle_label, partners);

  /* With two partners at one computer, say whose answers these are. */
  if (n_members >= 2)
    member = g_strdup_printf (_("Answering as %s"),
                              wtw_quiz_comparison_get_name (self->comparison,
                                                            WTW_QUIZ_PARTNER_SELF));
  gtk_label_set_label (self->member_label, member);
  gtk_widget_set_visible (GTK_WIDGET (self->member_label), member != NULL);
}

/* "Resume" with the count of answers kept, or a plain start. */
static void
update_start_button (WtwQuizView *self)
{
  guint answered = self->quiz_session ? wtw_quiz_session_get_n_answered (self->quiz_session) : 0;
  gboolean resumable = answered > 0 && !wtw_quiz_session_get_complete (self->quiz_session);

  if (resumable)
    {
      g_autofree char *label =
        /* Translators: resume the quiz, as in "Resume (7 of 20 answered)" */
        g_strdup_printf (_("_Resume (%u of %u answered)"), answered,
                         wtw_quiz_session_get_n_items (self->quiz_session));

      gtk_button_set_label (GTK_BUTTON (self->start_button), label);
    }
  else
    gtk_button_set_label (GTK_BUTTON (self->start_button), _("_Start the Quiz"));
  gtk_widget_set_visible (self->start_over_button, resumable);
}

static void
update_results_header (WtwQuizView *self)
{
  gboolean read_only = self->past_record != NULL;
  g_autofree char *date = NULL;

  if (read_only)
    date = format_date (wtw_quiz_record_get_taken (self->past_record));
  else if (self->history != NULL && self->quiz_session != NULL &&
           wtw_quiz_session_get_complete (self->quiz_session) &&
           g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0)
    {
      g_autoptr(WtwQuizRecord) latest = g_list_model_get_item (G_LIST_MODEL (self->history), 0);

      date = format_date (wtw_quiz_record_get_taken (latest));
    }

  gtk_label_set_label (self->results_title_label,
                       read_only ? _("Past Results") : _("Your Results"));
  if (date != NULL)
    {
      /* Translators: when a quiz was taken, as in "Taken on 3 March 2026" */
      g_autofree char *taken = g_strdup_printf (_("Taken on %s"), date);

      gtk_label_set_label (self->results_date_label, taken);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_date_label), date != NULL);
  gtk_widget_set_visible (self->results_back_button, read_only);
  gtk_widget_set_visible (self->again_button, !read_only);
  gtk_widget_set_visible (self->see_history_button, !read_only && self->history != NULL);
}

static void
clear_past (WtwQuizView *self)
{
  g_clear_object (&self->past_session);
  g_clear_object (&self->past_record);
}

static void
save_progress (WtwQuizView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->quiz_session == NULL || !is_unlocked (self))
    return;

  if (!wtw_quiz_history_save_progress (self->history, self->quiz_session, &error))
    g_warning ("Could not keep the quiz answers: %s", error->message);
}

static gboolean
save_progress_cb (gpointer data)
{
  WtwQuizView *self = data;

  self->save_source = 0;
  save_progress (self);

  return G_SOURCE_REMOVE;
}

/* Answers reach the vault once per turn of the main loop, however many
 * properties one answer changes; locking saves at once. */
static void
schedule_save (WtwQuizView *self)
{
  if (self->loading || self->history == NULL || self->save_source != 0)
    return;

  self->save_source = g_idle_add (save_progress_cb, self);
}

static void
reload_comparison (WtwQuizView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->quiz == NULL || !is_unlocked (self))
    {
      g_clear_object (&self->comparison);
      return;
    }

  if (self->comparison == NULL || wtw_quiz_comparison_get_quiz (self->comparison) != self->quiz)
    {
      g_clear_object (&self->comparison);
      self->comparison = wtw_quiz_comparison_new (self->quiz);
    }
  if (!wtw_quiz_comparison_load (self->comparison, wtw_quiz_history_get_vault (self->history),
                                 &error))
    g_warning ("Could not compare the partners’ results: %s", error->message);
}

static void
record_result (WtwQuizView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->loading || !is_unlocked (self))
    return;

  if (wtw_quiz_history_add (self->history, self->quiz_session, 0, &error) == NULL)
    g_warning ("Could not save the quiz result: %s", error->message);
  reload_comparison (self);
  update_vault_rows (self);
}

static GtkWidget *
create_history_row_cb (gpointer item,
                       gpointer user_data)
{
  WtwQuizView *self = user_data;
  WtwQuizRecord *record = item;
  g_autoptr(WtwQuizResult) result = wtw_quiz_record_score (record, self->quiz, NULL);
  g_autofree char *date = format_date (wtw_quiz_record_get_taken (record));
  g_autoptr(GString) letters = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (NULL);
  GListModel *dimensions = wtw_quiz_get_dimensions (self->quiz);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, d);
      int score = wtw_quiz_record_get_score (record, d);

      if (score == WTW_QUIZ_NO_SCORE)
        continue;
      if (letters->len > 0)
        {
          g_string_append (letters, " · ");
          g_string_append (spoken, _(", "));
        }
      g_string_append_printf (letters, "%s %d", wtw_quiz_dimension_get_letter (dimension), score);
      /* Translators: a dimension's score, as in "Communication 72 of 100" */
      g_string_append_printf (spoken, _("%s %d of 100"), wtw_quiz_dimension_get_name (dimension),
                              score);
    }

  if (result != NULL && wtw_quiz_result_get_overall (result) != WTW_QUIZ_NO_SCORE)
    /* Translators: the overall score, then each dimension's letter and score */
    subtitle = g_strdup_printf (_("Overall %d · %s"), wtw_quiz_result_get_overall (result),
                                letters->str);
  else
    subtitle = g_strdup (letters->str);

  row = new_row (date, subtitle);
  /* A list row has no name of its own on the accessibility bus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, date,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken->str,
                                  -1);

  /* A result whose answers no longer fit the quiz keeps its scores in the
   * list, but has no full results to open. */
  if (result != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "quiz.open-result");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (wtw_quiz_record_get_id (record)));
    }

  return row;
}

static void
update_history_page (WtwQuizView *self)
{
  gboolean empty = self->history == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->history)) == 0;

  gtk_widget_set_visible (self->history_empty_label, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->history_chart), !empty);
  gtk_widget_set_visible (self->history_list_heading, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), !empty);
}

static void
on_history_items_changed_cb (WtwQuizView *self,
                             guint        position,
                             guint        removed,
                             guint        added,
                             GListModel  *history)
{
  update_history_page (self);
  update_vault_rows (self);
}

static void
set_history (WtwQuizView    *self,
             WtwQuizHistory *history)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);

  wtw_quiz_history_chart_set_quiz (self->history_chart, self->quiz);
  wtw_quiz_history_chart_set_history (self->history_chart, G_LIST_MODEL (history));
  if (history != NULL)
    {
      gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (history),
                               create_history_row_cb, self, NULL);
      g_signal_connect_object (history, "items-changed",
                               G_CALLBACK (on_history_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);

  update_history_page (self);
}

static GtkWidget *
new_score_column (const char *caption,
                  const char *value,
                  gboolean    highlight)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *name = gtk_label_new (caption);

  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (column, 52, -1);
  gtk_widget_add_css_class (number, "title-3");
  gtk_widget_add_css_class (number, "numeric");
  if (highlight)
    gtk_widget_add_css_class (number, "accent");
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 7);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_box_append (GTK_BOX (column), number);
  gtk_box_append (GTK_BOX (column), name);

  return column;
}

static void
add_comparison_row (WtwQuizView      *self,
                    WtwQuizDimension *dimension,
                    guint             index,
                    gboolean          widest)
{
  const char *mine = wtw_quiz_comparison_get_name (self->comparison, WTW_QUIZ_PARTNER_SELF);
  const char *theirs = wtw_quiz_comparison_get_name (self->comparison, WTW_QUIZ_PARTNER_OTHER);
  int my_score = wtw_quiz_comparison_get_score (self->comparison, WTW_QUIZ_PARTNER_SELF, index);
  int their_score = wtw_quiz_comparison_get_score (self->comparison, WTW_QUIZ_PARTNER_OTHER, index);
  int gap = wtw_quiz_comparison_get_gap (self->comparison, index);
  g_autofree char *my_text = g_strdup_printf ("%d", my_score);
  g_autofree char *their_text = g_strdup_printf ("%d", their_score);
  g_autofree char *gap_text = g_strdup_printf ("%d", gap);
  g_autofree char *spoken = NULL;
  GtkWidget *row, *suffix;

  if (gap < 0)
    return;

  row = new_row (wtw_quiz_dimension_get_name (dimension),
                 widest ? _("Widest gap") : NULL);
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (suffix), new_score_column (mine, my_text, FALSE));
  gtk_box_append (GTK_BOX (suffix), new_score_column (theirs, their_text, FALSE));
  /* Translators: the difference between two partners' scores, a column heading */
  gtk_box_append (GTK_BOX (suffix), new_score_column (_("Gap"), gap_text, widest));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  /* Translators: a dimension compared, as in "Resolution: Alex 72, Sam 40, a gap of 32" */
  spoken = g_strdup_printf (_("%s: %s %d, %s %d, a gap of %d"),
                            wtw_quiz_dimension_get_name (dimension),
                            mine, my_score, theirs, their_score, gap);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (suffix),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_list_box_append (self->comparison_list, row);
}

static char *
partners_status (WtwQuizView *self)
{
  WtwQuizRecord *mine, *theirs;
  const char *other;
  g_autofree char *my_date = NULL;
  g_autofree char *their_date = NULL;

  if (self->comparison == NULL || wtw_quiz_comparison_get_n_members (self->comparison) < 2)
    return g_strdup (_("The comparison appears once a partner is added "
                       "(Preferences → Partners). Each of you then takes the quiz under "
                       "your own name, and your latest scores show here side by side."));

  mine = wtw_quiz_comparison_get_record (self->comparison, WTW_QUIZ_PARTNER_SELF);
  theirs = wtw_quiz_comparison_get_record (self->comparison, WTW_QUIZ_PARTNER_OTHER);
  other = wtw_quiz_comparison_get_name (self->comparison, WTW_QUIZ_PARTNER_OTHER);

  if (mine == NULL && theirs == NULL)
    return g_strdup_printf (_("Neither you nor %s has taken the quiz yet. Once you both "
                              "have, each under your own name, your latest scores show "
                              "here side by side."), other);
  if (mine == NULL)
    return g_strdup_printf (_("%s has taken the quiz. Take it too, and your latest scores "
                              "show here side by side."), other);
  if (theirs == NULL)
    return g_strdup_printf (_("%s has not taken the quiz yet. Once they have, under their "
                              "own name, your latest scores show here side by side."), other);

  my_date = format_date (wtw_quiz_record_get_taken (mine));
  their_date = format_date (wtw_quiz_record_get_taken (theirs));
  /* Translators: the dates of the two results compared */
  return g_strdup_printf (_("Your latest scores, from %s, beside %s’s, from %s."),
                          my_date, other, their_date);
}

static void
update_talk (WtwQuizView *self)
{
  int widest = wtw_quiz_comparison_get_widest_dimension (self->comparison);
  g_autoptr(WtwQuizDimension) dimension = NULL;
  g_autofree char *text = NULL;
  const char * const *chapters;
  int gap;

  remove_all (GTK_WIDGET (self->talk_chapters_box));
  if (widest < 0)
    return;

  dimension = g_list_model_get_item (wtw_quiz_get_dimensions (self->quiz), widest);
  gap = wtw_quiz_comparison_get_gap (self->comparison, widest);
  if (gap == 0)
    {
      gtk_label_set_label (self->talk_label,
                           _("Your scores are the same in every dimension. Talking about why "
                             "you answered as you did is still worth it."));
      return;
    }

  text = g_strdup_printf (ngettext ("Your scores are furthest apart in %s, %d point apart. "
                                    "Start your next talk there, with these chapters:",
                                    "Your scores are furthest apart in %s, %d points apart. "
                                    "Start your next talk there, with these chapters:", gap),
                          wtw_quiz_dimension_get_name (dimension), gap);
  gtk_label_set_label (self->talk_label, text);

  chapters = wtw_quiz_dimension_get_chapters (dimension);
  for (guint c = 0; chapters != NULL && chapters[c] != NULL; c++)
    gtk_box_append (self->talk_chapters_box, new_chapter_button (self, chapters[c]));
}

static void
update_partners (WtwQuizView *self)
{
  g_autofree char *status = partners_status (self);
  gboolean complete = self->comparison != NULL &&
                      wtw_quiz_comparison_get_n_members (self->comparison) >= 2 &&
                      wtw_quiz_comparison_get_complete (self->comparison);

  remove_all (GTK_WIDGET (self->comparison_list));
  gtk_label_set_label (self->partners_status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_list), complete);
  gtk_widget_set_visible (self->talk_box, complete);
  if (!complete)
    return;

  for (guint d = 0; d < wtw_quiz_comparison_get_n_dimensions (self->comparison); d++)
    {
      g_autoptr(WtwQuizDimension) dimension =
        g_list_model_get_item (wtw_quiz_get_dimensions (self->quiz), d);

      add_comparison_row (self, dimension, d,
                          (int)d == wtw_quiz_comparison_get_widest_dimension (self->comparison) &&
                          wtw_quiz_comparison_get_gap (self->comparison, d) > 0);
    }
  update_talk (self);
}

static void
scroll_to_top (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
show_page (WtwQuizView *self,
           const char  *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);

  if (g_str_equal (page, "question"))
    {
      guint answer = wtw_quiz_session_get_current_answer (self->quiz_session);

      update_question (self);
      gtk_widget_grab_focus (self->answer_buttons[answer > 0 ? answer - 1 : 0]);
    }
  else if (g_str_equal (page, "results"))
    {
      update_results_header (self);
      /* The answer button that had focus is gone: the chart, which says
       * the scores in words, is where reading the results starts. */
      gtk_widget_grab_focus (GTK_WIDGET (self->chart));
      scroll_to_top (self->results_scroller);
    }
  else if (g_str_equal (page, "start"))
    {
      update_start_button (self);
      update_vault_rows (self);
      gtk_widget_grab_focus (self->start_button);
    }
  else if (g_str_equal (page, "history"))
    {
      update_history_page (self);
      if (gtk_widget_get_visible (GTK_WIDGET (self->history_chart)))
        gtk_widget_grab_focus (GTK_WIDGET (self->history_chart));
      else
        gtk_widget_grab_focus (self->history_back_button);
      scroll_to_top (self->history_scroller);
    }
  else if (g_str_equal (page, "partners"))
    {
      gtk_widget_grab_focus (self->partners_back_button);
      scroll_to_top (self->partners_scroller);
    }

  update_actions (self);
}

/* Reads the member's results, unfinished answers and partner from the
 * vault, and starts over on the start page. */
static void
reload_vault_data (WtwQuizView *self)
{
  g_autoptr(GError) error = NULL;
  WtwVault *vault;

  if (self->session == NULL || self->quiz == NULL ||
      wtw_session_get_state (self->session) != WTW_SESSION_STATE_UNLOCKED)
    return;

  vault = wtw_session_get_vault (self->session);
  if (self->history == NULL || wtw_quiz_history_get_vault (self->history) != vault)
    {
      g_autoptr(WtwQuizHistory) history = wtw_quiz_history_new (vault);

      set_history (self, history);
    }
  if (!wtw_quiz_history_reload (self->history, &error))
    g_warning ("Could not read the quiz history: %s", error->message);
  g_clear_error (&error);

  clear_past (self);
  self->loading = TRUE;
  wtw_quiz_session_restart (self->quiz_session);
  if (!wtw_quiz_history_restore_progress (self->history, self->quiz_session, &error) &&
      error != NULL)
    g_warning ("Could not resume the quiz: %s", error->message);
  self->loading = FALSE;

  reload_comparison (self);
  update_partners (self);
  show_page (self, "start");
}

/* Locked: nothing read from the vault stays on screen. */
static void
forget_vault_data (WtwQuizView *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  clear_past (self);
  if (self->history != NULL)
    wtw_quiz_history_reload (self->history, NULL);
  g_clear_object (&self->comparison);
  if (self->quiz_session != NULL)
    {
      self->loading = TRUE;
      wtw_quiz_session_restart (self->quiz_session);
      self->loading = FALSE;
    }
  update_partners (self);
  show_page (self, "start");
}

static void
on_session_notify_cb (WtwQuizView *self,
                      GParamSpec  *pspec,
                      GObject     *session)
{
  if (g_str_equal (pspec->name, "current-answer"))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
      schedule_save (self);
    }
  else if (g_str_equal (pspec->name, "result"))
    {
      clear_past (self);
      update_results (self, self->quiz_session);
      if (wtw_quiz_session_get_result (self->quiz_session) != NULL)
        {
          record_result (self);
          show_page (self, "results");
        }
    }
  else if (g_str_equal (pspec->name, "n-answered"))
    {
      schedule_save (self);
      update_question (self);
      update_start_button (self);
    }
  else
    update_question (self);
}

static void
on_app_session_locking_cb (WtwQuizView *self,
                           WtwSession  *session)
{
  save_progress (self);
}

static void
on_app_session_member_changed_cb (WtwQuizView *self,
                                  WtwSession  *session)
{
  reload_vault_data (self);
}

static void
on_app_session_state_changed_cb (WtwQuizView *self,
                                 GParamSpec  *pspec,
                                 WtwSession  *session)
{
  if (wtw_session_get_state (session) == WTW_SESSION_STATE_UNLOCKED)
    reload_vault_data (self);
  else
    forget_vault_data (self);
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

  if (wtw_quiz_session_get_complete (self->quiz_session))
    wtw_quiz_session_restart (self->quiz_session);
  show_page (self, "question");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);
  const char *page = wtw_quiz_view_get_page (self);

  if (g_strcmp0 (page, "question") == 0)
    wtw_quiz_session_go_back (self->quiz_session);
  else if (g_strcmp0 (page, "results") == 0 && self->past_record != NULL)
    {
      clear_past (self);
      update_results (self, self->quiz_session);
      show_page (self, "history");
    }
  else if (g_strcmp0 (page, "history") == 0 || g_strcmp0 (page, "partners") == 0)
    show_page (self, "start");
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);

  wtw_quiz_session_restart (self->quiz_session);
  show_page (self, "question");
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);

  if (self->past_record != NULL)
    {
      clear_past (self);
      update_results (self, self->quiz_session);
    }
  show_page (self, "history");
}

static void
show_partners_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);

  reload_comparison (self);
  update_partners (self);
  show_page (self, "partners");
}

static void
open_result_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WtwQuizView *self = WTW_QUIZ_VIEW (widget);
  g_autoptr(WtwQuizSession) past = NULL;
  g_autoptr(GError) error = NULL;
  WtwQuizRecord *record;

  record = wtw_quiz_history_lookup (self->history, g_variant_get_int64 (parameter));
  if (record == NULL)
    return;

  past = wtw_quiz_session_new (self->quiz);
  if (!wtw_quiz_session_load_answers (past, wtw_quiz_record_get_answers_json (record), &error) ||
      !wtw_quiz_session_get_complete (past))
    {
      g_debug ("Result %" G_GINT64_FORMAT " cannot be opened: %s",
               wtw_quiz_record_get_id (record), error ? error->message : "incomplete");
      return;
    }

  g_set_object (&self->past_session, past);
  g_set_object (&self->past_record, record);
  update_results (self, self->past_session);
  show_page (self, "results");
}

static void
wtw_quiz_view_dispose (GObject *object)
{
  WtwQuizView *self = (WtwQuizView *)object;

  /* Answers given since the last turn of the main loop are not lost. */
  if (self->save_source != 0)
    save_progress (self);
  wtw_quiz_view_set_session (self, NULL);

  /* The stack is AdwBin's child and a template child: let AdwBin let go of
   * it first, or disposing the template would unparent it behind AdwBin's
   * back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_QUIZ_VIEW);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->comparison);
  clear_past (self);
  g_clear_object (&self->quiz_session);
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

    case PROP_QUIZ_SESSION:
      g_value_set_object (value, self->quiz_session);
      break;

    case PROP_PAGE:
      g_value_set_string (value, wtw_quiz_view_get_page (self));
      break;

    case PROP_ANSWER:
      g_value_set_uint (value,
                        self->quiz_session ? wtw_quiz_session_get_current_answer (self->quiz_session) : 0);
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

    case PROP_SESSION:
      wtw_quiz_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_ANSWER:
      /* Setting the answer is answering: it is what quiz.answer does, and
       * it moves on to the next statement. */
      if (self->quiz_session != NULL && g_strcmp0 (wtw_quiz_view_get_page (self), "question") == 0)
        wtw_quiz_session_answer (self->quiz_session, g_value_get_uint (value));
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
   * The app's #WtwSession, whose vault keeps the quiz history and the
   * answers of an unfinished sitting. Without it nothing is saved, and
   * History and Partners are not offered.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizView:quiz-session:
   *
   * The sitting on show, new with every quiz.
   */
  properties[PROP_QUIZ_SESSION] =
    g_param_spec_object ("quiz-session", NULL, NULL,
                         WTW_TYPE_QUIZ_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizView:page:
   *
   * The page on show: "start", "question", "results", "history" or
   * "partners".
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
  g_type_ensure (WTW_TYPE_QUIZ_HISTORY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-quiz-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, stack);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, duration_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, intro_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, dimensions_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, start_disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, member_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, start_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, start_over_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, more_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, partners_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, partners_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, counter_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, dimension_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, item_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_date_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, overall_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, chart);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, scores_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, insights_heading);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, insights_box);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, recommend_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, chapters_box);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, results_disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, again_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, see_history_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_scroller);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_empty_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_chart);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_list_heading);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, history_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, partners_scroller);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, partners_back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, partners_status_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, comparison_list);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, talk_box);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, talk_label);
  gtk_widget_class_bind_template_child (widget_class, WtwQuizView, talk_chapters_box);
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
  gtk_widget_class_install_action (widget_class, "quiz.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "quiz.show-partners", NULL,
                                   show_partners_action);
  gtk_widget_class_install_action (widget_class, "quiz.open-result", "x", open_result_action);

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
  update_vault_rows (self);
  update_history_page (self);
  update_partners (self);
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
 * Shows @quiz on the start page, with a new session: with no answers, or
 * with the answers kept in the vault if the view has a #WtwSession.
 */
void
wtw_quiz_view_set_quiz (WtwQuizView *self,
                        WtwQuiz     *quiz)
{
  g_return_if_fail (WTW_IS_QUIZ_VIEW (self));
  g_return_if_fail (!quiz || WTW_IS_QUIZ (quiz));

  if (!g_set_object (&self->quiz, quiz))
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  clear_past (self);
  if (self->quiz_session != NULL)
    g_signal_handlers_disconnect_by_data (self->quiz_session, self);
  g_clear_object (&self->quiz_session);

  if (quiz != NULL)
    {
      self->quiz_session = wtw_quiz_session_new (quiz);
      g_signal_connect_object (self->quiz_session, "notify",
                               G_CALLBACK (on_session_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_start_page (self);
  wtw_quiz_chart_set_quiz (self->chart, quiz);
  wtw_quiz_chart_set_result (self->chart, NULL);
  wtw_quiz_history_chart_set_quiz (self->history_chart, quiz);
  gtk_stack_set_visible_child_name (self->stack, "start");
  update_start_button (self);
  update_actions (self);
  reload_vault_data (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIZ_SESSION]);
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

  if (self->past_session != NULL)
    update_recommendations (self, self->past_session);
  else if (self->quiz_session != NULL)
    update_recommendations (self, self->quiz_session);
  if (self->comparison != NULL)
    update_partners (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTERS]);
}

/**
 * wtw_quiz_view_get_session:
 * @self: a #WtwQuizView
 *
 * Returns: (transfer none) (nullable): the app's session, if given
 */
WtwSession *
wtw_quiz_view_get_session (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return self->session;
}

/**
 * wtw_quiz_view_set_session:
 * @self: a #WtwQuizView
 * @session: (nullable): the app's session
 *
 * Lets the view keep the quiz in @session's vault: unfinished answers are
 * saved after each answer and when the vault locks, and offered again to
 * resume; completed quizzes are saved with their date, listed in History
 * and compared between partners. The view follows @session as it locks,
 * unlocks and changes member.
 */
void
wtw_quiz_view_set_session (WtwQuizView *self,
                           WtwSession  *session)
{
  g_return_if_fail (WTW_IS_QUIZ_VIEW (self));
  g_return_if_fail (!session || WTW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      save_progress (self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "locking",
                               G_CALLBACK (on_app_session_locking_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "member-changed",
                               G_CALLBACK (on_app_session_member_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::state",
                               G_CALLBACK (on_app_session_state_changed_cb), self,
                               G_CONNECT_SWAPPED);
      reload_vault_data (self);
    }
  else
    {
      set_history (self, NULL);
      g_clear_object (&self->comparison);
      update_vault_rows (self);
      update_partners (self);
      update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * wtw_quiz_view_get_quiz_session:
 * @self: a #WtwQuizView
 *
 * Returns: (transfer none) (nullable): the sitting on show, %NULL without
 *   a quiz
 */
WtwQuizSession *
wtw_quiz_view_get_quiz_session (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return self->quiz_session;
}

/**
 * wtw_quiz_view_get_page:
 * @self: a #WtwQuizView
 *
 * Returns: "start", "question", "results", "history" or "partners"
 */
const char *
wtw_quiz_view_get_page (WtwQuizView *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
