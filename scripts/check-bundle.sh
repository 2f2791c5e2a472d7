#!/usr/bin/env bash
# Check the self-contained bundle the way a clinic uses it (CI runs this, through
# tests/packaging/test_bundle.py):
#   build it (scripts/build-bundle.sh; --no-build takes the one in dist/), verify its SHA-256,
#   extract it to a temporary folder, `install.sh --user` under a fresh HOME, then, with no
#   network (a new network namespace), no virtual environment and no Python packages of the
#   system on any path, from an unrelated folder:
#     health-reader --exit-after-paint   paints the bundled topic, exits 0 (and in Spanish, with
#       the reader's and Qt's catalogues)
#     health-reader search kyphoplsty --json   suggests "kyphoplasty"
#     health-reader pack keygen/build/verify/install   a signed pack works (cryptography is in)
#     health-reader search long --json   suggests nothing (the English
#       word list of pyspellchecker is in the bundle: without it "long" would become "lung")
#   and finally `install.sh --uninstall` leaves HOME exactly as it was before the install.
# Prints "bundle check passed" at the end, or says what failed and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

[ "${1:-}" = --no-build ] || bash scripts/build-bundle.sh
tarball=$(ls -t dist/health-reader-*-linux-*.tar.gz | head -n 1)
name=$(basename "$tarball" .tar.gz)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "bundle check FAILED: $*" >&2; exit 1; }

echo "== verifying $tarball"
(cd dist && sha256sum --check --quiet "$name.tar.gz.sha256") || fail "SHA-256 does not match"

echo "== extracting and installing with --user under a fresh HOME"
mkdir -p "$tmp/usb" "$tmp/home" "$tmp/elsewhere" "$tmp/state"
tar -xzf "$tarball" -C "$tmp/usb"
home=$tmp/home
before=$(cd "$home" && find . | sort)

# Nothing of the build machine's Python: a bare environment, the user's bin folder on PATH.
# The reader's own cache and settings go to $tmp/state, so HOME shows only what install.sh did.
clean_env=(env -i "HOME=$home" "PATH=$home/.local/bin:/usr/bin:/bin" "LANG=C.UTF-8"
  "XDG_CACHE_HOME=$tmp/state/cache" "XDG_CONFIG_HOME=$tmp/state/config"
  "XDG_DATA_HOME=$tmp/state/data" "XDG_STATE_HOME=$tmp/state/state" "QT_QPA_PLATFORM=offscreen")
installer=(env -i "HOME=$home" "PATH=/usr/bin:/bin" "LANG=C.UTF-8")  # data home: ~/.local/share
no_network=(unshare --net)  # a new network namespace: only a loopback that is down
if ! unshare --net true 2>/dev/null; then
  if unshare --net --map-root-user true 2>/dev/null; then
    no_network=(unshare --net --map-root-user)
  else
    fail "cannot make a network namespace here (needs root or user namespaces)"
  fi
fi

(cd "$tmp/elsewhere" && "${installer[@]}" "$tmp/usb/$name/install.sh" --user) || fail "install.sh --user"
prefix=$home/.local/opt/health-reader
[ -x "$home/.local/bin/health-reader" ] || fail "no health-reader command in ~/.local/bin"
desktop=$home/.local/share/applications/health-reader.desktop
grep -qx "Exec=\"$prefix/health-reader\"" "$desktop" || fail "desktop entry does not run $prefix/health-reader"
[ -f "$home/.local/share/icons/hicolor/scalable/apps/health-reader.svg" ] || fail "icon not installed"
grep -q "ExecStart=$prefix/kiosk/health-reader-kiosk-run $prefix/health-reader --kiosk" \
  "$prefix/kiosk/health-reader-kiosk.service" || fail "kiosk unit does not point at $prefix"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop entry is not valid"
fi

run() {  # the installed command, offline, clean, from an unrelated folder
  (cd "$tmp/elsewhere" && "${no_network[@]}" "${clean_env[@]}" health-reader "$@")
}

echo "== running the installed reader with no network"
version=$(run --version) || fail "--version"
echo "$version"
grep -qx "content pack: $prefix/_internal/reader/_data/content (1 topic file)" <<<"$version" ||
  fail "--version does not name the installed content pack"
painted=$(run --exit-after-paint -v 2>&1) || { echo "$painted" >&2; fail "--exit-after-paint did not exit 0"; }
# The interface in Spanish: the reader's catalogue and Qt's own (standard buttons) are both inside.
spanish=$(run --exit-after-paint -v --language es 2>&1) || { echo "$spanish" >&2; fail "--language es did not exit 0"; }
grep -q "interface language es (catalogues: qtbase_es.qm, health_reader_es.qm)" <<<"$spanish" ||
  { echo "$spanish" >&2; fail "the Spanish catalogues are not both in the bundle"; }
