/* test-homework.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The homework list and its reminders over a real session and vault, on a
 * fake clock: states on a given day, the order, the day turning, undo of a
 * deletion, and a reminder sent once on the due day, never before, never
 * when switched off or locked, and without the note.
 */

#include "config.h"

#include "journal-test-util.h"
#include "wtw-content.h"
#include "wtw-homework-list.h"
#include "wtw-homework-reminder.h"

#define CHAPTER "always-and-never"

typedef struct
{
  GDateTime *now;
} FakeClock;

typedef struct
{
  char *id;
  char *title;
  char *body;
} Sent;

static WtwContent *content;

static GDateTime *
fake_clock_cb (gpointer user_data)
{
  return g_date_time_ref (((FakeClock *) user_data)->now);
}

static void
fake_clock_set (FakeClock *clock,
                int        year,
                int        month,
                int        day,
                int        hour)
{
  g_clear_pointer (&clock->now, g_date_time_unref);
  clock->now = g_date_time_new_local (year, month, day, hour, 30, 0);
}

static void
sent_free (gpointer data)
{
  Sent *sent = data;

  g_free (sent->id);
  g_free (sent->title);
  g_free (sent->body);
  g_free (sent);
}

static void
record_sender_cb (const char *id,
                  const char *title,
                  const char *body,
                  gpointer    user_data)
{
  GPtrArray *log = user_data;
  Sent *sent = g_new0 (Sent, 1);

  sent->id = g_strdup (id);
  sent->title = g_strdup (title);
  sent->body = g_strdup (body);
  g_ptr_array_add (log, sent);
}

