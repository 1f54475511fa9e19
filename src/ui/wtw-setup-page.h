/* wtw-setup-page.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-session.h"

G_BEGIN_DECLS

#define WTW_TYPE_SETUP_PAGE (wtw_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (WtwSetupPage, wtw_setup_page, WTW, SETUP_PAGE, GtkWidget)

WtwSetupPage *wtw_setup_page_new (WtwSession *session);

G_END_DECLS
