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
 * and the one-line summary.
 */
struct _WtwChapterRow
{
  AdwActionRow  parent_instance;

  WtwChapter   *chapter;

  /* Template widgets */
  GtkLabel     *number_label;
};

G_DEFINE_FINAL_TYPE (WtwChapterRow, wtw_chapter_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHAPTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-chapter-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwChapterRow, number_label);
}

static void
wtw_chapter_row_init (WtwChapterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
