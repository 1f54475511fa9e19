#!/usr/bin/python3
# test-quiz.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The quiz as a person meets it, through the accessibility bus: first run,
# a few answers, a restart that offers to resume them, the quiz taken to
# the end with the answer buttons, and after another restart the result in
# History with its date and the chart of the scores.

import datetime
import sys
import tempfile

import wtwatspi
from wtwatspi import Tap, find, find_all, do_action, on_screen, set_text, wait_for

PASSPHRASE = "amber orchard pebble lantern"
SCALE = ("Never", "Rarely", "Sometimes", "Often", "Almost always")
N_ITEMS = 28


def named(node, text):
    """GTK 4.8 names a button after its label and then again after the
    text inside it ("_Start the Quiz Start the Quiz"): match either end."""
    name = node.get_name() or ""
    return name == text or name.startswith(text + " ") or name.endswith(" " + text)


def button(root, text, timeout=10):
    def look():
        for node in find_all(root, role="push button"):
            try:
                if named(node, text) and on_screen(node):
                    return node
            except Exception:
                continue
        return None
    return wait_for(look, timeout=timeout)


def label(root, name, timeout=10):
    return wait_for(lambda: find(root, role="label", name=name, showing=True), timeout=timeout)


def unlock(frame):
    field = wait_for(lambda: find(frame, role="password text", name="Passphrase", showing=True),
                     timeout=10)
    if field is None or not set_text(field, PASSPHRASE):
        return False
    do_action(button(frame, "Unlock"))
    return wait_for(lambda: find(frame, role="page tab", name="Quiz"), timeout=30) is not None


def open_quiz(frame):
    # Both view switchers (header bar, bottom bar) have a Quiz tab, and
    # which of them is on screen depends on the width: activate each until
    # the quiz's start page shows.
    tabs = wait_for(lambda: find_all(frame, name="Quiz", role="page tab"), timeout=10)
    for _ in range(3):
        for tab in tabs or []:
            do_action(tab)
            if button(frame, "Partners", timeout=2):
                return True
    return False


def answer(frame, number):
    """Answers question @number (1-based) with a button, and waits for the
    next one (or the results)."""
    choice = button(frame, SCALE[(number * 3) % 5])
    if choice is None or not do_action(choice):
        return False
    if number < N_ITEMS:
        return label(frame, f"Question {number + 1} of {N_ITEMS}") is not None
    return label(frame, "Your Results", timeout=20) is not None


def restart(tap, app, data_home):
    out, err = app.stop()
    bad = [line for line in err.splitlines() if "WARNING" in line or "CRITICAL" in line]
    tap.ok(not bad, "the app printed no warnings")
    for line in bad:
        print("# " + line)
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    tap.ok(frame is not None and unlock(frame), "after a restart the vault unlocks")
    tap.ok(frame is not None and open_quiz(frame), "the Quiz view opens")
    return app, frame


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-")
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    if not tap.ok(root is not None, "the app appears on the accessibility bus"):
        return tap.done()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    tap.ok(wtwatspi.first_run(frame, "Alex", PASSPHRASE), "first run creates a vault")
    tap.ok(open_quiz(frame), "the Quiz view opens")

    start = button(frame, "Start the Quiz")
    tap.ok(start is not None and do_action(start), "Start the Quiz is a button")
    tap.ok(label(frame, f"Question 1 of {N_ITEMS}") is not None, "the first question shows")
    tap.ok(all(answer(frame, n) for n in (1, 2, 3)), "three answers, one button each")

    # Leaving midway: the answers are kept in the vault.
    app, frame = restart(tap, app, data_home)
    resume = button(frame, f"Resume (3 of {N_ITEMS} answered)")
    tap.ok(resume is not None, "the start page offers to resume with 3 answered")
    tap.ok(button(frame, "Start Over") is not None, "and to start over")
    if resume is not None:
        do_action(resume)
    tap.ok(label(frame, f"Question 4 of {N_ITEMS}") is not None, "resuming goes to question 4")

    finished = all(answer(frame, n) for n in range(4, N_ITEMS + 1))
    tap.ok(finished, "the quiz is taken to the end with the answer buttons")
    now = datetime.datetime.now()
    date = f"{now.day} {now.strftime('%B %Y')}"
    tap.ok(label(frame, f"Taken on {date}") is not None, "the results carry today's date")

    # After another restart the result is in History.
    app, frame = restart(tap, app, data_home)
    tap.ok(button(frame, "Start the Quiz") is not None, "a finished quiz leaves nothing to resume")
    history = button(frame, "History")
    tap.ok(history is not None and do_action(history), "History is a button")
    tap.ok(label(frame, "Every Result") is not None, "the History page shows")
    row = wait_for(lambda: [node for node in find_all(frame, role="list item")
                            if named(node, date) and on_screen(node)], timeout=10)
    tap.ok(row is not None, f"the result is listed under {date}")
    chart = find(frame, role="image", name="Scores over time")
    description = chart.get_description() if chart is not None else ""
    tap.ok(chart is not None and description.startswith("Communication: ")
           and date in description,
           "the chart of scores over time says its values in words")

    out, err = app.stop()
    tap.ok("CRITICAL" not in err and "WARNING" not in err, "no warnings on stderr")
    for line in err.splitlines():
        if "CRITICAL" in line or "WARNING" in line:
            print("# " + line)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
