/* test-journal-model.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwJournalModel over a real vault: pages fetched only when touched, exact
 * items-changed on writes, deletes that wait for an undo, and the filters.
 */

#include "config.h"

#include "journal-test-util.h"
#include "wtw-journal-model.h"
#include "wtw-journal-model-private.h"
#include "wtw-vault-tags.h"

/* 2024-06-15 12:00 UTC: the tests run with TZ=UTC. */
#define NOON_JUNE_15 G_GINT64_CONSTANT (1718452800)

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static GArray *
record_changes (WtwJournalModel *model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  return changes;
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, >, index);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static WtwJournalItem *
item_at (WtwJournalModel *model,
         guint            position)
{
  WtwJournalItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  /* The model keeps its own reference while the page is cached. */
  g_object_unref (item);
  return item;
}

static int
month_of (gint64 created)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (created);

  return g_date_time_get_year (time) * 12 + g_date_time_get_month (time);
}

static void
test_lazy_paging (JournalFixture *fx,
                  gconstpointer   data)
{
  g_autoptr(WtwJournalModel) model = NULL;
  guint n_pages = (5000 + WTW_JOURNAL_MODEL_PAGE_SIZE - 1) / WTW_JOURNAL_MODEL_PAGE_SIZE;

  journal_test_fill (fx->session, 5000, NOON_JUNE_15);
  model = wtw_journal_model_new (fx->session);

  /* The count is known before any row is read. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5000);
  g_assert_cmpuint (_wtw_journal_model_get_n_fetches (model), ==, 0);

  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 0)), ==, "Entry 1");
  g_assert_cmpstr (wtw_journal_item_get_first_line (item_at (model, 0)), ==, "Body of entry 1");
  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 199)), ==, "Entry 200");
  g_assert_cmpuint (_wtw_journal_model_get_n_fetches (model), ==, 1);

  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 4999)), ==, "Entry 5000");
  g_assert_cmpuint (_wtw_journal_model_get_n_fetches (model), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 5000));

  /* Back to a cached page: no fetch. */
  item_at (model, 10);
  g_assert_cmpuint (_wtw_journal_model_get_n_fetches (model), ==, 2);

  /* Every page in order: all but the first and last are new, and by the
   * time the walk reaches the last page the small cache has let it go. */
  for (guint i = 0; i < 5000; i += WTW_JOURNAL_MODEL_PAGE_SIZE)
    item_at (model, i);
  g_assert_cmpuint (_wtw_journal_model_get_n_fetches (model), ==, 2 + (n_pages - 2) + 1);
  g_assert_cmpuint (_wtw_journal_model_get_n_cached_pages (model), <=, 8);

  /* Month headings, across a page boundary too: an item starts a month
   * exactly when the one before it is from another month. */
  for (guint i = 150; i < 700; i++)
    {
      gboolean expected = i == 0
        || month_of (wtw_journal_item_get_created (item_at (model, i)))
           != month_of (wtw_journal_item_get_created (item_at (model, i - 1)));

      g_assert_cmpint (wtw_journal_item_get_starts_month (item_at (model, i)), ==, expected);
    }
  g_assert_true (wtw_journal_item_get_starts_month (item_at (model, 0)));
}

static gint64
save_new (WtwJournalModel *model,
          const char      *title,
          gint64           created)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup ("Some words.");
  entry->created = created;
  g_assert_true (wtw_journal_model_save (model, entry, NULL, &error));
  g_assert_no_error (error);
  return entry->id;
}

