/* test-cli.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

/* posix_openpt() and friends */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wtw-attack-util.h"
#include "wtw-crypt-vfs.h"

/* Drives the built wtw-vault binary as a script would: passphrases on
 * file descriptors, exit codes checked, one-line messages on stderr. */

static const char *cli_path;
static const char *enospc_path;

/* Set for the next run_cli(): the disk holds this many more bytes. */
static gint64 disk_room = -1;
static const char *disk_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
give_secret (GSubprocessLauncher *launcher,
             const char          *secret,
             int                  target_fd)
{
  int fds[2];
  g_autofree char *line = g_strconcat (secret, "\n", NULL);

  g_assert_no_errno (pipe (fds));
  g_assert_cmpint (write (fds[1], line, strlen (line)), ==, (gssize) strlen (line));
  close (fds[1]);
  g_subprocess_launcher_take_fd (launcher, fds[0], target_fd);
}

/* Runs wtw-vault with @args; @fd3 and @fd4 (nullable) are written to
 * descriptors 3 and 4, @input to stdin. */
static Run *
run_cli_v (const char  *input,
           const char  *fd3,
           const char  *fd4,
           const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);

  launcher = g_subprocess_launcher_new ((input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0)
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Never the terminal: a command waiting on it would hang the test. */
  if (input == NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  g_subprocess_launcher_setenv (launcher, "WTW_VAULT_KDF_FLOOR", "1", TRUE);
  if (disk_room >= 0)
    {
      g_autofree char *room = g_strdup_printf ("%" G_GINT64_FORMAT, disk_room);
      g_autofree char *asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                                           ":verify_asan_link_order=0", NULL);

      g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", enospc_path, TRUE);
      g_subprocess_launcher_setenv (launcher, "WTW_ENOSPC_AFTER", room, TRUE);
      g_subprocess_launcher_setenv (launcher, "WTW_ENOSPC_DIR", disk_dir, TRUE);
      /* An ASan build's runtime is not first in the list when a module is
       * preloaded; that is fine for this interposer. */
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
    }
  if (fd3 != NULL)
    give_secret (launcher, fd3, 3);
  if (fd4 != NULL)
    give_secret (launcher, fd4, 4);

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  g_test_message ("wtw-vault %s → %d; stderr: %s", args[0], run->status, run->err);
  return run;
}

#define run_cli(input, fd3, fd4, ...) \
  run_cli_v ((input), (fd3), (fd4), (const char *[]) { __VA_ARGS__, NULL })

/* Every message is one line saying what happened and what to do. */
static void
assert_one_line_error (const Run *run)
{
  g_assert_nonnull (run->err);
  g_assert_true (g_str_has_prefix (run->err, "wtw-vault"));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

typedef struct
{
  char *dir;
  char *vault;
  char *passphrase;
  char *recovery;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(Run) run = NULL;

  fx->dir = wtw_attack_make_dir ("wtw-cli-XXXXXX");
  fx->vault = g_build_filename (fx->dir, "journal.wtw", NULL);
  fx->passphrase = g_strdup_printf ("correct horse %u", g_random_int ());

  run = run_cli (NULL, NULL, fx->passphrase, "create", fx->vault, "--name", "Ana",
                 "--new-passphrase-fd", "4");
  g_assert_cmpint (run->status, ==, 0);
  fx->recovery = g_strstrip (g_strdup (run->out));
  g_assert_cmpuint (strlen (fx->recovery), >, 40);
  g_assert_null (strchr (fx->recovery, '\n'));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  wtw_attack_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->vault);
  g_free (fx->passphrase);
  g_free (fx->recovery);
}

