/* wtw-content.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-content"

#include "config.h"

#include "wtw-content-json-private.h"
#include "wtw-content.h"

/**
 * WtwContent:
 *
 * Everything the app shows that is written rather than typed by its users:
 * the chapters, the quiz and the safety note, for one language.
 *
 * The content lives in folders per language below a root (the GResource at
 * %WTW_CONTENT_RESOURCE_PATH, or a directory in tests). English (`en`) is
 * the source and lists the chapters; every file is looked up in each of the
 * preferred languages in turn and falls back to English, so a translation
 * may cover only part of the content.
 *
 * Loading fails as a whole if any file breaks docs/content-schema.md: the
 * error names the file and the field, and no half-checked content is shown.
 */
struct _WtwContent
{
  GObject        parent_instance;

  char          *language;
  GListStore    *chapters;
  GHashTable    *chapters_by_id;
  WtwQuiz       *quiz;
  WtwSafetyNote *safety_note;
};

G_DEFINE_FINAL_TYPE (WtwContent, wtw_content, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_CHAPTERS,
  PROP_QUIZ,
  PROP_SAFETY_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GFile  *root;
  GStrv   languages;
  guint   first_used;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_object (&loader->root);
  g_clear_pointer (&loader->languages, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* A language name is used as a folder name: accept only what locale names
 * are made of, and leave out "C" and the ".UTF-8" variants, whose plain
 * forms g_get_language_names() lists as well. */
static gboolean
is_language_name (const char *name)
{
  if (name == NULL || name[0] == '\0' ||
      g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '@')
        return FALSE;
    }

  return TRUE;
}

static GStrv
language_candidates (const char * const *languages)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      if (is_language_name (languages[i]) &&
          !g_ptr_array_find_with_equal_func (candidates, languages[i], g_str_equal, NULL))
        g_ptr_array_add (candidates, g_strdup (languages[i]));
    }

  if (!g_ptr_array_find_with_equal_func (candidates, "en", g_str_equal, NULL))
    g_ptr_array_add (candidates, g_strdup ("en"));

  g_ptr_array_add (candidates, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&candidates), FALSE);
}

static gboolean
is_not_found (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* Loads <language>/<relative> for the first language that has it. *file
 * names the file that was read, as "de/quiz.json". */
static GBytes *
loader_load (Loader      *loader,
             const char  *relative,
             char       **file,
             GError     **error)
{
  for (guint i = 0; loader->languages[i] != NULL; i++)
    {
      g_autofree char *name = g_build_path ("/", loader->languages[i], relative, NULL);
      g_autoptr(GFile) child = g_file_resolve_relative_path (loader->root, name);
      g_autoptr(GError) local_error = NULL;
      GBytes *bytes;

      if ((bytes = g_file_load_bytes (child, NULL, NULL, &local_error)))
        {
          loader->first_used = MIN (loader->first_used, i);
          *file = g_steal_pointer (&name);
          return bytes;
        }

      if (!is_not_found (local_error))
        {
          _wtw_json_fail (error, WTW_CONTENT_ERROR_NOT_FOUND, name, NULL,
                          "cannot be read: %s", local_error->message);
          return NULL;
        }
    }

  _wtw_json_fail (error, WTW_CONTENT_ERROR_NOT_FOUND, relative, NULL,
                  "not found, not even in English");
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The English folder is the list of chapters; file names start with the
 * chapter's number, so sorting them puts the chapters in order. */
static GStrv
loader_list_chapters (Loader  *loader,
                      GError **error)
{
  g_autoptr(GFile) folder = g_file_resolve_relative_path (loader->root, "en/chapters");
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_NOT_FOUND, "en/chapters", NULL,
                      "cannot be listed: %s", local_error->message);
      return NULL;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &local_error)))
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY &&
          g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_build_path ("/", "chapters", name, NULL));

      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      _wtw_json_fail (error, WTW_CONTENT_ERROR_NOT_FOUND, "en/chapters", NULL,
                      "cannot be listed: %s", local_error->message);
      return NULL;
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
load_chapters (WtwContent  *self,
               Loader      *loader,
               GError     **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  g_auto(GStrv) names = NULL;

  if (!(names = loader_list_chapters (loader, error)))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(WtwChapter) chapter = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *file = NULL;
      guint number;

      if (!(bytes = loader_load (loader, names[i], &file, error)) ||
          !(chapter = wtw_chapter_new_from_bytes (bytes, file, error)))
        return FALSE;

      number = wtw_chapter_get_number (chapter);
      if (!g_hash_table_add (numbers, GUINT_TO_POINTER (number)))
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, "number",
                               "another chapter already has the number %u", number);

      if (g_hash_table_contains (self->chapters_by_id, wtw_chapter_get_id (chapter)))
        return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, "id",
                               "another chapter already has the id \"%s\"",
                               wtw_chapter_get_id (chapter));

      g_hash_table_insert (self->chapters_by_id,
                           (gpointer)wtw_chapter_get_id (chapter),
                           chapter);
      g_list_store_append (self->chapters, chapter);
    }

  return TRUE;
}

