/* wtw-application.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-application.h"
#include "wtw-backups.h"
#include "wtw-content.h"
#include "wtw-homework-reminder.h"
#include "wtw-preferences-window.h"
#include "wtw-session.h"
#include "wtw-settings.h"
#include "wtw-window.h"

struct _WtwApplication
{
  AdwApplication  parent_instance;
  WtwSettings    *settings;
  WtwSession     *session;
  WtwContent     *content;
  WtwBackups     *backups;
  WtwHomeworkReminder *reminder;
};

G_DEFINE_FINAL_TYPE (WtwApplication, wtw_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.lock", { "<Control>l", NULL } },
  { "app.hide-now", { "<Control><Shift>h", NULL } },
  { "win.show-help-overlay", { "<Control>question", "F1", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* Measuring start-up needs a clean "first frame is on screen" moment with
 * no window manager in the loop; the benchmark sets this variable. */
static void
on_first_frame_cb (GdkFrameClock  *frame_clock,
                   WtwApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_cb, self);
  g_print ("first-frame\n");
  g_application_quit (G_APPLICATION (self));
}

static void
watch_first_frame (WtwApplication *self,
                   GtkWindow      *window)
{
  GdkFrameClock *frame_clock;

  gtk_widget_realize (GTK_WIDGET (window));
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_first_frame_cb), self);
}

static void
wtw_application_activate (GApplication *app)
{
  WtwApplication *self = WTW_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (wtw_window_new (self));
      if (g_getenv ("WTW_BENCH_FIRST_FRAME") != NULL)
        watch_first_frame (self, window);
    }

  gtk_window_present (window);
}

static gboolean
minutes_to_seconds (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_uint (from) * 60);
  return TRUE;
}

static void
on_screensaver_active_changed_cb (WtwApplication *self)
{
  gboolean active;

  g_object_get (self, "screensaver-active", &active, NULL);
  if (active)
    wtw_session_lock (self->session);
}

/* Reminders name the chapter; the content is loaded by the time the vault
 * opens (the workbook shows it), so this costs nothing at start-up. */
/* Every window but the main ones may show what the vault holds: a
 * partner's name, a recovery key, an export's choices. When the vault
 * locks they are closed, as a person closing them would, so that dialogs
 * run their own clean-up (a file chooser still answers, a key is wiped). */
/* Every window the app opens besides its main ones is transient for one. */
static gboolean
is_secondary (gpointer window)
{
  return GTK_IS_WINDOW (window) && !WTW_IS_WINDOW (window)
      && gtk_widget_get_visible (GTK_WIDGET (window))
      && gtk_window_get_transient_for (GTK_WINDOW (window)) != NULL;
}

/* A secondary window no other one is transient for: dialogs are closed
 * before the windows they belong to. */
static GtkWindow *
find_innermost_secondary (GListModel *toplevels)
{
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      gboolean has_child = FALSE;

      if (!is_secondary (window))
        continue;
      for (guint j = 0; j < n && !has_child; j++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (toplevels, j);

          has_child = is_secondary (other)
                   && gtk_window_get_transient_for (GTK_WINDOW (other)) == GTK_WINDOW (window);
        }
      if (!has_child)
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
close_secondary_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint budget = g_list_model_get_n_items (toplevels);
  GtkWindow *window;

  /* The toplevels hold our windows; closing one removes it from the list. */
  while (budget-- > 0 && (window = find_innermost_secondary (toplevels)) != NULL)
    gtk_window_close (window);
}

static void
on_session_state_changed_cb (WtwApplication *self)
{
  WtwSessionState state = wtw_session_get_state (self->session);

  if (state == WTW_SESSION_STATE_LOCKED || state == WTW_SESSION_STATE_PROBLEM)
    close_secondary_windows ();

  if (wtw_session_get_state (self->session) == WTW_SESSION_STATE_UNLOCKED
      && wtw_homework_reminder_get_content (self->reminder) == NULL)
    wtw_homework_reminder_set_content (self->reminder,
                                       wtw_application_get_content (self, NULL));
}

