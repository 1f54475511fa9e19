/* main.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wtw-application.h"
#include "wtw-secure.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WtwApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  /* Before anything can hold a key or a word someone typed. */
  if (!wtw_secure_init (&error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Words That Work"));

  app = wtw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
