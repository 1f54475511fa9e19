/* test-journal-editor.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WtwJournalEditor over a real vault, on a fake clock: autosave after a quiet
 * second, saving when the vault locks, word counts, tags and sealed entries.
 */

#include "config.h"

#include "journal-test-util.h"
#include "wtw-journal-editor.h"
#include "wtw-journal-editor-private.h"
#include "wtw-vault-tags.h"

typedef struct
{
  JournalFixture    base;
  WtwJournalModel  *model;
  WtwJournalEditor *editor;
  gint64            now;
} EditorFixture;

static gint64
fake_clock (gpointer user_data)
{
  return ((EditorFixture *) user_data)->now;
}

static void
editor_set_up (EditorFixture *fx,
               gconstpointer  data)
{
  journal_fixture_set_up (&fx->base, data);
  fx->model = wtw_journal_model_new (fx->base.session);
  fx->editor = wtw_journal_editor_new (fx->model);
  fx->now = 1000 * G_USEC_PER_SEC;
  _wtw_journal_editor_set_clock (fx->editor, fake_clock, fx);
}

static void
editor_tear_down (EditorFixture *fx,
                  gconstpointer  data)
{
  g_assert_finalize_object (fx->editor);
  g_assert_finalize_object (fx->model);
  journal_fixture_tear_down (&fx->base, data);
}

static void
advance (EditorFixture *fx,
         guint          msec)
{
  fx->now += msec * 1000;
  _wtw_journal_editor_tick (fx->editor);
}

static gint64
vault_count (EditorFixture *fx)
{
  return wtw_vault_journal_count (wtw_session_get_vault (fx->base.session), NULL);
}

static void
test_autosave_debounce (EditorFixture *fx,
                        gconstpointer  data)
{
  g_autoptr(WtwJournalEntry) saved = NULL;
  g_autoptr(GError) error = NULL;

  wtw_journal_editor_new_entry (fx->editor);
  g_assert_true (wtw_journal_editor_get_active (fx->editor));
  g_assert_false (wtw_journal_editor_get_saved (fx->editor));

  wtw_journal_editor_set_body (fx->editor, "Today I");
  g_assert_true (wtw_journal_editor_get_dirty (fx->editor));
  advance (fx, 600);
  g_assert_cmpint (vault_count (fx), ==, 0);

  /* Typing again starts the quiet second over. */
  wtw_journal_editor_set_body (fx->editor, "Today I listened.");
  advance (fx, 600);
  g_assert_cmpint (vault_count (fx), ==, 0);
  g_assert_true (wtw_journal_editor_get_dirty (fx->editor));
  advance (fx, 399);
  g_assert_cmpint (vault_count (fx), ==, 0);
  advance (fx, 1);
  g_assert_cmpint (vault_count (fx), ==, 1);
  g_assert_false (wtw_journal_editor_get_dirty (fx->editor));
  g_assert_true (wtw_journal_editor_get_saved (fx->editor));
  g_assert_cmpint (wtw_journal_editor_get_entry_id (fx->editor), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fx->model)), ==, 1);

  /* The next change updates the same entry. */
  wtw_journal_editor_set_title (fx->editor, "Listening");
  g_assert_false (wtw_journal_editor_get_saved (fx->editor));
  advance (fx, 1000);
  g_assert_cmpint (vault_count (fx), ==, 1);
  saved = wtw_vault_journal_get (wtw_session_get_vault (fx->base.session),
                                 wtw_journal_editor_get_entry_id (fx->editor), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->title, ==, "Listening");
  g_assert_cmpstr (saved->body, ==, "Today I listened.");
}

static void
test_empty_not_saved (EditorFixture *fx,
                      gconstpointer  data)
{
  wtw_journal_editor_new_entry (fx->editor);
  wtw_journal_editor_set_body (fx->editor, "x");
  wtw_journal_editor_set_body (fx->editor, "");
  advance (fx, 2000);
  wtw_journal_editor_close (fx->editor);
  g_assert_cmpint (vault_count (fx), ==, 0);
  g_assert_false (wtw_journal_editor_get_active (fx->editor));
}

