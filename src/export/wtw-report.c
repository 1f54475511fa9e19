/* wtw-report.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "wtw-report.h"
#include "wtw-vault-quiz.h"
#include "wtw-vault-tags.h"
#include "wtw-vault-workbook.h"

#define ROWS_PAGE 1000
/* Milliseconds of reading per main-loop turn in wtw_report_gather_async(). */
#define SLICE_USEC 8000

typedef struct
{
  WtwReportBlockKind  kind;
  char               *text;
} Block;

struct _WtwReport
{
  char             *title;
  char             *author;
  gint64            created;
  char            **contents;
  char             *privacy_note;
  WtwReportSummary  summary;
  GArray           *blocks;
};

typedef enum
{
  PHASE_START,
  PHASE_REFLECTIONS,
  PHASE_EXERCISES,
  PHASE_JOURNAL,
  PHASE_QUIZ,
  PHASE_DONE,
} Phase;

/* Reading the vault one small step at a time, so that the async variant
 * can share the main loop with the window (the vault belongs to its
 * thread) and the sync one is the same code in a loop. */
typedef struct
{
  WtwVault           *vault;
  WtwContent         *content;
  WtwReportSelection *selection;
  gboolean            summary_only;
  WtwReport          *report;
  GPtrArray          *members;
  GPtrArray          *reflection_chapters;   /* WtwChapter, in book order */
  GPtrArray          *exercise_chapters;
  GArray             *entry_ids;             /* gint64, oldest first */
  Phase               phase;
  guint               index;
  guint               total;
  guint               done;
  WtwVaultProgress    progress;
  gpointer            progress_data;
} Gather;

G_DEFINE_BOXED_TYPE (WtwReportSelection, wtw_report_selection,
                     wtw_report_selection_copy, wtw_report_selection_free)
G_DEFINE_BOXED_TYPE (WtwReport, wtw_report, wtw_report_ref, wtw_report_unref)

static void
wipe_string (char *text)
{
  if (text != NULL)
    memset (text, 0, strlen (text));
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  wipe_string (block->text);
  g_free (block->text);
}

static void
report_clear (gpointer data)
{
  WtwReport *report = data;

  g_free (report->title);
  g_free (report->author);
  g_strfreev (report->contents);
  g_free (report->privacy_note);
  g_array_unref (report->blocks);
}

static void
add_block (Gather             *g,
           WtwReportBlockKind  kind,
           const char         *text)
{
  Block block = { kind, g_strdup (text) };

  if (g->summary_only)
    {
      g_free (block.text);
      return;
    }
  g_strdelimit (block.text, "\r", ' ');
  g_array_append_val (g->report->blocks, block);
}

static void
add_block_take (Gather             *g,
                WtwReportBlockKind  kind,
                char               *text)
{
  add_block (g, kind, text);
  wipe_string (text);
  g_free (text);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static const char *
member_name (Gather *g,
             gint64  member_id)
{
  for (guint i = 0; i < g->members->len; i++)
    {
      const WtwVaultMember *member = g_ptr_array_index (g->members, i);

      if (member->id == member_id)
        return member->name;
    }
  return _("A former member");
}

/* The one rule every row passes: sealed rows never go in, private rows
 * only the exporting member's own and only when asked for, and the other
 * member's rows not at all with only_mine. */
static gboolean
row_allowed (Gather   *g,
             gint64    member_id,
             gboolean  is_private,
             gboolean  sealed)
{
  gint64 me = wtw_vault_get_member_id (g->vault);

  if (sealed)
    return FALSE;
  if (is_private && (member_id != me || !g->selection->include_private))
    return FALSE;
  if (g->selection->only_mine && member_id != me)
    return FALSE;
  return TRUE;
}

static GPtrArray *
chosen_chapters (WtwContent         *content,
                 const char * const *ids)
{
  GListModel *chapters = wtw_content_get_chapters (content);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids == NULL)
    return out;
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strv_contains (ids, wtw_chapter_get_id (chapter)))
        g_ptr_array_add (out, g_steal_pointer (&chapter));
    }
  return out;
}

static char *
chapter_heading (WtwChapter *chapter)
{
  /* Translators: a chapter's heading in the report: its number, then its title */
  return g_strdup_printf (_("Chapter %u · %s"), wtw_chapter_get_number (chapter),
                          wtw_chapter_get_title (chapter));
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  /* Translators: a g_date_time_format() format for when a conversation was
   * held or a journal entry written, as in "Monday, 4 May 2026 at 21:30" */
  return dt != NULL ? g_date_time_format (dt, _("%A, %-d %B %Y at %H:%M")) : g_strdup ("");
}

