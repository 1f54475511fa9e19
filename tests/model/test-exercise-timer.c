/* test-exercise-timer.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwExerciseTimer with a fake clock: steps run out and move on, pause
 * stops time, skip and one more minute, the closing step and the end, and
 * the seconds scale end-to-end tests use.
 */

#include "config.h"

#include "wtw-content.h"
#include "wtw-exercise-timer-private.h"

typedef struct
{
  gint64            now;
  WtwExercise      *exercise;
  WtwExerciseTimer *timer;
  guint             n_step_notifies;
  guint             n_state_notifies;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static WtwExerciseStep *
new_step (const char *title,
          guint       seconds,
          WtwSpeaker  speaker)
{
  return g_object_new (WTW_TYPE_EXERCISE_STEP,
                       "title", title,
                       "seconds", seconds,
                       "speaker", speaker,
                       "text", "Say what you noticed.",
                       "listener", speaker == WTW_SPEAKER_BOTH ? NULL : "Listen.",
                       NULL);
}

/* Three steps of 60, 120 and 30 seconds, and a closing step of 90. */
static WtwExercise *
new_exercise (void)
{
  g_autoptr(GListStore) steps = g_list_store_new (WTW_TYPE_EXERCISE_STEP);
  g_autoptr(WtwExerciseStep) closing = new_step ("Closing", 90, WTW_SPEAKER_BOTH);
  g_autoptr(WtwExerciseStep) one = new_step ("One", 60, WTW_SPEAKER_A);
  g_autoptr(WtwExerciseStep) two = new_step ("Two", 120, WTW_SPEAKER_B);
  g_autoptr(WtwExerciseStep) three = new_step ("Three", 30, WTW_SPEAKER_A);

  g_list_store_append (steps, one);
  g_list_store_append (steps, two);
  g_list_store_append (steps, three);

  return g_object_new (WTW_TYPE_EXERCISE,
                       "title", "Test",
                       "setup", "Sit down.",
                       "steps", steps,
                       "closing", closing,
                       NULL);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "step-index"))
    fixture->n_step_notifies++;
  else if (g_str_equal (pspec->name, "state"))
    fixture->n_state_notifies++;
}

static void
fixture_set_up_scaled (Fixture *fixture,
                       double   scale)
{
  fixture->now = 1000 * G_USEC_PER_SEC;
  fixture->exercise = new_exercise ();
  fixture->timer = wtw_exercise_timer_new (fixture->exercise, scale);
  _wtw_exercise_timer_set_clock (fixture->timer, fake_clock, fixture);
  g_signal_connect (fixture->timer, "notify", G_CALLBACK (on_notify_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_scaled (fixture, 1.0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->timer);
  g_assert_finalize_object (fixture->exercise);
}

static void
advance (Fixture *fixture,
         double   seconds)
{
  fixture->now += (gint64)(seconds * G_USEC_PER_SEC);
  _wtw_exercise_timer_tick (fixture->timer);
}

static const char *
step_title (Fixture *fixture)
{
  return wtw_exercise_step_get_title (wtw_exercise_timer_get_step (fixture->timer));
}

static void
test_timer_ready (Fixture       *fixture,
                  gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_READY);
  g_assert_cmpuint (wtw_exercise_timer_get_n_steps (timer), ==, 4);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 0);
  g_assert_cmpstr (step_title (fixture), ==, "One");
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 60);
  g_assert_false (wtw_exercise_timer_is_closing (timer));

  /* Time passing before the start changes nothing. */
  advance (fixture, 500);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 60);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_READY);
}

static void
test_timer_advances (Fixture       *fixture,
                     gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  wtw_exercise_timer_start (timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);

  /* Remaining seconds round up: 59.5 s left still shows as 60. */
  advance (fixture, 0.5);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 60);
  advance (fixture, 0.5);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 59);
  advance (fixture, 58);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 1);
  g_assert_cmpuint (fixture->n_step_notifies, ==, 0);

  /* The step runs out; the overshoot counts against the next one. */
  advance (fixture, 3);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpstr (step_title (fixture), ==, "Two");
  g_assert_cmpuint (wtw_exercise_timer_get_step_seconds (timer), ==, 120);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 118);
  g_assert_cmpuint (fixture->n_step_notifies, ==, 1);

  /* A late tick catches up over more than one step. */
  advance (fixture, 118 + 30 + 10);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 3);
  g_assert_true (wtw_exercise_timer_is_closing (timer));
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 80);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);
}

