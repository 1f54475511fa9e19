/* wtw-homework-reminder.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-homework-reminder"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-homework-reminder.h"

/**
 * WtwHomeworkReminder:
 *
 * Sends one desktop notification for each piece of homework on the day it
 * is due, while the app runs, the vault is open and #WtwHomeworkReminder:enabled
 * is set (the app binds it to the homework-reminders setting, off by
 * default). It looks when the vault unlocks, when it is switched on, just
 * after each midnight and at least hourly. Each reminder is marked in the
 * vault as sent for that day, so it is sent once, whichever member has the
 * vault open and however often the app restarts.
 *
 * A notification can be read by anyone near the screen, even with the vault
 * locked, so it says only that homework is due and which chapter (and part):
 * never the note, never who added it.
 */
struct _WtwHomeworkReminder
{
  GObject            parent_instance;

  WtwSession        *session;
  WtwContent        *content;
  gboolean           enabled;

  WtwHomeworkClock   clock;
  gpointer           clock_data;
  GDestroyNotify     clock_destroy;
  WtwHomeworkSender  sender;
  gpointer           sender_data;
  GDestroyNotify     sender_destroy;

  guint              idle_id;
  guint              timeout_id;
};

G_DEFINE_FINAL_TYPE (WtwHomeworkReminder, wtw_homework_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENABLED,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (WtwHomeworkReminder *self);

static void
send_with_application (const char *id,
                       const char *title,
                       const char *body,
                       gpointer    user_data)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;

  if (app == NULL)
    return;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_application_send_notification (app, id, notification);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  WtwHomeworkReminder *self = user_data;

  self->timeout_id = 0;
  wtw_homework_reminder_check (self);
  schedule (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_idle_cb (gpointer user_data)
{
  WtwHomeworkReminder *self = user_data;

  self->idle_id = 0;
  wtw_homework_reminder_check (self);
  return G_SOURCE_REMOVE;
}

/* Looks again soon after the next local midnight, and at least hourly:
 * homework added for today, a clock set forward, a machine back from sleep. */
static void
schedule (WtwHomeworkReminder *self)
{
  g_autoptr(GDateTime) now = NULL;
  guint seconds;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->enabled || wtw_session_get_vault (self->session) == NULL)
    return;
  now = g_date_time_new_now_local ();
  seconds = 24 * 3600 - (g_date_time_get_hour (now) * 3600
                         + g_date_time_get_minute (now) * 60
                         + g_date_time_get_second (now));
  self->timeout_id = g_timeout_add_seconds (MIN (seconds + 1, 3600), on_timeout_cb, self);
}

/* The first look waits for an idle moment: unlocking paints the main page first. */
static void
restart (WtwHomeworkReminder *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  schedule (self);
  if (self->enabled && wtw_session_get_vault (self->session) != NULL)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_idle_cb, self, NULL);
}

static void
on_session_state_changed_cb (WtwHomeworkReminder *self)
{
  restart (self);
}

static void
wtw_homework_reminder_constructed (GObject *object)
{
  WtwHomeworkReminder *self = (WtwHomeworkReminder *)object;

  G_OBJECT_CLASS (wtw_homework_reminder_parent_class)->constructed (object);

  g_assert (WTW_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
  restart (self);
}

static void
clear_funcs (WtwHomeworkReminder *self)
{
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = NULL;
  self->clock_data = NULL;
  self->clock_destroy = NULL;
  if (self->sender_destroy != NULL)
    self->sender_destroy (self->sender_data);
  self->sender = send_with_application;
  self->sender_data = NULL;
  self->sender_destroy = NULL;
}

static void
wtw_homework_reminder_dispose (GObject *object)
{
  WtwHomeworkReminder *self = (WtwHomeworkReminder *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  clear_funcs (self);
  g_clear_object (&self->content);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_homework_reminder_parent_class)->dispose (object);
}

static void
wtw_homework_reminder_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WtwHomeworkReminder *self = WTW_HOMEWORK_REMINDER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_homework_reminder_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WtwHomeworkReminder *self = WTW_HOMEWORK_REMINDER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_ENABLED:
      wtw_homework_reminder_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_CONTENT:
      wtw_homework_reminder_set_content (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_homework_reminder_class_init (WtwHomeworkReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_homework_reminder_constructed;
  object_class->dispose = wtw_homework_reminder_dispose;
  object_class->get_property = wtw_homework_reminder_get_property;
  object_class->set_property = wtw_homework_reminder_set_property;

  /**
   * WtwHomeworkReminder:session:
   *
   * The session whose vault keeps the homework.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwHomeworkReminder:enabled:
   *
   * Whether to send reminders at all.
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwHomeworkReminder:content:
   *
   * Where chapter titles come from; without it a reminder names no chapter.
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         WTW_TYPE_CONTENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_homework_reminder_init (WtwHomeworkReminder *self)
{
  self->sender = send_with_application;
}

/**
 * wtw_homework_reminder_new:
 * @session: the session whose vault keeps the homework
 *
 * Returns: (transfer full): a new reminder, switched off
 */
WtwHomeworkReminder *
wtw_homework_reminder_new (WtwSession *session)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_HOMEWORK_REMINDER, "session", session, NULL);
}

gboolean
wtw_homework_reminder_get_enabled (WtwHomeworkReminder *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_REMINDER (self), FALSE);

  return self->enabled;
}