static void
wtw_application_startup (GApplication *app)
{
  WtwApplication *self = WTW_APPLICATION (app);

  G_APPLICATION_CLASS (wtw_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  /* The session is made here rather than in init, so that a test can
   * point XDG_DATA_HOME at a folder of its own before it starts. */
  self->session = wtw_session_new (NULL);
  g_object_bind_property_full (self->settings, "auto-lock-minutes",
                               self->session, "idle-timeout",
                               G_BINDING_SYNC_CREATE,
                               minutes_to_seconds, NULL, NULL, NULL);
  self->backups = wtw_backups_new (self->session, wtw_settings_get_gsettings (self->settings));
  self->reminder = wtw_homework_reminder_new (self->session);
  g_settings_bind (wtw_settings_get_gsettings (self->settings), "homework-reminders",
                   self->reminder, "enabled", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::screensaver-active",
                    G_CALLBACK (on_screensaver_active_changed_cb), NULL);

  /* Follow the desktop's light or dark preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
wtw_application_dispose (GObject *object)
{
  WtwApplication *self = (WtwApplication *)object;

  g_clear_object (&self->content);
  g_clear_object (&self->backups);
  g_clear_object (&self->reminder);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wtw_application_parent_class)->dispose (object);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WtwApplication *self = user_data;
  GList *windows = NULL;

  /* Close rather than destroy, so each window saves its state (and, once
   * there is a vault, its pending edits) on the way out. */
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (const GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WtwApplication *self = user_data;
  WtwPreferencesWindow *prefs;

  prefs = wtw_preferences_window_new (self->settings, self->session);
  gtk_window_set_transient_for (GTK_WINDOW (prefs),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  WtwApplication *self = user_data;
  static const char *developers[] = { "The Words That Work authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Words That Work"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Words That Work authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://wordsthatwork.org",
                        "copyright", "© 2026 The Words That Work authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Find the words that bring you closer. Everything you "
                                      "write stays on this computer, encrypted with your "
                                      "passphrase."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WtwApplication *self = user_data;

  wtw_session_lock (self->session);
}

static const GActionEntry app_actions[] = {
  { "lock", lock_action },
  /* The same as lock, under a key meant to be pressed in a hurry. */
  { "hide-now", lock_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
wtw_application_class_init (WtwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = wtw_application_dispose;

  app_class->activate = wtw_application_activate;
  app_class->startup = wtw_application_startup;
}

static void
wtw_application_init (WtwApplication *self)
{
  self->settings = wtw_settings_new (NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}

/**
 * wtw_application_new:
 *
 * Returns: (transfer full): the application
 */
WtwApplication *
wtw_application_new (void)
{
  /* register-session lets GTK follow the screensaver, so the vault can
   * lock when the desktop does. */
  return g_object_new (WTW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       "register-session", TRUE,
                       NULL);
}

/**
 * wtw_application_get_settings:
 * @self: a #WtwApplication
 *
 * Returns: (transfer none): the application's settings
 */
WtwSettings *
wtw_application_get_settings (WtwApplication *self)
{
  g_return_val_if_fail (WTW_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * wtw_application_get_session:
 * @self: a #WtwApplication
 *
 * Returns: (transfer none): the session that owns the vault; set up at
 *   startup
 */
WtwSession *
wtw_application_get_session (WtwApplication *self)
{
  g_return_val_if_fail (WTW_IS_APPLICATION (self), NULL);

  return self->session;
}

/**
 * wtw_application_get_content:
 * @self: a #WtwApplication
 * @error: return location for a #GError
 *
 * Loads the chapters, the quiz and the safety note the first time it is
 * called (after the first unlock, so that start-up does not pay for it).
 *
 * Returns: (transfer none) (nullable): the content, or %NULL if a content
 *   file is broken
 */
WtwContent *
wtw_application_get_content (WtwApplication  *self,
                             GError         **error)
{
  g_return_val_if_fail (WTW_IS_APPLICATION (self), NULL);

  if (self->content == NULL)
    self->content = wtw_content_new (error);

  return self->content;
}

/**
 * wtw_application_get_backups:
 * @self: a #WtwApplication
 *
 * Returns: (transfer none) (nullable): the backups of the session's vault,
 *   once the application has started up
 */
WtwBackups *
wtw_application_get_backups (WtwApplication *self)
{
  g_return_val_if_fail (WTW_IS_APPLICATION (self), NULL);

  return self->backups;
}
