/* wtw-exercise-timer.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-exercise-timer"

#include "config.h"

#include <math.h>

#include "wtw-exercise-timer-private.h"

/**
 * WtwExerciseTimer:
 *
 * Walks a couple through the timed steps of a #WtwExercise and then its
 * closing step: which step is on, how long it has left, pause and resume,
 * skip to the next step, and one more minute on this one.
 *
 * Time is read from a clock function (the monotonic clock unless a test
 * sets another), so a step's end does not drift with the main loop: the
 * periodic source only decides when to look at the clock. A step that runs
 * out moves on to the next with the overshoot carried over.
 *
 * #WtwExerciseTimer:seconds-scale multiplies every step's length; the UI
 * sets it from the `WTW_EXERCISE_SECONDS_SCALE` environment variable so
 * end-to-end tests can run a whole exercise in seconds. This object never
 * reads the environment.
 */
struct _WtwExerciseTimer
{
  GObject                parent_instance;

  WtwExercise           *exercise;
  GPtrArray             *steps;
  double                 seconds_scale;

  WtwExerciseClockFunc   clock_func;
  gpointer               clock_data;
  guint                  tick_source;

  WtwExerciseTimerState  state;
  guint                  step_index;
  /* The current step's full length, including any extra minutes. */
  gint64                 step_usec;
  /* While running, when the step ends; otherwise unused. */
  gint64                 deadline;
  /* While not running, what is left of the step. */
  gint64                 remaining_usec;
  guint                  remaining_seconds;
};

G_DEFINE_FINAL_TYPE (WtwExerciseTimer, wtw_exercise_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXERCISE,
  PROP_SECONDS_SCALE,
  PROP_STATE,
  PROP_N_STEPS,
  PROP_STEP_INDEX,
  PROP_STEP,
  PROP_STEP_SECONDS,
  PROP_REMAINING_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_SCALE 0.001
#define MAX_SCALE 100.0

static const GEnumValue state_values[] = {
  { WTW_EXERCISE_TIMER_READY, "WTW_EXERCISE_TIMER_READY", "ready" },
  { WTW_EXERCISE_TIMER_RUNNING, "WTW_EXERCISE_TIMER_RUNNING", "running" },
  { WTW_EXERCISE_TIMER_PAUSED, "WTW_EXERCISE_TIMER_PAUSED", "paused" },
  { WTW_EXERCISE_TIMER_FINISHED, "WTW_EXERCISE_TIMER_FINISHED", "finished" },
  { 0, NULL, NULL }
};

GType
wtw_exercise_timer_state_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("WtwExerciseTimerState", state_values));

  return type_id;
}

static void schedule_tick (WtwExerciseTimer *self);

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (WtwExerciseTimer *self)
{
  return self->clock_func (self->clock_data);
}

static gint64
scaled_usec (WtwExerciseTimer *self,
             guint             seconds)
{
  /* Whole seconds, at least one, so a scaled-down step still shows. */
  double scaled = round (seconds * self->seconds_scale);

  return (gint64)MAX (1.0, scaled) * G_USEC_PER_SEC;
}

static gint64
step_usec (WtwExerciseTimer *self,
           guint             index)
{
  WtwExerciseStep *step = g_ptr_array_index (self->steps, index);

  return scaled_usec (self, wtw_exercise_step_get_seconds (step));
}

static gint64
remaining_usec (WtwExerciseTimer *self)
{
  if (self->state == WTW_EXERCISE_TIMER_RUNNING)
    return MAX (0, self->deadline - now (self));

  return self->remaining_usec;
}

static void
update_remaining (WtwExerciseTimer *self)
{
  gint64 usec = remaining_usec (self);
  /* Round up: a step of 2:00 shows 2:00 until a whole second has gone. */
  guint seconds = (guint)((usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (seconds != self->remaining_seconds)
    {
      self->remaining_seconds = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_SECONDS]);
    }
}

static void
set_state (WtwExerciseTimer      *self,
           WtwExerciseTimerState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Moves to the step after the current one, or to the end. @start is when
 * the new step begins, for a running timer. */
static void
advance (WtwExerciseTimer *self,
         gint64            start)
{
  g_assert (self->state != WTW_EXERCISE_TIMER_FINISHED);

  if (self->step_index + 1 >= self->steps->len)
    {
      self->remaining_usec = 0;
      g_clear_handle_id (&self->tick_source, g_source_remove);
      set_state (self, WTW_EXERCISE_TIMER_FINISHED);
      update_remaining (self);
      return;
    }

  self->step_index++;
  self->step_usec = step_usec (self, self->step_index);
  self->deadline = start + self->step_usec;
  self->remaining_usec = self->step_usec;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_SECONDS]);
  update_remaining (self);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  WtwExerciseTimer *self = user_data;

  self->tick_source = 0;
  _wtw_exercise_timer_tick (self);

  return G_SOURCE_REMOVE;
}

