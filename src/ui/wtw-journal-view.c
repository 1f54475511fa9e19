/* wtw-journal-view.c
 *
 * Copyright 2026 The Words That Work authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wtw-journal-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wtw-chapter.h"
#include "wtw-journal-entry-row.h"
#include "wtw-journal-view.h"

/**
 * WtwJournalView:
 *
 * The journal: the list of entries beside the entry being written, in an
 * #AdwLeaflet that folds to one pane on narrow windows.
 *
 * The view shows a #WtwJournalModel and a #WtwJournalEditor, which do the
 * work (paging, saving, autosave, undoable deletes); it only moves text
 * between them and the widgets.
 *
 * Actions (prefix `journal.`): `new` (Ctrl+N), `new-from-prompt` ("s",
 * "chapter-id/prompt-id"), `search` (Ctrl+F; Escape closes it), `delete`
 * (Delete in the list), `undo-delete` ("x", the entry id), `back`
 * (Alt+Left) and `show-all`.
 */
struct _WtwJournalView
{
  AdwBin              parent_instance;

  WtwSession         *session;
  GListModel         *chapters;
  WtwJournalModel    *model;
  WtwJournalEditor   *editor;
  GtkSingleSelection *selection;
  GtkStringList      *tag_names;
  GtkListStore       *completion_store;
  GPtrArray          *mood_buttons;
  guint               undo_timeout;
  GDateTime          *range_from;
  GDateTime          *range_to;
  int                 calendar_year;
  int                 calendar_month;
  guint               syncing : 1;
  guint               selecting : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *editor_pane;
  GtkCalendar        *calendar;
  GtkPopover         *calendar_popover;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tag_filter;
  GtkDropDown        *mood_filter;
  GtkDropDown        *period_filter;
  GtkRevealer        *range_revealer;
  GtkMenuButton      *range_from_button;
  GtkMenuButton      *range_to_button;
  GtkCalendar        *range_from_calendar;
  GtkCalendar        *range_to_calendar;
  GtkRevealer        *day_revealer;
  GtkLabel           *day_label;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *prompt_label;
  GtkWidget          *prompt_button;
  GtkWidget          *back_button;
  GtkLabel           *status_label;
  GtkToggleButton    *private_button;
  GtkWidget          *delete_button;
  GtkStack           *editor_stack;
  AdwStatusPage      *sealed_page;
  GtkLabel           *date_label;
  GtkWidget          *prompt_link_button;
  GtkLabel           *prompt_link_label;
  GtkEntry           *title_entry;
  GtkFlowBox         *mood_flow;
  GtkFlowBox         *tags_flow;
  GtkEntry           *tag_entry;
  GtkTextView        *body_view;
};

G_DEFINE_FINAL_TYPE (WtwJournalView, wtw_journal_view, ADW_TYPE_BIN)

/* The rows of the period drop-down, as in the template. */
enum {
  PERIOD_ANY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_YEAR,
  PERIOD_RANGE
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CHAPTERS,
  PROP_UNDO_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (WtwJournalView *self,
       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
format_time (gint64      created,
             const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (created);

  return time != NULL ? g_date_time_format (time, format) : g_strdup ("");
}

static void
update_status (WtwJournalView *self)
{
  guint words = wtw_journal_editor_get_word_count (self->editor);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                                         words), words);
  g_autofree char *status = NULL;

  if (!wtw_journal_editor_get_active (self->editor) || wtw_journal_editor_get_sealed (self->editor))
    status = g_strdup ("");
  else if (wtw_journal_editor_get_saved (self->editor))
    /* Translators: the word count, then that the entry is saved */
    status = g_strdup_printf (_("%s · Saved"), count);
  else
    status = g_steal_pointer (&count);
  gtk_label_set_label (self->status_label, status);
}

static void
on_remove_tag_clicked_cb (GtkButton      *button,
                          WtwJournalView *self)
{
  wtw_journal_editor_remove_tag (self->editor, g_object_get_data (G_OBJECT (button), "tag"));
}

