/* wtw-workbook-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-workbook-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-chapter-page.h"
#include "wtw-chapter-row.h"
#include "wtw-exercise-page.h"
#include "wtw-homework-view.h"
#include "wtw-workbook-view.h"

/**
 * WtwWorkbookView:
 *
 * The workbook: the list of chapters beside the chapter on show, or one
 * after the other when there is no room, and a chapter's guided
 * conversation over the whole view while it runs.
 *
 * Whoever makes it gives it the #WtwContent to show. It provides the
 * actions `workbook.back` (Alt+Left, Escape: back to the list when
 * narrow), `workbook.open-chapter` (a chapter id),
 * `workbook.start-exercise` and `workbook.continue` (back to the last
 * chapter and part the current member was on).
 *
 * Given a #WtwSession, the view keeps the workbook in the vault through a
 * #WtwWorkbookProgress: the parts done (dots in the chapter list), where
 * the member left off, and each finished conversation with the names and
 * what each partner noticed.
 *
 * It also holds the homework (#WtwHomeworkList): a Homework button above
 * the chapters shows what is due (`workbook.show-homework`, back with
 * `workbook.close-homework`), and `workbook.assign-homework` opens the form
 * for the chapter on show.
 */
struct _WtwWorkbookView
{
  AdwBin           parent_instance;

  WtwContent      *content;
  WtwSession      *session;
  WtwWorkbookProgress *progress;
  WtwHomeworkList *homework;
  /* Set while the view moves by itself (a new content shows its first
   * chapter): that is not a place the member chose. */
  gboolean         restoring;

  /* Template widgets */
  GtkWidget       *continue_button;
  GtkLabel        *continue_subtitle;
  GtkWidget       *homework_button;
  GtkLabel        *homework_subtitle;
  WtwHomeworkView *homework_view;
  GtkStack        *main_stack;
  AdwLeaflet      *leaflet;
  GtkListBox      *chapter_list;
  WtwChapterPage  *chapter_page;
  WtwExercisePage *exercise_page;
};

G_DEFINE_FINAL_TYPE (WtwWorkbookView, wtw_workbook_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_CHAPTER,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_vault (WtwWorkbookView *self)
{
  return self->progress != NULL && wtw_workbook_progress_get_vault (self->progress) != NULL;
}

static void
update_row_parts (WtwWorkbookView *self,
                  WtwChapterRow   *row)
{
  const char *id = wtw_chapter_get_id (wtw_chapter_row_get_chapter (row));

  wtw_chapter_row_set_parts (row, has_vault (self)
                                  ? (int) wtw_workbook_progress_get_parts (self->progress, id)
                                  : -1);
}

static GtkWidget *
create_chapter_row_cb (gpointer item,
                       gpointer user_data)
{
  WtwWorkbookView *self = user_data;
  GtkWidget *row = wtw_chapter_row_new (WTW_CHAPTER (item));

  update_row_parts (self, WTW_CHAPTER_ROW (row));
  return row;
}

static const char *
part_title (WtwWorkbookPart part)
{
  switch (part)
    {
    case WTW_WORKBOOK_PART_SCRIPTS:
      return _("Scripts");
    case WTW_WORKBOOK_PART_REFLECT:
      return _("Reflect");
    case WTW_WORKBOOK_PART_CONVERSATION:
      return _("Conversation");
    case WTW_WORKBOOK_PART_EXPLANATION:
    case WTW_WORKBOOK_PART_NONE:
    default:
      return _("Explanation");
    }
}

static void
update_continue (WtwWorkbookView *self)
{
  const char *chapter_id = has_vault (self)
                           ? wtw_workbook_progress_get_last_chapter (self->progress) : NULL;
  WtwChapter *chapter = NULL;
  g_autofree char *subtitle = NULL;

  if (chapter_id != NULL && self->content != NULL)
    chapter = wtw_content_lookup_chapter (self->content, chapter_id);

  gtk_widget_set_visible (self->continue_button, chapter != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.continue", chapter != NULL);
  if (chapter == NULL)
    return;

  /* TRANSLATORS: "Chapter 3 · Reflect" */
  subtitle = g_strdup_printf (_("Chapter %u · %s"), wtw_chapter_get_number (chapter),
                              part_title (wtw_workbook_progress_get_last_part (self->progress)));
  gtk_label_set_text (self->continue_subtitle, subtitle);
}

/* Remembers where the member is, so "Continue" brings them back. */
static void
record_place (WtwWorkbookView *self)
{
  WtwChapter *chapter = wtw_chapter_page_get_chapter (self->chapter_page);
  WtwWorkbookPart part =
    wtw_workbook_part_from_name (wtw_chapter_page_get_visible_part (self->chapter_page));
  g_autoptr(GError) error = NULL;

  if (self->restoring || chapter == NULL || part == WTW_WORKBOOK_PART_NONE || !has_vault (self))
    return;
  if (!wtw_workbook_progress_set_last_place (self->progress, wtw_chapter_get_id (chapter), part,
                                             &error))
    g_warning ("Could not remember the place in the workbook: %s", error->message);
  update_continue (self);
}

static void
update_homework_button (WtwWorkbookView *self)
{
  guint n_due = self->homework != NULL ? wtw_homework_list_get_n_due (self->homework) : 0;
  guint n = self->homework != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->homework)) : 0;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (self->homework_button, self->homework != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.assign-homework",
                                 self->homework != NULL
                                 && wtw_chapter_page_get_chapter (self->chapter_page) != NULL);
  if (n_due > 0)
    /* TRANSLATORS: homework due today or overdue */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due", "%u due", n_due), n_due);
  else
    subtitle = g_strdup (n > 0 ? _("Nothing due today") : _("None assigned"));
  gtk_label_set_text (self->homework_subtitle, subtitle);
}

