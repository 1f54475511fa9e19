#!/usr/bin/python3
# test-partners.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two partners on one computer, through the accessibility bus: first run,
# an entry, Ctrl+L, a wrong passphrase, unlock, add a partner in Preferences,
# switch to them, they write a private entry, switch back: the entry shows
# as "Private" and its words are nowhere on the accessibility tree. Then a
# restart with automatic locking after a minute: the vault locks by itself.

import os
import sys
import tempfile
import time

import wtwatspi
from gi.repository import Atspi
from wtwatspi import Tap, find, find_all, walk, do_action, press_keys, set_text, wait_for

PASSPHRASE = "quiet harbor lantern mosaic"
PARTNER_PASSPHRASE = "copper kettle orchard violin"
SHARED_BODY = "We planned the weekend together over tea."
PRIVATE_TITLE = "Only for Robin"
PRIVATE_BODY = "Thistledown secret about the birthday surprise."
PRIVATE_WORDS = ("Thistledown", "birthday surprise", PRIVATE_TITLE)
WRONG = "That passphrase does not open this vault. Check that Caps Lock is off and try again."


def button(root, name, timeout=10):
    return wait_for(lambda: find(root, role="push button", name=name, showing=True),
                    timeout=timeout)


def fill(root, name, text, role="text"):
    field = wait_for(lambda: find(root, role=role, name=name, showing=True), timeout=10)
    return field is not None and set_text(field, text)


def containing(root, text, showing=True):
    for node in walk(root):
        try:
            if text in (node.get_name() or "") and (not showing or wtwatspi.on_screen(node)):
                return node
        except Exception:
            continue
    return None


def window(app, name):
    """A top-level window of the app by its accessible name (dialogs too)."""
    def look():
        for i in range(app.root.get_child_count()):
            child = app.root.get_child_at_index(i)
            try:
                if child is not None and child.get_name() == name:
                    return child
            except Exception:
                continue
        return None
    return wait_for(look, timeout=15)


def response(dialog, label):
    """A dialog's button on screen. libadwaita 1.2 names a response button
    "_Label Label" on the bus, so the name only has to end in the label."""
    def look():
        for node in find_all(dialog, role="push button"):
            name = node.get_name() or ""
            if (name == label or name.endswith(" " + label)) and wtwatspi.on_screen(node):
                return node
        return None
    return wait_for(look, timeout=10)


def leaks(root, words):
    """Every place on the tree where one of @words shows: names,
    descriptions and text contents, on screen or not."""
    found = []
    for node in walk(root):
        try:
            texts = [node.get_name() or "", node.get_description() or ""]
            if "Text" in node.get_interfaces():
                texts.append(Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))
                             or "")
        except Exception:
            continue
        for word in words:
            if any(word.lower() in t.lower() for t in texts):
                found.append(f"{node.get_role_name()} holds '{word}'")
    return found


def lock_by_key(frame):
    """Ctrl+L, as real key events; the Lock button is not a way out."""
    press_keys("<Control>l")
    locked = wait_for(lambda: find(frame, role="label", showing=True,
                                   name="Your Vault Is Locked"), timeout=10)
    return locked is not None


def unlock(frame, passphrase):
    if not fill(frame, "Passphrase", passphrase, role="password text"):
        return False
    return do_action(button(frame, "Unlock"))


def open_journal(frame):
    tab = wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
    return tab is not None and do_action(tab)


def write_entry(frame, title, body):
    new = button(frame, "New Entry")
    if new is None or not do_action(new):
        return False
    title_field = wait_for(lambda: find(frame, name="Title", role="text", showing=True))
    body_field = wait_for(lambda: find(frame, name="Entry", showing=True))
    return (title_field is not None and set_text(title_field, title)
            and body_field is not None and set_text(body_field, body))


def open_preferences(app, frame):
    press_keys("<Control>,")
    prefs = window(app, "Preferences")
    if prefs is None:
        print("# Ctrl+, did not reach the window; using the main menu")
        menu = find(frame, name="Main Menu")
        do_action(menu)
        item = wait_for(lambda: find(app.root, name="Preferences", role="menu item"), timeout=5)
        if item is not None:
            do_action(item)
        prefs = window(app, "Preferences")
    return prefs


def switch_partner(app, prefs, to, passphrase):
    switch = wait_for(lambda: next((node for node in find_all(prefs, role="push button")
                                    if "Switch partner" in (node.get_name() or "")), None),
                      timeout=10)
    if switch is None or not do_action(switch):
        return False
    dialog = window(app, f"Switch to {to}")
    if dialog is None or not fill(dialog, "Their Passphrase", passphrase):
        return False
    button_ = response(dialog, "Switch")
    return button_ is not None and do_action(button_)


def report_crash(tap, app, error):
    """The app went away under the test: say why, with what it printed."""
    tap.ok(False, f"the app keeps running ({error})")
    out, err = app.stop()
    for line in err.splitlines()[-30:]:
        print("# " + line)
    return tap.done()


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-")
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    if not tap.ok(root is not None, "the app appears on the accessibility bus"):
        return tap.done()
    try:
        partners(tap, app, root)
    except Exception as error:  # the app died: AT-SPI calls raise
        return report_crash(tap, app, error)
    out, err = app.stop()
    tap.ok("CRITICAL" not in err and "WARNING" not in err, "no warnings on stderr")
    for line in err.splitlines():
        if "CRITICAL" in line or "WARNING" in line:
            print("# " + line)
    auto_lock(tap, data_home)
    return tap.done()


