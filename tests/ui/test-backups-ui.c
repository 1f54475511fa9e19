/* test-backups-ui.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups as people meet them: Preferences → Backups, "Back Up Now", and
 * the page for a damaged vault offering the latest backup, which restores
 * it and opens it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "wtw-backups.h"
#include "wtw-backups-group.h"
#include "wtw-main-page.h"
#include "wtw-preferences-window.h"
#include "wtw-session.h"
#include "wtw-test-app.h"
#include "wtw-window.h"

static WtwApplication *app;
static WtwSession *session;
static WtwBackups *backups;

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
backups_idle (gpointer data)
{
  return !wtw_backups_get_busy (backups) && !wtw_session_get_busy (session);
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
is_unlocked (gpointer data)
{
  return wtw_session_get_state (session) == WTW_SESSION_STATE_UNLOCKED
    && wtw_window_get_main_page (data) != NULL;
}

static guint
count_backups (void)
{
  g_autoptr(GPtrArray) list = wtw_backups_list (backups, NULL);

  return list != NULL ? list->len : 0;
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences_group (void)
{
  WtwPreferencesWindow *prefs;
  WtwBackupsGroup *group;
  GtkSwitch *automatic;
  GtkAdjustment *keep;
  AdwActionRow *now_row;
  g_autoptr(GFile) folder = wtw_backups_dup_folder (backups);
  g_autofree char *keep_setting = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = WTW_PREFERENCES_WINDOW (find_toplevel (WTW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  group = WTW_BACKUPS_GROUP (find_descendant (GTK_WIDGET (prefs), WTW_TYPE_BACKUPS_GROUP));
  g_assert_true (wtw_backups_group_get_backups (group) == backups);

  /* The switch and the spin row follow the settings, both ways. */
  automatic = template_child (group, WTW_TYPE_BACKUPS_GROUP, "automatic_switch");
  keep = template_child (group, WTW_TYPE_BACKUPS_GROUP, "keep_adjustment");
  g_assert_true (gtk_switch_get_active (automatic));
  gtk_switch_set_active (automatic, FALSE);
  g_assert_false (wtw_backups_get_automatic (backups));
  g_assert_cmpfloat (gtk_adjustment_get_value (keep), ==, 5);
  gtk_adjustment_set_value (keep, 8);
  g_assert_cmpuint (wtw_backups_get_keep (backups), ==, 8);
  wtw_backups_set_keep (backups, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (keep), ==, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (group, WTW_TYPE_BACKUPS_GROUP,
                                                                "folder_row")),
                   ==, g_file_peek_path (folder));

  /* Nothing to restore yet; "Back Up Now" writes one and says so. */
  now_row = template_child (group, WTW_TYPE_BACKUPS_GROUP, "now_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (now_row), ==, "No backup yet");
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (group, WTW_TYPE_BACKUPS_GROUP,
                                                                "restore_row")),
                   ==, "There is no backup in the folder yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "backups.back-up-now", NULL));
  g_assert_true (wtw_backups_get_busy (backups));
  wtw_test_iterate_until (backups_idle, NULL);
  g_assert_cmpuint (count_backups (), ==, 1);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (now_row), "Latest: "));

  /* Restore now offers the backup, in a dialog asking for the secret. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "backups.restore", NULL));
  wtw_test_iterate_until (has_message_dialog, NULL);
  gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  keep_setting = g_strdup_printf ("%u", wtw_backups_get_keep (backups));
  g_assert_cmpstr (keep_setting, ==, "3");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_main_menu_action (void)
{
  WtwWindow *window = wtw_window_new (app);
  guint before = count_backups ();

  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (wtw_window_get_main_page (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wtw_window_get_main_page (window)),
                                             "main.back-up-now", NULL));
  wtw_test_iterate_until (backups_idle, NULL);
  g_assert_cmpuint (count_backups (), ==, before + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Issue 8: a damaged vault shows a clear page that offers the latest
 * backup; restoring it opens the vault again. */
