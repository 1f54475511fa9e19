/* wtw-quiz-chart.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-quiz-chart.h"

/**
 * WtwQuizChart:
 *
 * The scores of a quiz result as one horizontal bar per dimension, 0 to
 * 100, each with its letter and its number.
 *
 * The chart draws what its #WtwQuizChart:result holds and nothing else,
 * and says the same in words to assistive technologies: its accessible
 * description reads "Communication 72 of 100, Affection 58 of 100, …".
 */
struct _WtwQuizChart
{
  GtkWidget      parent_instance;

  WtwQuiz       *quiz;
  WtwQuizResult *result;

  /* One Bar per dimension of the quiz, rebuilt when either changes. */
  GArray        *bars;
  char          *summary;
};

typedef struct
{
  char *letter;
  char *name;
  int   value;
} Bar;

G_DEFINE_FINAL_TYPE (WtwQuizChart, wtw_quiz_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUIZ,
  PROP_RESULT,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BAR_HEIGHT   28
#define BAR_GAP      16
#define BAR_RADIUS    6
#define COLUMN_GAP   12
#define AXIS_GAP      6

/* Named colours of the libadwaita palette, one per bar. They keep their
 * hue in the dark style, and the text never sits on them. */
static const char * const bar_colors[] = { "blue_3", "purple_3", "green_4", "orange_3" };

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->letter, g_free);
  g_clear_pointer (&bar->name, g_free);
}

