# wtwatspi.py
#
# Copyright 2026 The Words That Work authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A small harness for end-to-end tests: starts the real app, finds it on the
# accessibility bus and drives it the way a screen reader user would, by
# accessible names and actions (screen coordinates do not work in GTK 4).
# Prints TAP.

import atexit
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

APP_NAMES = ("words-that-work", "Words That Work")


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, cond, what):
        self.count += 1
        if cond:
            print(f"ok {self.count} {what}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.count} {what}", flush=True)
        return cond

    def done(self):
        print(f"1..{self.count}", flush=True)
        return 1 if self.failed else 0


# For runs under a slow wrapper (valgrind): every wait grows by this factor.
TIMEOUT_SCALE = float(os.environ.get("WTW_E2E_TIMEOUT_SCALE", "1"))


def wait_for(predicate, timeout=20.0, step=0.1):
    deadline = time.monotonic() + timeout * TIMEOUT_SCALE
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except Exception:
            # A node the predicate holds can be disposed under it (a widget
            # destroyed between the walk and the question): libatspi then
            # says "The application no longer exists". Ask again.
            result = None
        if result:
            return result
        time.sleep(step)
    return None


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    try:
        n = node.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def on_screen(node):
    # GTK 4.8 sets neither SHOWING nor a useful VISIBLE on pages of a stack
    # that are not shown; their extents are empty, though.
    try:
        extents = node.get_extents(Atspi.CoordType.WINDOW)
    except Exception:
        return False
    return extents.width > 0 and extents.height > 0


def find(root, role=None, name=None, showing=False):
    for node in walk(root):
        try:
            if role is not None and node.get_role_name() != role:
                continue
            if name is not None and node.get_name() != name:
                continue
            if showing and not on_screen(node):
                continue
            return node
        except Exception:
            continue
    return None


def find_all(root, role=None, name=None):
    out = []
    for node in walk(root):
        try:
            if role is not None and node.get_role_name() != role:
                continue
            if name is not None and node.get_name() != name:
                continue
            out.append(node)
        except Exception:
            continue
    return out


def do_action(node, names=("click", "activate", "press", "toggle")):
    try:
        iface = node.get_action_iface()
        if iface is None:
            return False
        for i in range(iface.get_n_actions()):
            if iface.get_action_name(i) in names:
                return iface.do_action(i)
        if iface.get_n_actions() > 0:
            return iface.do_action(0)
    except Exception:
        # Gone from the tree since it was found.
        return False
    return False


def set_text(node, text):
    editable = node.get_editable_text_iface()
    if editable is None:
        return False
    return editable.set_text_contents(text)


# X modifier masks, for synthesizing key combinations.
MODIFIERS = {"Shift": 1 << 0, "Control": 1 << 2, "Alt": 1 << 3}


def press_keys(combo):
    """Sends a combination such as "<Control>l" as real key events."""
    mods = re.findall(r"<(\w+)>", combo)
    key = re.sub(r"<\w+>", "", combo)
    mask = sum(MODIFIERS[m] for m in mods)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(ord(key), None, Atspi.KeySynthType.SYM)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def has_state(node, state):
    try:
        return node.get_state_set().contains(state)
    except Exception:
        return False


def first_run(frame, name, passphrase):
    """Walks through the welcome and the vault creation; True when the
    main views are there."""
    def button(label):
        return wait_for(lambda: find(frame, role="push button", name=label, showing=True),
                        timeout=10)

    def fill(label, text):
        field = wait_for(lambda: find(frame, role="text", name=label, showing=True), timeout=10)
        return field is not None and set_text(field, text)

    start = button("Get Started")
    if start is None or not do_action(start):
        return False
    if not (fill("Your Name", name) and fill("Passphrase", passphrase)
            and fill("Confirm Passphrase", passphrase)):
        return False
    do_action(button("Create Vault"))
    kept = wait_for(lambda: find(frame, role="push button", showing=True,
                                 name="I Have Kept My Recovery Key"), timeout=60)
    if kept is None or not wait_for(lambda: has_state(kept, Atspi.StateType.SENSITIVE)):
        return False
    do_action(kept)
    return wait_for(lambda: find(frame, role="page tab", name="Journal"), timeout=10) is not None


class App:
    def __init__(self, binary, env=None, data_home=None):
        self.binary = binary
        self.env = dict(os.environ)
        if env:
            self.env.update(env)
        if data_home is not None:
            self.env["XDG_DATA_HOME"] = data_home
        self.env["XDG_CONFIG_HOME"] = self._gnome_gtk_settings()
        self.env.pop("GTK_A11Y", None)
        self.proc = None
        self.root = None

    @staticmethod
    def _gnome_gtk_settings():
        # Xvfb has no settings daemon: give GTK GNOME's defaults. With no
        # window manager the window is never focused, so a blinking cursor
        # would warn that it never lost focus; GNOME's test setups turn
        # blinking off for the same reason.
        config = tempfile.mkdtemp(prefix="wtw-e2e-config-")
        os.makedirs(os.path.join(config, "gtk-4.0"))
        with open(os.path.join(config, "gtk-4.0", "settings.ini"), "w") as f:
            f.write("[Settings]\ngtk-cursor-blink=false\n"
                    "gtk-decoration-layout=appmenu:close\n"
                    "gtk-font-name=Cantarell 11\n")
        return config

    def start(self):
        # WTW_E2E_WRAPPER runs the app under a tool, e.g. "valgrind -q".
        wrapper = shlex.split(os.environ.get("WTW_E2E_WRAPPER", ""))
        self.proc = subprocess.Popen(wrapper + [self.binary], env=self.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # A test that dies half-way must not leave the app running: the next
        # test's app would hand itself over to it (one instance per session
        # bus) and fail for no fault of its own.
        _running.append(self)
        self.root = wait_for(self._find_app, timeout=30)
        return self.root

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and child.get_name() in APP_NAMES:
                    if child.get_child_count() > 0:
                        return child
            except Exception:
                continue
        return None

    def stop(self):
        if self.proc is None:
            return "", ""
        if self in _running:
            _running.remove(self)
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            out, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        self.proc = None
        return out.decode(errors="replace"), err.decode(errors="replace")


_running = []


def _terminated(signum, frame):
    # meson's timeout sends SIGTERM: leave through atexit, which stops the app.
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _terminated)


@atexit.register
def _stop_leftovers():
    for app in list(_running):
        crashed = app.proc.poll()
        out, err = app.stop()
        if crashed is not None:
            print(f"# the app had already ended, status {crashed}", flush=True)
        for line in err.splitlines()[-60:]:
            print("# " + line, flush=True)


def main_binary():
    if len(sys.argv) < 2:
        print("Bail out! usage: test.py APP-BINARY", flush=True)
        sys.exit(2)
    return sys.argv[1]
