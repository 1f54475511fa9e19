/* wtw-quiz-history-chart.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-quiz-history-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-quiz-history-chart.h"
#include "wtw-quiz-record.h"

/**
 * WtwQuizHistoryChart:
 *
 * Each dimension's score over time: one line per dimension, one point per
 * past result, oldest on the left, 0 to 100 upwards.
 *
 * It draws a list of #WtwQuizRecord (as #WtwQuizHistory holds them, newest
 * first) and says the same in words to assistive technologies: its
 * accessible description reads "Communication: 60 on 3 March 2026, 72 on
 * 10 April 2026. Affection: …". The lines differ in colour and in the shape
 * of their points, so they can be told apart without colour.
 */
struct _WtwQuizHistoryChart
{
  GtkWidget   parent_instance;

  WtwQuiz    *quiz;
  GListModel *history;

  /* Oldest first: the records, copied from the history on every change. */
  GPtrArray  *points;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (WtwQuizHistoryChart, wtw_quiz_history_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUIZ,
  PROP_HISTORY,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PLOT_HEIGHT  180
#define MARKER         5
#define GAP            8
#define LEGEND_SWATCH 12

/* The same palette as WtwQuizChart, so a dimension keeps its colour. */
static const char * const line_colors[] = { "blue_3", "purple_3", "green_4", "orange_3" };

typedef enum { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_DIAMOND, SHAPE_TRIANGLE } Shape;

static char *
format_date (gint64 taken)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (taken);

  /* Translators: a date in the quiz history, see strftime(3) */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static char *
format_short_date (gint64 taken)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (taken);

  /* Translators: a short date under the history chart, see strftime(3) */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static void
update_summary (WtwQuizHistoryChart *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  GListModel *dimensions;
  guint n_series = wtw_quiz_history_chart_get_n_series (self);

  if (self->points->len == 0)
    g_string_append (summary, _("No results yet."));

  dimensions = self->quiz ? wtw_quiz_get_dimensions (self->quiz) : NULL;
  for (guint s = 0; self->points->len > 0 && s < n_series; s++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, s);

      if (summary->len > 0)
        g_string_append_c (summary, ' ');
      /* Translators: a dimension's name before its scores over time */
      g_string_append_printf (summary, _("%s:"), wtw_quiz_dimension_get_name (dimension));
      for (guint p = 0; p < self->points->len; p++)
        {
          g_autofree char *date = format_date (wtw_quiz_record_get_taken (self->points->pdata[p]));
          int value = wtw_quiz_history_chart_get_value (self, s, p);

          g_string_append (summary, p == 0 ? " " : _(", "));
          if (value == WTW_QUIZ_NO_SCORE)
            /* Translators: no score on a date, as in "no score on 3 March 2026" */
            g_string_append_printf (summary, _("no score on %s"), date);
          else
            /* Translators: a score on a date, as in "72 on 3 March 2026" */
            g_string_append_printf (summary, _("%d on %s"), value, date);
        }
      g_string_append_c (summary, '.');
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
update_points (WtwQuizHistoryChart *self)
{
  guint n = self->history ? g_list_model_get_n_items (self->history) : 0;

  g_ptr_array_set_size (self->points, 0);
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (self->points, g_list_model_get_item (self->history, i - 1));

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_history_items_changed_cb (WtwQuizHistoryChart *self,
                             guint                position,
                             guint                removed,
                             guint                added,
                             GListModel          *history)
{
  update_points (self);
}

static PangoLayout *
create_layout (WtwQuizHistoryChart *self,
               const char          *text,
               double               scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static int
text_height (WtwQuizHistoryChart *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "0", 0.8);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static int
axis_width (WtwQuizHistoryChart *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "100", 0.8);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             float          x,
             float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_marker (cairo_t *cr,
             Shape    shape,
             double   x,
             double   y)
{
  switch (shape)
    {
    case SHAPE_CIRCLE:
      cairo_arc (cr, x, y, MARKER, 0, 2 * G_PI);
      break;

    case SHAPE_SQUARE:
      cairo_rectangle (cr, x - MARKER + 0.5, y - MARKER + 0.5, 2 * MARKER - 1, 2 * MARKER - 1);
      break;

    case SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - MARKER - 1);
      cairo_line_to (cr, x + MARKER + 1, y);
      cairo_line_to (cr, x, y + MARKER + 1);
      cairo_line_to (cr, x - MARKER - 1, y);
      cairo_close_path (cr);
      break;

    case SHAPE_TRIANGLE:
    default:
      cairo_move_to (cr, x, y - MARKER - 1);
      cairo_line_to (cr, x + MARKER + 1, y + MARKER);
      cairo_line_to (cr, x - MARKER - 1, y + MARKER);
      cairo_close_path (cr);
      break;
    }
  cairo_fill (cr);
}

static void
get_colors (WtwQuizHistoryChart *self,
            GdkRGBA             *fg,
            GdkRGBA             *lines)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  for (guint i = 0; i < G_N_ELEMENTS (line_colors); i++)
    if (!gtk_style_context_lookup_color (context, line_colors[i], &lines[i]))
      lines[i] = *fg;
}

static double
point_x (WtwQuizHistoryChart *self,
         float                x0,
         float                x1,
         guint                point)
{
  if (self->points->len <= 1)
    return (x0 + x1) / 2.0;

  return x0 + (x1 - x0) * point / (self->points->len - 1);
}

static void
draw_lines (WtwQuizHistoryChart *self,
            GtkSnapshot         *snapshot,
            const GdkRGBA       *colors,
            float                x0,
            float                x1,
            float                width)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0, width,
                                                                PLOT_HEIGHT + 2 * MARKER));

  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < wtw_quiz_history_chart_get_n_series (self); s++)
    {
      gboolean pen_down = FALSE;

      gdk_cairo_set_source_rgba (cr, &colors[s % G_N_ELEMENTS (line_colors)]);
      for (guint p = 0; p < self->points->len; p++)
        {
          int value = wtw_quiz_history_chart_get_value (self, s, p);
          double y = MARKER + PLOT_HEIGHT * (1 - value / 100.0);

          /* A result without this dimension's score breaks the line. */
          if (value == WTW_QUIZ_NO_SCORE)
            pen_down = FALSE;
          else if (pen_down)
            cairo_line_to (cr, point_x (self, x0, x1, p), y);
          else
            {
              cairo_move_to (cr, point_x (self, x0, x1, p), y);
              pen_down = TRUE;
            }
        }
      cairo_stroke (cr);

      for (guint p = 0; p < self->points->len; p++)
        {
          int value = wtw_quiz_history_chart_get_value (self, s, p);

          if (value != WTW_QUIZ_NO_SCORE)
            draw_marker (cr, s % 4, point_x (self, x0, x1, p),
                         MARKER + PLOT_HEIGHT * (1 - value / 100.0));
        }
    }
  cairo_destroy (cr);
}