/* Wakes up just after the shown number of seconds changes, rather than
 * polling. */
static void
schedule_tick (WtwExerciseTimer *self)
{
  gint64 usec;
  gint64 delay;

  g_clear_handle_id (&self->tick_source, g_source_remove);

  if (self->state != WTW_EXERCISE_TIMER_RUNNING)
    return;

  usec = remaining_usec (self);
  delay = usec % G_USEC_PER_SEC;
  if (delay == 0)
    delay = G_USEC_PER_SEC;

  self->tick_source = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                          (guint)(delay / 1000) + 1,
                                          on_tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_source, "[wtw] exercise timer tick");
}

static void
wtw_exercise_timer_constructed (GObject *object)
{
  WtwExerciseTimer *self = (WtwExerciseTimer *)object;
  GListModel *steps;
  guint n;

  G_OBJECT_CLASS (wtw_exercise_timer_parent_class)->constructed (object);

  g_assert (WTW_IS_EXERCISE (self->exercise));

  steps = wtw_exercise_get_steps (self->exercise);
  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->steps, g_list_model_get_item (steps, i));
  if (wtw_exercise_get_closing (self->exercise) != NULL)
    g_ptr_array_add (self->steps, g_object_ref (wtw_exercise_get_closing (self->exercise)));

  /* The loader refuses an exercise without steps; an empty one built by
   * hand is finished before it starts. */
  if (self->steps->len == 0)
    {
      self->state = WTW_EXERCISE_TIMER_FINISHED;
      return;
    }

  self->step_usec = step_usec (self, 0);
  self->remaining_usec = self->step_usec;
  update_remaining (self);
}

static void
wtw_exercise_timer_dispose (GObject *object)
{
  WtwExerciseTimer *self = (WtwExerciseTimer *)object;

  g_clear_handle_id (&self->tick_source, g_source_remove);

  G_OBJECT_CLASS (wtw_exercise_timer_parent_class)->dispose (object);
}