static gboolean
showing_homework (WtwWorkbookView *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "homework") == 0;
}

static gboolean
can_go_back (WtwWorkbookView *self)
{
  if (showing_homework (self))
    return TRUE;
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "browse") == 0 &&
         adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "chapter") == 0;
}

/* A disabled action lets Escape and Alt+Left through to whoever else
 * wants them. */
static void
update_actions (WtwWorkbookView *self)
{
  gboolean has_chapter = wtw_chapter_page_get_chapter (self->chapter_page) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.back", can_go_back (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.start-exercise", has_chapter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.assign-homework",
                                 has_chapter && self->homework != NULL);
}

static void
show_chapter (WtwWorkbookView *self,
              WtwChapter      *chapter)
{
  if (chapter == wtw_chapter_page_get_chapter (self->chapter_page))
    return;

  wtw_chapter_page_set_chapter (self->chapter_page, chapter);
  record_place (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTER]);
}

static GtkListBoxRow *
find_row (WtwWorkbookView *self,
          const char      *chapter_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->chapter_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (WTW_IS_CHAPTER_ROW (row) &&
          g_strcmp0 (wtw_chapter_get_id (wtw_chapter_row_get_chapter (WTW_CHAPTER_ROW (row))),
                     chapter_id) == 0)
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

static void
on_chapter_list_row_selected_cb (WtwWorkbookView *self,
                                 GtkListBoxRow   *row,
                                 GtkListBox      *list)
{
  /* Moving through the list with the keyboard shows each chapter beside it. */
  if (row != NULL)
    show_chapter (self, wtw_chapter_row_get_chapter (WTW_CHAPTER_ROW (row)));
}

static void
on_chapter_list_row_activated_cb (WtwWorkbookView *self,
                                  GtkListBoxRow   *row,
                                  GtkListBox      *list)
{
  gtk_list_box_select_row (list, row);
  show_chapter (self, wtw_chapter_row_get_chapter (WTW_CHAPTER_ROW (row)));
  adw_leaflet_set_visible_child_name (self->leaflet, "chapter");

  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (GTK_WIDGET (self->chapter_page), GTK_DIR_TAB_FORWARD);
}

static void
on_leaflet_folded_changed_cb (WtwWorkbookView *self,
                              GParamSpec      *pspec,
                              AdwLeaflet      *leaflet)
{
  update_actions (self);
}

static void
on_navigation_changed_cb (WtwWorkbookView *self,
                          GParamSpec      *pspec,
                          GObject         *object)
{
  update_actions (self);
}

static void
on_chapter_page_part_changed_cb (WtwWorkbookView *self,
                                 GParamSpec      *pspec,
                                 WtwChapterPage  *page)
{
  record_place (self);
}

static void
on_progress_changed_cb (WtwWorkbookView     *self,
                        const char          *chapter_id,
                        WtwWorkbookProgress *progress)
{
  GtkListBoxRow *row;

  if (chapter_id != NULL)
    {
      if ((row = find_row (self, chapter_id)) != NULL)
        update_row_parts (self, WTW_CHAPTER_ROW (row));
      return;
    }

  /* Everything changed (locked, unlocked): every row and the way back. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chapter_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (WTW_IS_CHAPTER_ROW (child))
      update_row_parts (self, WTW_CHAPTER_ROW (child));
  update_continue (self);
}

/* The conversation is kept as soon as it is finished: the notes written
 * after it are saved into it as they are typed. */
static void
on_exercise_page_stage_changed_cb (WtwWorkbookView *self,
                                   GParamSpec      *pspec,
                                   WtwExercisePage *page)
{
  WtwChapter *chapter = wtw_chapter_page_get_chapter (self->chapter_page);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 started = wtw_exercise_page_get_started (page);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (wtw_exercise_page_get_stage (page), "finished") != 0
      || chapter == NULL || !has_vault (self))
    return;
  if (!wtw_workbook_progress_record_conversation (self->progress, wtw_chapter_get_id (chapter),
                                                  started > 0 ? started : now, now,
                                                  wtw_exercise_page_get_name (page, FALSE),
                                                  wtw_exercise_page_get_name (page, TRUE),
                                                  &error))
    g_warning ("Could not save the conversation: %s", error->message);
}

static void
on_exercise_page_notes_changed_cb (WtwWorkbookView *self,
                                   WtwExercisePage *page)
{
  g_autofree char *notes_a = wtw_exercise_page_get_notes (page, FALSE);
  g_autofree char *notes_b = wtw_exercise_page_get_notes (page, TRUE);

  if (self->progress != NULL)
    wtw_workbook_progress_set_conversation_notes (self->progress,
                                                  *notes_a != '\0' ? notes_a : NULL,
                                                  *notes_b != '\0' ? notes_b : NULL);
}

static void
end_conversation (WtwWorkbookView *self)
{
  g_autoptr(GError) error = NULL;

  if (has_vault (self) && !wtw_workbook_progress_end_conversation (self->progress, &error))
    g_warning ("Could not save the conversation notes: %s", error->message);
}

static void
on_exercise_page_done_cb (WtwWorkbookView *self,
                          WtwExercisePage *page)
{
  end_conversation (self);
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  gtk_widget_child_focus (GTK_WIDGET (self->chapter_page), GTK_DIR_TAB_FORWARD);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);
  GtkListBoxRow *row;

  if (!can_go_back (self))
    return;
  if (showing_homework (self))
    {
      gtk_widget_activate_action (widget, "workbook.close-homework", NULL);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* Back where they came from in the list. */
  if ((row = gtk_list_box_get_selected_row (self->chapter_list)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
open_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);
  const char *id = g_variant_get_string (param, NULL);

  if (!wtw_workbook_view_open_chapter (self, id))
    g_warning ("No chapter called “%s”", id);
}

static void
start_exercise_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);
  WtwChapter *chapter = wtw_chapter_page_get_chapter (self->chapter_page);

  if (chapter == NULL)
    return;

  wtw_exercise_page_set_safety_note (self->exercise_page,
                                     self->content ? wtw_content_get_safety_note (self->content)
                                                   : NULL);
  wtw_exercise_page_set_exercise (self->exercise_page, wtw_chapter_get_exercise (chapter));
  wtw_exercise_page_reset (self->exercise_page);
  gtk_stack_set_visible_child_name (self->main_stack, "exercise");
  gtk_widget_child_focus (GTK_WIDGET (self->exercise_page), GTK_DIR_TAB_FORWARD);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);
  const char *chapter_id;
  const char *part;

  if (!has_vault (self)
      || (chapter_id = wtw_workbook_progress_get_last_chapter (self->progress)) == NULL)
    return;

  /* Opening the chapter moves the place to its start: read the part first. */
  part = wtw_workbook_part_to_name (wtw_workbook_progress_get_last_part (self->progress));
  if (!wtw_workbook_view_open_chapter (self, chapter_id))
    return;
  if (part != NULL)
    wtw_chapter_page_set_visible_part (self->chapter_page, part);
}