static void
test_items_changed (JournalFixture *fx,
                    gconstpointer   data)
{
  g_autoptr(WtwJournalModel) model = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 newest, oldest, middle;

  journal_test_fill (fx->session, 10, NOON_JUNE_15);
  model = wtw_journal_model_new (fx->session);
  changes = record_changes (model);
  item_at (model, 9);

  /* Newest: inserted at 0, and the old first row is announced again (it may
   * lose its month heading). */
  newest = save_new (model, "Newest", NOON_JUNE_15 + 60);
  assert_change (changes, 0, 0, 1, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, newest);

  /* Oldest: appended. */
  oldest = save_new (model, "Oldest", NOON_JUNE_15 - 100 * 3600);
  assert_change (changes, 1, 11, 0, 1);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 11)), ==, oldest);

  /* In between entries 3 and 4 (positions 3 and 4 now): lands at 4. */
  middle = save_new (model, "Middle", NOON_JUNE_15 - 3 * 3600 - 60);
  assert_change (changes, 2, 4, 1, 2);
  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 4)), ==, "Middle");

  /* An update announces the row alone. */
  entry = wtw_vault_journal_get (wtw_session_get_vault (fx->session), middle, &error);
  g_assert_no_error (error);
  g_free (entry->title);
  entry->title = g_strdup ("Middle, retitled");
  g_assert_true (wtw_journal_model_save (model, entry, NULL, &error));
  assert_change (changes, 3, 4, 1, 1);
  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 4)), ==, "Middle, retitled");

  /* A delete removes the row and announces the next one again. */
  g_assert_true (wtw_journal_model_delete (model, middle, &error));
  g_assert_no_error (error);
  assert_change (changes, 4, 4, 2, 1);
  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 4)), ==, "Entry 4");

  /* The last one: nothing after it. */
  g_assert_true (wtw_journal_model_delete (model, oldest, &error));
  assert_change (changes, 5, 11, 1, 0);
  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
  g_assert_cmpint (wtw_vault_journal_count (wtw_session_get_vault (fx->session), NULL), ==, 11);
}