static void
wtw_exercise_timer_finalize (GObject *object)
{
  WtwExerciseTimer *self = (WtwExerciseTimer *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_object (&self->exercise);

  G_OBJECT_CLASS (wtw_exercise_timer_parent_class)->finalize (object);
}

static void
wtw_exercise_timer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WtwExerciseTimer *self = WTW_EXERCISE_TIMER (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;

    case PROP_SECONDS_SCALE:
      g_value_set_double (value, self->seconds_scale);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_N_STEPS:
      g_value_set_uint (value, wtw_exercise_timer_get_n_steps (self));
      break;

    case PROP_STEP_INDEX:
      g_value_set_uint (value, self->step_index);
      break;

    case PROP_STEP:
      g_value_set_object (value, wtw_exercise_timer_get_step (self));
      break;

    case PROP_STEP_SECONDS:
      g_value_set_uint (value, wtw_exercise_timer_get_step_seconds (self));
      break;

    case PROP_REMAINING_SECONDS:
      g_value_set_uint (value, self->remaining_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_timer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WtwExerciseTimer *self = WTW_EXERCISE_TIMER (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      self->exercise = g_value_dup_object (value);
      break;

    case PROP_SECONDS_SCALE:
      self->seconds_scale = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_exercise_timer_class_init (WtwExerciseTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_exercise_timer_constructed;
  object_class->dispose = wtw_exercise_timer_dispose;
  object_class->finalize = wtw_exercise_timer_finalize;
  object_class->get_property = wtw_exercise_timer_get_property;
  object_class->set_property = wtw_exercise_timer_set_property;

  /**
   * WtwExerciseTimer:exercise:
   *
   * The exercise whose steps, then closing step, are timed.
   */
  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL,
                         WTW_TYPE_EXERCISE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:seconds-scale:
   *
   * Multiplies the length of every step and of each extra minute; 1 is
   * real time. Steps never get shorter than one second.
   */
  properties[PROP_SECONDS_SCALE] =
    g_param_spec_double ("seconds-scale", NULL, NULL,
                         MIN_SCALE, MAX_SCALE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:state:
   *
   * Ready, running, paused or finished.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       WTW_TYPE_EXERCISE_TIMER_STATE,
                       WTW_EXERCISE_TIMER_READY,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:n-steps:
   *
   * How many steps there are, the closing step included.
   */
  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:step-index:
   *
   * The position of the current step, from 0. It stays on the closing
   * step once finished.
   */
  properties[PROP_STEP_INDEX] =
    g_param_spec_uint ("step-index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:step:
   *
   * The current step.
   */
  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL,
                         WTW_TYPE_EXERCISE_STEP,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:step-seconds:
   *
   * The current step's length after scaling, extra minutes included.
   */
  properties[PROP_STEP_SECONDS] =
    g_param_spec_uint ("step-seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwExerciseTimer:remaining-seconds:
   *
   * Whole seconds left in the current step, rounded up; notified once a
   * second while running.
   */
  properties[PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_exercise_timer_init (WtwExerciseTimer *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->seconds_scale = 1.0;
  self->clock_func = monotonic_clock;
  self->state = WTW_EXERCISE_TIMER_READY;
}

/**
 * wtw_exercise_timer_new:
 * @exercise: the exercise to time
 * @seconds_scale: how much to multiply every step's length by; 1 for real time
 *
 * Returns: (transfer full): a timer, ready on the first step
 */
WtwExerciseTimer *
wtw_exercise_timer_new (WtwExercise *exercise,
                        double       seconds_scale)
{
  g_return_val_if_fail (WTW_IS_EXERCISE (exercise), NULL);
  g_return_val_if_fail (seconds_scale > 0, NULL);

  return g_object_new (WTW_TYPE_EXERCISE_TIMER,
                       "exercise", exercise,
                       "seconds-scale", seconds_scale,
                       NULL);
}

/**
 * wtw_exercise_timer_get_exercise:
 * @self: a #WtwExerciseTimer
 *
 * Returns: (transfer none): the exercise being timed
 */
WtwExercise *
wtw_exercise_timer_get_exercise (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), NULL);

  return self->exercise;
}

/**
 * wtw_exercise_timer_get_seconds_scale:
 * @self: a #WtwExerciseTimer
 *
 * Returns: the factor applied to every step's length
 */
double
wtw_exercise_timer_get_seconds_scale (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), 1.0);

  return self->seconds_scale;
}

/**
 * wtw_exercise_timer_get_state:
 * @self: a #WtwExerciseTimer
 *
 * Returns: where the timer is
 */
WtwExerciseTimerState
wtw_exercise_timer_get_state (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), WTW_EXERCISE_TIMER_READY);

  return self->state;
}

/**
 * wtw_exercise_timer_get_n_steps:
 * @self: a #WtwExerciseTimer
 *
 * Returns: the number of steps, the closing step included
 */
guint
wtw_exercise_timer_get_n_steps (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), 0);

  return self->steps->len;
}

/**
 * wtw_exercise_timer_get_step_index:
 * @self: a #WtwExerciseTimer
 *
 * Returns: the position of the current step, from 0
 */
guint
wtw_exercise_timer_get_step_index (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), 0);

  return self->step_index;
}

/**
 * wtw_exercise_timer_get_step:
 * @self: a #WtwExerciseTimer
 *
 * Returns: (transfer none) (nullable): the current step, %NULL only for an
 *   exercise without steps
 */
WtwExerciseStep *
wtw_exercise_timer_get_step (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), NULL);

  if (self->step_index >= self->steps->len)
    return NULL;

  return g_ptr_array_index (self->steps, self->step_index);
}

/**
 * wtw_exercise_timer_is_closing:
 * @self: a #WtwExerciseTimer
 *
 * Returns: whether the current step is the exercise's closing step
 */
gboolean
wtw_exercise_timer_is_closing (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), FALSE);

  return wtw_exercise_timer_get_step (self) != NULL &&
         wtw_exercise_timer_get_step (self) == wtw_exercise_get_closing (self->exercise);
}

/**
 * wtw_exercise_timer_get_step_seconds:
 * @self: a #WtwExerciseTimer
 *
 * Returns: the current step's scaled length, extra minutes included
 */
guint
wtw_exercise_timer_get_step_seconds (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), 0);

  return (guint)(self->step_usec / G_USEC_PER_SEC);
}

/**
 * wtw_exercise_timer_get_remaining_seconds:
 * @self: a #WtwExerciseTimer
 *
 * Returns: whole seconds left in the current step, rounded up
 */
guint
wtw_exercise_timer_get_remaining_seconds (WtwExerciseTimer *self)
{
  g_return_val_if_fail (WTW_IS_EXERCISE_TIMER (self), 0);

  return self->remaining_seconds;
}

/**
 * wtw_exercise_timer_start:
 * @self: a #WtwExerciseTimer
 *
 * Starts counting down the first step. Does nothing unless ready.
 */
void
wtw_exercise_timer_start (WtwExerciseTimer *self)
{
  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));

  if (self->state != WTW_EXERCISE_TIMER_READY)
    return;

  self->deadline = now (self) + self->remaining_usec;
  set_state (self, WTW_EXERCISE_TIMER_RUNNING);
  schedule_tick (self);
}