static gint64
add_entry (Fixture    *fx,
           const char *title,
           const char *body,
           const char *extra)
{
  g_autoptr(Run) run = NULL;
  char *end = NULL;
  gint64 id;

  if (extra != NULL)
    run = run_cli (body, fx->passphrase, NULL, "add", fx->vault, "--title", title,
                   "--passphrase-fd", "3", extra);
  else
    run = run_cli (body, fx->passphrase, NULL, "add", fx->vault, "--title", title,
                   "--passphrase-fd", "3");
  g_assert_cmpint (run->status, ==, 0);
  id = g_ascii_strtoll (run->out, &end, 10);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (end, ==, "\n");
  return id;
}

static void
test_help (void)
{
  const char *commands[] = { "create", "add", "list", "show", "search", "export",
                             "backup", "passwd", "check" };
  g_autoptr(Run) top = run_cli (NULL, NULL, NULL, "--help");

  g_assert_cmpint (top->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) run = run_cli (NULL, NULL, NULL, commands[i], "--help");

      g_assert_nonnull (strstr (top->out, commands[i]));
      g_assert_cmpint (run->status, ==, 0);
      g_assert_nonnull (strstr (run->out, "Usage:"));
      g_assert_nonnull (strstr (run->out, commands[i]));
    }
}

static void
test_usage (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-cli-XXXXXX");
  g_autofree char *vault = g_build_filename (dir, "v.wtw", NULL);
  const char *const cases[][8] = {
    { "frobnicate", vault },
    { "list" },
    { "list", vault, "extra" },
    { "list", vault, "--no-such-option" },
    { "add", vault },
    { "show", vault, "twelve" },
    { "show", vault, "-3" },
    { "export", vault, "--format", "pdf" },
    { "export", vault },
    { "search", vault },
    { "backup", vault },
    { "backup", vault, dir, "--keep", "-1" },
    { "restore", vault },
    { "restore", vault, vault },
    { "add", vault, "--title", "t", "--created", "yesterday" },
    { "passwd", vault, "--recovery-key-fd", "3" },
  };
  g_autoptr(Run) none = run_cli (NULL, NULL, NULL, NULL);

  g_assert_cmpint (none->status, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli_v (NULL, "pass", NULL, (const char **) cases[i]);

      g_assert_cmpint (run->status, ==, 2);
      assert_one_line_error (run);
    }
  wtw_attack_remove_tree (dir);
}

