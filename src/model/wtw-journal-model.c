/* wtw-journal-model.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-journal-model"

#include "config.h"

#include "wtw-journal-model.h"
#include "wtw-journal-model-private.h"

/**
 * WtwJournalModel:
 *
 * The journal as a #GListModel of #WtwJournalItem, newest first; while there
 * is search text, the newest written %WTW_JOURNAL_MODEL_MAX_RESULTS matches.
 *
 * Rows come from the vault a page of %WTW_JOURNAL_MODEL_PAGE_SIZE at a time,
 * when get_item() first asks for one of them; only the last few pages are
 * kept, so a journal of any length costs the same memory. The count is asked
 * for up front. Bodies are never loaded, only first lines.
 *
 * The model is also the way the app writes the journal (save, delete), so
 * that it can announce each change exactly: an insert, a removal or a change
 * in place, plus the row after it, whose month heading may come or go.
 * Deleting can wait for an undo: the row is hidden at once and the entry is
 * deleted when the caller says so, or at the latest when the vault locks.
 */

#define MAX_PAGES 8

struct _WtwJournalModel
{
  GObject     parent_instance;

  WtwSession *session;
  GHashTable *pages;
  GQueue      lru;
  GArray     *hidden;
  char       *text;
  char       *tag;
  char       *mood;
  gint64      from;
  gint64      to;
  guint       n_items;
  guint       n_fetches;
};

static void wtw_journal_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WtwJournalModel, wtw_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      wtw_journal_model_list_model_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_N_ITEMS,
  PROP_SEARCH_TEXT,
  PROP_TAG,
  PROP_MOOD,
  PROP_FILTERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static WtwVault *
get_vault (WtwJournalModel *self)
{
  return wtw_session_get_vault (self->session);
}

static gboolean
has_text (WtwJournalModel *self)
{
  return self->text != NULL && *self->text != '\0';
}

static void
fill_filter (WtwJournalModel  *self,
             WtwJournalFilter *filter)
{
  filter->text = has_text (self) ? self->text : NULL;
  filter->tag = self->tag;
  filter->mood = self->mood;
  filter->from = self->from;
  filter->to = self->to;
  filter->exclude = (const gint64 *) (gpointer) self->hidden->data;
  filter->n_exclude = self->hidden->len;
  filter->max_results = WTW_JOURNAL_MODEL_MAX_RESULTS;
}

static int
month_of (gint64 created)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (created);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return 0;
  return g_date_time_get_year (local) * 12 + g_date_time_get_month (local);
}