static void
test_problem_page_offers_backup (void)
{
  WtwWindow *window = wtw_window_new (app);
  g_autofree char *path = g_file_get_path (wtw_session_get_file (session));
  g_autofree char *bytes = NULL;
  GtkWidget *restore_button;
  AdwMessageDialog *dialog;
  gboolean done = FALSE;
  gsize len;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (count_backups (), >, 0);
  restore_button = template_child (window, WTW_TYPE_WINDOW, "restore_backup_button");

  /* Damage the first page, which every unlock reads. */
  wtw_session_lock (session);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  bytes[8192 + 200] ^= 0x40;
  g_assert_true (g_file_set_contents (path, bytes, (gssize) len, NULL));
  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                            unlock_cb, &done);
  wtw_test_iterate_until (is_true, &done);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_PROBLEM);
  g_assert_true (gtk_widget_get_visible (restore_button));

  /* A wrong passphrase changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-latest-backup", NULL));
  wtw_test_iterate_until (has_message_dialog, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "secret"), "not the passphrase");
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wtw_test_iterate_until (backups_idle, NULL);
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_PROBLEM);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-latest-backup", NULL));
  wtw_test_iterate_until (has_message_dialog, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "secret"), WTW_TEST_PASSPHRASE);
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wtw_test_iterate_until (is_unlocked, window);

  /* The damaged file is kept beside the restored one. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint kept = 0;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      kept += g_str_has_prefix (name, "vault.wtw.before-restore-");
    g_assert_cmpuint (kept, ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_damaged (gpointer data)
{
  return wtw_session_get_damage (session) != NULL;
}

/* A page changed under the open vault: a bar above the views says so and
 * the views stay, so unsaved words can be copied; locking then shows the
 * page that offers the latest backup. */
static void
test_damaged_while_open (void)
{
  WtwWindow *window = wtw_window_new (app);
  g_autofree char *path = g_file_get_path (wtw_session_get_file (session));
  g_autoptr(GError) error = NULL;
  WtwMainPage *main_page;
  GtkInfoBar *bar;
  goffset size;
  FILE *file;
  int byte;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_UNLOCKED);
  main_page = wtw_window_get_main_page (window);
  g_assert_nonnull (main_page);
  bar = template_child (main_page, WTW_TYPE_MAIN_PAGE, "damage_bar");
  g_assert_false (gtk_info_bar_get_revealed (bar));

  /* Another program changes the last page in place. */
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseeko (file, 0, SEEK_END), ==, 0);
  size = ftello (file);
  g_assert_cmpint (size, >, 8192 + 2 * 4096);
  g_assert_cmpint (fseeko (file, size - 1500, SEEK_SET), ==, 0);
  byte = fgetc (file);
  g_assert_cmpint (fseeko (file, size - 1500, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (byte ^ 0x08, file), !=, EOF);
  g_assert_cmpint (fclose (file), ==, 0);

  /* Any read that needs the page finds it; the check reads them all. */
  g_assert_false (wtw_vault_check (wtw_session_get_vault (session), NULL, &error));
  g_assert_error (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_CORRUPTED);
  wtw_test_iterate_until (is_damaged, NULL);
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_true (wtw_window_get_main_page (window) == main_page);
  {
    g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
    g_autofree char *png = g_build_filename (dir, "damaged-while-open.png", NULL);
    g_autoptr(GdkTexture) texture = NULL;

    gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
    /* The bar slides in; let it finish. */
    for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
         g_get_monotonic_time () < until;)
      g_main_context_iteration (NULL, FALSE);
    texture = wtw_test_render_widget (GTK_WIDGET (window));
    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
    g_assert_true (gdk_texture_save_to_png (texture, png));
    g_assert_cmpuint (wtw_test_count_colors (texture), >, 20);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL));
  g_assert_cmpint (wtw_session_get_state (session), ==, WTW_SESSION_STATE_PROBLEM);
  g_assert_null (wtw_window_get_main_page (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (window, WTW_TYPE_WINDOW,
                                                                     "lock_stack")),
                   ==, "problem");
  g_assert_true (gtk_widget_get_visible (template_child (window, WTW_TYPE_WINDOW,
                                                         "restore_backup_button")));
  g_assert_nonnull (strstr (adw_status_page_get_description (template_child (window, WTW_TYPE_WINDOW,
                                                                             "problem_page")),
                            "while it was open"));
  {
    g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots",
                                                  "damaged-then-locked.png", NULL);
    g_autoptr(GdkTexture) texture = NULL;

    for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
         g_get_monotonic_time () < until;)
      g_main_context_iteration (NULL, FALSE);
    texture = wtw_test_render_widget (GTK_WIDGET (window));
    g_assert_true (gdk_texture_save_to_png (texture, png));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  session = wtw_application_get_session (app);
  backups = wtw_application_get_backups (app);
  wtw_test_app_create_vault (app);

  g_test_add_func ("/wtw/backups-ui/preferences-group", test_preferences_group);
  g_test_add_func ("/wtw/backups-ui/main-menu-action", test_main_menu_action);
  g_test_add_func ("/wtw/backups-ui/problem-page-offers-backup", test_problem_page_offers_backup);
  g_test_add_func ("/wtw/backups-ui/damaged-while-open", test_damaged_while_open);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
