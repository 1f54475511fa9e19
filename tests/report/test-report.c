/* test-report.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "wtw-content.h"
#include "wtw-export-report.h"
#include "wtw-report.h"
#include "wtw-report-renderer.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-tags.h"
#include "wtw-vault-workbook.h"

/* One vault for every test, built once at the Argon2id floor: Robin and
 * Sam, each with shared and private writing, inside and outside May 2026.
 * Each text carries one word that no other text has, for pdftotext. */

#define ROBIN_PASS "correct horse battery staple"
#define SAM_PASS "tiled roof, sunny morning"
#define CH1 "feelings-not-thoughts"
#define CH2 "the-feeling-underneath"
#define ARABIC "مرحبا بالعالم الجميل"
#define GREEK "Καλημέρα κόσμε"
#define CYRILLIC "Привет мир"

static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

static char *dir;
static WtwVault *vault;
static WtwContent *content;

static gint64
may (int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2026, 5, day, 12, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
add_entry (const char         *title,
           const char         *body,
           gint64              created,
           gboolean            is_private,
           const char * const *tags)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->created = created;
  entry->is_private = is_private;
  wtw_vault_journal_insert (vault, entry, &error);
  g_assert_no_error (error);
  if (tags != NULL)
    {
      wtw_vault_journal_set_tags (vault, entry->id, tags, &error);
      g_assert_no_error (error);
    }
}

static void
set_reflection (const char *chapter,
                const char *prompt,
                const char *body,
                gboolean    is_private)
{
  g_autoptr(GError) error = NULL;

  wtw_vault_reflection_set (vault, chapter, prompt, body, is_private, &error);
  g_assert_no_error (error);
}

static void
add_conversation (const char *chapter,
                  const char *notes)
{
  g_autoptr(WtwExerciseRecord) record = wtw_exercise_record_new ();
  g_autoptr(GError) error = NULL;

  record->chapter_id = g_strdup (chapter);
  record->started = may (3);
  record->finished = may (3) + 900;
  record->name_a = g_strdup ("Robin");
  record->name_b = g_strdup ("Sam");
  record->notes_a = g_strdup (notes);
  wtw_vault_exercise_insert (vault, record, &error);
  g_assert_no_error (error);
}