static void
clear_pages (WtwJournalModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

/* Rows at and after @position move or change: forget their pages. */
static void
invalidate_from (WtwJournalModel *self,
                 guint            position)
{
  guint first = position / WTW_JOURNAL_MODEL_PAGE_SIZE;
  GList *l = self->lru.head;

  while (l != NULL)
    {
      GList *next = l->next;
      guint page = GPOINTER_TO_UINT (l->data);

      if (page >= first)
        {
          g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
          g_queue_delete_link (&self->lru, l);
        }
      l = next;
    }
}

static gint64
count_rows (WtwJournalModel *self)
{
  WtwVault *vault = get_vault (self);
  g_autoptr(GError) error = NULL;
  WtwJournalFilter filter;
  gint64 n;

  if (vault == NULL)
    return 0;
  fill_filter (self, &filter);
  n = wtw_vault_journal_query_count (vault, &filter, &error);
  if (n < 0)
    g_message ("Could not count journal entries: %s", error->message);
  return MAX (n, 0);
}

static GPtrArray *
load_page (WtwJournalModel *self,
           guint            page)
{
  WtwVault *vault = get_vault (self);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  /* The row before the page tells whether the first row starts a month. */
  guint with_previous = page > 0 && !has_text (self) ? 1 : 0;
  guint offset = page * WTW_JOURNAL_MODEL_PAGE_SIZE - with_previous;
  WtwJournalFilter filter;
  int previous_month = -1;

  self->n_fetches++;
  g_debug ("Reading rows %u to %u", page * WTW_JOURNAL_MODEL_PAGE_SIZE,
           (page + 1) * WTW_JOURNAL_MODEL_PAGE_SIZE - 1);
  fill_filter (self, &filter);
  if (vault != NULL)
    rows = wtw_vault_journal_query (vault, &filter, offset,
                                    WTW_JOURNAL_MODEL_PAGE_SIZE + with_previous, &error);
  if (rows == NULL)
    {
      g_message ("Could not read journal entries: %s",
                 error != NULL ? error->message : "the vault is locked");
      return items;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      WtwJournalRow *row = g_ptr_array_index (rows, i);
      int month = month_of (row->entry->created);

      if (i >= with_previous)
        g_ptr_array_add (items, wtw_journal_item_new (row, !has_text (self)
                                                           && month != previous_month));
      previous_month = month;
    }
  return items;
}

static GPtrArray *
get_page (WtwJournalModel *self,
          guint            page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      GList *link = g_queue_find (&self->lru, GUINT_TO_POINTER (page));

      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      return items;
    }

  items = load_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (self->lru.length > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  return items;
}

/* A row the vault could not give (it changed under us): something to show
 * until the reload that is on its way. */
static WtwJournalItem *
placeholder_item (void)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  WtwJournalRow row = { entry, NULL, NULL, NULL };

  entry->sealed = TRUE;
  return wtw_journal_item_new (&row, FALSE);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  wtw_journal_model_reload (user_data);
  return G_SOURCE_REMOVE;
}

static GType
wtw_journal_model_get_item_type (GListModel *model)
{
  return WTW_TYPE_JOURNAL_ITEM;
}

static guint
wtw_journal_model_get_n_items (GListModel *model)
{
  return WTW_JOURNAL_MODEL (model)->n_items;
}

static gpointer
wtw_journal_model_get_item (GListModel *model,
                            guint       position)
{
  WtwJournalModel *self = WTW_JOURNAL_MODEL (model);
  guint page = position / WTW_JOURNAL_MODEL_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = get_page (self, page);
  if (position - page * WTW_JOURNAL_MODEL_PAGE_SIZE < items->len)
    return g_object_ref (g_ptr_array_index (items, position - page * WTW_JOURNAL_MODEL_PAGE_SIZE));

  g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, g_object_ref (self), g_object_unref);
  return placeholder_item ();
}

static void
wtw_journal_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wtw_journal_model_get_item_type;
  iface->get_n_items = wtw_journal_model_get_n_items;
  iface->get_item = wtw_journal_model_get_item;
}

/* Announces that the entry at @position was inserted, removed or changed,
 * given the counts before and after. The row after it is announced too: its
 * month heading depends on the row before it. */
static void
announce (WtwJournalModel *self,
          guint            position,
          guint            old_n,
          guint            new_n,
          gboolean         in_place)
{
  guint removed, added;

  invalidate_from (self, position);
  self->n_items = new_n;
  if (new_n > old_n)
    {
      removed = position < old_n ? 1 : 0;
      added = removed + 1;
    }
  else if (new_n < old_n)
    {
      removed = position + 1 < old_n ? 2 : 1;
      added = removed - 1;
    }
  else if (in_place)
    removed = added = 1;
  else
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
entry_at (WtwJournalModel *self,
          guint            position,
          gint64           id)
{
  g_autoptr(GPtrArray) rows = NULL;
  WtwJournalFilter filter;

  fill_filter (self, &filter);
  rows = wtw_vault_journal_query (get_vault (self), &filter, position, 1, NULL);
  return rows != NULL && rows->len == 1
         && ((WtwJournalRow *) g_ptr_array_index (rows, 0))->entry->id == id;
}

static gboolean
lookup_loaded (WtwJournalModel *self,
               gint64           id,
               guint           *position,
               gint64          *created)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (wtw_journal_item_get_id (g_ptr_array_index (items, i)) == id)
          {
            *position = GPOINTER_TO_UINT (key) * WTW_JOURNAL_MODEL_PAGE_SIZE + i;
            *created = wtw_journal_item_get_created (g_ptr_array_index (items, i));
            return TRUE;
          }
    }
  return FALSE;
}

