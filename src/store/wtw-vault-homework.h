/* wtw-vault-homework.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/*
 * Homework in the vault (table homework): a chapter, or one part of it, to do
 * by a day, with an optional note ("from my therapist: try the exercise twice
 * this week"). Homework is shared by the members of a vault: every member
 * lists, changes and ticks off every row; member_id only says who added it.
 *
 * Days are calendar days without a time zone (a #GDate). The vault keeps the
 * due day as the integer YYYYMMDD and the day a reminder was sent as the text
 * "YYYY-MM-DD"; see docs/homework.md.
 */

/**
 * WTW_HOMEWORK_WHOLE_CHAPTER:
 *
 * The value of #WtwHomework.part for homework that is a whole chapter.
 */
#define WTW_HOMEWORK_WHOLE_CHAPTER 0

/**
 * WtwHomework:
 * @id: row id; 0 before it is added
 * @chapter_id: the chapter
 * @part: %WTW_HOMEWORK_WHOLE_CHAPTER, or the part of the chapter, 1–4
 * @due: the day it is due; invalid (g_date_valid() is %FALSE) only for rows
 *   written without one by an older version
 * @note: (nullable): the note given with it
 * @member_id: the member who added it; 0 when unknown (or that member was removed)
 * @member_name: (nullable): that member's name, filled by the store when read
 * @created: Unix time in seconds (UTC) it was added
 * @done: whether it is done
 * @done_at: Unix time it was marked done; 0 when not done
 * @reminded_on: the day its reminder was sent; invalid when none was
 *
 * One piece of homework.
 */
typedef struct
{
  gint64    id;
  char     *chapter_id;
  guint     part;
  GDate     due;
  char     *note;
  gint64    member_id;
  char     *member_name;
  gint64    created;
  gboolean  done;
  gint64    done_at;
  GDate     reminded_on;
} WtwHomework;

#define WTW_TYPE_HOMEWORK (wtw_homework_get_type ())

GType        wtw_homework_get_type                (void) G_GNUC_CONST;
WtwHomework *wtw_homework_new                     (const char         *chapter_id,
                                                   guint               part,
                                                   const GDate        *due,
                                                   const char         *note);
WtwHomework *wtw_homework_copy                    (const WtwHomework  *homework);
void         wtw_homework_free                    (WtwHomework        *homework);
char        *wtw_homework_format_day              (const GDate        *day);
gboolean     wtw_homework_parse_day               (const char         *text,
                                                   GDate              *day);

gboolean     wtw_vault_homework_add               (WtwVault           *self,
                                                   WtwHomework        *homework,
                                                   GError            **error);
gboolean     wtw_vault_homework_update            (WtwVault           *self,
                                                   const WtwHomework  *homework,
                                                   GError            **error);
gboolean     wtw_vault_homework_set_done          (WtwVault           *self,
                                                   gint64              id,
                                                   gboolean            done,
                                                   gint64              when,
                                                   GError            **error);
gboolean     wtw_vault_homework_delete            (WtwVault           *self,
                                                   gint64              id,
                                                   GError            **error);
WtwHomework *wtw_vault_homework_get               (WtwVault           *self,
                                                   gint64              id,
                                                   GError            **error);
GPtrArray   *wtw_vault_homework_list              (WtwVault           *self,
                                                   GError            **error);
GPtrArray   *wtw_vault_homework_list_to_remind    (WtwVault           *self,
                                                   const GDate        *day,
                                                   GError            **error);
gboolean     wtw_vault_homework_mark_reminded     (WtwVault           *self,
                                                   gint64              id,
                                                   const GDate        *day,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwHomework, wtw_homework_free)

G_END_DECLS
