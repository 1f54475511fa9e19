/* wtw-homework-item.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-homework-item"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-homework-item-private.h"

/**
 * WtwHomeworkItem:
 *
 * One piece of homework in a #WtwHomeworkList, and where it stands today.
 * Its properties change when the list saves a change to it or when the day
 * turns; it never writes to the vault itself.
 */
struct _WtwHomeworkItem
{
  GObject           parent_instance;

  WtwHomework      *homework;
  GDate             today;
  WtwHomeworkState  state;
};

G_DEFINE_FINAL_TYPE (WtwHomeworkItem, wtw_homework_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (WtwHomeworkState, wtw_homework_state,
  G_DEFINE_ENUM_VALUE (WTW_HOMEWORK_STATE_OVERDUE, "overdue"),
  G_DEFINE_ENUM_VALUE (WTW_HOMEWORK_STATE_DUE_TODAY, "due-today"),
  G_DEFINE_ENUM_VALUE (WTW_HOMEWORK_STATE_UPCOMING, "upcoming"),
  G_DEFINE_ENUM_VALUE (WTW_HOMEWORK_STATE_DONE, "done"))

enum {
  PROP_0,
  PROP_ID,
  PROP_CHAPTER_ID,
  PROP_PART,
  PROP_DUE,
  PROP_NOTE,
  PROP_DONE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (WtwHomeworkItem *self)
{
  WtwHomeworkState state = wtw_homework_state_for_day (self->homework, &self->today);

  if (state == self->state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
wtw_homework_item_finalize (GObject *object)
{
  WtwHomeworkItem *self = (WtwHomeworkItem *)object;

  g_clear_pointer (&self->homework, wtw_homework_free);

  G_OBJECT_CLASS (wtw_homework_item_parent_class)->finalize (object);
}

static void
wtw_homework_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WtwHomeworkItem *self = WTW_HOMEWORK_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->homework->id);
      break;

    case PROP_CHAPTER_ID:
      g_value_set_string (value, self->homework->chapter_id);
      break;

    case PROP_PART:
      g_value_set_uint (value, self->homework->part);
      break;

    case PROP_DUE:
      g_value_set_boxed (value, &self->homework->due);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->homework->note);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->homework->done);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_homework_item_class_init (WtwHomeworkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = wtw_homework_item_finalize;
  object_class->get_property = wtw_homework_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHAPTER_ID] =
    g_param_spec_string ("chapter-id", NULL, NULL, NULL, flags);
  properties[PROP_PART] =
    g_param_spec_uint ("part", NULL, NULL, 0, 4, 0, flags);

  /**
   * WtwHomeworkItem:due:
   *
   * The day it is due, a #GDate.
   */
  properties[PROP_DUE] =
    g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);

  /**
   * WtwHomeworkItem:state:
   *
   * Overdue, due today, upcoming or done, on the list's today.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       WTW_TYPE_HOMEWORK_STATE, WTW_HOMEWORK_STATE_UPCOMING, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_homework_item_init (WtwHomeworkItem *self)
{
  g_date_clear (&self->today, 1);
  self->state = WTW_HOMEWORK_STATE_UPCOMING;
}

/**
 * wtw_homework_state_for_day:
 * @homework: homework
 * @today: (nullable): the day to judge it on; without one, nothing is due
 *
 * Returns: where @homework stands on @today
 */
WtwHomeworkState
wtw_homework_state_for_day (const WtwHomework *homework,
                            const GDate       *today)
{
  int cmp;

  g_return_val_if_fail (homework != NULL, WTW_HOMEWORK_STATE_UPCOMING);

  if (homework->done)
    return WTW_HOMEWORK_STATE_DONE;
  if (today == NULL || !g_date_valid (today) || !g_date_valid (&homework->due))
    return WTW_HOMEWORK_STATE_UPCOMING;
  cmp = g_date_compare (&homework->due, today);
  if (cmp < 0)
    return WTW_HOMEWORK_STATE_OVERDUE;
  return cmp == 0 ? WTW_HOMEWORK_STATE_DUE_TODAY : WTW_HOMEWORK_STATE_UPCOMING;
}