static void
draw_legend (WtwQuizHistoryChart *self,
             GtkSnapshot         *snapshot,
             const GdkRGBA       *fg,
             const GdkRGBA       *colors,
             float                x0,
             float                y)
{
  GListModel *dimensions = wtw_quiz_get_dimensions (self->quiz);
  float x = x0;

  for (guint s = 0; s < wtw_quiz_history_chart_get_n_series (self); s++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, s);
      g_autoptr(PangoLayout) layout = create_layout (self, wtw_quiz_dimension_get_letter (dimension),
                                                     0.9);
      int width, height;
      cairo_t *cr;

      pango_layout_get_pixel_size (layout, &width, &height);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, LEGEND_SWATCH + 4,
                                                                     height));
      gdk_cairo_set_source_rgba (cr, &colors[s % G_N_ELEMENTS (line_colors)]);
      draw_marker (cr, s % 4, x + LEGEND_SWATCH / 2.0, y + height / 2.0);
      cairo_destroy (cr);
      draw_layout (snapshot, layout, fg, x + LEGEND_SWATCH + 4, y);
      x += LEGEND_SWATCH + 4 + width + 2 * GAP;
    }
}

static void
wtw_quiz_history_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  WtwQuizHistoryChart *self = WTW_QUIZ_HISTORY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int axis = axis_width (self);
  int line_height = text_height (self);
  float x0 = axis + GAP + 2 * MARKER;
  float x1 = width - 2 * MARKER;
  float dates_y = PLOT_HEIGHT + 2 * MARKER + GAP / 2.0f;
  GdkRGBA fg, grid, dim;
  GdkRGBA colors[G_N_ELEMENTS (line_colors)];

  if (self->quiz == NULL || self->points->len == 0)
    return;

  get_colors (self, &fg, colors);
  grid = dim = fg;
  grid.alpha *= 0.15f;
  dim.alpha *= 0.65f;

  /* Quarter lines, labelled every half. */
  for (guint q = 0; q <= 4; q++)
    {
      float y = MARKER + PLOT_HEIGHT * (1 - q / 4.0f);

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (x0 - MARKER, roundf (y) - 0.5f,
                                                      x1 - x0 + 2 * MARKER, 1));
      if (q % 2 == 0)
        {
          g_autofree char *text = g_strdup_printf ("%u", q * 25);
          g_autoptr(PangoLayout) layout = create_layout (self, text, 0.8);
          int text_width;

          pango_layout_get_pixel_size (layout, &text_width, NULL);
          draw_layout (snapshot, layout, &dim, axis - text_width, y - line_height / 2.0f);
        }
    }

  draw_lines (self, snapshot, colors, x0, x1, width);

  /* The first and the last date under their points. */
  for (guint i = 0; i < MIN (self->points->len, 2); i++)
    {
      guint p = i == 0 ? 0 : self->points->len - 1;
      g_autofree char *date = format_short_date (wtw_quiz_record_get_taken (self->points->pdata[p]));
      g_autoptr(PangoLayout) layout = create_layout (self, date, 0.8);
      int text_width;
      float x = point_x (self, x0, x1, p);

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (self->points->len == 1)
        x -= text_width / 2.0f;
      else if (i == 1)
        x -= text_width;
      draw_layout (snapshot, layout, &dim, MAX (x, x0 - MARKER), dates_y);
    }

  draw_legend (self, snapshot, &fg, colors, x0 - MARKER, dates_y + line_height + GAP);
}

