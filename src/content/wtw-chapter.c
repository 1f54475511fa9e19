/* wtw-chapter.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-chapter"

#include "config.h"

#include "wtw-content-private.h"
#include "wtw-chapter.h"

/**
 * WtwChapter:
 *
 * One chapter of the workbook: an explanation, side-by-side scripts,
 * journal prompts and a couple exercise.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwChapter
{
  GObject      parent_instance;

  char         *id;
  guint         number;
  char         *title;
  char         *summary;
  char        **explanation;
  GListModel   *scripts;
  GListModel   *prompts;
  WtwExercise  *exercise;
};

G_DEFINE_FINAL_TYPE (WtwChapter, wtw_chapter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_EXPLANATION,
  PROP_SCRIPTS,
  PROP_PROMPTS,
  PROP_EXERCISE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_chapter_finalize (GObject *object)
{
  WtwChapter *self = (WtwChapter *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->explanation, g_strfreev);
  g_clear_object (&self->scripts);
  g_clear_object (&self->prompts);
  g_clear_object (&self->exercise);

  G_OBJECT_CLASS (wtw_chapter_parent_class)->finalize (object);
}

static void
wtw_chapter_constructed (GObject *object)
{
  WtwChapter *self = (WtwChapter *)object;

  G_OBJECT_CLASS (wtw_chapter_parent_class)->constructed (object);

  /* An object built without a list gets an empty one, so getters never
   * return %NULL. */
  if (self->scripts == NULL)
    self->scripts = G_LIST_MODEL (g_list_store_new (WTW_TYPE_SCRIPT_PAIR));
  if (self->prompts == NULL)
    self->prompts = G_LIST_MODEL (g_list_store_new (WTW_TYPE_PROMPT));
}

static void
wtw_chapter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WtwChapter *self = WTW_CHAPTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_EXPLANATION:
      g_value_set_boxed (value, self->explanation);
      break;

    case PROP_SCRIPTS:
      g_value_set_object (value, self->scripts);
      break;

    case PROP_PROMPTS:
      g_value_set_object (value, self->prompts);
      break;

    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_chapter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WtwChapter *self = WTW_CHAPTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_EXPLANATION:
      self->explanation = g_value_dup_boxed (value);
      break;

    case PROP_SCRIPTS:
      self->scripts = g_value_dup_object (value);
      break;

    case PROP_PROMPTS:
      self->prompts = g_value_dup_object (value);
      break;

    case PROP_EXERCISE:
      self->exercise = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_chapter_class_init (WtwChapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_chapter_constructed;
  object_class->finalize = wtw_chapter_finalize;
  object_class->get_property = wtw_chapter_get_property;
  object_class->set_property = wtw_chapter_set_property;

  /**
   * WtwChapter:id:
   *
   * The chapter's stable id (its file name without the number).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:number:
   *
   * The chapter's position in the workbook, from 1.
   */
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:title:
   *
   * The chapter's name.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:summary:
   *
   * One line for the chapter list.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:explanation:
   *
   * The paragraphs of the explanation.
   */
  properties[PROP_EXPLANATION] =
    g_param_spec_boxed ("explanation", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:scripts:
   *
   * The script pairs.
   */
  properties[PROP_SCRIPTS] =
    g_param_spec_object ("scripts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:prompts:
   *
   * The journal prompts.
   */
  properties[PROP_PROMPTS] =
    g_param_spec_object ("prompts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwChapter:exercise:
   *
   * The couple exercise.
   */
  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL,
                         WTW_TYPE_EXERCISE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_chapter_init (WtwChapter *self)
{
}

/**
 * wtw_chapter_get_id:
 * @self: a #WtwChapter
 *
 * Gets the id of @self.
 *
 * Returns: the chapter's stable id (its file name without the number)
 */
const char *
wtw_chapter_get_id (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->id;
}

/**
 * wtw_chapter_get_number:
 * @self: a #WtwChapter
 *
 * Gets the number of @self.
 *
 * Returns: the chapter's position in the workbook, from 1
 */
guint
wtw_chapter_get_number (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), 0);

  return self->number;
}

/**
 * wtw_chapter_get_title:
 * @self: a #WtwChapter
 *
 * Gets the title of @self.
 *
 * Returns: the chapter's name
 */
const char *
wtw_chapter_get_title (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->title;
}

/**
 * wtw_chapter_get_summary:
 * @self: a #WtwChapter
 *
 * Gets the summary of @self.
 *
 * Returns: one line for the chapter list
 */
const char *
wtw_chapter_get_summary (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->summary;
}

/**
 * wtw_chapter_get_explanation:
 * @self: a #WtwChapter
 *
 * Gets the explanation of @self.
 *
 * Returns: (transfer none): the paragraphs of the explanation; never
 *   %NULL, possibly empty
 */
const char * const *
wtw_chapter_get_explanation (WtwChapter *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->explanation != NULL ? (const char * const *)self->explanation : empty;
}

/**
 * wtw_chapter_get_scripts:
 * @self: a #WtwChapter
 *
 * Gets the scripts of @self.
 *
 * Returns: (transfer none): the script pairs
 */
GListModel *
wtw_chapter_get_scripts (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->scripts;
}

/**
 * wtw_chapter_get_prompts:
 * @self: a #WtwChapter
 *
 * Gets the prompts of @self.
 *
 * Returns: (transfer none): the journal prompts
 */
GListModel *
wtw_chapter_get_prompts (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->prompts;
}

/**
 * wtw_chapter_get_exercise:
 * @self: a #WtwChapter
 *
 * Gets the exercise of @self.
 *
 * Returns: (transfer none): the couple exercise
 */
WtwExercise *
wtw_chapter_get_exercise (WtwChapter *self)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);

  return self->exercise;
}

/**
 * wtw_chapter_new_from_bytes:
 * @bytes: the contents of a chapter file
 * @file: the file's name, such as `en/chapters/06-always-and-never.json`
 * @error: return location for a #WTW_CONTENT_ERROR
 *
 * Loads a chapter from JSON and checks it against the content schema. The
 * base name of @file must be `NN-slug.json`, with `NN` the chapter's number
 * and `slug` its id; @file also names the file in error messages.
 *
 * Returns: (transfer full): a new #WtwChapter, or %NULL with @error set
 */
WtwChapter *
wtw_chapter_new_from_bytes (GBytes      *bytes,
                            const char  *file,
                            GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _wtw_content_parse_chapter (bytes, file, error);
}

/**
 * wtw_chapter_lookup_prompt:
 * @self: a #WtwChapter
 * @id: a prompt id
 *
 * Returns: (transfer none) (nullable): the prompt with id @id, or %NULL
 */
WtwPrompt *
wtw_chapter_lookup_prompt (WtwChapter *self,
                           const char *id)
{
  g_return_val_if_fail (WTW_IS_CHAPTER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (self->prompts); i++)
    {
      g_autoptr(WtwPrompt) prompt = g_list_model_get_item (self->prompts, i);

      if (g_str_equal (wtw_prompt_get_id (prompt), id))
        return prompt;
    }

  return NULL;
}