static void
show_homework_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);

  if (self->homework == NULL)
    return;
  wtw_homework_list_refresh_day (self->homework);
  gtk_stack_set_visible_child_name (self->main_stack, "homework");
  gtk_widget_child_focus (GTK_WIDGET (self->homework_view), GTK_DIR_TAB_FORWARD);
}

static void
close_homework_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  gtk_widget_grab_focus (self->homework_button);
}

static void
assign_homework_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (widget);
  WtwChapter *chapter = wtw_chapter_page_get_chapter (self->chapter_page);

  if (chapter != NULL)
    wtw_homework_view_open_dialog (self->homework_view, NULL, wtw_chapter_get_id (chapter),
                                   WTW_HOMEWORK_WHOLE_CHAPTER);
}

static void
on_homework_view_open_chapter_cb (WtwWorkbookView *self,
                                  const char      *chapter_id,
                                  guint            part,
                                  WtwHomeworkView *view)
{
  const char *name = wtw_workbook_part_to_name ((WtwWorkbookPart) part);

  if (!wtw_workbook_view_open_chapter (self, chapter_id))
    return;
  if (part != WTW_HOMEWORK_WHOLE_CHAPTER && name != NULL)
    wtw_chapter_page_set_visible_part (self->chapter_page, name);
}

static void
wtw_workbook_view_dispose (GObject *object)
{
  WtwWorkbookView *self = (WtwWorkbookView *)object;

  end_conversation (self);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  if (self->homework != NULL)
    g_signal_handlers_disconnect_by_data (self->homework, self);

  /* The bin's child is a template child: let the bin drop it first, or
   * disposing the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_WORKBOOK_VIEW);
  g_clear_object (&self->content);
  g_clear_object (&self->progress);
  g_clear_object (&self->homework);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_workbook_view_parent_class)->dispose (object);
}

static void
wtw_workbook_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    case PROP_CHAPTER:
      g_value_set_object (value, wtw_workbook_view_get_chapter (self));
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_workbook_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WtwWorkbookView *self = WTW_WORKBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      wtw_workbook_view_set_content (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      wtw_workbook_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_workbook_view_class_init (WtwWorkbookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_workbook_view_dispose;
  object_class->get_property = wtw_workbook_view_get_property;
  object_class->set_property = wtw_workbook_view_set_property;

  /**
   * WtwWorkbookView:content:
   *
   * The chapters and the safety note to show.
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         WTW_TYPE_CONTENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwWorkbookView:chapter:
   *
   * The chapter on show, or %NULL.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_object ("chapter", NULL, NULL,
                         WTW_TYPE_CHAPTER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwWorkbookView:session:
   *
   * The session whose vault keeps answers, progress and conversations;
   * without one the workbook is for reading only.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WTW_TYPE_CHAPTER_PAGE);
  g_type_ensure (WTW_TYPE_EXERCISE_PAGE);
  g_type_ensure (WTW_TYPE_HOMEWORK_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-workbook-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, chapter_list);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, chapter_page);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, exercise_page);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, continue_button);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, continue_subtitle);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, homework_button);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, homework_subtitle);
  gtk_widget_class_bind_template_child (widget_class, WtwWorkbookView, homework_view);
  gtk_widget_class_bind_template_callback (widget_class, on_homework_view_open_chapter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chapter_page_part_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exercise_page_stage_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exercise_page_notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chapter_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chapter_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_navigation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exercise_page_done_cb);

  gtk_widget_class_install_action (widget_class, "workbook.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "workbook.open-chapter", "s", open_chapter_action);
  gtk_widget_class_install_action (widget_class, "workbook.start-exercise", NULL,
                                   start_exercise_action);
  gtk_widget_class_install_action (widget_class, "workbook.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "workbook.show-homework", NULL,
                                   show_homework_action);
  gtk_widget_class_install_action (widget_class, "workbook.close-homework", NULL,
                                   close_homework_action);
  gtk_widget_class_install_action (widget_class, "workbook.assign-homework", NULL,
                                   assign_homework_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "workbook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "workbook.back", NULL);
}

static void
wtw_workbook_view_init (WtwWorkbookView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
  update_continue (self);
  update_homework_button (self);
}

/**
 * wtw_workbook_view_new:
 * @content: (nullable): the content to show
 *
 * Returns: (transfer floating): a new #WtwWorkbookView
 */
GtkWidget *
wtw_workbook_view_new (WtwContent *content)
{
  g_return_val_if_fail (content == NULL || WTW_IS_CONTENT (content), NULL);

  return g_object_new (WTW_TYPE_WORKBOOK_VIEW, "content", content, NULL);
}

/**
 * wtw_workbook_view_get_content:
 * @self: a #WtwWorkbookView
 *
 * Returns: (transfer none) (nullable): the content shown
 */
WtwContent *
wtw_workbook_view_get_content (WtwWorkbookView *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_VIEW (self), NULL);

  return self->content;
}

