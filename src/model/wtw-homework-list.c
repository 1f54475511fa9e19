/* wtw-homework-list.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-homework-list"

#include "config.h"

#include "wtw-homework-item-private.h"
#include "wtw-homework-list.h"

/**
 * WtwHomeworkList:
 *
 * The vault's homework as a #GListModel of #WtwHomeworkItem, in the order
 * the store lists it: what is not done first, soonest due first; then what is
 * done. Every change goes through the list, which saves it and moves the item
 * to its new place, so rows keep their item across a change.
 *
 * The list follows its session: it reads the vault when it unlocks (or another
 * member takes over) and empties when it locks. Each item's state is judged
 * on the day the list's clock says it is; the list looks again after each
 * midnight, at least hourly while the vault is open, and whenever
 * wtw_homework_list_refresh_day() is called.
 */
struct _WtwHomeworkList
{
  GObject           parent_instance;

  WtwSession       *session;
  GPtrArray        *items;
  GDate             today;
  guint             n_due;

  WtwHomeworkClock  clock;
  gpointer          clock_data;
  GDestroyNotify    clock_destroy;
  guint             day_timeout_id;
};

static void wtw_homework_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WtwHomeworkList, wtw_homework_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      wtw_homework_list_model_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_N_ITEMS,
  PROP_N_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_day_check (WtwHomeworkList *self);

static int
compare_homework (const WtwHomework *a,
                  const WtwHomework *b)
{
  gboolean a_due = g_date_valid (&a->due), b_due = g_date_valid (&b->due);

  if (a->done != b->done)
    return a->done ? 1 : -1;
  if (a_due != b_due)
    return a_due ? -1 : 1;
  if (a_due && g_date_compare (&a->due, &b->due) != 0)
    return g_date_compare (&a->due, &b->due);
  return (a->id > b->id) - (a->id < b->id);
}

static WtwVault *
get_vault (WtwHomeworkList  *self,
           GError          **error)
{
  WtwVault *vault = wtw_session_get_vault (self->session);

  if (vault == NULL)
    g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                         "The vault is locked.");
  return vault;
}

static void
update_n_due (WtwHomeworkList *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      WtwHomeworkState state = wtw_homework_item_get_state (self->items->pdata[i]);

      n += state == WTW_HOMEWORK_STATE_OVERDUE || state == WTW_HOMEWORK_STATE_DUE_TODAY;
    }
  if (n == self->n_due)
    return;
  self->n_due = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
}

static void
items_changed (WtwHomeworkList *self,
               guint            position,
               guint            removed,
               guint            added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  update_n_due (self);
}

static guint
sorted_position (WtwHomeworkList   *self,
                 const WtwHomework *homework)
{
  guint i = 0;

  while (i < self->items->len
         && compare_homework (wtw_homework_item_get_homework (self->items->pdata[i]),
                              homework) < 0)
    i++;
  return i;
}

static void
insert_item (WtwHomeworkList *self,
             WtwHomeworkItem *item)
{
  guint position = sorted_position (self, wtw_homework_item_get_homework (item));

  g_ptr_array_insert (self->items, position, g_object_ref (item));
  items_changed (self, position, 0, 1);
}

static gboolean
find_item (WtwHomeworkList *self,
           WtwHomeworkItem *item,
           guint           *position)
{
  return g_ptr_array_find (self->items, item, position);
}

/* After a change, puts @item where the order wants it now. */
static void
move_item (WtwHomeworkList *self,
           WtwHomeworkItem *item)
{
  g_autoptr(WtwHomeworkItem) keep = g_object_ref (item);
  guint old_position, new_position;

  if (!find_item (self, item, &old_position))
    return;
  g_ptr_array_remove_index (self->items, old_position);
  new_position = sorted_position (self, wtw_homework_item_get_homework (item));
  g_ptr_array_insert (self->items, new_position, g_object_ref (item));
  /* Announced even in place: filters over the list look at the item again. */
  g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
  update_n_due (self);
}

static void
clear_items (WtwHomeworkList *self)
{
  guint n = self->items->len;

  if (n == 0)
    return;
  g_ptr_array_set_size (self->items, 0);
  items_changed (self, 0, n, 0);
}

/* Reads the row back, so the item has what the store filled in (the name
 * of who added it, a reminder forgotten when the day moved). */
