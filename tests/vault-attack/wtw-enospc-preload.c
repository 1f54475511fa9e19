/* wtw-enospc-preload.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dlsym (RTLD_NEXT); pwrite and pwrite64 both defined here, so not the
 * header's redirect of one to the other. */
#define _GNU_SOURCE
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* LD_PRELOADed into wtw-vault by test-cli: a disk that fills up. Once
 * WTW_ENOSPC_AFTER bytes have been written to files under WTW_ENOSPC_DIR,
 * pwrite() and write() store what still fits and then fail with ENOSPC,
 * as on a real full disk. This reaches the vault through SQLite's own unix
 * VFS, so what is tested is the whole path to the CLI's exit status 5.
 * Plain libc, no GLib: it runs inside every call the program makes. */

typedef ssize_t (*PwriteFunc) (int, const void *, size_t, off64_t);
typedef ssize_t (*WriteFunc) (int, const void *, size_t);

static long long budget = -2;   /* -2: not read yet, -1: no limit */
static const char *dir;

static int
counted (int fd)
{
  char link[64], target[PATH_MAX];
  ssize_t n;

  if (budget == -2)
    {
      const char *after = getenv ("WTW_ENOSPC_AFTER");

      dir = getenv ("WTW_ENOSPC_DIR");
      budget = after != NULL && dir != NULL ? atoll (after) : -1;
    }
  if (budget < 0)
    return 0;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, target, sizeof target - 1);
  if (n <= 0)
    return 0;
  target[n] = '\0';
  return strncmp (target, dir, strlen (dir)) == 0;
}

/* How much of @len may be written now; -1 with errno set if nothing. */
static ssize_t
allowance (size_t len)
{
  if ((long long) len <= budget)
    return (ssize_t) len;
  if (budget > 0)
    return (ssize_t) budget;
  errno = ENOSPC;
  return -1;
}

ssize_t pwrite64 (int fd, const void *buf, size_t len, off64_t offset);
ssize_t pwrite (int fd, const void *buf, size_t len, off_t offset);
ssize_t write (int fd, const void *buf, size_t len);

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      len,
          off64_t     offset)
{
  static PwriteFunc real;
  ssize_t room, done;

  if (real == NULL)
    real = (PwriteFunc) dlsym (RTLD_NEXT, "pwrite64");
  if (!counted (fd))
    return real (fd, buf, len, offset);
  if ((room = allowance (len)) < 0)
    return -1;
  done = real (fd, buf, (size_t) room, offset);
  if (done > 0)
    budget -= done;
  return done;
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      len,
        off_t       offset)
{
  return pwrite64 (fd, buf, len, offset);
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      len)
{
  static WriteFunc real;
  ssize_t room, done;

  if (real == NULL)
    real = (WriteFunc) dlsym (RTLD_NEXT, "write");
  if (!counted (fd))
    return real (fd, buf, len);
  if ((room = allowance (len)) < 0)
    return -1;
  done = real (fd, buf, (size_t) room);
  if (done > 0)
    budget -= done;
  return done;
}
