/* fuzz-import-check.h
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "fuzz-common.h"
#include "wtw-import-private.h"
#include "wtw-secure.h"

/* Shared by the three import targets. The input is written to a scratch
 * file with the name a person would give it, then loaded as @format, the
 * way the app and `wtw-vault import` load it. Whatever the bytes:
 *   - loading returns a plan or a WTW_IMPORT_ERROR (or a cancellation),
 *     never crashes, never hangs, never leaks;
 *   - every text in the plan, every label and every reason is UTF-8, since
 *     all of it reaches the vault or the screen;
 *   - every item is one the apply step can write: an entry with a date and
 *     some words, an answer with its question, a part 1–4, a score 0–100
 *     or unknown, quiz answers that are a JSON object. */

static inline void
fuzz_assert_text (const char *text)
{
  g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

static inline guint
fuzz_json_depth (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        deepest = MAX (deepest, fuzz_json_depth (member));
      return deepest + 1;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        deepest = MAX (deepest, fuzz_json_depth (json_array_get_element (array, i)));
      return deepest + 1;
    }
  return 0;
}

/* The depth scan must never let through what the parser nests deeper. */
static inline void
fuzz_check_depth_scan (const uint8_t *data,
                       size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!_wtw_import_json_depth_ok ((const char *) data, size)
      || !g_utf8_validate_len ((const char *) data, size, NULL)
      || !json_parser_load_from_data (parser, (const char *) data, size, NULL)
      || (root = json_parser_get_root (parser)) == NULL)
    return;
  g_assert (fuzz_json_depth (root) <= WTW_IMPORT_MAX_JSON_DEPTH);
}

static inline void
fuzz_check_plan (WtwImportPlan *plan)
{
  for (guint i = 0; i < plan->skipped->len; i++)
    {
      const WtwImportSkip *skip = g_ptr_array_index (plan->skipped, i);

      g_assert (skip->item != NULL && skip->reason != NULL);
      fuzz_assert_text (skip->item);
      fuzz_assert_text (skip->reason);
    }
  for (guint i = 0; i < plan->items->len; i++)
    {
      const WtwImportItem *item = g_ptr_array_index (plan->items, i);

      g_assert (item->label != NULL);
      fuzz_assert_text (item->label);
      switch (item->kind)
        {
        case WTW_IMPORT_ITEM_ENTRY:
          g_assert (item->entry != NULL);
          g_assert (item->entry->created >= 0);
          g_assert (item->entry->updated >= 0);
          g_assert ((item->entry->title != NULL && *item->entry->title != '\0')
                    || (item->entry->body != NULL && *item->entry->body != '\0'));
          fuzz_assert_text (item->entry->title);
          fuzz_assert_text (item->entry->body);
          fuzz_assert_text (item->entry->mood);
          fuzz_assert_text (item->entry->chapter_id);
          fuzz_assert_text (item->entry->prompt_id);
          for (guint t = 0; item->tags != NULL && item->tags[t] != NULL; t++)
            fuzz_assert_text (item->tags[t]);
          break;
        case WTW_IMPORT_ITEM_REFLECTION:
          g_assert (item->reflection->chapter_id != NULL && item->reflection->prompt_id != NULL);
          fuzz_assert_text (item->reflection->chapter_id);
          fuzz_assert_text (item->reflection->prompt_id);
          fuzz_assert_text (item->reflection->body);
          break;
        case WTW_IMPORT_ITEM_CONVERSATION:
          g_assert (item->conversation->chapter_id != NULL);
          g_assert (item->conversation->started >= 0);
          fuzz_assert_text (item->conversation->chapter_id);
          fuzz_assert_text (item->conversation->name_a);
          fuzz_assert_text (item->conversation->notes_a);
          fuzz_assert_text (item->conversation->name_b);
          fuzz_assert_text (item->conversation->notes_b);
          break;
        case WTW_IMPORT_ITEM_PROGRESS:
          g_assert (item->chapter_id != NULL);
          fuzz_assert_text (item->chapter_id);
          g_assert (item->parts != 0 && item->parts < (1u << WTW_WORKBOOK_N_PARTS));
          break;
        case WTW_IMPORT_ITEM_QUIZ:
          {
            g_autoptr(JsonParser) parser = json_parser_new ();

            g_assert (item->quiz->taken >= 0);
            for (guint s = 0; s < WTW_VAULT_QUIZ_N_SCORES; s++)
              g_assert (item->quiz->scores[s] == -1
                        || (item->quiz->scores[s] >= 0 && item->quiz->scores[s] <= 100));
            g_assert (item->quiz->answers_json != NULL);
            g_assert (_wtw_import_json_depth_ok (item->quiz->answers_json,
                                                 strlen (item->quiz->answers_json)));
            g_assert (json_parser_load_from_data (parser, item->quiz->answers_json, -1, NULL));
            g_assert (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
          }
          break;
        case WTW_IMPORT_ITEM_HOMEWORK:
          g_assert (item->homework->chapter_id != NULL);
          fuzz_assert_text (item->homework->chapter_id);
          fuzz_assert_text (item->homework->note);
          g_assert (item->homework->part <= WTW_WORKBOOK_N_PARTS);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static inline void
fuzz_import_one (const char      *name,
                 WtwImportFormat  format,
                 const uint8_t   *data,
                 size_t           size)
{
  static GHashTable *files;
  g_autoptr(WtwImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (files == NULL)
    files = g_hash_table_new (g_str_hash, g_str_equal);
  if ((file = g_hash_table_lookup (files, name)) == NULL)
    {
      g_autofree char *path = fuzz_scratch_path (name);

      file = g_file_new_for_path (path);
      g_hash_table_insert (files, (gpointer) name, file);
    }
  fuzz_write_file (g_file_peek_path (file), NULL, 0, data, size);

  plan = wtw_import_plan_load (file, format, NULL, &error);
  if (plan == NULL)
    {
      g_assert (error != NULL && error->domain == WTW_IMPORT_ERROR);
      fuzz_assert_text (error->message);
      return;
    }
  g_assert_no_error (error);
  fuzz_check_plan (plan);
}
