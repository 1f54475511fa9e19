/* wtw-autosave.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-autosave"

#include "config.h"

#include "wtw-autosave-private.h"

/**
 * WtwAutosave:
 *
 * Debounced saving for anything a person types: each change restarts a
 * quiet period (#WtwAutosave:delay, a second by default) after which the
 * save function runs once for all the changes. Owners flush on the moments
 * that cannot wait (leaving a page, locking, quitting).
 *
 * #WtwAutosave:state says what a quiet indicator should show; a failed save
 * keeps the changes pending and emits #WtwAutosave::save-failed.
 */
struct _WtwAutosave
{
  GObject               parent_instance;

  WtwAutosaveFunc       func;
  gpointer              func_data;
  WtwAutosaveState      state;
  guint                 delay;
  guint                 source;
  gint64                changed_at;
  WtwAutosaveClockFunc  clock_func;
  gpointer              clock_data;
  gboolean              fake_clock;
  gboolean              saving;
};

G_DEFINE_FINAL_TYPE (WtwAutosave, wtw_autosave, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (WtwAutosaveState, wtw_autosave_state,
  G_DEFINE_ENUM_VALUE (WTW_AUTOSAVE_STATE_CLEAN, "clean"),
  G_DEFINE_ENUM_VALUE (WTW_AUTOSAVE_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (WTW_AUTOSAVE_STATE_SAVED, "saved"),
  G_DEFINE_ENUM_VALUE (WTW_AUTOSAVE_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_PENDING,
  PROP_SAVED,
  PROP_DELAY,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static void
set_state (WtwAutosave      *self,
           WtwAutosaveState  state)
{
  WtwAutosaveState old = self->state;

  if (old == state)
    return;

  self->state = state;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if ((old == WTW_AUTOSAVE_STATE_SAVED) != (state == WTW_AUTOSAVE_STATE_SAVED))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
  if (wtw_autosave_get_pending (self) != (old == WTW_AUTOSAVE_STATE_PENDING
                                          || old == WTW_AUTOSAVE_STATE_FAILED))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  WtwAutosave *self = user_data;

  self->source = 0;
  _wtw_autosave_tick (self);
  return G_SOURCE_REMOVE;
}

static void
arm (WtwAutosave *self,
     guint        msec)
{
  g_clear_handle_id (&self->source, g_source_remove);
  if (!self->fake_clock)
    self->source = g_timeout_add (msec, on_timeout_cb, self);
}

static void
wtw_autosave_dispose (GObject *object)
{
  WtwAutosave *self = (WtwAutosave *)object;

  g_clear_handle_id (&self->source, g_source_remove);

  G_OBJECT_CLASS (wtw_autosave_parent_class)->dispose (object);
}

static void
wtw_autosave_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WtwAutosave *self = WTW_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, wtw_autosave_get_pending (self));
      break;

    case PROP_SAVED:
      g_value_set_boolean (value, wtw_autosave_get_saved (self));
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_autosave_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WtwAutosave *self = WTW_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      wtw_autosave_set_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_autosave_class_init (WtwAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wtw_autosave_dispose;
  object_class->get_property = wtw_autosave_get_property;
  object_class->set_property = wtw_autosave_set_property;

  /**
   * WtwAutosave:state:
   *
   * Clean, pending, saved or failed.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       WTW_TYPE_AUTOSAVE_STATE, WTW_AUTOSAVE_STATE_CLEAN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwAutosave:pending:
   *
   * Whether there are changes not yet saved.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwAutosave:saved:
   *
   * Whether the last changes were saved and none came since: when a
   * "Saved" indicator shows.
   */
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwAutosave:delay:
   *
   * Milliseconds of quiet after the last change before saving.
   */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL,
                       0, G_MAXUINT, WTW_AUTOSAVE_DEFAULT_DELAY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WtwAutosave::save-failed:
   * @self: the autosave
   * @message: why, for a person
   *
   * A save in the background failed; the changes are still pending.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wtw_autosave_init (WtwAutosave *self)
{
  self->delay = WTW_AUTOSAVE_DEFAULT_DELAY;
  self->clock_func = monotonic_clock;
}

/**
 * wtw_autosave_new:
 * @func: writes the changes
 * @user_data: passed to @func; must outlive the autosave
 *
 * Returns: (transfer full): a new, clean #WtwAutosave
 */
WtwAutosave *
wtw_autosave_new (WtwAutosaveFunc func,
                  gpointer        user_data)
{
  WtwAutosave *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (WTW_TYPE_AUTOSAVE, NULL);
  self->func = func;
  self->func_data = user_data;
  return self;
}

/**
 * wtw_autosave_changed:
 * @self: a #WtwAutosave
 *
 * Says that something changed: the changes are pending and the quiet
 * period starts again.
 */
void
wtw_autosave_changed (WtwAutosave *self)
{
  g_return_if_fail (WTW_IS_AUTOSAVE (self));

  self->changed_at = self->clock_func (self->clock_data);
  set_state (self, WTW_AUTOSAVE_STATE_PENDING);
  arm (self, self->delay);
}

/**
 * wtw_autosave_flush:
 * @self: a #WtwAutosave
 * @error: return location for a #GError
 *
 * Saves the pending changes now, if there are any.
 *
 * Returns: %TRUE if nothing is left to save
 */
gboolean
wtw_autosave_flush (WtwAutosave  *self,
                    GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (WTW_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->source, g_source_remove);
  /* A save that makes a change of its own must not save again. */
  if (!wtw_autosave_get_pending (self) || self->saving)
    return TRUE;

  self->saving = TRUE;
  ok = self->func (self->func_data, error);
  self->saving = FALSE;
  set_state (self, ok ? WTW_AUTOSAVE_STATE_SAVED : WTW_AUTOSAVE_STATE_FAILED);
  return ok;
}

/**
 * wtw_autosave_discard:
 * @self: a #WtwAutosave
 *
 * Forgets pending changes without saving them (when there is nowhere left
 * to save them) and goes back to clean.
 */
void
wtw_autosave_discard (WtwAutosave *self)
{
  g_return_if_fail (WTW_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->source, g_source_remove);
  set_state (self, WTW_AUTOSAVE_STATE_CLEAN);
}

/**
 * wtw_autosave_get_state:
 * @self: a #WtwAutosave
 *
 * Returns: the state
 */
WtwAutosaveState
wtw_autosave_get_state (WtwAutosave *self)
{
  g_return_val_if_fail (WTW_IS_AUTOSAVE (self), WTW_AUTOSAVE_STATE_CLEAN);

  return self->state;
}

/**
 * wtw_autosave_get_pending:
 * @self: a #WtwAutosave
 *
 * Returns: whether there are changes not yet saved
 */
gboolean
wtw_autosave_get_pending (WtwAutosave *self)
{
  g_return_val_if_fail (WTW_IS_AUTOSAVE (self), FALSE);

  return self->state == WTW_AUTOSAVE_STATE_PENDING || self->state == WTW_AUTOSAVE_STATE_FAILED;
}

/**
 * wtw_autosave_get_saved:
 * @self: a #WtwAutosave
 *
 * Returns: whether the last changes were saved and none came since
 */
gboolean
wtw_autosave_get_saved (WtwAutosave *self)
{
  g_return_val_if_fail (WTW_IS_AUTOSAVE (self), FALSE);

  return self->state == WTW_AUTOSAVE_STATE_SAVED;
}

/**
 * wtw_autosave_get_delay:
 * @self: a #WtwAutosave
 *
 * Returns: milliseconds of quiet before saving
 */
guint
wtw_autosave_get_delay (WtwAutosave *self)
{
  g_return_val_if_fail (WTW_IS_AUTOSAVE (self), 0);

  return self->delay;
}

/**
 * wtw_autosave_set_delay:
 * @self: a #WtwAutosave
 * @msec: milliseconds of quiet before saving
 */
void
wtw_autosave_set_delay (WtwAutosave *self,
                        guint        msec)
{
  g_return_if_fail (WTW_IS_AUTOSAVE (self));

  if (self->delay == msec)
    return;

  self->delay = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * _wtw_autosave_set_clock:
 * @self: a #WtwAutosave
 * @clock_func: (nullable): what tells the time, or %NULL for the monotonic clock
 * @user_data: passed to @clock_func
 *
 * Replaces the clock. With a clock of its own the autosave arms no timer:
 * the caller calls _wtw_autosave_tick().
 */
void
_wtw_autosave_set_clock (WtwAutosave          *self,
                         WtwAutosaveClockFunc  clock_func,
                         gpointer              user_data)
{
  g_return_if_fail (WTW_IS_AUTOSAVE (self));

  self->fake_clock = clock_func != NULL;
  self->clock_func = clock_func != NULL ? clock_func : monotonic_clock;
  self->clock_data = user_data;
  g_clear_handle_id (&self->source, g_source_remove);
}

/**
 * _wtw_autosave_tick:
 * @self: a #WtwAutosave
 *
 * Reads the clock and saves if the last change is a full delay old.
 */
void
_wtw_autosave_tick (WtwAutosave *self)
{
  g_autoptr(GError) error = NULL;
  gint64 quiet;

  g_return_if_fail (WTW_IS_AUTOSAVE (self));

  if (self->state != WTW_AUTOSAVE_STATE_PENDING)
    return;
  quiet = (self->clock_func (self->clock_data) - self->changed_at) / 1000;
  if (quiet < self->delay)
    {
      arm (self, (guint) (self->delay - quiet));
      return;
    }
  if (!wtw_autosave_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}