static gboolean
reread (WtwHomeworkList  *self,
        WtwVault         *vault,
        WtwHomeworkItem  *item,
        gint64            id,
        GError          **error)
{
  g_autoptr(WtwHomework) saved = wtw_vault_homework_get (vault, id, error);

  if (saved == NULL)
    return FALSE;
  _wtw_homework_item_set_homework (item, saved);
  move_item (self, item);
  return TRUE;
}

static gboolean
on_day_timeout_cb (gpointer user_data)
{
  WtwHomeworkList *self = user_data;

  self->day_timeout_id = 0;
  wtw_homework_list_refresh_day (self);
  schedule_day_check (self);
  return G_SOURCE_REMOVE;
}

/* Wakes just after the next local midnight, and at least hourly so that a
 * clock set forward or a machine waking from sleep is noticed soon. */
static void
schedule_day_check (WtwHomeworkList *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint seconds = 24 * 3600 - (g_date_time_get_hour (now) * 3600
                               + g_date_time_get_minute (now) * 60
                               + g_date_time_get_second (now));

  g_clear_handle_id (&self->day_timeout_id, g_source_remove);
  if (wtw_session_get_vault (self->session) == NULL)
    return;
  self->day_timeout_id = g_timeout_add_seconds (MIN (seconds + 1, 3600),
                                                on_day_timeout_cb, self);
}

static void
on_session_changed_cb (WtwHomeworkList *self)
{
  g_autoptr(GError) error = NULL;

  if (wtw_session_get_vault (self->session) == NULL)
    {
      g_clear_handle_id (&self->day_timeout_id, g_source_remove);
      clear_items (self);
      return;
    }
  if (!wtw_homework_list_reload (self, &error))
    g_warning ("Could not read the homework: %s", error->message);
}

static GType
wtw_homework_list_get_item_type (GListModel *model)
{
  return WTW_TYPE_HOMEWORK_ITEM;
}

static guint
wtw_homework_list_get_n_items (GListModel *model)
{
  return WTW_HOMEWORK_LIST (model)->items->len;
}

static gpointer
wtw_homework_list_get_item (GListModel *model,
                            guint       position)
{
  WtwHomeworkList *self = WTW_HOMEWORK_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
wtw_homework_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wtw_homework_list_get_item_type;
  iface->get_n_items = wtw_homework_list_get_n_items;
  iface->get_item = wtw_homework_list_get_item;
}

static void
wtw_homework_list_constructed (GObject *object)
{
  WtwHomeworkList *self = (WtwHomeworkList *)object;

  G_OBJECT_CLASS (wtw_homework_list_parent_class)->constructed (object);

  g_assert (WTW_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "member-changed",
                           G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  on_session_changed_cb (self);
}

static void
wtw_homework_list_dispose (GObject *object)
{
  WtwHomeworkList *self = (WtwHomeworkList *)object;

  g_clear_handle_id (&self->day_timeout_id, g_source_remove);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = NULL;
  self->clock_destroy = NULL;
  self->clock_data = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wtw_homework_list_parent_class)->dispose (object);
}

static void
wtw_homework_list_finalize (GObject *object)
{
  WtwHomeworkList *self = (WtwHomeworkList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (wtw_homework_list_parent_class)->finalize (object);
}

static void
wtw_homework_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WtwHomeworkList *self = WTW_HOMEWORK_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_homework_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WtwHomeworkList *self = WTW_HOMEWORK_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_homework_list_class_init (WtwHomeworkListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_homework_list_constructed;
  object_class->dispose = wtw_homework_list_dispose;
  object_class->finalize = wtw_homework_list_finalize;
  object_class->get_property = wtw_homework_list_get_property;
  object_class->set_property = wtw_homework_list_set_property;

  /**
   * WtwHomeworkList:session:
   *
   * The session whose vault keeps the homework.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwHomeworkList:n-items:
   *
   * How many pieces of homework there are.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwHomeworkList:n-due:
   *
   * How many are due today or overdue.
   */
  properties[PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_homework_list_init (WtwHomeworkList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->today, 1);
}

/**
 * wtw_homework_list_new:
 * @session: the session whose vault keeps the homework
 *
 * Returns: (transfer full): a new #WtwHomeworkList, filled if the vault is open
 */
WtwHomeworkList *
wtw_homework_list_new (WtwSession *session)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);

  return g_object_new (WTW_TYPE_HOMEWORK_LIST, "session", session, NULL);
}

/**
 * wtw_homework_list_get_session:
 * @self: a #WtwHomeworkList
 *
 * Returns: (transfer none): the session
 */
WtwSession *
wtw_homework_list_get_session (WtwHomeworkList *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), NULL);

  return self->session;
}

