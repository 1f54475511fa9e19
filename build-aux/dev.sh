#!/usr/bin/env bash
# dev.sh — set up, build, run and test Words That Work on Debian 12.
#
# Copyright 2026 The Words That Work authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/dev.sh run     install what is missing, build, launch the app
#   build-aux/dev.sh test    install what is missing, build, run every test
#                            (plus a clang ASan/UBSan/fuzzing build), then
#                            print "N passed, N failed"
#   build-aux/dev.sh deps    only install the missing Debian packages
#   build-aux/dev.sh bench   build and run the benchmarks (see README)

set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

packages_file=build-aux/debian-packages.txt
build=build
build_asan=build-asan

say() { printf '%s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs only what is missing, and says nothing when nothing is.
install_deps() {
  local wanted missing=()
  wanted=$(grep -v '^[[:space:]]*#' "$packages_file" | grep -v '^[[:space:]]*$')
  for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Runs a build step quietly; if it fails, shows what it printed and stops.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    say "Failed: $*"
    tail -n 60 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

configure() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    quietly meson setup --reconfigure "$dir" "$@"
  else
    quietly meson setup "$dir" "$@"
  fi
}

compile() {
  quietly ninja -C "$1"
}

build_app() {
  configure "$build"
  compile "$build"
}

run_app() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "There is no graphical session to show the app in (neither DISPLAY nor WAYLAND_DISPLAY is set)."
    say "Log in to a desktop and run this again, or try: xvfb-run -a build-aux/dev.sh run"
    exit 1
  fi
  GSETTINGS_SCHEMA_DIR="$build/resources" exec "$build/src/words-that-work" "$@"
}

# Counts results from the meson test logs given as arguments.
summarize() {
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

under_display() {
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$@"
}

run_tests() {
  local status=0

  build_app
  under_display meson test -C "$build" --print-errorlogs || status=1

  # The sanitizer build uses clang so that the libFuzzer targets build and run
  # in the same pass. End-to-end tests are left to the normal build.
  CC=clang configure "$build_asan" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dfuzzing=true -De2e=false
  compile "$build_asan"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1" \
  LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    under_display meson test -C "$build_asan" --print-errorlogs --no-suite bench || status=1

  summarize "$build/meson-logs/testlog.json" "$build_asan/meson-logs/testlog.json"
  return $status
}

run_benchmarks() {
  local quick=${1:-}
  build_app
  export GSETTINGS_SCHEMA_DIR="$build/resources"
  under_display "$build/tests/bench/startup/bench-startup" \
    "$build/src/words-that-work" "$build/tests/bench/startup/bench-bare-window" 11
  if [ "$quick" = quick ]; then
    "$build/tests/bench/vault/bench-vault" --quick
    under_display "$build/tests/bench/journal/bench-journal" 5000
  else
    "$build/tests/bench/vault/bench-vault"
    under_display "$build/tests/bench/journal/bench-journal"
  fi
}

case "${1:-}" in
  deps)  install_deps ;;
  run)   install_deps; build_app; shift; run_app "$@" ;;
  test)  install_deps; run_tests ;;
  bench) install_deps; shift; run_benchmarks "$@" ;;
  *)
    say "Usage: build-aux/dev.sh run|test|deps|bench"
    exit 2
    ;;
esac