static void
update_bars (WtwQuizChart *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  GListModel *dimensions;

  g_array_set_size (self->bars, 0);

  if (self->quiz != NULL)
    {
      dimensions = wtw_quiz_get_dimensions (self->quiz);
      for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
        {
          g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, i);
          Bar bar;

          bar.letter = g_strdup (wtw_quiz_dimension_get_letter (dimension));
          bar.name = g_strdup (wtw_quiz_dimension_get_name (dimension));
          bar.value = WTW_QUIZ_NO_SCORE;
          if (self->result != NULL && wtw_quiz_result_has_score (self->result, i))
            bar.value = CLAMP (wtw_quiz_result_get_score (self->result, i), 0, 100);
          g_array_append_val (self->bars, bar);

          if (summary->len > 0)
            g_string_append (summary, _(", "));
          if (bar.value == WTW_QUIZ_NO_SCORE)
            /* Translators: a dimension of the quiz without a score yet */
            g_string_append_printf (summary, _("%s no score"), bar.name);
          else
            /* Translators: a dimension's score, as in "Communication 72 of 100" */
            g_string_append_printf (summary, _("%s %d of 100"), bar.name, bar.value);
        }
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static PangoLayout *
create_layout (WtwQuizChart *self,
               const char   *text,
               gboolean      bold,
               double        scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  /* Numbers line up when their digits are all the same width. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static int
layout_width (WtwQuizChart *self,
              const char   *text,
              gboolean      bold,
              double        scale)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, bold, scale);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static int
layout_height (WtwQuizChart *self,
               double        scale)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "0", FALSE, scale);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static int
letter_column_width (WtwQuizChart *self)
{
  int width = 0;

  for (guint i = 0; i < self->bars->len; i++)
    width = MAX (width, layout_width (self, g_array_index (self->bars, Bar, i).letter, TRUE, 1.2));

  return width;
}

static int
value_column_width (WtwQuizChart *self)
{
  return layout_width (self, "100", TRUE, 1.0);
}

/* Draws @text with its left edge (or right edge, if @align_right) at @x,
 * centered on @center_y. */
static void
draw_text (WtwQuizChart  *self,
           GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const GdkRGBA *color,
           float          x,
           float          center_y,
           gboolean       align_right)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (align_right ? x - width : x,
                                                center_y - height / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_rounded (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              float          x,
              float          y,
              float          width,
              float          height)
{
  GskRoundedRect clip;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, width, height);

  gsk_rounded_rect_init_from_rect (&clip, &rect, MIN (BAR_RADIUS, MIN (width, height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

/* The palette is looked up by name at every draw, so a switch between
 * the light and dark styles (which redraws) picks up the new values. */
static void
get_colors (WtwQuizChart *self,
            GdkRGBA      *fg,
            GdkRGBA      *fills)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  for (guint i = 0; i < G_N_ELEMENTS (bar_colors); i++)
    if (!gtk_style_context_lookup_color (context, bar_colors[i], &fills[i]) &&
        !gtk_style_context_lookup_color (context, "accent_bg_color", &fills[i]))
      fills[i] = *fg;
}

static void
wtw_quiz_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  WtwQuizChart *self = WTW_QUIZ_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int letter_width = letter_column_width (self);
  int value_width = value_column_width (self);
  float x0 = letter_width + COLUMN_GAP;
  float x1 = width - value_width - COLUMN_GAP;
  float track_width = MAX (x1 - x0, 1);
  float bars_bottom = self->bars->len * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  GdkRGBA fg, track, grid, dim;
  GdkRGBA fills[G_N_ELEMENTS (bar_colors)];

  if (self->bars->len == 0)
    return;

  get_colors (self, &fg, fills);
  track = grid = dim = fg;
  track.alpha *= 0.08f;
  grid.alpha *= 0.18f;
  dim.alpha *= 0.6f;

  /* Quarter lines behind the bars make the numbers easy to compare. */
  for (guint q = 0; q <= 4; q++)
    {
      float x = x0 + track_width * q / 4.0f;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (roundf (x) - 0.5f, 0,
                                                      1, bars_bottom + AXIS_GAP));
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      float y = i * (BAR_HEIGHT + BAR_GAP);
      float center_y = y + BAR_HEIGHT / 2.0f;
      g_autoptr(PangoLayout) letter = create_layout (self, bar->letter, TRUE, 1.2);
      g_autoptr(PangoLayout) value = NULL;

      draw_rounded (snapshot, &track, x0, y, track_width, BAR_HEIGHT);
      if (bar->value > 0)
        draw_rounded (snapshot, &fills[i % G_N_ELEMENTS (bar_colors)],
                      x0, y, MAX (track_width * bar->value / 100.0f, 2 * BAR_RADIUS), BAR_HEIGHT);

      draw_text (self, snapshot, letter, &fg, letter_width, center_y, TRUE);

      if (bar->value == WTW_QUIZ_NO_SCORE)
        value = create_layout (self, "–", TRUE, 1.0);
      else
        {
          g_autofree char *number = g_strdup_printf ("%d", bar->value);

          value = create_layout (self, number, TRUE, 1.0);
        }
      draw_text (self, snapshot, value, &fg, width, center_y, TRUE);
    }

  /* The scale under the bars: 0, 50 and 100. */
  for (guint q = 0; q <= 2; q++)
    {
      g_autofree char *text = g_strdup_printf ("%u", q * 50);
      g_autoptr(PangoLayout) layout = create_layout (self, text, FALSE, 0.8);
      int text_width;
      float x = x0 + track_width * q / 2.0f;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      draw_text (self, snapshot, layout, &dim,
                 CLAMP (x - text_width / 2.0f, x0, x1 - text_width),
                 bars_bottom + AXIS_GAP + layout_height (self, 0.8) / 2.0f,
                 FALSE);
    }
}

static void
wtw_quiz_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  WtwQuizChart *self = WTW_QUIZ_CHART (widget);
  int columns = letter_column_width (self) + value_column_width (self) + 2 * COLUMN_GAP;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = columns + 120;
      *natural = columns + 420;
    }
  else if (self->bars->len == 0)
    {
      *minimum = *natural = 0;
    }
  else
    {
      *minimum = *natural = self->bars->len * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
                            + AXIS_GAP + layout_height (self, 0.8);
    }
}

static void
wtw_quiz_chart_dispose (GObject *object)
{
  WtwQuizChart *self = (WtwQuizChart *)object;

  g_clear_object (&self->quiz);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (wtw_quiz_chart_parent_class)->dispose (object);
}

static void
wtw_quiz_chart_finalize (GObject *object)
{
  WtwQuizChart *self = (WtwQuizChart *)object;

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (wtw_quiz_chart_parent_class)->finalize (object);
}

static void
wtw_quiz_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WtwQuizChart *self = WTW_QUIZ_CHART (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WtwQuizChart *self = WTW_QUIZ_CHART (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      wtw_quiz_chart_set_quiz (self, g_value_get_object (value));
      break;

    case PROP_RESULT:
      wtw_quiz_chart_set_result (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_chart_class_init (WtwQuizChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_quiz_chart_dispose;
  object_class->finalize = wtw_quiz_chart_finalize;
  object_class->get_property = wtw_quiz_chart_get_property;
  object_class->set_property = wtw_quiz_chart_set_property;

  widget_class->snapshot = wtw_quiz_chart_snapshot;
  widget_class->measure = wtw_quiz_chart_measure;

  /**
   * WtwQuizChart:quiz:
   *
   * The quiz whose dimensions the bars stand for.
   */
  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         WTW_TYPE_QUIZ,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizChart:result:
   *
   * The scores to draw; without one, the bars are empty.
   */
  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL,
                         WTW_TYPE_QUIZ_RESULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizChart:summary:
   *
   * The chart in words, as its accessible description gives it.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "quizchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wtw_quiz_chart_init (WtwQuizChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->summary = g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scores by dimension"),
                                  -1);
}

/**
 * wtw_quiz_chart_new:
 *
 * Returns: (transfer floating): a new, empty chart
 */
GtkWidget *
wtw_quiz_chart_new (void)
{
  return g_object_new (WTW_TYPE_QUIZ_CHART, NULL);
}

WtwQuiz *
wtw_quiz_chart_get_quiz (WtwQuizChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_CHART (self), NULL);

  return self->quiz;
}

void
wtw_quiz_chart_set_quiz (WtwQuizChart *self,
                         WtwQuiz      *quiz)
{
  g_return_if_fail (WTW_IS_QUIZ_CHART (self));
  g_return_if_fail (!quiz || WTW_IS_QUIZ (quiz));

  if (g_set_object (&self->quiz, quiz))
    {
      update_bars (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIZ]);
    }
}