static void
sync_tags (WtwJournalView *self)
{
  const char * const *tags = wtw_journal_editor_get_tags (self->editor);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_flow))) != NULL)
    gtk_flow_box_remove (self->tags_flow, child);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("#%s", tags[i]);
      g_autofree char *accessible = g_strdup_printf (_("Remove tag %s"), tags[i]);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *button = gtk_button_new ();

      gtk_box_append (GTK_BOX (box), gtk_label_new (label));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tags[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_tag_clicked_cb), self);
      gtk_flow_box_append (self->tags_flow, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_flow), tags[0] != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_entry),
                               wtw_journal_editor_get_is_private (self->editor)
                               ? _("Tags of a private entry are private too") : NULL);
}

static WtwChapter *
find_chapter (WtwJournalView *self,
              const char     *chapter_id)
{
  guint n = self->chapters != NULL ? g_list_model_get_n_items (self->chapters) : 0;

  for (guint i = 0; chapter_id != NULL && i < n; i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (self->chapters, i);

      if (g_str_equal (wtw_chapter_get_id (chapter), chapter_id))
        return g_steal_pointer (&chapter);
    }
  return NULL;
}

/* "From: chapter — prompt" for an entry begun from a reflection prompt,
 * opening the chapter; hidden when the chapter is no longer there. */
static void
sync_prompt_link (WtwJournalView *self)
{
  const char *chapter_id = wtw_journal_editor_get_chapter_id (self->editor);
  g_autoptr(WtwChapter) chapter = find_chapter (self, chapter_id);
  WtwPrompt *prompt = NULL;
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  if (chapter != NULL)
    prompt = wtw_chapter_lookup_prompt (chapter, wtw_journal_editor_get_prompt_id (self->editor));
  gtk_widget_set_visible (self->prompt_link_button, prompt != NULL);
  if (prompt == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->prompt_link_button), NULL);
      return;
    }
  /* Translators: the chapter an entry's reflection prompt comes from, then the prompt */
  label = g_strdup_printf (_("From: %s — %s"), wtw_chapter_get_title (chapter),
                           wtw_prompt_get_text (prompt));
  /* Translators: the accessible name of the button that opens a prompt's chapter */
  accessible = g_strdup_printf (_("Open the chapter %s"), wtw_chapter_get_title (chapter));
  gtk_label_set_label (self->prompt_link_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prompt_link_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->prompt_link_button), "s", chapter_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->prompt_link_button), "win.open-chapter");
}

static void
sync_moods (WtwJournalView *self)
{
  const char *mood = wtw_journal_editor_get_mood (self->editor);

  self->syncing = TRUE;
  for (guint i = 0; i < self->mood_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->mood_buttons, i);

      gtk_toggle_button_set_active (button, g_strcmp0 (mood, g_object_get_data (G_OBJECT (button),
                                                                              "mood")) == 0);
    }
  self->syncing = FALSE;
}

/* Puts the editor's entry into the widgets: after opening, never while
 * typing (the widgets are then the source). */
static void
sync_from_editor (WtwJournalView *self)
{
  WtwJournalEditor *editor = self->editor;
  gint64 created = wtw_journal_editor_get_created (editor);
  g_autofree char *date = NULL;

  self->syncing = TRUE;
  if (wtw_journal_editor_get_sealed (editor))
    {
      g_autofree char *description = NULL;

      date = format_time (created, _("%A %-d %B %Y"));
      description = g_strdup_printf (_("Written on %s by the other member of this vault. "
                                       "Only they can read it."), g_strstrip (date));
      adw_status_page_set_description (self->sealed_page, description);
      gtk_stack_set_visible_child_name (self->editor_stack, "sealed");
    }
  else if (wtw_journal_editor_get_active (editor))
    {
      const char *title = wtw_journal_editor_get_title (editor);
      const char *body = wtw_journal_editor_get_body (editor);

      date = created != 0 ? format_time (created, _("%A %-d %B %Y, %H:%M")) : g_strdup (_("New entry"));
      gtk_label_set_label (self->date_label, g_strstrip (date));
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title != NULL ? title : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                                body != NULL ? body : "", -1);
      gtk_stack_set_visible_child_name (self->editor_stack, "edit");
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), "", -1);
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->private_button),
                          wtw_journal_editor_get_can_be_private (editor));
  gtk_toggle_button_set_active (self->private_button, wtw_journal_editor_get_is_private (editor));
  gtk_widget_set_sensitive (self->delete_button,
                            wtw_journal_editor_get_entry_id (editor) > 0
                            && !wtw_journal_editor_get_sealed (editor));
  self->syncing = FALSE;

  sync_moods (self);
  sync_tags (self);
  sync_prompt_link (self);
  update_status (self);
}

