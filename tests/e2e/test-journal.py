#!/usr/bin/python3
# test-journal.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The journal as a person meets it, through the accessibility bus: write an
# entry, lock, unlock, find it again by a word of its body, delete it, take
# the delete back with Undo, and it is there.

import sys
import tempfile

import wtwatspi
from gi.repository import Atspi
from wtwatspi import Tap, find, walk, do_action, set_text, wait_for

PASSPHRASE = "quiet harbor lantern mosaic"
TITLE = "Evening by the canal"
BODY = "We sat by the water and I told her about the interview. Marmalade sky."


def button(root, name, role="push button"):
    return wait_for(lambda: find(root, role=role, name=name, showing=True), timeout=10)


def named(root, name):
    return wait_for(lambda: find(root, name=name, showing=True), timeout=10)


def containing(root, text, showing=True):
    for node in walk(root):
        try:
            if text in (node.get_name() or "") and (not showing or wtwatspi.on_screen(node)):
                return node
        except Exception:
            continue
    return None


def open_journal(frame):
    tab = wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
    return tab is not None and do_action(tab)


def unlock(frame):
    field = wait_for(lambda: find(frame, role="password text", name="Passphrase", showing=True),
                     timeout=10)
    if field is None or not set_text(field, PASSPHRASE):
        return False
    do_action(button(frame, "Unlock"))
    return wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30) is not None


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-")
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    if not tap.ok(root is not None, "the app appears on the accessibility bus"):
        return tap.done()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    if not tap.ok(wtwatspi.first_run(frame, "Sam", PASSPHRASE), "first run done"):
        app.stop()
        return tap.done()

    tap.ok(open_journal(frame), "the Journal tab opens")
    new = button(frame, "New Entry")
    tap.ok(new is not None and do_action(new), "New Entry starts an entry")
    title = wait_for(lambda: find(frame, name="Title", role="text", showing=True), timeout=10)
    body = wait_for(lambda: find(frame, name="Entry", showing=True), timeout=10)
    tap.ok(title is not None and set_text(title, TITLE), "typed a title")
    tap.ok(body is not None and set_text(body, BODY), "typed the entry")
    saved = wait_for(lambda: containing(frame, "Saved"), timeout=10)
    tap.ok(saved is not None, "the entry saves itself")

    do_action(button(frame, "Lock"))
    locked = wait_for(lambda: find(frame, role="label", showing=True,
                                   name="Your Vault Is Locked"), timeout=10)
    tap.ok(locked is not None, "the Lock button locks")
    tap.ok(containing(frame, "Marmalade", showing=False) is None,
           "nothing of the entry is left on the accessibility tree when locked")
    tap.ok(unlock(frame), "the passphrase opens the vault again")
    tap.ok(open_journal(frame), "the Journal tab opens again")

    # A toggle button is a "push button" with a pressed state on the bus.
    search = button(frame, "Search")
    tap.ok(search is not None and do_action(search), "the search bar opens")
    field = named(frame, "Search entries")
    tap.ok(field is not None and set_text(field, "marmalade"), "typed a word of the body")
    found = wait_for(lambda: containing(frame, "1 Entry"), timeout=10)
    row = containing(frame, TITLE)
    tap.ok(found is not None and row is not None,
           "search finds the entry, alone, by a word of its body")

    entries = wait_for(lambda: find(frame, name="Journal entries", showing=True), timeout=10)
    selection = entries.get_selection_iface() if entries is not None else None
    selected = selection is not None and selection.select_child(0)
    if not selected and row is not None:
        selected = do_action(row)
    tap.ok(selected, "the entry is selected in the list")
    # The entry opens beside the list; Delete Entry works once it is open.
    delete = wait_for(lambda: next((node for node in wtwatspi.find_all(frame, role="push button",
                                                                        name="Delete Entry")
                                    if wtwatspi.on_screen(node)
                                    and wtwatspi.has_state(node, Atspi.StateType.SENSITIVE)),
                                   None), timeout=10)
    tap.ok(delete is not None and do_action(delete), "Delete Entry deletes it")
    # The toast lasts five seconds: look for its Undo first, then for the
    # row, so a slow machine does not spend the toast's life on the list.
    # libadwaita 1.2 names the toast's button "_Undo Undo" on the bus.
    undo = wait_for(lambda: next((node for node in wtwatspi.find_all(frame, role="push button")
                                  if "Undo" in (node.get_name() or "")
                                  and wtwatspi.on_screen(node)), None), timeout=5)
    gone = containing(frame, TITLE) is None or wait_for(
        lambda: containing(frame, TITLE) is None, timeout=2)
    tap.ok(gone, "the entry leaves the list")
    tap.ok(undo is not None and do_action(undo), "Undo is offered and pressed")
    back = wait_for(lambda: containing(frame, TITLE), timeout=10)
    tap.ok(back is not None, "after Undo the entry is back")

    out, err = app.stop()
    tap.ok("CRITICAL" not in err and "WARNING" not in err, "no warnings on stderr")
    for line in err.splitlines():
        if "CRITICAL" in line or "WARNING" in line:
            print("# " + line)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
