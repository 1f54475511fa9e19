/* test-workbook-progress.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook's models over a real session and vault: parts done, the
 * last place, conversations with notes, and a chapter's answers saved
 * after a quiet second (fake clock), on locking, private between partners.
 */

#include "config.h"

#include "journal-test-util.h"
#include "wtw-autosave-private.h"
#include "wtw-content.h"
#include "wtw-reflection-sheet.h"
#include "wtw-workbook-progress.h"

#define CHAPTER "always-and-never"
#define PASSPHRASE_SAM "tiled roof, sunny morning"

static WtwContent *content;

static WtwChapter *
chapter (void)
{
  WtwChapter *c = wtw_content_lookup_chapter (content, CHAPTER);

  g_assert_nonnull (c);
  return c;
}

static const char *
prompt_id (guint i)
{
  g_autoptr(WtwPrompt) prompt = g_list_model_get_item (wtw_chapter_get_prompts (chapter ()), i);

  g_assert_nonnull (prompt);
  /* Prompts live as long as the content. */
  return wtw_prompt_get_id (prompt);
}

static guint
n_prompts (void)
{
  return g_list_model_get_n_items (wtw_chapter_get_prompts (chapter ()));
}

static void
on_changed_cb (WtwWorkbookProgress *progress,
               const char          *chapter_id,
               gpointer             user_data)
{
  (*(guint *) user_data)++;
}

static void
relock (JournalFixture *fx)
{
  wtw_session_lock (fx->session);
  g_assert_cmpint (wtw_session_get_state (fx->session), ==, WTW_SESSION_STATE_LOCKED);
  journal_test_unlock (fx->session);
}