/**
 * wtw_exercise_timer_pause:
 * @self: a #WtwExerciseTimer
 *
 * Stops the clock on the current step. Does nothing unless running.
 */
void
wtw_exercise_timer_pause (WtwExerciseTimer *self)
{
  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));

  if (self->state != WTW_EXERCISE_TIMER_RUNNING)
    return;

  /* Catch up first: the step may have run out since the last tick. */
  _wtw_exercise_timer_tick (self);
  if (self->state != WTW_EXERCISE_TIMER_RUNNING)
    return;

  self->remaining_usec = remaining_usec (self);
  set_state (self, WTW_EXERCISE_TIMER_PAUSED);
  schedule_tick (self);
}

/**
 * wtw_exercise_timer_resume:
 * @self: a #WtwExerciseTimer
 *
 * Carries on from where the timer was paused. Does nothing unless paused.
 */
void
wtw_exercise_timer_resume (WtwExerciseTimer *self)
{
  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));

  if (self->state != WTW_EXERCISE_TIMER_PAUSED)
    return;

  self->deadline = now (self) + self->remaining_usec;
  set_state (self, WTW_EXERCISE_TIMER_RUNNING);
  schedule_tick (self);
}

/**
 * wtw_exercise_timer_skip:
 * @self: a #WtwExerciseTimer
 *
 * Moves on to the next step at once, in full, keeping the timer running,
 * paused or ready as it was; skipping the closing step finishes.
 */
void
wtw_exercise_timer_skip (WtwExerciseTimer *self)
{
  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));

  if (self->state == WTW_EXERCISE_TIMER_FINISHED)
    return;

  advance (self, now (self));
  schedule_tick (self);
}

/**
 * wtw_exercise_timer_add_minute:
 * @self: a #WtwExerciseTimer
 *
 * Gives the current step #WTW_EXERCISE_TIMER_EXTRA_SECONDS more (scaled
 * like the steps).
 */
void
wtw_exercise_timer_add_minute (WtwExerciseTimer *self)
{
  gint64 extra;

  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));

  if (self->state == WTW_EXERCISE_TIMER_FINISHED)
    return;

  extra = scaled_usec (self, WTW_EXERCISE_TIMER_EXTRA_SECONDS);
  self->step_usec += extra;
  self->deadline += extra;
  self->remaining_usec += extra;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_SECONDS]);
  update_remaining (self);
  schedule_tick (self);
}

/**
 * wtw_exercise_timer_parse_seconds_scale:
 * @text: (nullable): a seconds scale as text, such as "0.05"
 *
 * Parses the value of the `WTW_EXERCISE_SECONDS_SCALE` environment
 * variable, which the UI reads (and only the UI) so end-to-end tests can
 * shorten every step. Anything missing, malformed or out of range means
 * real time.
 *
 * Returns: the scale, in the range of #WtwExerciseTimer:seconds-scale
 */
double
wtw_exercise_timer_parse_seconds_scale (const char *text)
{
  char *end = NULL;
  double scale;

  if (text == NULL || *text == '\0')
    return 1.0;

  scale = g_ascii_strtod (text, &end);
  if (*end != '\0' || !(scale >= MIN_SCALE && scale <= MAX_SCALE))
    return 1.0;

  return scale;
}

/**
 * _wtw_exercise_timer_set_clock:
 * @self: a #WtwExerciseTimer
 * @clock_func: (nullable): what tells the time, or %NULL for the monotonic clock
 * @user_data: passed to @clock_func
 *
 * Replaces the clock. Only before the timer starts.
 */
void
_wtw_exercise_timer_set_clock (WtwExerciseTimer     *self,
                               WtwExerciseClockFunc  clock_func,
                               gpointer              user_data)
{
  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));
  g_return_if_fail (self->state == WTW_EXERCISE_TIMER_READY);

  self->clock_func = clock_func != NULL ? clock_func : monotonic_clock;
  self->clock_data = user_data;
}

/**
 * _wtw_exercise_timer_tick:
 * @self: a #WtwExerciseTimer
 *
 * Reads the clock and catches up: updates the remaining seconds and moves
 * past every step that has run out. The timer calls this itself while
 * running; tests call it after moving a fake clock on.
 */
void
_wtw_exercise_timer_tick (WtwExerciseTimer *self)
{
  gint64 t;

  g_return_if_fail (WTW_IS_EXERCISE_TIMER (self));

  if (self->state != WTW_EXERCISE_TIMER_RUNNING)
    return;

  t = now (self);
  while (self->state == WTW_EXERCISE_TIMER_RUNNING && t >= self->deadline)
    advance (self, self->deadline);

  update_remaining (self);
  schedule_tick (self);
}
