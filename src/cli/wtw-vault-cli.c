/* wtw-vault-cli.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault-cli"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "wtw-backup.h"
#include "wtw-vault-tags.h"
#include "wtw-cli-secret.h"
#include "wtw-crypt-kdf.h"
#include "wtw-export-json.h"
#include "wtw-export-markdown.h"
#include "wtw-export.h"
#include "wtw-import.h"
#include "wtw-export-report.h"
#include "wtw-secure.h"
#include "wtw-vault.h"

/* Exit codes are part of the interface: scripts branch on them. */
enum
{
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
  EXIT_WRONG_PASSPHRASE = 3,
  EXIT_CORRUPTED = 4,
  EXIT_DISK_FULL = 5,
};

/* Set to 1 to use the floor Argon2id cost (3 passes, 64 MiB) instead of
 * calibrating to 0.5–1 s. Never weaker than the floor; for tests and
 * scripts that create many vaults. */
#define KDF_FLOOR_ENV "WTW_VAULT_KDF_FLOOR"

#define LIST_PAGE 500

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  int        (*run) (int argc, char **argv);
} Command;

/* Options shared by the commands that unlock a vault. */
static int opt_passphrase_fd = -1;
static int opt_recovery_key_fd = -1;
static int opt_new_passphrase_fd = -1;
static gboolean opt_kdf_floor;

static const GOptionEntry unlock_entries[] = {
  { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opt_passphrase_fd,
    "Read the passphrase from file descriptor N (one line) instead of the terminal", "N" },
  { "recovery-key-fd", 0, 0, G_OPTION_ARG_INT, &opt_recovery_key_fd,
    "Unlock with the recovery key read from file descriptor N", "N" },
  { NULL }
};

/* passwd needs the current passphrase itself, not a recovery key. */
static const GOptionEntry current_passphrase_entries[] = {
  { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opt_passphrase_fd,
    "Read the current passphrase from file descriptor N (one line) instead of the terminal", "N" },
  { NULL }
};

static const GOptionEntry new_passphrase_entries[] = {
  { "new-passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opt_new_passphrase_fd,
    "Read the new passphrase from file descriptor N instead of the terminal", "N" },
  { "kdf-floor", 0, 0, G_OPTION_ARG_NONE, &opt_kdf_floor,
    "Use the minimum Argon2id cost (3 passes, 64 MiB) instead of calibrating it to this "
    "computer (also: " KDF_FLOOR_ENV "=1); for tests and scripts", NULL },
  { NULL }
};

static const char *
hint_for (const GError *error)
{
  if (g_error_matches (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_DAMAGED))
    return "Nothing was changed; restore another backup.";
  if (g_error_matches (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_FOLDER))
    return "Choose a folder you can write to.";
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE))
    return "Check the passphrase, or unlock with the recovery key (--recovery-key-fd).";
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED)
      || g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT))
    return "Do not write to this file; keep a copy and restore the journal from a backup.";
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return "Free some disk space and try again.";
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_BUSY))
    return "Close the app or the other program using the vault and try again.";
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_UNSUPPORTED_VERSION))
    return "Open it with a newer version of Words That Work.";
  return NULL;
}

static int
exit_code_for (const GError *error)
{
  if (error->domain == G_OPTION_ERROR)
    return EXIT_USAGE;
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE)
      || g_error_matches (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_WRONG_PASSPHRASE))
    return EXIT_WRONG_PASSPHRASE;
  if (g_error_matches (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_DAMAGED))
    return EXIT_CORRUPTED;
  if (g_error_matches (error, WTW_BACKUP_ERROR, WTW_BACKUP_ERROR_DISK_FULL))
    return EXIT_DISK_FULL;
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED)
      || g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_A_VAULT))
    return EXIT_CORRUPTED;
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_DISK_FULL)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return EXIT_DISK_FULL;
  return EXIT_ERROR;
}

