#!/usr/bin/env bash
# Build the self-contained reader for machines with no Python and no network:
#   dist/health-reader-VERSION-linux-x86_64.tar.gz   (+ .sha256 beside it)
# It holds the PyInstaller --onedir folder (its own Python, the Qt modules and plugins the
# reader uses, compiled bytecode, the bundled content and resources), install.sh, the desktop
# entry, the icon and the kiosk service files. Needs the network once, for the set-up; the
# result installs with none. See docs/install.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/bootstrap.sh prepare  # Debian packages, .venv with the pinned packages and PyInstaller
py="$root/.venv/bin/python"

echo "== checking that every package in .venv is the version pinned in constraints.txt"
"$py" scripts/check_pins.py constraints.txt

version=$("$py" -c 'import reader; print(reader.__version__)')
arch=$(uname -m)
name="health-reader-$version-linux-$arch"
work="$root/build/bundle"
stage="$work/stage/$name"
rm -rf "$work" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage" dist

echo "== PyInstaller (packaging/health-reader.spec)"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$work/pyinstaller" --workpath "$work/pyinstaller-work" packaging/health-reader.spec

echo "== staging $name"
cp -a "$work/pyinstaller/health-reader" "$stage/app"
install -m 755 packaging/install.sh "$stage/install.sh"
mkdir -p "$stage/share/kiosk" "$stage/share/docs"
install -m 644 packaging/health-reader.desktop "$stage/share/health-reader.desktop"
install -m 644 resources/icons/health-reader.svg "$stage/share/health-reader.svg"
install -m 644 docs/install.md docs/kiosk.md "$stage/share/docs/"
# The kiosk files run the installed program in /opt/health-reader (install.sh rewrites the
# folder for --user or --prefix).
cp -p resources/kiosk/* "$stage/share/kiosk/"
if grep -rq -e '\.venv' -e 'main\.py' "$stage/share/kiosk"; then
  echo "a kiosk file points at a source tree:" >&2; grep -rn -e '\.venv' -e 'main\.py' "$stage/share/kiosk" >&2
  exit 1
fi
echo "$version" > "$stage/VERSION"

echo "== packing"
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  -C "$work/stage" -cf - "$name" | gzip -n -6 > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "built dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1) compressed, $(du -sh "$stage" | cut -f1) unpacked)"
echo "sha256: $(cut -d' ' -f1 "dist/$name.tar.gz.sha256")"
