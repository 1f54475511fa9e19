/* wtw-content-error.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WTW_CONTENT_ERROR:
 *
 * The error domain of content files that cannot be loaded. Messages name the
 * file and the field, as in
 * "en/chapters/06-always-and-never.json: exercise.steps[2].seconds: must be
 * an integer from 15 to 600".
 */
#define WTW_CONTENT_ERROR (wtw_content_error_quark ())

/**
 * WtwContentError:
 * @WTW_CONTENT_ERROR_NOT_FOUND: a file is missing in every language
 * @WTW_CONTENT_ERROR_SYNTAX: a file is not valid JSON
 * @WTW_CONTENT_ERROR_MISSING: a required field is missing
 * @WTW_CONTENT_ERROR_TYPE: a field has the wrong JSON type
 * @WTW_CONTENT_ERROR_UNKNOWN_FIELD: a field the schema does not know
 * @WTW_CONTENT_ERROR_INVALID: a value is out of range or breaks a rule
 * @WTW_CONTENT_ERROR_REFERENCE: an id is duplicated or refers to nothing
 *
 * Why a content file was rejected.
 */
typedef enum
{
  WTW_CONTENT_ERROR_NOT_FOUND,
  WTW_CONTENT_ERROR_SYNTAX,
  WTW_CONTENT_ERROR_MISSING,
  WTW_CONTENT_ERROR_TYPE,
  WTW_CONTENT_ERROR_UNKNOWN_FIELD,
  WTW_CONTENT_ERROR_INVALID,
  WTW_CONTENT_ERROR_REFERENCE,
} WtwContentError;

GQuark wtw_content_error_quark (void);

G_END_DECLS