/* One line on stderr: what happened, then what to do. */
static int
fail (const GError *error)
{
  const char *hint = hint_for (error);
  g_autofree char *message = g_strdelimit (g_strdup (error->message), "\r\n", ' ');

  if (hint != NULL)
    g_printerr ("wtw-vault: %s %s\n", message, hint);
  else
    g_printerr ("wtw-vault: %s\n", message);
  return exit_code_for (error);
}

static int
usage_error (const char *command,
             const char *message)
{
  /* GOption's own messages end without a full stop. */
  g_printerr ("wtw-vault %s: %s%s Try “wtw-vault %s --help”.\n", command, message,
              g_str_has_suffix (message, ".") ? "" : ".", command);
  return EXIT_USAGE;
}

static GOptionContext *
command_context (const char         *args,
                 const char         *summary,
                 const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (args);

  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

/* Parses the command line of one command; argv[0] is the command name.
 * Returns the exit code to use, or -1 to go on. */
static int
parse_command (GOptionContext  *context,
               const char      *command,
               int             *argc,
               char          ***argv,
               int              n_args)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (command, error->message);
  if (*argc - 1 != n_args)
    return usage_error (command, *argc - 1 < n_args ? "Missing arguments." : "Too many arguments.");
  return -1;
}

static gboolean
kdf_floor_requested (void)
{
  return opt_kdf_floor || g_strcmp0 (g_getenv (KDF_FLOOR_ENV), "1") == 0;
}

/* NULL asks the vault to calibrate. */
static const WtwKdfParams *
kdf_params (WtwKdfParams *storage)
{
  const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;

  if (!kdf_floor_requested ())
    return NULL;
  *storage = floor_params;
  return storage;
}

static WtwVault *
open_vault (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(WtwCliSecret) secret = NULL;
  WtwSecretKind kind = WTW_SECRET_PASSPHRASE;

  if (!g_file_query_exists (file, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "There is no vault at “%s”.", path);
      return NULL;
    }

  if (opt_recovery_key_fd >= 0)
    {
      kind = WTW_SECRET_RECOVERY_KEY;
      secret = wtw_cli_secret_get (opt_recovery_key_fd, "Recovery key: ", error);
    }
  else
    {
      secret = wtw_cli_secret_get (opt_passphrase_fd, "Passphrase: ", error);
    }
  if (secret == NULL)
    return NULL;

  vault = wtw_vault_new (file);
  if (!wtw_vault_unlock (vault, secret->data, kind, NULL, error))
    return NULL;
  return g_steal_pointer (&vault);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return dt != NULL ? g_date_time_format_iso8601 (dt) : g_strdup ("");
}

/* Titles are free text; a tab or newline in one must not break the
 * one-entry-per-line format that scripts split on. */