static void
build_vault (void)
{
  static const char * const work[] = { "work", NULL };
  static const char * const family[] = { "family", NULL };
  static const double scores[] = { 72, 55, 40, 88 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "fixture.wtw", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) letter = g_string_new (NULL);
  char *recovery = NULL;

  vault = wtw_vault_new (file);
  wtw_vault_create (vault, "Robin", ROBIN_PASS, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
  wtw_vault_add_member (vault, "Sam", SAM_PASS, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  add_entry ("Morning walk", "RobinSharedMay and a long talk.", may (4), FALSE, work);
  add_entry ("In other words", ARABIC "\n" GREEK "\n" CYRILLIC, may (5), FALSE, work);
  add_entry ("Quiet thoughts", "RobinPrivateMay stays with me.", may (6), TRUE, NULL);
  add_entry ("Sunday lunch", "RobinFamilyMay at my parents.", may (7), FALSE, family);
  /* Flows over several pages, and keeps the worker busy for a while. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (letter, "Line %u of a long letter I wrote to myself.\n", i);
  add_entry ("A long letter", letter->str, may (20), FALSE, NULL);
  add_entry ("New year", "RobinJanuary resolutions.", may (1) - 120 * 86400, FALSE, work);
  set_reflection (CH1, "i-feel-like-sentences", "RobinReflectionOne in my words.", FALSE);
  set_reflection (CH1, "go-to-words", "RobinPrivateAnswer kept close.", TRUE);
  set_reflection (CH2, "first-move", "RobinReflectionTwo elsewhere.", FALSE);
  add_conversation (CH1, "NotesChapterOne from the talk.");
  add_conversation (CH2, "NotesChapterTwo from another talk.");
  wtw_vault_quiz_save_result (vault, may (8), "{}", scores, &error);
  g_assert_no_error (error);

  wtw_vault_switch_member (vault, SAM_PASS, NULL, &error);
  g_assert_no_error (error);
  add_entry ("Sam's secret", "SamPrivateMay is mine alone.", may (9), TRUE, NULL);
  add_entry ("Sam's day", "SamSharedMay for both of us.", may (10), FALSE, work);
  set_reflection (CH1, "i-feel-like-sentences", "SamSecretAnswer sealed.", TRUE);
  set_reflection (CH1, "go-to-words", "SamSharedAnswer open.", FALSE);

  wtw_vault_switch_member (vault, ROBIN_PASS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wtw_vault_get_member_name (vault), ==, "Robin");
}

static WtwReportSelection *
may_selection (void)
{
  WtwReportSelection *sel = wtw_report_selection_new ();
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);

  sel->journal_from = may (1) - 12 * 3600;
  sel->journal_to = g_date_time_to_unix (to);
  return sel;
}

static char *
export_and_read (const WtwReportSelection *sel,
                 const char               *name,
                 guint                    *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReport) report = wtw_report_gather (vault, content, sel, NULL, &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  wtw_export_report_pdf (report, file, FALSE, NULL, NULL, n_pages, NULL, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
assert_has (const char *text,
            const char *word)
{
  if (strstr (text, word) == NULL)
    g_error ("“%s” is missing from the PDF's text:\n%s", word, text);
}

static void
assert_lacks (const char *text,
              const char *word)
{
  if (strstr (text, word) != NULL)
    g_error ("“%s” should not be in the PDF", word);
}

/* Without spaces and direction marks. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

static void
test_pdf_chosen_sections (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  static const char * const work[] = { "work", NULL };
  static const char * const ch1[] = { CH1, NULL };
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;
  sel->reflection_chapters = g_strdupv ((char **) ch1);
  sel->exercise_chapters = g_strdupv ((char **) ch1);
  sel->journal_tags = g_strdupv ((char **) work);
  sel->quiz = TRUE;
  text = export_and_read (sel, "chosen.pdf", NULL);

  assert_has (text, "For My Therapist");
  assert_has (text, "Prepared by Robin");
  assert_has (text, "This report is private");
  assert_has (text, "Reflections");
  assert_has (text, "RobinReflectionOne");
  assert_has (text, "RobinPrivateAnswer");
  assert_has (text, "SamSharedAnswer");
  assert_has (text, "Conversation Notes");
  assert_has (text, "NotesChapterOne");
  assert_has (text, "Journal");
  assert_has (text, "RobinSharedMay");
  assert_has (text, "SamSharedMay");
  assert_has (text, "Quiz Results");
  assert_has (text, "Communication: 72 of 100");

  /* Not chosen: another chapter, another tag, another month; and never
   * the other member's private writing. */
  assert_lacks (text, "RobinReflectionTwo");
  assert_lacks (text, "NotesChapterTwo");
  assert_lacks (text, "RobinFamilyMay");
  assert_lacks (text, "RobinJanuary");
  assert_lacks (text, "SamPrivateMay");
  assert_lacks (text, "SamSecretAnswer");
}

static void
test_pdf_unchosen_parts (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;
  /* The journal alone, private entries left out, only Robin's words. */
  sel->include_private = FALSE;
  sel->only_mine = TRUE;
  text = export_and_read (sel, "journal-only.pdf", NULL);

  assert_has (text, "RobinSharedMay");
  assert_has (text, "RobinFamilyMay");
  assert_lacks (text, "RobinPrivateMay");
  assert_lacks (text, "SamSharedMay");
  assert_lacks (text, "SamPrivateMay");
  assert_lacks (text, "RobinJanuary");
  assert_lacks (text, "RobinReflectionOne");
  assert_lacks (text, "NotesChapterOne");
  assert_lacks (text, "Quiz Results");
  assert_lacks (text, "Conversation Notes");
}

static void
test_pdf_own_private (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  g_autofree char *text = NULL;
  WtwReportSummary summary;
  g_autoptr(GError) error = NULL;

  if (!have_pdftotext ())
    return;
  text = export_and_read (sel, "private.pdf", NULL);
  assert_has (text, "RobinPrivateMay");
  assert_has (text, "SamSharedMay");
  assert_lacks (text, "SamPrivateMay");
  assert_lacks (text, "RobinJanuary");

  /* The preview counts exactly what the PDF holds. */
  wtw_report_summarize (vault, content, sel, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_entries, ==, 6);
  g_assert_cmpuint (summary.n_private_entries, ==, 1);
  g_assert_cmpuint (summary.n_quiz_results, ==, 0);
}

static void
test_pdf_scripts (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  static const char * const work[] = { "work", NULL };
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *arabic = NULL;

  if (!have_pdftotext ())
    return;
  sel->journal_tags = g_strdupv ((char **) work);
  text = export_and_read (sel, "scripts.pdf", NULL);
  /* Right-to-left shaping keeps its characters, in reading order, through
   * to the text layer; pdftotext guesses spaces inside joined Arabic
   * letters, so spacing is not compared. */
  squeezed = squeeze (text);
  arabic = squeeze (ARABIC);
  assert_has (squeezed, arabic);
  assert_has (text, GREEK);
  assert_has (text, CYRILLIC);
}

static void
test_pdf_pages (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *beyond = NULL;
  g_autofree char *path = g_build_filename (dir, "pages.pdf", NULL);
  GStatBuf st;
  guint n_pages = 0;

  if (!have_pdftotext ())
    return;
  text = export_and_read (sel, "pages.pdf", &n_pages);
  /* Title page, the journal, and a letter that flows over several pages. */
  g_assert_cmpuint (n_pages, >=, 4);
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  beyond = g_strdup_printf ("Page %u of %u", n_pages + 1, n_pages);
  assert_has (text, "Page 1 of");
  assert_has (text, last);
  assert_lacks (text, beyond);
  assert_has (text, "Line 0 of a long letter");
  assert_has (text, "Line 399 of a long letter");

  /* Only the owner can read it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static guint
count_files (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_pdf_exists (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReport) report = wtw_report_gather (vault, content, sel, NULL, &error);
  g_autofree char *path = g_build_filename (dir, "taken.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  guint before;

  g_assert_no_error (error);
  g_file_set_contents (path, "keep me", -1, &error);
  g_assert_no_error (error);
  before = count_files ();

  g_assert_false (wtw_export_report_pdf (report, file, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (count_files (), ==, before);

  /* The person agreed to replace it. */
  g_clear_error (&error);
  g_assert_true (wtw_export_report_pdf (report, file, TRUE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (), ==, before);
}

typedef struct
{
  GCancellable *cancellable;
  GMainLoop    *loop;
  GError       *error;
  guint         n_progress;
  gboolean      done;
} AsyncState;

static void
on_progress_cancel (double   fraction,
                    gpointer data)
{
  AsyncState *state = data;

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  state->n_progress++;
  g_cancellable_cancel (state->cancellable);
}

static void
on_pdf_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncState *state = data;

  wtw_export_report_pdf_finish (result, NULL, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_pdf_cancel (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReport) report = NULL;
  g_autofree char *path = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };
  guint before = count_files ();

  report = wtw_report_gather (vault, content, sel, NULL, &error);
  g_assert_no_error (error);

  /* Cancelled before it starts: nothing is written. */
  g_cancellable_cancel (cancellable);
  g_assert_false (wtw_export_report_pdf (report, file, FALSE, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (), ==, before);

  /* Cancelled from the first progress report, on the caller's thread. */
  g_cancellable_reset (cancellable);
  state.cancellable = cancellable;
  state.loop = g_main_loop_new (NULL, FALSE);
  wtw_export_report_pdf_async (report, file, FALSE, on_progress_cancel, &state, cancellable,
                               on_pdf_done, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);
  g_assert_true (state.done);
  /* The worker may have finished before the cancel arrived; then the file
   * is whole. Either way no temporary file is left behind. */
  g_test_message ("%s after %u progress reports", state.error != NULL ? "cancelled" : "finished",
                  state.n_progress);
  if (state.error != NULL)
    {
      g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (), ==, before);
      g_clear_error (&state.error);
    }
  else
    {
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (), ==, before + 1);
    }
}

typedef struct
{
  GMainLoop *loop;
  WtwReport *report;
  GError    *error;
  double     last;
} GatherState;

static void
on_gather_progress (double   fraction,
                    gpointer data)
{
  GatherState *state = data;

  g_assert_cmpfloat (fraction, >=, state->last);
  state->last = fraction;
}

static void
on_gathered (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GatherState *state = data;

  state->report = wtw_report_gather_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_gather_async (void)
{
  g_autoptr(WtwReportSelection) sel = may_selection ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReport) sync_report = wtw_report_gather (vault, content, sel, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GatherState state = { 0 };

  g_assert_no_error (error);
  state.loop = g_main_loop_new (NULL, FALSE);
  wtw_report_gather_async (vault, content, sel, on_gather_progress, &state, NULL, on_gathered, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_cmpfloat (state.last, ==, 1.0);
  g_assert_cmpuint (wtw_report_get_n_blocks (state.report), ==, wtw_report_get_n_blocks (sync_report));
  for (guint i = 0; i < wtw_report_get_n_blocks (sync_report); i++)
    g_assert_cmpstr (wtw_report_get_block (state.report, i, NULL), ==,
                     wtw_report_get_block (sync_report, i, NULL));
  g_clear_pointer (&state.report, wtw_report_unref);

  /* Cancelled: an error, no report. */
  g_cancellable_cancel (cancellable);
  state.last = 0;
  wtw_report_gather_async (vault, content, sel, NULL, NULL, cancellable, on_gathered, &state);
  g_main_loop_run (state.loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.report);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

static void
test_gather_nothing_sealed (void)
{
  g_autoptr(WtwReportSelection) sel = wtw_report_selection_new ();
  static const char * const ch1[] = { CH1, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwReport) report = NULL;

  sel->reflection_chapters = g_strdupv ((char **) ch1);
  report = wtw_report_gather (vault, content, sel, NULL, &error);
  g_assert_no_error (error);
  /* Whatever the block, no other member's private words. */
  for (guint i = 0; i < wtw_report_get_n_blocks (report); i++)
    {
      const char *text = wtw_report_get_block (report, i, NULL);

      g_assert_null (strstr (text, "SamSecretAnswer"));
      g_assert_null (strstr (text, "SamPrivateMay"));
    }
  g_assert_cmpuint (wtw_report_get_summary (report)->n_reflections, ==, 3);
  g_assert_cmpuint (wtw_report_get_summary (report)->n_reflection_chapters, ==, 1);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  dir = g_dir_make_tmp ("wtw-report-test-XXXXXX", &error);
  g_assert_no_error (error);
  content = wtw_content_new (&error);
  g_assert_no_error (error);
  build_vault ();

  g_test_add_func ("/wtw/report/gather/nothing-sealed", test_gather_nothing_sealed);
  g_test_add_func ("/wtw/report/gather/async", test_gather_async);
  g_test_add_func ("/wtw/report/pdf/chosen-sections", test_pdf_chosen_sections);
  g_test_add_func ("/wtw/report/pdf/unchosen-parts", test_pdf_unchosen_parts);
  g_test_add_func ("/wtw/report/pdf/own-private", test_pdf_own_private);
  g_test_add_func ("/wtw/report/pdf/scripts", test_pdf_scripts);
  g_test_add_func ("/wtw/report/pdf/exists", test_pdf_exists);
  g_test_add_func ("/wtw/report/pdf/cancel", test_pdf_cancel);
  g_test_add_func ("/wtw/report/pdf/pages", test_pdf_pages);
  ret = g_test_run ();

  g_object_unref (vault);
  g_object_unref (content);
  if (g_getenv ("WTW_TEST_KEEP") == NULL)
    remove_dir (dir);
  g_free (dir);
  return ret;
}