/**
 * wtw_homework_part_title:
 * @part: %WTW_HOMEWORK_WHOLE_CHAPTER or a part, 1–4
 *
 * Returns: (transfer none): the short name of the part, as the workbook
 *   shows it, or "Whole Chapter"
 */
const char *
wtw_homework_part_title (guint part)
{
  switch (part)
    {
    case 1:
      return _("Explanation");
    case 2:
      return _("Scripts");
    case 3:
      return _("Reflect");
    case 4:
      return _("Conversation");
    case WTW_HOMEWORK_WHOLE_CHAPTER:
    default:
      return _("Whole Chapter");
    }
}

/**
 * wtw_homework_today:
 * @clock: (nullable) (scope call): the clock, or %NULL for the system's
 * @clock_data: data for @clock
 * @today: (out caller-allocates): the local day now
 */
void
wtw_homework_today (WtwHomeworkClock  clock,
                    gpointer          clock_data,
                    GDate            *today)
{
  g_autoptr(GDateTime) now = clock != NULL ? clock (clock_data) : g_date_time_new_now_local ();
  int y, m, d;

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_return_if_fail (now != NULL);
  g_date_time_get_ymd (now, &y, &m, &d);
  g_date_set_dmy (today, d, m, y);
}

/**
 * wtw_homework_item_new:
 * @homework: the homework, copied
 * @today: (nullable): the day its state is judged on
 *
 * Returns: (transfer full): a new item
 */
WtwHomeworkItem *
wtw_homework_item_new (const WtwHomework *homework,
                       const GDate       *today)
{
  WtwHomeworkItem *self;

  g_return_val_if_fail (homework != NULL, NULL);

  self = g_object_new (WTW_TYPE_HOMEWORK_ITEM, NULL);
  self->homework = wtw_homework_copy (homework);
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  self->state = wtw_homework_state_for_day (self->homework, &self->today);
  return self;
}

void
_wtw_homework_item_set_homework (WtwHomeworkItem   *self,
                                 const WtwHomework *homework)
{
  g_autoptr(WtwHomework) old = NULL;

  g_return_if_fail (WTW_IS_HOMEWORK_ITEM (self));
  g_return_if_fail (homework != NULL);

  old = g_steal_pointer (&self->homework);
  self->homework = wtw_homework_copy (homework);

  g_object_freeze_notify (G_OBJECT (self));
  if (old->id != homework->id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  if (g_strcmp0 (old->chapter_id, homework->chapter_id) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTER_ID]);
  if (old->part != homework->part)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART]);
  if (g_date_valid (&old->due) != g_date_valid (&homework->due)
      || (g_date_valid (&old->due) && g_date_compare (&old->due, &homework->due) != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
  if (g_strcmp0 (old->note, homework->note) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  if (old->done != homework->done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  update_state (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_wtw_homework_item_set_today (WtwHomeworkItem *self,
                              const GDate     *today)
{
  g_return_if_fail (WTW_IS_HOMEWORK_ITEM (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  update_state (self);
}

/**
 * wtw_homework_item_get_homework:
 * @self: a #WtwHomeworkItem
 *
 * Returns: (transfer none): the homework as last saved
 */
const WtwHomework *
wtw_homework_item_get_homework (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), NULL);

  return self->homework;
}

gint64
wtw_homework_item_get_id (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), 0);

  return self->homework->id;
}

const char *
wtw_homework_item_get_chapter_id (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), NULL);

  return self->homework->chapter_id;
}

guint
wtw_homework_item_get_part (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), 0);

  return self->homework->part;
}

/**
 * wtw_homework_item_get_due:
 * @self: a #WtwHomeworkItem
 *
 * Returns: (transfer none): the day it is due; may be invalid for old rows
 */
const GDate *
wtw_homework_item_get_due (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), NULL);

  return &self->homework->due;
}

const char *
wtw_homework_item_get_note (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), NULL);

  return self->homework->note;
}

gboolean
wtw_homework_item_get_done (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), FALSE);

  return self->homework->done;
}

WtwHomeworkState
wtw_homework_item_get_state (WtwHomeworkItem *self)
{
  g_return_val_if_fail (WTW_IS_HOMEWORK_ITEM (self), WTW_HOMEWORK_STATE_UPCOMING);

  return self->state;
}