static void
refresh_tag_names (WtwJournalView *self)
{
  g_auto(GStrv) tags = wtw_journal_model_list_tags (self->model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_names));
  const char *current = wtw_journal_model_get_tag (self->model);
  GtkTreeIter iter;

  self->syncing = TRUE;
  gtk_string_list_splice (self->tag_names, 1, n - 1, (const char * const *) tags);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (tags[i], current) == 0)
      gtk_drop_down_set_selected (self->tag_filter, i + 1);
  self->syncing = FALSE;

  gtk_list_store_clear (self->completion_store);
  for (guint i = 0; tags[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->completion_store, &iter, -1, 0, tags[i], -1);
}

static void
show_editor (WtwJournalView *self,
             gboolean        focus)
{
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  if (focus && g_str_equal (gtk_stack_get_visible_child_name (self->editor_stack), "edit"))
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
select_editor_entry (WtwJournalView *self)
{
  gint64 id = wtw_journal_editor_get_entry_id (self->editor);
  gint position = id > 0 ? wtw_journal_model_find (self->model, id) : -1;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

/* GtkSingleSelection looks for its selected item among all the rows of a
 * change that covers it, which would read every page of a long journal:
 * let go of the selection before the list is replaced. */
static void
unselect (WtwJournalView *self)
{
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

static void
open_entry (WtwJournalView *self,
            gint64          id)
{
  g_autoptr(GError) error = NULL;

  if (id == 0 || id == wtw_journal_editor_get_entry_id (self->editor))
    return;
  if (!wtw_journal_editor_load (self->editor, id, &error))
    {
      toast (self, error->message);
      return;
    }
  sync_from_editor (self);
  refresh_tag_names (self);
}

static void
update_list_page (WtwJournalView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Entry", "%u Entries",
                                                         n), n);
  const char *page = "list";

  gtk_label_set_label (self->count_label, n > 0 ? count : "");
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    page = wtw_journal_model_get_filtered (self->model) ? "no-results" : "empty";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* The prompt of the day: the same all day, another tomorrow, taken in turn
 * from every chapter's reflection prompts. */
static void
update_prompt (WtwJournalView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint n_chapters = self->chapters != NULL ? g_list_model_get_n_items (self->chapters) : 0;
  GDate date;
  guint pick;

  for (guint i = 0; i < n_chapters; i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (self->chapters, i);
      GListModel *prompts = wtw_chapter_get_prompts (chapter);

      for (guint j = 0; j < g_list_model_get_n_items (prompts); j++)
        {
          g_autoptr(WtwPrompt) prompt = g_list_model_get_item (prompts, j);

          g_ptr_array_add (targets, g_strdup_printf ("%s/%s", wtw_chapter_get_id (chapter),
                                                     wtw_prompt_get_id (prompt)));
          g_ptr_array_add (texts, (gpointer) wtw_prompt_get_text (prompt));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), targets->len > 0);
  gtk_widget_set_visible (self->prompt_button, targets->len > 0);
  if (targets->len == 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->prompt_button), NULL);
      adw_status_page_set_description (self->empty_page,
                                       _("Write what is on your mind. Entries are encrypted "
                                         "on this computer."));
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  pick = g_date_get_julian (&date) % targets->len;
  adw_status_page_set_description (self->empty_page, _("A question for today:"));
  gtk_label_set_label (self->prompt_label, g_ptr_array_index (texts, pick));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->prompt_button), "s",
                                    g_ptr_array_index (targets, pick));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->prompt_button),
                                  "journal.new-from-prompt");
}

static void
mark_calendar (WtwJournalView *self)
{
  guint32 days;
  int year, month;

  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  self->calendar_year = year;
  self->calendar_month = month;
  days = wtw_journal_model_get_days_with_entries (self->model, year, month + 1);
  gtk_calendar_clear_marks (self->calendar);
  for (guint day = 1; day <= 31; day++)
    if (days & (1u << (day - 1)))
      gtk_calendar_mark_day (self->calendar, day);
}