static GDate
day (guint y,
     guint m,
     guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static WtwHomeworkItem *
add (WtwHomeworkList *list,
     const char      *chapter_id,
     guint            part,
     GDate            due,
     const char      *note)
{
  g_autoptr(GError) error = NULL;
  WtwHomeworkItem *item = wtw_homework_list_add (list, chapter_id, part, &due, note, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static WtwHomeworkItem *
item_at (WtwHomeworkList *list,
         guint            position)
{
  g_autoptr(WtwHomeworkItem) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (item);
  return item;   /* the list keeps it alive */
}

static void
assert_order (WtwHomeworkList *list,
              WtwHomeworkItem *first,
              ...)
{
  va_list ap;
  guint i = 0;

  va_start (ap, first);
  for (WtwHomeworkItem *want = first; want != NULL; want = va_arg (ap, WtwHomeworkItem *))
    g_assert_true (item_at (list, i++) == want);
  va_end (ap);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, i);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_states_and_order (JournalFixture *fx,
                       gconstpointer   data)
{
  g_autoptr(WtwHomeworkList) list = wtw_homework_list_new (fx->session);
  FakeClock clock = { NULL };
  g_autoptr(GError) error = NULL;
  WtwHomeworkItem *overdue, *today, *later, *done;

  fake_clock_set (&clock, 2026, 3, 4, 9);
  wtw_homework_list_set_clock (list, fake_clock_cb, &clock, NULL);

  later = add (list, CHAPTER, 2, day (2026, 3, 10), NULL);
  today = add (list, CHAPTER, 0, day (2026, 3, 4), "twice this week");
  done = add (list, CHAPTER, 4, day (2026, 3, 1), NULL);
  overdue = add (list, CHAPTER, 3, day (2026, 3, 2), NULL);
  g_assert_true (wtw_homework_list_set_done (list, done, TRUE, &error));
  g_assert_no_error (error);

  assert_order (list, overdue, today, later, done, NULL);
  g_assert_cmpint (wtw_homework_item_get_state (overdue), ==, WTW_HOMEWORK_STATE_OVERDUE);
  g_assert_cmpint (wtw_homework_item_get_state (today), ==, WTW_HOMEWORK_STATE_DUE_TODAY);
  g_assert_cmpint (wtw_homework_item_get_state (later), ==, WTW_HOMEWORK_STATE_UPCOMING);
  g_assert_cmpint (wtw_homework_item_get_state (done), ==, WTW_HOMEWORK_STATE_DONE);
  g_assert_cmpuint (wtw_homework_list_get_n_due (list), ==, 2);
  g_assert_cmpstr (wtw_homework_item_get_note (today), ==, "twice this week");

  /* The same items, read afresh after locking and unlocking. */
  wtw_session_lock (fx->session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (wtw_homework_list_get_n_due (list), ==, 0);
  journal_test_unlock (fx->session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpint (wtw_homework_item_get_state (item_at (list, 0)), ==,
                   WTW_HOMEWORK_STATE_OVERDUE);
  g_assert_cmpint (wtw_homework_item_get_state (item_at (list, 3)), ==,
                   WTW_HOMEWORK_STATE_DONE);

  g_clear_pointer (&clock.now, g_date_time_unref);
  wtw_homework_list_set_clock (list, NULL, NULL, NULL);
}

static void
on_state_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The day turns: what was upcoming is due, what was due is overdue. */
static void
test_day_turns (JournalFixture *fx,
                gconstpointer   data)
{
  g_autoptr(WtwHomeworkList) list = wtw_homework_list_new (fx->session);
  FakeClock clock = { NULL };
  WtwHomeworkItem *tomorrow, *today;
  guint notified = 0;

  fake_clock_set (&clock, 2026, 3, 4, 23);
  wtw_homework_list_set_clock (list, fake_clock_cb, &clock, NULL);
  today = add (list, CHAPTER, 0, day (2026, 3, 4), NULL);
  tomorrow = add (list, CHAPTER, 1, day (2026, 3, 5), NULL);
  g_signal_connect (tomorrow, "notify::state", G_CALLBACK (on_state_notify_cb), &notified);
  g_assert_cmpuint (wtw_homework_list_get_n_due (list), ==, 1);

  g_assert_false (wtw_homework_list_refresh_day (list));
  g_assert_cmpuint (notified, ==, 0);

  fake_clock_set (&clock, 2026, 3, 5, 0);
  g_assert_true (wtw_homework_list_refresh_day (list));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (wtw_homework_item_get_state (today), ==, WTW_HOMEWORK_STATE_OVERDUE);
  g_assert_cmpint (wtw_homework_item_get_state (tomorrow), ==, WTW_HOMEWORK_STATE_DUE_TODAY);
  g_assert_cmpuint (wtw_homework_list_get_n_due (list), ==, 2);

  g_clear_pointer (&clock.now, g_date_time_unref);
  wtw_homework_list_set_clock (list, NULL, NULL, NULL);
}

/* A change moves the item, not a new one: rows bound to it follow. */
static void
test_update_and_done_move (JournalFixture *fx,
                           gconstpointer   data)
{
  g_autoptr(WtwHomeworkList) list = wtw_homework_list_new (fx->session);
  FakeClock clock = { NULL };
  g_autoptr(GError) error = NULL;
  WtwHomeworkItem *a, *b;
  GDate later = day (2026, 4, 1);
  guint changes = 0;

  fake_clock_set (&clock, 2026, 3, 4, 9);
  wtw_homework_list_set_clock (list, fake_clock_cb, &clock, NULL);
  a = add (list, CHAPTER, 0, day (2026, 3, 5), NULL);
  b = add (list, CHAPTER, 0, day (2026, 3, 6), NULL);
  assert_order (list, a, b, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  g_assert_true (wtw_homework_list_update (list, a, CHAPTER, 2, &later, "new note", &error));
  g_assert_no_error (error);
  assert_order (list, b, a, NULL);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (wtw_homework_item_get_part (a), ==, 2);
  g_assert_cmpstr (wtw_homework_item_get_note (a), ==, "new note");
  g_assert_cmpint (g_date_compare (wtw_homework_item_get_due (a), &later), ==, 0);

  g_assert_true (wtw_homework_list_set_done (list, b, TRUE, &error));
  assert_order (list, a, b, NULL);
  g_assert_true (wtw_homework_item_get_done (b));
  g_assert_true (wtw_homework_list_set_done (list, b, FALSE, &error));
  assert_order (list, b, a, NULL);

  /* Bad input changes nothing. */
  g_assert_false (wtw_homework_list_update (list, a, CHAPTER, 7, &later, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (wtw_homework_item_get_part (a), ==, 2);
  g_assert_null (wtw_homework_list_add (list, CHAPTER, 0, NULL, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* Locked, nothing is changed and the list says why. */
  wtw_session_lock (fx->session);
  g_assert_null (wtw_homework_list_add (list, CHAPTER, 0, &later, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);

  g_clear_pointer (&clock.now, g_date_time_unref);
  wtw_homework_list_set_clock (list, NULL, NULL, NULL);
}

static void
test_remove_and_restore (JournalFixture *fx,
                         gconstpointer   data)
{
  g_autoptr(WtwHomeworkList) list = wtw_homework_list_new (fx->session);
  g_autoptr(WtwHomeworkList) other = NULL;
  g_autoptr(WtwHomework) removed = NULL;
  g_autoptr(GError) error = NULL;
  WtwHomeworkItem *a, *b, *back;

  a = add (list, CHAPTER, 1, day (2026, 3, 5), "keep me");
  b = add (list, CHAPTER, 0, day (2026, 3, 6), NULL);
  g_assert_true (wtw_homework_list_set_done (list, a, TRUE, &error));

  removed = wtw_homework_list_remove (list, a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  assert_order (list, b, NULL);
  other = wtw_homework_list_new (fx->session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 1);

  back = wtw_homework_list_restore (list, removed, &error);
  g_assert_no_error (error);
  assert_order (list, b, back, NULL);
  g_assert_cmpstr (wtw_homework_item_get_note (back), ==, "keep me");
  g_assert_true (wtw_homework_item_get_done (back));
  g_assert_cmpint (wtw_homework_item_get_homework (back)->done_at, ==, removed->done_at);
  g_assert_cmpint (wtw_homework_item_get_homework (back)->created, ==, removed->created);
  g_assert_true (wtw_homework_list_reload (other, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 2);
}

static WtwHomeworkReminder *
reminder_new (JournalFixture *fx,
              FakeClock      *clock,
              GPtrArray      *log)
{
  WtwHomeworkReminder *reminder = wtw_homework_reminder_new (fx->session);

  wtw_homework_reminder_set_clock (reminder, fake_clock_cb, clock, NULL);
  wtw_homework_reminder_set_sender (reminder, record_sender_cb, g_ptr_array_ref (log),
                                    (GDestroyNotify) g_ptr_array_unref);
  wtw_homework_reminder_set_content (reminder, content);
  return reminder;
}

static void
test_reminder_once_on_due_day (JournalFixture *fx,
                               gconstpointer   data)
{
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (sent_free);
  g_autoptr(WtwHomeworkList) list = wtw_homework_list_new (fx->session);
  g_autoptr(WtwHomeworkReminder) reminder = NULL;
  FakeClock clock = { NULL };
  g_autofree char *expected_id = NULL;
  WtwHomeworkItem *item;
  Sent *sent;

  item = add (list, CHAPTER, 3, day (2026, 3, 4), "from my therapist: twice this week");
  add (list, CHAPTER, 0, day (2026, 3, 9), NULL);
  reminder = reminder_new (fx, &clock, log);
  wtw_homework_reminder_set_enabled (reminder, TRUE);

  /* The day before: nothing. */
  fake_clock_set (&clock, 2026, 3, 3, 22);
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 0);
  g_assert_cmpuint (log->len, ==, 0);

  /* The day itself: one, then never again that day. */
  fake_clock_set (&clock, 2026, 3, 4, 8);
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 1);
  fake_clock_set (&clock, 2026, 3, 4, 15);
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 0);
  g_assert_cmpuint (log->len, ==, 1);

  sent = log->pdata[0];
  expected_id = g_strdup_printf ("homework-%" G_GINT64_FORMAT, wtw_homework_item_get_id (item));
  g_assert_cmpstr (sent->id, ==, expected_id);
  g_assert_cmpstr (sent->title, ==, "Homework Due Today");
  g_assert_nonnull (strstr (sent->body, wtw_chapter_get_title (
                              wtw_content_lookup_chapter (content, CHAPTER))));
  g_assert_nonnull (strstr (sent->body, "Reflect"));
  g_assert_null (strstr (sent->body, "therapist"));
  g_assert_null (strstr (sent->title, "therapist"));

  /* Not after a restart either: it is marked in the vault. */
  g_clear_object (&reminder);
  wtw_session_lock (fx->session);
  journal_test_unlock (fx->session);
  reminder = reminder_new (fx, &clock, log);
  wtw_homework_reminder_set_enabled (reminder, TRUE);
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 0);

  /* The day after, an overdue item is not reminded again. */
  fake_clock_set (&clock, 2026, 3, 5, 8);
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 0);
  g_assert_cmpuint (log->len, ==, 1);
  g_clear_pointer (&clock.now, g_date_time_unref);
}

static void
test_reminder_disabled_locked_done (JournalFixture *fx,
                                    gconstpointer   data)
{
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (sent_free);
  g_autoptr(WtwHomeworkList) list = wtw_homework_list_new (fx->session);
  g_autoptr(WtwHomeworkReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;
  FakeClock clock = { NULL };
  WtwHomeworkItem *done;

  fake_clock_set (&clock, 2026, 3, 4, 8);
  add (list, "no-such-chapter", 0, day (2026, 3, 4), "secret words");
  done = add (list, CHAPTER, 0, day (2026, 3, 4), NULL);
  g_assert_true (wtw_homework_list_set_done (list, done, TRUE, &error));
  reminder = reminder_new (fx, &clock, log);

  /* Off by default. */
  g_assert_false (wtw_homework_reminder_get_enabled (reminder));
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 0);

  wtw_homework_reminder_set_enabled (reminder, TRUE);
  wtw_session_lock (fx->session);
  g_assert_cmpuint (wtw_homework_reminder_check (reminder), ==, 0);
  g_assert_cmpuint (log->len, ==, 0);

  /* Unlocking looks at the next idle moment, by itself. */
  journal_test_unlock (fx->session);
  for (guint i = 0; i < 100 && log->len == 0; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (log->len, ==, 1);
  /* A chapter the content does not know is not named; the note never is. */
  g_assert_null (strstr (((Sent *) log->pdata[0])->body, "secret"));
  g_assert_null (strstr (((Sent *) log->pdata[0])->body, "no-such-chapter"));
  g_clear_pointer (&clock.now, g_date_time_unref);
}

#define add_test(path, func) \
  g_test_add (path, JournalFixture, NULL, journal_fixture_set_up, func, journal_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));
  content = wtw_content_new (&error);
  g_assert_no_error (error);

  add_test ("/wtw/model/homework/states-and-order", test_states_and_order);
  add_test ("/wtw/model/homework/day-turns", test_day_turns);
  add_test ("/wtw/model/homework/update-and-done", test_update_and_done_move);
  add_test ("/wtw/model/homework/remove-and-restore", test_remove_and_restore);
  add_test ("/wtw/model/homework/reminder-once", test_reminder_once_on_due_day);
  add_test ("/wtw/model/homework/reminder-off-locked-done", test_reminder_disabled_locked_done);

  ret = g_test_run ();
  g_clear_object (&content);
  return ret;
}