static char *
escape_field (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

static void
print_entry_line (const WtwJournalEntry *entry)
{
  g_autofree char *created = format_time (entry->created);
  g_autofree char *title = escape_field (entry->sealed ? "(private)" : entry->title);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", entry->id, created, title);
}

/* Reads all of stdin. The buffer grows by doubling and the old copy is
 * wiped each time, so no stray copy of the text is left in the heap. */
static char *
read_stdin (gsize   *len,
            GError **error)
{
  gsize size = 4096;
  gsize used = 0;
  char *buf = g_malloc (size);

  for (;;)
    {
      ssize_t n;

      if (used + 1 == size)
        {
          char *bigger = g_malloc (size * 2);

          memcpy (bigger, buf, used);
          sodium_memzero (buf, size);
          g_free (buf);
          buf = bigger;
          size *= 2;
        }
      n = read (STDIN_FILENO, buf + used, size - used - 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          sodium_memzero (buf, size);
          g_free (buf);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Could not read the entry from standard input: %s.", g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  buf[used] = '\0';
  *len = used;
  return buf;
}

static int
cmd_create (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Name of the first member (default: your user name)", "NAME" },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opt_new_passphrase_fd,
      "Same as --new-passphrase-fd", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(WtwCliSecret) passphrase = NULL;
  g_autoptr(GError) error = NULL;
  WtwKdfParams storage;
  char *recovery_key = NULL;
  int rc;

  context = command_context ("VAULT", "Creates a new, empty vault and prints its recovery key once.\n"
                             "The recovery key alone is printed on standard output.", entries);
  g_option_context_add_main_entries (context, new_passphrase_entries, NULL);
  if ((rc = parse_command (context, "create", &argc, &argv, 1)) >= 0)
    return rc;

  file = g_file_new_for_commandline_arg (argv[1]);
  passphrase = wtw_cli_secret_get_new (opt_new_passphrase_fd, "New passphrase: ",
                                       "Repeat the passphrase: ", &error);
  if (passphrase == NULL)
    return fail (error);

  vault = wtw_vault_new (file);
  if (!wtw_vault_create (vault, name != NULL ? name : g_get_user_name (), passphrase->data,
                         kdf_params (&storage), &recovery_key, NULL, &error))
    return fail (error);

  g_printerr ("Vault created. This is its recovery key; it is shown only this once. Write it "
              "down and keep it away from the computer:\n");
  g_print ("%s\n", recovery_key);
  wtw_secure_free (recovery_key);
  return EXIT_OK;
}

static int
cmd_add (int    argc,
         char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *mood = NULL;
  g_autofree char *created = NULL;
  gboolean is_private = FALSE;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, "Title of the entry (required)", "TITLE" },
    { "mood", 0, 0, G_OPTION_ARG_STRING, &mood, "A short mood word", "MOOD" },
    { "created", 0, 0, G_OPTION_ARG_STRING, &created, "When it was written (ISO 8601; default: now)", "DATE" },
    { "private", 0, 0, G_OPTION_ARG_NONE, &is_private, "Seal the entry so that only you can read it", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gsize len = 0;
  int rc;

  context = command_context ("VAULT", "Adds a journal entry whose text is read from standard input,\n"
                             "and prints the new entry's id.", entries);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "add", &argc, &argv, 1)) >= 0)
    return rc;
  if (title == NULL)
    return usage_error ("add", "The --title option is required.");
  if (created != NULL && (when = g_date_time_new_from_iso8601 (created, utc)) == NULL)
    return usage_error ("add", "The --created date is not ISO 8601 (e.g. 2026-11-23T09:30:00Z).");

  entry = wtw_journal_entry_new ();
  entry->title = g_strdup (title);
  entry->mood = g_strdup (mood);
  entry->is_private = is_private;
  entry->created = when != NULL ? g_date_time_to_unix (when) : 0;
  if ((entry->body = read_stdin (&len, &error)) == NULL)
    return fail (error);
  if (!g_utf8_validate (entry->body, (gssize) len, NULL))
    return usage_error ("add", "The text on standard input is not UTF-8.");

  if ((vault = open_vault (argv[1], &error)) == NULL
      || !wtw_vault_journal_insert (vault, entry, &error))
    {
      sodium_memzero (entry->body, len);
      return fail (error);
    }
  sodium_memzero (entry->body, len);
  g_print ("%" G_GINT64_FORMAT "\n", entry->id);
  return EXIT_OK;
}

