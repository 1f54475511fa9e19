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

import os
import subprocess
import sys
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


def wait_for(predicate, timeout=20.0, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
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
    iface = node.get_action_iface()
    if iface is None:
        return False
    for i in range(iface.get_n_actions()):
        if iface.get_action_name(i) in names:
            return iface.do_action(i)
    if iface.get_n_actions() > 0:
        return iface.do_action(0)
    return False


class App:
    def __init__(self, binary, env=None):
        self.binary = binary
        self.env = dict(os.environ)
        if env:
            self.env.update(env)
        self.env.pop("GTK_A11Y", None)
        self.proc = None
        self.root = None

    def start(self):
        self.proc = subprocess.Popen([self.binary], env=self.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            out, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        self.proc = None
        return out.decode(errors="replace"), err.decode(errors="replace")


def main_binary():
    if len(sys.argv) < 2:
        print("Bail out! usage: test.py APP-BINARY", flush=True)
        sys.exit(2)
    return sys.argv[1]
