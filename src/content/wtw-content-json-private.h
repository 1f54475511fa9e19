/* wtw-content-json-private.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "wtw-content-error.h"

G_BEGIN_DECLS

/* Checked reads of JSON values. Every failure sets a WTW_CONTENT_ERROR whose
 * message is "<file>: <path>: <what is wrong>", where the path is the field's
 * place in the document ("exercise.steps[2].seconds"). */

char     *_wtw_json_path_member  (const char   *path,
                                  const char   *member);
char     *_wtw_json_path_index   (const char   *path,
                                  guint         index);
gboolean  _wtw_json_fail         (GError      **error,
                                  int           code,
                                  const char   *file,
                                  const char   *path,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (5, 6);
JsonNode *_wtw_json_parse        (GBytes       *bytes,
                                  const char   *file,
                                  GError      **error);
gboolean  _wtw_json_check_fields (JsonObject   *object,
                                  const char   *const *known,
                                  const char   *file,
                                  const char   *path,
                                  GError      **error);
gboolean  _wtw_json_get_string   (JsonObject   *object,
                                  const char   *member,
                                  gboolean      required,
                                  const char   *file,
                                  const char   *path,
                                  char        **out,
                                  GError      **error);
gboolean  _wtw_json_get_int      (JsonObject   *object,
                                  const char   *member,
                                  gint64        min,
                                  gint64        max,
                                  const char   *file,
                                  const char   *path,
                                  gint64       *out,
                                  GError      **error);
gboolean  _wtw_json_get_boolean  (JsonObject   *object,
                                  const char   *member,
                                  const char   *file,
                                  const char   *path,
                                  gboolean     *out,
                                  GError      **error);
gboolean  _wtw_json_get_object   (JsonObject   *object,
                                  const char   *member,
                                  const char   *file,
                                  const char   *path,
                                  JsonObject  **out,
                                  GError      **error);
gboolean  _wtw_json_get_array    (JsonObject   *object,
                                  const char   *member,
                                  gboolean      required,
                                  guint         min_length,
                                  const char   *file,
                                  const char   *path,
                                  JsonArray   **out,
                                  GError      **error);
gboolean  _wtw_json_get_strv     (JsonObject   *object,
                                  const char   *member,
                                  gboolean      required,
                                  guint         min_length,
                                  const char   *file,
                                  const char   *path,
                                  char       ***out,
                                  GError      **error);
gboolean  _wtw_json_get_element  (JsonArray    *array,
                                  guint         index,
                                  const char   *file,
                                  const char   *path,
                                  JsonObject  **out,
                                  GError      **error);
gboolean  _wtw_json_check_length (const char   *value,
                                  guint         min_chars,
                                  guint         max_chars,
                                  const char   *file,
                                  const char   *path,
                                  GError      **error);
gboolean  _wtw_json_check_id     (const char   *value,
                                  const char   *file,
                                  const char   *path,
                                  GError      **error);
gboolean  _wtw_json_is_id        (const char   *value);

G_END_DECLS