static void
show_day_banner (WtwJournalView *self,
                 const char     *text)
{
  gtk_label_set_label (self->day_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->day_revealer, text != NULL);
}

static void
on_calendar_popover_show_cb (WtwJournalView *self,
                             GtkPopover     *popover)
{
  mark_calendar (self);
}

static void
on_calendar_month_changed_cb (WtwJournalView *self,
                              GParamSpec     *pspec,
                              GtkCalendar    *calendar)
{
  mark_calendar (self);
}

/* Moving to another month also selects a day: only a day picked within the
 * month on show filters the list. */
static void
on_calendar_day_selected_cb (WtwJournalView *self,
                             GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (g_date_time_get_year (day) != self->calendar_year
      || g_date_time_get_month (day) - 1 != self->calendar_month)
    {
      mark_calendar (self);
      return;
    }

  start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->period_filter, 0);
  self->syncing = FALSE;
  unselect (self);
  wtw_journal_model_set_date_range (self->model, g_date_time_to_unix (start),
                                    g_date_time_to_unix (end));
  date = g_date_time_format (start, _("%A %-d %B %Y"));
  text = g_strdup_printf (_("Entries of %s"), g_strstrip (date));
  show_day_banner (self, text);
  gtk_popover_popdown (self->calendar_popover);
}

static GDateTime *
local_day (GDateTime *time)
{
  return g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time),
                                g_date_time_get_day_of_month (time), 0, 0, 0);
}

static void
label_range_button (GtkMenuButton *button,
                    gboolean       first,
                    GDateTime     *day)
{
  g_autofree char *date = g_date_time_format (day, _("%-d %B %Y"));
  /* Translators: the first and the last day of the dates searched */
  g_autofree char *label = first ? g_strdup_printf (_("From %s"), date)
                                 : g_strdup_printf (_("To %s"), date);

  gtk_menu_button_set_label (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

/* The two buttons and calendars of "Between Dates" show the range. */
static void
sync_range (WtwJournalView *self)
{
  self->syncing = TRUE;
  label_range_button (self->range_from_button, TRUE, self->range_from);
  label_range_button (self->range_to_button, FALSE, self->range_to);
  gtk_calendar_select_day (self->range_from_calendar, self->range_from);
  gtk_calendar_select_day (self->range_to_calendar, self->range_to);
  self->syncing = FALSE;
}

/* From the start of the first day to the end of the last, in local time. */
static void
apply_range (WtwJournalView *self)
{
  g_autoptr(GDateTime) end = g_date_time_add_days (self->range_to, 1);

  wtw_journal_model_set_date_range (self->model, g_date_time_to_unix (self->range_from),
                                    g_date_time_to_unix (end));
}

/* A day picked after the end (or before the start) moves the other end with
 * it, so the range is never empty and nothing typed is refused. */
static void
on_range_day_selected_cb (WtwJournalView *self,
                          GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  GDateTime *day = local_day (picked);

  if (self->syncing || self->model == NULL)
    {
      g_date_time_unref (day);
      return;
    }
  if (calendar == self->range_from_calendar)
    {
      g_clear_pointer (&self->range_from, g_date_time_unref);
      self->range_from = day;
      if (g_date_time_compare (self->range_to, day) < 0)
        {
          g_date_time_unref (self->range_to);
          self->range_to = g_date_time_ref (day);
        }
    }
  else
    {
      g_clear_pointer (&self->range_to, g_date_time_unref);
      self->range_to = day;
      if (g_date_time_compare (self->range_from, day) > 0)
        {
          g_date_time_unref (self->range_from);
          self->range_from = g_date_time_ref (day);
        }
    }
  sync_range (self);
  unselect (self);
  apply_range (self);
}

static void
apply_filters (WtwJournalView *self)
{
  static const int period_days[] = { 0, 7, 31, 365 };
  guint tag = gtk_drop_down_get_selected (self->tag_filter);
  guint mood = gtk_drop_down_get_selected (self->mood_filter);
  guint period = gtk_drop_down_get_selected (self->period_filter);
  const char * const *moods = wtw_journal_editor_get_moods ();

  unselect (self);
  wtw_journal_model_set_tag (self->model,
                             tag > 0 && tag != GTK_INVALID_LIST_POSITION
                             ? gtk_string_list_get_string (self->tag_names, tag) : NULL);
  wtw_journal_model_set_mood (self->model,
                              mood > 0 && mood != GTK_INVALID_LIST_POSITION
                              ? moods[mood - 1] : NULL);
  gtk_revealer_set_reveal_child (self->range_revealer, period == PERIOD_RANGE);
  if (period == PERIOD_RANGE)
    {
      sync_range (self);
      apply_range (self);
      show_day_banner (self, NULL);
    }
  else if (period > 0 && period < G_N_ELEMENTS (period_days))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -period_days[period]);

      wtw_journal_model_set_date_range (self->model, g_date_time_to_unix (since), 0);
      show_day_banner (self, NULL);
    }
  else if (!gtk_revealer_get_reveal_child (self->day_revealer))
    wtw_journal_model_set_date_range (self->model, 0, 0);
}