static void
wtw_quiz_history_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  WtwQuizHistoryChart *self = WTW_QUIZ_HISTORY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else if (self->points->len == 0 || self->quiz == NULL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = PLOT_HEIGHT + 2 * MARKER + GAP / 2 + 2 * text_height (self) * 1.25 + GAP;
}

static void
wtw_quiz_history_chart_dispose (GObject *object)
{
  WtwQuizHistoryChart *self = (WtwQuizHistoryChart *)object;

  wtw_quiz_history_chart_set_history (self, NULL);
  g_clear_object (&self->quiz);
  g_ptr_array_set_size (self->points, 0);

  G_OBJECT_CLASS (wtw_quiz_history_chart_parent_class)->dispose (object);
}

static void
wtw_quiz_history_chart_finalize (GObject *object)
{
  WtwQuizHistoryChart *self = (WtwQuizHistoryChart *)object;

  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (wtw_quiz_history_chart_parent_class)->finalize (object);
}

static void
wtw_quiz_history_chart_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WtwQuizHistoryChart *self = WTW_QUIZ_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_history_chart_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WtwQuizHistoryChart *self = WTW_QUIZ_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      wtw_quiz_history_chart_set_quiz (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      wtw_quiz_history_chart_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_quiz_history_chart_class_init (WtwQuizHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_quiz_history_chart_dispose;
  object_class->finalize = wtw_quiz_history_chart_finalize;
  object_class->get_property = wtw_quiz_history_chart_get_property;
  object_class->set_property = wtw_quiz_history_chart_set_property;

  widget_class->snapshot = wtw_quiz_history_chart_snapshot;
  widget_class->measure = wtw_quiz_history_chart_measure;

  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         WTW_TYPE_QUIZ,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizHistoryChart:history:
   *
   * The results to draw, a list of #WtwQuizRecord, newest first.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwQuizHistoryChart:summary:
   *
   * The chart in words, as its accessible description gives it.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "quizhistorychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wtw_quiz_history_chart_init (WtwQuizHistoryChart *self)
{
  self->points = g_ptr_array_new_with_free_func (g_object_unref);
  self->summary = g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scores over time"),
                                  -1);
  update_summary (self);
}

/**
 * wtw_quiz_history_chart_new:
 *
 * Returns: (transfer floating): a new, empty chart
 */
GtkWidget *
wtw_quiz_history_chart_new (void)
{
  return g_object_new (WTW_TYPE_QUIZ_HISTORY_CHART, NULL);
}

WtwQuiz *
wtw_quiz_history_chart_get_quiz (WtwQuizHistoryChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), NULL);

  return self->quiz;
}

