/* wtw-safety-note.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-safety-note"

#include "config.h"

#include "wtw-content-private.h"
#include "wtw-safety-note.h"

/**
 * WtwSafetyNote:
 *
 * The safety note shown before every couple exercise.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwSafetyNote
{
  GObject     parent_instance;

  char        *title;
  char       **paragraphs;
  GListModel  *help;
};

G_DEFINE_FINAL_TYPE (WtwSafetyNote, wtw_safety_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PARAGRAPHS,
  PROP_HELP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_safety_note_finalize (GObject *object)
{
  WtwSafetyNote *self = (WtwSafetyNote *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->paragraphs, g_strfreev);
  g_clear_object (&self->help);

  G_OBJECT_CLASS (wtw_safety_note_parent_class)->finalize (object);
}

static void
wtw_safety_note_constructed (GObject *object)
{
  WtwSafetyNote *self = (WtwSafetyNote *)object;

  G_OBJECT_CLASS (wtw_safety_note_parent_class)->constructed (object);

  /* An object built without a list gets an empty one, so getters never
   * return %NULL. */
  if (self->help == NULL)
    self->help = G_LIST_MODEL (g_list_store_new (WTW_TYPE_HELP_LINE));
}

static void
wtw_safety_note_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WtwSafetyNote *self = WTW_SAFETY_NOTE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PARAGRAPHS:
      g_value_set_boxed (value, self->paragraphs);
      break;

    case PROP_HELP:
      g_value_set_object (value, self->help);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_safety_note_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WtwSafetyNote *self = WTW_SAFETY_NOTE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_PARAGRAPHS:
      self->paragraphs = g_value_dup_boxed (value);
      break;

    case PROP_HELP:
      self->help = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_safety_note_class_init (WtwSafetyNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wtw_safety_note_constructed;
  object_class->finalize = wtw_safety_note_finalize;
  object_class->get_property = wtw_safety_note_get_property;
  object_class->set_property = wtw_safety_note_set_property;

  /**
   * WtwSafetyNote:title:
   *
   * The note's title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwSafetyNote:paragraphs:
   *
   * The paragraphs of the note.
   */
  properties[PROP_PARAGRAPHS] =
    g_param_spec_boxed ("paragraphs", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * WtwSafetyNote:help:
   *
   * Where to find help.
   */
  properties[PROP_HELP] =
    g_param_spec_object ("help", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_safety_note_init (WtwSafetyNote *self)
{
}

/**
 * wtw_safety_note_get_title:
 * @self: a #WtwSafetyNote
 *
 * Gets the title of @self.
 *
 * Returns: the note's title
 */
const char *
wtw_safety_note_get_title (WtwSafetyNote *self)
{
  g_return_val_if_fail (WTW_IS_SAFETY_NOTE (self), NULL);

  return self->title;
}

/**
 * wtw_safety_note_get_paragraphs:
 * @self: a #WtwSafetyNote
 *
 * Gets the paragraphs of @self.
 *
 * Returns: (transfer none): the paragraphs of the note; never %NULL,
 *   possibly empty
 */
const char * const *
wtw_safety_note_get_paragraphs (WtwSafetyNote *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (WTW_IS_SAFETY_NOTE (self), NULL);

  return self->paragraphs != NULL ? (const char * const *)self->paragraphs : empty;
}

/**
 * wtw_safety_note_get_help:
 * @self: a #WtwSafetyNote
 *
 * Gets the help of @self.
 *
 * Returns: (transfer none): where to find help
 */
GListModel *
wtw_safety_note_get_help (WtwSafetyNote *self)
{
  g_return_val_if_fail (WTW_IS_SAFETY_NOTE (self), NULL);

  return self->help;
}

/**
 * wtw_safety_note_new_from_bytes:
 * @bytes: the contents of a safety note file
 * @file: the file's name, used in error messages
 * @error: return location for a #WTW_CONTENT_ERROR
 *
 * Loads the safety note from JSON and checks it against the content schema.
 *
 * Returns: (transfer full): a new #WtwSafetyNote, or %NULL with @error set
 */
WtwSafetyNote *
wtw_safety_note_new_from_bytes (GBytes      *bytes,
                                const char  *file,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _wtw_content_parse_safety_note (bytes, file, error);
}
