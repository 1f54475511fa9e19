/* test-import-attack.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-import-attack"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wtw-export-json.h"
#include "wtw-export-private.h"
#include "wtw-import.h"
#include "wtw-import-private.h"
#include "wtw-secure.h"
#include "wtw-vault.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-tags.h"

/* Files made to hurt the import: nesting deep enough to exhaust the stack,
 * escapes that unescape to bytes that are not UTF-8, files of gigabytes and
 * pipes, a Markdown file of blank lines, a front matter that says things
 * twice. Each must end in a clear error or a sane import, never a crash, a
 * hang or the whole file in memory. */

static const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

#define PASSPHRASE "correct horse battery staple"
#define DEEP 200000

typedef struct
{
  char     *dir;
  WtwVault *vault;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
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
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  char *recovery = NULL;

  fx->dir = g_dir_make_tmp ("wtw-import-attack-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "vault.wtw", NULL);
  file = g_file_new_for_path (path);
  fx->vault = wtw_vault_new (file);
  wtw_vault_create (fx->vault, "Ana", PASSPHRASE, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_assert_finalize_object (fx->vault);
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static GFile *
write_file (Fixture    *fx,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return g_file_new_for_path (path);
}

static char *
nested (const char *before,
        guint       depth,
        const char *after)
{
  GString *text = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, after);
  return g_string_free (text, FALSE);
}

static WtwImportReport *
import_ok (Fixture         *fx,
           GFile           *file,
           WtwImportFormat  format)
{
  g_autoptr(GError) error = NULL;
  WtwImportReport *report = wtw_import_file (fx->vault, file, format, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
import_fails (Fixture         *fx,
              GFile           *file,
              WtwImportFormat  format,
              int              code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  gint64 before = wtw_vault_journal_count (fx->vault, NULL);

  report = wtw_import_file (fx->vault, file, format, NULL, &error);
  g_assert_error (error, WTW_IMPORT_ERROR, code);
  g_assert_null (report);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpint (wtw_vault_journal_count (fx->vault, NULL), ==, before);
}

#define HEAD "{\"format\":\"words-that-work-export\",\"version\":2," \
             "\"exported_by\":{\"member_id\":1,\"name\":\"Ana\"},"

static void
test_deep_nesting (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *json = nested (HEAD "\"journal\":", DEEP, "}");
  g_autofree char *dayone = nested ("{\"entries\":[{\"text\":\"a\",\"x\":", DEEP, "}]}");
  /* A quote hidden in a comment must not hide the brackets after it. */
  g_autofree char *comment = nested (HEAD "\"journal\":[], \"x\": /* \" */ ", DEEP, "}");
  g_autofree char *single = nested (HEAD "\"journal\":[], \"x\": ['\"', ", DEEP, "]}");
  g_autofree char *tags = nested ("---\ntitle: Deep tags\ntags: ", DEEP, "\n---\nStill an entry.\n");
  g_autofree char *answers = nested ("", DEEP, "");
  g_autofree char *quiz = NULL;
  g_autoptr(GString) brackets_in_text = g_string_new (HEAD "\"journal\":[{\"member_id\":1,"
                                                      "\"created\":\"2026-01-02T09:00:00Z\","
                                                      "\"title\":\"Brackets\",\"body\":\"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&file);
  file = write_file (fx, "deep.json", json, -1);
  import_fails (fx, file, WTW_IMPORT_FORMAT_AUTO, WTW_IMPORT_ERROR_MALFORMED);
  g_clear_object (&file);
  file = write_file (fx, "deep-dayone.json", dayone, -1);
  import_fails (fx, file, WTW_IMPORT_FORMAT_DAY_ONE, WTW_IMPORT_ERROR_MALFORMED);
  g_clear_object (&file);
  file = write_file (fx, "comment.json", comment, -1);
  import_fails (fx, file, WTW_IMPORT_FORMAT_JSON, WTW_IMPORT_ERROR_MALFORMED);
  g_clear_object (&file);
  file = write_file (fx, "single.json", single, -1);
  import_fails (fx, file, WTW_IMPORT_FORMAT_JSON, WTW_IMPORT_ERROR_MALFORMED);

  /* Brackets inside text are only text. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (brackets_in_text, "[{");
  g_string_append (brackets_in_text, "\"}]}");
  g_clear_object (&file);
  file = write_file (fx, "text.json", brackets_in_text->str, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  g_clear_pointer (&report, wtw_import_report_free);

  /* In a front matter, the list is not read; the entry still is. */
  g_clear_object (&file);
  file = write_file (fx, "deep.md", tags, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpuint (report->entries, ==, 1);
  g_clear_pointer (&report, wtw_import_report_free);

  /* Answers kept as text are parsed again later (quiz history, export):
   * nesting like this must not get into the vault. */
  {
    g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), answers);
    g_autofree char *quoted = json_to_string (node, FALSE);

    quiz = g_strdup_printf (HEAD "\"journal\":[],\"quiz_results\":[{\"member_id\":1,"
                            "\"taken\":\"2026-01-02T09:00:00Z\",\"scores\":{\"communication\":50},"
                            "\"answers\":%s}]}", quoted);
  }
  g_clear_object (&file);
  file = write_file (fx, "quiz.json", quiz, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_JSON);
  g_assert_cmpuint (report->quiz_results, ==, 1);
  results = wtw_vault_quiz_list_results (fx->vault, wtw_vault_get_member_id (fx->vault), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpuint (strlen (((WtwVaultQuizResult *) g_ptr_array_index (results, 0))->answers_json),
                    <, 100);
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (wtw_export_json_write (fx->vault, out, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_all_valid (Fixture *fx,
                  guint    expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = wtw_vault_journal_list (fx->vault, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, expected);
  for (guint i = 0; i < list->len; i++)
    {
      const WtwJournalEntry *row = g_ptr_array_index (list, i);
      g_autoptr(WtwJournalEntry) entry = wtw_vault_journal_get (fx->vault, row->id, &error);
      g_auto(GStrv) tags = wtw_vault_journal_get_tags (fx->vault, row->id, &error);

      g_assert_no_error (error);
      g_assert_true (entry->title == NULL || g_utf8_validate (entry->title, -1, NULL));
      g_assert_true (entry->body == NULL || g_utf8_validate (entry->body, -1, NULL));
      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        g_assert_true (g_utf8_validate (tags[t], -1, NULL));
    }
}

static void
test_lone_surrogates (Fixture       *fx,
                      gconstpointer  data)
{
  const char json[] = HEAD "\"journal\":[{\"member_id\":1,\"created\":\"2026-01-02T09:00:00Z\","
                      "\"title\":\"A\\ud800B\",\"body\":\"x\\udfffy\",\"tags\":[\"\\udc00t\"]}]}";
  const char dayone[] = "{\"entries\":[{\"creationDate\":\"2026-01-03T09:00:00Z\","
                        "\"text\":\"# Day\\ud800 one\\n\\n\\udc00One\",\"tags\":[\"\\ud800x\"]}]}";
  const char md[] = "---\ntitle: \"\\ud800Front\"\ntags: [\"\\udbffm\"]\n"
                    "date: 2026-01-04\n---\nMarkdown\n";
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwImportReport) report = NULL;

  file = write_file (fx, "u.json", json, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  g_clear_pointer (&report, wtw_import_report_free);
  g_clear_object (&file);
  file = write_file (fx, "u-dayone.json", dayone, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  g_clear_pointer (&report, wtw_import_report_free);
  g_clear_object (&file);
  file = write_file (fx, "u.md", md, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  g_clear_pointer (&report, wtw_import_report_free);
  /* A name on disk in Latin-1: the title made from it is UTF-8. */
  g_clear_object (&file);
  file = write_file (fx, "2026-01-07 caf\xe9 au lait.md", "No heading here.\n", -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpuint (report->entries, ==, 1);
  assert_all_valid (fx, 4);
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static GFile *
sparse_file (Fixture    *fx,
             const char *name,
             goffset     size)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
  return g_file_new_for_path (path);
}

static void
test_size_limits (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fx->dir, "pipe.json", NULL);
  g_autofree char *folder = g_build_filename (fx->dir, "notes", NULL);
  g_autofree char *big_md = g_build_filename (folder, "2026-01-01 big.md", NULL);
  g_autofree char *fine_md = g_build_filename (folder, "2026-01-02 fine.md", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  glong before = max_rss_kb ();
  int fd;

  /* A gigabyte: refused by its size, without reading it. */
  file = sparse_file (fx, "huge.json", (goffset) 1024 * 1024 * 1024);
  import_fails (fx, file, WTW_IMPORT_FORMAT_AUTO, WTW_IMPORT_ERROR_TOO_LARGE);
  g_clear_object (&file);
  file = sparse_file (fx, "huge.md", (goffset) 1024 * 1024 * 1024);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpuint (wtw_import_report_get_imported (report), ==, 0);
  g_assert_cmpuint (report->skipped->len, ==, 1);
  g_clear_pointer (&report, wtw_import_report_free);
  g_assert_cmpint (max_rss_kb () - before, <, 128 * 1024);

  /* A pipe (or a device) is not read at all: it could wait forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_clear_object (&file);
  file = g_file_new_for_path (fifo);
  import_fails (fx, file, WTW_IMPORT_FORMAT_JSON, WTW_IMPORT_ERROR_UNREADABLE);

  /* In a folder, a file too large is skipped and the others come in. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fd = g_open (big_md, O_WRONLY | O_CREAT | O_EXCL, 0600);
  g_assert_cmpint (ftruncate (fd, (goffset) 64 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_true (g_file_set_contents (fine_md, "Fine.\n", -1, NULL));
  dir = g_file_new_for_path (folder);
  report = import_ok (fx, dir, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, 1);
  g_assert_cmpint (max_rss_kb () - before, <, 128 * 1024);
}

static void
test_markdown_blank_lines (Fixture       *fx,
                           gconstpointer  data)
{
  gsize n = 8 * 1024 * 1024;
  g_autofree char *text = g_malloc (n + 16);
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  memset (text, '\n', n);
  strcpy (text + n, "At the end.\n");
  file = write_file (fx, "2026-01-05 blank.md", text, -1);
  report = import_ok (fx, file, WTW_IMPORT_FORMAT_AUTO);
  g_assert_cmpuint (report->entries, ==, 1);
  list = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  g_assert_no_error (error);
  entry = wtw_vault_journal_get (fx->vault, ((WtwJournalEntry *) g_ptr_array_index (list, 0))->id,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->body, ==, "At the end.");
}

static void
test_markdown_repeated_keys (Fixture       *fx,
                             gconstpointer  data)
{
  const char md[] = "---\ntitle: First\ntitle: \"Second\"\nmood: a\nmood: b\n"
                    "tags: [x]\ntags: [y, z]\nchapter: c1\nchapter: c2\nprompt: p\nprompt: q\n"
                    "date: 2026-01-01\ndate: 2026-01-06\nupdated: 2026-01-06\nupdated: 2026-01-07\n"
                    "---\nBody\n";
  g_autoptr(GFile) file = write_file (fx, "keys.md", md, -1);
  g_autoptr(WtwImportReport) report = import_ok (fx, file, WTW_IMPORT_FORMAT_AUTO);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;

  g_assert_cmpuint (report->entries, ==, 1);
  list = wtw_vault_journal_list (fx->vault, 0, 0, &error);
  entry = wtw_vault_journal_get (fx->vault, ((WtwJournalEntry *) g_ptr_array_index (list, 0))->id,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "Second");
  g_assert_cmpstr (entry->mood, ==, "b");
  g_assert_cmpstr (entry->chapter_id, ==, "c2");
  tags = wtw_vault_journal_get_tags (fx->vault, entry->id, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
}

static void
test_depth_scan (void)
{
  g_autofree char *deep = nested ("", WTW_IMPORT_MAX_JSON_DEPTH + 1, "");
  g_autofree char *edge = nested ("", WTW_IMPORT_MAX_JSON_DEPTH, "");
  g_autofree char *slash = nested ("/", WTW_IMPORT_MAX_JSON_DEPTH + 1, "");

  g_assert_false (_wtw_import_json_depth_ok (deep, strlen (deep)));
  g_assert_true (_wtw_import_json_depth_ok (edge, strlen (edge)));
  /* A lone slash is not a comment. */
  g_assert_false (_wtw_import_json_depth_ok (slash, strlen (slash)));
  g_assert_true (_wtw_import_json_depth_ok ("[\"[[[[\\\"[[[[\"]", 14));
  g_assert_true (_wtw_import_json_depth_ok ("/* [[[[[ */ []", 14));
}

/* Names in the Markdown folder export come from entry titles, which an
 * import (or the other member) chose. */
static void
test_export_file_names (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) long_title = g_string_new (NULL);
  const char *titles[] = { "../../.bashrc", "a/b\\c", "..", ".", "", "\x01\x1b[31mred\t\n",
                           "CON", "nul.txt", "\u202egpj.exe", "Ünïcödé 日本語 title", NULL };
  const gint64 times[] = { 1767225600, -5, G_MAXINT64 / 2 };

  for (guint i = 0; i < 5000; i++)
    g_string_append (long_title, "é");
  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    for (guint i = 0; i <= G_N_ELEMENTS (titles); i++)
      {
        g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
        g_autofree char *name = NULL;

        entry->created = times[t];
        entry->title = g_strdup (i < G_N_ELEMENTS (titles) - 1 ? titles[i] : long_title->str);
        entry->sealed = i == G_N_ELEMENTS (titles);
        name = _wtw_export_markdown_file_name (entry, taken);
        g_assert_true (g_utf8_validate (name, -1, NULL));
        g_assert_null (strchr (name, '/'));
        g_assert_null (strchr (name, '\\'));
        g_assert_true (name[0] != '.');
        g_assert_true (g_str_has_suffix (name, ".md"));
        g_assert_null (strstr (name, ".."));
        for (const char *p = name; *p != '\0'; p++)
          g_assert_true ((guchar) *p >= 0x20);
        g_assert_cmpuint (strlen (name), <, 100);
      }
  g_assert_cmpuint (g_hash_table_size (taken), ==, G_N_ELEMENTS (times) * (G_N_ELEMENTS (titles) + 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/export/import-attack/depth-scan", test_depth_scan);
  g_test_add_func ("/wtw/export/import-attack/export-file-names", test_export_file_names);
  g_test_add ("/wtw/export/import-attack/deep-nesting", Fixture, NULL,
              fixture_set_up, test_deep_nesting, fixture_tear_down);
  g_test_add ("/wtw/export/import-attack/lone-surrogates", Fixture, NULL,
              fixture_set_up, test_lone_surrogates, fixture_tear_down);
  g_test_add ("/wtw/export/import-attack/size-limits", Fixture, NULL,
              fixture_set_up, test_size_limits, fixture_tear_down);
  g_test_add ("/wtw/export/import-attack/markdown-blank-lines", Fixture, NULL,
              fixture_set_up, test_markdown_blank_lines, fixture_tear_down);
  g_test_add ("/wtw/export/import-attack/markdown-repeated-keys", Fixture, NULL,
              fixture_set_up, test_markdown_repeated_keys, fixture_tear_down);
  return g_test_run ();
}