/**
 * wtw_workbook_view_set_content:
 * @self: a #WtwWorkbookView
 * @content: (nullable): the content to show
 *
 * Lists @content's chapters and shows the first.
 */
void
wtw_workbook_view_set_content (WtwWorkbookView *self,
                               WtwContent      *content)
{
  GListModel *chapters = NULL;

  g_return_if_fail (WTW_IS_WORKBOOK_VIEW (self));
  g_return_if_fail (content == NULL || WTW_IS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  if (content != NULL)
    chapters = wtw_content_get_chapters (content);

  self->restoring = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  show_chapter (self, NULL);
  gtk_list_box_bind_model (self->chapter_list, chapters, create_chapter_row_cb, self, NULL);
  wtw_exercise_page_set_safety_note (self->exercise_page,
                                     content ? wtw_content_get_safety_note (content) : NULL);
  wtw_homework_view_set_content (self->homework_view, content);

  /* Wide, the page beside the list is never empty. */
  gtk_list_box_select_row (self->chapter_list,
                           gtk_list_box_get_row_at_index (self->chapter_list, 0));
  self->restoring = FALSE;
  update_continue (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

/**
 * wtw_workbook_view_get_chapter:
 * @self: a #WtwWorkbookView
 *
 * Returns: (transfer none) (nullable): the chapter on show
 */
WtwChapter *
wtw_workbook_view_get_chapter (WtwWorkbookView *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_VIEW (self), NULL);

  return wtw_chapter_page_get_chapter (self->chapter_page);
}

/**
 * wtw_workbook_view_open_chapter:
 * @self: a #WtwWorkbookView
 * @chapter_id: a chapter's id
 *
 * Opens the chapter called @chapter_id, as if its row were activated.
 *
 * Returns: %FALSE if there is no such chapter
 */
gboolean
wtw_workbook_view_open_chapter (WtwWorkbookView *self,
                                const char      *chapter_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (WTW_IS_WORKBOOK_VIEW (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);

  if ((row = find_row (self, chapter_id)) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  on_chapter_list_row_activated_cb (self, row, self->chapter_list);

  return TRUE;
}

/**
 * wtw_workbook_view_get_session:
 * @self: a #WtwWorkbookView
 *
 * Returns: (transfer none) (nullable): the session
 */
WtwSession *
wtw_workbook_view_get_session (WtwWorkbookView *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_VIEW (self), NULL);

  return self->session;
}

/**
 * wtw_workbook_view_set_session:
 * @self: a #WtwWorkbookView
 * @session: (nullable): the session whose vault keeps the workbook
 */
void
wtw_workbook_view_set_session (WtwWorkbookView *self,
                               WtwSession      *session)
{
  g_return_if_fail (WTW_IS_WORKBOOK_VIEW (self));
  g_return_if_fail (session == NULL || WTW_IS_SESSION (session));

  if (self->session == session)
    return;

  end_conversation (self);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_clear_object (&self->progress);
  if (self->homework != NULL)
    g_signal_handlers_disconnect_by_data (self->homework, self);
  g_clear_object (&self->homework);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->progress = wtw_workbook_progress_new (session);
      g_signal_connect_object (self->progress, "changed",
                               G_CALLBACK (on_progress_changed_cb), self, G_CONNECT_SWAPPED);
      self->homework = wtw_homework_list_new (session);
      g_signal_connect_object (self->homework, "notify::n-due",
                               G_CALLBACK (update_homework_button), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->homework, "notify::n-items",
                               G_CALLBACK (update_homework_button), self, G_CONNECT_SWAPPED);
    }
  wtw_homework_view_set_list (self->homework_view, self->homework);
  update_homework_button (self);
  update_actions (self);
  wtw_chapter_page_set_progress (self->chapter_page, self->progress);
  on_progress_changed_cb (self, NULL, self->progress);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * wtw_workbook_view_get_progress:
 * @self: a #WtwWorkbookView
 *
 * Returns: (transfer none) (nullable): the progress kept in the session's vault
 */
WtwWorkbookProgress *
wtw_workbook_view_get_progress (WtwWorkbookView *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_VIEW (self), NULL);

  return self->progress;
}

/**
 * wtw_workbook_view_get_homework:
 * @self: a #WtwWorkbookView
 *
 * Returns: (transfer none) (nullable): the homework kept in the session's vault
 */
WtwHomeworkList *
wtw_workbook_view_get_homework (WtwWorkbookView *self)
{
  g_return_val_if_fail (WTW_IS_WORKBOOK_VIEW (self), NULL);

  return self->homework;
}