static gboolean
check_chapter_refs (WtwContent         *self,
                    const char * const *ids,
                    const char         *file,
                    const char         *path,
                    GError            **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!g_hash_table_contains (self->chapters_by_id, ids[i]))
        {
          g_autofree char *id_path = _wtw_json_path_index (path, i);

          return _wtw_json_fail (error, WTW_CONTENT_ERROR_REFERENCE, file, id_path,
                                 "no chapter with id \"%s\"", ids[i]);
        }
    }

  return TRUE;
}

/* The quiz points people to chapters; a link to a chapter that does not
 * exist would be a dead end in the app. */
static gboolean
check_quiz_chapters (WtwContent  *self,
                     const char  *file,
                     GError     **error)
{
  GListModel *dimensions = wtw_quiz_get_dimensions (self->quiz);
  GListModel *insights = wtw_quiz_get_insights (self->quiz);

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(WtwQuizDimension) dimension = g_list_model_get_item (dimensions, i);
      g_autofree char *path = g_strdup_printf ("dimensions[%u].chapters", i);

      if (!check_chapter_refs (self, wtw_quiz_dimension_get_chapters (dimension),
                               file, path, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (insights); i++)
    {
      g_autoptr(WtwQuizInsight) insight = g_list_model_get_item (insights, i);
      g_autofree char *path = g_strdup_printf ("insights[%u].chapters", i);

      if (!check_chapter_refs (self, wtw_quiz_insight_get_chapters (insight),
                               file, path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_quiz_and_safety_note (WtwContent  *self,
                           Loader      *loader,
                           GError     **error)
{
  g_autoptr(GBytes) quiz_bytes = NULL;
  g_autoptr(GBytes) safety_bytes = NULL;
  g_autofree char *quiz_file = NULL;
  g_autofree char *safety_file = NULL;

  if (!(quiz_bytes = loader_load (loader, "quiz.json", &quiz_file, error)) ||
      !(self->quiz = wtw_quiz_new_from_bytes (quiz_bytes, quiz_file, error)) ||
      !check_quiz_chapters (self, quiz_file, error))
    return FALSE;

  if (!(safety_bytes = loader_load (loader, "safety.json", &safety_file, error)) ||
      !(self->safety_note = wtw_safety_note_new_from_bytes (safety_bytes, safety_file, error)))
    return FALSE;

  return TRUE;
}

static void
wtw_content_dispose (GObject *object)
{
  WtwContent *self = (WtwContent *)object;

  g_clear_pointer (&self->chapters_by_id, g_hash_table_unref);
  g_clear_object (&self->chapters);
  g_clear_object (&self->quiz);
  g_clear_object (&self->safety_note);

  G_OBJECT_CLASS (wtw_content_parent_class)->dispose (object);
}

static void
wtw_content_finalize (GObject *object)
{
  WtwContent *self = (WtwContent *)object;

  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (wtw_content_parent_class)->finalize (object);
}

static void
wtw_content_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WtwContent *self = WTW_CONTENT (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_CHAPTERS:
      g_value_set_object (value, self->chapters);
      break;

    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    case PROP_SAFETY_NOTE:
      g_value_set_object (value, self->safety_note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_content_class_init (WtwContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wtw_content_dispose;
  object_class->finalize = wtw_content_finalize;
  object_class->get_property = wtw_content_get_property;

  /**
   * WtwContent:language:
   *
   * The preferred language that provided at least one file, or `en`.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwContent:chapters:
   *
   * The #WtwChapter<!-- -->s, in order.
   */
  properties[PROP_CHAPTERS] =
    g_param_spec_object ("chapters", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwContent:quiz:
   *
   * The C.A.R.E. & Intimacy Quiz.
   */
  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         WTW_TYPE_QUIZ,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * WtwContent:safety-note:
   *
   * The safety note shown before every couple exercise.
   */
  properties[PROP_SAFETY_NOTE] =
    g_param_spec_object ("safety-note", NULL, NULL,
                         WTW_TYPE_SAFETY_NOTE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_content_init (WtwContent *self)
{
  self->chapters = g_list_store_new (WTW_TYPE_CHAPTER);
  /* Keys and values are owned by the chapters in self->chapters. */
  self->chapters_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * wtw_content_new_from_file:
 * @root: the folder that holds one folder per language
 * @languages: (nullable) (array zero-terminated=1): the preferred languages,
 *   most preferred first, as g_get_language_names() gives them; %NULL for
 *   English only
 * @error: return location for a #WTW_CONTENT_ERROR
 *
 * Loads and checks all content below @root, which may be a local folder or
 * a `resource://` location. English is always tried last.
 *
 * Returns: (transfer full): a new #WtwContent, or %NULL with @error set
 */
WtwContent *
wtw_content_new_from_file (GFile               *root,
                           const char * const  *languages,
                           GError             **error)
{
  g_autoptr(WtwContent) self = NULL;
  g_auto(Loader) loader = { NULL, };

  g_return_val_if_fail (G_IS_FILE (root), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loader.root = g_object_ref (root);
  loader.languages = language_candidates (languages);
  loader.first_used = G_MAXUINT;

  self = g_object_new (WTW_TYPE_CONTENT, NULL);

  if (!load_chapters (self, &loader, error) ||
      !load_quiz_and_safety_note (self, &loader, error))
    return NULL;

  /* Every successful load has read at least the English chapter list. */
  g_assert (loader.first_used < g_strv_length (loader.languages));
  self->language = g_strdup (loader.languages[loader.first_used]);
  g_debug ("Loaded %u chapters, language %s",
           g_list_model_get_n_items (G_LIST_MODEL (self->chapters)), self->language);

  return g_steal_pointer (&self);
}

/**
 * wtw_content_new_for_languages:
 * @languages: (nullable) (array zero-terminated=1): the preferred languages,
 *   most preferred first; %NULL for English only
 * @error: return location for a #WTW_CONTENT_ERROR
 *
 * Loads the content compiled into the application's GResource.
 *
 * Returns: (transfer full): a new #WtwContent, or %NULL with @error set
 */
WtwContent *
wtw_content_new_for_languages (const char * const  *languages,
                               GError             **error)
{
  g_autoptr(GFile) root = g_file_new_for_uri ("resource://" WTW_CONTENT_RESOURCE_PATH);

  return wtw_content_new_from_file (root, languages, error);
}

/**
 * wtw_content_new:
 * @error: return location for a #WTW_CONTENT_ERROR
 *
 * Loads the content compiled into the application's GResource, in the
 * user's languages (g_get_language_names()).
 *
 * Returns: (transfer full): a new #WtwContent, or %NULL with @error set
 */
WtwContent *
wtw_content_new (GError **error)
{
  return wtw_content_new_for_languages (g_get_language_names (), error);
}

/**
 * wtw_content_get_language:
 * @self: a #WtwContent
 *
 * Returns: the most preferred language that provided at least one file
 */
const char *
wtw_content_get_language (WtwContent *self)
{
  g_return_val_if_fail (WTW_IS_CONTENT (self), NULL);

  return self->language;
}

/**
 * wtw_content_get_chapters:
 * @self: a #WtwContent
 *
 * Returns: (transfer none): the #WtwChapter<!-- -->s, in order
 */
GListModel *
wtw_content_get_chapters (WtwContent *self)
{
  g_return_val_if_fail (WTW_IS_CONTENT (self), NULL);

  return G_LIST_MODEL (self->chapters);
}

/**
 * wtw_content_lookup_chapter:
 * @self: a #WtwContent
 * @id: a chapter id, such as `always-and-never`
 *
 * Returns: (transfer none) (nullable): the chapter with id @id, or %NULL
 */
WtwChapter *
wtw_content_lookup_chapter (WtwContent *self,
                            const char *id)
{
  g_return_val_if_fail (WTW_IS_CONTENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->chapters_by_id, id);
}

/**
 * wtw_content_get_quiz:
 * @self: a #WtwContent
 *
 * Returns: (transfer none): the quiz
 */
WtwQuiz *
wtw_content_get_quiz (WtwContent *self)
{
  g_return_val_if_fail (WTW_IS_CONTENT (self), NULL);

  return self->quiz;
}

/**
 * wtw_content_get_safety_note:
 * @self: a #WtwContent
 *
 * Returns: (transfer none): the safety note
 */
WtwSafetyNote *
wtw_content_get_safety_note (WtwContent *self)
{
  g_return_val_if_fail (WTW_IS_CONTENT (self), NULL);

  return self->safety_note;
}
