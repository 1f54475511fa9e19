/* wtw-application.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wtw-types.h"

G_BEGIN_DECLS

#define WTW_TYPE_APPLICATION (wtw_application_get_type ())

G_DECLARE_FINAL_TYPE (WtwApplication, wtw_application, WTW, APPLICATION, AdwApplication)

WtwApplication *wtw_application_new          (void);
WtwSettings    *wtw_application_get_settings (WtwApplication *self);
WtwSession     *wtw_application_get_session  (WtwApplication *self);
WtwContent     *wtw_application_get_content  (WtwApplication *self,
                                              GError        **error);
WtwBackups     *wtw_application_get_backups  (WtwApplication *self);

G_END_DECLS
