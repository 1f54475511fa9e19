/* wtw-prompt.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-prompt"

#include "config.h"

#include "wtw-prompt.h"

/**
 * WtwPrompt:
 *
 * A journal prompt of a chapter: a question for one person alone. Answers
 * are stored under its id, which never changes.
 *
 * Instances are immutable: every property is set once, at construction.
 */
struct _WtwPrompt
{
  GObject  parent_instance;

  char     *id;
  char     *text;
};

G_DEFINE_FINAL_TYPE (WtwPrompt, wtw_prompt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wtw_prompt_finalize (GObject *object)
{
  WtwPrompt *self = (WtwPrompt *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (wtw_prompt_parent_class)->finalize (object);
}

static void
wtw_prompt_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WtwPrompt *self = WTW_PROMPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_prompt_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WtwPrompt *self = WTW_PROMPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_prompt_class_init (WtwPromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wtw_prompt_finalize;
  object_class->get_property = wtw_prompt_get_property;
  object_class->set_property = wtw_prompt_set_property;

  /**
   * WtwPrompt:id:
   *
   * The prompt's stable id, unique within its chapter.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * WtwPrompt:text:
   *
   * The question.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wtw_prompt_init (WtwPrompt *self)
{
}

/**
 * wtw_prompt_get_id:
 * @self: a #WtwPrompt
 *
 * Gets the id of @self.
 *
 * Returns: the prompt's stable id, unique within its chapter
 */
const char *
wtw_prompt_get_id (WtwPrompt *self)
{
  g_return_val_if_fail (WTW_IS_PROMPT (self), NULL);

  return self->id;
}

/**
 * wtw_prompt_get_text:
 * @self: a #WtwPrompt
 *
 * Gets the text of @self.
 *
 * Returns: the question
 */
const char *
wtw_prompt_get_text (WtwPrompt *self)
{
  g_return_val_if_fail (WTW_IS_PROMPT (self), NULL);

  return self->text;
}
