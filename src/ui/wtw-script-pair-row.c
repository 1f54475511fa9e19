/* wtw-script-pair-row.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-script-pair-row"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-script-pair-row.h"

/**
 * WtwScriptPairRow:
 *
 * One script of “Instead of These Words, Try…”: the situation, the words
 * that shut a conversation down beside the words that open it, and why.
 * Narrower than about 560 pixels the two stack, each under its heading.
 */
struct _WtwScriptPairRow
{
  AdwBin         parent_instance;

  WtwScriptPair *pair;

  /* Template widgets */
  GtkLabel      *situation_label;
  AdwSqueezer   *squeezer;
  GtkWidget     *columns_box;
  GtkWidget     *stacked_box;
  GtkLabel      *instead_label;
  GtkLabel      *try_label;
  GtkLabel      *stacked_instead_label;
  GtkLabel      *stacked_try_label;
  GtkLabel      *why_label;
};

G_DEFINE_FINAL_TYPE (WtwScriptPairRow, wtw_script_pair_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAIR,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (WtwScriptPairRow *self)
{
  const char *instead = wtw_script_pair_get_instead (self->pair);
  const char *try = wtw_script_pair_get_try (self->pair);

  gtk_label_set_text (self->situation_label, wtw_script_pair_get_situation (self->pair));
  gtk_label_set_text (self->instead_label, instead);
  gtk_label_set_text (self->stacked_instead_label, instead);
  gtk_label_set_text (self->try_label, try);
  gtk_label_set_text (self->stacked_try_label, try);
  gtk_label_set_text (self->why_label, wtw_script_pair_get_why (self->pair));
}

static void
on_squeezer_visible_child_changed_cb (WtwScriptPairRow *self,
                                      GParamSpec       *pspec,
                                      AdwSqueezer      *squeezer)
{
  gboolean stacked;

  /* The template may switch before its children are bound. */
  if (self->columns_box == NULL)
    return;

  stacked = wtw_script_pair_row_get_stacked (self);
  /* Both layouts carry the same words: only the one on show may be read. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->columns_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, stacked,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->stacked_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !stacked,
                               -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

static void
wtw_script_pair_row_constructed (GObject *object)
{
  WtwScriptPairRow *self = (WtwScriptPairRow *)object;

  G_OBJECT_CLASS (wtw_script_pair_row_parent_class)->constructed (object);

  g_assert (WTW_IS_SCRIPT_PAIR (self->pair));
  update_labels (self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->situation_label, NULL,
                                  -1);
  on_squeezer_visible_child_changed_cb (self, NULL, self->squeezer);
}

static void
wtw_script_pair_row_dispose (GObject *object)
{
  WtwScriptPairRow *self = (WtwScriptPairRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_SCRIPT_PAIR_ROW);
  g_clear_object (&self->pair);

  G_OBJECT_CLASS (wtw_script_pair_row_parent_class)->dispose (object);
}

static void
wtw_script_pair_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WtwScriptPairRow *self = WTW_SCRIPT_PAIR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      g_value_set_object (value, self->pair);
      break;

    case PROP_STACKED:
      g_value_set_boolean (value, wtw_script_pair_row_get_stacked (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_script_pair_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WtwScriptPairRow *self = WTW_SCRIPT_PAIR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      self->pair = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_script_pair_row_class_init (WtwScriptPairRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wtw_script_pair_row_constructed;
  object_class->dispose = wtw_script_pair_row_dispose;
  object_class->get_property = wtw_script_pair_row_get_property;
  object_class->set_property = wtw_script_pair_row_set_property;

  /**
   * WtwScriptPairRow:pair:
   *
   * The script shown.
   */
  properties[PROP_PAIR] =
    g_param_spec_object ("pair", NULL, NULL,
                         WTW_TYPE_SCRIPT_PAIR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwScriptPairRow:stacked:
   *
   * Whether the two versions are shown one above the other, for lack of
   * room side by side.
   */
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/wtw-script-pair-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, situation_label);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, squeezer);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, columns_box);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, stacked_box);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, instead_label);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, try_label);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, stacked_instead_label);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, stacked_try_label);
  gtk_widget_class_bind_template_child (widget_class, WtwScriptPairRow, why_label);
  gtk_widget_class_bind_template_callback (widget_class, on_squeezer_visible_child_changed_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wtw_script_pair_row_init (WtwScriptPairRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wtw_script_pair_row_new:
 * @pair: the script to show
 *
 * Returns: (transfer floating): a new #WtwScriptPairRow
 */
GtkWidget *
wtw_script_pair_row_new (WtwScriptPair *pair)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR (pair), NULL);

  return g_object_new (WTW_TYPE_SCRIPT_PAIR_ROW, "pair", pair, NULL);
}

/**
 * wtw_script_pair_row_get_pair:
 * @self: a #WtwScriptPairRow
 *
 * Returns: (transfer none): the script shown
 */
WtwScriptPair *
wtw_script_pair_row_get_pair (WtwScriptPairRow *self)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR_ROW (self), NULL);

  return self->pair;
}

/**
 * wtw_script_pair_row_get_stacked:
 * @self: a #WtwScriptPairRow
 *
 * Returns: whether the two versions are one above the other
 */
gboolean
wtw_script_pair_row_get_stacked (WtwScriptPairRow *self)
{
  g_return_val_if_fail (WTW_IS_SCRIPT_PAIR_ROW (self), FALSE);

  return adw_squeezer_get_visible_child (self->squeezer) == self->stacked_box;
}