static gint
compare_ids_by_created (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  GHashTable *created = user_data;
  gint64 ca = *(gint64 *) g_hash_table_lookup (created, a);
  gint64 cb = *(gint64 *) g_hash_table_lookup (created, b);

  if (ca != cb)
    return ca < cb ? -1 : 1;
  return *(const gint64 *) a < *(const gint64 *) b ? -1 : *(const gint64 *) a > *(const gint64 *) b;
}

/* Entries with any of the chosen tags (or all, without tags), as ids in
 * the order they were written. Listings carry no bodies, so this stays
 * cheap for a preview. */
static gboolean
collect_entry_ids (Gather  *g,
                   GError **error)
{
  const WtwReportSelection *sel = g->selection;
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const char *no_tag[] = { NULL, NULL };
  const char * const *tags = (sel->journal_tags != NULL && sel->journal_tags[0] != NULL)
                             ? (const char * const *) sel->journal_tags : no_tag;
  guint n_tags = MAX (1, sel->journal_tags != NULL ? g_strv_length (sel->journal_tags) : 0);
  GHashTableIter iter;
  gpointer key;

  for (guint t = 0; t < n_tags; t++)
    {
      WtwJournalFilter filter = { 0 };

      filter.tag = tags[t];
      filter.from = sel->journal_from;
      filter.to = sel->journal_to;
      for (guint offset = 0;; offset += ROWS_PAGE)
        {
          g_autoptr(GPtrArray) rows = wtw_vault_journal_query (g->vault, &filter, offset, ROWS_PAGE, error);

          if (rows == NULL)
            return FALSE;
          for (guint i = 0; i < rows->len; i++)
            {
              const WtwJournalRow *row = g_ptr_array_index (rows, i);
              const WtwJournalEntry *entry = row->entry;

              if (!row_allowed (g, entry->member_id, entry->is_private, entry->sealed)
                  || g_hash_table_contains (created, &entry->id))
                continue;
              g_hash_table_insert (created, g_memdup2 (&entry->id, sizeof entry->id),
                                   g_memdup2 (&entry->created, sizeof entry->created));
              g->report->summary.n_entries++;
              if (entry->is_private)
                g->report->summary.n_private_entries++;
            }
          if (rows->len < ROWS_PAGE)
            break;
        }
    }

  g_hash_table_iter_init (&iter, created);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (g->entry_ids, *(gint64 *) key);
  g_array_sort_with_data (g->entry_ids, compare_ids_by_created, created);
  return TRUE;
}

static gboolean
gather_start (Gather  *g,
              GError **error)
{
  const WtwReportSelection *sel = g->selection;

  if ((g->members = wtw_vault_list_members (g->vault, error)) == NULL)
    return FALSE;
  g->reflection_chapters = chosen_chapters (g->content, (const char * const *) sel->reflection_chapters);
  g->exercise_chapters = chosen_chapters (g->content, (const char * const *) sel->exercise_chapters);
  if (sel->journal && !collect_entry_ids (g, error))
    return FALSE;

  g->total = 1 + g->reflection_chapters->len + g->exercise_chapters->len
             + (g->summary_only ? 0 : g->entry_ids->len) + (sel->quiz ? 1 : 0);
  g->done = 1;
  g->phase = PHASE_REFLECTIONS;
  return TRUE;
}

