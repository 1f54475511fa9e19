/* wtw-journal-item.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-journal-item"

#include "config.h"

#include "wtw-journal-item.h"

/**
 * WtwJournalItem:
 *
 * One entry as the journal list shows it: never its body, only the first
 * line. Items do not change; when an entry changes, #WtwJournalModel hands
 * out a new item in its place. A sealed item (another member's private
 * entry) has an id, a date and nothing else.
 */
struct _WtwJournalItem
{
  GObject   parent_instance;

  gint64    id;
  gint64    created;
  char     *title;
  char     *first_line;
  char     *snippet;
  char     *mood;
  char    **tags;
  guint     is_private : 1;
  guint     sealed : 1;
  guint     starts_month : 1;
};

G_DEFINE_FINAL_TYPE (WtwJournalItem, wtw_journal_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_TITLE,
  PROP_FIRST_LINE,
  PROP_SNIPPET,
  PROP_MOOD,
  PROP_TAGS,
  PROP_IS_PRIVATE,
  PROP_SEALED,
  PROP_STARTS_MONTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_journal_item_finalize (GObject *object)
{
  WtwJournalItem *self = (WtwJournalItem *)object;

  g_free (self->title);
  g_free (self->first_line);
  g_free (self->snippet);
  g_free (self->mood);
  g_strfreev (self->tags);

  G_OBJECT_CLASS (wtw_journal_item_parent_class)->finalize (object);
}

static void
wtw_journal_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WtwJournalItem *self = WTW_JOURNAL_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FIRST_LINE:
      g_value_set_string (value, self->first_line);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_MOOD:
      g_value_set_string (value, self->mood);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_IS_PRIVATE:
      g_value_set_boolean (value, self->is_private);
      break;

    case PROP_SEALED:
      g_value_set_boolean (value, self->sealed);
      break;

    case PROP_STARTS_MONTH:
      g_value_set_boolean (value, self->starts_month);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_item_class_init (WtwJournalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = wtw_journal_item_finalize;
  object_class->get_property = wtw_journal_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * WtwJournalItem:first-line:
   *
   * The first line of the body, for entries without a title.
   */
  properties[PROP_FIRST_LINE] = g_param_spec_string ("first-line", NULL, NULL, NULL, flags);

  /**
   * WtwJournalItem:snippet:
   *
   * In search results, an excerpt with the matched words marked (see
   * %WTW_JOURNAL_MATCH_START).
   */
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  properties[PROP_MOOD] = g_param_spec_string ("mood", NULL, NULL, NULL, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_IS_PRIVATE] = g_param_spec_boolean ("is-private", NULL, NULL, FALSE, flags);
  properties[PROP_SEALED] = g_param_spec_boolean ("sealed", NULL, NULL, FALSE, flags);

  /**
   * WtwJournalItem:starts-month:
   *
   * Whether the entry before this one in the list is from another month (or
   * there is none), so the list shows the month's heading above it.
   */
  properties[PROP_STARTS_MONTH] =
    g_param_spec_boolean ("starts-month", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_journal_item_init (WtwJournalItem *self)
{
}

/**
 * wtw_journal_item_new:
 * @row: a row from wtw_vault_journal_query()
 * @starts_month: whether the row before it is from another month
 *
 * Returns: (transfer full): a new #WtwJournalItem
 */
WtwJournalItem *
wtw_journal_item_new (const WtwJournalRow *row,
                      gboolean             starts_month)
{
  WtwJournalItem *self;
  static const char * const no_tags[] = { NULL };

  g_return_val_if_fail (row != NULL && row->entry != NULL, NULL);

  self = g_object_new (WTW_TYPE_JOURNAL_ITEM, NULL);
  self->id = row->entry->id;
  self->created = row->entry->created;
  self->is_private = !!row->entry->is_private;
  self->sealed = !!row->entry->sealed;
  self->starts_month = !!starts_month;
  self->tags = g_strdupv (row->tags != NULL && !self->sealed ? row->tags : (char **) no_tags);
  if (self->sealed)
    return self;
  self->title = g_strdup (row->entry->title);
  self->first_line = g_strdup (row->first_line);
  self->snippet = g_strdup (row->snippet);
  self->mood = g_strdup (row->entry->mood);
  return self;
}

gint64
wtw_journal_item_get_id (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), 0);
  return self->id;
}

gint64
wtw_journal_item_get_created (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), 0);
  return self->created;
}

const char *
wtw_journal_item_get_title (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), NULL);
  return self->title;
}

const char *
wtw_journal_item_get_first_line (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), NULL);
  return self->first_line;
}

const char *
wtw_journal_item_get_snippet (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), NULL);
  return self->snippet;
}

const char *
wtw_journal_item_get_mood (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), NULL);
  return self->mood;
}

/**
 * wtw_journal_item_get_tags:
 * @self: a #WtwJournalItem
 *
 * Returns: (transfer none): the tags, never %NULL
 */
const char * const *
wtw_journal_item_get_tags (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), NULL);
  return (const char * const *) self->tags;
}

gboolean
wtw_journal_item_get_is_private (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), FALSE);
  return self->is_private;
}

gboolean
wtw_journal_item_get_sealed (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), FALSE);
  return self->sealed;
}

gboolean
wtw_journal_item_get_starts_month (WtwJournalItem *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_ITEM (self), FALSE);
  return self->starts_month;
}