static void
on_filter_changed_cb (WtwJournalView *self,
                      GParamSpec     *pspec,
                      GtkDropDown    *drop_down)
{
  /* Setting up the drop-downs' models selects their first row. */
  if (!self->syncing && self->model != NULL)
    apply_filters (self);
}

/* GtkSearchEntry waits 150 ms after the last key before this. */
static void
on_search_changed_cb (WtwJournalView *self,
                      GtkSearchEntry *entry)
{
  unselect (self);
  wtw_journal_model_set_search_text (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search_cb (WtwJournalView *self,
                   GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed_cb (WtwJournalView *self,
                           GParamSpec     *pspec,
                           GtkSearchBar   *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      refresh_tag_names (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  /* Closing the search shows the whole journal again. */
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->tag_filter, 0);
  gtk_drop_down_set_selected (self->mood_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, 0);
  self->syncing = FALSE;
  unselect (self);
  wtw_journal_model_set_search_text (self->model, NULL);
  apply_filters (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_list_view_activate_cb (WtwJournalView *self,
                          guint           position,
                          GtkListView    *list_view)
{
  g_autoptr(WtwJournalItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL)
    return;
  open_entry (self, wtw_journal_item_get_id (item));
  show_editor (self, TRUE);
}

static void
on_selection_changed_cb (WtwJournalView     *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  WtwJournalItem *item = gtk_single_selection_get_selected_item (selection);

  /* Rows are new objects after every change: the selection then moves, and
   * is put back by on_model_items_changed_cb(). */
  if (self->selecting || item == NULL)
    return;
  open_entry (self, wtw_journal_item_get_id (item));
  if (adw_leaflet_get_folded (self->leaflet))
    show_editor (self, FALSE);
}

static void
on_model_items_changed_cb (WtwJournalView *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *model)
{
  update_list_page (self);
  select_editor_entry (self);
  gtk_widget_set_sensitive (self->delete_button,
                            wtw_journal_editor_get_entry_id (self->editor) > 0
                            && !wtw_journal_editor_get_sealed (self->editor));
}

static void
on_editor_status_changed_cb (WtwJournalView   *self,
                             GParamSpec       *pspec,
                             WtwJournalEditor *editor)
{
  update_status (self);
}

static void
on_editor_tags_changed_cb (WtwJournalView   *self,
                           GParamSpec       *pspec,
                           WtwJournalEditor *editor)
{
  sync_tags (self);
}

static void
on_editor_active_changed_cb (WtwJournalView   *self,
                             GParamSpec       *pspec,
                             WtwJournalEditor *editor)
{
  /* Closed from elsewhere (the vault locking): empty the widgets too. */
  if (!wtw_journal_editor_get_active (editor))
    sync_from_editor (self);
}

static void
on_editor_save_failed_cb (WtwJournalView   *self,
                          const char       *message,
                          WtwJournalEditor *editor)
{
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), message);

  toast (self, text);
}

static void
on_title_changed_cb (WtwJournalView *self,
                     GtkEntry       *entry)
{
  if (!self->syncing)
    wtw_journal_editor_set_title (self->editor, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_body_changed_cb (WtwJournalView *self,
                    GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  wtw_journal_editor_set_body (self->editor, text);
}

static void
on_mood_toggled_cb (GtkToggleButton *button,
                    WtwJournalView  *self)
{
  const char *mood = g_object_get_data (G_OBJECT (button), "mood");

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (button))
    wtw_journal_editor_set_mood (self->editor, mood);
  else if (g_strcmp0 (wtw_journal_editor_get_mood (self->editor), mood) == 0)
    wtw_journal_editor_set_mood (self->editor, NULL);
  sync_moods (self);
}

static void
on_private_toggled_cb (WtwJournalView  *self,
                       GtkToggleButton *button)
{
  if (self->syncing)
    return;
  wtw_journal_editor_set_is_private (self->editor, gtk_toggle_button_get_active (button));
  sync_tags (self);
}

static void
on_tag_entry_activate_cb (WtwJournalView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));

  if (wtw_journal_editor_add_tag (self->editor, text))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

static void
on_leaflet_folded_changed_cb (WtwJournalView *self,
                              GParamSpec     *pspec,
                              AdwLeaflet     *leaflet)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (leaflet));
}

static void
on_toast_dismissed_cb (AdwToast       *toast_,
                       WtwJournalView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast_), "entry-id"));
  g_autoptr(GError) error = NULL;

  if (wtw_journal_model_is_pending_delete (self->model, id)
      && !wtw_journal_model_finish_delete (self->model, id, &error))
    toast (self, error->message);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, wtw_journal_entry_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  wtw_journal_entry_row_set_item (WTW_JOURNAL_ENTRY_ROW (gtk_list_item_get_child (list_item)),
                                  gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  wtw_journal_entry_row_set_item (WTW_JOURNAL_ENTRY_ROW (gtk_list_item_get_child (list_item)),
                                  NULL);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);

  wtw_journal_editor_new_entry (self->editor);
  sync_from_editor (self);
  select_editor_entry (self);
  show_editor (self, TRUE);
}