static gboolean
gather_reflections (Gather  *g,
                    GError **error)
{
  WtwChapter *chapter = g_ptr_array_index (g->reflection_chapters, g->index);
  g_autoptr(GPtrArray) answers = NULL;
  GListModel *prompts = wtw_chapter_get_prompts (chapter);
  guint n_before = g->report->summary.n_reflections;

  if ((answers = wtw_vault_reflection_list (g->vault, wtw_chapter_get_id (chapter), error)) == NULL)
    return FALSE;
  if (g->index == 0)
    add_block (g, WTW_REPORT_BLOCK_SECTION, _("Reflections"));
  add_block_take (g, WTW_REPORT_BLOCK_HEADING, chapter_heading (chapter));

  for (guint p = 0; p < g_list_model_get_n_items (prompts); p++)
    {
      g_autoptr(WtwPrompt) prompt = g_list_model_get_item (prompts, p);
      gboolean labelled = FALSE;

      for (guint i = 0; i < answers->len; i++)
        {
          const WtwReflection *answer = g_ptr_array_index (answers, i);
          g_autofree char *updated = NULL;

          if (g_strcmp0 (answer->prompt_id, wtw_prompt_get_id (prompt)) != 0
              || !row_allowed (g, answer->member_id, answer->is_private, answer->sealed)
              || is_blank (answer->body))
            continue;
          if (!labelled)
            add_block (g, WTW_REPORT_BLOCK_LABEL, wtw_prompt_get_text (prompt));
          labelled = TRUE;
          updated = wtw_report_format_date (answer->updated);
          if (answer->is_private)
            add_block_take (g, WTW_REPORT_BLOCK_META,
                            /* Translators: a private answer's details: who
                             * wrote it, then the day it was last changed */
                            g_strdup_printf (_("%s · %s · private"), member_name (g, answer->member_id),
                                             updated));
          else
            add_block_take (g, WTW_REPORT_BLOCK_META,
                            g_strdup_printf ("%s · %s", member_name (g, answer->member_id), updated));
          add_block (g, WTW_REPORT_BLOCK_BODY, answer->body);
          g->report->summary.n_reflections++;
        }
    }

  if (g->report->summary.n_reflections > n_before)
    g->report->summary.n_reflection_chapters++;
  else
    add_block (g, WTW_REPORT_BLOCK_NOTE, _("No answers have been written in this chapter yet."));
  return TRUE;
}

static void
add_conversation (Gather                  *g,
                  const WtwExerciseRecord *record)
{
  const char *a = !is_blank (record->name_a) ? record->name_a : _("Partner A");
  const char *b = !is_blank (record->name_b) ? record->name_b : _("Partner B");
  g_autofree char *when = format_time (record->started);

  /* Translators: a conversation's details: when it was held, then the two
   * partners' names */
  add_block_take (g, WTW_REPORT_BLOCK_META, g_strdup_printf (_("%s · %s and %s"), when, a, b));
  if (!is_blank (record->notes_a))
    {
      /* Translators: a label over the notes a partner wrote after a
       * conversation; %s is the partner's name */
      add_block_take (g, WTW_REPORT_BLOCK_LABEL, g_strdup_printf (_("What %s noticed"), a));
      add_block (g, WTW_REPORT_BLOCK_BODY, record->notes_a);
    }
  if (!is_blank (record->notes_b))
    {
      /* Translators: a label over the notes a partner wrote after a
       * conversation; %s is the partner's name */
      add_block_take (g, WTW_REPORT_BLOCK_LABEL, g_strdup_printf (_("What %s noticed"), b));
      add_block (g, WTW_REPORT_BLOCK_BODY, record->notes_b);
    }
}

static gboolean
gather_exercises (Gather  *g,
                  GError **error)
{
  WtwChapter *chapter = g_ptr_array_index (g->exercise_chapters, g->index);
  g_autoptr(GPtrArray) records = NULL;
  guint n = 0;

  if ((records = wtw_vault_exercise_list (g->vault, wtw_chapter_get_id (chapter), error)) == NULL)
    return FALSE;
  if (g->index == 0)
    add_block (g, WTW_REPORT_BLOCK_SECTION, _("Conversation Notes"));
  add_block_take (g, WTW_REPORT_BLOCK_HEADING, chapter_heading (chapter));

  /* Listed newest first; read in the order they were held. */
  for (guint i = records->len; i > 0; i--)
    {
      const WtwExerciseRecord *record = g_ptr_array_index (records, i - 1);

      if (is_blank (record->notes_a) && is_blank (record->notes_b))
        continue;
      add_conversation (g, record);
      n++;
    }
  g->report->summary.n_conversations += n;
  if (n == 0)
    add_block (g, WTW_REPORT_BLOCK_NOTE,
               _("No notes have been written after a conversation of this chapter yet."));
  return TRUE;
}

