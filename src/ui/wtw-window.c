/* wtw-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-application.h"
#include "wtw-backup-ui.h"
#include "wtw-main-page.h"
#include "wtw-session.h"
#include "wtw-settings.h"
#include "wtw-setup-page.h"
#include "wtw-unlock-page.h"
#include "wtw-window.h"

/* The window follows the session: first-run setup, unlock, a problem
 * page for a vault that cannot be opened, or the main page. The main page
 * exists only while the vault is unlocked. */
struct _WtwWindow
{
  AdwApplicationWindow  parent_instance;

  WtwSettings          *settings;
  WtwSession           *session;
  char                 *view;

  WtwSetupPage         *setup_page;
  WtwUnlockPage        *unlock_page;
  WtwMainPage          *main_page;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *lock_stack;
  AdwStatusPage        *problem_page;
  GtkWidget            *restore_backup_button;
};

G_DEFINE_FINAL_TYPE (WtwWindow, wtw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_page (WtwWindow *self);

static void
on_main_page_view_changed_cb (WtwWindow   *self,
                              GParamSpec  *pspec,
                              WtwMainPage *main_page)
{
  g_free (self->view);
  self->view = g_strdup (wtw_main_page_get_visible_view (main_page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

static void
show_main_page (WtwWindow *self)
{
  if (self->main_page == NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      g_autoptr(GError) error = NULL;
      WtwContent *content = NULL;

      if (WTW_IS_APPLICATION (app))
        content = wtw_application_get_content (WTW_APPLICATION (app), &error);
      if (error != NULL)
        g_critical ("The app's content could not be loaded: %s", error->message);

      self->main_page = wtw_main_page_new (content, self->session);
      wtw_main_page_set_visible_view (self->main_page, self->view);
      g_signal_connect_object (self->main_page, "notify::visible-view",
                               G_CALLBACK (on_main_page_view_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->lock_stack, GTK_WIDGET (self->main_page), "main");
    }

  gtk_stack_set_visible_child (self->lock_stack, GTK_WIDGET (self->main_page));
}

/* Dropping the page drops every widget that showed or held someone's
 * words; a fresh one is built at the next unlock. */
static void
destroy_main_page (WtwWindow *self)
{
  if (self->main_page == NULL)
    return;

  gtk_stack_remove (self->lock_stack, GTK_WIDGET (self->main_page));
  self->main_page = NULL;
}

static void
on_setup_finished_cb (WtwWindow    *self,
                      WtwSetupPage *setup_page)
{
  gtk_stack_remove (self->lock_stack, GTK_WIDGET (self->setup_page));
  self->setup_page = NULL;
  update_page (self);
}

static void
show_setup_page (WtwWindow *self)
{
  if (self->setup_page == NULL)
    {
      self->setup_page = wtw_setup_page_new (self->session);
      g_signal_connect_object (self->setup_page, "finished",
                               G_CALLBACK (on_setup_finished_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->lock_stack, GTK_WIDGET (self->setup_page), "setup");
    }

  gtk_stack_set_visible_child (self->lock_stack, GTK_WIDGET (self->setup_page));
}

/* Built on first use: a first run never needs it before the vault exists. */
static void
show_unlock_page (WtwWindow *self)
{
  if (self->unlock_page == NULL)
    {
      self->unlock_page = wtw_unlock_page_new (self->session);
      gtk_stack_add_named (self->lock_stack, GTK_WIDGET (self->unlock_page), "unlock");
    }

  wtw_unlock_page_reset (self->unlock_page);
  gtk_stack_set_visible_child (self->lock_stack, GTK_WIDGET (self->unlock_page));
  gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
}

static void
show_problem_page (WtwWindow *self)
{
  const GError *problem = wtw_session_get_problem (self->session);
  WtwBackups *backups = wtw_backup_ui_get_backups ();
  g_autoptr(WtwBackupInfo) latest = backups ? wtw_backups_dup_latest (backups) : NULL;
  g_autofree char *description = NULL;
  g_autofree char *advice = NULL;

  /* Offer the latest backup rather than leave the person with nothing. */
  if (latest != NULL)
    {
      g_autofree char *when = wtw_backup_ui_describe_when (latest);

      /* Translators: %s is when the backup was made: "today at 09:30" */
      advice = g_strdup_printf (_("This app has changed and deleted nothing in the file. The latest "
                                  "backup, made %s, can take its place; the damaged file is "
                                  "kept beside it."), when);
    }
  else
    advice = g_strdup (_("This app has changed and deleted nothing in the file. If you "
                         "have a copy of the vault from a backup, put it in place of "
                         "this file and try again."));
  gtk_widget_set_visible (self->restore_backup_button, latest != NULL);
  description = g_strdup_printf ("%s\n\n%s", problem ? problem->message : "", advice);
  /* Set here, not in the template, so no start-up ever loads it. */
  adw_status_page_set_icon_name (self->problem_page, "dialog-warning-symbolic");
  adw_status_page_set_description (self->problem_page, description);
  gtk_stack_set_visible_child_name (self->lock_stack, "problem");
}

static void
update_page (WtwWindow *self)
{
  switch (wtw_session_get_state (self->session))
    {
    case WTW_SESSION_STATE_NEEDS_SETUP:
      show_setup_page (self);
      break;

    case WTW_SESSION_STATE_LOCKED:
      destroy_main_page (self);
      show_unlock_page (self);
      break;

    case WTW_SESSION_STATE_UNLOCKED:
      /* Stay on setup until the recovery key has been kept. */
      if (self->setup_page == NULL)
        show_main_page (self);
      break;

    case WTW_SESSION_STATE_PROBLEM:
      destroy_main_page (self);
      show_problem_page (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The views showed the previous member's things: build them anew. */
static void
on_member_changed_cb (WtwWindow *self)
{
  destroy_main_page (self);
  update_page (self);
}

static void
on_application_set_cb (WtwWindow  *self,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self, on_application_set_cb, user_data);
  update_page (self);
}

static gboolean
on_any_event_cb (WtwWindow *self,
                 GdkEvent  *event)
{
  wtw_session_report_activity (self->session);
  return GDK_EVENT_PROPAGATE;
}

/* GtkApplication would build the shortcuts window for every new window at
 * start-up; building it on first use keeps that cost off the first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/wtw-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
show_vault_file_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WtwWindow *self = WTW_WINDOW (widget);
  g_autoptr(GFile) folder = g_file_get_parent (wtw_session_get_file (self->session));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
open_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WtwWindow *self = WTW_WINDOW (widget);
  const char *chapter_id = g_variant_get_string (parameter, NULL);

  if (self->main_page == NULL || !wtw_main_page_open_chapter (self->main_page, chapter_id))
    g_warning ("No chapter called “%s”", chapter_id);
}

/* What a chapter's "Write in Journal" buttons activate, with the target
 * "chapter-id/prompt-id". */
static void
journal_from_prompt_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WtwWindow *self = WTW_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) ids = g_strsplit (target, "/", 2);

  if (self->main_page == NULL || ids[0] == NULL || ids[1] == NULL
      || !wtw_main_page_write_about_prompt (self->main_page, ids[0], ids[1]))
    g_warning ("No prompt called “%s”", target);
}

static void
try_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_unlock_page (WTW_WINDOW (widget));
}

static void
restore_latest_backup_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  WtwWindow *self = WTW_WINDOW (widget);
  WtwBackups *backups = wtw_backup_ui_get_backups ();
  g_autoptr(GPtrArray) latest = g_ptr_array_new_with_free_func ((GDestroyNotify) wtw_backup_info_free);
  WtwBackupInfo *info = backups ? wtw_backups_dup_latest (backups) : NULL;

  if (info == NULL)
    return;
  g_ptr_array_add (latest, info);
  wtw_backup_ui_choose_and_restore (GTK_WIDGET (self->problem_page), latest);
}

static void
restore_window_state (WtwWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               wtw_settings_get_window_width (self->settings),
                               wtw_settings_get_window_height (self->settings));
  if (wtw_settings_get_window_maximized (self->settings))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
wtw_window_close_request (GtkWindow *window)
{
  WtwWindow *self = WTW_WINDOW (window);
  int width, height;

  /* The default size tracks the unmaximized size, which is what we want to
   * restore; the maximized flag is kept apart. */
  gtk_window_get_default_size (window, &width, &height);
  wtw_settings_save_window_state (self->settings, width, height,
                                  gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (wtw_window_parent_class)->close_request (window);
}

static void
wtw_window_constructed (GObject *object)
{
  WtwWindow *self = (WtwWindow *)object;
  GtkEventController *controller;

  G_OBJECT_CLASS (wtw_window_parent_class)->constructed (object);

  g_assert (WTW_IS_SESSION (self->session));
  g_assert (WTW_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "member-changed",
                           G_CALLBACK (on_member_changed_cb), self, G_CONNECT_SWAPPED);

  /* Any input counts as someone being here, for the idle lock. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_any_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  restore_window_state (self);
  wtw_backup_ui_report_failures (self->toast_overlay);

  /* GtkWindow:application is set after construction; the main page needs
   * it for the content, so the first page is chosen once it is there. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    update_page (self);
  else
    g_signal_connect (self, "notify::application", G_CALLBACK (on_application_set_cb), NULL);
}

static void
wtw_window_dispose (GObject *object)
{
  WtwWindow *self = (WtwWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_WINDOW);
  self->setup_page = NULL;
  self->unlock_page = NULL;
  self->main_page = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wtw_window_parent_class)->dispose (object);
}

static void
wtw_window_finalize (GObject *object)
{
  WtwWindow *self = (WtwWindow *)object;

  g_free (self->view);

  G_OBJECT_CLASS (wtw_window_parent_class)->finalize (object);
}

static void
wtw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WtwWindow *self = WTW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, wtw_window_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WtwWindow *self = WTW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_VIEW:
      wtw_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_window_class_init (WtwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wtw_window_constructed;
  object_class->dispose = wtw_window_dispose;
  object_class->finalize = wtw_window_finalize;
  object_class->get_property = wtw_window_get_property;
  object_class->set_property = wtw_window_set_property;

  window_class->close_request = wtw_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         WTW_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwWindow:visible-view:
   *
   * The view on show, or to show once the vault is unlocked: "workbook",
   * "journal" or "quiz".
   */
  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         "workbook",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, restore_backup_button);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.show-vault-file", NULL,
                                   show_vault_file_action);
  gtk_widget_class_install_action (widget_class, "win.try-again", NULL, try_again_action);
  gtk_widget_class_install_action (widget_class, "win.restore-latest-backup", NULL,
                                   restore_latest_backup_action);
  gtk_widget_class_install_action (widget_class, "win.open-chapter", "s", open_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.journal-from-prompt", "s",
                                   journal_from_prompt_action);

  /* win.view is stateful, so menus and tests can both read and set it. */
  gtk_widget_class_install_property_action (widget_class, "win.view", "visible-view");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.view", "s", "workbook");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.view", "s", "journal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.view", "s", "quiz");
}

static void
wtw_window_init (WtwWindow *self)
{
  self->view = g_strdup ("workbook");
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_window_new:
 * @application: the #WtwApplication
 *
 * Returns: (transfer full): a new main window
 */
WtwWindow *
wtw_window_new (WtwApplication *application)
{
  g_return_val_if_fail (WTW_IS_APPLICATION (application), NULL);

  return g_object_new (WTW_TYPE_WINDOW,
                       "application", application,
                       "session", wtw_application_get_session (application),
                       "settings", wtw_application_get_settings (application),
                       NULL);
}

/**
 * wtw_window_get_visible_view:
 * @self: a #WtwWindow
 *
 * Returns: the name of the view on show, or to show after unlocking
 */
const char *
wtw_window_get_visible_view (WtwWindow *self)
{
  g_return_val_if_fail (WTW_IS_WINDOW (self), NULL);

  return self->view;
}

/**
 * wtw_window_set_visible_view:
 * @self: a #WtwWindow
 * @view: "workbook", "journal" or "quiz"
 *
 * Shows @view, now or once the vault is unlocked. Unknown names are
 * ignored with a warning.
 */
void
wtw_window_set_visible_view (WtwWindow  *self,
                             const char *view)
{
  static const char * const views[] = { "workbook", "journal", "quiz", NULL };

  g_return_if_fail (WTW_IS_WINDOW (self));

  if (view == NULL || !g_strv_contains (views, view))
    {
      g_warning ("No view called “%s”", view ? view : "(null)");
      return;
    }

  if (self->main_page != NULL)
    {
      wtw_main_page_set_visible_view (self->main_page, view);
      return;
    }

  if (g_strcmp0 (self->view, view) != 0)
    {
      g_free (self->view);
      self->view = g_strdup (view);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
    }
}

/**
 * wtw_window_get_main_page:
 * @self: a #WtwWindow
 *
 * Returns: (transfer none) (nullable): the main page, while unlocked
 */
WtwMainPage *
wtw_window_get_main_page (WtwWindow *self)
{
  g_return_val_if_fail (WTW_IS_WINDOW (self), NULL);

  return self->main_page;
}
