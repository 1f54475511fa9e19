/* wtw-chapter-row.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-chapter-row"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-chapter-row.h"

/**
 * WtwChapterRow:
 *
 * A row of the workbook's chapter list: the chapter's number, its title
 * and the one-line summary, and once there is a vault, four small dots for
 * the parts the current member has done.
 */
struct _WtwChapterRow
{
  AdwActionRow  parent_instance;

  WtwChapter   *chapter;
  guint         parts;

  /* Template widgets */
  GtkLabel     *number_label;
  GtkWidget    *parts_box;
};

G_DEFINE_FINAL_TYPE (WtwChapterRow, wtw_chapter_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHAPTER,
  PROP_PARTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
part_title (guint part)
{
  switch (part)
    {
    case 1:
      return _("Explanation");
    case 2:
      return _("Scripts");
    case 3:
      return _("Reflect");
    default:
      return _("Conversation");
    }
}

static void
update_parts (WtwChapterRow *self)
{
  GtkWidget *dot = gtk_widget_get_first_child (self->parts_box);
  g_autofree char *label = NULL;
  guint done = 0;

  for (guint part = 1; part <= 4 && dot != NULL; part++, dot = gtk_widget_get_next_sibling (dot))
    {
      gboolean is_done = (self->parts & (1u << (part - 1))) != 0;
      g_autofree char *tooltip = g_strdup_printf (is_done ? _("%s: done") : _("%s: not done yet"),
                                                  part_title (part));

      done += is_done;
      gtk_widget_set_tooltip_text (dot, tooltip);
      if (is_done)
        gtk_widget_add_css_class (dot, "done");
      else
        gtk_widget_remove_css_class (dot, "done");
    }

  /* TRANSLATORS: "2 of 4 parts done" */
  label = g_strdup_printf (_("%u of %u parts done"), done, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->parts_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (self->parts_box, NULL);
}

static void
wtw_chapter_row_constructed (GObject *object)
{
  WtwChapterRow *self = (WtwChapterRow *)object;
  g_autofree char *number = NULL;
  g_autofree char *accessible = NULL;

  G_OBJECT_CLASS (wtw_chapter_row_parent_class)->constructed (object);

  g_assert (WTW_IS_CHAPTER (self->chapter));

  number = g_strdup_printf ("%u", wtw_chapter_get_number (self->chapter));
  gtk_label_set_text (self->number_label, number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), wtw_chapter_get_title (self->chapter));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), wtw_chapter_get_summary (self->chapter));

  /* Read as "Chapter 3: Staying Yourself Up Close", not "3". */
  /* TRANSLATORS: "Chapter 3: Staying Yourself Up Close" */
  accessible = g_strdup_printf (_("Chapter %u: %s"),
                                wtw_chapter_get_number (self->chapter),
                                wtw_chapter_get_title (self->chapter));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  wtw_chapter_get_summary (self->chapter),
                                  -1);
}

static void
wtw_chapter_row_dispose (GObject *object)
{
  WtwChapterRow *self = (WtwChapterRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_CHAPTER_ROW);
  g_clear_object (&self->chapter);

  G_OBJECT_CLASS (wtw_chapter_row_parent_class)->dispose (object);
}

static void
wtw_chapter_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WtwChapterRow *self = WTW_CHAPTER_ROW (object);

  switch (prop_id)
    {
    case PROP_CHAPTER:
      g_value_set_object (value, self->chapter);
      break;

    case PROP_PARTS:
      g_value_set_int (value, wtw_chapter_row_get_parts (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_chapter_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WtwChapterRow *self = WTW_CHAPTER_ROW (object);

  switch (prop_id)
    {
    case PROP_CHAPTER:
      self->chapter = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_chapter_row_class_init (WtwChapterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wtw_chapter_row_constructed;
  object_class->dispose = wtw_chapter_row_dispose;
  object_class->get_property = wtw_chapter_row_get_property;
  object_class->set_property = wtw_chapter_row_set_property;

  /**
   * WtwChapterRow:chapter:
   *
   * The chapter this row stands for.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_object ("chapter", NULL, NULL,
                         WTW_TYPE_CHAPTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapterRow:parts:
   *
   * The parts done as bits (bit 0 is the explanation), or -1 when unknown
   * (no vault): then no dots are shown.
   */
  properties[PROP_PARTS] =
    g_param_spec_int ("parts", NULL, NULL,
                      -1, 15, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-chapter-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwChapterRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, WtwChapterRow, parts_box);
}

static void
wtw_chapter_row_init (WtwChapterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (dot), 10);
      gtk_widget_add_css_class (dot, "chapter-part-dot");
      gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (self->parts_box), dot);
    }
}

/**
 * wtw_chapter_row_new:
 * @chapter: the chapter to show
 *
 * Returns: (transfer floating): a new #WtwChapterRow
 */
GtkWidget *
wtw_chapter_row_new (WtwChapter *chapter)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (chapter), NULL);

  return g_object_new (WTW_TYPE_CHAPTER_ROW, "chapter", chapter, NULL);
}

/**
 * wtw_chapter_row_get_chapter:
 * @self: a #WtwChapterRow
 *
 * Returns: (transfer none): the chapter this row stands for
 */
WtwChapter *
wtw_chapter_row_get_chapter (WtwChapterRow *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_ROW (self), NULL);

  return self->chapter;
}

/**
 * wtw_chapter_row_get_parts:
 * @self: a #WtwChapterRow
 *
 * Returns: the parts done as bits, or -1 when not known
 */
int
wtw_chapter_row_get_parts (WtwChapterRow *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER_ROW (self), -1);

  return gtk_widget_get_visible (self->parts_box) ? (int) self->parts : -1;
}

/**
 * wtw_chapter_row_set_parts:
 * @self: a #WtwChapterRow
 * @parts: the parts done as bits (bit 0 is the explanation), or -1 to show
 *   no progress
 */
void
wtw_chapter_row_set_parts (WtwChapterRow *self,
                           int            parts)
{
  g_return_if_fail (WTW_IS_CHAPTER_ROW (self));
  g_return_if_fail (parts >= -1 && parts <= 15);

  if (wtw_chapter_row_get_parts (self) == parts)
    return;

  gtk_widget_set_visible (self->parts_box, parts >= 0);
  self->parts = parts >= 0 ? (guint) parts : 0;
  update_parts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTS]);
}
