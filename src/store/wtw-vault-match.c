/* wtw-vault-match.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-vault"

#include "config.h"

#include <string.h>

#include "wtw-vault-match.h"
#include "wtw-vault-tags.h"

/*
 * Text search of what the full-text index never sees: a member's own
 * private entries, opened in memory one at a time. It follows the index's
 * tokenizer (unicode61, remove_diacritics 2) closely enough that a person
 * cannot tell the two apart: a word is a run of letters and digits, compared
 * without case and without accents; every word typed must be in the title or
 * the body, the last one as the start of a word, so results follow typing.
 * Words typed with punctuation inside ("don't") are looked for as their
 * parts, anywhere, where the index would want them side by side.
 */

/* Words around the first match in an excerpt, as snippet() is asked for. */
#define SNIPPET_WORDS  12
#define SNIPPET_BEFORE 3

struct _WtwTextMatcher
{
  GPtrArray *words;     /* folded; the last one is a prefix */
};

typedef struct
{
  const char *start;
  const char *end;
} Span;

/* A word's letters as the index keeps them: decomposed, accents dropped,
 * case folded. Appended to @out, which is cleared first. */
static void
fold_into (GString    *out,
           const char *start,
           const char *end)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  gboolean ascii = TRUE;
  GString *bare;

  g_string_truncate (out, 0);
  /* Most words: plain ASCII, whose folded form is its lower case. */
  for (const char *p = start; p < end && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    {
      for (const char *p = start; p < end; p++)
        g_string_append_c (out, g_ascii_tolower (*p));
      return;
    }
  decomposed = g_utf8_normalize (start, end - start, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return;
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  folded = g_utf8_casefold (bare->str, (gssize) bare->len);
  g_string_append (out, folded);
  explicit_bzero (decomposed, strlen (decomposed));
  explicit_bzero (bare->str, bare->len);
  explicit_bzero (folded, strlen (folded));
  g_string_free (bare, TRUE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The words of @text, as spans into it. */
static GArray *
split_words (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      Span span;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      span.start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      span.end = p;
      g_array_append_val (spans, span);
    }
  return spans;
}

/**
 * _wtw_text_matcher_new:
 * @text: what a person typed
 *
 * Returns: (transfer full) (nullable): a matcher for the words of @text, or
 *   %NULL when it has none
 */
WtwTextMatcher *
_wtw_text_matcher_new (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr(GArray) spans = split_words (valid);
  g_autoptr(GString) folded = g_string_new (NULL);
  WtwTextMatcher *matcher;

  if (spans->len == 0)
    return NULL;
  matcher = g_new0 (WtwTextMatcher, 1);
  matcher->words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      fold_into (folded, span->start, span->end);
      if (folded->len > 0)
        g_ptr_array_add (matcher->words, g_strndup (folded->str, folded->len));
    }
  if (matcher->words->len == 0)
    {
      _wtw_text_matcher_free (matcher);
      return NULL;
    }
  /* The hits are bits of a guint64: past 64 words, keep the first 63 and
   * the last, which is the one being typed. */
  if (matcher->words->len > 64)
    {
      char *last = g_ptr_array_steal_index (matcher->words, matcher->words->len - 1);

      g_ptr_array_set_size (matcher->words, 63);
      g_ptr_array_add (matcher->words, last);
    }
  return matcher;
}

void
_wtw_text_matcher_free (WtwTextMatcher *matcher)
{
  if (matcher == NULL)
    return;
  g_ptr_array_unref (matcher->words);
  g_free (matcher);
}

/* Which of the matcher's words @folded satisfies, as bits (the first 64). */
static guint64
word_hits (const WtwTextMatcher *matcher,
           const GString        *folded)
{
  guint last = matcher->words->len - 1;
  guint64 hits = 0;

  for (guint i = 0; i < matcher->words->len && i < 64; i++)
    {
      const char *word = g_ptr_array_index (matcher->words, i);

      if (i == last ? g_str_has_prefix (folded->str, word) : g_str_equal (folded->str, word))
        hits |= G_GUINT64_CONSTANT (1) << i;
    }
  return hits;
}

typedef struct
{
  GArray  *spans;
  GArray  *hits;        /* guint64 per span */
  guint64  all;         /* union of hits */
  gint     first;       /* first span with a hit, or -1 */
} Scan;

static void
scan (const WtwTextMatcher *matcher,
      const char           *text,
      GString              *folded,
      Scan                 *out)
{
  out->spans = split_words (text != NULL ? text : "");
  out->hits = g_array_sized_new (FALSE, TRUE, sizeof (guint64), out->spans->len);
  out->all = 0;
  out->first = -1;
  for (guint i = 0; i < out->spans->len; i++)
    {
      Span *span = &g_array_index (out->spans, Span, i);
      guint64 hits;

      fold_into (folded, span->start, span->end);
      hits = word_hits (matcher, folded);
      g_array_append_val (out->hits, hits);
      out->all |= hits;
      if (hits != 0 && out->first < 0)
        out->first = (gint) i;
    }
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->spans, g_array_unref);
  g_clear_pointer (&scan->hits, g_array_unref);
}

/* An excerpt of about SNIPPET_WORDS words around the first match, matches
 * marked as the index's snippet() marks them. */
static char *
excerpt (const char *text,
         const Scan *scan)
{
  GString *out = g_string_new (NULL);
  guint first = (guint) MAX (0, scan->first - SNIPPET_BEFORE);
  guint last = MIN (scan->spans->len, first + SNIPPET_WORDS) - 1;
  const char *p;

  if (first > 0)
    g_string_append (out, "…");
  p = first > 0 ? g_array_index (scan->spans, Span, first).start : text;
  for (guint i = first; i <= last; i++)
    {
      Span *span = &g_array_index (scan->spans, Span, i);

      g_string_append_len (out, p, span->start - p);
      if (g_array_index (scan->hits, guint64, i) != 0)
        {
          g_string_append (out, WTW_JOURNAL_MATCH_START);
          g_string_append_len (out, span->start, span->end - span->start);
          g_string_append (out, WTW_JOURNAL_MATCH_END);
        }
      else
        g_string_append_len (out, span->start, span->end - span->start);
      p = span->end;
    }
  if (last + 1 < scan->spans->len)
    g_string_append (out, "…");
  else
    g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/**
 * _wtw_text_matcher_snippet:
 * @matcher: a #WtwTextMatcher
 * @title: (nullable): an entry's title
 * @body: (nullable): its body
 *
 * Returns: (transfer full) (nullable): when every word is in @title or
 *   @body, an excerpt of the body (or of the title, when the body has no
 *   match) with the matches between %WTW_JOURNAL_MATCH_START and
 *   %WTW_JOURNAL_MATCH_END; %NULL when a word is missing
 */
char *
_wtw_text_matcher_snippet (const WtwTextMatcher *matcher,
                           const char           *title,
                           const char           *body)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  guint64 wanted;
  Scan in_title = { 0 };
  Scan in_body = { 0 };
  char *result = NULL;

  g_return_val_if_fail (matcher != NULL, NULL);

  wanted = matcher->words->len >= 64 ? G_MAXUINT64
                                     : (G_GUINT64_CONSTANT (1) << matcher->words->len) - 1;
  scan (matcher, title, folded, &in_title);
  scan (matcher, body, folded, &in_body);
  if (((in_title.all | in_body.all) & wanted) == wanted)
    result = in_body.first >= 0 ? excerpt (body, &in_body) : excerpt (title, &in_title);
  explicit_bzero (folded->str, folded->allocated_len);
  scan_clear (&in_title);
  scan_clear (&in_body);
  return result;
}