static void
test_timer_finishes (Fixture       *fixture,
                     gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  wtw_exercise_timer_start (timer);
  advance (fixture, 60 + 120 + 30 + 89);
  g_assert_true (wtw_exercise_timer_is_closing (timer));
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);

  advance (fixture, 1);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_FINISHED);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 0);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 3);

  /* Nothing moves a finished timer. */
  wtw_exercise_timer_skip (timer);
  wtw_exercise_timer_add_minute (timer);
  wtw_exercise_timer_resume (timer);
  advance (fixture, 100);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_FINISHED);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 0);
}

static void
test_timer_pause (Fixture       *fixture,
                  gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  wtw_exercise_timer_start (timer);
  advance (fixture, 20);
  wtw_exercise_timer_pause (timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_PAUSED);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 40);

  /* A paused timer ignores the clock, however long the pause. */
  advance (fixture, 3600);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 40);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 0);

  /* Pausing twice or resuming a running timer changes nothing. */
  wtw_exercise_timer_pause (timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_PAUSED);

  wtw_exercise_timer_resume (timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);
  wtw_exercise_timer_resume (timer);
  advance (fixture, 39);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 1);
  advance (fixture, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 120);
}

static void
test_timer_pause_catches_up (Fixture       *fixture,
                             gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  /* No tick since the step ran out: pausing lands on the next step. */
  wtw_exercise_timer_start (timer);
  fixture->now += 70 * G_USEC_PER_SEC;
  wtw_exercise_timer_pause (timer);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 110);
}

static void
test_timer_skip (Fixture       *fixture,
                 gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  wtw_exercise_timer_start (timer);
  advance (fixture, 10);
  wtw_exercise_timer_skip (timer);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 120);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);

  /* The new step gets its full length from the moment of the skip. */
  advance (fixture, 119);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 1);

  /* A paused timer stays paused on the next step. */
  wtw_exercise_timer_pause (timer);
  wtw_exercise_timer_skip (timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_PAUSED);
  g_assert_cmpstr (step_title (fixture), ==, "Three");
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 30);

  wtw_exercise_timer_skip (timer);
  g_assert_true (wtw_exercise_timer_is_closing (timer));
  g_assert_cmpint (fixture->n_state_notifies, ==, 2);

  /* Skipping the closing step finishes. */
  wtw_exercise_timer_skip (timer);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_FINISHED);
  g_assert_cmpuint (fixture->n_step_notifies, ==, 3);
}

static void
test_timer_one_more_minute (Fixture       *fixture,
                            gconstpointer  data)
{
  WtwExerciseTimer *timer = fixture->timer;

  wtw_exercise_timer_start (timer);
  advance (fixture, 50);
  wtw_exercise_timer_add_minute (timer);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 70);
  g_assert_cmpuint (wtw_exercise_timer_get_step_seconds (timer), ==, 120);

  /* The step now ends 60 s later than it would have. */
  advance (fixture, 69);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 0);
  advance (fixture, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_step_seconds (timer), ==, 120);

  /* While paused too, and twice adds two minutes. */
  wtw_exercise_timer_pause (timer);
  wtw_exercise_timer_add_minute (timer);
  wtw_exercise_timer_add_minute (timer);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 240);
  wtw_exercise_timer_resume (timer);
  advance (fixture, 239);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  advance (fixture, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 2);
}

static void
test_timer_scaled (Fixture       *fixture,
                   gconstpointer  data)
{
  WtwExerciseTimer *timer;

  fixture_tear_down (fixture, data);
  fixture_set_up_scaled (fixture, 0.1);
  timer = fixture->timer;

  g_assert_cmpfloat (wtw_exercise_timer_get_seconds_scale (timer), ==, 0.1);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 6);

  wtw_exercise_timer_start (timer);
  advance (fixture, 6);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (timer), ==, 1);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 12);

  /* The extra minute is scaled too. */
  wtw_exercise_timer_add_minute (timer);
  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (timer), ==, 18);

  /* The whole exercise (60 + 120 + 30 + 90 s) takes a tenth of the time. */
  advance (fixture, 18 + 3 + 8);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_RUNNING);
  advance (fixture, 1);
  g_assert_cmpint (wtw_exercise_timer_get_state (timer), ==, WTW_EXERCISE_TIMER_FINISHED);
}

