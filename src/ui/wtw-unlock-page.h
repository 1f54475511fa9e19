/* wtw-unlock-page.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_UNLOCK_PAGE (wtw_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (WtwUnlockPage, wtw_unlock_page, WTW, UNLOCK_PAGE, GtkWidget)

WtwUnlockPage *wtw_unlock_page_new   (WtwSession    *session);
void           wtw_unlock_page_reset (WtwUnlockPage *self);

G_END_DECLS
