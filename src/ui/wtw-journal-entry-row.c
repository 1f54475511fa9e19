/* wtw-journal-entry-row.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-journal-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-journal-entry-row.h"

/**
 * WtwJournalEntryRow:
 *
 * One entry in the journal list: the month's heading when the entry starts
 * a month, then its date, its title (or first line), an excerpt with the
 * matched words in search results, and its mood and tags. Another member's
 * private entry shows "Private entry" and its date, nothing else. The row's
 * accessible label says all of it in one sentence.
 */
struct _WtwJournalEntryRow
{
  GtkWidget       parent_instance;

  WtwJournalItem *item;

  /* Template widgets */
  GtkLabel       *month_label;
  GtkLabel       *date_label;
  GtkLabel       *title_label;
  GtkLabel       *excerpt_label;
  GtkLabel       *details_label;
  GtkImage       *private_image;
};

G_DEFINE_FINAL_TYPE (WtwJournalEntryRow, wtw_journal_entry_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_time (gint64      created,
             const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (created);

  return time != NULL ? g_date_time_format (time, format) : g_strdup ("");
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static char *
describe_details (WtwJournalItem *item)
{
  const char * const *tags = wtw_journal_item_get_tags (item);
  const char *mood = wtw_journal_item_get_mood (item);
  g_autoptr(GString) details = g_string_new (NULL);

  if (mood != NULL)
    g_string_append (details, wtw_journal_mood_label (mood));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (details, "%s#%s", details->len > 0 ? "  " : "", tags[i]);
  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
update (WtwJournalEntryRow *self)
{
  WtwJournalItem *item = self->item;
  g_autofree char *month = NULL;
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *accessible = NULL;
  const char *title;

  if (item == NULL)
    return;

  month = format_time (wtw_journal_item_get_created (item), "%B %Y");
  /* The month is in the heading, except in search results. */
  date = format_time (wtw_journal_item_get_created (item),
                      wtw_journal_item_get_snippet (item) != NULL ? _("%-d %B %Y, %H:%M")
                                                                  : _("%A %-d, %H:%M"));
  g_strstrip (date);
  set_label (self->month_label, wtw_journal_item_get_starts_month (item) ? month : NULL);
  set_label (self->date_label, date);
  gtk_widget_set_visible (GTK_WIDGET (self->private_image), wtw_journal_item_get_is_private (item));

  if (wtw_journal_item_get_sealed (item))
    {
      set_label (self->title_label, _("Private entry"));
      set_label (self->excerpt_label, NULL);
      set_label (self->details_label, NULL);
      accessible = g_strdup_printf (_("Private entry, %s"), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      return;
    }

  title = wtw_journal_item_get_title (item);
  excerpt = wtw_journal_markup_snippet (wtw_journal_item_get_snippet (item));
  /* Outside search results, an entry with a title shows its first line. */
  if (excerpt == NULL && title != NULL && *title != '\0'
      && wtw_journal_item_get_first_line (item) != NULL)
    excerpt = g_markup_escape_text (wtw_journal_item_get_first_line (item), -1);
  if (title == NULL || *title == '\0')
    title = wtw_journal_item_get_first_line (item);
  if (title == NULL || *title == '\0')
    title = _("Untitled entry");
  set_label (self->title_label, title);

  /* Wrapped labels cost a height-for-width measure: only search results,
   * whose match may sit past the end of one line, get two lines. */
  gtk_label_set_wrap (self->excerpt_label, wtw_journal_item_get_snippet (item) != NULL);
  gtk_label_set_lines (self->excerpt_label, wtw_journal_item_get_snippet (item) != NULL ? 2 : -1);
  gtk_label_set_markup (self->excerpt_label, excerpt != NULL ? excerpt : "");
  gtk_widget_set_visible (GTK_WIDGET (self->excerpt_label), excerpt != NULL);

  details = describe_details (item);
  set_label (self->details_label, details);

  /* Translators: a journal entry in the list: its title, when it was
   * written, then its mood and tags */
  accessible = g_strdup_printf (_("%s, %s%s%s"), title, date, *details ? ", " : "", details);
  if (wtw_journal_item_get_starts_month (item))
    {
      g_autofree char *with_month = g_strdup_printf ("%s: %s", month, accessible);

      g_free (accessible);
      accessible = g_steal_pointer (&with_month);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
wtw_journal_entry_row_dispose (GObject *object)
{
  WtwJournalEntryRow *self = (WtwJournalEntryRow *)object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_JOURNAL_ENTRY_ROW);
  /* Children without an id are not unparented by dispose_template(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (wtw_journal_entry_row_parent_class)->dispose (object);
}

static void
wtw_journal_entry_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WtwJournalEntryRow *self = WTW_JOURNAL_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_entry_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WtwJournalEntryRow *self = WTW_JOURNAL_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      wtw_journal_entry_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_entry_row_class_init (WtwJournalEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wtw_journal_entry_row_dispose;
  object_class->get_property = wtw_journal_entry_row_get_property;
  object_class->set_property = wtw_journal_entry_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         WTW_TYPE_JOURNAL_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-journal-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwJournalEntryRow, month_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalEntryRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalEntryRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalEntryRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalEntryRow, private_image);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wtw_journal_entry_row_init (WtwJournalEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
wtw_journal_entry_row_new (void)
{
  return g_object_new (WTW_TYPE_JOURNAL_ENTRY_ROW, NULL);
}

WtwJournalItem *
wtw_journal_entry_row_get_item (WtwJournalEntryRow *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ENTRY_ROW (self), NULL);

  return self->item;
}

void
wtw_journal_entry_row_set_item (WtwJournalEntryRow *self,
                                WtwJournalItem     *item)
{
  g_return_if_fail (WTW_IS_JOURNAL_ENTRY_ROW (self));
  g_return_if_fail (!item || WTW_IS_JOURNAL_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * wtw_journal_mood_label:
 * @mood: a mood as stored (see wtw_journal_editor_get_moods())
 *
 * Returns: the mood as people read it
 */
const char *
wtw_journal_mood_label (const char *mood)
{
  static const struct { const char *mood; const char *label; } labels[] = {
    { "joyful", N_("Joyful") },
    { "calm", N_("Calm") },
    { "grateful", N_("Grateful") },
    { "hopeful", N_("Hopeful") },
    { "tired", N_("Tired") },
    { "anxious", N_("Anxious") },
    { "sad", N_("Sad") },
    { "angry", N_("Angry") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (mood, labels[i].mood) == 0)
      return _(labels[i].label);
  return mood;
}

/**
 * wtw_journal_markup_snippet:
 * @snippet: (nullable): an excerpt with matches marked by the store
 *
 * Returns: (nullable): Pango markup with the text escaped and the matched
 *   words in bold, or %NULL
 */
char *
wtw_journal_markup_snippet (const char *snippet)
{
  g_autoptr(GString) markup = NULL;
  g_auto(GStrv) parts = NULL;

  if (snippet == NULL || *snippet == '\0')
    return NULL;

  markup = g_string_new (NULL);
  parts = g_strsplit_set (snippet, WTW_JOURNAL_MATCH_START WTW_JOURNAL_MATCH_END, -1);
  /* Split on both markers, the parts alternate: outside, match, outside… */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (parts[i], -1);

      g_strdelimit (escaped, "\n\r", ' ');
      if (i % 2 == 1)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
