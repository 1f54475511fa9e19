/* wtw-content-json.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-content-json"

#include "config.h"

#include "wtw-content-json-private.h"

/* The path of an object's member, given the object's own path ("" or NULL for
 * the document's root object). */
char *
_wtw_json_path_member (const char *path,
                       const char *member)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (member);

  return g_strconcat (path, ".", member, NULL);
}

char *
_wtw_json_path_index (const char *path,
                      guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

/* Always returns FALSE, so that callers can write `return _wtw_json_fail (…)`. */
gboolean
_wtw_json_fail (GError     **error,
                int          code,
                const char  *file,
                const char  *path,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path == NULL || path[0] == '\0')
    g_set_error (error, WTW_CONTENT_ERROR, code, "%s: %s", file, message);
  else
    g_set_error (error, WTW_CONTENT_ERROR, code, "%s: %s: %s", file, path, message);

  return FALSE;
}

JsonNode *
_wtw_json_parse (GBytes      *bytes,
                 const char  *file,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  if (!g_utf8_validate (data, size, NULL))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_SYNTAX, file, NULL, "not valid UTF-8");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_SYNTAX, file, NULL,
                      "not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_TYPE, file, NULL,
                      "the document must be a JSON object");
      return NULL;
    }

  return json_node_ref (root);
}

/* Unknown members are errors so that a misspelt field name never passes
 * silently as a missing optional one. */
gboolean
_wtw_json_check_fields (JsonObject         *object,
                        const char * const *known,
                        const char         *file,
                        const char         *path,
                        GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        {
          g_autofree char *member_path = _wtw_json_path_member (path, l->data);

          return _wtw_json_fail (error, WTW_CONTENT_ERROR_UNKNOWN_FIELD, file, member_path,
                                 "unknown field");
        }
    }

  return TRUE;
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *file,
            const char  *member_path,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    _wtw_json_fail (error, WTW_CONTENT_ERROR_MISSING, file, member_path,
                    "required field is missing");

  return node;
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
node_to_string (JsonNode    *node,
                const char  *file,
                const char  *path,
                char       **out,
                GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_TYPE, file, path, "must be a string");

  if (is_blank (json_node_get_string (node)))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, path, "must not be empty");

  *out = json_node_dup_string (node);
  return TRUE;
}

/* Reads a non-empty string. An absent optional member leaves *out NULL. */
gboolean
_wtw_json_get_string (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      const char  *file,
                      const char  *path,
                      char       **out,
                      GError     **error)
{
  g_autofree char *member_path = _wtw_json_path_member (path, member);
  JsonNode *node;

  *out = NULL;

  if (!(node = get_member (object, member, required, file, member_path, error)))
    return !required;

  return node_to_string (node, file, member_path, out, error);
}

gboolean
_wtw_json_get_int (JsonObject  *object,
                   const char  *member,
                   gint64       min,
                   gint64       max,
                   const char  *file,
                   const char  *path,
                   gint64      *out,
                   GError     **error)
{
  g_autofree char *member_path = _wtw_json_path_member (path, member);
  JsonNode *node;

  if (!(node = get_member (object, member, TRUE, file, member_path, error)))
    return FALSE;

  /* json-glib reads 90.0 as a double: that is not an integer here. */
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min ||
      json_node_get_int (node) > max)
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, member_path,
                           "must be an integer from %" G_GINT64_FORMAT
                           " to %" G_GINT64_FORMAT, min, max);

  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
_wtw_json_get_boolean (JsonObject  *object,
                       const char  *member,
                       const char  *file,
                       const char  *path,
                       gboolean    *out,
                       GError     **error)
{
  g_autofree char *member_path = _wtw_json_path_member (path, member);
  JsonNode *node;

  if (!(node = get_member (object, member, TRUE, file, member_path, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_TYPE, file, member_path,
                           "must be true or false");

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_wtw_json_get_object (JsonObject  *object,
                      const char  *member,
                      const char  *file,
                      const char  *path,
                      JsonObject **out,
                      GError     **error)
{
  g_autofree char *member_path = _wtw_json_path_member (path, member);
  JsonNode *node;

  if (!(node = get_member (object, member, TRUE, file, member_path, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_TYPE, file, member_path,
                           "must be an object");

  *out = json_node_get_object (node);
  return TRUE;
}

/* Reads an array of at least @min_length elements. An absent optional member
 * leaves *out NULL. */
gboolean
_wtw_json_get_array (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     guint        min_length,
                     const char  *file,
                     const char  *path,
                     JsonArray  **out,
                     GError     **error)
{
  g_autofree char *member_path = _wtw_json_path_member (path, member);
  JsonNode *node;

  *out = NULL;

  if (!(node = get_member (object, member, required, file, member_path, error)))
    return !required;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_TYPE, file, member_path,
                           "must be an array");

  if (json_array_get_length (json_node_get_array (node)) < min_length)
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, member_path,
                           "must have at least %u entries, has %u",
                           min_length, json_array_get_length (json_node_get_array (node)));

  *out = json_node_get_array (node);
  return TRUE;
}

/* Reads an array of non-empty strings. An absent optional member gives an
 * empty vector. */
gboolean
_wtw_json_get_strv (JsonObject   *object,
                    const char   *member,
                    gboolean      required,
                    guint         min_length,
                    const char   *file,
                    const char   *path,
                    char       ***out,
                    GError      **error)
{
  g_autofree char *member_path = _wtw_json_path_member (path, member);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!_wtw_json_get_array (object, member, required, min_length, file, path, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = _wtw_json_path_index (member_path, i);
      char *value;

      if (!node_to_string (json_array_get_element (array, i), file, element_path, &value, error))
        return FALSE;

      g_ptr_array_add (strings, value);
    }

  g_ptr_array_add (strings, NULL);
  *out = (char **)g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

gboolean
_wtw_json_get_element (JsonArray   *array,
                       guint        index,
                       const char  *file,
                       const char  *path,
                       JsonObject **out,
                       GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *element_path = _wtw_json_path_index (path, index);

      return _wtw_json_fail (error, WTW_CONTENT_ERROR_TYPE, file, element_path,
                             "must be an object");
    }

  *out = json_node_get_object (node);
  return TRUE;
}

/* Lengths count characters, not bytes, so that translations are measured
 * the same way as English. A @max_chars of 0 means no limit. */
gboolean
_wtw_json_check_length (const char  *value,
                        guint        min_chars,
                        guint        max_chars,
                        const char  *file,
                        const char  *path,
                        GError     **error)
{
  glong length = g_utf8_strlen (value, -1);

  if (length < min_chars || (max_chars > 0 && length > max_chars))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, path,
                           "must be %u–%u characters long, is %ld",
                           min_chars, max_chars, length);

  return TRUE;
}

/* Ids are what answers and progress are stored under: lowercase letters,
 * digits and single hyphens between them. */
gboolean
_wtw_json_is_id (const char *value)
{
  gboolean after_hyphen = TRUE;

  if (value == NULL || value[0] == '\0')
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_hyphen)
            return FALSE;
          after_hyphen = TRUE;
        }
      else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
        after_hyphen = FALSE;
      else
        return FALSE;
    }

  return !after_hyphen;
}

gboolean
_wtw_json_check_id (const char  *value,
                    const char  *file,
                    const char  *path,
                    GError     **error)
{
  if (!_wtw_json_is_id (value))
    return _wtw_json_fail (error, WTW_CONTENT_ERROR_INVALID, file, path,
                           "\"%s\" is not a valid id (lowercase a-z, 0-9 and single hyphens)",
                           value);

  return TRUE;
}
