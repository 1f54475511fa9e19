/* wtw-main-page.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-main-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-backup-ui.h"
#include "wtw-content.h"
#include "wtw-export-report-window.h"
#include "wtw-journal-view.h"
#include "wtw-main-page.h"
#include "wtw-quiz-view.h"
#include "wtw-transfer-ui.h"
#include "wtw-workbook-view.h"

/* Everything that shows what people wrote lives below this widget. The
 * window creates it when the vault unlocks and destroys it when the vault
 * locks, so no view can keep plaintext on screen or in memory after that. */
struct _WtwMainPage
{
  GtkWidget             parent_instance;

  WtwContent           *content;
  WtwSession           *session;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwBin               *workbook_bin;
  AdwBin               *journal_bin;
  AdwBin               *quiz_bin;
  GtkInfoBar           *damage_bar;
};

G_DEFINE_FINAL_TYPE (WtwMainPage, wtw_main_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_SESSION,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const views[] = { "workbook", "journal", "quiz", NULL };

static void
on_stack_visible_child_name_changed_cb (WtwMainPage  *self,
                                        GParamSpec   *pspec,
                                        AdwViewStack *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

/* A template whose root is a plain GtkWidget has direct children that
 * dispose_template() does not unparent when they have no id. */
static void
unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

static void
install_views (WtwMainPage *self)
{
  GtkWidget *quiz_view;

  if (self->content == NULL)
    return;

  adw_bin_set_child (self->workbook_bin, g_object_new (WTW_TYPE_WORKBOOK_VIEW,
                                                      "content", self->content,
                                                      "session", self->session,
                                                      NULL));

  if (self->session != NULL)
    adw_bin_set_child (self->journal_bin,
                       wtw_journal_view_new (self->session,
                                             wtw_content_get_chapters (self->content)));

  quiz_view = wtw_quiz_view_new ();
  wtw_quiz_view_set_quiz (WTW_QUIZ_VIEW (quiz_view), wtw_content_get_quiz (self->content));
  wtw_quiz_view_set_chapters (WTW_QUIZ_VIEW (quiz_view), wtw_content_get_chapters (self->content));
  if (self->session != NULL)
    wtw_quiz_view_set_session (WTW_QUIZ_VIEW (quiz_view), self->session);
  adw_bin_set_child (self->quiz_bin, quiz_view);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WtwMainPage *self = WTW_MAIN_PAGE (widget);
  WtwExportReportWindow *window;

  if (self->content == NULL || self->session == NULL)
    return;
  window = wtw_export_report_window_new (self->content, self->session);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (window));
}

/* The file changed under the open vault: say so above every view, and keep
 * the views, so what is on screen can still be copied before locking. */
static void
on_session_damaged_cb (WtwMainPage *self,
                       GParamSpec  *pspec,
                       WtwSession  *session)
{
  gtk_info_bar_set_revealed (self->damage_bar, wtw_session_get_damage (session) != NULL);
}

static void
wtw_main_page_constructed (GObject *object)
{
  WtwMainPage *self = WTW_MAIN_PAGE (object);

  G_OBJECT_CLASS (wtw_main_page_parent_class)->constructed (object);

  install_views (self);
  if (self->session != NULL)
    {
      g_signal_connect_object (self->session, "notify::damaged",
                               G_CALLBACK (on_session_damaged_cb), self, G_CONNECT_SWAPPED);
      on_session_damaged_cb (self, NULL, self->session);
    }
}

static void
wtw_main_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WTW_TYPE_MAIN_PAGE);
  unparent_children (GTK_WIDGET (object));
  g_clear_object (&WTW_MAIN_PAGE (object)->content);
  g_clear_object (&WTW_MAIN_PAGE (object)->session);

  G_OBJECT_CLASS (wtw_main_page_parent_class)->dispose (object);
}

