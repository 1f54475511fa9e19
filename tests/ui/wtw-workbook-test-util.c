/* wtw-workbook-test-util.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wtw-test-app.h"
#include "wtw-workbook-test-util.h"
#include "wtw-workbook-view.h"

/**
 * wtw_workbook_test_window_new:
 *
 * A window like the main one: a header bar over a #WtwWorkbookView.
 */
GtkWindow *
wtw_workbook_test_window_new (WtwContent  *content,
                              int          width,
                              int          height,
                              GtkWidget  **view)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  *view = wtw_workbook_view_new (content);
  gtk_widget_set_vexpand (*view, TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Words That Work", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), *view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wtw_workbook_test_settle (window);

  return GTK_WINDOW (window);
}

gpointer
wtw_workbook_test_child (gpointer    widget,
                         GType       type,
                         const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

/* Runs the shortcut @widget has for the key, as pressing it would, and
 * says whether one took it. */
gboolean
wtw_workbook_test_press (GtkWidget       *widget,
                         guint            keyval,
                         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

void
wtw_workbook_test_settle (GtkWidget *widget)
{
  gint64 deadline;

  wtw_test_iterate_until (wtw_test_is_mapped, widget);
  gtk_test_widget_wait_for_draw (widget);

  /* Let transitions (leaflet, crossfades, dark switch) finish. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

gint64
wtw_workbook_test_fake_clock (gpointer user_data)
{
  return *(gint64 *)user_data;
}
