/* wtw-window.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-application.h"
#include "wtw-settings.h"
#include "wtw-window.h"

struct _WtwWindow
{
  AdwApplicationWindow  parent_instance;

  WtwSettings          *settings;

  /* Template widgets */
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
};

G_DEFINE_FINAL_TYPE (WtwWindow, wtw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VISIBLE_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const views[] = { "workbook", "journal", "quiz", NULL };

static gboolean
is_known_view (const char *view)
{
  return view != NULL && g_strv_contains ((const char * const *)views, view);
}

static void
on_stack_visible_child_name_changed_cb (WtwWindow    *self,
                                        GParamSpec   *pspec,
                                        AdwViewStack *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

/* GtkApplication would build the shortcuts window for every new window at
 * start-up; building it on first use keeps that cost off the first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/wtw-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
restore_window_state (WtwWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               wtw_settings_get_window_width (self->settings),
                               wtw_settings_get_window_height (self->settings));
  if (wtw_settings_get_window_maximized (self->settings))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
wtw_window_close_request (GtkWindow *window)
{
  WtwWindow *self = WTW_WINDOW (window);
  int width, height;

  /* The default size tracks the unmaximized size, which is what we want to
   * restore; the maximized flag is kept apart. */
  gtk_window_get_default_size (window, &width, &height);
  if (self->settings != NULL)
    wtw_settings_save_window_state (self->settings, width, height,
                                    gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (wtw_window_parent_class)->close_request (window);
}

static void
wtw_window_constructed (GObject *object)
{
  WtwWindow *self = (WtwWindow *)object;
  GtkApplication *app;

  G_OBJECT_CLASS (wtw_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (WTW_IS_APPLICATION (app))
    self->settings = g_object_ref (wtw_application_get_settings (WTW_APPLICATION (app)));
  else
    self->settings = wtw_settings_new (NULL);

  restore_window_state (self);
}

static void
wtw_window_dispose (GObject *object)
{
  WtwWindow *self = (WtwWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wtw_window_parent_class)->dispose (object);
}

static void
wtw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WtwWindow *self = WTW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, wtw_window_get_visible_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WtwWindow *self = WTW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_VIEW:
      wtw_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_window_class_init (WtwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wtw_window_constructed;
  object_class->dispose = wtw_window_dispose;
  object_class->get_property = wtw_window_get_property;
  object_class->set_property = wtw_window_set_property;

  window_class->close_request = wtw_window_close_request;

  /**
   * WtwWindow:visible-view:
   *
   * The view on show: "workbook", "journal" or "quiz".
   */
  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL,
                         "workbook",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WtwWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  /* win.view is stateful, so menus and tests can both read and set it. */
  gtk_widget_class_install_property_action (widget_class, "win.view", "visible-view");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.view", "s", "workbook");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.view", "s", "journal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.view", "s", "quiz");
}

static void
wtw_window_init (WtwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_window_new:
 * @application: the #WtwApplication
 *
 * Returns: (transfer full): a new main window
 */
WtwWindow *
wtw_window_new (WtwApplication *application)
{
  g_return_val_if_fail (WTW_IS_APPLICATION (application), NULL);

  return g_object_new (WTW_TYPE_WINDOW, "application", application, NULL);
}

/**
 * wtw_window_get_visible_view:
 * @self: a #WtwWindow
 *
 * Returns: the name of the view on show
 */
const char *
wtw_window_get_visible_view (WtwWindow *self)
{
  g_return_val_if_fail (WTW_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * wtw_window_set_visible_view:
 * @self: a #WtwWindow
 * @view: "workbook", "journal" or "quiz"
 *
 * Shows @view. Unknown names are ignored with a warning.
 */
void
wtw_window_set_visible_view (WtwWindow  *self,
                             const char *view)
{
  g_return_if_fail (WTW_IS_WINDOW (self));

  if (!is_known_view (view))
    {
      g_warning ("No view called “%s”", view ? view : "(null)");
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view);
}