static void
wtw_main_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WtwMainPage *self = WTW_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, wtw_main_page_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_main_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WtwMainPage *self = WTW_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_VIEW:
      wtw_main_page_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_main_page_class_init (WtwMainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wtw_main_page_constructed;
  object_class->dispose = wtw_main_page_dispose;
  object_class->get_property = wtw_main_page_get_property;
  object_class->set_property = wtw_main_page_set_property;

  /**
   * WtwMainPage:content:
   *
   * The chapters and the quiz; without it the views say what will live
   * there instead.
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         WTW_TYPE_CONTENT,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwMainPage:session:
   *
   * The unlocked session, for the views that keep things in the vault.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         "workbook",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, workbook_bin);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, quiz_bin);
  gtk_widget_class_bind_template_child (widget_class, WtwMainPage, damage_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "main.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "main.back-up-now", NULL,
                                   wtw_backup_ui_back_up_now_action);
  gtk_widget_class_install_action (widget_class, "main.export-all", NULL,
                                   wtw_transfer_ui_export_all_action);
  gtk_widget_class_install_action (widget_class, "main.import", NULL,
                                   wtw_transfer_ui_import_action);
}

static void
wtw_main_page_init (WtwMainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_main_page_new:
 * @content: (nullable): the chapters and the quiz
 * @session: (nullable): the unlocked session
 *
 * Returns: (transfer full): a new main page
 */
WtwMainPage *
wtw_main_page_new (WtwContent *content,
                   WtwSession *session)
{
  return g_object_new (WTW_TYPE_MAIN_PAGE,
                       "content", content,
                       "session", session,
                       NULL);
}

/**
 * wtw_main_page_get_visible_view:
 * @self: a #WtwMainPage
 *
 * Returns: the name of the view on show: "workbook", "journal" or "quiz"
 */
const char *
wtw_main_page_get_visible_view (WtwMainPage *self)
{
  g_return_val_if_fail (WTW_IS_MAIN_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * wtw_main_page_set_visible_view:
 * @self: a #WtwMainPage
 * @view: "workbook", "journal" or "quiz"
 *
 * Returns: %TRUE if @view is a known view and is now shown
 */
gboolean
wtw_main_page_set_visible_view (WtwMainPage *self,
                                const char  *view)
{
  g_return_val_if_fail (WTW_IS_MAIN_PAGE (self), FALSE);

  if (view == NULL || !g_strv_contains (views, view))
    return FALSE;

  adw_view_stack_set_visible_child_name (self->stack, view);
  return TRUE;
}

/**
 * wtw_main_page_open_chapter:
 * @self: a #WtwMainPage
 * @chapter_id: the id of a chapter
 *
 * Shows the workbook at @chapter_id.
 *
 * Returns: %TRUE if the chapter exists and is shown
 */
gboolean
wtw_main_page_open_chapter (WtwMainPage *self,
                            const char  *chapter_id)
{
  GtkWidget *workbook;

  g_return_val_if_fail (WTW_IS_MAIN_PAGE (self), FALSE);

  workbook = adw_bin_get_child (self->workbook_bin);
  if (!WTW_IS_WORKBOOK_VIEW (workbook) || chapter_id == NULL)
    return FALSE;

  if (!wtw_workbook_view_open_chapter (WTW_WORKBOOK_VIEW (workbook), chapter_id))
    return FALSE;

  wtw_main_page_set_visible_view (self, "workbook");
  return TRUE;
}

/**
 * wtw_main_page_write_about_prompt:
 * @self: a #WtwMainPage
 * @chapter_id: the id of a chapter
 * @prompt_id: the id of one of its reflection prompts
 *
 * Shows the journal with a new entry begun from the prompt, linked to its
 * chapter.
 *
 * Returns: %TRUE if the prompt exists and its entry is shown
 */
gboolean
wtw_main_page_write_about_prompt (WtwMainPage *self,
                                  const char  *chapter_id,
                                  const char  *prompt_id)
{
  g_autofree char *previous = NULL;
  GtkWidget *journal;

  g_return_val_if_fail (WTW_IS_MAIN_PAGE (self), FALSE);

  journal = adw_bin_get_child (self->journal_bin);
  if (!WTW_IS_JOURNAL_VIEW (journal) || chapter_id == NULL || prompt_id == NULL)
    return FALSE;

  /* The journal first, so the new entry's text can take the focus; back
   * where the person was if there is no such prompt. */
  previous = g_strdup (wtw_main_page_get_visible_view (self));
  wtw_main_page_set_visible_view (self, "journal");
  if (wtw_journal_view_new_from_prompt (WTW_JOURNAL_VIEW (journal), chapter_id, prompt_id))
    return TRUE;

  wtw_main_page_set_visible_view (self, previous);
  return FALSE;
}