/* After the entry @id (created at @created) was written, hidden or shown. */
static void
refresh_entry (WtwJournalModel *self,
               gint64           id,
               gint64           created)
{
  g_autoptr(GError) error = NULL;
  WtwJournalFilter filter;
  guint old_n = self->n_items;
  guint new_n;
  gint64 position;

  if (get_vault (self) == NULL)
    {
      wtw_journal_model_reload (self);
      return;
    }
  if (has_text (self))
    {
      guint loaded;
      gint64 loaded_created;

      /* A changed entry keeps its place among the matches until the
       * search changes; anything else, reload. */
      new_n = count_rows (self);
      if (new_n == old_n && lookup_loaded (self, id, &loaded, &loaded_created))
        announce (self, loaded, old_n, new_n, TRUE);
      else
        wtw_journal_model_reload (self);
      return;
    }

  fill_filter (self, &filter);
  new_n = count_rows (self);
  position = wtw_vault_journal_query_position (get_vault (self), &filter, created, id, &error);
  if (position < 0)
    {
      g_message ("Could not place journal entry: %s", error->message);
      wtw_journal_model_reload (self);
      return;
    }
  announce (self, position, old_n, new_n, new_n == old_n && entry_at (self, position, id));
}

static gint64
created_of (WtwJournalModel  *self,
            gint64            id,
            GError          **error)
{
  g_autoptr(WtwJournalEntry) entry = NULL;
  guint position;
  gint64 created;

  if (lookup_loaded (self, id, &position, &created))
    return created;
  entry = wtw_vault_journal_get (get_vault (self), id, error);
  return entry != NULL ? entry->created : -1;
}

