/* test-export.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "wtw-attack-util.h"
#include "wtw-attack-vault.h"
#include "wtw-export-json.h"
#include "wtw-export-markdown.h"
#include "wtw-secure.h"
#include "wtw-vault-private.h"

/* Two partners share a vault. What one of them exports holds the other's
 * private entries as existing, dated and attributed — and nothing of their
 * words: not the title, the body, the mood or the tags. */

static const char pass_a[] = "ana's passphrase";
static const char pass_b[] = "ben's passphrase";
static const char secret_word[] = "zanzibarprivatetext";

static char *
export (WtwVault *vault,
        gboolean  json)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (json)
    wtw_export_json_write (vault, out, NULL, &error);
  else
    wtw_export_markdown_write (vault, out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gint64
add (WtwVault   *vault,
     const char *title,
     const char *body,
     const char *mood,
     gboolean    is_private)
{
  g_autoptr(WtwJournalEntry) entry = wtw_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  entry->body = g_strdup (body);
  entry->mood = g_strdup (mood);
  entry->is_private = is_private;
  wtw_vault_journal_insert (vault, entry, &error);
  g_assert_no_error (error);
  return entry->id;
}

static JsonObject *
find_entry (JsonArray *journal,
            gint64     id)
{
  for (guint i = 0; i < json_array_get_length (journal); i++)
    {
      JsonObject *e = json_array_get_object_element (journal, i);

      if (json_object_get_int_member (e, "id") == id)
        return e;
    }
  g_assert_not_reached ();
}

static void
test_partners (void)
{
  g_autofree char *dir = wtw_attack_make_dir ("wtw-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "couple.wtw", NULL);
  g_autoptr(WtwVault) vault = wtw_attack_vault_create (path, pass_a);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *md = NULL;
  g_autofree char *tag_sql = NULL;
  g_autofree char *b_secret_title = g_strdup_printf ("title %s", secret_word);
  g_autofree char *b_secret_body = g_strdup_printf ("body %s", secret_word);
  const WtwKdfParams floor_params = WTW_KDF_PARAMS_FLOOR;
  char *recovery = NULL;
  gint64 a_public, a_private, b_public, b_private, b_id;
  JsonObject *root, *e;
  JsonArray *journal;

  b_id = wtw_vault_add_member (vault, "Ben", pass_b, &floor_params, &recovery, NULL, &error);
  g_assert_no_error (error);
  wtw_secure_free (recovery);

  a_public = add (vault, "Shared thought", "for both of us", "calm", FALSE);
  a_private = add (vault, "Ana only", "my own words", "tired", TRUE);
  tag_sql = g_strdup_printf ("INSERT INTO tags (name) VALUES ('chapter 6'), ('homework');"
                             "INSERT INTO entry_tags (entry_id, tag_id) SELECT %" G_GINT64_FORMAT ", id FROM tags;",
                             a_public);
  _wtw_vault_exec (vault, tag_sql, &error);
  g_assert_no_error (error);

  wtw_vault_switch_member (vault, pass_b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wtw_vault_get_member_id (vault), ==, b_id);
  b_public = add (vault, "Ben's note", "hello", NULL, FALSE);
  b_private = add (vault, b_secret_title, b_secret_body, secret_word, TRUE);
  {
    /* A tag on Ben's private entry must not leak through Ana's export. */
    g_autofree char *sql = g_strdup_printf ("INSERT INTO tags (name) VALUES ('%s');"
                                            "INSERT INTO entry_tags (entry_id, tag_id)"
                                            " SELECT %" G_GINT64_FORMAT ", id FROM tags WHERE name = '%s';",
                                            secret_word, b_private, secret_word);

    _wtw_vault_exec (vault, sql, &error);
    g_assert_no_error (error);
  }

  wtw_vault_switch_member (vault, pass_a, NULL, &error);
  g_assert_no_error (error);
  json = export (vault, TRUE);
  md = export (vault, FALSE);

  /* Nothing of Ben's private entry, anywhere. */
  g_assert_null (strstr (json, secret_word));
  g_assert_null (strstr (md, secret_word));

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "exported_by"), "member_id"),
                   ==, wtw_vault_get_member_id (vault));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "members")), ==, 2);
  journal = json_object_get_array_member (root, "journal");
  g_assert_cmpuint (json_array_get_length (journal), ==, 4);

  /* Oldest first. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (journal, 0), "id"), ==, a_public);

  e = find_entry (journal, a_public);
  g_assert_cmpstr (json_object_get_string_member (e, "body"), ==, "for both of us");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "tags")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (e, "tags"), 0), ==, "chapter 6");

  e = find_entry (journal, a_private);
  g_assert_true (json_object_get_boolean_member (e, "private"));
  g_assert_false (json_object_get_boolean_member (e, "sealed"));
  g_assert_cmpstr (json_object_get_string_member (e, "body"), ==, "my own words");

  e = find_entry (journal, b_public);
  g_assert_cmpstr (json_object_get_string_member (e, "member"), ==, "Ben");
  g_assert_true (json_object_get_null_member (e, "mood"));

  e = find_entry (journal, b_private);
  g_assert_true (json_object_get_boolean_member (e, "private"));
  g_assert_true (json_object_get_boolean_member (e, "sealed"));
  g_assert_cmpstr (json_object_get_string_member (e, "member"), ==, "Ben");
  g_assert_cmpint (json_object_get_int_member (e, "member_id"), ==, b_id);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (e, "created"), "Z"));
  g_assert_false (json_object_has_member (e, "title"));
  g_assert_false (json_object_has_member (e, "body"));
  g_assert_false (json_object_has_member (e, "mood"));
  g_assert_false (json_object_has_member (e, "tags"));

  g_assert_nonnull (strstr (md, "## Shared thought"));
  g_assert_nonnull (strstr (md, "## A private entry"));

  /* And Ben's own export has his text. */
  wtw_vault_switch_member (vault, pass_b, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *own = export (vault, TRUE);

    g_assert_nonnull (strstr (own, b_secret_body));
    g_assert_null (strstr (own, "my own words"));
  }

  g_clear_object (&vault);
  wtw_attack_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wtw_secure_init (NULL));

  g_test_add_func ("/wtw/vault-attack/export/partners", test_partners);
  return g_test_run ();
}