static void
test_save_on_locking (EditorFixture *fx,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;

  wtw_journal_editor_new_entry (fx->editor);
  wtw_journal_editor_set_title (fx->editor, "Before the lock");
  wtw_journal_editor_set_body (fx->editor, "Typed a moment before locking.");
  g_assert_cmpint (vault_count (fx), ==, 0);

  wtw_session_lock (fx->base.session);
  /* Locked: the editor holds no text any more. */
  g_assert_false (wtw_journal_editor_get_active (fx->editor));
  g_assert_null (wtw_journal_editor_get_body (fx->editor));
  g_assert_null (wtw_journal_editor_get_title (fx->editor));

  journal_test_unlock (fx->base.session);
  entries = wtw_vault_journal_list (wtw_session_get_vault (fx->base.session), 0, 0, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = wtw_vault_journal_get (wtw_session_get_vault (fx->base.session),
                                 ((WtwJournalEntry *) entries->pdata[0])->id, NULL);
  g_assert_cmpstr (entry->body, ==, "Typed a moment before locking.");
}

static void
test_word_count (EditorFixture *fx,
                 gconstpointer  data)
{
  g_assert_cmpuint (wtw_journal_count_words (NULL), ==, 0);
  g_assert_cmpuint (wtw_journal_count_words ("  \n "), ==, 0);
  g_assert_cmpuint (wtw_journal_count_words ("I don't know — well-being, 12 times."), ==, 6);
  g_assert_cmpuint (wtw_journal_count_words ("Ça va? Très bien."), ==, 4);

  wtw_journal_editor_new_entry (fx->editor);
  wtw_journal_editor_set_body (fx->editor, "one two three");
  g_assert_cmpuint (wtw_journal_editor_get_word_count (fx->editor), ==, 3);
}

static void
test_tags_and_prompt (EditorFixture *fx,
                      gconstpointer  data)
{
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  wtw_journal_editor_new_from_prompt (fx->editor, "01-listening", "first",
                                      "When did you last feel heard?");
  g_assert_cmpstr (wtw_journal_editor_get_title (fx->editor), ==, "When did you last feel heard?");
  g_assert_cmpstr (wtw_journal_editor_get_chapter_id (fx->editor), ==, "01-listening");
  g_assert_cmpstr (wtw_journal_editor_get_prompt_id (fx->editor), ==, "first");
  g_assert_false (wtw_journal_editor_get_dirty (fx->editor));

  g_assert_true (wtw_journal_editor_add_tag (fx->editor, " Listening "));
  g_assert_false (wtw_journal_editor_add_tag (fx->editor, "listening"));
  g_assert_false (wtw_journal_editor_add_tag (fx->editor, "  "));
  g_assert_true (wtw_journal_editor_add_tag (fx->editor, "Homework"));
  wtw_journal_editor_set_mood (fx->editor, "hopeful");
  wtw_journal_editor_set_body (fx->editor, "Yesterday, at dinner.");
  g_assert_true (wtw_journal_editor_save (fx->editor, &error));
  g_assert_no_error (error);
  id = wtw_journal_editor_get_entry_id (fx->editor);

  g_assert_true (wtw_journal_editor_remove_tag (fx->editor, "homework"));
  g_assert_true (wtw_journal_editor_save (fx->editor, &error));
  tags = wtw_vault_journal_get_tags (wtw_session_get_vault (fx->base.session), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 1);
  g_assert_cmpstr (tags[0], ==, "Listening");

  /* Reopened from the vault: the same fields. */
  wtw_journal_editor_new_entry (fx->editor);
  g_assert_true (wtw_journal_editor_load (fx->editor, id, &error));
  g_assert_cmpstr (wtw_journal_editor_get_mood (fx->editor), ==, "hopeful");
  g_assert_cmpstr (wtw_journal_editor_get_body (fx->editor), ==, "Yesterday, at dinner.");
  g_assert_cmpstr (wtw_journal_editor_get_tags (fx->editor)[0], ==, "Listening");
  g_assert_true (wtw_journal_editor_get_saved (fx->editor));
  g_assert_cmpstr (wtw_journal_editor_get_chapter_id (fx->editor), ==, "01-listening");
  g_assert_cmpstr (wtw_journal_editor_get_prompt_id (fx->editor), ==, "first");
  /* One member: nothing to be private from. */
  g_assert_false (wtw_journal_editor_get_can_be_private (fx->editor));
}

/* An entry begun from a prompt keeps its link through a lock, and when it
 * turns private (then only inside the sealed blob). */
static void
test_prompt_link_kept (EditorFixture *fx,
                       gconstpointer  data)
{
  static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  g_autoptr(GError) error = NULL;
  g_autofree char *clear_link = NULL;
  g_autofree char *sql = NULL;
  char *recovery = NULL;
  gint64 id;

  wtw_journal_editor_new_from_prompt (fx->editor, "02-blame", "second", "What did you need?");
  wtw_journal_editor_set_body (fx->editor, "To be asked first.");
  advance (fx, 1000);
  id = wtw_journal_editor_get_entry_id (fx->editor);
  g_assert_cmpint (id, >, 0);

  wtw_session_lock (fx->base.session);
  g_assert_null (wtw_journal_editor_get_chapter_id (fx->editor));
  journal_test_unlock (fx->base.session);
  g_assert_true (wtw_journal_editor_load (fx->editor, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_journal_editor_get_chapter_id (fx->editor), ==, "02-blame");
  g_assert_cmpstr (wtw_journal_editor_get_prompt_id (fx->editor), ==, "second");

  wtw_vault_add_member (wtw_session_get_vault (fx->base.session), "Sam",
                        "tiled roof, sunny morning", &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_journal_editor_set_is_private (fx->editor, TRUE);
  g_assert_true (wtw_journal_editor_save (fx->editor, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT coalesce(chapter_id, '') || coalesce(prompt_id, '')"
                         " FROM journal_entries WHERE id = %" G_GINT64_FORMAT, id);
  clear_link = _wtw_vault_query_string (wtw_session_get_vault (fx->base.session), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clear_link, ==, "");

  wtw_journal_editor_close (fx->editor);
  g_assert_true (wtw_journal_editor_load (fx->editor, id, &error));
  g_assert_cmpstr (wtw_journal_editor_get_chapter_id (fx->editor), ==, "02-blame");
  g_assert_cmpstr (wtw_journal_editor_get_prompt_id (fx->editor), ==, "second");
  g_assert_cmpstr (wtw_journal_editor_get_body (fx->editor), ==, "To be asked first.");
}

static void
test_private_and_sealed (EditorFixture *fx,
                         gconstpointer  data)
{
  static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  WtwVault *vault = wtw_session_get_vault (fx->base.session);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) others_tags = NULL;
  char *recovery = NULL;
  gint64 id;

  wtw_vault_add_member (vault, "Sam", "tiled roof, sunny morning", &floor_params, &recovery,
                        NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  wtw_journal_editor_new_entry (fx->editor);
  g_assert_true (wtw_journal_editor_get_can_be_private (fx->editor));
  wtw_journal_editor_set_body (fx->editor, "Only for me.");
  g_assert_true (wtw_journal_editor_add_tag (fx->editor, "mine"));
  /* A private entry keeps its tags, sealed with it. */
  wtw_journal_editor_set_is_private (fx->editor, TRUE);
  g_assert_cmpuint (g_strv_length ((char **) wtw_journal_editor_get_tags (fx->editor)), ==, 1);
  g_assert_true (wtw_journal_editor_add_tag (fx->editor, "secret"));
  g_assert_true (wtw_journal_editor_save (fx->editor, &error));
  id = wtw_journal_editor_get_entry_id (fx->editor);
  wtw_journal_editor_close (fx->editor);

  /* Reopened by its writer: tags and all. */
  g_assert_true (wtw_journal_editor_load (fx->editor, id, &error));
  g_assert_no_error (error);
  g_assert_true (wtw_journal_editor_get_is_private (fx->editor));
  g_assert_cmpuint (g_strv_length ((char **) wtw_journal_editor_get_tags (fx->editor)), ==, 2);
  g_assert_cmpstr (wtw_journal_editor_get_tags (fx->editor)[0], ==, "mine");
  g_assert_cmpstr (wtw_journal_editor_get_tags (fx->editor)[1], ==, "secret");
  wtw_journal_editor_close (fx->editor);
  tags = wtw_vault_journal_list_tags (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);

  wtw_vault_switch_member (vault, "tiled roof, sunny morning", NULL, &error);
  g_assert_no_error (error);
  wtw_journal_model_reload (fx->model);

  g_assert_true (wtw_journal_editor_load (fx->editor, id, &error));
  g_assert_no_error (error);
  g_assert_true (wtw_journal_editor_get_sealed (fx->editor));
  g_assert_null (wtw_journal_editor_get_body (fx->editor));
  g_assert_null (wtw_journal_editor_get_title (fx->editor));
  g_assert_cmpuint (g_strv_length ((char **) wtw_journal_editor_get_tags (fx->editor)), ==, 0);
  others_tags = wtw_vault_journal_list_tags (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (others_tags), ==, 0);
  g_assert_false (wtw_journal_editor_get_can_be_private (fx->editor));
  wtw_journal_editor_set_body (fx->editor, "Overwritten?");
  g_assert_null (wtw_journal_editor_get_body (fx->editor));
  g_assert_false (wtw_journal_editor_get_dirty (fx->editor));
}

int
main (int   argc,
      char *argv[])
{
  g_assert_true (wtw_secure_init (NULL));
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/wtw/journal-editor/" path, EditorFixture, NULL, \
              editor_set_up, func, editor_tear_down)

  ADD ("autosave-debounce", test_autosave_debounce);
  ADD ("empty-not-saved", test_empty_not_saved);
  ADD ("save-on-locking", test_save_on_locking);
  ADD ("word-count", test_word_count);
  ADD ("tags-and-prompt", test_tags_and_prompt);
  ADD ("prompt-link-kept", test_prompt_link_kept);
  ADD ("private-and-sealed", test_private_and_sealed);

#undef ADD

  return g_test_run ();
}
