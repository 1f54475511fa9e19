#!/usr/bin/python3
# test-export.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Export for a therapist, through the accessibility bus: write an entry,
# open the window from the main menu, choose the parts, save a PDF by
# typing its name in the file chooser, and read the PDF back.

import os
import stat
import subprocess
import sys
import tempfile

import wtwatspi
from wtwatspi import Tap, find, find_all, walk, do_action, set_text, wait_for

PASSPHRASE = "quiet harbor lantern mosaic"
TITLE = "After the session"
BODY = "Lighthouse marmalade morning, and I said what I needed."
WINDOW = "Export for a Therapist"


def button(root, name, role="push button"):
    return wait_for(lambda: find(root, role=role, name=name, showing=True), timeout=10)


def containing(root, text, role=None):
    for node in walk(root):
        try:
            if role is not None and node.get_role_name() != role:
                continue
            if text in (node.get_name() or "") and wtwatspi.on_screen(node):
                return node
        except Exception:
            continue
    return None


def gtk_button(root, word):
    """A button of GTK's own dialogs: GTK 4.8 names "_Save" as "_Save Save"."""
    for node in find_all(root, role="push button"):
        try:
            if set((node.get_name() or "").replace("_", "").split()) == {word}:
                return node
        except Exception:
            continue
    return None


def sensitive(node):
    if node is not None and wtwatspi.has_state(node, wtwatspi.Atspi.StateType.SENSITIVE):
        return node
    return None


def toplevel(root, name):
    for i in range(root.get_child_count()):
        child = root.get_child_at_index(i)
        try:
            if child is not None and child.get_name() == name:
                return child
        except Exception:
            continue
    return None


def clickable(node):
    """The node itself or its first descendant with an action."""
    for candidate in walk(node):
        try:
            iface = candidate.get_action_iface()
            if iface is not None and iface.get_n_actions() > 0:
                return candidate
        except Exception:
            continue
    return None


def write_entry(frame):
    tab = wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
    if tab is None or not do_action(tab):
        return False
    new = button(frame, "New Entry")
    if new is None or not do_action(new):
        return False
    title = wait_for(lambda: find(frame, name="Title", role="text", showing=True), timeout=10)
    body = wait_for(lambda: find(frame, name="Entry", showing=True), timeout=10)
    if title is None or body is None or not (set_text(title, TITLE) and set_text(body, BODY)):
        return False
    return wait_for(lambda: containing(frame, "Saved"), timeout=10) is not None


def open_export_window(root, frame):
    menu = find(frame, name="Main Menu")
    target = clickable(menu) if menu is not None else None
    if target is None or not do_action(target):
        return None
    item = wait_for(lambda: find(root, role="menu item", name=WINDOW + "…"), timeout=10)
    if item is None or not do_action(item):
        return None
    return wait_for(lambda: toplevel(root, WINDOW), timeout=10)


def dump(root):
    """Prints the tree under root as TAP comments, to see why a lookup failed."""
    for node in walk(root):
        try:
            print(f"# {node.get_role_name()} {node.get_name()!r}", flush=True)
        except Exception:
            continue


def pdf_text(path):
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                            capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else ""


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-")
    out_dir = tempfile.mkdtemp(prefix="wtw-e2e-pdf-")
    pdf = os.path.join(out_dir, "for-my-therapist.pdf")
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    if not tap.ok(root is not None, "the app appears on the accessibility bus"):
        return tap.done()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    if not tap.ok(wtwatspi.first_run(frame, "Robin", PASSPHRASE), "first run done"):
        app.stop()
        return tap.done()
    tap.ok(write_entry(frame), "a journal entry is written and saved")

    window = open_export_window(root, frame)
    if not tap.ok(window is not None, "the main menu opens the Export for a Therapist window"):
        out, err = app.stop()
        print("# stderr: " + err.replace("\n", "\n# "))
        return tap.done()

    tap.ok(wait_for(lambda: containing(window, "Journal: 1 entry"), timeout=10) is not None,
           "the preview counts the journal entry")
    quiz = wait_for(lambda: find(window, name="Quiz Results", role="check box"), timeout=10)
    if not tap.ok(quiz is not None and do_action(quiz), "the Quiz Results switch turns on"):
        dump(window)
    tap.ok(wait_for(lambda: containing(window, "Quiz results: 0"), timeout=10) is not None,
           "the preview now lists quiz results")
    chapter = wait_for(lambda: find(window, role="check box",
                                        name="Reflections: 1. Feelings, Not Thoughts"), timeout=10)
    tap.ok(chapter is not None and do_action(chapter), "the first chapter's reflections are chosen")
    tap.ok(wait_for(lambda: containing(window, "Reflections: 0 answers"), timeout=10) is not None,
           "the preview lists the reflections")

    save = wait_for(lambda: sensitive(find(window, role="push button", name="Save PDF…")), timeout=10)
    if save is None:
        dump(window)
    tap.ok(save is not None and do_action(save), "Save PDF… opens the file chooser")
    chooser = wait_for(lambda: toplevel(root, "Save Report as PDF"), timeout=10)
    tap.ok(chooser is not None, "the file chooser is named Save Report as PDF")
    if chooser is not None:
        name = wait_for(lambda: find(chooser, role="text", showing=True), timeout=10)
        tap.ok(name is not None and set_text(name, pdf), "typed where to save the PDF")
        accept = wait_for(lambda: gtk_button(chooser, "Save"), timeout=10)
        if not tap.ok(accept is not None and do_action(accept), "the file chooser saves"):
            dump(chooser)

    tap.ok(wait_for(lambda: os.path.exists(pdf), timeout=30), "the PDF is written")
    tap.ok(wait_for(lambda: containing(window, "Saved “for-my-therapist.pdf”"), timeout=10)
           is not None, "a toast says the report was saved")
    if os.path.exists(pdf):
        mode = stat.S_IMODE(os.stat(pdf).st_mode)
        tap.ok(mode == 0o600, f"only its owner can read the PDF (mode {mode:o})")
        text = pdf_text(pdf)
        tap.ok("For My Therapist" in text and "Prepared by Robin" in text, "the title page is there")
        tap.ok(TITLE in text and "Lighthouse marmalade morning" in text, "the entry is in the PDF")
        tap.ok("Quiz Results" in text and "Reflections" in text, "the chosen parts are in the PDF")
        tap.ok("Conversation Notes" not in text, "a part not chosen is not in the PDF")
        tap.ok("Page 1 of" in text, "pages are numbered")
        leftovers = [f for f in os.listdir(out_dir) if f != os.path.basename(pdf)]
        tap.ok(not leftovers, "no temporary file is left beside it")

    out, err = app.stop()
    bad = [line for line in err.splitlines()
           if "WARNING" in line or "CRITICAL" in line or "Gtk-" in line]
    tap.ok(not bad, "the app printed no warnings")
    for line in bad:
        print("# " + line)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
