#!/usr/bin/env bash
# Set up everything the reader needs on a fresh Debian/Ubuntu machine, then
#   bootstrap.sh run [ARGS...]   launch the app (ARGS go to main.py)
#   bootstrap.sh test [ARGS...]  run the whole check: ruff, mypy, pytest (ARGS go to pytest)
#   bootstrap.sh prepare         set up only (what scripts/build-bundle.sh needs), then stop
# Safe to run again: each step is skipped when already done.
set -euo pipefail

mode=${1:-}
case "$mode" in
  run|test|prepare) shift ;;
  *) echo "usage: $0 run|test|prepare [ARGS...]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
root=$PWD
venv="$root/.venv"

# Debian packages Qt needs (measured in shared notes/dependencies.md).
offscreen_pkgs=(libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
window_pkgs=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0
  libxcb-xkb1 libx11-xcb1 xvfb xauth)
# Read aloud: Qt's speechd engine talks to speech-dispatcher, which speaks with espeak-ng. The
# tests use Qt's mock engine; scripts/check-speech.sh (a slow test) drives the real path into
# WAVs; the bundle build takes libspeechd (the speechd plugin's library) from here.
speech_pkgs=(speech-dispatcher espeak-ng)
[ "$mode" = run ] && speech_pkgs+=(speech-dispatcher-espeak-ng)  # its espeak-ng module, for sound
# The accessibility check (tests/a11y): a D-Bus session, the AT-SPI bus and pyatspi to read it.
a11y_pkgs=(dbus-x11 at-spi2-core python3-pyatspi)

missing_debs() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_debs() {
  command -v dpkg-query >/dev/null || { echo "not a Debian-based system: install Qt's libraries (${*}) by hand" >&2; return; }
  local missing
  missing=$(missing_debs "$@")
  [ -z "$missing" ] && return
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "== installing Debian packages: $(echo $missing)"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Every mode takes the X11 set too: the window needs it, the tests start real windows, and the
# bundle carries the X11 client libraries it finds on the build machine.
pkgs=("${offscreen_pkgs[@]}" "${window_pkgs[@]}" "${speech_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${a11y_pkgs[@]}")
python3 -c 'import ensurepip, venv' 2>/dev/null || pkgs+=(python3-venv)
[ "$mode" != run ] && pkgs+=(minisign)  # the pack tests check signatures against the minisign tool
install_debs "${pkgs[@]}"

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Python 3.11 or newer is needed (found $(python3 --version))" >&2; exit 1; }

extra=""
[ "$mode" != run ] && extra="[test]"  # test tools, and the wheel and bundle builders
stamp="$venv/.installed$extra"
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ]; then
  echo "== creating $venv"
  python3 -m venv "$venv"
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "== installing Python packages (pinned in constraints.txt)"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -e ".$extra"
  echo "$want" > "$stamp"
fi
py="$venv/bin/python"
# Bytecode for the reader's own modules now, at set-up: a start never compiles source, even where
# none can be written (PYTHONDONTWRITEBYTECODE, a read-only checkout). Up-to-date files are skipped.
"$py" -m compileall -q -j 0 reader >/dev/null
# The interface translations: resources/translations/*.ts compiled to the .qm files Qt loads
# (pyside6-lrelease; only when a .ts changed).
"$py" scripts/translations.py compile
[ "$mode" = prepare ] && exit 0

if [ "$mode" = run ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "no display found: starting the app under a virtual X server (xvfb-run)" >&2
    exec xvfb-run -a "$py" main.py "$@"
  fi
  exec "$py" main.py "$@"
fi

echo "== ruff"
"$py" -m ruff check .
"$py" -m ruff format --check .
echo "== mypy"
"$py" -m mypy
echo "== pytest"
export READER_REQUIRE_ATSPI=1  # installed above: the AT-SPI check must run, never skip
exec "$py" -m pytest "$@"