static void
test_roundtrip (Fixture       *fx,
                gconstpointer  data)
{
  gint64 first = add_entry (fx, "Monday", "We talked about the chores.\n", NULL);
  gint64 second = add_entry (fx, "Tab\tand\nnewline", "Line one\nLine two", "--mood=hopeful");
  gint64 third = add_entry (fx, "Secret", "only mine", "--private");
  g_autoptr(Run) list = run_cli (NULL, fx->passphrase, NULL, "list", fx->vault, "--passphrase-fd", "3");
  g_autoptr(Run) show = run_cli (NULL, fx->passphrase, NULL, "show", fx->vault, "--passphrase-fd", "3");
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) line_re = g_regex_new ("^[0-9]+\t[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z\t.*$", 0, 0, NULL);
  g_autofree char *id2 = g_strdup_printf ("%" G_GINT64_FORMAT, second);

  g_assert_cmpint (list->status, ==, 0);
  lines = g_strsplit (list->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_regex_match (line_re, lines[i], 0, NULL));
  g_assert_nonnull (strstr (list->out, "Tab\\tand\\nnewline"));
  g_assert_nonnull (strstr (list->out, "Monday"));
  g_assert_cmpint (first, <, second);
  g_assert_cmpint (second, <, third);

  /* show without an id is a usage error; with one it prints the entry. */
  g_assert_cmpint (show->status, ==, 2);
  {
    g_autoptr(Run) run = run_cli (NULL, fx->passphrase, NULL, "show", fx->vault, id2, "--passphrase-fd", "3");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "Mood: hopeful"));
    g_assert_true (g_str_has_suffix (run->out, "\n\nLine one\nLine two\n"));
  }
  {
    g_autoptr(Run) run = run_cli (NULL, fx->passphrase, NULL, "show", fx->vault, "999999", "--passphrase-fd", "3");

    g_assert_cmpint (run->status, ==, 1);
    assert_one_line_error (run);
  }
  {
    g_autoptr(Run) run = run_cli (NULL, fx->passphrase, NULL, "search", fx->vault, "chore", "--passphrase-fd", "3");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "Monday"));
    g_assert_null (strstr (run->out, "Secret"));
  }
  {
    /* Its writer finds a private entry by its words, too. */
    g_autoptr(Run) run = run_cli (NULL, fx->passphrase, NULL, "search", fx->vault, "mine", "--passphrase-fd", "3");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "Secret"));
  }
  {
    g_autoptr(Run) run = run_cli (NULL, fx->passphrase, NULL, "search", fx->vault, "\"unbalanced AND (", "--passphrase-fd", "3");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_export (Fixture       *fx,
             gconstpointer  data)
{
  gint64 id = add_entry (fx, "Quiz night", "Body with \"quotes\" and ünïcode\n", "--mood=calm");
  g_autoptr(Run) json = run_cli (NULL, fx->passphrase, NULL, "export", fx->vault, "--format", "json", "--passphrase-fd", "3");
  g_autofree char *md_path = g_build_filename (fx->dir, "out.md", NULL);
  g_autoptr(Run) md = run_cli (NULL, fx->passphrase, NULL, "export", fx->vault, "--format=markdown", "-o", md_path, "--passphrase-fd", "3");
  g_autoptr(Run) again = run_cli (NULL, fx->passphrase, NULL, "export", fx->vault, "--format=markdown", "-o", md_path, "--passphrase-fd", "3");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *md_text = NULL;
  JsonObject *obj;
  JsonObject *entry;
  GStatBuf st;

  g_assert_cmpint (json->status, ==, 0);
  root = parse_json (json->out);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "format"), ==, "words-that-work-export");
  g_assert_cmpint (json_object_get_int_member (obj, "version"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "members")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (obj, "members"), 0), "name"), ==, "Ana");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "journal")), ==, 1);
  entry = json_array_get_object_element (json_object_get_array_member (obj, "journal"), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (entry, "title"), ==, "Quiz night");
  g_assert_cmpstr (json_object_get_string_member (entry, "body"), ==, "Body with \"quotes\" and ünïcode\n");
  g_assert_cmpstr (json_object_get_string_member (entry, "mood"), ==, "calm");
  g_assert_cmpstr (json_object_get_string_member (entry, "member"), ==, "Ana");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "created"), "Z"));
  g_assert_false (json_object_get_boolean_member (entry, "private"));
  g_assert_true (json_object_has_member (entry, "tags"));

  g_assert_cmpint (md->status, ==, 0);
  g_assert_true (g_file_get_contents (md_path, &md_text, NULL, NULL));
  g_assert_nonnull (strstr (md_text, "## Quiz night"));
  g_assert_nonnull (strstr (md_text, "mood: calm"));
  g_assert_cmpint (g_stat (md_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Never over an existing file. */
  g_assert_cmpint (again->status, ==, 1);
  assert_one_line_error (again);
}

static void
flip_file_byte (const char *path,
                gsize       offset)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_cmpuint (offset, <, len);
  bytes[offset] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, bytes, (gssize) len, NULL));
}

static guint
count_in_dir (const char *dir,
              const char *containing)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strstr (name, containing) != NULL)
      n++;
  return n;
}

/* backup into a folder with rotation, then a damaged vault restored from
 * its newest backup, checked first and with the damaged file kept. */