static gboolean
is_hidden (WtwJournalModel *self,
           gint64           id,
           guint           *index)
{
  for (guint i = 0; i < self->hidden->len; i++)
    if (g_array_index (self->hidden, gint64, i) == id)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

static void
on_session_locking_cb (WtwJournalModel *self,
                       WtwSession      *session)
{
  wtw_journal_model_finish_all_deletes (self);
}

static void
on_session_state_changed_cb (WtwJournalModel *self,
                             GParamSpec      *pspec,
                             WtwSession      *session)
{
  /* Locked: forget every row, so nothing read stays in memory. */
  if (get_vault (self) == NULL)
    g_array_set_size (self->hidden, 0);
  wtw_journal_model_reload (self);
}

static void
set_string (WtwJournalModel  *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  wtw_journal_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

static void
wtw_journal_model_constructed (GObject *object)
{
  WtwJournalModel *self = (WtwJournalModel *)object;

  G_OBJECT_CLASS (wtw_journal_model_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "locking",
                           G_CALLBACK (on_session_locking_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed_cb), self, G_CONNECT_SWAPPED);
  self->n_items = count_rows (self);
}

static void
wtw_journal_model_dispose (GObject *object)
{
  WtwJournalModel *self = (WtwJournalModel *)object;

  if (self->session != NULL)
    wtw_journal_model_finish_all_deletes (self);
  clear_pages (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_journal_model_parent_class)->dispose (object);
}

static void
wtw_journal_model_finalize (GObject *object)
{
  WtwJournalModel *self = (WtwJournalModel *)object;

  g_hash_table_unref (self->pages);
  g_array_unref (self->hidden);
  g_free (self->text);
  g_free (self->tag);
  g_free (self->mood);

  G_OBJECT_CLASS (wtw_journal_model_parent_class)->finalize (object);
}

static void
wtw_journal_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WtwJournalModel *self = WTW_JOURNAL_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    case PROP_MOOD:
      g_value_set_string (value, self->mood);
      break;

    case PROP_FILTERED:
      g_value_set_boolean (value, wtw_journal_model_get_filtered (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WtwJournalModel *self = WTW_JOURNAL_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SEARCH_TEXT:
      wtw_journal_model_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_TAG:
      wtw_journal_model_set_tag (self, g_value_get_string (value));
      break;

    case PROP_MOOD:
      wtw_journal_model_set_mood (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_model_class_init (WtwJournalModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = wtw_journal_model_constructed;
  object_class->dispose = wtw_journal_model_dispose;
  object_class->finalize = wtw_journal_model_finalize;
  object_class->get_property = wtw_journal_model_get_property;
  object_class->set_property = wtw_journal_model_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwJournalModel:search-text:
   *
   * Free text to look for in titles and bodies; results are then the newest
   * written matches, without month headings. Private entries are never
   * found by text.
   */
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, rw);
  properties[PROP_MOOD] = g_param_spec_string ("mood", NULL, NULL, NULL, rw);

  /**
   * WtwJournalModel:filtered:
   *
   * Whether any filter (text, tag, mood, dates) is set.
   */
  properties[PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_journal_model_init (WtwJournalModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->hidden = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->lru);
}

/**
 * wtw_journal_model_new:
 * @session: the session whose vault holds the journal
 *
 * Returns: (transfer full): a new #WtwJournalModel, empty while the vault is
 *   locked
 */
WtwJournalModel *
wtw_journal_model_new (WtwSession *session)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_JOURNAL_MODEL, "session", session, NULL);
}

WtwSession *
wtw_journal_model_get_session (WtwJournalModel *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), NULL);

  return self->session;
}

/**
 * wtw_journal_model_reload:
 * @self: a #WtwJournalModel
 *
 * Forgets every row and counts again, announcing the whole list as changed.
 */
void
wtw_journal_model_reload (WtwJournalModel *self)
{
  guint old_n;

  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  old_n = self->n_items;
  clear_pages (self);
  /* Removed, then added, in two steps: a list view that gets both in one
   * change looks up every added row among the removed ones, which would
   * read the whole journal. */
  self->n_items = 0;
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->n_items = count_rows (self);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

const char *
wtw_journal_model_get_search_text (WtwJournalModel *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), NULL);

  return self->text;
}

void
wtw_journal_model_set_search_text (WtwJournalModel *self,
                                   const char      *text)
{
  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  set_string (self, &self->text, text, PROP_SEARCH_TEXT);
}

const char *
wtw_journal_model_get_tag (WtwJournalModel *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), NULL);

  return self->tag;
}

void
wtw_journal_model_set_tag (WtwJournalModel *self,
                           const char      *tag)
{
  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  set_string (self, &self->tag, tag, PROP_TAG);
}

const char *
wtw_journal_model_get_mood (WtwJournalModel *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), NULL);

  return self->mood;
}

void
wtw_journal_model_set_mood (WtwJournalModel *self,
                            const char      *mood)
{
  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  set_string (self, &self->mood, mood, PROP_MOOD);
}

/**
 * wtw_journal_model_set_date_range:
 * @self: a #WtwJournalModel
 * @from: Unix time, inclusive; 0 for no bound
 * @to: Unix time, exclusive; 0 for no bound
 *
 * Shows only the entries written in a period, such as a day.
 */
void
wtw_journal_model_set_date_range (WtwJournalModel *self,
                                  gint64           from,
                                  gint64           to)
{
  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  if (self->from == from && self->to == to)
    return;

  self->from = from;
  self->to = to;
  wtw_journal_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

void
wtw_journal_model_get_date_range (WtwJournalModel *self,
                                  gint64          *from,
                                  gint64          *to)
{
  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
}

gboolean
wtw_journal_model_get_filtered (WtwJournalModel *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), FALSE);

  return has_text (self) || self->tag != NULL || self->mood != NULL
         || self->from != 0 || self->to != 0;
}