static char *
describe_journal_filter (const WtwReportSelection *sel)
{
  GString *text = g_string_new (NULL);

  if (sel->journal_from != 0)
    {
      g_autofree char *from = wtw_report_format_date (sel->journal_from);

      /* Translators: part of the journal's description, added after e.g.
       * "3 entries"; %s is a day, as in "1 May 2026". Keep the space at
       * the start. */
      g_string_append_printf (text, _(" from %s"), from);
    }
  if (sel->journal_to != 0)
    {
      g_autofree char *to = wtw_report_format_date (sel->journal_to - 1);

      /* Translators: part of the journal's description, added after e.g.
       * "3 entries from 1 May 2026"; %s is a day, as in "31 May 2026". Keep
       * the space at the start. */
      g_string_append_printf (text, _(" until %s"), to);
    }
  if (sel->journal_tags != NULL && sel->journal_tags[0] != NULL)
    {
      /* Translators: what goes between two tags in ", tagged “work”, “family”":
       * a closing quote, a comma, a space and an opening quote */
      g_autofree char *tags = g_strjoinv (_("”, “"), sel->journal_tags);

      /* Translators: the last part of the journal's description, added after
       * e.g. "3 entries from 1 May 2026"; %s is one or more tags, as in
       * work”, “family. Keep the comma at the start. */
      g_string_append_printf (text, _(", tagged “%s”"), tags);
    }
  return g_string_free (text, FALSE);
}

static void
journal_heading (Gather *g)
{
  guint n = g->report->summary.n_entries;
  g_autofree char *filter = describe_journal_filter (g->selection);

  add_block (g, WTW_REPORT_BLOCK_SECTION, _("Journal"));
  if (n == 0)
    add_block_take (g, WTW_REPORT_BLOCK_NOTE,
                    /* Translators: %s is which entries were chosen, as in
                     * " from 1 May 2026, tagged “work”", or nothing when
                     * all of them were */
                    g_strdup_printf (_("No journal entries were written%s."), filter));
  else
    add_block_take (g, WTW_REPORT_BLOCK_META,
                    /* Translators: the number of journal entries in the
                     * report; %s is which entries were chosen, as in
                     * " from 1 May 2026, tagged “work”", or nothing when
                     * all of them were */
                    g_strdup_printf (g_dngettext (NULL, "%u entry%s, oldest first.",
                                                  "%u entries%s, oldest first.", n),
                                     n, filter));
}

static gboolean
gather_entry (Gather  *g,
              GError **error)
{
  gint64 id = g_array_index (g->entry_ids, gint64, g->index);
  g_autoptr(WtwJournalEntry) entry = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GString) meta = NULL;

  if ((entry = wtw_vault_journal_get (g->vault, id, error)) == NULL
      || (tags = wtw_vault_journal_get_tags (g->vault, id, error)) == NULL)
    return FALSE;
  /* Checked again on the full row: the listing is not the last word. */
  if (!row_allowed (g, entry->member_id, entry->is_private, entry->sealed))
    return TRUE;

  meta = g_string_new (NULL);
  {
    g_autofree char *when = format_time (entry->created);

    g_string_append (meta, when);
  }
  if (g->members->len > 1)
    g_string_append_printf (meta, " · %s", member_name (g, entry->member_id));
  if (!is_blank (entry->mood))
    {
      g_string_append (meta, " · ");
      /* Translators: in a journal entry's details; %s is the mood the
       * person chose for it, as in "feeling calm" */
      g_string_append_printf (meta, _("feeling %s"), entry->mood);
    }
  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", tags);

      g_string_append (meta, " · ");
      /* Translators: in a journal entry's details; %s is a list of its
       * tags, as in "tags: work, family" */
      g_string_append_printf (meta, _("tags: %s"), joined);
    }
  if (entry->is_private)
    {
      g_string_append (meta, " · ");
      /* Translators: in a journal entry's details: only its author sees it in the app */
      g_string_append (meta, C_("journal entry", "private"));
    }

  add_block (g, WTW_REPORT_BLOCK_HEADING, !is_blank (entry->title) ? entry->title : _("Untitled entry"));
  add_block (g, WTW_REPORT_BLOCK_META, meta->str);
  if (!is_blank (entry->body))
    add_block (g, WTW_REPORT_BLOCK_BODY, entry->body);
  else
    add_block (g, WTW_REPORT_BLOCK_NOTE, _("This entry has no text."));
  wipe_string (entry->body);
  return TRUE;
}