/**
 * wtw_homework_list_set_clock:
 * @self: a #WtwHomeworkList
 * @clock: (nullable): the clock, or %NULL for the system's
 * @clock_data: data for @clock
 * @clock_destroy: (nullable): frees @clock_data
 *
 * Sets what tells the list the day (tests give a fake one), and judges every
 * item on that day.
 */
void
wtw_homework_list_set_clock (WtwHomeworkList  *self,
                             WtwHomeworkClock  clock,
                             gpointer          clock_data,
                             GDestroyNotify    clock_destroy)
{
  g_return_if_fail (WTW_IS_HOMEWORK_LIST (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = clock;
  self->clock_data = clock_data;
  self->clock_destroy = clock_destroy;
  wtw_homework_list_refresh_day (self);
}

/**
 * wtw_homework_list_get_today:
 * @self: a #WtwHomeworkList
 * @today: (out caller-allocates): the day items are judged on
 */
void
wtw_homework_list_get_today (WtwHomeworkList *self,
                             GDate           *today)
{
  g_return_if_fail (WTW_IS_HOMEWORK_LIST (self));
  g_return_if_fail (today != NULL);

  if (!g_date_valid (&self->today))
    wtw_homework_today (self->clock, self->clock_data, &self->today);
  *today = self->today;
}

/**
 * wtw_homework_list_refresh_day:
 * @self: a #WtwHomeworkList
 *
 * Asks the clock for the day and, when it has turned, judges every item
 * again (their #WtwHomeworkItem:state may change; the order does not, since
 * it does not depend on the day).
 *
 * Returns: %TRUE if the day changed
 */
gboolean
wtw_homework_list_refresh_day (WtwHomeworkList *self)
{
  GDate today;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), FALSE);

  wtw_homework_today (self->clock, self->clock_data, &today);
  if (g_date_valid (&self->today) && g_date_compare (&today, &self->today) == 0)
    return FALSE;
  self->today = today;
  for (guint i = 0; i < self->items->len; i++)
    _wtw_homework_item_set_today (self->items->pdata[i], &today);
  update_n_due (self);
  return TRUE;
}

/**
 * wtw_homework_list_get_n_due:
 * @self: a #WtwHomeworkList
 *
 * Returns: how many pieces of homework are due today or overdue
 */
guint
wtw_homework_list_get_n_due (WtwHomeworkList *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), 0);

  return self->n_due;
}

/**
 * wtw_homework_list_reload:
 * @self: a #WtwHomeworkList
 * @error: return location for a #GError
 *
 * Reads every piece of homework from the vault again.
 *
 * Returns: %TRUE on success; on error the list is left as it was
 */
gboolean
wtw_homework_list_reload (WtwHomeworkList  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint removed;
  WtwVault *vault;
  GDate today;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), FALSE);

  if ((vault = get_vault (self, error)) == NULL
      || (rows = wtw_vault_homework_list (vault, error)) == NULL)
    return FALSE;

  wtw_homework_today (self->clock, self->clock_data, &today);
  self->today = today;
  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->items, wtw_homework_item_new (rows->pdata[i], &today));
  items_changed (self, 0, removed, self->items->len);
  schedule_day_check (self);
  return TRUE;
}

/**
 * wtw_homework_list_lookup:
 * @self: a #WtwHomeworkList
 * @id: a homework id
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
WtwHomeworkItem *
wtw_homework_list_lookup (WtwHomeworkList *self,
                          gint64           id)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (wtw_homework_item_get_id (self->items->pdata[i]) == id)
      return self->items->pdata[i];
  return NULL;
}

static WtwHomeworkItem *
add_homework (WtwHomeworkList  *self,
              WtwHomework      *homework,
              GError          **error)
{
  g_autoptr(WtwHomework) saved = NULL;
  g_autoptr(WtwHomeworkItem) item = NULL;
  WtwVault *vault;
  GDate today;

  if ((vault = get_vault (self, error)) == NULL
      || !wtw_vault_homework_add (vault, homework, error)
      || (saved = wtw_vault_homework_get (vault, homework->id, error)) == NULL)
    return NULL;
  wtw_homework_list_get_today (self, &today);
  item = wtw_homework_item_new (saved, &today);
  insert_item (self, item);
  return item;
}

/**
 * wtw_homework_list_add:
 * @self: a #WtwHomeworkList
 * @chapter_id: the chapter
 * @part: %WTW_HOMEWORK_WHOLE_CHAPTER or a part, 1–4
 * @due: the day it is due
 * @note: (nullable): a note
 * @error: return location for a #GError
 *
 * Adds homework for the current member and puts it in its place.
 *
 * Returns: (transfer none) (nullable): the new item, or %NULL on error
 */