static void
new_from_prompt_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);
  g_auto(GStrv) ids = g_strsplit (g_variant_get_string (parameter, NULL), "/", 2);

  if (ids[0] == NULL || ids[1] == NULL
      || !wtw_journal_view_new_from_prompt (self, ids[0], ids[1]))
    g_debug ("No prompt %s in the chapters", g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The entry to delete: the list's selection when the list has the focus,
 * else the entry being written. */
static gint64
entry_to_delete (WtwJournalView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  WtwJournalItem *item = gtk_single_selection_get_selected_item (self->selection);
  gboolean in_list = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));

  if ((in_list || !wtw_journal_editor_get_active (self->editor)) && item != NULL)
    return wtw_journal_item_get_sealed (item) ? 0 : wtw_journal_item_get_id (item);
  if (wtw_journal_editor_get_sealed (self->editor))
    return 0;
  return wtw_journal_editor_get_entry_id (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);
  gint64 id = entry_to_delete (self);
  AdwToast *undo_toast;

  if (id <= 0)
    return;
  /* What was typed last is kept, for an undo. */
  if (id == wtw_journal_editor_get_entry_id (self->editor))
    {
      wtw_journal_editor_close (self->editor);
      sync_from_editor (self);
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
    }
  wtw_journal_model_delete_later (self->model, id);

  undo_toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "journal.undo-delete");
  adw_toast_set_action_target_value (undo_toast, g_variant_new_int64 (id));
  adw_toast_set_timeout (undo_toast, self->undo_timeout);
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (undo_toast), "entry-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (undo_toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo_toast);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gint position;

  unselect (self);
  wtw_journal_model_undo_delete (self->model, id);
  position = wtw_journal_model_find (self->model, id);
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (widget);

  show_day_banner (self, NULL);
  unselect (self);
  wtw_journal_model_set_date_range (self->model, 0, 0);
}

static void
add_mood_buttons (WtwJournalView *self)
{
  const char * const *moods = wtw_journal_editor_get_moods ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_list = NULL;
  g_autoptr(GtkStringList) mood_names = NULL;

  g_strv_builder_add (labels, _("Any Mood"));
  for (guint i = 0; moods[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (wtw_journal_mood_label (moods[i]));

      g_object_set_data (G_OBJECT (button), "mood", (gpointer) moods[i]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_mood_toggled_cb), self);
      gtk_flow_box_append (self->mood_flow, button);
      g_ptr_array_add (self->mood_buttons, button);
      g_strv_builder_add (labels, wtw_journal_mood_label (moods[i]));
    }
  label_list = g_strv_builder_end (labels);
  mood_names = gtk_string_list_new ((const char * const *) label_list);
  gtk_drop_down_set_model (self->mood_filter, G_LIST_MODEL (mood_names));
}