static void
test_backup_folder_restore (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fx->dir, "backups", NULL);
  gint64 id = add_entry (fx, "Kept", "in every backup", NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT "\t", id);
  g_autoptr(Run) manual = NULL;
  g_autoptr(Run) wrong = NULL;
  g_autoptr(Run) damaged = NULL;
  g_autoptr(Run) restore = NULL;
  g_autoptr(Run) list = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *spoiled = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  manual = run_cli (NULL, fx->passphrase, NULL, "backup", fx->vault, folder, "--passphrase-fd", "3");
  g_assert_cmpint (manual->status, ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Run) run = run_cli (NULL, fx->passphrase, NULL, "backup", fx->vault, folder,
                                    "--keep", "2", "--passphrase-fd", "3");

      g_assert_cmpint (run->status, ==, 0);
      g_assert_true (g_str_has_prefix (run->out, folder));
      g_assert_true (g_str_has_suffix (run->out, " automatic.wtw\n"));
      g_free (newest);
      newest = g_strndup (run->out, strlen (run->out) - 1);
    }
  /* Two automatic backups kept, and the one made without --keep. */
  g_assert_cmpuint (count_in_dir (folder, " automatic.wtw"), ==, 2);
  g_assert_cmpuint (count_in_dir (folder, "Words That Work backup"), ==, 3);
  g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));

  /* Damage the vault, then restore. */
  flip_file_byte (fx->vault, WTW_HEADER_AREA + 4096 + 300);
  g_assert_true (g_file_get_contents (fx->vault, &before, NULL, NULL));

  wrong = run_cli (NULL, "not the passphrase", NULL, "restore", newest, fx->vault, "--passphrase-fd", "3");
  g_assert_cmpint (wrong->status, ==, 3);
  assert_one_line_error (wrong);

  spoiled = g_build_filename (fx->dir, "spoiled.wtw", NULL);
  {
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (newest, &bytes, &len, NULL));
    g_assert_true (g_file_set_contents (spoiled, bytes, (gssize) len, NULL));
  }
  flip_file_byte (spoiled, WTW_HEADER_AREA + 2 * 4096 + 10);
  damaged = run_cli (NULL, fx->passphrase, NULL, "restore", spoiled, fx->vault, "--passphrase-fd", "3");
  g_assert_cmpint (damaged->status, ==, 4);
  assert_one_line_error (damaged);
  g_assert_true (g_file_get_contents (fx->vault, &after, NULL, NULL));
  g_assert_cmpmem (before, WTW_HEADER_AREA + 8192, after, WTW_HEADER_AREA + 8192);
  g_assert_cmpuint (count_in_dir (fx->dir, ".restore-"), ==, 0);

  restore = run_cli (NULL, fx->recovery, NULL, "restore", newest, fx->vault, "--recovery-key-fd", "3");
  g_assert_cmpint (restore->status, ==, 0);
  g_assert_nonnull (strstr (restore->err, ".before-restore-"));
  g_assert_cmpuint (count_in_dir (fx->dir, "journal.wtw.before-restore-"), ==, 1);
  list = run_cli (NULL, fx->passphrase, NULL, "list", fx->vault, "--passphrase-fd", "3");
  g_assert_cmpint (list->status, ==, 0);
  g_assert_true (g_str_has_prefix (list->out, id_text));
  g_unlink (spoiled);
  {
    g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_unlink (path);
      }
    g_rmdir (folder);
  }
}