grep -q "1 topic(s) from the content pack $prefix/" <<<"$painted" || { echo "$painted" >&2; fail "topic not loaded"; }
if grep -q "Traceback" <<<"$painted"; then echo "$painted" >&2; fail "a traceback at start"; fi
found=$(run search kyphoplsty --json) || fail "search exited non-zero"
grep -q '"suggestion": "kyphoplasty"' <<<"$found" || { echo "$found" >&2; fail "no suggestion of kyphoplasty"; }
grep -q '"topic": "vertebroplasty-kyphoplasty"' <<<"$found" || fail "search found no section"
asked=$(run search long --json 2>&1) || fail "search long exited non-zero"
grep -q '"suggestion": null' <<<"$asked" || { echo "$asked" >&2; fail "English word list missing from the bundle"; }
run check >/dev/null || fail "check exited non-zero"
# Read aloud: QtTextToSpeech and the speechd plugin load from the bundle (no speech service in
# this clean environment: `voices` names the engine, says there is no voice and exits 1) ...
voices=$(run voices 2>&1) && voices_rc=0 || voices_rc=$?
grep -q "^Speech engines: speechd" <<<"$voices" || { echo "$voices" >&2; fail "speechd engine not in the bundle"; }
if grep -q -e "Traceback" -e "not installed" <<<"$voices"; then echo "$voices" >&2; fail "QtTextToSpeech did not load"; fi
[ "$voices_rc" -le 1 ] || fail "voices exited $voices_rc"
# ... and, where speech-dispatcher and espeak-ng are installed, the bundle lists their voices.
speech=$(cd "$root" && bash scripts/check-speech.sh --voices "$prefix/health-reader" 2>&1) && speech_rc=0 || speech_rc=$?
case $speech_rc in
  0) grep -q "^speechd: [1-9][0-9]* voice(s)" <<<"$speech" || { echo "$speech" >&2; fail "no speechd voice listed"; } ;;
  2) echo "(read-aloud voices not checked: speech-dispatcher or espeak-ng missing)" ;;
  *) echo "$speech" >&2; fail "the bundle could not list the voices of speech-dispatcher" ;;
esac
echo "$speech" | grep -E "^(Speech engines|speechd:|Languages)" || true

echo "== a signed content pack, made, checked and installed by the bundle (docs/content-packs.md)"
mkdir -p "$tmp/pack/topics"
sed 's/^id: vertebroplasty-kyphoplasty$/id: bundle-pack-topic/; s/works like cement\./works like quokka cement./' \
  "$prefix/_internal/reader/_data/content/topics/vertebroplasty-kyphoplasty.yaml" > "$tmp/pack/topics/t.yaml"
printf 'id: bundle-check\ntitle: Bundle check\npublisher: Bundle check\n' > "$tmp/pack/pack.yaml"
run pack keygen --out "$tmp/keys" --no-passphrase >/dev/null 2>&1 || fail "pack keygen"
run pack build "$tmp/pack" --key "$tmp/keys/publisher.key" --version 1 -o "$tmp/p.hrpack" >/dev/null || fail "pack build"
run pack trust "$tmp/keys/publisher.pub" >/dev/null || fail "pack trust"
run pack verify "$tmp/p.hrpack" | grep -q "verdict: VERIFIED" || fail "pack verify"
run pack install "$tmp/p.hrpack" >/dev/null || fail "pack install"
run search quokka --json | grep -q '"topic": "bundle-pack-topic"' || fail "the installed pack is not searched"

echo "== uninstalling"
(cd "$tmp/elsewhere" && "${installer[@]}" "$tmp/usb/$name/install.sh" --user --uninstall) || fail "--uninstall"
after=$(cd "$home" && find . | sort)
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") >&2 || true
  fail "uninstall left files behind"
fi

echo "== system install (/opt, /usr/local, /var/lib) in a private mount namespace, from files a user unpacked"
if [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
  chown -R 65534:65534 "$tmp/usb"  # as if "nobody" had unpacked the archive
  unshare --mount --propagation private bash -euc '
    mount -t tmpfs tmpfs /opt && mount -t tmpfs tmpfs /usr/local && mount -t tmpfs tmpfs /var/lib
    "$1/install.sh" >/dev/null
    for dir in /opt/health-reader /var/lib/health-reader; do
      [ -z "$(find "$dir" ! -user 0)" ] || { echo "files not owned by root in $dir"; exit 1; }
      [ -z "$(find "$dir" -perm /022 ! -type l)" ] || { echo "group- or world-writable files in $dir"; exit 1; }
    done
    clean=(env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$2" XDG_CACHE_HOME="$2/root-cache" QT_QPA_PLATFORM=offscreen)
    out=$("${clean[@]}" health-reader --version)
    grep -qx "content pack: /opt/health-reader/_internal/reader/_data/content (1 topic file)" <<<"$out"
    # the kiosk index built at install time matches the bundled content: reused, not rebuilt
    out=$("${clean[@]}" health-reader index --index-dir /var/lib/health-reader/index)
    grep -q "^index reused" <<<"$out" || { echo "system index not reused: $out"; exit 1; }
    "$1/install.sh" --uninstall >/dev/null
    left=$(find /opt /usr/local /var/lib -mindepth 1)
    [ -z "$left" ] || { echo "left behind: $left"; exit 1; }
  ' _ "$tmp/usb/$name" "$tmp/state" || fail "system install"
else
  echo "(skipped: needs root and a mount namespace)"
fi

echo "size: $(du -h "$tarball" | cut -f1) compressed, $(du -sh "$tmp/usb/$name/app" | cut -f1) installed"
echo "bundle check passed"