/**
 * wtw_journal_model_get_grouped:
 * @self: a #WtwJournalModel
 *
 * Returns: whether the list is in date order, so items may start a month
 */
gboolean
wtw_journal_model_get_grouped (WtwJournalModel *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), FALSE);

  return !has_text (self);
}

/**
 * wtw_journal_model_save:
 * @self: a #WtwJournalModel
 * @entry: the entry; inserted when its id is 0 (which sets id, created…),
 *   updated otherwise
 * @tags: (nullable) (array zero-terminated=1): its tags (sealed with a
 *   private entry)
 * @error: return location for a #GError
 *
 * Writes an entry and its tags, and announces the change.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_journal_model_save (WtwJournalModel     *self,
                        WtwJournalEntry     *entry,
                        const char * const  *tags,
                        GError             **error)
{
  WtwVault *vault;
  gboolean is_new;

  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  vault = get_vault (self);
  if (vault == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }

  is_new = entry->id == 0;
  /* The vault seals a private entry's tags with its text. */
  if (is_new ? !wtw_vault_journal_insert (vault, entry, error)
             : !wtw_vault_journal_update (vault, entry, error))
    return FALSE;
  if (!wtw_vault_journal_set_tags (vault, entry->id, tags, error))
    return FALSE;

  refresh_entry (self, entry->id, entry->created);
  return TRUE;
}

/**
 * wtw_journal_model_delete:
 * @self: a #WtwJournalModel
 * @id: the entry
 * @error: return location for a #GError
 *
 * Deletes an entry now.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_journal_model_delete (WtwJournalModel  *self,
                          gint64            id,
                          GError          **error)
{
  gint64 created;

  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), FALSE);

  if (is_hidden (self, id, NULL))
    return wtw_journal_model_finish_delete (self, id, error);
  if (get_vault (self) == NULL)
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           "The vault is locked.");
      return FALSE;
    }
  created = created_of (self, id, error);
  if (created < 0 || !wtw_vault_journal_delete (get_vault (self), id, error))
    return FALSE;
  refresh_entry (self, id, created);
  return TRUE;
}

/**
 * wtw_journal_model_delete_later:
 * @self: a #WtwJournalModel
 * @id: the entry
 *
 * Hides an entry from the list while an undo is possible. Nothing leaves the
 * vault until wtw_journal_model_finish_delete(), or until the vault locks.
 */
void
wtw_journal_model_delete_later (WtwJournalModel *self,
                                gint64           id)
{
  guint position;
  gint64 created;

  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  if (is_hidden (self, id, NULL) || get_vault (self) == NULL)
    return;

  if (has_text (self) && lookup_loaded (self, id, &position, &created))
    {
      g_array_append_val (self->hidden, id);
      announce (self, position, self->n_items, self->n_items - 1, FALSE);
      return;
    }
  created = created_of (self, id, NULL);
  g_array_append_val (self->hidden, id);
  if (created >= 0)
    refresh_entry (self, id, created);
}

/**
 * wtw_journal_model_undo_delete:
 * @self: a #WtwJournalModel
 * @id: an entry given to wtw_journal_model_delete_later()
 *
 * Brings a hidden entry back.
 */
void
wtw_journal_model_undo_delete (WtwJournalModel *self,
                               gint64           id)
{
  guint index;
  gint64 created;

  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  if (!is_hidden (self, id, &index))
    return;

  g_array_remove_index_fast (self->hidden, index);
  created = get_vault (self) != NULL ? created_of (self, id, NULL) : -1;
  if (created >= 0)
    refresh_entry (self, id, created);
}