/**
 * wtw_homework_reminder_set_enabled:
 * @self: a #WtwHomeworkReminder
 * @enabled: whether to send reminders
 *
 * Switched on while the vault is open, it looks for homework due today at
 * the next idle moment.
 */
void
wtw_homework_reminder_set_enabled (WtwHomeworkReminder *self,
                                   gboolean             enabled)
{
  g_return_if_fail (WTW_IS_HOMEWORK_REMINDER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * wtw_homework_reminder_get_content:
 * @self: a #WtwHomeworkReminder
 *
 * Returns: (transfer none) (nullable): where chapter titles come from
 */
WtwContent *
wtw_homework_reminder_get_content (WtwHomeworkReminder *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_REMINDER (self), NULL);

  return self->content;
}

void
wtw_homework_reminder_set_content (WtwHomeworkReminder *self,
                                   WtwContent          *content)
{
  g_return_if_fail (WTW_IS_HOMEWORK_REMINDER (self));
  g_return_if_fail (content == NULL || WTW_IS_CONTENT (content));

  if (g_set_object (&self->content, content))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

/**
 * wtw_homework_reminder_set_clock:
 * @self: a #WtwHomeworkReminder
 * @clock: (nullable): the clock, or %NULL for the system's
 * @clock_data: data for @clock
 * @clock_destroy: (nullable): frees @clock_data
 */
void
wtw_homework_reminder_set_clock (WtwHomeworkReminder *self,
                                 WtwHomeworkClock     clock,
                                 gpointer             clock_data,
                                 GDestroyNotify       clock_destroy)
{
  g_return_if_fail (WTW_IS_HOMEWORK_REMINDER (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = clock;
  self->clock_data = clock_data;
  self->clock_destroy = clock_destroy;
}

/**
 * wtw_homework_reminder_set_sender:
 * @self: a #WtwHomeworkReminder
 * @sender: (nullable): what shows a notification, or %NULL for the
 *   default application's g_application_send_notification()
 * @sender_data: data for @sender
 * @sender_destroy: (nullable): frees @sender_data
 */
void
wtw_homework_reminder_set_sender (WtwHomeworkReminder *self,
                                  WtwHomeworkSender    sender,
                                  gpointer             sender_data,
                                  GDestroyNotify       sender_destroy)
{
  g_return_if_fail (WTW_IS_HOMEWORK_REMINDER (self));

  if (self->sender_destroy != NULL)
    self->sender_destroy (self->sender_data);
  self->sender = sender != NULL ? sender : send_with_application;
  self->sender_data = sender_data;
  self->sender_destroy = sender_destroy;
}

/**
 * wtw_homework_reminder_describe:
 * @self: a #WtwHomeworkReminder
 * @homework: homework due today
 *
 * The body of the reminder for @homework: the chapter's number and title,
 * with the part if it is one part. The note is left out on purpose (see the
 * type's description); so is the chapter when the content does not know it.
 *
 * Returns: (transfer full): the text
 */
char *
wtw_homework_reminder_describe (WtwHomeworkReminder *self,
                                const WtwHomework   *homework)
{
  WtwChapter *chapter = NULL;

  g_return_val_if_fail (WTW_IS_HOMEWORK_REMINDER (self), NULL);
  g_return_val_if_fail (homework != NULL, NULL);

  if (self->content != NULL && homework->chapter_id != NULL)
    chapter = wtw_content_lookup_chapter (self->content, homework->chapter_id);

  if (chapter == NULL)
    return g_strdup (_("Open Words That Work to see it."));
  if (homework->part == WTW_HOMEWORK_WHOLE_CHAPTER)
    /* TRANSLATORS: a chapter's number and title */
    return g_strdup_printf (_("Chapter %u: %s"), wtw_chapter_get_number (chapter),
                            wtw_chapter_get_title (chapter));
  /* TRANSLATORS: a chapter's number and title, then the part of it, "Reflect" */
  return g_strdup_printf (_("Chapter %u: %s · %s"), wtw_chapter_get_number (chapter),
                          wtw_chapter_get_title (chapter),
                          wtw_homework_part_title (homework->part));
}

/**
 * wtw_homework_reminder_check:
 * @self: a #WtwHomeworkReminder
 *
 * Sends a notification for each piece of homework due today whose reminder
 * has not been sent today, and marks it sent. Does nothing when switched off
 * or when the vault is locked.
 *
 * Returns: how many notifications were sent
 */
guint
wtw_homework_reminder_check (WtwHomeworkReminder *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  WtwVault *vault;
  GDate today;
  guint sent = 0;

  g_return_val_if_fail (WTW_IS_HOMEWORK_REMINDER (self), 0);

  if (!self->enabled || (vault = wtw_session_get_vault (self->session)) == NULL)
    return 0;

  wtw_homework_today (self->clock, self->clock_data, &today);
  if ((due = wtw_vault_homework_list_to_remind (vault, &today, &error)) == NULL)
    {
      g_warning ("Could not look for homework due today: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < due->len; i++)
    {
      const WtwHomework *homework = due->pdata[i];
      g_autofree char *body = wtw_homework_reminder_describe (self, homework);
      g_autofree char *id = g_strdup_printf ("homework-%" G_GINT64_FORMAT, homework->id);

      /* Marked first: a reminder that cannot be marked would come back every hour. */
      if (!wtw_vault_homework_mark_reminded (vault, homework->id, &today, &error))
        {
          g_warning ("Could not note a homework reminder as sent: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      self->sender (id, _("Homework Due Today"), body, self->sender_data);
      sent++;
    }
  return sent;
}