/**
 * wtw_quiz_history_chart_set_quiz:
 * @self: a #WtwQuizHistoryChart
 * @quiz: (nullable): the quiz, for its dimensions' names and letters
 */
void
wtw_quiz_history_chart_set_quiz (WtwQuizHistoryChart *self,
                                 WtwQuiz             *quiz)
{
  g_return_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self));
  g_return_if_fail (!quiz || WTW_IS_QUIZ (quiz));

  if (!g_set_object (&self->quiz, quiz))
    return;

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIZ]);
}

GListModel *
wtw_quiz_history_chart_get_history (WtwQuizHistoryChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), NULL);

  return self->history;
}

/**
 * wtw_quiz_history_chart_set_history:
 * @self: a #WtwQuizHistoryChart
 * @history: (nullable): a list of #WtwQuizRecord, newest first
 *
 * Draws @history, following its changes.
 */
void
wtw_quiz_history_chart_set_history (WtwQuizHistoryChart *self,
                                    GListModel          *history)
{
  g_return_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self));
  g_return_if_fail (!history || G_IS_LIST_MODEL (history));

  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_items_changed_cb, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "items-changed",
                             G_CALLBACK (on_history_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_points (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * wtw_quiz_history_chart_get_n_series:
 * @self: a #WtwQuizHistoryChart
 *
 * Returns: the number of lines: one per dimension of the quiz
 */
guint
wtw_quiz_history_chart_get_n_series (WtwQuizHistoryChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), 0);

  if (self->quiz == NULL)
    return 0;

  return g_list_model_get_n_items (wtw_quiz_get_dimensions (self->quiz));
}

/**
 * wtw_quiz_history_chart_get_n_points:
 * @self: a #WtwQuizHistoryChart
 *
 * Returns: the number of points on each line: one per result
 */
guint
wtw_quiz_history_chart_get_n_points (WtwQuizHistoryChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), 0);

  return self->points->len;
}

/**
 * wtw_quiz_history_chart_get_value:
 * @self: a #WtwQuizHistoryChart
 * @series: a dimension's index
 * @point: a result's index, 0 for the oldest
 *
 * Returns: the score drawn there, 0–100, or %WTW_QUIZ_NO_SCORE
 */
int
wtw_quiz_history_chart_get_value (WtwQuizHistoryChart *self,
                                  guint                series,
                                  guint                point)
{
  int value;

  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), WTW_QUIZ_NO_SCORE);

  if (point >= self->points->len || series >= wtw_quiz_history_chart_get_n_series (self))
    return WTW_QUIZ_NO_SCORE;

  value = wtw_quiz_record_get_score (self->points->pdata[point], series);

  return value == WTW_QUIZ_NO_SCORE ? value : CLAMP (value, 0, 100);
}

/**
 * wtw_quiz_history_chart_get_time:
 * @self: a #WtwQuizHistoryChart
 * @point: a result's index, 0 for the oldest
 *
 * Returns: when that result was taken, Unix time, or 0
 */
gint64
wtw_quiz_history_chart_get_time (WtwQuizHistoryChart *self,
                                 guint                point)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), 0);

  if (point >= self->points->len)
    return 0;

  return wtw_quiz_record_get_taken (self->points->pdata[point]);
}

const char *
wtw_quiz_history_chart_get_summary (WtwQuizHistoryChart *self)
{
  g_return_val_if_fail (WTW_IS_QUIZ_HISTORY_CHART (self), NULL);

  return self->summary;
}
