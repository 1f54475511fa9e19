/* wtw-homework-row.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-homework-row"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-homework-row.h"

/**
 * WtwHomeworkRow:
 *
 * A row of the homework list: an icon and a line for where it stands
 * ("Due today", "Overdue since …"), the chapter and part, the note, and real
 * buttons for Done, Edit and Delete (the actions `homework.toggle-done`,
 * `homework.edit` and `homework.delete`, with the homework id as target).
 * Activating the row opens the chapter; whoever lists the rows does that.
 */
struct _WtwHomeworkRow
{
  GtkListBoxRow    parent_instance;

  WtwHomeworkList *list;
  WtwHomeworkItem *item;
  WtwContent      *content;

  /* Template widgets */
  GtkImage        *state_icon;
  GtkLabel        *title_label;
  GtkLabel        *detail_label;
  GtkLabel        *note_label;
  GtkWidget       *done_button;
  GtkLabel        *done_label;
  GtkWidget       *edit_button;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (WtwHomeworkRow, wtw_homework_row, GTK_TYPE_LIST_BOX_ROW)

static char *
state_text (WtwHomeworkItem *item,
            const GDate     *today)
{
  const WtwHomework *homework = wtw_homework_item_get_homework (item);
  g_autofree char *date = NULL;

  if (!g_date_valid (&homework->due))
    return g_strdup (homework->done ? _("Done") : _("No day set"));
  date = wtw_homework_format_date (&homework->due, today);
  switch (wtw_homework_item_get_state (item))
    {
    case WTW_HOMEWORK_STATE_OVERDUE:
      /* TRANSLATORS: "Overdue since Monday 2 March" */
      return g_strdup_printf (_("Overdue since %s"), date);
    case WTW_HOMEWORK_STATE_DUE_TODAY:
      return g_strdup (_("Due today"));
    case WTW_HOMEWORK_STATE_DONE:
      /* TRANSLATORS: "Done · was due Monday 2 March" */
      return g_strdup_printf (_("Done · was due %s"), date);
    case WTW_HOMEWORK_STATE_UPCOMING:
    default:
      /* TRANSLATORS: "Due Monday 2 March" */
      return g_strdup_printf (_("Due %s"), date);
    }
}

static const char *
state_icon_name (WtwHomeworkState state)
{
  switch (state)
    {
    case WTW_HOMEWORK_STATE_OVERDUE:
      return "task-past-due-symbolic";
    case WTW_HOMEWORK_STATE_DONE:
      return "object-select-symbolic";
    case WTW_HOMEWORK_STATE_DUE_TODAY:
      return "task-due-symbolic";
    case WTW_HOMEWORK_STATE_UPCOMING:
    default:
      /* Nothing to worry about yet: no warning badge. */
      return "x-office-calendar-symbolic";
    }
}

static void
update (WtwHomeworkRow *self)
{
  const WtwHomework *homework = wtw_homework_item_get_homework (self->item);
  WtwHomeworkState state = wtw_homework_item_get_state (self->item);
  g_autofree char *chapter = wtw_homework_describe_chapter (self->content, homework->chapter_id);
  g_autofree char *detail = NULL;
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  GDate today;

  wtw_homework_list_get_today (self->list, &today);
  detail = state_text (self->item, &today);
  if (homework->part == WTW_HOMEWORK_WHOLE_CHAPTER)
    title = g_strdup (chapter);
  else
    /* TRANSLATORS: a chapter, then one part of it: "Chapter 6: Always and Never · Reflect" */
    title = g_strdup_printf (_("%s · %s"), chapter, wtw_homework_part_title (homework->part));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->detail_label, detail);
  gtk_label_set_text (self->note_label, homework->note != NULL ? homework->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), homework->note != NULL);
  gtk_image_set_from_icon_name (self->state_icon, state_icon_name (state));

  if (state == WTW_HOMEWORK_STATE_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "warning");
  if (state == WTW_HOMEWORK_STATE_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "dim-label");

  gtk_label_set_text (self->done_label, homework->done ? _("Not Done") : _("Done"));
  /* One suggested button per page at most: "Done" is a plain button on
   * every row, and undoing it is quieter still. */
  if (homework->done)
    gtk_widget_add_css_class (self->done_button, "flat");
  else
    gtk_widget_remove_css_class (self->done_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  homework->done ? _("Mark Not Done") : _("Mark Done"),
                                  -1);

  /* TRANSLATORS: a row read aloud: "Chapter 6: Always and Never · Reflect, Due today" */
  accessible = g_strdup_printf (_("%s, %s"), title, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  homework->note != NULL ? homework->note : "",
                                  -1);
}