WtwQuizResult *
wtw_quiz_chart_get_result (WtwQuizChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_CHART (self), NULL);

  return self->result;
}

void
wtw_quiz_chart_set_result (WtwQuizChart  *self,
                           WtwQuizResult *result)
{
  g_return_if_fail (WTW_IS_QUIZ_CHART (self));
  g_return_if_fail (!result || WTW_IS_QUIZ_RESULT (result));

  if (g_set_object (&self->result, result))
    {
      update_bars (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }
}

/**
 * wtw_quiz_chart_get_n_bars:
 * @self: a #WtwQuizChart
 *
 * Returns: how many bars the chart draws: one per dimension of the quiz
 */
guint
wtw_quiz_chart_get_n_bars (WtwQuizChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_CHART (self), 0);

  return self->bars->len;
}

/**
 * wtw_quiz_chart_get_value:
 * @self: a #WtwQuizChart
 * @bar: a bar index, below wtw_quiz_chart_get_n_bars()
 *
 * Returns: the number drawn on @bar, 0–100, or %WTW_QUIZ_NO_SCORE
 */
int
wtw_quiz_chart_get_value (WtwQuizChart *self,
                          guint         bar)
{
  g_return_val_if_fail (WTW_IS_QUIZ_CHART (self), WTW_QUIZ_NO_SCORE);
  g_return_val_if_fail (bar < self->bars->len, WTW_QUIZ_NO_SCORE);

  return g_array_index (self->bars, Bar, bar).value;
}

/**
 * wtw_quiz_chart_get_letter:
 * @self: a #WtwQuizChart
 * @bar: a bar index, below wtw_quiz_chart_get_n_bars()
 *
 * Returns: the letter drawn beside @bar
 */
const char *
wtw_quiz_chart_get_letter (WtwQuizChart *self,
                           guint         bar)
{
  g_return_val_if_fail (WTW_IS_QUIZ_CHART (self), NULL);
  g_return_val_if_fail (bar < self->bars->len, NULL);

  return g_array_index (self->bars, Bar, bar).letter;
}

/**
 * wtw_quiz_chart_get_summary:
 * @self: a #WtwQuizChart
 *
 * Returns: the chart in words, "Communication 72 of 100, …"
 */
const char *
wtw_quiz_chart_get_summary (WtwQuizChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_CHART (self), NULL);

  return self->summary;
}
