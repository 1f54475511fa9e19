/* wtw-homework-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-homework-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-homework-row.h"
#include "wtw-homework-view.h"

#define UNDO_SECONDS 8

/**
 * WtwHomeworkView:
 *
 * The homework list: "To Do" (overdue, due today, then later) above
 * "Done", or a short explanation when there is none. Each row has real
 * buttons for Done, Edit and Delete; activating a row emits
 * #WtwHomeworkView::open-chapter. Deleting can be undone from a toast.
 *
 * Actions: `homework.add`, `homework.edit`, `homework.toggle-done` and
 * `homework.delete` (the last three take a homework id, "x"), and
 * `homework.undo-delete`.
 */
struct _WtwHomeworkView
{
  AdwBin              parent_instance;

  WtwHomeworkList    *list;
  WtwContent         *content;
  GtkFilterListModel *todo_model;
  GtkFilterListModel *done_model;
  WtwHomework        *removed;
  AdwToast           *undo_toast;
  guint               undo_timeout;
  /* Closed with the view: when the vault locks, no form may keep a note on screen. */
  GtkWindow          *dialog;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkListBox         *todo_list;
  GtkListBox         *done_list;
  GtkWidget          *done_heading;
};

G_DEFINE_FINAL_TYPE (WtwHomeworkView, wtw_homework_view, ADW_TYPE_BIN)

enum {
  OPEN_CHAPTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_done_cb (gpointer item,
            gpointer user_data)
{
  return wtw_homework_item_get_done (item) == GPOINTER_TO_INT (user_data);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  WtwHomeworkView *self = user_data;

  return wtw_homework_row_new (self->list, item, self->content);
}

static void
toast (WtwHomeworkView *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_page (WtwHomeworkView *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint n_done = self->done_model != NULL
                 ? g_list_model_get_n_items (G_LIST_MODEL (self->done_model)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->done_heading, n_done > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->done_list), n_done > 0);
}

static GtkWindow *
get_window (WtwHomeworkView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static WtwHomeworkItem *
item_from_param (WtwHomeworkView *self,
                 GVariant        *param)
{
  if (self->list == NULL)
    return NULL;
  return wtw_homework_list_lookup (self->list, g_variant_get_int64 (param));
}

/* A change recreates the row (it may move between lists): give the
 * keyboard back to the same homework. */
static void
focus_item (WtwHomeworkView *self,
            gint64           id)
{
  GtkListBox *lists[] = { self->todo_list, self->done_list };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[l]));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (WTW_IS_HOMEWORK_ROW (row)
          && wtw_homework_item_get_id (wtw_homework_row_get_item (WTW_HOMEWORK_ROW (row))) == id)
        {
          gtk_widget_grab_focus (wtw_homework_row_get_done_button (WTW_HOMEWORK_ROW (row)));
          return;
        }
}

static void
on_dialog_saved_cb (WtwHomeworkView   *self,
                    WtwHomeworkItem   *item,
                    WtwHomeworkDialog *dialog)
{
  update_page (self);
  focus_item (self, wtw_homework_item_get_id (item));
}

static void
on_items_changed_cb (WtwHomeworkView *self)
{
  update_page (self);
}

static void
on_row_activated_cb (WtwHomeworkView *self,
                     GtkListBoxRow   *row,
                     GtkListBox      *list)
{
  WtwHomeworkItem *item;

  if (!WTW_IS_HOMEWORK_ROW (row))
    return;
  item = wtw_homework_row_get_item (WTW_HOMEWORK_ROW (row));
  g_signal_emit (self, signals[OPEN_CHAPTER], 0,
                 wtw_homework_item_get_chapter_id (item), wtw_homework_item_get_part (item));
}

static void
forget_removed (WtwHomeworkView *self)
{
  g_clear_pointer (&self->removed, wtw_homework_free);
  self->undo_toast = NULL;
}