/**
 * wtw_journal_model_finish_delete:
 * @self: a #WtwJournalModel
 * @id: an entry given to wtw_journal_model_delete_later()
 * @error: return location for a #GError
 *
 * Deletes a hidden entry from the vault. If that fails the entry comes back.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_journal_model_finish_delete (WtwJournalModel  *self,
                                 gint64            id,
                                 GError          **error)
{
  guint index;

  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), FALSE);

  if (!is_hidden (self, id, &index))
    return TRUE;
  if (get_vault (self) != NULL && wtw_vault_journal_delete (get_vault (self), id, error))
    {
      g_array_remove_index_fast (self->hidden, index);
      return TRUE;
    }
  if (get_vault (self) == NULL)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                         "The vault is locked.");
  wtw_journal_model_undo_delete (self, id);
  return FALSE;
}

gboolean
wtw_journal_model_is_pending_delete (WtwJournalModel *self,
                                     gint64           id)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), FALSE);

  return is_hidden (self, id, NULL);
}

/**
 * wtw_journal_model_finish_all_deletes:
 * @self: a #WtwJournalModel
 *
 * Deletes every hidden entry now; for when undo is no longer possible.
 */
void
wtw_journal_model_finish_all_deletes (WtwJournalModel *self)
{
  g_return_if_fail (WTW_IS_JOURNAL_MODEL (self));

  while (self->hidden->len > 0 && get_vault (self) != NULL)
    {
      gint64 id = g_array_index (self->hidden, gint64, self->hidden->len - 1);
      g_autoptr(GError) error = NULL;

      if (!wtw_journal_model_finish_delete (self, id, &error))
        g_message ("Could not delete journal entry %" G_GINT64_FORMAT ": %s",
                   id, error->message);
    }
}

/**
 * wtw_journal_model_find:
 * @self: a #WtwJournalModel
 * @id: an entry
 *
 * Returns: the position of @id in the list, or -1 if it is not in it
 */
gint
wtw_journal_model_find (WtwJournalModel *self,
                        gint64           id)
{
  WtwJournalFilter filter;
  guint position;
  gint64 created;

  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), -1);

  if (lookup_loaded (self, id, &position, &created))
    return position;
  if (has_text (self) || get_vault (self) == NULL || is_hidden (self, id, NULL))
    return -1;
  created = created_of (self, id, NULL);
  if (created < 0)
    return -1;
  fill_filter (self, &filter);
  position = wtw_vault_journal_query_position (get_vault (self), &filter, created, id, NULL);
  return entry_at (self, position, id) ? (gint) position : -1;
}

/**
 * wtw_journal_model_get_days_with_entries:
 * @self: a #WtwJournalModel
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Returns: a bit for every day of the month (bit 0 for the first) that has
 *   an entry, in local time
 */
guint32
wtw_journal_model_get_days_with_entries (WtwJournalModel *self,
                                         int              year,
                                         int              month)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GArray) times = NULL;
  guint32 days = 0;

  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (get_vault (self) == NULL)
    return 0;
  start = g_date_time_new_local (year, month, 1, 0, 0, 0);
  end = start != NULL ? g_date_time_add_months (start, 1) : NULL;
  if (end == NULL)
    return 0;
  times = wtw_vault_journal_list_created (get_vault (self), g_date_time_to_unix (start),
                                          g_date_time_to_unix (end), NULL);
  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g_array_index (times, gint64, i));
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      days |= 1u << (g_date_time_get_day_of_month (local) - 1);
    }
  return days;
}

/**
 * wtw_journal_model_list_tags:
 * @self: a #WtwJournalModel
 *
 * Returns: (transfer full): every tag in use, for completion
 */
char **
wtw_journal_model_list_tags (WtwJournalModel *self)
{
  char **tags = NULL;

  g_return_val_if_fail (WTW_IS_JOURNAL_MODEL (self), NULL);

  if (get_vault (self) != NULL)
    tags = wtw_vault_journal_list_tags (get_vault (self), NULL);
  return tags != NULL ? tags : g_new0 (char *, 1);
}

guint
_wtw_journal_model_get_n_fetches (WtwJournalModel *self)
{
  return self->n_fetches;
}

guint
_wtw_journal_model_get_n_cached_pages (WtwJournalModel *self)
{
  return g_hash_table_size (self->pages);
}