static int
run_unlocked_command (const char  *command,
                      const char  *summary,
                      int          argc,
                      char       **argv,
                      int          n_args,
                      WtwVault   **out_vault,
                      GError     **error)
{
  g_autoptr(GOptionContext) context = command_context ("VAULT", summary, NULL);
  int rc;

  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, command, &argc, &argv, n_args)) >= 0)
    return rc;
  *out_vault = open_vault (argv[1], error);
  return *out_vault == NULL ? fail (*error) : -1;
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  guint offset = 0;
  int rc;

  rc = run_unlocked_command ("list", "Lists the journal, newest first: id, creation date (ISO 8601)\n"
                             "and title, separated by tabs. Tabs, newlines and backslashes in a\n"
                             "title are written as \\t, \\n and \\\\.",
                             argc, argv, 1, &vault, &error);
  if (rc >= 0)
    return rc;

  for (;;)
    {
      g_autoptr(GPtrArray) page = wtw_vault_journal_list (vault, offset, LIST_PAGE, &error);

      if (page == NULL)
        return fail (error);
      for (guint i = 0; i < page->len; i++)
        print_entry_line (g_ptr_array_index (page, i));
      if (page->len < LIST_PAGE)
        break;
      offset += page->len;
    }
  return EXIT_OK;
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  char *end = NULL;
  gint64 id;
  int rc;

  context = command_context ("VAULT ID", "Prints one journal entry: a few header lines, a blank line,\n"
                             "then its text.", NULL);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "show", &argc, &argv, 2)) >= 0)
    return rc;
  id = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || id <= 0)
    return usage_error ("show", "The entry id must be a positive number, as printed by “list”.");

  if ((vault = open_vault (argv[1], &error)) == NULL
      || (entry = wtw_vault_journal_get (vault, id, &error)) == NULL)
    return fail (error);

  created = format_time (entry->created);
  updated = format_time (entry->updated);
  g_print ("Id: %" G_GINT64_FORMAT "\n", entry->id);
  g_print ("Created: %s\nUpdated: %s\n", created, updated);
  if (entry->sealed)
    {
      g_print ("Private: yes (sealed: only the member who wrote it can read it)\n");
      return EXIT_OK;
    }
  g_print ("Title: %s\n", entry->title != NULL ? entry->title : "");
  if (entry->mood != NULL)
    g_print ("Mood: %s\n", entry->mood);
  g_print ("Private: %s\n\n", entry->is_private ? "yes" : "no");
  g_print ("%s", entry->body != NULL ? entry->body : "");
  if (entry->body != NULL && !g_str_has_suffix (entry->body, "\n"))
    g_print ("\n");
  if (entry->body != NULL)
    sodium_memzero (entry->body, strlen (entry->body));
  return EXIT_OK;
}

static int
cmd_search (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = command_context ("VAULT QUERY", "Searches the journal (full text; every word must match, the\n"
                             "last one as a prefix), newest first. Prints matches as “list”\n"
                             "does. Private entries are found only by the member who wrote them.",
                             NULL);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "search", &argc, &argv, 2)) >= 0)
    return rc;

  if ((vault = open_vault (argv[1], &error)) == NULL)
    return fail (error);
  {
    const WtwJournalFilter filter = { .text = argv[2] };

    if ((hits = wtw_vault_journal_query (vault, &filter, 0, 0, &error)) == NULL)
      return fail (error);
  }
  for (guint i = 0; i < hits->len; i++)
    print_entry_line (((WtwJournalRow *) g_ptr_array_index (hits, i))->entry);
  return EXIT_OK;
}

static GOutputStream *
open_output (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  /* The export is the journal in clear text: readable by its owner only,
   * and never over an existing file the person may still need. */
  file = g_file_new_for_commandline_arg (path);
  return G_OUTPUT_STREAM (g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, error));
}

/* export --format pdf: the report for a therapist (docs/export-report.md). */
static gboolean opt_pdf_reflections;
static gboolean opt_pdf_conversations;
static gboolean opt_pdf_quiz;
static gboolean opt_pdf_no_journal;
static gboolean opt_pdf_no_private;
static gboolean opt_pdf_only_mine;
static char **opt_pdf_chapters;
static char **opt_pdf_tags;
static char *opt_pdf_from;
static char *opt_pdf_to;

