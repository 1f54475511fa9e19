/* test-vault-homework.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vault-homework"

#include "config.h"

#include "vault-test-util.h"
#include "wtw-vault-homework.h"

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

static gint64
add (WtwVault   *vault,
     const char *chapter_id,
     guint       part,
     GDate       due,
     const char *note)
{
  g_autoptr(WtwHomework) homework = wtw_homework_new (chapter_id, part, &due, note);
  g_autoptr(GError) error = NULL;

  g_assert_true (wtw_vault_homework_add (vault, homework, &error));
  g_assert_no_error (error);
  g_assert_cmpint (homework->id, >, 0);
  return homework->id;
}

static WtwHomework *
get (WtwVault *vault,
     gint64    id)
{
  g_autoptr(GError) error = NULL;
  WtwHomework *homework = wtw_vault_homework_get (vault, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (homework);
  return homework;
}

static void
assert_day (const GDate *got,
            guint        y,
            guint        m,
            guint        d)
{
  g_assert_true (g_date_valid (got));
  g_assert_cmpuint (g_date_get_year (got), ==, y);
  g_assert_cmpuint (g_date_get_month (got), ==, m);
  g_assert_cmpuint (g_date_get_day (got), ==, d);
}

static void
test_day_text (void)
{
  GDate date = day (2026, 3, 4);
  g_autofree char *text = wtw_homework_format_day (&date);
  GDate parsed;

  g_assert_cmpstr (text, ==, "2026-03-04");
  g_assert_true (wtw_homework_parse_day ("2026-03-04", &parsed));
  g_assert_cmpint (g_date_compare (&parsed, &date), ==, 0);
  g_assert_true (wtw_homework_parse_day ("2024-02-29", &parsed));
  g_assert_false (wtw_homework_parse_day ("2026-02-29", &parsed));
  g_assert_false (g_date_valid (&parsed));
  g_assert_false (wtw_homework_parse_day ("2026-03-04x", &parsed));
  g_assert_false (wtw_homework_parse_day ("yesterday", &parsed));
  g_assert_false (wtw_homework_parse_day (NULL, &parsed));
}

static void
test_round_trip (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwHomework) got = NULL;
  g_autoptr(WtwHomework) copy = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  vault_fixture_create (fx);
  id = add (fx->vault, "always-never", 3, day (2026, 3, 4),
            "from my therapist: try the exercise twice this week");

  wtw_vault_lock (fx->vault);
  g_assert_null (wtw_vault_homework_get (fx->vault, id, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  unlock_ok (fx->vault, PASSPHRASE, WTW_SECRET_PASSPHRASE);

  got = get (fx->vault, id);
  g_assert_cmpint (got->id, ==, id);
  g_assert_cmpstr (got->chapter_id, ==, "always-never");
  g_assert_cmpuint (got->part, ==, 3);
  assert_day (&got->due, 2026, 3, 4);
  g_assert_cmpstr (got->note, ==, "from my therapist: try the exercise twice this week");
  g_assert_cmpint (got->member_id, ==, wtw_vault_get_member_id (fx->vault));
  g_assert_cmpstr (got->member_name, ==, "Alex");
  g_assert_cmpint (got->created, >=, before);
  g_assert_false (got->done);
  g_assert_cmpint (got->done_at, ==, 0);
  g_assert_false (g_date_valid (&got->reminded_on));

  copy = wtw_homework_copy (got);
  g_assert_cmpstr (copy->note, ==, got->note);
  g_assert_true (copy->note != got->note);
  g_assert_cmpint (g_date_compare (&copy->due, &got->due), ==, 0);
}

static void
test_whole_chapter_and_empty_note (VaultFixture  *fx,
                                   gconstpointer  data)
{
  g_autoptr(WtwHomework) got = NULL;
  gint64 id;

  vault_fixture_create (fx);
  id = add (fx->vault, "you-always", WTW_HOMEWORK_WHOLE_CHAPTER, day (2026, 1, 31), "");
  got = get (fx->vault, id);
  g_assert_cmpuint (got->part, ==, WTW_HOMEWORK_WHOLE_CHAPTER);
  g_assert_null (got->note);
}

static void
test_bad_input (VaultFixture  *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GDate due = day (2026, 3, 4);
  g_autoptr(WtwHomework) no_chapter = wtw_homework_new (NULL, 0, &due, NULL);
  g_autoptr(WtwHomework) bad_part = wtw_homework_new ("c", 5, &due, NULL);
  g_autoptr(WtwHomework) no_due = wtw_homework_new ("c", 1, NULL, NULL);
  WtwHomework *cases[] = { no_chapter, bad_part, no_due };

  vault_fixture_create (fx);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (wtw_vault_homework_add (fx->vault, cases[i], &error));
      g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
      g_assert_nonnull (strchr (error->message, '.'));
      g_clear_error (&error);
      g_assert_cmpint (cases[i]->id, ==, 0);
    }
  list = wtw_vault_homework_list (fx->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_null (wtw_vault_homework_list_to_remind (fx->vault, NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_FAILED);
}

static void
test_not_found (VaultFixture  *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate due = day (2026, 3, 4);
  g_autoptr(WtwHomework) ghost = wtw_homework_new ("c", 1, &due, NULL);

  vault_fixture_create (fx);
  /* A statement that changed a row must not hide the next miss. */
  add (fx->vault, "c", 1, due, NULL);
  ghost->id = 999;
  g_assert_false (wtw_vault_homework_update (fx->vault, ghost, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wtw_vault_homework_set_done (fx->vault, 999, TRUE, 0, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wtw_vault_homework_delete (fx->vault, 999, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wtw_vault_homework_mark_reminded (fx->vault, 999, &due, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (wtw_vault_homework_get (fx->vault, 999, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

static void
test_update_done_delete (VaultFixture  *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwHomework) got = NULL;
  g_autoptr(WtwHomework) after = NULL;
  g_autoptr(WtwHomework) undone = NULL;
  gint64 id;

  vault_fixture_create (fx);
  id = add (fx->vault, "c1", 1, day (2026, 3, 4), "first");
  got = get (fx->vault, id);
  g_free (got->chapter_id);
  got->chapter_id = g_strdup ("c2");
  got->part = 0;
  got->due = day (2026, 3, 10);
  g_free (got->note);
  got->note = g_strdup ("second");
  g_assert_true (wtw_vault_homework_update (fx->vault, got, &error));
  g_assert_no_error (error);

  g_assert_true (wtw_vault_homework_set_done (fx->vault, id, TRUE, 1772000000, &error));
  after = get (fx->vault, id);
  g_assert_cmpstr (after->chapter_id, ==, "c2");
  g_assert_cmpuint (after->part, ==, 0);
  assert_day (&after->due, 2026, 3, 10);
  g_assert_cmpstr (after->note, ==, "second");
  g_assert_true (after->done);
  g_assert_cmpint (after->done_at, ==, 1772000000);
  g_assert_cmpint (after->created, ==, got->created);

  g_assert_true (wtw_vault_homework_set_done (fx->vault, id, FALSE, 0, &error));
  undone = get (fx->vault, id);
  g_assert_false (undone->done);
  g_assert_cmpint (undone->done_at, ==, 0);

  g_assert_true (wtw_vault_homework_delete (fx->vault, id, &error));
  g_assert_no_error (error);
  g_assert_null (wtw_vault_homework_get (fx->vault, id, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
}

/* Not done before done; within each, the soonest due day first. */
static void
test_list_order (VaultFixture  *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 late, early, done_early, same_day;
  gint64 expected[4];

  vault_fixture_create (fx);
  late = add (fx->vault, "late", 0, day (2026, 5, 1), NULL);
  done_early = add (fx->vault, "done", 0, day (2025, 12, 1), NULL);
  early = add (fx->vault, "early", 0, day (2026, 2, 1), NULL);
  same_day = add (fx->vault, "same", 0, day (2026, 5, 1), NULL);
  g_assert_true (wtw_vault_homework_set_done (fx->vault, done_early, TRUE, 0, &error));

  list = wtw_vault_homework_list (fx->vault, &error);
  g_assert_no_error (error);
  expected[0] = early;
  expected[1] = late;
  expected[2] = same_day;
  expected[3] = done_early;
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((WtwHomework *) list->pdata[i])->id, ==, expected[i]);
}

static guint
count_to_remind (WtwVault *vault,
                 GDate     today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = wtw_vault_homework_list_to_remind (vault, &today, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_remind (VaultFixture  *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwHomework) got = NULL;
  GDate due = day (2026, 3, 4);
  GDate next = day (2026, 3, 5);
  gint64 id, done_id;

  vault_fixture_create (fx);
  id = add (fx->vault, "c1", 2, due, "private words");
  done_id = add (fx->vault, "c2", 0, due, NULL);
  add (fx->vault, "c3", 0, next, NULL);
  g_assert_true (wtw_vault_homework_set_done (fx->vault, done_id, TRUE, 0, &error));

  g_assert_cmpuint (count_to_remind (fx->vault, day (2026, 3, 3)), ==, 0);
  list = wtw_vault_homework_list_to_remind (fx->vault, &due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((WtwHomework *) list->pdata[0])->id, ==, id);

  g_assert_true (wtw_vault_homework_mark_reminded (fx->vault, id, &due, &error));
  g_assert_cmpuint (count_to_remind (fx->vault, due), ==, 0);
  got = get (fx->vault, id);
  assert_day (&got->reminded_on, 2026, 3, 4);

  /* Moving it to another day earns it a reminder on that day. */
  got->due = next;
  g_assert_true (wtw_vault_homework_update (fx->vault, got, &error));
  g_assert_cmpuint (count_to_remind (fx->vault, next), ==, 2);
  g_clear_pointer (&got, wtw_homework_free);
  got = get (fx->vault, id);
  g_assert_false (g_date_valid (&got->reminded_on));

  /* Saving without moving it keeps the reminder as sent. */
  g_assert_true (wtw_vault_homework_mark_reminded (fx->vault, id, &next, &error));
  g_free (got->note);
  got->note = g_strdup ("changed");
  g_assert_true (wtw_vault_homework_update (fx->vault, got, &error));
  g_assert_cmpuint (count_to_remind (fx->vault, next), ==, 1);
}

/* Homework is shared: the other partner sees it, and who added it. */
static void
test_two_members (VaultFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwHomework) restored = NULL;
  g_autoptr(WtwHomework) got = NULL;
  char *recovery = NULL;
  gint64 alex_id, sam_id, id;

  vault_fixture_create (fx);
  alex_id = wtw_vault_get_member_id (fx->vault);
  sam_id = wtw_vault_add_member (fx->vault, "Sam", PASSPHRASE_2, &floor_params, &recovery,
                                 NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  id = add (fx->vault, "c1", 4, day (2026, 3, 4), "together");

  wtw_vault_switch_member (fx->vault, PASSPHRASE_2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_get_member_id (fx->vault), ==, sam_id);
  list = wtw_vault_homework_list (fx->vault, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((WtwHomework *) list->pdata[0])->member_id, ==, alex_id);
  g_assert_cmpstr (((WtwHomework *) list->pdata[0])->member_name, ==, "Alex");
  g_assert_true (wtw_vault_homework_set_done (fx->vault, id, TRUE, 0, &error));

  /* A deleted row put back as it was (undo) keeps its author and state. */
  got = get (fx->vault, id);
  g_assert_true (wtw_vault_homework_delete (fx->vault, id, &error));
  restored = wtw_homework_copy (got);
  restored->id = 0;
  g_assert_true (wtw_vault_homework_add (fx->vault, restored, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, wtw_homework_free);
  got = get (fx->vault, restored->id);
  g_assert_cmpint (got->member_id, ==, alex_id);
  g_assert_true (got->done);
  g_assert_cmpint (got->done_at, ==, restored->done_at);
  g_assert_cmpstr (got->note, ==, "together");
}

/* The note is not in the file in clear. */
static void
test_encrypted_on_disk (VaultFixture  *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;

  vault_fixture_create (fx);
  add (fx->vault, "zebracorn-chapter", 1, day (2026, 3, 4), "unicornish note");
  wtw_vault_lock (fx->vault);
  bytes = read_file_bytes (fx->path);
  g_assert_false (bytes_contain (bytes, "zebracorn"));
  g_assert_false (bytes_contain (bytes, "unicornish"));
}

#define add_test(path, func) \
  g_test_add (path, VaultFixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault/homework/day-text", test_day_text);
  add_test ("/wtw/vault/homework/round-trip", test_round_trip);
  add_test ("/wtw/vault/homework/whole-chapter", test_whole_chapter_and_empty_note);
  add_test ("/wtw/vault/homework/bad-input", test_bad_input);
  add_test ("/wtw/vault/homework/not-found", test_not_found);
  add_test ("/wtw/vault/homework/update-done-delete", test_update_done_delete);
  add_test ("/wtw/vault/homework/list-order", test_list_order);
  add_test ("/wtw/vault/homework/remind", test_remind);
  add_test ("/wtw/vault/homework/two-members", test_two_members);
  add_test ("/wtw/vault/homework/encrypted", test_encrypted_on_disk);

  return g_test_run ();
}