static void
test_backup_passwd_recovery (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fx->dir, "copy.wtw", NULL);
  g_autofree char *new_pass = g_strdup_printf ("battery staple %u", g_random_int ());
  gint64 id = add_entry (fx, "Kept", "in the backup", NULL);
  g_autoptr(Run) backup = run_cli (NULL, fx->passphrase, NULL, "backup", fx->vault, copy, "--passphrase-fd", "3");
  g_autoptr(Run) backup_again = run_cli (NULL, fx->passphrase, NULL, "backup", fx->vault, copy, "--passphrase-fd", "3");
  g_autoptr(Run) list_copy = run_cli (NULL, fx->passphrase, NULL, "list", copy, "--passphrase-fd", "3");
  g_autoptr(Run) check_copy = run_cli (NULL, fx->passphrase, NULL, "check", copy, "--passphrase-fd", "3");
  g_autoptr(Run) recover_copy = run_cli (NULL, fx->recovery, NULL, "list", copy, "--recovery-key-fd", "3");
  g_autoptr(Run) passwd = run_cli (NULL, fx->passphrase, new_pass, "passwd", fx->vault,
                                   "--passphrase-fd", "3", "--new-passphrase-fd", "4", "--kdf-floor");
  g_autoptr(Run) old = run_cli (NULL, fx->passphrase, NULL, "list", fx->vault, "--passphrase-fd", "3");
  g_autoptr(Run) now = run_cli (NULL, new_pass, NULL, "list", fx->vault, "--passphrase-fd", "3");
  g_autoptr(Run) recovery = run_cli (NULL, fx->recovery, NULL, "check", fx->vault, "--recovery-key-fd", "3");
  g_autoptr(Run) wrong_passwd = run_cli (NULL, "not it", new_pass, "passwd", fx->vault,
                                         "--passphrase-fd", "3", "--new-passphrase-fd", "4");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT "\t", id);
  g_autofree char *main_bytes = NULL;
  g_autofree char *copy_bytes = NULL;
  gsize main_len, copy_len;

  g_assert_cmpint (backup->status, ==, 0);
  g_assert_cmpint (backup_again->status, ==, 1);
  g_assert_cmpint (list_copy->status, ==, 0);
  g_assert_true (g_str_has_prefix (list_copy->out, id_text));
  g_assert_cmpint (check_copy->status, ==, 0);
  g_assert_cmpint (recover_copy->status, ==, 0);
  g_assert_cmpstr (recover_copy->out, ==, list_copy->out);

  /* A new master key and file id: no 4 KiB page of the copy equals the
   * original's, not even where the plaintext is the same. */
  g_assert_true (g_file_get_contents (fx->vault, &main_bytes, &main_len, NULL));
  g_assert_true (g_file_get_contents (copy, &copy_bytes, &copy_len, NULL));
  for (gsize off = WTW_HEADER_AREA; off + 4096 <= MIN (main_len, copy_len); off += 4096)
    g_assert_true (memcmp (main_bytes + off, copy_bytes + off, 4096) != 0);

  g_assert_cmpint (passwd->status, ==, 0);
  g_assert_cmpint (old->status, ==, 3);
  assert_one_line_error (old);
  g_assert_cmpint (now->status, ==, 0);
  g_assert_true (g_str_has_prefix (now->out, id_text));
  g_assert_cmpint (recovery->status, ==, 0);
  g_assert_cmpint (wrong_passwd->status, ==, 3);
}

static void
test_wrong_passphrase (Fixture       *fx,
                       gconstpointer  data)
{
  const char *commands[] = { "list", "check", "add" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) run = NULL;

      if (g_str_equal (commands[i], "add"))
        run = run_cli ("x", "wrong passphrase", NULL, "add", fx->vault, "--title", "t", "--passphrase-fd", "3");
      else
        run = run_cli (NULL, "wrong passphrase", NULL, commands[i], fx->vault, "--passphrase-fd", "3");
      g_assert_cmpint (run->status, ==, 3);
      assert_one_line_error (run);
    }
  {
    g_autoptr(Run) run = run_cli (NULL, "AAAA-BBBB", NULL, "list", fx->vault, "--recovery-key-fd", "3");

    g_assert_cmpint (run->status, !=, 0);
  }
  {
    g_autoptr(Run) run = run_cli (NULL, "", NULL, "list", fx->vault, "--passphrase-fd", "3");

    g_assert_cmpint (run->status, ==, 1);
  }
  {
    /* Descriptor 7 is not open in the child. */
    g_autoptr(Run) run = run_cli (NULL, NULL, NULL, "list", fx->vault, "--passphrase-fd", "7");

    g_assert_cmpint (run->status, ==, 1);
    assert_one_line_error (run);
  }
}