static const GOptionEntry pdf_entries[] = {
  { "reflections", 0, 0, G_OPTION_ARG_NONE, &opt_pdf_reflections, "Include reflection answers", NULL },
  { "conversations", 0, 0, G_OPTION_ARG_NONE, &opt_pdf_conversations, "Include notes written after guided conversations", NULL },
  { "chapter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_pdf_chapters, "Only this chapter's answers and notes (repeatable; default: every chapter)", "ID" },
  { "no-journal", 0, 0, G_OPTION_ARG_NONE, &opt_pdf_no_journal, "Leave the journal out", NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_pdf_from, "Only entries written on or after this day", "YYYY-MM-DD" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_pdf_to, "Only entries written on or before this day", "YYYY-MM-DD" },
  { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_pdf_tags, "Only entries with this tag (repeatable: any of them)", "TAG" },
  { "no-private", 0, 0, G_OPTION_ARG_NONE, &opt_pdf_no_private, "Leave out your own private entries and answers", NULL },
  { "only-mine", 0, 0, G_OPTION_ARG_NONE, &opt_pdf_only_mine, "Leave out what the other member shared", NULL },
  { "quiz", 0, 0, G_OPTION_ARG_NONE, &opt_pdf_quiz, "Include quiz results", NULL },
  { NULL }
};

static char **
pdf_chapter_ids (WtwContent  *content,
                 GError     **error)
{
  GListModel *chapters = wtw_content_get_chapters (content);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; opt_pdf_chapters != NULL && opt_pdf_chapters[i] != NULL; i++)
    if (wtw_content_lookup_chapter (content, opt_pdf_chapters[i]) == NULL)
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     "There is no chapter “%s”.", opt_pdf_chapters[i]);
        return NULL;
      }
  if (opt_pdf_chapters != NULL)
    return g_strdupv (opt_pdf_chapters);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (chapters, i);

      g_strv_builder_add (ids, wtw_chapter_get_id (chapter));
    }
  return g_strv_builder_end (ids);
}

static int
export_pdf (const char *vault_path,
            const char *output)
{
  g_autoptr(WtwReportSelection) sel = wtw_report_selection_new ();
  g_autoptr(WtwContent) content = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(WtwReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) chapters = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    return usage_error ("export", "A PDF needs a file: add -o FILE.");
  if ((content = wtw_content_new (&error)) == NULL || (chapters = pdf_chapter_ids (content, &error)) == NULL
      || !wtw_report_parse_day (opt_pdf_from, FALSE, &sel->journal_from, &error)
      || !wtw_report_parse_day (opt_pdf_to, TRUE, &sel->journal_to, &error))
    return usage_error ("export", error->message);

  if (opt_pdf_reflections)
    sel->reflection_chapters = g_strdupv (chapters);
  if (opt_pdf_conversations)
    sel->exercise_chapters = g_strdupv (chapters);
  sel->journal = !opt_pdf_no_journal;
  sel->journal_tags = g_strdupv (opt_pdf_tags);
  sel->include_private = !opt_pdf_no_private;
  sel->only_mine = opt_pdf_only_mine;
  sel->quiz = opt_pdf_quiz;
  if (!sel->journal && !sel->quiz && sel->reflection_chapters == NULL && sel->exercise_chapters == NULL)
    return usage_error ("export", "Nothing is chosen: add --reflections, --conversations or --quiz, "
                        "or leave out --no-journal.");

  file = g_file_new_for_commandline_arg (output);
  if ((vault = open_vault (vault_path, &error)) == NULL
      || (report = wtw_report_gather (vault, content, sel, NULL, &error)) == NULL
      || !wtw_export_report_pdf (report, file, FALSE, NULL, NULL, NULL, NULL, &error))
    return fail (error);
  return EXIT_OK;
}

