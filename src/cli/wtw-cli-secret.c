/* wtw-cli-secret.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-cli-secret"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "wtw-cli-secret.h"

/* Longer than any passphrase a person types or a manager generates; the
 * buffer is fixed so the secret is never copied by a realloc. */
#define SECRET_MAX 1024

/* Restored by the signal handler if the person presses Ctrl+C while echo is
 * off: otherwise their shell would stay silent. */
static int tty_fd = -1;
static struct termios saved_termios;
static struct sigaction saved_actions[3];
static const int trapped_signals[] = { SIGINT, SIGTERM, SIGHUP };

static WtwCliSecret *
secret_new (void)
{
  WtwCliSecret *secret = sodium_malloc (sizeof *secret);
  char *data = sodium_malloc (SECRET_MAX);

  if (secret == NULL || data == NULL)
    g_error ("Out of secure memory");
  memset (data, 0, SECRET_MAX);
  secret->data = data;
  secret->len = 0;
  return secret;
}

/**
 * wtw_cli_secret_free:
 * @secret: (nullable): a secret
 *
 * Wipes and frees @secret.
 */
void
wtw_cli_secret_free (WtwCliSecret *secret)
{
  if (secret == NULL)
    return;
  sodium_memzero (secret->data, SECRET_MAX);
  sodium_free (secret->data);
  sodium_free (secret);
}

/* One byte at a time, straight from the descriptor: stdio would keep a copy
 * of the passphrase in a buffer that nobody wipes, and read-ahead would eat
 * bytes meant for someone else sharing the descriptor. */
static gboolean
read_line (int            fd,
           WtwCliSecret  *secret,
           GError       **error)
{
  for (;;)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Could not read the passphrase: %s", g_strerror (saved));
          return FALSE;
        }
      if (n == 0 || c == '\n')
        break;
      if (secret->len + 1 >= SECRET_MAX)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The passphrase is longer than %d bytes", SECRET_MAX - 1);
          return FALSE;
        }
      secret->data[secret->len++] = c;
      c = 0;
    }

  /* A file written on Windows ends its line with CR LF. */
  if (secret->len > 0 && secret->data[secret->len - 1] == '\r')
    secret->data[--secret->len] = 0;
  return TRUE;
}

/**
 * wtw_cli_secret_read_fd:
 * @fd: a file descriptor opened by the caller of the program
 * @error: return location for a #GError
 *
 * Reads one line (without its newline) from @fd.
 *
 * Returns: (transfer full): the secret, or %NULL on error
 */
WtwCliSecret *
wtw_cli_secret_read_fd (int      fd,
                        GError **error)
{
  g_autoptr(WtwCliSecret) secret = secret_new ();

  if (fcntl (fd, F_GETFD) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "File descriptor %d is not open", fd);
      return NULL;
    }
  if (!read_line (fd, secret, error))
    return NULL;
  return g_steal_pointer (&secret);
}

static void
restore_tty (void)
{
  if (tty_fd >= 0)
    tcsetattr (tty_fd, TCSAFLUSH, &saved_termios);
}

static void
on_signal_cb (int signum)
{
  restore_tty ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
trap_signals (gboolean on)
{
  for (guint i = 0; i < G_N_ELEMENTS (trapped_signals); i++)
    {
      if (on)
        {
          struct sigaction action = { 0 };

          action.sa_handler = on_signal_cb;
          sigemptyset (&action.sa_mask);
          sigaction (trapped_signals[i], &action, &saved_actions[i]);
        }
      else
        {
          sigaction (trapped_signals[i], &saved_actions[i], NULL);
        }
    }
}

/**
 * wtw_cli_secret_read_tty:
 * @prompt: what to ask
 * @error: return location for a #GError
 *
 * Asks on the controlling terminal with echo off, whatever stdin and stdout
 * are redirected to.
 *
 * Returns: (transfer full): the secret, or %NULL on error
 */
WtwCliSecret *
wtw_cli_secret_read_tty (const char  *prompt,
                         GError     **error)
{
  g_autoptr(WtwCliSecret) secret = secret_new ();
  struct termios quiet;
  gboolean ok;
  int fd;

  fd = open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "No terminal to ask for the passphrase on; "
                           "pass it with --passphrase-fd");
      return NULL;
    }
  if (tcgetattr (fd, &saved_termios) != 0)
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Could not turn off echo on the terminal");
      return NULL;
    }

  tty_fd = fd;
  trap_signals (TRUE);
  quiet = saved_termios;
  quiet.c_lflag &= ~(tcflag_t) (ECHO | ECHOE | ECHOK | ECHONL);
  quiet.c_lflag |= ICANON;
  /* Echo goes off before the prompt shows, so nothing typed in answer to
   * it can ever be echoed. */
  if (tcsetattr (fd, TCSAFLUSH, &quiet) != 0 || write (fd, prompt, strlen (prompt)) < 0)
    {
      restore_tty ();
      trap_signals (FALSE);
      tty_fd = -1;
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Could not turn off echo on the terminal");
      return NULL;
    }

  ok = read_line (fd, secret, error);

  restore_tty ();
  trap_signals (FALSE);
  tty_fd = -1;
  /* The newline the person typed was not echoed. */
  if (write (fd, "\n", 1) < 0)
    g_debug ("Could not write to the terminal");
  close (fd);

  return ok ? g_steal_pointer (&secret) : NULL;
}

/**
 * wtw_cli_secret_get:
 * @fd: a descriptor from the command line, or -1 to ask on the terminal
 * @prompt: what to ask on the terminal
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the secret, or %NULL on error
 */
WtwCliSecret *
wtw_cli_secret_get (int          fd,
                    const char  *prompt,
                    GError     **error)
{
  g_autoptr(WtwCliSecret) secret = NULL;

  secret = fd >= 0 ? wtw_cli_secret_read_fd (fd, error)
                   : wtw_cli_secret_read_tty (prompt, error);
  if (secret == NULL)
    return NULL;
  if (secret->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The passphrase is empty");
      return NULL;
    }
  return g_steal_pointer (&secret);
}

/**
 * wtw_cli_secret_get_new:
 * @fd: a descriptor from the command line, or -1 to ask on the terminal
 * @prompt: what to ask on the terminal
 * @confirm_prompt: what to ask the second time on the terminal
 * @error: return location for a #GError
 *
 * Reads a new passphrase. On the terminal it is asked twice, because a
 * typo nobody saw would lock the person out of their journal.
 *
 * Returns: (transfer full): the secret, or %NULL on error
 */
WtwCliSecret *
wtw_cli_secret_get_new (int          fd,
                        const char  *prompt,
                        const char  *confirm_prompt,
                        GError     **error)
{
  g_autoptr(WtwCliSecret) first = NULL;
  g_autoptr(WtwCliSecret) again = NULL;

  first = wtw_cli_secret_get (fd, prompt, error);
  if (first == NULL || fd >= 0)
    return g_steal_pointer (&first);

  again = wtw_cli_secret_get (-1, confirm_prompt, error);
  if (again == NULL)
    return NULL;
  if (first->len != again->len || sodium_memcmp (first->data, again->data, first->len) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The two passphrases are not the same; try again");
      return NULL;
    }
  return g_steal_pointer (&first);
}
