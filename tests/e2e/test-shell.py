#!/usr/bin/python3
# test-shell.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real app and switches its three views by their accessible
# names, as a screen reader user would.

import sys
import tempfile

import wtwatspi
from wtwatspi import Atspi, Tap, find, find_all, do_action, on_screen, wait_for


def has_state(node, state):
    return node.get_state_set().contains(state)


def visible_label_starting(root, words):
    for label in find_all(root, role="label"):
        name = label.get_name() or ""
        if name.startswith(words) and on_screen(label):
            return label
    return None


def main():
    tap = Tap()
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=tempfile.mkdtemp(prefix="wtw-e2e-"))
    root = app.start()
    if not tap.ok(root is not None, "the app appears on the accessibility bus"):
        out, err = app.stop()
        print("# stderr: " + err.replace("\n", "\n# "))
        return tap.done()

    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    tap.ok(frame is not None, "the main window is named Words That Work")
    tap.ok(wtwatspi.first_run(frame, "Robin", "velvet compass thunder meadow"),
           "first run creates a vault")

    # The workbook is shown first; its pages keep their extents once shown,
    # so its content is checked before switching away from it.
    tap.ok(wait_for(lambda: visible_label_starting(frame, "Feelings, Not Thoughts"), timeout=5)
           is not None, "the workbook lists the first chapter")

    for view, words in (("Journal", "Your Journal"),
                        ("Quiz", "The C.A.R.E. & Intimacy Quiz")):
        # The switcher in the header bar and the one at the bottom both
        # have tabs; the header bar's comes first.
        tabs = find_all(frame, name=view, role="page tab")
        tap.ok(len(tabs) > 0, f"a view switcher tab is named {view}")
        if not tabs:
            continue
        do_action(tabs[0])
        selected = wait_for(lambda: has_state(tabs[0], Atspi.StateType.SELECTED), timeout=5)
        tap.ok(selected, f"the {view} tab is selected after activating it")
        page = wait_for(lambda: visible_label_starting(frame, words), timeout=5)
        tap.ok(page is not None, f"the {view} page is shown")

    tabs = find_all(frame, name="Workbook", role="page tab")
    do_action(tabs[0])
    tap.ok(wait_for(lambda: has_state(tabs[0], Atspi.StateType.SELECTED), timeout=5),
           "back to the workbook")

    menu = find(frame, name="Main Menu")
    tap.ok(menu is not None, "the main menu button has an accessible name")

    out, err = app.stop()
    bad = [line for line in err.splitlines()
           if "WARNING" in line or "CRITICAL" in line or "Gtk-" in line]
    tap.ok(not bad, "the app printed no warnings")
    for line in bad:
        print("# " + line)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