/* export --format markdown-folder: one file per entry in a new folder. */
static int
export_folder (const char *vault_path,
               const char *output)
{
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    return usage_error ("export", "--format markdown-folder needs -o DIR, a folder that does not exist yet.");
  dest = g_file_new_for_commandline_arg (output);
  if ((vault = open_vault (vault_path, &error)) == NULL
      || !wtw_export_to_file (vault, WTW_EXPORT_KIND_MARKDOWN_FOLDER, dest, NULL, &error))
    return fail (error);
  return EXIT_OK;
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *from = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "json (a Words That Work export), dayone (Day One's JSON) or markdown (a folder or a file); default: decided from the file", "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(WtwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WtwImportFormat format = WTW_IMPORT_FORMAT_AUTO;
  int rc;

  context = command_context ("VAULT FILE|FOLDER", "Imports journal entries (and, from a Words That Work JSON export,\n"
                             "answers, conversations, progress, quiz results and homework) as the\n"
                             "member who unlocks. What is already in the vault is skipped. Prints\n"
                             "what was imported and why anything was skipped; if anything goes\n"
                             "wrong, nothing is imported. See docs/import.md.", entries);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "import", &argc, &argv, 2)) >= 0)
    return rc;
  if (from != NULL && (!wtw_import_format_from_string (from, &format) || format == WTW_IMPORT_FORMAT_AUTO))
    return usage_error ("import", "The --from option must be “json”, “dayone” or “markdown”.");

  source = g_file_new_for_commandline_arg (argv[2]);
  if ((vault = open_vault (argv[1], &error)) == NULL
      || (report = wtw_import_file (vault, source, format, NULL, &error)) == NULL)
    return fail (error);
  text = wtw_import_report_to_string (report);
  g_print ("%s", text);
  return EXIT_OK;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "markdown, markdown-folder (one file per entry; needs -o DIR), json (see docs/export-json.md) or pdf (docs/export-report.md)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (created, readable only by you; default: standard output)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  int rc;

  context = command_context ("VAULT", "Writes the journal out in clear text, for reading or for a\n"
                             "therapist. Other members' private entries appear without their text.", entries);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  {
    GOptionGroup *pdf = g_option_group_new ("pdf", "Options of --format pdf (a report for a therapist):",
                                            "Show the options of --format pdf", NULL, NULL);

    g_option_group_add_entries (pdf, pdf_entries);
    g_option_context_add_group (context, pdf);
  }
  if ((rc = parse_command (context, "export", &argc, &argv, 1)) >= 0)
    return rc;
  if (format != NULL && g_str_equal (format, "pdf"))
    return export_pdf (argv[1], output);
  if (format != NULL && g_str_equal (format, "markdown-folder"))
    return export_folder (argv[1], output);
  if (format == NULL || !(g_str_equal (format, "markdown") || g_str_equal (format, "json")))
    return usage_error ("export", "The --format option must be “markdown”, “markdown-folder”, “json” or “pdf”.");

  /* Into a file: written beside it under a temporary name, given its name
   * only once complete, so that a crash never leaves half an export. */
  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autoptr(GFile) dest = g_file_new_for_commandline_arg (output);
      WtwExportKind kind = g_str_equal (format, "json") ? WTW_EXPORT_KIND_JSON : WTW_EXPORT_KIND_MARKDOWN;

      if ((vault = open_vault (argv[1], &error)) == NULL
          || !wtw_export_to_file (vault, kind, dest, NULL, &error))
        return fail (error);
      return EXIT_OK;
    }

  if ((vault = open_vault (argv[1], &error)) == NULL
      || (out = open_output (output, &error)) == NULL)
    return fail (error);

  if (g_str_equal (format, "json"))
    ok = wtw_export_json_write (vault, out, NULL, &error);
  else
    ok = wtw_export_markdown_write (vault, out, NULL, &error);
  ok = ok && g_output_stream_close (out, NULL, &error);

  if (!ok)
    {
      /* A half-written export is worse than none: it looks complete. */
      if (output != NULL && !g_str_equal (output, "-"))
        g_unlink (output);
      return fail (error);
    }
  return EXIT_OK;
}

/* Into a folder: a new backup named after the time, printed on stdout;
 * with --keep, an automatic one, and the older automatic ones beyond N go. */
static int
backup_into_folder (WtwVault *vault,
                    GFile    *folder,
                    int       keep)
{
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) error = NULL;
  guint n_deleted = 0;

  backup = wtw_backup_write (vault, folder, keep > 0, NULL, NULL, &error);
  if (backup == NULL)
    return fail (error);
  g_print ("%s\n", g_file_peek_path (backup));
  if (keep > 0 && !wtw_backup_rotate (folder, (guint) keep, &n_deleted, NULL, &error))
    return fail (error);
  if (n_deleted > 0)
    g_printerr ("Deleted %u older automatic backup%s.\n", n_deleted, n_deleted == 1 ? "" : "s");
  return EXIT_OK;
}

