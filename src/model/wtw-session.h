/* wtw-session.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wtw-vault.h"

G_BEGIN_DECLS

/**
 * WtwSessionState:
 * @WTW_SESSION_STATE_NEEDS_SETUP: there is no vault yet
 * @WTW_SESSION_STATE_LOCKED: the vault is there and locked
 * @WTW_SESSION_STATE_UNLOCKED: the vault is open
 * @WTW_SESSION_STATE_PROBLEM: the vault cannot be opened: damaged, not a
 *   vault, or from a newer version
 */
typedef enum
{
  WTW_SESSION_STATE_NEEDS_SETUP,
  WTW_SESSION_STATE_LOCKED,
  WTW_SESSION_STATE_UNLOCKED,
  WTW_SESSION_STATE_PROBLEM,
} WtwSessionState;

#define WTW_TYPE_SESSION_STATE (wtw_session_state_get_type ())
#define WTW_TYPE_SESSION (wtw_session_get_type ())

G_DECLARE_FINAL_TYPE (WtwSession, wtw_session, WTW, SESSION, GObject)

GType            wtw_session_state_get_type     (void) G_GNUC_CONST;

WtwSession      *wtw_session_new                (GFile               *file);
GFile           *wtw_session_get_default_file   (void);
GFile           *wtw_session_get_file           (WtwSession          *self);
WtwSessionState  wtw_session_get_state          (WtwSession          *self);
gboolean         wtw_session_get_busy           (WtwSession          *self);
WtwVault        *wtw_session_get_vault          (WtwSession          *self);
const GError    *wtw_session_get_problem        (WtwSession          *self);
const GError    *wtw_session_get_damage         (WtwSession          *self);
void             wtw_session_set_kdf_params     (WtwSession          *self,
                                                 const WtwKdfParams  *params);
guint            wtw_session_get_idle_timeout   (WtwSession          *self);
void             wtw_session_set_idle_timeout   (WtwSession          *self,
                                                 guint                seconds);
void             wtw_session_report_activity    (WtwSession          *self);
void             wtw_session_create_async       (WtwSession          *self,
                                                 const char          *member_name,
                                                 const char          *passphrase,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char            *wtw_session_create_finish      (WtwSession          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void             wtw_session_unlock_async       (WtwSession          *self,
                                                 const char          *secret,
                                                 WtwSecretKind        kind,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         wtw_session_unlock_finish      (WtwSession          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void             wtw_session_lock               (WtwSession          *self);
GPtrArray       *wtw_session_list_members       (WtwSession          *self,
                                                 GError             **error);
void             wtw_session_change_passphrase_async  (WtwSession          *self,
                                                       const char          *old_passphrase,
                                                       const char          *new_passphrase,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         wtw_session_change_passphrase_finish (WtwSession          *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void             wtw_session_regenerate_recovery_key_async  (WtwSession          *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
char            *wtw_session_regenerate_recovery_key_finish (WtwSession          *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
void             wtw_session_add_member_async   (WtwSession          *self,
                                                 const char          *name,
                                                 const char          *passphrase,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char            *wtw_session_add_member_finish  (WtwSession          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void             wtw_session_switch_member_async  (WtwSession          *self,
                                                   const char          *passphrase,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         wtw_session_switch_member_finish (WtwSession          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             wtw_session_remove_member_async  (WtwSession          *self,
                                                   gint64               member_id,
                                                   const char          *passphrase,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         wtw_session_remove_member_finish (WtwSession          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