static void
test_timer_tiny_scale (Fixture       *fixture,
                       gconstpointer  data)
{
  /* However small the scale, a step lasts at least a second. */
  fixture_tear_down (fixture, data);
  fixture_set_up_scaled (fixture, 0.001);

  g_assert_cmpuint (wtw_exercise_timer_get_remaining_seconds (fixture->timer), ==, 1);
  wtw_exercise_timer_start (fixture->timer);
  advance (fixture, 0.5);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (fixture->timer), ==, 0);
  advance (fixture, 0.5);
  g_assert_cmpuint (wtw_exercise_timer_get_step_index (fixture->timer), ==, 1);
}

static void
test_timer_parse_scale (void)
{
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale (NULL), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale (""), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("0.05"), ==, 0.05);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("2"), ==, 2.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("fast"), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("0.5s"), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("0"), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("-1"), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("nan"), ==, 1.0);
  g_assert_cmpfloat (wtw_exercise_timer_parse_seconds_scale ("1e9"), ==, 1.0);
}

static void
test_timer_real_clock (void)
{
  g_autoptr(WtwExercise) exercise = new_exercise ();
  g_autoptr(WtwExerciseTimer) timer = wtw_exercise_timer_new (exercise, 0.001);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 start = g_get_monotonic_time ();

  /* With no fake clock the timer's own source drives it: four one-second
   * steps end in about four seconds. */
  g_signal_connect_swapped (timer, "notify::state", G_CALLBACK (g_main_loop_quit), loop);
  wtw_exercise_timer_start (timer);
  while (wtw_exercise_timer_get_state (timer) != WTW_EXERCISE_TIMER_FINISHED)
    g_main_loop_run (loop);

  /* Never early; late only by what a busy machine makes it (the bound is
   * there to catch a timer that stalls, not to time it). */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
}

static void
test_timer_shipped_chapter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwContent) content = wtw_content_new_for_languages ((const char *[]) { "en", NULL },
                                                                 &error);
  WtwChapter *chapter;
  g_autoptr(WtwExerciseTimer) timer = NULL;
  WtwExercise *exercise;
  guint total = 0;

  g_assert_no_error (error);
  chapter = wtw_content_lookup_chapter (content, "feelings-not-thoughts");
  g_assert_nonnull (chapter);
  exercise = wtw_chapter_get_exercise (chapter);
  timer = wtw_exercise_timer_new (exercise, 1.0);

  /* Every step, then the closing step, in the file's order. */
  g_assert_cmpuint (wtw_exercise_timer_get_n_steps (timer), ==,
                    g_list_model_get_n_items (wtw_exercise_get_steps (exercise)) + 1);
  while (wtw_exercise_timer_get_state (timer) != WTW_EXERCISE_TIMER_FINISHED)
    {
      total += wtw_exercise_timer_get_step_seconds (timer);
      wtw_exercise_timer_skip (timer);
    }
  g_assert_cmpuint (total, ==, wtw_exercise_get_total_seconds (exercise));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/wtw/exercise-timer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("ready", test_timer_ready);
  ADD ("advances", test_timer_advances);
  ADD ("finishes", test_timer_finishes);
  ADD ("pause", test_timer_pause);
  ADD ("pause-catches-up", test_timer_pause_catches_up);
  ADD ("skip", test_timer_skip);
  ADD ("one-more-minute", test_timer_one_more_minute);
  ADD ("scaled", test_timer_scaled);
  ADD ("tiny-scale", test_timer_tiny_scale);
#undef ADD
  g_test_add_func ("/wtw/exercise-timer/parse-scale", test_timer_parse_scale);
  g_test_add_func ("/wtw/exercise-timer/real-clock", test_timer_real_clock);
  g_test_add_func ("/wtw/exercise-timer/shipped-chapter", test_timer_shipped_chapter);

  return g_test_run ();
}