static int
cmd_backup (int    argc,
            char **argv)
{
  int keep = 0;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep,
      "DEST is a folder: write an automatic backup there and keep only the newest N "
      "automatic backups (backups made without --keep are never deleted)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;
  gboolean to_folder;
  int rc;

  context = command_context ("VAULT DEST", "Writes a copy of the vault with a new master key; the same\n"
                             "passphrases and recovery keys open it. DEST is a new file that must\n"
                             "not exist, or a folder: the backup is then named after the time\n"
                             "(“Words That Work backup 2026-11-23 093000.wtw”) and its path is\n"
                             "printed.", entries);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "backup", &argc, &argv, 2)) >= 0)
    return rc;
  if (keep < 0 || keep > 1000)
    return usage_error ("backup", "The --keep option takes a number from 1 to 1000.");

  dest = g_file_new_for_commandline_arg (argv[2]);
  to_folder = keep > 0 || g_file_query_file_type (dest, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
  if ((vault = open_vault (argv[1], &error)) == NULL)
    return fail (error);
  if (to_folder)
    return backup_into_folder (vault, dest, keep);
  if (!wtw_vault_export (vault, dest, 0, NULL, NULL, NULL, &error))
    return fail (error);
  return EXIT_OK;
}

static int
cmd_restore (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) vault_file = NULL;
  g_autoptr(GFile) checked = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(WtwCliSecret) secret = NULL;
  g_autoptr(GError) error = NULL;
  WtwSecretKind kind = WTW_SECRET_PASSPHRASE;
  int rc;

  context = command_context ("BACKUP VAULT", "Puts BACKUP in the place of VAULT, after checking it: it must\n"
                             "open with the passphrase (or recovery key) given, and every page\n"
                             "must authenticate. The current VAULT is never deleted: it is kept\n"
                             "as “VAULT.before-restore-TIME”. Close the app first.", NULL);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "restore", &argc, &argv, 2)) >= 0)
    return rc;

  backup = g_file_new_for_commandline_arg (argv[1]);
  vault_file = g_file_new_for_commandline_arg (argv[2]);
  if (g_file_equal (backup, vault_file))
    return usage_error ("restore", "The backup and the vault are the same file.");
  if (!g_file_query_exists (backup, NULL))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "There is no backup at “%s”.", argv[1]);
      return fail (error);
    }
  if (opt_recovery_key_fd >= 0)
    {
      kind = WTW_SECRET_RECOVERY_KEY;
      secret = wtw_cli_secret_get (opt_recovery_key_fd, "Recovery key of the backup: ", &error);
    }
  else
    {
      secret = wtw_cli_secret_get (opt_passphrase_fd, "Passphrase of the backup: ", &error);
    }
  if (secret == NULL)
    return fail (error);

  checked = wtw_backup_prepare_restore (backup, vault_file, secret->data, kind, NULL, &error);
  if (checked == NULL || !wtw_backup_finish_restore (checked, vault_file, NULL, &aside, &error))
    return fail (error);
  if (aside != NULL)
    g_printerr ("Restored. The vault it replaced is kept as %s.\n", g_file_peek_path (aside));
  else
    g_printerr ("Restored.\n");
  return EXIT_OK;
}

