#!/usr/bin/python3
# test-lock.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The vault as a person meets it, through the accessibility bus: first run,
# create, lock with the keyboard, a wrong passphrase, unlock, hide at once
# with Ctrl+Shift+H, and a restart that finds the vault locked and opens it
# again.

import sys
import tempfile

import wtwatspi
from wtwatspi import Tap, find, do_action, press_keys, set_text, wait_for

PASSPHRASE = "quiet harbor lantern mosaic"


def button(root, name):
    return wait_for(lambda: find(root, role="push button", name=name, showing=True), timeout=10)


def fill(root, name, text, role="text"):
    field = wait_for(lambda: find(root, role=role, name=name, showing=True), timeout=10)
    return field is not None and set_text(field, text)


def locks_with(frame, combo):
    """Presses @combo as real key events; True once the unlock page shows."""
    press_keys(combo)
    return wait_for(lambda: find(frame, role="label", showing=True,
                                 name="Your Vault Is Locked"), timeout=10) is not None


def unlock(tap, frame, passphrase, expect_ok):
    ok = fill(frame, "Passphrase", passphrase, role="password text")
    tap.ok(ok, "typed a passphrase into the field named Passphrase")
    do_action(button(frame, "Unlock"))
    if expect_ok:
        tab = wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=30)
        tap.ok(tab is not None, "the right passphrase opens the vault")
    else:
        message = wait_for(lambda: find(frame, role="label", showing=True,
                                        name="That passphrase does not open this vault. "
                                             "Check that Caps Lock is off and try again."),
                           timeout=30)
        tap.ok(message is not None, "a wrong passphrase is told plainly")


def main():
    tap = Tap()
    data_home = tempfile.mkdtemp(prefix="wtw-e2e-")
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    if not tap.ok(root is not None, "the app appears on the accessibility bus"):
        return tap.done()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))

    tap.ok(find(frame, role="label", showing=True,
                name="Welcome to Words That Work") is not None, "first run shows the welcome")
    tap.ok(wtwatspi.first_run(frame, "Sam", PASSPHRASE),
           "first run: name, passphrase twice, recovery key kept, then the views")

    tap.ok(locks_with(frame, "<Control>l"), "Ctrl+L locks and shows the unlock page")
    tap.ok(find(frame, role="page tab", name="Journal") is None,
           "locking removes the views")

    unlock(tap, frame, "not my passphrase at all", expect_ok=False)
    unlock(tap, frame, PASSPHRASE, expect_ok=True)

    # The key meant for a hurry locks at once and clears the views.
    tap.ok(locks_with(frame, "<Control><Shift>h"), "Ctrl+Shift+H locks at once")
    tap.ok(find(frame, role="page tab", name="Journal") is None,
           "hiding removes the views")
    unlock(tap, frame, PASSPHRASE, expect_ok=True)

    out, err = app.stop()
    tap.ok("CRITICAL" not in err and "WARNING" not in err, "no warnings on stderr")
    for line in err.splitlines():
        if "CRITICAL" in line or "WARNING" in line:
            print("# " + line)

    # A restart finds the vault and asks for the passphrase.
    app = wtwatspi.App(wtwatspi.main_binary(), data_home=data_home)
    root = app.start()
    frame = wait_for(lambda: find(root, role="frame", name="Words That Work"))
    locked = wait_for(lambda: find(frame, role="label", showing=True,
                                   name="Your Vault Is Locked"), timeout=10)
    tap.ok(locked is not None, "after a restart the vault is locked")
    unlock(tap, frame, PASSPHRASE, expect_ok=True)
    app.stop()

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