static void
test_tampered (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *body = g_strnfill (9000, 'x');
  g_autoptr(Run) ok = NULL;
  g_autoptr(Run) check = NULL;
  g_autoptr(Run) show = NULL;
  gint64 id;
  goffset size;

  id = add_entry (fx, "Big", body, NULL);
  ok = run_cli (NULL, fx->passphrase, NULL, "check", fx->vault, "--passphrase-fd", "3");
  g_assert_cmpint (ok->status, ==, 0);

  /* One bit in the last page: the file still opens, check finds it. */
  size = wtw_attack_file_size (fx->vault);
  wtw_attack_flip_byte (fx->vault, size - 2048, 0x10);
  check = run_cli (NULL, fx->passphrase, NULL, "check", fx->vault, "--passphrase-fd", "3");
  g_assert_cmpint (check->status, ==, 4);
  assert_one_line_error (check);
  g_assert_nonnull (strstr (check->err, "page"));
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    show = run_cli (NULL, fx->passphrase, NULL, "show", fx->vault, id_text, "--passphrase-fd", "3");
    /* Either the damaged page is not needed for this entry (0) or it is
     * reported (4); never anything else, never wrong text. */
    g_assert_true (show->status == 0 || show->status == 4);
    if (show->status == 0)
      g_assert_nonnull (strstr (show->out, body));
  }
}

static void
on_child_setup_cb (gpointer user_data)
{
  /* A session of its own with the pty (descriptor 5) as its controlling
   * terminal: that is what /dev/tty opens in the child. */
  setsid ();
  ioctl (5, TIOCSCTTY, 0);
}

/* Reads what the terminal shows until @needle appears or the child closes
 * its side; returns everything read. */
static char *
read_terminal (int         master,
               const char *needle)
{
  GString *seen = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline
         && (needle == NULL || strstr (seen->str, needle) == NULL))
    {
      struct pollfd pfd = { master, POLLIN, 0 };
      char buf[256];
      ssize_t n;

      if (poll (&pfd, 1, 100) <= 0)
        continue;
      n = read (master, buf, sizeof buf);
      if (n <= 0)
        break;
      g_string_append_len (seen, buf, n);
    }
  return g_string_free (seen, FALSE);
}

static int
run_on_terminal (Fixture    *fx,
                 const char *typed,
                 char      **shown)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *line = g_strconcat (typed, "\n", NULL);
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  int slave;

  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);

  g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  g_subprocess_launcher_take_fd (launcher, slave, 5);
  g_subprocess_launcher_set_child_setup (launcher, on_child_setup_cb, NULL, NULL);
  proc = g_subprocess_launcher_spawn (launcher, &error, cli_path, "check", fx->vault, NULL);
  g_assert_no_error (error);
  /* Closes our copy of the pty's child side, so that reading ends when the
   * child exits. */
  g_clear_object (&launcher);

  prompt = read_terminal (master, "Passphrase: ");
  g_assert_nonnull (strstr (prompt, "Passphrase: "));
  g_assert_cmpint (write (master, line, strlen (line)), ==, (gssize) strlen (line));
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  rest = read_terminal (master, NULL);
  close (master);

  *shown = g_strconcat (prompt, rest, NULL);
  return g_subprocess_get_exit_status (proc);
}

static void
test_terminal (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *shown = NULL;
  g_autofree char *shown_wrong = NULL;

  /* The passphrase is read from the terminal and never shown on it. */
  g_assert_cmpint (run_on_terminal (fx, fx->passphrase, &shown), ==, 0);
  g_assert_null (strstr (shown, fx->passphrase));
  g_assert_cmpint (run_on_terminal (fx, "not the passphrase", &shown_wrong), ==, 3);
  g_assert_null (strstr (shown_wrong, "not the passphrase"));
}

