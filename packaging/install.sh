#!/bin/sh
# Install the Health Topic Reader from this folder (the unpacked bundle). No network needed.
#
#   ./install.sh                 install to /opt/health-reader (as root), command in /usr/local/bin,
#                                and the search index for kiosks in /var/lib/health-reader/index
#   ./install.sh --user          install for this user only, to ~/.local/opt/health-reader
#   ./install.sh --prefix DIR    install the program to DIR instead
#   ./install.sh --check         only check the system libraries the bundle needs
#   ./install.sh --uninstall     remove exactly what an earlier install added (same options)
#
# It adds: the program folder, a `health-reader` command, a desktop entry with its icon
# (hicolor theme) and the kiosk service files (in the program folder; docs/kiosk.md in it
# says how to enable them). Every file and folder it creates is listed in
# PREFIX/install-manifest.txt, which --uninstall follows. Your settings and the search
# cache (~/.config/health-reader, ~/.cache/health-reader) are yours: --uninstall keeps them.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
user=0; action=install; prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) user=1 ;;
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift ;;
    --uninstall) action=uninstall ;;
    --check) action=check ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ $user = 1 ]; then
  [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set" >&2; exit 1; }
  data=${XDG_DATA_HOME:-$HOME/.local/share}
  bindir=$HOME/.local/bin
  : "${prefix:=$HOME/.local/opt/health-reader}"
else
  data=/usr/local/share
  bindir=/usr/local/bin
  : "${prefix:=/opt/health-reader}"
fi
case "$prefix" in /*) ;; *) prefix=$(pwd)/$prefix ;; esac
manifest=$prefix/install-manifest.txt
SYSTEM_INDEX_ROOT=/var/lib/health-reader  # the kiosk's system_index_dir is its index/ folder

# --- system libraries ------------------------------------------------------------------------
# The bundle carries Python, Qt and most libraries. It cannot carry the graphics driver stack
# (libGL/libEGL), nor, on a machine it did not come from, every X11 or Wayland client library.
# ldd on the bundle's own Qt libraries and platform plugins tells which are missing here.

package_for() {  # soname -> "Debian: x; Fedora: y"
  case "$1" in
    libGL.so.1|libGLX.so.0) echo "Debian/Ubuntu: libgl1; Fedora: libglvnd-glx" ;;
    libEGL.so.1) echo "Debian/Ubuntu: libegl1; Fedora: libglvnd-egl" ;;
    libOpenGL.so.0) echo "Debian/Ubuntu: libopengl0; Fedora: libglvnd-opengl" ;;
    libGLdispatch.so.0) echo "Debian/Ubuntu: libglvnd0; Fedora: libglvnd" ;;
    libfontconfig.so.1) echo "Debian/Ubuntu: libfontconfig1; Fedora: fontconfig" ;;
    libfreetype.so.6) echo "Debian/Ubuntu: libfreetype6; Fedora: freetype" ;;
    libxcb.so.1) echo "Debian/Ubuntu: libxcb1; Fedora: libxcb" ;;
    libX11.so.6) echo "Debian/Ubuntu: libx11-6; Fedora: libX11" ;;
    libX11-xcb.so.1) echo "Debian/Ubuntu: libx11-xcb1; Fedora: libX11-xcb" ;;
    libxkbcommon.so.0) echo "Debian/Ubuntu: libxkbcommon0; Fedora: libxkbcommon" ;;
    libxkbcommon-x11.so.0) echo "Debian/Ubuntu: libxkbcommon-x11-0; Fedora: libxkbcommon-x11" ;;
    libxcb-icccm.so.4) echo "Debian/Ubuntu: libxcb-icccm4; Fedora: xcb-util-wm" ;;
    libxcb-keysyms.so.1) echo "Debian/Ubuntu: libxcb-keysyms1; Fedora: xcb-util-keysyms" ;;
    libxcb-image.so.0) echo "Debian/Ubuntu: libxcb-image0; Fedora: xcb-util-image" ;;
    libxcb-cursor.so.0) echo "Debian/Ubuntu: libxcb-cursor0; Fedora: xcb-util-cursor" ;;
    libxcb-render-util.so.0) echo "Debian/Ubuntu: libxcb-render-util0; Fedora: xcb-util-renderutil" ;;
    libxcb-util.so.1) echo "Debian/Ubuntu: libxcb-util1; Fedora: xcb-util" ;;
    libxcb-*.so.*) n=${1#libxcb-}; n=${n%%.so*}; echo "Debian/Ubuntu: libxcb-$n${1##*.so.}; Fedora: libxcb" ;;
    libwayland-client.so.0) echo "Debian/Ubuntu: libwayland-client0; Fedora: libwayland-client" ;;
    libwayland-cursor.so.0) echo "Debian/Ubuntu: libwayland-cursor0; Fedora: libwayland-cursor" ;;
    libwayland-egl.so.1) echo "Debian/Ubuntu: libwayland-egl1; Fedora: libwayland-egl" ;;
    libdbus-1.so.3) echo "Debian/Ubuntu: libdbus-1-3; Fedora: dbus-libs" ;;
    libglib-2.0.so.0|libgthread-2.0.so.0) echo "Debian/Ubuntu: libglib2.0-0; Fedora: glib2" ;;
    libz.so.1) echo "Debian/Ubuntu: zlib1g; Fedora: zlib" ;;
    *) echo "the package that provides $1" ;;
  esac
}

missing_for() {  # the sonames ldd cannot find for the given files, one per line
  app=$1; shift
  libs="$app/_internal:$app/_internal/PySide6/Qt/lib"
  for f in "$@"; do
    [ -e "$f" ] || continue
    LD_LIBRARY_PATH=$libs ldd "$f" 2>/dev/null | awk '/not found/ {print $1}'
  done | sort -u
}

check_libraries() {  # $1: the program folder (with _internal/); prints a report; 1 if unusable
  app=$1
  command -v ldd >/dev/null || { echo "  (ldd not found: system libraries not checked)"; return 0; }
  qt=$app/_internal/PySide6/Qt
  plugins=$qt/plugins/platforms
  core=$(missing_for "$app" "$qt"/lib/libQt6Core.so.6 "$qt"/lib/libQt6Gui.so.6 "$qt"/lib/libQt6Widgets.so.6 \
    "$plugins/libqoffscreen.so")
  x11=$(missing_for "$app" "$plugins/libqxcb.so" "$qt"/lib/libQt6XcbQpa.so.6)
  wayland=$(missing_for "$app" "$plugins/libqwayland.so" "$qt"/lib/libQt6WaylandClient.so.6)
  status=0
  report() {  # name, missing sonames
    if [ -z "$2" ]; then
      echo "  $1: ok"
    else
      echo "  $1: missing system libraries:"
      for so in $2; do echo "    $so  (install: $(package_for "$so"))"; done
    fi
  }
  echo "System libraries:"
  report "Qt core and offscreen" "$core"
  report "X11 windows" "$x11"
  report "Wayland windows" "$wayland"
  if [ -n "$core" ]; then
    echo "The reader cannot start until the core libraries above are installed." >&2
    status=1
  elif [ -n "$x11" ] && [ -n "$wayland" ]; then
    echo "The reader cannot open a window until the X11 or the Wayland libraries above are installed." >&2
    status=1
  fi
  if command -v fc-list >/dev/null && [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
    echo "  fonts: none found: text would be drawn as boxes (install: Debian/Ubuntu: fonts-dejavu-core; Fedora: dejavu-sans-fonts)"
    status=1
  fi
  check_speech
  return $status
}

check_speech() {  # read aloud needs a speech service and a voice; the reader works without them
  case "$(uname -s)" in Linux) ;; *) return 0 ;; esac
  missing=""
  command -v speech-dispatcher >/dev/null 2>&1 || missing="$missing speech-dispatcher"
  command -v espeak-ng >/dev/null 2>&1 || missing="$missing espeak-ng"
  if [ -z "$missing" ]; then
    echo "  read aloud: ok (speech-dispatcher and espeak-ng found; 'health-reader voices' lists the voices)"
  else
    echo "  read aloud: warning: not found:$missing; the Listen button will be disabled"
    echo "    (install: Debian/Ubuntu: speech-dispatcher speech-dispatcher-espeak-ng espeak-ng;"
    echo "     Fedora: speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)"
  fi
}

# --- install and uninstall ---------------------------------------------------------------------

log=""  # the manifest being written, moved into the prefix when the install is complete
record() { echo "$1" >> "$log"; }

make_dir() {  # create $1 and its missing parents, recording each one created
  [ -d "$1" ] && return 0
  make_dir "$(dirname "$1")"
  mkdir "$1"
  [ "$1" = "$prefix" ] || record "$1/"
}

put() {  # put SOURCE DEST MODE: copy one file, recording it
  make_dir "$(dirname "$2")"
  if [ -e "$2" ] && [ "${2#"$prefix"/}" = "$2" ]; then
    echo "install.sh: $2 exists and was not installed by this bundle; leaving it" >&2
    return 0
  fi
  cp "$1" "$2.tmp.$$"
  chmod "$3" "$2.tmp.$$"
  mv -f "$2.tmp.$$" "$2"
  record "$2"
}

uninstall() {
  if [ ! -f "$manifest" ]; then
    echo "install.sh: nothing to uninstall: $manifest not found" >&2
    return 1
  fi
  # Files outside the program folder, the program folder, then the folders the install made,
  # deepest first, each only if nothing else has been put in it since.
  grep -v '/$' "$manifest" | while IFS= read -r f; do rm -f "$f"; done
  list=$(mktemp)
  grep '/$' "$manifest" > "$list" || true
  rm -rf "$prefix"
  awk '{ print length, $0 }' "$list" | sort -rn | cut -d' ' -f2- |
    while IFS= read -r d; do rmdir "${d%/}" 2>/dev/null || true; done
  rm -f "$list"
  refresh_menus
  echo "Removed the Health Topic Reader from $prefix."
}

refresh_menus() {
  # Menus see a new .desktop file by themselves (it declares no MIME types, so there is no
  # MIME cache to update). An icon cache is refreshed only where one already exists: making
  # one would leave a file behind that --uninstall did not install.
  if [ -f "$data/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
  fi
}

undo_partial_install() {
  status=$?
  [ -f "$log" ] || exit $status
  echo "install.sh: the install failed half-way; removing what it had put in place" >&2
  cp "$log" "$manifest" 2>/dev/null && uninstall >/dev/null 2>&1 || rm -rf "$prefix"
  rm -f "$log"
  exit $status
}

system_index() {
  # A kiosk opens only an index that nobody but root can write (docs/kiosk.md): build it now,
  # as root, for the bundled content. Its own cache goes to a temporary folder.
  index=$SYSTEM_INDEX_ROOT/index
  make_dir "$SYSTEM_INDEX_ROOT"
  cache=$(mktemp -d)
  if ! env XDG_CACHE_HOME="$cache" QT_QPA_PLATFORM=offscreen \
      "$prefix/health-reader" index --rebuild --index-dir "$index" >/dev/null; then
    echo "install.sh: the search index for kiosks could not be built; a kiosk builds it in memory" >&2
  fi
  rm -rf "$cache"
  if [ -d "$index" ]; then
    chown -R 0:0 "$index"
    chmod -R go-w "$index"
    find "$index" -type d | sed 's#$#/#' >> "$log"
    find "$index" ! -type d >> "$log"
  fi
}

kiosk_file() {  # the bundle's kiosk files name /opt/health-reader: point them at the prefix
  sed "s#/opt/health-reader/#$prefix/#g" "$1" > "$2"
  chmod --reference="$1" "$2" 2>/dev/null || chmod 644 "$2"
}

install_all() {
  if [ -e "$prefix" ] && [ ! -f "$manifest" ]; then
    echo "install.sh: $prefix exists and was not made by this installer; choose another --prefix" >&2
    exit 1
  fi
  if ! check_libraries "$here/app"; then
    echo "install.sh: install the packages named above, then run ./install.sh again" >&2
    exit 1
  fi
  [ -f "$manifest" ] && { echo "Replacing the earlier install in $prefix"; uninstall >/dev/null; }
  if [ $user = 0 ] && [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: installing to $prefix needs root (sudo ./install.sh), or use --user" >&2
    exit 1
  fi
  log=$(mktemp)
  trap 'undo_partial_install' EXIT  # a failure half-way removes what this run put in place
  make_dir "$prefix"
  cp -a "$here/app/." "$prefix/"
  mkdir -p "$prefix/kiosk" "$prefix/docs"
  for f in "$here"/share/kiosk/*; do kiosk_file "$f" "$prefix/kiosk/$(basename "$f")"; done
  cp "$here"/share/docs/* "$prefix/docs/"
  cp "$here/VERSION" "$prefix/VERSION"
  if [ $user = 0 ]; then
    system_index
    # cp -a keeps the owner of the unpacked files, often the user who unpacked them: a
    # system install (and a kiosk) must run a program that no ordinary account can change.
    chown -R 0:0 "$prefix"
    chmod -R go-w "$prefix"
  fi

  launcher=$(mktemp)
  printf '#!/bin/sh\nexec "%s/health-reader" "$@"\n' "$prefix" > "$launcher"
  put "$launcher" "$bindir/health-reader" 755
  sed "s#@EXEC@#\"$prefix/health-reader\"#" "$here/share/health-reader.desktop" > "$launcher"
  put "$launcher" "$data/applications/health-reader.desktop" 644
  rm -f "$launcher"
  put "$here/share/health-reader.svg" "$data/icons/hicolor/scalable/apps/health-reader.svg" 644
  mv "$log" "$manifest"
  chmod 644 "$manifest"
  trap - EXIT
  refresh_menus
  echo "Installed the Health Topic Reader $(cat "$here/VERSION") in $prefix"
  echo "  command: $bindir/health-reader"
  case ":${PATH:-}:" in *":$bindir:"*) ;; *) echo "  ($bindir is not on your PATH: add it, or run $prefix/health-reader)" ;; esac
  echo "  menu entry: $data/applications/health-reader.desktop"
  echo "  kiosk service files: $prefix/kiosk (see $prefix/docs/kiosk.md)"
  [ $user = 0 ] && echo "  search index for kiosks: $SYSTEM_INDEX_ROOT/index"
  return 0
}

case $action in
  check) check_libraries "$here/app" ;;
  uninstall) uninstall ;;
  install) install_all ;;
esac