static void
test_parts_and_place (JournalFixture *fx,
                      gconstpointer   data)
{
  g_autoptr(WtwWorkbookProgress) progress = wtw_workbook_progress_new (fx->session);
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (progress, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_cmpuint (wtw_workbook_progress_get_parts (progress, CHAPTER), ==, 0);
  g_assert_null (wtw_workbook_progress_get_last_chapter (progress));

  g_assert_true (wtw_workbook_progress_set_done (progress, CHAPTER, WTW_WORKBOOK_PART_SCRIPTS,
                                                 TRUE, &error));
  g_assert_true (wtw_workbook_progress_set_done (progress, CHAPTER, WTW_WORKBOOK_PART_SCRIPTS,
                                                 TRUE, &error));
  g_assert_true (wtw_workbook_progress_set_done (progress, CHAPTER,
                                                 WTW_WORKBOOK_PART_CONVERSATION, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (wtw_workbook_progress_count_done (progress, CHAPTER), ==, 2);
  g_assert_true (wtw_workbook_progress_is_done (progress, CHAPTER, WTW_WORKBOOK_PART_SCRIPTS));
  g_assert_false (wtw_workbook_progress_is_done (progress, CHAPTER, WTW_WORKBOOK_PART_REFLECT));

  g_assert_true (wtw_workbook_progress_set_last_place (progress, CHAPTER,
                                                       WTW_WORKBOOK_PART_REFLECT, &error));

  /* Locked, nothing is known; unlocked again, it is all read back. */
  wtw_session_lock (fx->session);
  g_assert_cmpuint (wtw_workbook_progress_get_parts (progress, CHAPTER), ==, 0);
  g_assert_null (wtw_workbook_progress_get_last_chapter (progress));
  g_assert_false (wtw_workbook_progress_set_done (progress, CHAPTER, WTW_WORKBOOK_PART_REFLECT,
                                                  TRUE, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  journal_test_unlock (fx->session);
  g_assert_cmpuint (wtw_workbook_progress_get_parts (progress, CHAPTER), ==, 0xa);
  g_assert_cmpstr (wtw_workbook_progress_get_last_chapter (progress), ==, CHAPTER);
  g_assert_cmpint (wtw_workbook_progress_get_last_part (progress), ==, WTW_WORKBOOK_PART_REFLECT);

  g_assert_cmpint (wtw_workbook_part_from_name ("reflect"), ==, WTW_WORKBOOK_PART_REFLECT);
  g_assert_cmpint (wtw_workbook_part_from_name ("nope"), ==, WTW_WORKBOOK_PART_NONE);
  g_assert_cmpstr (wtw_workbook_part_to_name (WTW_WORKBOOK_PART_CONVERSATION), ==,
                   "conversation");
}

static void
test_conversation (JournalFixture *fx,
                   gconstpointer   data)
{
  g_autoptr(WtwWorkbookProgress) progress = wtw_workbook_progress_new (fx->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  WtwExerciseRecord *record;

  g_assert_true (wtw_workbook_progress_record_conversation (progress, CHAPTER, 1700000000,
                                                            1700000600, "Sam", "Alex", &error));
  g_assert_no_error (error);
  g_assert_cmpint (wtw_workbook_progress_get_conversation_id (progress), >, 0);
  g_assert_true (wtw_workbook_progress_is_done (progress, CHAPTER,
                                                WTW_WORKBOOK_PART_CONVERSATION));

  wtw_workbook_progress_set_conversation_notes (progress, "I rushed.", NULL);
  wtw_workbook_progress_set_conversation_notes (progress, "I rushed.", "I felt heard.");
  g_assert_true (wtw_autosave_get_pending (wtw_workbook_progress_get_notes_autosave (progress)));

  /* Locking saves the notes that were still waiting. */
  relock (fx);
  list = wtw_workbook_progress_list_conversations (progress, CHAPTER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  record = list->pdata[0];
  g_assert_cmpint (record->finished - record->started, ==, 600);
  g_assert_cmpstr (record->name_a, ==, "Sam");
  g_assert_cmpstr (record->notes_a, ==, "I rushed.");
  g_assert_cmpstr (record->notes_b, ==, "I felt heard.");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The lock let go of the conversation: later notes go nowhere. */
  g_assert_cmpint (wtw_workbook_progress_get_conversation_id (progress), ==, 0);
  wtw_workbook_progress_set_conversation_notes (progress, "late", "late");
  g_assert_false (wtw_autosave_get_pending (wtw_workbook_progress_get_notes_autosave (progress)));

  /* A second one, ended explicitly. */
  g_assert_true (wtw_workbook_progress_record_conversation (progress, CHAPTER, 1800000000,
                                                            1800000300, "Sam", "Alex", &error));
  wtw_workbook_progress_set_conversation_notes (progress, NULL, "Shorter this time.");
  g_assert_true (wtw_workbook_progress_end_conversation (progress, &error));
  g_assert_no_error (error);
  list = wtw_workbook_progress_list_conversations (progress, CHAPTER, &error);
  g_assert_cmpuint (list->len, ==, 2);
  record = list->pdata[0];
  g_assert_cmpint (record->started, ==, 1800000000);
  g_assert_null (record->notes_a);
  g_assert_cmpstr (record->notes_b, ==, "Shorter this time.");
}

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static WtwReflection *
stored (JournalFixture *fx,
        const char     *prompt)
{
  WtwVault *vault = wtw_session_get_vault (fx->session);
  g_autoptr(GError) error = NULL;
  WtwReflection *r = wtw_vault_reflection_get (vault, CHAPTER, prompt,
                                               wtw_vault_get_member_id (vault), &error);

  if (r == NULL)
    g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND);
  return r;
}

static void
test_sheet_autosave (JournalFixture *fx,
                     gconstpointer   data)
{
  g_autoptr(WtwWorkbookProgress) progress = wtw_workbook_progress_new (fx->session);
  g_autoptr(WtwReflectionSheet) sheet = wtw_reflection_sheet_new (progress, chapter ());
  WtwAutosave *autosave = wtw_reflection_sheet_get_autosave (sheet);
  g_autoptr(WtwReflection) r = NULL;
  gint64 now = 0;

  _wtw_autosave_set_clock (autosave, fake_clock, &now);
  g_assert_false (wtw_reflection_sheet_get_can_be_private (sheet));
  g_assert_cmpstr (wtw_reflection_sheet_get_member_name (sheet), ==, "Alex");
  g_assert_null (wtw_reflection_sheet_get_text (sheet, prompt_id (0)));
  /* One member: no one else to show. */
  g_assert_cmpuint (wtw_reflection_sheet_get_others (sheet, prompt_id (0))->len, ==, 0);

  wtw_reflection_sheet_set_text (sheet, prompt_id (0), "I");
  now += 400 * 1000;
  wtw_reflection_sheet_set_text (sheet, prompt_id (0), "I always");
  now += 900 * 1000;
  _wtw_autosave_tick (autosave);
  g_assert_null (stored (fx, prompt_id (0)));
  now += 100 * 1000;
  _wtw_autosave_tick (autosave);
  r = stored (fx, prompt_id (0));
  g_assert_nonnull (r);
  g_assert_cmpstr (r->body, ==, "I always");
  g_assert_true (wtw_autosave_get_saved (autosave));
  g_clear_pointer (&r, wtw_reflection_free);

  /* Locking flushes what the quiet second has not saved yet. */
  wtw_reflection_sheet_set_text (sheet, prompt_id (0), "I always say never");
  g_assert_true (wtw_autosave_get_pending (autosave));
  wtw_session_lock (fx->session);
  g_assert_null (wtw_reflection_sheet_get_text (sheet, prompt_id (0)));
  journal_test_unlock (fx->session);
  r = stored (fx, prompt_id (0));
  g_assert_cmpstr (r->body, ==, "I always say never");
  g_clear_pointer (&r, wtw_reflection_free);

  /* A new sheet reads it back. */
  g_clear_object (&sheet);
  sheet = wtw_reflection_sheet_new (progress, chapter ());
  g_assert_cmpstr (wtw_reflection_sheet_get_text (sheet, prompt_id (0)), ==,
                   "I always say never");
}

static void
test_sheet_complete (JournalFixture *fx,
                     gconstpointer   data)
{
  g_autoptr(WtwWorkbookProgress) progress = wtw_workbook_progress_new (fx->session);
  g_autoptr(WtwReflectionSheet) sheet = wtw_reflection_sheet_new (progress, chapter ());
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_prompts (), >=, 2);
  for (guint i = 0; i + 1 < n_prompts (); i++)
    wtw_reflection_sheet_set_text (sheet, prompt_id (i), "An answer");
  wtw_reflection_sheet_set_text (sheet, prompt_id (n_prompts () - 1), "   \n");
  g_assert_true (wtw_reflection_sheet_flush (sheet, &error));
  g_assert_no_error (error);
  g_assert_false (wtw_reflection_sheet_get_complete (sheet));
  g_assert_false (wtw_workbook_progress_is_done (progress, CHAPTER, WTW_WORKBOOK_PART_REFLECT));

  /* Every prompt answered: the part is done; emptying one undoes it. */
  wtw_reflection_sheet_set_text (sheet, prompt_id (n_prompts () - 1), "The last one");
  g_assert_true (wtw_reflection_sheet_flush (sheet, &error));
  g_assert_true (wtw_reflection_sheet_get_complete (sheet));
  g_assert_true (wtw_workbook_progress_is_done (progress, CHAPTER, WTW_WORKBOOK_PART_REFLECT));
  wtw_reflection_sheet_set_text (sheet, prompt_id (0), "");
  g_assert_true (wtw_reflection_sheet_flush (sheet, &error));
  g_assert_false (wtw_workbook_progress_is_done (progress, CHAPTER, WTW_WORKBOOK_PART_REFLECT));
  g_assert_null (stored (fx, prompt_id (0)));
}

static void
test_sheet_partners (JournalFixture *fx,
                     gconstpointer   data)
{
  g_autoptr(WtwWorkbookProgress) progress = wtw_workbook_progress_new (fx->session);
  g_autoptr(WtwReflectionSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  WtwVault *vault = wtw_session_get_vault (fx->session);
  static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  char *recovery = NULL;
  GPtrArray *others;
  WtwReflection *other;
  gint64 alex = wtw_vault_get_member_id (vault);

  wtw_vault_add_member (vault, "Sam", PASSPHRASE_SAM, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  sheet = wtw_reflection_sheet_new (progress, chapter ());
  g_assert_true (wtw_reflection_sheet_get_can_be_private (sheet));
  wtw_reflection_sheet_set_text (sheet, prompt_id (0), "Only for me");
  wtw_reflection_sheet_set_private (sheet, prompt_id (0), TRUE);
  wtw_reflection_sheet_set_text (sheet, prompt_id (1), "For us both");
  g_assert_true (wtw_reflection_sheet_flush (sheet, &error));
  g_clear_object (&sheet);

  /* Sam sees one answer as private, the other in full, and has a place of
   * their own. */
  g_assert_true (wtw_vault_switch_member (vault, PASSPHRASE_SAM, NULL, &error));
  g_assert_no_error (error);
  sheet = wtw_reflection_sheet_new (progress, chapter ());
  g_assert_cmpstr (wtw_reflection_sheet_get_member_name (sheet), ==, "Sam");
  g_assert_null (wtw_reflection_sheet_get_text (sheet, prompt_id (0)));
  others = wtw_reflection_sheet_get_others (sheet, prompt_id (0));
  g_assert_cmpuint (others->len, ==, 1);
  other = others->pdata[0];
  g_assert_cmpint (other->member_id, ==, alex);
  g_assert_true (other->sealed);
  g_assert_null (other->body);
  g_assert_cmpstr (wtw_reflection_sheet_lookup_name (sheet, alex), ==, "Alex");
  other = wtw_reflection_sheet_get_others (sheet, prompt_id (1))->pdata[0];
  g_assert_false (other->sealed);
  g_assert_cmpstr (other->body, ==, "For us both");
  other = wtw_reflection_sheet_get_others (sheet, prompt_id (2))->pdata[0];
  g_assert_false (other->sealed);
  g_assert_null (other->body);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (wtw_secure_init (NULL));
  g_test_init (&argc, &argv, NULL);
  content = wtw_content_new (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/wtw/model/workbook/" path, JournalFixture, NULL, \
              journal_fixture_set_up, func, journal_fixture_tear_down)

  ADD ("parts-and-place", test_parts_and_place);
  ADD ("conversation", test_conversation);
  ADD ("sheet-autosave", test_sheet_autosave);
  ADD ("sheet-complete", test_sheet_complete);
  ADD ("sheet-partners", test_sheet_partners);

#undef ADD

  status = g_test_run ();
  g_clear_object (&content);
  return status;
}