/* A real full disk (ENOSPC from write(2), through SQLite's unix VFS):
 * exit status 5, one line, and nothing saved before is lost. */
static void
test_disk_full (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *big = g_strnfill (60000, 'q');
  g_autoptr(GString) before = g_string_new (NULL);
  guint n_full = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("kept %u", i);

      add_entry (fx, title, "saved before the disk filled up", NULL);
    }
  {
    g_autoptr(Run) list = run_cli (NULL, fx->passphrase, NULL, "list", fx->vault, "--passphrase-fd", "3");

    g_string_assign (before, list->out);
  }

  disk_dir = fx->dir;
  for (gint64 room = 0; room < 80000; room = room * 2 + 3000)
    {
      g_autoptr(Run) run = NULL;

      disk_room = room;
      run = run_cli (big, fx->passphrase, NULL, "add", fx->vault, "--title", "too big", "--passphrase-fd", "3");
      disk_room = -1;
      if (run->status == 0)
        continue;
      g_assert_cmpint (run->status, ==, 5);
      assert_one_line_error (run);
      n_full++;
      {
        g_autoptr(Run) list = run_cli (NULL, fx->passphrase, NULL, "list", fx->vault, "--passphrase-fd", "3");
        g_autoptr(Run) check = run_cli (NULL, fx->passphrase, NULL, "check", fx->vault, "--passphrase-fd", "3");

        /* Everything from before is still there; the failed entry is not. */
        g_assert_cmpint (list->status, ==, 0);
        g_assert_true (g_str_has_suffix (list->out, before->str));
        g_assert_null (strstr (list->out, "too big"));
        g_assert_cmpint (check->status, ==, 0);
      }
    }
  g_assert_cmpuint (n_full, >=, 3);
}

static void
test_not_a_vault (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-cli-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.wtw", NULL);
  g_autofree char *text = g_strnfill (20000, 'n');
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) gone = NULL;
  g_autoptr(Run) exists = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run = run_cli (NULL, "pass", NULL, "list", path, "--passphrase-fd", "3");
  g_assert_cmpint (run->status, ==, 4);
  assert_one_line_error (run);
  gone = run_cli (NULL, "pass", NULL, "list", missing, "--passphrase-fd", "3");
  g_assert_cmpint (gone->status, ==, 1);
  assert_one_line_error (gone);
  exists = run_cli (NULL, NULL, "pass", "create", path, "--new-passphrase-fd", "4");
  g_assert_cmpint (exists->status, ==, 1);
  assert_one_line_error (exists);
  wtw_attack_remove_tree (dir);
}

