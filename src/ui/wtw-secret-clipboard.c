/* wtw-secret-clipboard.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-secret-clipboard"

#include "config.h"

#include "wtw-secret-clipboard.h"

typedef struct
{
  GdkClipboard       *clipboard;
  GdkContentProvider *content;
} PendingClear;

static gboolean
on_clear_cb (gpointer user_data)
{
  PendingClear *pending = user_data;

  /* Only clear what we put there; the person may have copied since. */
  if (gdk_clipboard_get_content (pending->clipboard) == pending->content)
    gdk_clipboard_set_content (pending->clipboard, NULL);

  g_object_unref (pending->clipboard);
  g_object_unref (pending->content);
  g_free (pending);

  return G_SOURCE_REMOVE;
}

/**
 * wtw_secret_clipboard_copy:
 * @widget: a widget on the display whose clipboard to use
 * @secret: the text to copy, such as a recovery key
 *
 * Copies @secret and clears the clipboard again after
 * %WTW_SECRET_CLIPBOARD_SECONDS, unless something else was copied since.
 * The clearing does not depend on @widget staying alive.
 */
void
wtw_secret_clipboard_copy (GtkWidget  *widget,
                           const char *secret)
{
  g_autoptr(GBytes) bytes = NULL;
  PendingClear *pending;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (secret != NULL);

  bytes = g_bytes_new (secret, strlen (secret));
  pending = g_new0 (PendingClear, 1);
  pending->clipboard = g_object_ref (gtk_widget_get_clipboard (widget));
  pending->content = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);

  gdk_clipboard_set_content (pending->clipboard, pending->content);
  g_timeout_add_seconds (WTW_SECRET_CLIPBOARD_SECONDS, on_clear_cb, pending);
}
