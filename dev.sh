#!/usr/bin/env bash
# Set up the project (virtualenv, Python packages, and for tests Debian's chromium) and run an
# invoke task in it:   ./dev.sh build   ./dev.sh test   ./dev.sh serve   ./dev.sh --list
# Works on a fresh machine that has Python 3.11 and apt. Safe to re-run: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
export PYTHAINLP_OFFLINE=1 PIP_DISABLE_PIP_VERSION_CHECK=1

stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $PY"
  "$PY" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> installing Python packages (first run takes a few minutes)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  # Older checkouts pinned Pagefind's "extended" binary, which the Python API would still prefer.
  .venv/bin/python -m pip uninstall -q -y pagefind-bin-extended >/dev/null 2>&1 || true
  touch "$stamp"
fi

needs_browser=0
case "${1:-}" in test|bench|check-site) needs_browser=1 ;; esac
# The browser: $BRIEFING_CHROMIUM when it names an executable (CI: the runner's Google Chrome,
# since Ubuntu's "chromium" package is only a snap wrapper), else Debian's chromium from apt.
if [ "$needs_browser" = 1 ] && [ -n "${BRIEFING_CHROMIUM:-}" ] && [ -x "$BRIEFING_CHROMIUM" ]; then
  echo "==> browser tests use $BRIEFING_CHROMIUM (BRIEFING_CHROMIUM)"
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=th 2>/dev/null)" ]; then
    echo "==> installing Thai fonts for the browser (apt)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-thai-tlwg >/dev/null
  fi
elif [ "$needs_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Debian's chromium for browser tests (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null
fi
if [ "$needs_browser" = 1 ] && ! command -v java >/dev/null 2>&1; then
  echo "==> installing a Java runtime for the HTML validator (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
fi

exec .venv/bin/invoke "$@"