/* The text pdftotext finds in @pdf, or NULL when pdftotext is missing. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  if (tool == NULL)
    return NULL;
  g_spawn_sync (NULL, (char *[]) { tool, (char *) pdf, (char *) "-", NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf_and_import (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fx->dir, "for-my-therapist.pdf", NULL);
  g_autofree char *quiz_pdf = g_build_filename (fx->dir, "quiz-only.pdf", NULL);
  g_autofree char *json_path = g_build_filename (fx->dir, "all.json", NULL);
  g_autofree char *second = g_build_filename (fx->dir, "second.wtw", NULL);
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;
  g_autoptr(Run) report = NULL;
  g_autoptr(Run) quiz_only = NULL;
  g_autoptr(Run) json = NULL;
  g_autoptr(Run) created = NULL;
  g_autoptr(Run) imported = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(Run) listed = NULL;
  GStatBuf st;
  gsize len = 0;

  add_entry (fx, "Harbour walk", "We talked about the lighthouse and the long winter.\n", NULL);
  add_entry (fx, "Kitchen table", "A calm talk about chores, with the timer on.\n", "--mood=calm");

  /* The report for a therapist: a PDF, readable by its owner only, with
   * the entries chosen; with the journal left out, none of them. */
  report = run_cli (NULL, fx->passphrase, NULL, "export", fx->vault, "--format", "pdf",
                    "-o", pdf, "--passphrase-fd", "3");
  g_assert_cmpint (report->status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &header, &len, NULL));
  g_assert_cmpuint (len, >, 5);
  g_assert_true (g_str_has_prefix (header, "%PDF-"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  quiz_only = run_cli (NULL, fx->passphrase, NULL, "export", fx->vault, "--format", "pdf",
                       "-o", quiz_pdf, "--no-journal", "--quiz", "--passphrase-fd", "3");
  g_assert_cmpint (quiz_only->status, ==, 0);

  text = pdf_text (pdf);
  if (text == NULL)
    g_test_message ("pdftotext is not installed: the PDFs' text is not checked");
  else
    {
      g_autofree char *other = pdf_text (quiz_pdf);

      g_assert_nonnull (strstr (text, "Harbour walk"));
      g_assert_nonnull (strstr (text, "lighthouse"));
      g_assert_nonnull (strstr (text, "Kitchen table"));
      g_assert_null (strstr (other, "Harbour walk"));
      g_assert_null (strstr (other, "lighthouse"));
    }

  /* Everything out as JSON, then into a second vault: both entries come
   * in; a second import skips them as already there, and says so. */
  json = run_cli (NULL, fx->passphrase, NULL, "export", fx->vault, "--format", "json",
                  "-o", json_path, "--passphrase-fd", "3");
  g_assert_cmpint (json->status, ==, 0);
  created = run_cli (NULL, NULL, fx->passphrase, "create", second, "--name", "Ana",
                     "--new-passphrase-fd", "4");
  g_assert_cmpint (created->status, ==, 0);
  imported = run_cli (NULL, fx->passphrase, NULL, "import", second, json_path,
                      "--passphrase-fd", "3");
  g_assert_cmpint (imported->status, ==, 0);
  g_assert_nonnull (strstr (imported->out, "2 journal entries"));
  g_assert_nonnull (strstr (imported->out, "Skipped: 0."));
  again = run_cli (NULL, fx->passphrase, NULL, "import", second, json_path,
                   "--passphrase-fd", "3");
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->out, "Skipped: 2."));
  listed = run_cli (NULL, fx->passphrase, NULL, "list", second, "--passphrase-fd", "3");
  g_assert_cmpint (listed->status, ==, 0);
  g_assert_nonnull (strstr (listed->out, "Harbour walk"));
  g_assert_nonnull (strstr (listed->out, "Kitchen table"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A child that exits before reading its stdin (a usage error) must not
   * take the test down with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);

  cli_path = argc > 1 ? argv[1] : g_getenv ("WTW_VAULT_CLI");
  enospc_path = argc > 2 ? argv[2] : g_getenv ("WTW_ENOSPC_PRELOAD");
  if (cli_path == NULL || enospc_path == NULL)
    g_error ("Pass the paths of wtw-vault and of the wtw-enospc module as arguments");

  g_test_add_func ("/wtw/vault-attack/cli/help", test_help);
  g_test_add_func ("/wtw/vault-attack/cli/usage", test_usage);
  g_test_add_func ("/wtw/vault-attack/cli/not-a-vault", test_not_a_vault);
  g_test_add ("/wtw/vault-attack/cli/roundtrip", Fixture, NULL, fixture_set_up, test_roundtrip, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/pdf-and-import", Fixture, NULL, fixture_set_up, test_pdf_and_import, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/backup-passwd-recovery", Fixture, NULL, fixture_set_up, test_backup_passwd_recovery, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/backup-folder-restore", Fixture, NULL, fixture_set_up, test_backup_folder_restore, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/wrong-passphrase", Fixture, NULL, fixture_set_up, test_wrong_passphrase, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/terminal", Fixture, NULL, fixture_set_up, test_terminal, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/wtw/vault-attack/cli/tampered", Fixture, NULL, fixture_set_up, test_tampered, fixture_tear_down);

  return g_test_run ();
}
