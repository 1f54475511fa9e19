/* test-import.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wtw-export.h"
#include "wtw-import.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-homework.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-tags.h"
#include "wtw-vault-workbook.h"

static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  char     *dir;
  WtwVault *source;
  WtwVault *dest;
} Fixture;

static WtwVault *
make_vault (const char *dir,
            const char *name,
            const char *member)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WtwVault *vault = wtw_vault_new (file);
  char *recovery = NULL;

  wtw_vault_create (vault, member, PASSPHRASE, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  return vault;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("wtw-import-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->source = make_vault (fx->dir, "source.wtw", "Ana");
  fx->dest = make_vault (fx->dir, "dest.wtw", "Ana");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_assert_finalize_object (fx->source);
  g_assert_finalize_object (fx->dest);
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static gint64
add_entry (WtwVault           *vault,
           gint64              created,
           const char         *title,
           const char         *body,
           const char         *mood,
           const char * const *tags,
           gboolean            is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->created = created;
  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup (mood);
  entry->is_private = is_private;
  wtw_vault_journal_insert (vault, entry, &error);
  g_assert_no_error (error);
  if (tags != NULL)
    {
      wtw_vault_journal_set_tags (vault, entry->id, tags, &error);
      g_assert_no_error (error);
    }
  return entry->id;
}

/* A vault with one of everything a person owns. */
static void
fill_source (WtwVault *vault)
{
  const char * const tags[] = { "chapter 6", "homework", NULL };
  const char * const secret_tags[] = { "just me", NULL };
  const double scores[WTW_VAULT_QUIZ_N_SCORES] = { 72.5, 60, -1, 88 };
  g_autoptr(WtwExerciseRecord) talk = wtw_exercise_record_new ();
  g_autoptr(WtwHomework) homework = NULL;
  g_autoptr(GError) error = NULL;
  GDate due;

  add_entry (vault, 1767225600, "After the talk", "We tried the script.\nIt helped.", "hopeful",
             tags, FALSE);
  add_entry (vault, 1767312000, "Only mine", "Words for me alone.", "tired", secret_tags, TRUE);
  add_entry (vault, 1767398400, "No mood", "Plain text", NULL, NULL, FALSE);
  add_entry (vault, 1767398500, NULL, "No title at all", NULL, NULL, FALSE);

  wtw_vault_reflection_set (vault, "06-always-never", "p1", "I say always when I am hurt.", FALSE,
                            &error);
  g_assert_no_error (error);
  wtw_vault_reflection_set (vault, "06-always-never", "p2", "A private answer.", TRUE, &error);
  g_assert_no_error (error);
  wtw_vault_progress_set (vault, "06-always-never", 1, TRUE, &error);
  g_assert_no_error (error);
  wtw_vault_progress_set (vault, "06-always-never", 3, TRUE, &error);
  g_assert_no_error (error);

  talk->chapter_id = g_strdup ("06-always-never");
  talk->started = 1767400000;
  talk->finished = 1767400900;
  talk->name_a = g_strdup ("Ana");
  talk->notes_a = g_strdup ("We listened.");
  wtw_vault_exercise_insert (vault, talk, &error);
  g_assert_no_error (error);

  g_assert_cmpint (wtw_vault_quiz_save_result (vault, 1767500000, "{\"c1\":3,\"a2\":4}", scores,
                                               &error), >, 0);
  g_assert_no_error (error);

  g_date_clear (&due, 1);
  g_date_set_dmy (&due, 12, G_DATE_JANUARY, 2026);
  homework = wtw_homework_new ("06-always-never", 4, &due, "Try the exercise twice this week.");
  wtw_vault_homework_add (vault, homework, &error);
  g_assert_no_error (error);
}