static void
on_undo_toast_dismissed_cb (WtwHomeworkView *self,
                            AdwToast        *toast_)
{
  if (toast_ == self->undo_toast)
    forget_removed (self);
}

static void
on_dialog_destroy_cb (WtwHomeworkView *self)
{
  self->dialog = NULL;
}

static void
close_dialog (WtwHomeworkView *self)
{
  GtkWindow *dialog = g_steal_pointer (&self->dialog);

  if (dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_func (dialog, on_dialog_destroy_cb, self);
  gtk_window_destroy (dialog);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  wtw_homework_view_open_dialog (WTW_HOMEWORK_VIEW (widget), NULL, NULL, 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WtwHomeworkView *self = WTW_HOMEWORK_VIEW (widget);
  WtwHomeworkItem *item = item_from_param (self, param);

  if (item != NULL)
    wtw_homework_view_open_dialog (self, item, NULL, 0);
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WtwHomeworkView *self = WTW_HOMEWORK_VIEW (widget);
  WtwHomeworkItem *item = item_from_param (self, param);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!wtw_homework_list_set_done (self->list, item, !wtw_homework_item_get_done (item), &error))
    {
      toast (self, error->message);
      return;
    }
  focus_item (self, wtw_homework_item_get_id (item));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WtwHomeworkView *self = WTW_HOMEWORK_VIEW (widget);
  WtwHomeworkItem *item = item_from_param (self, param);
  g_autoptr(GError) error = NULL;
  WtwHomework *removed;

  if (item == NULL)
    return;
  if ((removed = wtw_homework_list_remove (self->list, item, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }

  /* One deletion can be undone at a time: the newest. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  forget_removed (self);
  self->removed = removed;
  self->undo_toast = adw_toast_new (_("Homework deleted"));
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "homework.undo-delete");
  adw_toast_set_timeout (self->undo_toast, self->undo_timeout);
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->undo_toast, "dismissed",
                           G_CALLBACK (on_undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, self->undo_toast);
  update_page (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WtwHomeworkView *self = WTW_HOMEWORK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  WtwHomeworkItem *item;

  if (self->removed == NULL || self->list == NULL)
    return;
  item = wtw_homework_list_restore (self->list, self->removed, &error);
  forget_removed (self);
  if (item == NULL)
    {
      toast (self, error->message);
      return;
    }
  update_page (self);
  focus_item (self, wtw_homework_item_get_id (item));
}

static void
wtw_homework_view_dispose (GObject *object)
{
  WtwHomeworkView *self = (WtwHomeworkView *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  forget_removed (self);
  close_dialog (self);

  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_HOMEWORK_VIEW);
  g_clear_object (&self->todo_model);
  g_clear_object (&self->done_model);
  g_clear_object (&self->list);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (wtw_homework_view_parent_class)->dispose (object);
}

static void
wtw_homework_view_class_init (WtwHomeworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_homework_view_dispose;

  /**
   * WtwHomeworkView::open-chapter:
   * @self: the view
   * @chapter_id: the chapter of the homework activated
   * @part: %WTW_HOMEWORK_WHOLE_CHAPTER or the part, 1–4
   */
  signals[OPEN_CHAPTER] =
    g_signal_new ("open-chapter",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/wtw-homework-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkView, stack);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkView, todo_list);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkView, done_list);
  gtk_widget_class_bind_template_child (widget_class, WtwHomeworkView, done_heading);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "homework.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "homework.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "homework.toggle-done", "x",
                                   toggle_done_action);
  gtk_widget_class_install_action (widget_class, "homework.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "homework.undo-delete", NULL,
                                   undo_delete_action);
}