WtwHomeworkItem *
wtw_homework_list_add (WtwHomeworkList  *self,
                       const char       *chapter_id,
                       guint             part,
                       const GDate      *due,
                       const char       *note,
                       GError          **error)
{
  g_autoptr(WtwHomework) homework = NULL;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), NULL);

  homework = wtw_homework_new (chapter_id, part, due, note);
  return add_homework (self, homework, error);
}

/**
 * wtw_homework_list_update:
 * @self: a #WtwHomeworkList
 * @item: an item of the list
 * @chapter_id: the chapter
 * @part: %WTW_HOMEWORK_WHOLE_CHAPTER or a part, 1–4
 * @due: the day it is due
 * @note: (nullable): the note
 * @error: return location for a #GError
 *
 * Changes what the homework is; nothing changes on error.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_homework_list_update (WtwHomeworkList  *self,
                          WtwHomeworkItem  *item,
                          const char       *chapter_id,
                          guint             part,
                          const GDate      *due,
                          const char       *note,
                          GError          **error)
{
  g_autoptr(WtwHomework) changed = NULL;
  WtwVault *vault;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), FALSE);
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (item), FALSE);

  changed = wtw_homework_new (chapter_id, part, due, note);
  changed->id = wtw_homework_item_get_id (item);
  if ((vault = get_vault (self, error)) == NULL
      || !wtw_vault_homework_update (vault, changed, error))
    return FALSE;
  return reread (self, vault, item, changed->id, error);
}

/**
 * wtw_homework_list_set_done:
 * @self: a #WtwHomeworkList
 * @item: an item of the list
 * @done: whether it is done
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_homework_list_set_done (WtwHomeworkList  *self,
                            WtwHomeworkItem  *item,
                            gboolean          done,
                            GError          **error)
{
  gint64 id;
  WtwVault *vault;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), FALSE);
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (item), FALSE);

  id = wtw_homework_item_get_id (item);
  if ((vault = get_vault (self, error)) == NULL
      || !wtw_vault_homework_set_done (vault, id, done, 0, error))
    return FALSE;
  return reread (self, vault, item, id, error);
}

/**
 * wtw_homework_list_remove:
 * @self: a #WtwHomeworkList
 * @item: an item of the list
 * @error: return location for a #GError
 *
 * Deletes the homework from the vault and the list. Give what this returns
 * to wtw_homework_list_restore() to undo.
 *
 * Returns: (transfer full) (nullable): the homework as it was, or %NULL on error
 */
WtwHomework *
wtw_homework_list_remove (WtwHomeworkList  *self,
                          WtwHomeworkItem  *item,
                          GError          **error)
{
  g_autoptr(WtwHomework) removed = NULL;
  g_autoptr(GError) local_error = NULL;
  WtwVault *vault;
  guint position;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), NULL);
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (item), NULL);

  if ((vault = get_vault (self, error)) == NULL)
    return NULL;
  removed = wtw_homework_copy (wtw_homework_item_get_homework (item));
  if (!wtw_vault_homework_delete (vault, removed->id, &local_error)
      && !g_error_matches (local_error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Gone already (another window deleted it): it is not on the list either. */
  if (find_item (self, item, &position))
    {
      g_ptr_array_remove_index (self->items, position);
      items_changed (self, position, 1, 0);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&removed);
}

/**
 * wtw_homework_list_restore:
 * @self: a #WtwHomeworkList
 * @removed: what wtw_homework_list_remove() returned
 * @error: return location for a #GError
 *
 * Puts removed homework back as it was: who added it, when, whether it was
 * done and whether its reminder was sent. It gets a new id.
 *
 * Returns: (transfer none) (nullable): the item, or %NULL on error
 */
WtwHomeworkItem *
wtw_homework_list_restore (WtwHomeworkList    *self,
                           const WtwHomework  *removed,
                           GError            **error)
{
  g_autoptr(WtwHomework) homework = NULL;

  g_return_val_if_fail (WTW_IS_HOMEWORK_LIST (self), NULL);
  g_return_val_if_fail (removed != NULL, NULL);

  homework = wtw_homework_copy (removed);
  homework->id = 0;
  return add_homework (self, homework, error);
}
