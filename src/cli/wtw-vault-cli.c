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
#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "wtw-cli-secret.h"
#include "wtw-crypt-kdf.h"
#include "wtw-export-json.h"
#include "wtw-export-markdown.h"
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
  if (g_error_matches (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_WRONG_PASSPHRASE))
    return EXIT_WRONG_PASSPHRASE;
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
                             "last one as a prefix). Prints matches as “list” does. Private\n"
                             "entries are not searched.", NULL);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "search", &argc, &argv, 2)) >= 0)
    return rc;

  if ((vault = open_vault (argv[1], &error)) == NULL
      || (hits = wtw_vault_journal_search (vault, argv[2], G_MAXUINT, &error)) == NULL)
    return fail (error);
  for (guint i = 0; i < hits->len; i++)
    print_entry_line (g_ptr_array_index (hits, i));
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

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "markdown or json (see docs/export-json.md)", "FORMAT" },
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
  if ((rc = parse_command (context, "export", &argc, &argv, 1)) >= 0)
    return rc;
  if (format == NULL || !(g_str_equal (format, "markdown") || g_str_equal (format, "json")))
    return usage_error ("export", "The --format option must be “markdown” or “json”.");

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

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(WtwVault) vault = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = command_context ("VAULT DEST", "Writes a copy of the vault to DEST (a new file that must not\n"
                             "exist) with a new master key. The same passphrases and recovery\n"
                             "keys open it.", NULL);
  g_option_context_add_main_entries (context, unlock_entries, NULL);
  if ((rc = parse_command (context, "backup", &argc, &argv, 2)) >= 0)
    return rc;

  dest = g_file_new_for_commandline_arg (argv[2]);
  if ((vault = open_vault (argv[1], &error)) == NULL
      || !wtw_vault_export (vault, dest, 0, NULL, NULL, NULL, &error))
    return fail (error);
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
  { "export", "VAULT --format markdown|json [-o FILE]", "Export the journal in clear text", cmd_export },
  { "backup", "VAULT DEST", "Copy to a new file with a new master key", cmd_backup },
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