static void
wtw_homework_view_init (WtwHomeworkView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo_timeout = UNDO_SECONDS;

  placeholder = gtk_label_new (_("Nothing left to do."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->todo_list, placeholder);
  update_page (self);
}

/**
 * wtw_homework_view_new:
 *
 * Returns: (transfer floating): a new, empty #WtwHomeworkView
 */
GtkWidget *
wtw_homework_view_new (void)
{
  return g_object_new (WTW_TYPE_HOMEWORK_VIEW, NULL);
}

/**
 * wtw_homework_view_get_list:
 * @self: a #WtwHomeworkView
 *
 * Returns: (transfer none) (nullable): the homework shown
 */
WtwHomeworkList *
wtw_homework_view_get_list (WtwHomeworkView *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_VIEW (self), NULL);

  return self->list;
}

static GtkFilterListModel *
filter (WtwHomeworkList *list,
        gboolean         done)
{
  GtkCustomFilter *custom = gtk_custom_filter_new (is_done_cb, GINT_TO_POINTER (done), NULL);

  return gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (list)), GTK_FILTER (custom));
}

static void
bind (WtwHomeworkView *self)
{
  g_clear_object (&self->todo_model);
  g_clear_object (&self->done_model);
  if (self->list != NULL && self->content != NULL)
    {
      self->todo_model = filter (self->list, FALSE);
      self->done_model = filter (self->list, TRUE);
    }
  gtk_list_box_bind_model (self->todo_list, G_LIST_MODEL (self->todo_model),
                           create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->done_list, G_LIST_MODEL (self->done_model),
                           create_row_cb, self, NULL);
  update_page (self);
}

/**
 * wtw_homework_view_set_list:
 * @self: a #WtwHomeworkView
 * @list: (nullable): the homework to show
 */
void
wtw_homework_view_set_list (WtwHomeworkView *self,
                            WtwHomeworkList *list)
{
  g_return_if_fail (WTW_IS_HOMEWORK_VIEW (self));
  g_return_if_fail (list == NULL || WTW_IS_HOMEWORK_LIST (list));

  if (self->list == list)
    return;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  forget_removed (self);
  g_set_object (&self->list, list);
  if (list != NULL)
    g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  bind (self);
}

/**
 * wtw_homework_view_get_content:
 * @self: a #WtwHomeworkView
 *
 * Returns: (transfer none) (nullable): where chapter titles come from
 */
WtwContent *
wtw_homework_view_get_content (WtwHomeworkView *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_VIEW (self), NULL);

  return self->content;
}

void
wtw_homework_view_set_content (WtwHomeworkView *self,
                               WtwContent      *content)
{
  g_return_if_fail (WTW_IS_HOMEWORK_VIEW (self));
  g_return_if_fail (content == NULL || WTW_IS_CONTENT (content));

  if (g_set_object (&self->content, content))
    bind (self);
}

/**
 * wtw_homework_view_open_dialog:
 * @self: a #WtwHomeworkView
 * @item: (nullable): homework to change, or %NULL for new homework
 * @chapter_id: (nullable): for new homework, the chapter to start from
 * @part: for new homework, the part to start from
 *
 * Shows the form that assigns or changes homework.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without a list
 */
WtwHomeworkDialog *
wtw_homework_view_open_dialog (WtwHomeworkView *self,
                               WtwHomeworkItem *item,
                               const char      *chapter_id,
                               guint            part)
{
  WtwHomeworkDialog *dialog;

  g_return_val_if_fail (WTW_IS_HOMEWORK_VIEW (self), NULL);

  if (self->list == NULL || self->content == NULL)
    return NULL;
  close_dialog (self);
  dialog = wtw_homework_dialog_new (get_window (self), self->list, self->content);
  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  if (item != NULL)
    wtw_homework_dialog_set_item (dialog, item);
  else if (chapter_id != NULL)
    wtw_homework_dialog_set_chapter (dialog, chapter_id, part);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * wtw_homework_view_set_undo_timeout:
 * @self: a #WtwHomeworkView
 * @seconds: how long the undo toast stays; 0 until dismissed (tests)
 */
void
wtw_homework_view_set_undo_timeout (WtwHomeworkView *self,
                                    guint            seconds)
{
  g_return_if_fail (WTW_IS_HOMEWORK_VIEW (self));

  self->undo_timeout = seconds;
}