static char *
describe_scores (Gather                   *g,
                 const WtwVaultQuizResult *result)
{
  WtwQuiz *quiz = wtw_content_get_quiz (g->content);
  GListModel *dimensions = quiz != NULL ? wtw_quiz_get_dimensions (quiz) : NULL;
  GString *text = g_string_new (NULL);

  for (guint d = 0; d < WTW_VAULT_QUIZ_N_SCORES; d++)
    {
      g_autoptr(WtwQuizDimension) dim = NULL;
      const char *name;
      const char *tier = NULL;

      if (dimensions != NULL && d < g_list_model_get_n_items (dimensions))
        dim = g_list_model_get_item (dimensions, d);
      /* Translators: stands for a quiz dimension whose name is not known */
      name = dim != NULL ? wtw_quiz_dimension_get_name (dim) : _("Dimension");
      if (d > 0)
        g_string_append_c (text, '\n');
      if (result->scores[d] < 0)
        {
          /* Translators: %s is a quiz dimension's name, as in "Communication" */
          g_string_append_printf (text, _("%s: no score"), name);
          continue;
        }
      if (dim != NULL)
        {
          int t = wtw_quiz_dimension_get_tier_for_score (dim, (int) (result->scores[d] + 0.5));
          GListModel *tiers = wtw_quiz_dimension_get_tiers (dim);
          g_autoptr(WtwQuizTier) tier_obj = t >= 0 ? g_list_model_get_item (tiers, t) : NULL;

          tier = tier_obj != NULL ? wtw_quiz_tier_get_name (tier_obj) : NULL;
        }
      if (tier != NULL)
        /* Translators: a quiz dimension's name, its score and the tier the
         * score falls in, as in "Communication: 72 of 100 (Steady)" */
        g_string_append_printf (text, _("%s: %.0f of 100 (%s)"), name, result->scores[d], tier);
      else
        /* Translators: a quiz dimension's name and its score, as in
         * "Communication: 72 of 100" */
        g_string_append_printf (text, _("%s: %.0f of 100"), name, result->scores[d]);
    }
  return g_string_free (text, FALSE);
}

static gboolean
gather_quiz (Gather  *g,
             GError **error)
{
  gint64 me = wtw_vault_get_member_id (g->vault);
  g_autoptr(GPtrArray) results = wtw_vault_quiz_list_results (g->vault, g->selection->only_mine ? me : 0,
                                                              error);
  WtwQuiz *quiz = wtw_content_get_quiz (g->content);

  if (results == NULL)
    return FALSE;
  add_block (g, WTW_REPORT_BLOCK_SECTION, _("Quiz Results"));
  if (quiz != NULL && !is_blank (wtw_quiz_get_disclaimer (quiz)))
    add_block (g, WTW_REPORT_BLOCK_NOTE, wtw_quiz_get_disclaimer (quiz));
  if (results->len == 0)
    add_block (g, WTW_REPORT_BLOCK_NOTE, _("No quiz has been completed yet."));

  for (guint i = results->len; i > 0; i--)
    {
      const WtwVaultQuizResult *result = g_ptr_array_index (results, i - 1);
      g_autofree char *when = wtw_report_format_date (result->taken);

      add_block_take (g, WTW_REPORT_BLOCK_HEADING,
                      g_strdup_printf ("%s · %s", when, member_name (g, result->member_id)));
      add_block_take (g, WTW_REPORT_BLOCK_BODY, describe_scores (g, result));
      g->report->summary.n_quiz_results++;
    }
  return TRUE;
}

static void
strv_builder_take (GStrvBuilder *builder,
                   char         *line)
{
  g_strv_builder_add (builder, line);
  g_free (line);
}

static void
finish_title_page (Gather *g)
{
  WtwReport *report = g->report;
  const WtwReportSummary *s = &report->summary;
  const WtwReportSelection *sel = g->selection;
  g_autoptr(GStrvBuilder) contents = g_strv_builder_new ();

  if (g->reflection_chapters->len > 0)
    {
      GString *line = g_string_new (NULL);
      guint n_chapters = g->reflection_chapters->len;

      g_string_append_printf (line, g_dngettext (NULL, "Reflections: %u answer", "Reflections: %u answers",
                                                 s->n_reflections), s->n_reflections);
      /* Translators: added after "Reflections: 3 answers" on the report's
       * title page. Keep the space at the start. */
      g_string_append_printf (line, g_dngettext (NULL, " from %u chapter", " from %u chapters",
                                                 n_chapters), n_chapters);
      strv_builder_take (contents, g_string_free (line, FALSE));
    }
  if (g->exercise_chapters->len > 0)
    {
      GString *line = g_string_new (NULL);
      guint n_chapters = g->exercise_chapters->len;

      g_string_append_printf (line, g_dngettext (NULL, "Conversation notes: %u conversation",
                                                 "Conversation notes: %u conversations",
                                                 s->n_conversations), s->n_conversations);
      /* Translators: added after "Conversation notes: 2 conversations" on the
       * report's title page. Keep the space at the start. */
      g_string_append_printf (line, g_dngettext (NULL, " in %u chapter", " in %u chapters",
                                                 n_chapters), n_chapters);
      strv_builder_take (contents, g_string_free (line, FALSE));
    }
  if (sel->journal)
    {
      g_autofree char *filter = describe_journal_filter (sel);
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, g_dngettext (NULL, "Journal: %u entry", "Journal: %u entries",
                                                 s->n_entries), s->n_entries);
      g_string_append (line, filter);
      strv_builder_take (contents, g_string_free (line, FALSE));
    }
  if (sel->quiz)
    strv_builder_take (contents,
                       g_strdup_printf (g_dngettext (NULL, "Quiz results: %u", "Quiz results: %u",
                                                     s->n_quiz_results), s->n_quiz_results));
  report->contents = g_strv_builder_end (contents);

  report->privacy_note =
    /* Translators: the note at the foot of the report's title page; %s is
     * the name of the member who made the report */
    g_strdup_printf (_("This report is private. It holds personal writing that %s chose to share; "
                       "please keep it confidential and do not pass it on."), report->author);
}