static int
cmd_passwd (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(WtwCliSecret) old_passphrase = NULL;
  g_autoptr(WtwCliSecret) new_passphrase = NULL;
  g_autoptr(GError) error = NULL;
  WtwKdfParams storage;
  int rc;

  context = command_context ("VAULT", "Changes the passphrase of the member who unlocks. Their recovery\n"
                             "key and the other members' passphrases stay as they are.",
                             current_passphrase_entries);
  g_option_context_add_main_entries (context, new_passphrase_entries, NULL);
  if ((rc = parse_command (context, "passwd", &argc, &argv, 1)) >= 0)
    return rc;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_query_exists (file, NULL))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "There is no vault at “%s”.", argv[1]);
      return fail (error);
    }
  old_passphrase = wtw_cli_secret_get (opt_passphrase_fd, "Current passphrase: ", &error);
  if (old_passphrase == NULL)
    return fail (error);
  vault = wtw_vault_new (file);
  if (!wtw_vault_unlock (vault, old_passphrase->data, WTW_SECRET_PASSPHRASE, NULL, &error))
    return fail (error);

  new_passphrase = wtw_cli_secret_get_new (opt_new_passphrase_fd, "New passphrase: ",
                                           "Repeat the new passphrase: ", &error);
  if (new_passphrase == NULL
      || !wtw_vault_change_passphrase (vault, old_passphrase->data, new_passphrase->data,
                                       kdf_params (&storage), NULL, &error))
    return fail (error);
  g_printerr ("Passphrase changed.\n");
  return EXIT_OK;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = run_unlocked_command ("check", "Reads and authenticates every page of the vault. Exits with 0\n"
                             "only if all of them are intact, 4 if any was corrupted or tampered with.",
                             argc, argv, 1, &vault, &error);
  if (rc >= 0)
    return rc;
  if (!wtw_vault_check (vault, NULL, &error))
    return fail (error);
  g_printerr ("Every page authenticates.\n");
  return EXIT_OK;
}

static const Command commands[] = {
  { "create", "VAULT", "Create a vault; prints its recovery key once", cmd_create },
  { "add", "VAULT --title TITLE", "Add an entry (text from standard input); prints its id", cmd_add },
  { "list", "VAULT", "List entries: id, created, title", cmd_list },
  { "show", "VAULT ID", "Print one entry", cmd_show },
  { "search", "VAULT QUERY", "Full-text search; same format as list", cmd_search },
  { "export", "VAULT --format markdown|json|pdf [-o FILE]", "Export the journal in clear text, or a report as PDF", cmd_export },
  { "import", "VAULT FILE|FOLDER [--from KIND]", "Import a JSON export, Day One JSON or Markdown", cmd_import },
  { "backup", "VAULT DEST [--keep N]", "Copy to a new file (or into a folder) with a new master key", cmd_backup },
  { "restore", "BACKUP VAULT", "Check a backup, then put it in place of VAULT (kept aside)", cmd_restore },
  { "passwd", "VAULT", "Change your passphrase", cmd_passwd },
  { "check", "VAULT", "Authenticate every page (exit 0 only if all are intact)", cmd_check },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "Usage: wtw-vault COMMAND [OPTION…] ARGS\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %-40s %s\n", commands[i].name, commands[i].args, commands[i].summary);
  fprintf (stream,
           "\nPassphrases are asked on the terminal with echo off, or read from a file\n"
           "descriptor (--passphrase-fd, --new-passphrase-fd, --recovery-key-fd).\n"
           "“wtw-vault COMMAND --help” describes each command.\n\n"
           "Exit status: 0 ok, 1 error, 2 usage, 3 wrong passphrase, 4 corrupted or\n"
           "tampered with, 5 disk full.\n\n"
           "Environment: " KDF_FLOOR_ENV "=1 makes create and passwd use the minimum\n"
           "Argon2id cost (3 passes, 64 MiB) instead of calibrating; for tests and scripts.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("wtw-vault %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;
      if (!wtw_secure_init (&error))
        return fail (error);
      {
        g_autofree char *prgname = g_strconcat ("wtw-vault ", commands[i].name, NULL);

        g_set_prgname (prgname);
      }
      return commands[i].run (argc - 1, argv + 1);
    }

  g_printerr ("wtw-vault: “%s” is not a command. Try “wtw-vault --help”.\n", argv[1]);
  return EXIT_USAGE;
}
