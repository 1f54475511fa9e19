/* test-preferences.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences as people use them: through the rows and their dialogs,
 * against a real vault.
 */

#include "config.h"

#include <adwaita.h>

#include "wtw-preferences-window.h"
#include "wtw-session.h"
#include "wtw-test-app.h"
#include "wtw-window.h"

#define PARTNER_PASSPHRASE "seven paper kites over harbor"

static WtwApplication *app;
static WtwSession *session;

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

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
fill (AdwMessageDialog *dialog,
      const char       *row,
      const char       *text)
{
  gpointer editable = g_object_get_data (G_OBJECT (dialog), row);

  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static gboolean
session_is_idle (gpointer data)
{
  return !wtw_session_get_busy (data);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static gboolean
has_toplevel_key_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The recovery key dialog: the key first, then the buttons, then a line
 * that says what became of it. */
static const char *
key_in_dialog (AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_BOX (box));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (box)));
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Copy, Print and Save are there; copying says so and leaves the dialog
 * open, so the key can be kept in more than one way. */
static void
check_key_buttons (AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *status = gtk_widget_get_last_child (box);

  g_assert_nonnull (find_named (box, "print-key"));
  g_assert_nonnull (find_named (box, "save-key"));
  g_assert_false (gtk_widget_get_visible (status));
  g_signal_emit_by_name (find_named (box, "copy-key"), "clicked");
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (status)), "Copied"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wtw_session_unlock_finish (WTW_SESSION (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
unlock_again (void)
{
  gboolean done = FALSE;

  wtw_session_unlock_async (session, WTW_TEST_PASSPHRASE, WTW_SECRET_PASSPHRASE, NULL,
                            unlocked_cb, &done);
  wtw_test_iterate_until (is_true, &done);
}

static gboolean
has_no_preferences (gpointer data)
{
  return find_toplevel (WTW_TYPE_PREFERENCES_WINDOW) == NULL
      && find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_new_recovery_key (void)
{
  WtwWindow *window = wtw_window_new (app);
  WtwPreferencesWindow *prefs;
  AdwMessageDialog *dialog;
  g_autofree char *first = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = WTW_PREFERENCES_WINDOW (find_toplevel (WTW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.new-recovery-key", NULL));
      dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      adw_message_dialog_response (dialog, "ok");
      gtk_window_destroy (GTK_WINDOW (dialog));
      /* Argon2id runs on a worker: the call returns with the session busy. */
      g_assert_true (wtw_session_get_busy (session));
      wtw_test_iterate_until (session_is_idle, session);
      wtw_test_iterate_until (has_toplevel_key_dialog, NULL);
      dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_cmpuint (strlen (key_in_dialog (dialog)), >=, 52);
      if (first == NULL)
        first = g_strdup (key_in_dialog (dialog));
      else
        g_assert_cmpstr (first, !=, key_in_dialog (dialog));
      check_key_buttons (dialog);
      if (round == 0)
        {
          adw_message_dialog_response (dialog, "done");
          gtk_window_destroy (GTK_WINDOW (dialog));
        }
    }

  /* Locking closes Preferences and the dialog that still shows a key. */
  wtw_session_lock (session);
  wtw_test_iterate_until (has_no_preferences, NULL);
  explicit_bzero (first, strlen (first));

  gtk_window_destroy (GTK_WINDOW (window));
  unlock_again ();
}

static void
test_partners (void)
{
  WtwWindow *window = wtw_window_new (app);
  WtwPreferencesWindow *prefs;
  AdwMessageDialog *dialog;
  GtkListBox *members;
  gpointer main_page;

  gtk_window_present (GTK_WINDOW (window));
  main_page = wtw_window_get_main_page (window);
  g_assert_nonnull (main_page);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = WTW_PREFERENCES_WINDOW (find_toplevel (WTW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  members = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (prefs), WTW_TYPE_PREFERENCES_WINDOW,
                                                         "members_list"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                       WTW_TYPE_PREFERENCES_WINDOW,
                                                                       "partners_group"))));
  /* One member, and a row to add the partner. */
  g_assert_cmpuint (count_rows (members), ==, 2);

  /* A weak partner passphrase is refused, and nothing is added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-partner", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  fill (dialog, "name", "Ben");
  fill (dialog, "new", "password");
  fill (dialog, "confirm", "password");
  adw_message_dialog_response (dialog, "ok");
  g_assert_false (wtw_session_get_busy (session));
  g_assert_cmpuint (count_rows (members), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-partner", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  fill (dialog, "name", "Ben");
  fill (dialog, "new", PARTNER_PASSPHRASE);
  fill (dialog, "confirm", PARTNER_PASSPHRASE);
  adw_message_dialog_response (dialog, "ok");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wtw_session_get_busy (session));
  wtw_test_iterate_until (session_is_idle, session);

  /* Two members now, no add row; the partner's recovery key is shown. */
  g_assert_cmpuint (count_rows (members), ==, 2);
  wtw_test_iterate_until (has_toplevel_key_dialog, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (strlen (key_in_dialog (dialog)), >=, 52);
  check_key_buttons (dialog);
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Switching to the partner rebuilds the main page for them. */
  g_object_add_weak_pointer (G_OBJECT (main_page), &main_page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.switch-partner", "s", "Ben"));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  fill (dialog, "passphrase", PARTNER_PASSPHRASE);
  adw_message_dialog_response (dialog, "ok");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wtw_test_iterate_until (session_is_idle, session);
  g_assert_cmpstr (wtw_vault_get_member_name (wtw_session_get_vault (session)), ==, "Ben");
  wtw_test_iterate_until (pointer_is_null, &main_page);
  g_assert_nonnull (wtw_window_get_main_page (window));

  /* Ben removes Ada: a new file with new keys, and one member left. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = WTW_PREFERENCES_WINDOW (find_toplevel (WTW_TYPE_PREFERENCES_WINDOW));
  members = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (prefs), WTW_TYPE_PREFERENCES_WINDOW,
                                                         "members_list"));
  g_assert_cmpuint (count_rows (members), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-partner", "x", (gint64)1));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "shared and private"));
  fill (dialog, "passphrase", PARTNER_PASSPHRASE);
  adw_message_dialog_response (dialog, "ok");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wtw_test_iterate_until (session_is_idle, session);
  g_assert_cmpstr (wtw_vault_get_member_name (wtw_session_get_vault (session)), ==, "Ben");
  /* Ben, and the row to add a partner again. */
  g_assert_cmpuint (count_rows (members), ==, 2);
  {
    g_autoptr(GPtrArray) left = wtw_session_list_members (session, NULL);

    g_assert_cmpuint (left->len, ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_locked_hides_vault_groups (void)
{
  WtwPreferencesWindow *prefs;

  wtw_session_lock (session);
  prefs = wtw_preferences_window_new (wtw_application_get_settings (app), session);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                        WTW_TYPE_PREFERENCES_WINDOW,
                                                                        "passphrase_group"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                        WTW_TYPE_PREFERENCES_WINDOW,
                                                                        "partners_group"))));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = wtw_test_app_new (&argc, &argv);
  session = wtw_application_get_session (app);
  wtw_test_app_create_vault (app);

  g_test_add_func ("/wtw/preferences/new-recovery-key", test_new_recovery_key);
  g_test_add_func ("/wtw/preferences/partners", test_partners);
  g_test_add_func ("/wtw/preferences/locked-hides-vault-groups", test_locked_hides_vault_groups);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