static GFile *
export_to (Fixture       *fx,
           WtwExportKind  kind,
           const char    *name)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  wtw_export_to_file (fx->source, kind, file, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static WtwImportReport *
import_ok (WtwVault        *vault,
           GFile           *file,
           WtwImportFormat  format)
{
  g_autoptr(GError) error = NULL;
  WtwImportReport *report = wtw_import_file (vault, file, format, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static GPtrArray *
all_entries (WtwVault *vault)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = wtw_vault_journal_list (vault, 0, 0, &error);

  g_assert_no_error (error);
  return list;
}

static gboolean
report_has (const WtwImportReport *report,
            const char            *reason_part)
{
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const WtwImportSkip *skip = g_ptr_array_index (report->skipped, i);

      if (strstr (skip->reason, reason_part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Every entry of @a is in @b with the same title, text, mood, tags, time
 * and privacy. */
static void
assert_same_journal (WtwVault *a,
                     WtwVault *b)
{
  g_autoptr(GPtrArray) la = all_entries (a);
  g_autoptr(GPtrArray) lb = all_entries (b);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      WtwJournalEntry *ea = g_ptr_array_index (la, i);
      WtwJournalEntry *eb = g_ptr_array_index (lb, i);
      g_autoptr(WtwJournalEntry) fa = wtw_vault_journal_get (a, ea->id, &error);
      g_autoptr(WtwJournalEntry) fb = wtw_vault_journal_get (b, eb->id, &error);
      g_auto(GStrv) ta = wtw_vault_journal_get_tags (a, ea->id, &error);
      g_auto(GStrv) tb = wtw_vault_journal_get_tags (b, eb->id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (fa->created, ==, fb->created);
      g_assert_cmpstr (fa->title, ==, fb->title);
      g_assert_cmpstr (fa->body, ==, fb->body);
      g_assert_cmpstr (fa->mood, ==, fb->mood);
      g_assert_cmpint (fa->is_private, ==, fb->is_private);
      g_assert_true (g_strv_equal ((const char * const *) ta, (const char * const *) tb));
    }
}

static void
test_json_round_trip (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(WtwImportReport) again = NULL;
  g_autoptr(WtwReflection) answer = NULL;
  g_autoptr(WtwReflection) secret = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) talks = NULL;
  g_autoptr(GPtrArray) homework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  WtwVaultQuizResult *result;
  GStatBuf st;

  fill_source (fx->source);
  file = export_to (fx, WTW_EXPORT_KIND_JSON, "all.json");
  path = g_file_get_path (file);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  report = import_ok (fx->dest, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpint (report->format, ==, WTW_IMPORT_FORMAT_JSON);
  g_assert_cmpuint (report->entries, ==, 4);
  g_assert_cmpuint (report->reflections, ==, 2);
  g_assert_cmpuint (report->conversations, ==, 1);
  g_assert_cmpuint (report->progress, ==, 2);
  g_assert_cmpuint (report->quiz_results, ==, 1);
  g_assert_cmpuint (report->homework, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, 0);
  assert_same_journal (fx->source, fx->dest);

  answer = wtw_vault_reflection_get (fx->dest, "06-always-never", "p1",
                                     wtw_vault_get_member_id (fx->dest), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer->body, ==, "I say always when I am hurt.");
  secret = wtw_vault_reflection_get (fx->dest, "06-always-never", "p2",
                                     wtw_vault_get_member_id (fx->dest), &error);
  g_assert_no_error (error);
  g_assert_true (secret->is_private);
  g_assert_cmpstr (secret->body, ==, "A private answer.");
  g_assert_cmpint (wtw_vault_progress_get (fx->dest, "06-always-never",
                                           wtw_vault_get_member_id (fx->dest), NULL), ==, 0x5);

  results = wtw_vault_quiz_list_results (fx->dest, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->taken, ==, 1767500000);
  g_assert_cmpfloat (result->scores[0], ==, 72.5);
  g_assert_cmpfloat (result->scores[2], ==, -1);
  g_assert_nonnull (strstr (result->answers_json, "\"a2\""));

  talks = wtw_vault_exercise_list (fx->dest, "06-always-never", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_cmpstr (((WtwExerciseRecord *) g_ptr_array_index (talks, 0))->notes_a, ==, "We listened.");

  homework = wtw_vault_homework_list (fx->dest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (homework->len, ==, 1);
  g_assert_cmpstr (((WtwHomework *) g_ptr_array_index (homework, 0))->note, ==,
                   "Try the exercise twice this week.");

  /* The same file again: everything is already there. */
  again = import_ok (fx->dest, file, WTW_IMPORT_FORMAT_JSON);
  g_assert_cmpuint (wtw_import_report_get_imported (again), ==, 0);
  g_assert_true (report_has (again, "already in the journal"));
  g_assert_cmpint (wtw_vault_journal_count (fx->dest, NULL), ==, 4);
}

static void
test_json_version_1 (Fixture       *fx,
                     gconstpointer  data)
{
  const char v1[] =
    "{\"format\":\"words-that-work-export\",\"version\":1,\"schema_version\":1,"
    "\"exported\":\"2026-01-05T10:00:00Z\",\"exported_by\":{\"member_id\":1,\"name\":\"Ana\"},"
    "\"members\":[{\"id\":1,\"name\":\"Ana\"},{\"id\":2,\"name\":\"Ben\"}],"
    "\"journal\":["
    "{\"id\":1,\"member_id\":1,\"created\":\"2026-01-02T09:00:00Z\",\"updated\":\"2026-01-02T09:05:00Z\","
    "\"private\":false,\"sealed\":false,\"title\":\"First\",\"body\":\"Hello\",\"mood\":\"calm\",\"tags\":[\"a\"]},"
    "{\"id\":2,\"member_id\":2,\"created\":\"2026-01-03T09:00:00Z\",\"private\":true,\"sealed\":true},"
    "{\"id\":3,\"member_id\":2,\"created\":\"2026-01-03T10:00:00Z\",\"private\":false,\"sealed\":false,"
    "\"title\":\"Ben's\",\"body\":\"shared\",\"mood\":null,\"tags\":[]},"
    "{\"id\":4,\"member_id\":1,\"created\":\"yesterday\",\"private\":false,\"sealed\":false,"
    "\"title\":\"When?\",\"body\":\"x\",\"mood\":null,\"tags\":[]}"
    "]}";
  g_autofree char *path = g_build_filename (fx->dir, "v1.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (g_file_set_contents (path, v1, -1, NULL));
  report = import_ok (fx->dest, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, 3);
  g_assert_true (report_has (report, "private"));
  g_assert_true (report_has (report, "Ben wrote it"));
  g_assert_true (report_has (report, "not a date"));
  list = all_entries (fx->dest);
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (list, 0))->title, ==, "First");
}

static void
assert_import_fails (Fixture     *fx,
                     const char  *contents,
                     gssize       len,
                     GQuark       domain,
                     int          code)
{
  g_autofree char *path = g_build_filename (fx->dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  gint64 before = wtw_vault_journal_count (fx->dest, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  report = wtw_import_file (fx->dest, file, WTW_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_error (error, domain, code);
  g_assert_null (report);
  /* One sentence, for a person. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpint (wtw_vault_journal_count (fx->dest, NULL), ==, before);
  g_unlink (path);
}

static void
test_malformed (Fixture       *fx,
                gconstpointer  data)
{
  add_entry (fx->dest, 1767225600, "Already here", "x", NULL, NULL, FALSE);
  assert_import_fails (fx, "{\"format\":\"words-that-work-export\",\"version\":2,\"journal\":[",
                       -1, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_MALFORMED);
  assert_import_fails (fx, "{\"format\":\"words-that-work-export\",\"version\":99,"
                       "\"exported_by\":{\"member_id\":1},\"journal\":[]}",
                       -1, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNSUPPORTED_VERSION);
  assert_import_fails (fx, "{\"entries\":[], \"\xff\xfe\":1}", -1,
                       WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_NOT_UTF8);
  assert_import_fails (fx, "[1, 2, 3]", -1, WTW_IMPORT_ERROR, WTW_IMPORT_ERROR_UNKNOWN_FORMAT);
}

static void
test_day_one (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dayone-sample.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(WtwImportReport) again = NULL;
  g_autoptr(WtwJournalEntry) first = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *text = NULL;
  WtwJournalEntry *oldest;

  report = import_ok (fx->dest, file, WTW_IMPORT_FORMAT_DAY_ONE);
  g_assert_cmpuint (report->entries, ==, 3);
  g_assert_cmpuint (report->skipped->len, ==, 2);
  g_assert_true (report_has (report, "“the fifth of March” is not a date"));
  g_assert_true (report_has (report, "no text"));
  text = wtw_import_report_to_string (report);
  g_assert_nonnull (strstr (text, "Imported: 3 journal entries."));
  g_assert_nonnull (strstr (text, "Entry “Lost date”"));

  list = all_entries (fx->dest);
  oldest = g_ptr_array_index (list, list->len - 1);
  first = wtw_vault_journal_get (fx->dest, oldest->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->title, ==, "Coffee on the step");
  g_assert_cmpstr (first->body, ==, "We sat outside before work and talked about the week. "
                                    "Nobody checked a phone!");
  tags = wtw_vault_journal_get_tags (fx->dest, first->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) tags, "starred"));
  g_assert_true (g_strv_contains ((const char * const *) tags, "mornings"));

  again = import_ok (fx->dest, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (again->entries, ==, 0);
  g_assert_cmpuint (again->skipped->len, ==, 5);
  g_assert_cmpint (wtw_vault_journal_count (fx->dest, NULL), ==, 3);
}

static void
test_markdown_folder_round_trip (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(WtwImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *one = NULL;
  const char * const tags[] = { "x, y", "quote\"d", NULL };

  fill_source (fx->source);
  add_entry (fx->source, 1767225600, "After the talk", "Same day, same title", NULL, tags, FALSE);
  dir = export_to (fx, WTW_EXPORT_KIND_MARKDOWN_FOLDER, "journal");
  path = g_file_get_path (dir);
  one = g_build_filename (path, "2026-01-01-after-the-talk-2.md", NULL);
  g_assert_true (g_file_test (one, G_FILE_TEST_IS_REGULAR));

  /* Never over something already there. */
  wtw_export_to_file (fx->source, WTW_EXPORT_KIND_MARKDOWN_FOLDER, dir, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  report = import_ok (fx->dest, dir, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpint (report->format, ==, WTW_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpuint (report->entries, ==, 5);
  assert_same_journal (fx->source, fx->dest);

  again = import_ok (fx->dest, dir, WTW_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpuint (again->entries, ==, 0);
  g_assert_cmpuint (again->skipped->len, ==, 5);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
test_markdown_folder_import (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "notes", NULL);
  g_autofree char *sub = g_build_filename (path, "older", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  write_file (path, "with-front-matter.md",
              "---\ntitle: \"Evening\"\ndate: 2026-02-01T20:00:00Z\nmood: calm\ntags:\n  - rest\n  - us\n---\n\nA quiet night.\n");
  write_file (path, "2026-02-03 Morning pages.md", "# Pages\r\n\r\nThree of them.\r\n");
  write_file (sub, "2026-01-15_no_heading.txt", "Just text, no heading.");
  write_file (path, "bad-date.md", "---\ndate: someday\n---\nText\n");
  write_file (path, "empty.md", "\n\n  \n");
  write_file (path, "latin1.md", "caf\xe9 au lait\n");
  write_file (path, "photo.jpg", "not really a photo");

  report = import_ok (fx->dest, dir, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 3);
  g_assert_cmpuint (report->skipped->len, ==, 4);
  g_assert_true (report_has (report, "“someday” is not a date"));
  g_assert_true (report_has (report, "empty"));
  g_assert_true (report_has (report, "not UTF-8"));
  g_assert_true (report_has (report, "not a Markdown"));

  list = all_entries (fx->dest);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first: the dated name, the front matter, the subfolder. */
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (list, 0))->title, ==, "Pages");
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (list, 1))->title, ==, "Evening");
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (list, 1))->mood, ==, "calm");
  g_assert_cmpint (((WtwJournalEntry *) g_ptr_array_index (list, 1))->created, ==, 1769976000);
  g_assert_cmpstr (((WtwJournalEntry *) g_ptr_array_index (list, 2))->title, ==, "no heading");
  tags = wtw_vault_journal_get_tags (fx->dest, ((WtwJournalEntry *) g_ptr_array_index (list, 1))->id,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  /* Cancel once some items are written inside the batch. */
  if (fraction > 0.3 && fraction < 1)
    g_cancellable_cancel (cancellable);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(WtwImportReport) report = wtw_import_file_finish (result, error);

  g_assert_null (report);
}

static void
test_cancel_rolls_back (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "many", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("2026-01-%02u-%03u.md", 1 + i % 28, i);
      g_autofree char *body = g_strdup_printf ("Entry number %u", i);

      write_file (path, name, body);
    }
  wtw_import_file_async (fx->dest, dir, WTW_IMPORT_FORMAT_AUTO, on_progress, cancellable,
                         cancellable, on_imported, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (wtw_vault_journal_count (fx->dest, NULL), ==, 0);

  /* And the vault takes writes again. */
  add_entry (fx->dest, 0, "After", "still works", NULL, NULL, FALSE);
  g_assert_cmpint (wtw_vault_journal_count (fx->dest, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add ("/wtw/export/json/round-trip", Fixture, NULL,
              fixture_set_up, test_json_round_trip, fixture_tear_down);
  g_test_add ("/wtw/export/json/version-1", Fixture, NULL,
              fixture_set_up, test_json_version_1, fixture_tear_down);
  g_test_add ("/wtw/export/import/malformed", Fixture, NULL,
              fixture_set_up, test_malformed, fixture_tear_down);
  g_test_add ("/wtw/export/import/day-one", Fixture, NULL,
              fixture_set_up, test_day_one, fixture_tear_down);
  g_test_add ("/wtw/export/markdown-folder/round-trip", Fixture, NULL,
              fixture_set_up, test_markdown_folder_round_trip, fixture_tear_down);
  g_test_add ("/wtw/export/markdown-folder/import", Fixture, NULL,
              fixture_set_up, test_markdown_folder_import, fixture_tear_down);
  g_test_add ("/wtw/export/import/cancel-rolls-back", Fixture, NULL,
              fixture_set_up, test_cancel_rolls_back, fixture_tear_down);
  return g_test_run ();
}