static void
on_item_notify_cb (WtwHomeworkRow *self)
{
  update (self);
}

static void
wtw_homework_row_dispose (GObject *object)
{
  WtwHomeworkRow *self = (WtwHomeworkRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_HOMEWORK_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->list);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (wtw_homework_row_parent_class)->dispose (object);
}

static void
wtw_homework_row_class_init (WtwHomeworkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_homework_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-homework-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, done_label);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkRow, delete_button);
}

static void
wtw_homework_row_init (WtwHomeworkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_homework_row_new:
 * @list: the list the item is in (it knows the day)
 * @item: the homework to show
 * @content: (nullable): where chapter titles come from
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
wtw_homework_row_new (WtwHomeworkList *list,
                      WtwHomeworkItem *item,
                      WtwContent      *content)
{
  WtwHomeworkRow *self;
  GVariant *target;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (list), NULL);
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (item), NULL);

  self = g_object_new (WTW_TYPE_HOMEWORK_ROW, NULL);
  self->list = g_object_ref (list);
  self->item = g_object_ref (item);
  self->content = content != NULL ? g_object_ref (content) : NULL;

  target = g_variant_ref_sink (g_variant_new_int64 (wtw_homework_item_get_id (item)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);

  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

/**
 * wtw_homework_row_get_item:
 * @self: a #WtwHomeworkRow
 *
 * Returns: (transfer none): the homework shown
 */
WtwHomeworkItem *
wtw_homework_row_get_item (WtwHomeworkRow *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ROW (self), NULL);

  return self->item;
}

/**
 * wtw_homework_row_get_done_button:
 * @self: a #WtwHomeworkRow
 *
 * Returns: (transfer none): the Done button, to give it focus back
 */
GtkWidget *
wtw_homework_row_get_done_button (WtwHomeworkRow *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ROW (self), NULL);

  return self->done_button;
}

/**
 * wtw_homework_describe_chapter:
 * @content: (nullable): the content
 * @chapter_id: (nullable): a chapter id
 *
 * Returns: (transfer full): "Chapter 6: Always and Never", or a plain
 *   phrase when the chapter is not in the content
 */
char *
wtw_homework_describe_chapter (WtwContent *content,
                               const char *chapter_id)
{
  WtwChapter *chapter = NULL;

  if (content != NULL && chapter_id != NULL)
    chapter = wtw_content_lookup_chapter (content, chapter_id);
  if (chapter == NULL)
    return g_strdup (_("A chapter not in this workbook"));
  /* TRANSLATORS: "Chapter 3: Staying Yourself Up Close" */
  return g_strdup_printf (_("Chapter %u: %s"), wtw_chapter_get_number (chapter),
                          wtw_chapter_get_title (chapter));
}

/**
 * wtw_homework_format_date:
 * @day: a valid day
 * @today: (nullable): today, to say "today", "tomorrow" or leave the year out
 *
 * Returns: (transfer full): the day for people: "today", "tomorrow",
 *   "Thursday 5 March", or with the year when it is not this year's
 */
char *
wtw_homework_format_date (const GDate *day,
                          const GDate *today)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (today != NULL && g_date_valid (today))
    {
      int days = g_date_days_between (today, day);

      if (days == 0)
        return g_strdup (_("today"));
      if (days == 1)
        return g_strdup (_("tomorrow"));
      if (days == -1)
        return g_strdup (_("yesterday"));
    }
  when = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
  if (today != NULL && g_date_valid (today) && g_date_get_year (today) == g_date_get_year (day))
    /* TRANSLATORS: a day this year, see g_date_time_format(): "Thursday 5 March" */
    return g_date_time_format (when, _("%A %-d %B"));
  /* TRANSLATORS: a day of another year, see g_date_time_format(): "Thursday 5 March 2026" */
  return g_date_time_format (when, _("%A %-d %B %Y"));
}