static void
setup_list (WtwJournalView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the selection's own handler, which it connected first. */
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, factory);

  /* Delete removes the selected entry only when the list has the focus: in
   * the editor it deletes text. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("journal.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
}

static void
wtw_journal_view_constructed (GObject *object)
{
  WtwJournalView *self = (WtwJournalView *)object;
  GtkEntryCompletion *completion;

  G_OBJECT_CLASS (wtw_journal_view_parent_class)->constructed (object);

  g_assert (self->session != NULL);
  self->model = wtw_journal_model_new (self->session);
  self->editor = wtw_journal_editor_new (self->model);
  g_signal_connect_object (self->editor, "notify::saved",
                           G_CALLBACK (on_editor_status_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::word-count",
                           G_CALLBACK (on_editor_status_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::tags",
                           G_CALLBACK (on_editor_tags_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::active",
                           G_CALLBACK (on_editor_active_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "save-failed",
                           G_CALLBACK (on_editor_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_body_changed_cb), self, G_CONNECT_SWAPPED);

  setup_list (self);
  add_mood_buttons (self);

  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_set_completion (self->tag_entry, completion);
  g_object_unref (completion);

  sync_from_editor (self);
  update_list_page (self);
  update_prompt (self);
}

static void
wtw_journal_view_dispose (GObject *object)
{
  WtwJournalView *self = (WtwJournalView *)object;

  /* Save what was typed while the vault is still open. */
  if (self->editor != NULL)
    wtw_journal_editor_close (self->editor);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  /* The overlay is AdwBin's child and a template child: AdwBin lets go of
   * it first, or disposing the template would unparent it behind its back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WTW_TYPE_JOURNAL_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->editor);
  g_clear_object (&self->model);
  g_clear_object (&self->chapters);
  g_clear_object (&self->session);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->completion_store);
  g_clear_pointer (&self->mood_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->range_from, g_date_time_unref);
  g_clear_pointer (&self->range_to, g_date_time_unref);

  G_OBJECT_CLASS (wtw_journal_view_parent_class)->dispose (object);
}

static void
wtw_journal_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CHAPTERS:
      g_value_set_object (value, self->chapters);
      break;

    case PROP_UNDO_TIMEOUT:
      g_value_set_uint (value, self->undo_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WtwJournalView *self = WTW_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_CHAPTERS:
      wtw_journal_view_set_chapters (self, g_value_get_object (value));
      break;

    case PROP_UNDO_TIMEOUT:
      wtw_journal_view_set_undo_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wtw_journal_view_class_init (WtwJournalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wtw_journal_view_constructed;
  object_class->dispose = wtw_journal_view_dispose;
  object_class->get_property = wtw_journal_view_get_property;
  object_class->set_property = wtw_journal_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         WTW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwJournalView:chapters:
   *
   * The workbook's #WtwChapter list: its reflection prompts give the prompt
   * of the day and `journal.new-from-prompt`.
   */
  properties[PROP_CHAPTERS] =
    g_param_spec_object ("chapters", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * WtwJournalView:undo-timeout:
   *
   * Seconds a deleted entry can be brought back before it leaves the vault.
   */
  properties[PROP_UNDO_TIMEOUT] =
    g_param_spec_uint ("undo-timeout", NULL, NULL,
                       1, 60, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wtw-journal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, calendar);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, mood_filter);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, period_filter);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, range_from_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, range_to_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, range_from_calendar);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, range_to_calendar);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, day_revealer);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, day_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, count_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, list_view);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, prompt_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, prompt_link_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, prompt_link_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, back_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, status_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, private_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, sealed_page);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, date_label);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, mood_flow);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, tags_flow);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, WtwJournalView, body_view);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_private_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.new", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "journal.new-from-prompt", "s",
                                   new_from_prompt_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "journal.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "journal.show-all", NULL, show_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "journal.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "journal.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "journal.back", NULL);
}

