/* wtw-types.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WtwApplication        WtwApplication;
typedef struct _WtwBackups            WtwBackups;
typedef struct _WtwContent            WtwContent;
typedef struct _WtwMainPage           WtwMainPage;
typedef struct _WtwPreferencesWindow  WtwPreferencesWindow;
typedef struct _WtwSession            WtwSession;
typedef struct _WtwSettings           WtwSettings;
typedef struct _WtwWindow             WtwWindow;

G_END_DECLS
