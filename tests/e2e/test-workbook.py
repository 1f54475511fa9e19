#!/usr/bin/python3
# test-workbook.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The workbook kept in the vault, through the accessibility bus: first run,
# answer a chapter's first question, hold the guided conversation (steps
# shortened by WTW_EXERCISE_SECONDS_SCALE) and write what was noticed, then
# restart, unlock, and find the answer and the conversation again.

import sys
import tempfile
import time

import wtwatspi
from wtwatspi import Atspi, Tap, find, do_action, on_screen, set_text, walk, wait_for

PASSPHRASE = "amber kettle willow north"
ANSWER = "I said you never listen; I meant I felt alone."
NOTE = "We both slowed down at the second step."
ENV = {"WTW_EXERCISE_SECONDS_SCALE": "0.01"}


def find_button(root, label):
    # GTK 4.8 names a button after its mnemonic label and its text
    # ("_Begin Begin"), so match the words.
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


def select_chapter(frame, number):
    """Moves the selection in the chapter list, as the arrow keys do; the
    chapter then shows beside the list. (List rows offer no action here.)"""
    chapters = wait_for(lambda: find(frame, role="list", name="Chapters", showing=True))
    selection = chapters.get_selection_iface() if chapters else None
    return selection is not None and selection.select_child(number - 1)


def tab(root, name):
    return wait_for(lambda: find(root, role="page tab", name=name, showing=True), timeout=10)


def text_of(node):
    iface = node.get_text_iface()
    if iface is None:
        return None
    return iface.get_text(0, iface.get_character_count())


def type_into(node, text):
    """Text views take text through EditableText when GTK offers it, else
    through key events once focused."""
    if set_text(node, text) and text_of(node) == text:
        return True
    component = node.get_component_iface()
    if component is not None:
        component.grab_focus()
    for ch in text:
        Atspi.generate_keyboard_event(0, ch, Atspi.KeySynthType.STRING)
    return wait_for(lambda: text_of(node) == text, timeout=5) is not None


def start(data_home):
    app = wtwatspi.App(wtwatspi.main_binary(), env=ENV, data_home=data_home)
    root = app.start()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work")) if root else None
    return app, frame


def open_part(frame, part):
    page_tab = tab(frame, part)
    return page_tab is not None and do_action(page_tab)


def answer_field(frame):
    return wait_for(lambda: find(frame, role="text", name="Your answer to question 1",
                                 showing=True), timeout=10)


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-workbook-")
    app, frame = start(data_home)
    if not tap.ok(frame is not None, "the app shows its window"):
        return tap.done()
    tap.ok(wtwatspi.first_run(frame, "Robin", PASSPHRASE), "first run creates the vault")

    # A chapter, wide: the list beside the first chapter.
    tap.ok(select_chapter(frame, 2), "chose the second chapter in the list")
    tap.ok(wait_for(lambda: find(frame, role="label", showing=True,
                                 name="Chapter 2 · The Feeling Underneath")) is not None,
           "the second chapter shows beside the list")
    tap.ok(open_part(frame, "Reflect"), "went to the questions to reflect on")

    field = answer_field(frame)
    tap.ok(field is not None, "the first question has a text area for the answer")
    tap.ok(field is not None and type_into(field, ANSWER), "answered the first question")
    saved = wait_for(lambda: find(frame, role="label", name="Saved", showing=True), timeout=10)
    tap.ok(saved is not None, "a quiet Saved appears after a second")

    # The conversation, shortened to seconds.
    tap.ok(open_part(frame, "Conversation"), "went to the conversation part")
    begin = button(frame, "Start the Conversation")
    tap.ok(begin is not None and do_action(begin), "started the conversation")
    name_a = wait_for(lambda: find(frame, name="Partner A", role="text", showing=True), timeout=10)
    name_b = find(frame, name="Partner B", role="text", showing=True)
    tap.ok(name_a is not None and name_b is not None
           and set_text(name_a, "Robin") and set_text(name_b, "Kai"), "named the partners")
    tap.ok(do_action(button(frame, "Begin")), "began")
    # Steps of about a second each; the last one ends the conversation.
    notes = wait_for(lambda: find(frame, role="text", name="What did Robin notice?",
                                  showing=True), timeout=60)
    tap.ok(notes is not None, "the conversation ends with a place for what Robin noticed")
    tap.ok(notes is not None and type_into(notes, NOTE), "wrote what Robin noticed")
    time.sleep(1.5)
    tap.ok(do_action(button(frame, "Done")), "left the conversation")
    listed = wait_for(lambda: find(frame, role="label", name="Robin and Kai"), timeout=10)
    tap.ok(listed is not None, "the conversation part lists the conversation")

    out, err = app.stop()
    for line in err.splitlines():
        if "CRITICAL" in line or "WARNING" in line:
            print("# " + line)
    tap.ok("CRITICAL" not in err and "WARNING" not in err, "no warnings on stderr")

    # After a restart: unlock and find both again.
    app, frame = start(data_home)
    field = wait_for(lambda: find(frame, role="password text", name="Passphrase",
                                  showing=True), timeout=10)
    tap.ok(field is not None and set_text(field, PASSPHRASE), "the restarted app asks to unlock")
    do_action(button(frame, "Unlock"))
    tap.ok(wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
           is not None, "unlocked")
    cont = button(frame, "Continue")
    tap.ok(cont is not None and do_action(cont), "Continue is offered after a restart")
    tap.ok(wait_for(lambda: find(frame, role="label", showing=True,
                                 name="Chapter 2 · The Feeling Underneath")) is not None,
           "Continue goes back to the chapter we were in")
    listed = wait_for(lambda: find(frame, role="label", name="Robin and Kai"), timeout=10)
    tap.ok(listed is not None, "the conversation is still listed after a restart")
    tap.ok(open_part(frame, "Reflect"), "back to the questions")
    field = answer_field(frame)
    tap.ok(field is not None and text_of(field) == ANSWER, "the answer is still there")
    app.stop()

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