def partners(tap, app, root):
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    if not tap.ok(wtwatspi.first_run(frame, "Alex", PASSPHRASE), "first run: vault created"):
        return

    tap.ok(open_journal(frame) and write_entry(frame, "Weekend", SHARED_BODY),
           "Alex writes an entry")
    tap.ok(wait_for(lambda: containing(frame, "Saved"), timeout=10) is not None,
           "the entry saves itself")

    tap.ok(lock_by_key(frame), "Ctrl+L locks")
    unlock(frame, "not the passphrase at all")
    tap.ok(wait_for(lambda: find(frame, role="label", showing=True, name=WRONG), timeout=30)
           is not None, "a wrong passphrase is told plainly")
    unlock(frame, PASSPHRASE)
    tap.ok(wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
           is not None, "the right passphrase opens the vault")

    # Preferences → Partners → Add Your Partner.
    prefs = open_preferences(app, frame)
    tap.ok(prefs is not None, "Preferences open")
    add = wait_for(lambda: find(prefs, role="push button", name="Add Your Partner"), timeout=10)
    tap.ok(add is not None and do_action(add), "Add Your Partner is a button that can be pressed")
    dialog = window(app, "Add Your Partner")
    add_button = dialog is not None and response(dialog, "Add Partner")
    tap.ok(dialog is not None
           and fill(dialog, "Their Name", "Robin")
           and fill(dialog, "Their Passphrase", PARTNER_PASSPHRASE)
           and fill(dialog, "Confirm Their Passphrase", PARTNER_PASSPHRASE)
           and add_button and do_action(add_button),
           "the partner types a name and their passphrase twice")
    key = window(app, "Your Partner's Recovery Key")
    kept = key is not None and response(key, "I Have Kept It")
    tap.ok(kept and do_action(kept), "the partner's recovery key is shown, and kept")

    # Switch to Robin; Preferences closes and the views start afresh.
    tap.ok(switch_partner(app, prefs, "Robin", PARTNER_PASSPHRASE),
           "switching asks for Robin's passphrase")
    tap.ok(wait_for(lambda: not any(app.root.get_child_at_index(i).get_name() == "Preferences"
                                    for i in range(app.root.get_child_count())), timeout=30),
           "Preferences closes after the switch")
    tap.ok(open_journal(frame) and write_entry(frame, PRIVATE_TITLE, PRIVATE_BODY),
           "Robin writes an entry")
    private = wait_for(lambda: find(frame, role="toggle button", name="Private", showing=True)
                       or find(frame, role="push button", name="Private", showing=True),
                       timeout=10)
    tap.ok(private is not None and do_action(private), "Robin makes it private")
    tap.ok(wait_for(lambda: containing(frame, "Saved"), timeout=10) is not None,
           "the private entry saves itself")

    # Back to Alex.
    prefs = open_preferences(app, frame)
    tap.ok(prefs is not None and switch_partner(app, prefs, "Alex", PASSPHRASE),
           "switching back asks for Alex's passphrase")
    tap.ok(wait_for(lambda: not any(app.root.get_child_at_index(i).get_name() == "Preferences"
                                    for i in range(app.root.get_child_count())), timeout=30),
           "Preferences closes after the switch back")
    tap.ok(open_journal(frame), "Alex's journal opens")
    shown = wait_for(lambda: containing(frame, "Private entry"), timeout=15)
    tap.ok(shown is not None, "Robin's entry shows as Private")
    tap.ok(containing(frame, "Weekend") is not None, "Alex's own entry is still there")
    found = leaks(app.root, PRIVATE_WORDS)
    tap.ok(not found, "no word of the private entry is in any name, description or text")
    for line in found:
        print("# " + line)


def auto_lock(tap, data_home):
    # Automatic locking: the shortest setting, a minute, kept in a settings
    # file of this test's own (the memory backend does not outlive a process).
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home,
                       env={"GSETTINGS_BACKEND": "keyfile"})
    settings_dir = os.path.join(app.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(settings_dir, exist_ok=True)
    with open(os.path.join(settings_dir, "keyfile"), "w") as f:
        f.write("[org/wordsthatwork/WordsThatWork]\nauto-lock-minutes=uint32 1\n")
    root = app.start()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    unlock(frame, PASSPHRASE)
    opened = wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
    tap.ok(opened is not None, "unlocked with automatic locking after a minute")
    started = time.monotonic()
    gone = wait_for(lambda: find(frame, role="page tab", name="Journal") is None,
                    timeout=100, step=1)
    waited = time.monotonic() - started
    tap.ok(gone and waited > 30, f"left alone, the vault locks by itself (after {waited:.0f} s)")
    tap.ok(wait_for(lambda: find(frame, role="label", showing=True, name="Your Vault Is Locked"),
                    timeout=10) is not None, "and asks for the passphrase again")
    app.stop()


if __name__ == "__main__":
    sys.exit(main())