static void
test_delete_later (JournalFixture *fx,
                   gconstpointer   data)
{
  g_autoptr(WtwJournalModel) model = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  WtwVault *vault = wtw_session_get_vault (fx->session);
  gint64 id;

  journal_test_fill (fx->session, 6, NOON_JUNE_15);
  model = wtw_journal_model_new (fx->session);
  changes = record_changes (model);
  id = wtw_journal_item_get_id (item_at (model, 2));

  /* Hidden at once; still in the vault. */
  wtw_journal_model_delete_later (model, id);
  assert_change (changes, 0, 2, 2, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_assert_cmpint (wtw_vault_journal_count (vault, NULL), ==, 6);
  g_assert_true (wtw_journal_model_is_pending_delete (model, id));
  g_assert_cmpint (wtw_journal_model_find (model, id), ==, -1);

  /* Undo: back where it was. */
  wtw_journal_model_undo_delete (model, id);
  assert_change (changes, 1, 2, 1, 2);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 2)), ==, id);
  g_assert_false (wtw_journal_model_is_pending_delete (model, id));

  /* Hide again and let the delete happen: the list does not change again. */
  wtw_journal_model_delete_later (model, id);
  g_assert_true (wtw_journal_model_finish_delete (model, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpint (wtw_vault_journal_count (vault, NULL), ==, 5);
  g_assert_null (wtw_vault_journal_get (vault, id, NULL));
}

static void
test_locking_finishes_deletes (JournalFixture *fx,
                               gconstpointer   data)
{
  g_autoptr(WtwJournalModel) model = NULL;
  gint64 id;

  journal_test_fill (fx->session, 3, NOON_JUNE_15);
  model = wtw_journal_model_new (fx->session);
  id = wtw_journal_item_get_id (item_at (model, 0));
  wtw_journal_model_delete_later (model, id);

  wtw_session_lock (fx->session);
  /* Locked: the model forgets every row. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (_wtw_journal_model_get_n_cached_pages (model), ==, 0);

  journal_test_unlock (fx->session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_null (wtw_vault_journal_get (wtw_session_get_vault (fx->session), id, NULL));
}

static void
set_tags (WtwSession *session,
          gint64      id,
          const char *tag)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GError) error = NULL;

  wtw_vault_journal_set_tags (wtw_session_get_vault (session), id, tags, &error);
  g_assert_no_error (error);
}

static void
test_filters (JournalFixture *fx,
              gconstpointer   data)
{
  g_autoptr(WtwJournalModel) model = NULL;
  GListModel *list;
  gint64 harbor, garden, quarrel, secret;
  gint64 day = 24 * 3600;
  const char *snippet;

  harbor = journal_test_add (fx->session, "Walk", "We walked to the harbor and talked.",
                             "calm", NOON_JUNE_15 - 3 * day, FALSE);
  garden = journal_test_add (fx->session, "Garden", "The harbor lights from the garden.",
                             "joyful", NOON_JUNE_15 - day, FALSE);
  quarrel = journal_test_add (fx->session, "Quarrel", "We argued about the dishes again.",
                              "angry", NOON_JUNE_15, FALSE);
  secret = journal_test_add (fx->session, "Secret harbor", "Private harbor thoughts.",
                             "calm", NOON_JUNE_15, TRUE);
  set_tags (fx->session, harbor, "Walks");
  set_tags (fx->session, quarrel, "Walks");

  model = wtw_journal_model_new (fx->session);
  list = G_LIST_MODEL (model);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_false (wtw_journal_model_get_filtered (model));

  /* Text: the writer's own private entry is found too (newest written
   * first), and matches are marked. */
  wtw_journal_model_set_search_text (model, "harb");
  g_assert_true (wtw_journal_model_get_filtered (model));
  g_assert_false (wtw_journal_model_get_grouped (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      gint64 id = wtw_journal_item_get_id (item_at (model, i));

      g_assert_true (id == harbor || id == garden || id == secret);
      g_assert_false (wtw_journal_item_get_starts_month (item_at (model, i)));
    }
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, secret);
  snippet = wtw_journal_item_get_snippet (item_at (model, 0));
  g_assert_nonnull (strstr (snippet, WTW_JOURNAL_MATCH_START "harbor" WTW_JOURNAL_MATCH_END));
  snippet = wtw_journal_item_get_snippet (item_at (model, 1));
  g_assert_nonnull (strstr (snippet, WTW_JOURNAL_MATCH_START "harbor" WTW_JOURNAL_MATCH_END));

  /* Text and mood. */
  wtw_journal_model_set_mood (model, "joyful");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, garden);
  wtw_journal_model_set_mood (model, "calm");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, secret);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 1)), ==, harbor);

  /* Tag alone (case does not matter), then with a day. */
  wtw_journal_model_set_mood (model, NULL);
  wtw_journal_model_set_search_text (model, NULL);
  wtw_journal_model_set_tag (model, "walks");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, quarrel);
  g_assert_cmpstr (wtw_journal_item_get_tags (item_at (model, 0))[0], ==, "Walks");
  wtw_journal_model_set_date_range (model, NOON_JUNE_15 - 12 * 3600 - 3 * day,
                                    NOON_JUNE_15 + 12 * 3600 - 3 * day);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, harbor);

  /* A day alone: the private entry is listed, with its own text for its
   * writer. */
  wtw_journal_model_set_tag (model, NULL);
  wtw_journal_model_set_date_range (model, NOON_JUNE_15 - 12 * 3600, NOON_JUNE_15 + 12 * 3600);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpint (wtw_journal_item_get_id (item_at (model, 0)), ==, secret);
  g_assert_cmpstr (wtw_journal_item_get_title (item_at (model, 0)), ==, "Secret harbor");
  g_assert_true (wtw_journal_item_get_is_private (item_at (model, 0)));
  g_assert_false (wtw_journal_item_get_sealed (item_at (model, 0)));

  wtw_journal_model_set_date_range (model, 0, 0);
  g_assert_false (wtw_journal_model_get_filtered (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Days of June 2024 with entries: the 12th, 14th and 15th. */
  g_assert_cmphex (wtw_journal_model_get_days_with_entries (model, 2024, 6), ==,
                   (1u << 11) | (1u << 13) | (1u << 14));
  g_assert_cmphex (wtw_journal_model_get_days_with_entries (model, 2024, 7), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_true (wtw_secure_init (NULL));
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/wtw/journal-model/" path, JournalFixture, NULL, \
              journal_fixture_set_up, func, journal_fixture_tear_down)

  ADD ("lazy-paging", test_lazy_paging);
  ADD ("items-changed", test_items_changed);
  ADD ("delete-later", test_delete_later);
  ADD ("locking-finishes-deletes", test_locking_finishes_deletes);
  ADD ("filters", test_filters);

#undef ADD

  return g_test_run ();
}
