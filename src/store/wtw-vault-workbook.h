/* wtw-vault-workbook.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wtw-vault.h"

G_BEGIN_DECLS

/*
 * The workbook at store level: answers to a chapter's reflection prompts,
 * which parts of a chapter each member has done, the guided conversations a
 * couple held, and where each member left off.
 *
 * Reflections follow the journal's rules: a member writes only their own
 * answer; a private answer is sealed with the writer's personal key, and
 * another member gets it with sealed = TRUE and no text. Progress and last
 * place are per member and written for the current member. Conversations
 * belong to the couple: the names and notes of both partners are stored
 * together (see docs/vault-format.md for the layout).
 */

/**
 * WtwReflection:
 * @chapter_id: the chapter
 * @prompt_id: the prompt within the chapter
 * @member_id: the member who wrote it
 * @body: (nullable): the answer; %NULL when @sealed
 * @is_private: the answer is sealed with its writer's personal key
 * @sealed: a private answer of another member: it exists, its text is not available
 * @updated: Unix time in seconds (UTC) of the last change
 *
 * One member's answer to one prompt.
 */
typedef struct
{
  char     *chapter_id;
  char     *prompt_id;
  gint64    member_id;
  char     *body;
  gboolean  is_private;
  gboolean  sealed;
  gint64    updated;
} WtwReflection;

/**
 * WtwExerciseRecord:
 * @id: row id; 0 before it is inserted
 * @chapter_id: the chapter whose conversation it was
 * @started: Unix time in seconds (UTC) the conversation began
 * @finished: Unix time it ended; 0 if it did not
 * @name_a: (nullable): the name Partner A gave
 * @name_b: (nullable): the name Partner B gave
 * @notes_a: (nullable): what Partner A noticed
 * @notes_b: (nullable): what Partner B noticed
 *
 * One guided conversation the couple held.
 */
typedef struct
{
  gint64  id;
  char   *chapter_id;
  gint64  started;
  gint64  finished;
  char   *name_a;
  char   *name_b;
  char   *notes_a;
  char   *notes_b;
} WtwExerciseRecord;

/**
 * WTW_WORKBOOK_N_PARTS:
 *
 * Parts in a chapter; progress numbers them from 1.
 */
#define WTW_WORKBOOK_N_PARTS 4

#define WTW_TYPE_REFLECTION (wtw_reflection_get_type ())
#define WTW_TYPE_EXERCISE_RECORD (wtw_exercise_record_get_type ())

GType              wtw_reflection_get_type          (void) G_GNUC_CONST;
WtwReflection     *wtw_reflection_copy              (const WtwReflection     *reflection);
void               wtw_reflection_free              (WtwReflection           *reflection);

GType              wtw_exercise_record_get_type     (void) G_GNUC_CONST;
WtwExerciseRecord *wtw_exercise_record_new          (void);
WtwExerciseRecord *wtw_exercise_record_copy         (const WtwExerciseRecord *record);
void               wtw_exercise_record_free         (WtwExerciseRecord       *record);

gboolean           wtw_vault_reflection_set         (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     const char              *prompt_id,
                                                     const char              *body,
                                                     gboolean                 is_private,
                                                     GError                 **error);
WtwReflection     *wtw_vault_reflection_get         (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     const char              *prompt_id,
                                                     gint64                   member_id,
                                                     GError                 **error);
GPtrArray         *wtw_vault_reflection_list        (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     GError                 **error);

gboolean           wtw_vault_progress_set           (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     guint                    part,
                                                     gboolean                 done,
                                                     GError                 **error);
int                wtw_vault_progress_get           (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     gint64                   member_id,
                                                     GError                 **error);
GHashTable        *wtw_vault_progress_list          (WtwVault                *self,
                                                     gint64                   member_id,
                                                     GError                 **error);

gboolean           wtw_vault_exercise_insert        (WtwVault                *self,
                                                     WtwExerciseRecord       *record,
                                                     GError                 **error);
gboolean           wtw_vault_exercise_update        (WtwVault                *self,
                                                     const WtwExerciseRecord *record,
                                                     GError                 **error);
GPtrArray         *wtw_vault_exercise_list          (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     GError                 **error);

gboolean           wtw_vault_set_last_place         (WtwVault                *self,
                                                     const char              *chapter_id,
                                                     guint                    part,
                                                     GError                 **error);
gboolean           wtw_vault_get_last_place         (WtwVault                *self,
                                                     char                   **chapter_id,
                                                     guint                   *part,
                                                     GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwReflection, wtw_reflection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WtwExerciseRecord, wtw_exercise_record_free)

G_END_DECLS
