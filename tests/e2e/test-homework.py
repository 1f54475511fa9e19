#!/usr/bin/python3
# test-homework.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Homework through the accessibility bus: first run, the empty Homework page,
# assign a chapter from its toolbar with a note, find it in the list, tick it
# off, delete it and undo, all with real buttons.

import sys
import tempfile

import wtwatspi
from wtwatspi import Tap, find, do_action, on_screen, set_text, walk, wait_for

PASSPHRASE = "amber kettle willow north"
NOTE = "From my therapist: try the exercise twice this week"


def find_button(root, label):
    # GTK 4.8 may name a button after its mnemonic label and its text, so
    # match the words.
    for node in walk(root):
        try:
            if (node.get_role_name() == "push button" and label in (node.get_name() or "")
                    and on_screen(node)):
                return node
        except Exception:
            continue
    return None


def button(root, label, timeout=10):
    return wait_for(lambda: find_button(root, label), timeout=timeout)


def dialog(app_root, title):
    for node in walk(app_root, max_depth=2):
        try:
            if node.get_name() == title and node.get_role_name() in ("frame", "dialog", "window"):
                return node
        except Exception:
            continue
    return None


def homework_button(frame):
    return wait_for(lambda: find(frame, role="push button", name="Homework", showing=True),
                    timeout=10)


def label(root, name):
    return wait_for(lambda: find(root, role="label", name=name, showing=True), timeout=10)


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-homework-")
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work")) if root else None
    if not tap.ok(frame is not None, "the app shows its window"):
        return tap.done()
    tap.ok(wtwatspi.first_run(frame, "Robin", PASSPHRASE), "first run creates the vault")

    homework = homework_button(frame)
    tap.ok(homework is not None and do_action(homework), "opened Homework from the workbook")
    tap.ok(label(frame, "No Homework") is not None, "with none yet, the page says so")
    tap.ok(do_action(button(frame, "Back to Chapters")), "went back to the chapters")

    assign = button(frame, "Assign as Homework")
    tap.ok(assign is not None and do_action(assign), "Assign as Homework… on the chapter")
    form = wait_for(lambda: dialog(root, "Assign Homework"), timeout=10)
    tap.ok(form is not None, "the form opens")
    note = wait_for(lambda: find(form, role="text", showing=True), timeout=10) if form else None
    tap.ok(note is not None and set_text(note, NOTE), "wrote a note")
    tap.ok(form is not None and do_action(button(form, "Assign")), "assigned it")
    tap.ok(wait_for(lambda: dialog(root, "Assign Homework") is None, timeout=10) is not None,
           "the form closes")

    homework = homework_button(frame)
    tap.ok(homework is not None and do_action(homework), "opened Homework again")
    tap.ok(label(frame, NOTE) is not None, "the homework is listed with its note")
    done = button(frame, "Mark Done")
    tap.ok(done is not None and do_action(done), "ticked it off with its Done button")
    tap.ok(button(frame, "Mark Not Done") is not None, "it is now under Done")

    delete = button(frame, "Delete Homework")
    tap.ok(delete is not None and do_action(delete), "deleted it")
    tap.ok(label(frame, "No Homework") is not None, "the list is empty again")
    undo = button(frame, "Undo")
    tap.ok(undo is not None and do_action(undo), "undid the deletion")
    tap.ok(label(frame, NOTE) is not None, "the homework is back with its note")

    out, err = app.stop()
    for line in err.splitlines():
        if "CRITICAL" in line or "WARNING" in line:
            print("# " + line)
    tap.ok("CRITICAL" not in err and "WARNING" not in err, "no warnings on stderr")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