static gboolean
gather_step (Gather  *g,
             GError **error)
{
  gboolean ok = TRUE;

  switch (g->phase)
    {
    case PHASE_START:
      return gather_start (g, error);

    case PHASE_REFLECTIONS:
      if (g->index < g->reflection_chapters->len)
        ok = gather_reflections (g, error);
      break;

    case PHASE_EXERCISES:
      if (g->index < g->exercise_chapters->len)
        ok = gather_exercises (g, error);
      break;

    case PHASE_JOURNAL:
      if (!g->selection->journal)
        break;
      if (g->index == 0)
        journal_heading (g);
      if (!g->summary_only && g->index < g->entry_ids->len)
        ok = gather_entry (g, error);
      else
        g->index = g->entry_ids->len;
      break;

    case PHASE_QUIZ:
      if (g->selection->quiz && g->index == 0)
        ok = gather_quiz (g, error);
      g->index = 1;
      break;

    case PHASE_DONE:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return FALSE;

  g->index++;
  g->done++;
  {
    guint limit = g->phase == PHASE_REFLECTIONS ? g->reflection_chapters->len
                : g->phase == PHASE_EXERCISES ? g->exercise_chapters->len
                : g->phase == PHASE_JOURNAL ? g->entry_ids->len
                : 1;

    if (g->index >= limit)
      {
        g->phase++;
        g->index = 0;
      }
  }
  if (g->phase == PHASE_DONE)
    finish_title_page (g);
  return TRUE;
}

static void
gather_free (Gather *g)
{
  g_clear_object (&g->vault);
  g_clear_object (&g->content);
  g_clear_pointer (&g->selection, wtw_report_selection_free);
  g_clear_pointer (&g->report, wtw_report_unref);
  g_clear_pointer (&g->members, g_ptr_array_unref);
  g_clear_pointer (&g->reflection_chapters, g_ptr_array_unref);
  g_clear_pointer (&g->exercise_chapters, g_ptr_array_unref);
  g_clear_pointer (&g->entry_ids, g_array_unref);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gather, gather_free)

static Gather *
gather_new (WtwVault                 *vault,
            WtwContent               *content,
            const WtwReportSelection *selection,
            gboolean                  summary_only)
{
  Gather *g = g_new0 (Gather, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  WtwReport *report = g_atomic_rc_box_new0 (WtwReport);

  g->vault = g_object_ref (vault);
  g->content = g_object_ref (content);
  g->selection = wtw_report_selection_copy (selection);
  g->summary_only = summary_only;
  g->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Translators: the title of the report a person gives their therapist */
  report->title = g_strdup (_("For My Therapist"));
  report->author = g_strdup (wtw_vault_get_member_name (vault));
  if (report->author == NULL)
    /* Translators: who prepared the report, when the member has no name */
    report->author = g_strdup (_("A member"));
  report->created = g_date_time_to_unix (now);
  report->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (report->blocks, block_clear);
  g->report = report;
  return g;
}

static gboolean
check_args (WtwVault  *vault,
            GError   **error)
{
  if (!wtw_vault_is_unlocked (vault))
    {
      g_set_error_literal (error, WTW_VAULT_ERROR, WTW_VAULT_ERROR_LOCKED,
                           _("The vault must be unlocked first."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_gather_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  Gather *g = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  GError *error = NULL;

  while (g->phase != PHASE_DONE && g_get_monotonic_time () < deadline)
    {
      if (g_task_return_error_if_cancelled (task))
        return G_SOURCE_REMOVE;
      if (!check_args (g->vault, &error))
        {
          g_task_return_error (task, error);
          return G_SOURCE_REMOVE;
        }
      if (!gather_step (g, &error))
        {
          g_task_return_error (task, error);
          return G_SOURCE_REMOVE;
        }
    }

  if (g->progress != NULL)
    g->progress (g->total > 0 ? MIN (1.0, (double) g->done / g->total) : 1.0, g->progress_data);
  if (g->phase != PHASE_DONE)
    return G_SOURCE_CONTINUE;
  g_task_return_pointer (task, g_steal_pointer (&g->report), (GDestroyNotify) wtw_report_unref);
  return G_SOURCE_REMOVE;
}

/**
 * wtw_report_selection_new:
 *
 * Returns: (transfer full): a selection of the journal only, private
 *   entries included
 */
WtwReportSelection *
wtw_report_selection_new (void)
{
  WtwReportSelection *selection = g_new0 (WtwReportSelection, 1);

  selection->journal = TRUE;
  selection->include_private = TRUE;
  return selection;
}

WtwReportSelection *
wtw_report_selection_copy (const WtwReportSelection *selection)
{
  WtwReportSelection *copy;

  g_return_val_if_fail (selection != NULL, NULL);

  copy = g_memdup2 (selection, sizeof *selection);
  copy->reflection_chapters = g_strdupv (selection->reflection_chapters);
  copy->exercise_chapters = g_strdupv (selection->exercise_chapters);
  copy->journal_tags = g_strdupv (selection->journal_tags);
  return copy;
}

void
wtw_report_selection_free (WtwReportSelection *selection)
{
  if (selection == NULL)
    return;
  g_strfreev (selection->reflection_chapters);
  g_strfreev (selection->exercise_chapters);
  g_strfreev (selection->journal_tags);
  g_free (selection);
}

/**
 * wtw_report_ref:
 * @report: a #WtwReport
 *
 * Returns: @report
 */
WtwReport *
wtw_report_ref (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_atomic_rc_box_acquire (report);
}

/**
 * wtw_report_unref:
 * @report: a #WtwReport
 *
 * Drops a reference; the last one wipes the text before freeing it.
 */
void
wtw_report_unref (WtwReport *report)
{
  if (report != NULL)
    g_atomic_rc_box_release_full (report, report_clear);
}

/**
 * wtw_report_gather:
 * @vault: an unlocked vault
 * @content: the chapters and the quiz, for titles and prompts
 * @selection: what goes in
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads what @selection chooses, on the vault's thread.
 *
 * Returns: (transfer full): the report, or %NULL on error
 */
WtwReport *
wtw_report_gather (WtwVault                 *vault,
                   WtwContent               *content,
                   const WtwReportSelection *selection,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_autoptr(Gather) g = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (vault), NULL);
  g_return_val_if_fail (WTW_IS_CONTENT (content), NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  if (!check_args (vault, error))
    return NULL;
  g = gather_new (vault, content, selection, FALSE);
  while (g->phase != PHASE_DONE)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) || !gather_step (g, error))
      return NULL;
  return g_steal_pointer (&g->report);
}

/**
 * wtw_report_gather_async:
 * @vault: an unlocked vault
 * @content: the chapters and the quiz
 * @selection: what goes in
 * @progress: (nullable) (scope call): called with the fraction read so far
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the report is read
 * @user_data: data for @callback
 *
 * Like wtw_report_gather(), but reads in short slices from the
 * thread-default main context, so that a window keeps painting while a
 * long journal is read. The vault must stay unlocked; if it is locked
 * meanwhile, the call fails with %WTW_VAULT_ERROR_LOCKED.
 */
void
wtw_report_gather_async (WtwVault                 *vault,
                         WtwContent               *content,
                         const WtwReportSelection *selection,
                         WtwVaultProgress          progress,
                         gpointer                  progress_data,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSource) source = NULL;
  Gather *g;

  g_return_if_fail (WTW_IS_VAULT (vault));
  g_return_if_fail (WTW_IS_CONTENT (content));
  g_return_if_fail (selection != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wtw_report_gather_async);
  if (!check_args (vault, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g = gather_new (vault, content, selection, FALSE);
  g->progress = progress;
  g->progress_data = progress_data;
  g_task_set_task_data (task, g, (GDestroyNotify) gather_free);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, on_gather_idle_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[wtw] report gather");
  g_source_attach (source, g_task_get_context (task));
}

/**
 * wtw_report_gather_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the report, or %NULL on error
 */
WtwReport *
wtw_report_gather_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * wtw_report_summarize:
 * @vault: an unlocked vault
 * @content: the chapters and the quiz
 * @selection: what goes in
 * @summary: (out caller-allocates): the counts
 * @error: return location for a #GError
 *
 * Counts what wtw_report_gather() would put in, without reading the
 * journal's text: the same rules, cheap enough for a live preview.
 *
 * Returns: %TRUE on success
 */
gboolean
wtw_report_summarize (WtwVault                 *vault,
                      WtwContent               *content,
                      const WtwReportSelection *selection,
                      WtwReportSummary         *summary,
                      GError                  **error)
{
  g_autoptr(Gather) g = NULL;

  g_return_val_if_fail (WTW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (WTW_IS_CONTENT (content), FALSE);
  g_return_val_if_fail (selection != NULL && summary != NULL, FALSE);

  if (!check_args (vault, error))
    return FALSE;
  g = gather_new (vault, content, selection, TRUE);
  while (g->phase != PHASE_DONE)
    if (!gather_step (g, error))
      return FALSE;
  *summary = g->report->summary;
  return TRUE;
}

const char *
wtw_report_get_title (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->title;
}

const char *
wtw_report_get_author (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->author;
}

gint64
wtw_report_get_created (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->created;
}

/**
 * wtw_report_get_contents:
 * @report: a #WtwReport
 *
 * Returns: (transfer none): one line per part chosen, for the title page
 */
const char * const *
wtw_report_get_contents (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return (const char * const *) report->contents;
}

const char *
wtw_report_get_privacy_note (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->privacy_note;
}

const WtwReportSummary *
wtw_report_get_summary (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return &report->summary;
}

guint
wtw_report_get_n_blocks (WtwReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->blocks->len;
}

/**
 * wtw_report_get_block:
 * @report: a #WtwReport
 * @index: a block index, below wtw_report_get_n_blocks()
 * @kind: (out) (optional): how the block reads
 *
 * Returns: (transfer none): the block's text
 */
const char *
wtw_report_get_block (WtwReport          *report,
                      guint               index,
                      WtwReportBlockKind *kind)
{
  const Block *block;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->blocks->len, NULL);

  block = &g_array_index (report->blocks, Block, index);
  if (kind != NULL)
    *kind = block->kind;
  return block->text;
}

/**
 * wtw_report_format_date:
 * @unix_time: seconds since 1970
 *
 * Returns: (transfer full): the day in local time, e.g. "5 May 2026"
 */
char *
wtw_report_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  /* Translators: a g_date_time_format() format for a day, as in "5 May 2026" */
  return dt != NULL ? g_date_time_format (dt, _("%-d %B %Y")) : g_strdup ("");
}

/**
 * wtw_report_parse_day:
 * @text: (nullable): a day as year-month-day, e.g. "2026-05-01"; blank for none
 * @next_day: return the start of the day after (an end bound that
 *   includes the whole day)
 * @unix_time: (out): the start of that day in local time, or 0 for a blank @text
 * @error: return location for a #GError (%G_IO_ERROR_INVALID_ARGUMENT)
 *
 * Returns: %TRUE if @text is blank or a valid day
 */
gboolean
wtw_report_parse_day (const char  *text,
                      gboolean     next_day,
                      gint64      *unix_time,
                      GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) after = NULL;
  int y, m, d;
  char rest;

  g_return_val_if_fail (unix_time != NULL, FALSE);

  *unix_time = 0;
  if (*stripped == '\0')
    return TRUE;
  if (sscanf (stripped, "%d-%d-%d%c", &y, &m, &d, &rest) != 3
      || y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y)
      || (day = g_date_time_new_local (y, m, d, 0, 0, 0)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what the person typed; the day must
                    * be typed as digits in the form shown, so keep
                    * 2026-05-01 as it is */
                   _("“%s” is not a date; write it as year-month-day, for example 2026-05-01."),
                   stripped);
      return FALSE;
    }
  after = next_day ? g_date_time_add_days (day, 1) : g_date_time_ref (day);
  *unix_time = g_date_time_to_unix (after);
  return TRUE;
}
