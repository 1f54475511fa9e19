/* wtw-crypt-kdf.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-crypt-kdf"

#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/resource.h>
# include <sys/syscall.h>
#endif

#include "wtw-crypt-kdf.h"

/* Upper bounds accepted from a header: a tampered header must not make us
 * allocate all of memory or spin for an hour before the MAC can be checked. */
#define WTW_KDF_OPS_MAX 64
#define WTW_KDF_MEM_MAX (G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024)

#define TARGET_SECONDS 0.7
#define MIN_SECONDS    0.5
#define MAX_SECONDS    1.0
#define MIB            (G_GUINT64_CONSTANT (1024) * 1024)

/**
 * wtw_kdf_params_valid:
 * @params: parameters to check
 *
 * Returns: %TRUE if @params are at or above the floor and within sane bounds
 */
gboolean
wtw_kdf_params_valid (const WtwKdfParams *params)
{
  g_return_val_if_fail (params != NULL, FALSE);

  return params->ops >= WTW_KDF_OPS_FLOOR
      && params->ops <= WTW_KDF_OPS_MAX
      && params->mem >= WTW_KDF_MEM_FLOOR
      && params->mem <= WTW_KDF_MEM_MAX
      && params->mem <= crypto_pwhash_MEMLIMIT_MAX
      && params->mem % 1024 == 0;
}

/**
 * wtw_kdf_mem_cap:
 *
 * Returns: the most memory calibration may choose: half of the physical RAM,
 *   never below the floor
 */
guint64
wtw_kdf_mem_cap (void)
{
  long pages = sysconf (_SC_PHYS_PAGES);
  long page_size = sysconf (_SC_PAGESIZE);
  guint64 half;

  if (pages <= 0 || page_size <= 0)
    return WTW_KDF_MEM_FLOOR;
  half = (guint64) pages * (guint64) page_size / 2;
  half = MIN (half, WTW_KDF_MEM_MAX);
  return MAX (half / MIB * MIB, WTW_KDF_MEM_FLOOR);
}

/* How much lower than the caller's the key derivation's priority is. Argon2id
 * is deliberately expensive and keeps a core busy for up to a second: on a
 * machine with few cores the window's main loop, and a software renderer's
 * threads, must win every contest for the CPU or the spinner stutters. */
#define KDF_NICE_INCREMENT 10

typedef struct {
  const WtwKdfParams *params;
  const guint8       *salt;
  const char         *secret;
  gsize               secret_len;
  guint8             *out_key;
  gboolean            ok;
} DeriveJob;

static void
derive_now (DeriveJob *job)
{
  job->ok = crypto_pwhash (job->out_key, 32, job->secret, job->secret_len,
                           job->salt, job->params->ops, (size_t) job->params->mem,
                           crypto_pwhash_ALG_ARGON2ID13) == 0;
}

static gpointer
derive_thread (gpointer data)
{
  DeriveJob *job = data;

#ifdef __linux__
  {
    /* Linux keeps a nice value for each thread; this thread ends with the
     * derivation, so no pooled worker is left at the lower priority. */
    id_t tid = (id_t) syscall (SYS_gettid);
    int current;

    errno = 0;
    current = getpriority (PRIO_PROCESS, tid);
    if (errno == 0)
      (void) setpriority (PRIO_PROCESS, tid, MIN (current + KDF_NICE_INCREMENT, 19));
  }
#endif
  derive_now (job);
  return NULL;
}

/**
 * wtw_kdf_derive:
 * @params: valid parameters
 * @salt: crypto_pwhash_SALTBYTES (16) bytes
 * @secret: the passphrase or recovery key bytes
 * @secret_len: length of @secret
 * @out_key: 32 bytes of output
 *
 * Argon2id v1.3 with @params, in a thread of its own at a lower priority
 * than the caller's. Blocking: call it off the main thread.
 *
 * Returns: %FALSE if the memory could not be allocated
 */
gboolean
wtw_kdf_derive (const WtwKdfParams *params,
                const guint8       *salt,
                const char         *secret,
                gsize               secret_len,
                guint8             *out_key)
{
  DeriveJob job = { params, salt, secret, secret_len, out_key, FALSE };
  GThread *thread;

  g_return_val_if_fail (wtw_kdf_params_valid (params), FALSE);

  thread = g_thread_try_new ("wtw-kdf", derive_thread, &job, NULL);
  if (thread == NULL)
    derive_now (&job);
  else
    g_thread_join (thread);
  return job.ok;
}

static double
measure (const WtwKdfParams *params)
{
  static const guint8 salt[crypto_pwhash_SALTBYTES] = { 0 };
  guint8 key[32];
  gint64 start = g_get_monotonic_time ();

  if (!wtw_kdf_derive (params, salt, "calibration", 11, key))
    return MAX_SECONDS * 10;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Argon2id's time is close to linear in ops × mem, so one measurement at the
 * floor predicts the cost; memory is raised first (it is what makes GPU attacks
 * expensive), passes only once memory reaches its cap. */
static void
scale_from_floor (WtwKdfParams *params,
                  double        floor_seconds)
{
  double factor = TARGET_SECONDS / MAX (floor_seconds, 0.001);
  guint64 cap = wtw_kdf_mem_cap ();
  double mem = (double) WTW_KDF_MEM_FLOOR * factor;

  params->ops = WTW_KDF_OPS_FLOOR;
  params->mem = (guint64) MIN (mem, (double) cap) / MIB * MIB;
  params->mem = MAX (params->mem, WTW_KDF_MEM_FLOOR);
  if (mem > (double) cap)
    params->ops = (guint64) (WTW_KDF_OPS_FLOOR * mem / (double) cap);
  params->ops = CLAMP (params->ops, WTW_KDF_OPS_FLOOR, WTW_KDF_OPS_MAX);
}

static double
measure_cb (const WtwKdfParams *params,
            gpointer            user_data)
{
  return measure (params);
}

/**
 * _wtw_kdf_calibrate_with:
 * @params: (out): the chosen parameters
 * @measure_func: how long a derivation with given parameters takes, in seconds
 * @user_data: data for @measure_func
 *
 * wtw_kdf_calibrate() with its clock given, so that tests can check the
 * choices for machines of any speed without timing anything.
 */
void
_wtw_kdf_calibrate_with (WtwKdfParams   *params,
                         WtwKdfMeasure   measure_func,
                         gpointer        user_data)
{
  WtwKdfParams floor = WTW_KDF_PARAMS_FLOOR;
  double seconds = measure_func (&floor, user_data);

  *params = floor;
  if (seconds >= MIN_SECONDS)
    return;

  scale_from_floor (params, seconds);
  seconds = measure_func (params, user_data);

  /* The prediction overshot (caches, other load): step memory down, never
   * below the floor. */
  while (seconds > MAX_SECONDS && params->mem / 2 >= WTW_KDF_MEM_FLOOR)
    {
      params->mem = params->mem / 2 / MIB * MIB;
      seconds /= 2;
    }
  g_debug ("Calibrated Argon2id: ops %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT
           " MiB, about %.2f s", params->ops, params->mem / MIB, seconds);
}

/**
 * wtw_kdf_calibrate:
 * @params: (out): the chosen parameters
 *
 * Chooses Argon2id parameters that take 0.5–1 s on this machine, never below
 * the floor (ops 3, 64 MiB) and with memory capped at half of RAM. On a machine
 * too slow for the floor to fit in 1 s, the floor is used anyway. Blocking:
 * takes one to three derivations.
 */
void
wtw_kdf_calibrate (WtwKdfParams *params)
{
  _wtw_kdf_calibrate_with (params, measure_cb, NULL);
}
