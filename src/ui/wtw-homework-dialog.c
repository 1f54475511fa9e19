/* wtw-homework-dialog.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-homework-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-homework-dialog.h"
#include "wtw-homework-row.h"

/**
 * WtwHomeworkDialog:
 *
 * The form that assigns homework, or changes homework already assigned:
 * the chapter, the whole of it or one of its four parts, the day it is due
 * (a calendar in a popover) and an optional note. Saving goes through the
 * #WtwHomeworkList; when that fails, the form stays open with what was
 * typed and says why in one sentence.
 */
struct _WtwHomeworkDialog
{
  AdwWindow         parent_instance;

  WtwHomeworkList  *list;
  WtwContent       *content;
  WtwHomeworkItem  *item;
  GDate             due;

  /* Template widgets */
  AdwComboRow      *chapter_row;
  AdwComboRow      *part_row;
  GtkStringList    *part_model;
  GtkMenuButton    *due_button;
  GtkPopover       *due_popover;
  GtkCalendar      *calendar;
  AdwEntryRow      *note_row;
  GtkLabel         *save_label;
  GtkWidget        *save_button;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (WtwHomeworkDialog, wtw_homework_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
chapter_label_cb (WtwChapter *chapter)
{
  if (chapter == NULL)
    return NULL;
  /* TRANSLATORS: a chapter in a list: "6. Always and Never" */
  return g_strdup_printf (_("%u. %s"), wtw_chapter_get_number (chapter),
                          wtw_chapter_get_title (chapter));
}

static void
show_due (WtwHomeworkDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) selected = NULL;
  GDate today;

  wtw_homework_list_get_today (self->list, &today);
  text = wtw_homework_format_date (&self->due, &today);
  /* The day alone starts with a capital: "Today", not "today". */
  if (g_unichar_islower (g_utf8_get_char (text)))
    {
      g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);
      char *capitalized = g_strconcat (first, g_utf8_next_char (text), NULL);

      g_free (text);
      text = capitalized;
    }
  /* Spoken as "Due, Thursday 5 March", shown as "Thursday 5 March". */
  gtk_menu_button_set_label (self->due_button, text);
  selected = g_date_time_new_local (g_date_get_year (&self->due), g_date_get_month (&self->due),
                                    g_date_get_day (&self->due), 12, 0, 0);
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, selected);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
show_error (WtwHomeworkDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_calendar_day_selected_cb (WtwHomeworkDialog *self,
                             GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  int y, m, d;

  g_date_time_get_ymd (date, &y, &m, &d);
  g_date_set_dmy (&self->due, d, m, y);
  show_due (self);
  gtk_popover_popdown (self->due_popover);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WtwHomeworkDialog *self = WTW_HOMEWORK_DIALOG (widget);

  if (wtw_homework_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
wtw_homework_dialog_dispose (GObject *object)
{
  WtwHomeworkDialog *self = (WtwHomeworkDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_HOMEWORK_DIALOG);
  g_clear_object (&self->item);
  g_clear_object (&self->list);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (wtw_homework_dialog_parent_class)->dispose (object);
}

static void
wtw_homework_dialog_class_init (WtwHomeworkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_homework_dialog_dispose;

  /**
   * WtwHomeworkDialog::saved:
   * @self: the dialog
   * @item: the homework as saved
   *
   * Emitted once the homework is in the vault, before the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WTW_TYPE_HOMEWORK_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/wtw-homework-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, chapter_row);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, part_row);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, part_model);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, due_button);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, due_popover);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "homework-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wtw_homework_dialog_init (WtwHomeworkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint part = 0; part <= 4; part++)
    gtk_string_list_append (self->part_model, wtw_homework_part_title (part));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_date_clear (&self->due, 1);
}

/**
 * wtw_homework_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @list: where the homework is saved
 * @content: the chapters to choose from
 *
 * A new form for new homework: the first chapter, the whole of it, due a
 * week from today. Call wtw_homework_dialog_set_chapter() to start from a
 * chapter, or wtw_homework_dialog_set_item() to change homework instead.
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
WtwHomeworkDialog *
wtw_homework_dialog_new (GtkWindow       *parent,
                         WtwHomeworkList *list,
                         WtwContent      *content)
{
  g_autoptr(GtkExpression) expression = NULL;
  WtwHomeworkDialog *self;
  GDate today;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (list), NULL);
  g_return_val_if_fail (WTW_IS_CONTENT (content), NULL);

  self = g_object_new (WTW_TYPE_HOMEWORK_DIALOG, "transient-for", parent, NULL);
  self->list = g_object_ref (list);
  self->content = g_object_ref (content);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (chapter_label_cb), NULL, NULL);
  adw_combo_row_set_expression (self->chapter_row, expression);
  adw_combo_row_set_model (self->chapter_row, wtw_content_get_chapters (content));

  wtw_homework_list_get_today (list, &today);
  self->due = today;
  g_date_add_days (&self->due, 7);
  show_due (self);
  return self;
}

/**
 * wtw_homework_dialog_set_chapter:
 * @self: a #WtwHomeworkDialog
 * @chapter_id: the chapter to start from
 * @part: %WTW_HOMEWORK_WHOLE_CHAPTER or a part, 1–4
 */
void
wtw_homework_dialog_set_chapter (WtwHomeworkDialog *self,
                                 const char        *chapter_id,
                                 guint              part)
{
  GListModel *chapters;

  g_return_if_fail (WTW_IS_HOMEWORK_DIALOG (self));

  chapters = wtw_content_get_chapters (self->content);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (wtw_chapter_get_id (chapter), chapter_id) == 0)
        adw_combo_row_set_selected (self->chapter_row, i);
    }
  adw_combo_row_set_selected (self->part_row, MIN (part, 4));
}

/**
 * wtw_homework_dialog_set_item:
 * @self: a #WtwHomeworkDialog
 * @item: the homework to change
 *
 * Turns the form into "Edit Homework", filled from @item.
 */
void
wtw_homework_dialog_set_item (WtwHomeworkDialog *self,
                              WtwHomeworkItem   *item)
{
  const WtwHomework *homework;

  g_return_if_fail (WTW_IS_HOMEWORK_DIALOG (self));
  g_return_if_fail (WTW_IS_HOMEWORK_ITEM (item));

  g_set_object (&self->item, item);
  homework = wtw_homework_item_get_homework (item);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Homework"));
  gtk_label_set_text_with_mnemonic (self->save_label, _("_Save"));
  wtw_homework_dialog_set_chapter (self, homework->chapter_id, homework->part);
  if (g_date_valid (&homework->due))
    wtw_homework_dialog_set_due (self, &homework->due);
  wtw_homework_dialog_set_note (self, homework->note);
}

/**
 * wtw_homework_dialog_get_item:
 * @self: a #WtwHomeworkDialog
 *
 * Returns: (transfer none) (nullable): the homework being changed, or %NULL
 *   for new homework
 */
WtwHomeworkItem *
wtw_homework_dialog_get_item (WtwHomeworkDialog *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_DIALOG (self), NULL);

  return self->item;
}

/**
 * wtw_homework_dialog_get_chapter_id:
 * @self: a #WtwHomeworkDialog
 *
 * Returns: (nullable): the id of the chapter chosen
 */
const char *
wtw_homework_dialog_get_chapter_id (WtwHomeworkDialog *self)
{
  WtwChapter *chapter;

  g_return_val_if_fail (WTW_IS_HOMEWORK_DIALOG (self), NULL);

  chapter = adw_combo_row_get_selected_item (self->chapter_row);
  return chapter != NULL ? wtw_chapter_get_id (chapter) : NULL;
}

guint
wtw_homework_dialog_get_part (WtwHomeworkDialog *self)
{
  guint selected;

  g_return_val_if_fail (WTW_IS_HOMEWORK_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->part_row);
  return selected == GTK_INVALID_LIST_POSITION ? WTW_HOMEWORK_WHOLE_CHAPTER : MIN (selected, 4);
}

/**
 * wtw_homework_dialog_get_due:
 * @self: a #WtwHomeworkDialog
 * @due: (out caller-allocates): the day chosen
 */
void
wtw_homework_dialog_get_due (WtwHomeworkDialog *self,
                             GDate             *due)
{
  g_return_if_fail (WTW_IS_HOMEWORK_DIALOG (self));
  g_return_if_fail (due != NULL);

  *due = self->due;
}

void
wtw_homework_dialog_set_due (WtwHomeworkDialog *self,
                             const GDate       *due)
{
  g_return_if_fail (WTW_IS_HOMEWORK_DIALOG (self));
  g_return_if_fail (due != NULL && g_date_valid (due));

  self->due = *due;
  show_due (self);
}

void
wtw_homework_dialog_set_note (WtwHomeworkDialog *self,
                              const char        *note)
{
  g_return_if_fail (WTW_IS_HOMEWORK_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

/**
 * wtw_homework_dialog_save:
 * @self: a #WtwHomeworkDialog
 *
 * Saves what the form says, as new homework or as the change to the
 * homework it edits, and emits #WtwHomeworkDialog::saved. On error the
 * form shows why and keeps everything as typed.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
wtw_homework_dialog_save (WtwHomeworkDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  WtwHomeworkItem *saved = NULL;
  const char *chapter_id;
  guint part;

  g_return_val_if_fail (WTW_IS_HOMEWORK_DIALOG (self), FALSE);

  chapter_id = wtw_homework_dialog_get_chapter_id (self);
  part = wtw_homework_dialog_get_part (self);
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (self->item != NULL)
    {
      if (wtw_homework_list_update (self->list, self->item, chapter_id, part, &self->due,
                                    note, &error))
        saved = self->item;
    }
  else
    saved = wtw_homework_list_add (self->list, chapter_id, part, &self->due, note, &error);

  if (saved == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, saved);
  return TRUE;
}