static void
wtw_journal_view_init (WtwJournalView *self)
{
  static const char * const any_tag[] = { N_("Any Tag"), NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* "Between Dates" starts as the past month, today included. */
  self->range_to = local_day (now);
  self->range_from = g_date_time_add_days (self->range_to, -30);
  self->undo_timeout = 5;
  self->calendar_month = -1;
  self->mood_buttons = g_ptr_array_new ();
  self->completion_store = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tag_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->tag_names, _(any_tag[0]));
  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (self->tag_names));
}

/**
 * wtw_journal_view_new:
 * @session: the session whose vault holds the journal
 * @chapters: (nullable): the workbook's #WtwChapter list, for prompts
 *
 * Returns: (transfer full): a new #WtwJournalView
 */
GtkWidget *
wtw_journal_view_new (WtwSession *session,
                      GListModel *chapters)
{
  g_return_val_if_fail (WTW_IS_SESSION (session), NULL);
  g_return_val_if_fail (!chapters || G_IS_LIST_MODEL (chapters), NULL);

  return g_object_new (WTW_TYPE_JOURNAL_VIEW, "session", session, "chapters", chapters, NULL);
}

WtwSession *
wtw_journal_view_get_session (WtwJournalView *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_VIEW (self), NULL);

  return self->session;
}

GListModel *
wtw_journal_view_get_chapters (WtwJournalView *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_VIEW (self), NULL);

  return self->chapters;
}

void
wtw_journal_view_set_chapters (WtwJournalView *self,
                               GListModel     *chapters)
{
  g_return_if_fail (WTW_IS_JOURNAL_VIEW (self));
  g_return_if_fail (!chapters || G_IS_LIST_MODEL (chapters));

  if (!g_set_object (&self->chapters, chapters))
    return;

  if (self->model != NULL)
    update_prompt (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTERS]);
}

/**
 * wtw_journal_view_new_from_prompt:
 * @self: a #WtwJournalView
 * @chapter_id: the id of a chapter in #WtwJournalView:chapters
 * @prompt_id: the id of one of that chapter's reflection prompts
 *
 * Starts a new entry from the prompt, linked to its chapter, and shows it
 * in the editor with the focus in its text. The entry being written is
 * saved first, as for any new entry.
 *
 * Returns: %TRUE if the prompt was found and the entry begun
 */
gboolean
wtw_journal_view_new_from_prompt (WtwJournalView *self,
                                  const char     *chapter_id,
                                  const char     *prompt_id)
{
  guint n;

  g_return_val_if_fail (WTW_IS_JOURNAL_VIEW (self), FALSE);

  if (chapter_id == NULL || prompt_id == NULL || self->chapters == NULL)
    return FALSE;

  n = g_list_model_get_n_items (self->chapters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WtwChapter) chapter = g_list_model_get_item (self->chapters, i);
      WtwPrompt *prompt;

      if (!g_str_equal (wtw_chapter_get_id (chapter), chapter_id)
          || (prompt = wtw_chapter_lookup_prompt (chapter, prompt_id)) == NULL)
        continue;
      wtw_journal_editor_new_from_prompt (self->editor, chapter_id, prompt_id,
                                          wtw_prompt_get_text (prompt));
      sync_from_editor (self);
      select_editor_entry (self);
      show_editor (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

/**
 * wtw_journal_view_get_model:
 * @self: a #WtwJournalView
 *
 * Returns: (transfer none): the journal the view shows
 */
WtwJournalModel *
wtw_journal_view_get_model (WtwJournalView *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_VIEW (self), NULL);

  return self->model;
}

/**
 * wtw_journal_view_get_editor:
 * @self: a #WtwJournalView
 *
 * Returns: (transfer none): the editor of the open entry
 */
WtwJournalEditor *
wtw_journal_view_get_editor (WtwJournalView *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_VIEW (self), NULL);

  return self->editor;
}

guint
wtw_journal_view_get_undo_timeout (WtwJournalView *self)
{
  g_return_val_if_fail (WTW_IS_JOURNAL_VIEW (self), 0);

  return self->undo_timeout;
}

void
wtw_journal_view_set_undo_timeout (WtwJournalView *self,
                                   guint           seconds)
{
  g_return_if_fail (WTW_IS_JOURNAL_VIEW (self));

  if (self->undo_timeout == seconds)
    return;

  self->undo_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_TIMEOUT]);
}
