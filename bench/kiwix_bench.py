"""Kiwix desktop and our reader side by side under Xvfb: launch to the article fully drawn.

Issue 17 compares our reader with Kiwix desktop 2.3 on the same article; the figure it quotes
was taken on a faster machine, so this bench measures both here, in the same run, alternately.

One Xvfb (1366x768x24, no window manager); then, --runs times, in turn:
- Kiwix desktop opening a ZIM that holds the bundled topic (`kiwix-desktop FILE.zim`; it opens
  the ZIM's main page, the article, straight away, no library page first; --chromium-flags
  default to no sandbox, which QtWebEngine needs as root, and no GPU: with the GPU allowed the
  figures were alike);
- our reader (warm: cache and index built beforehand), measured the same way;
- our reader with `--exit-after-paint`, whole-process wall time (what startup_bench.py reports).

"Drawn" is read off the X screen, the same way for both: the bench grabs the article's area
of the screen every --poll seconds and stops the clock at the first grab that equals the
settled article (the area as it stays once the app has been idle for 2 s, taken from one
warm-up start of each app). Chrome drawn before the text (an empty web view, a blank text
browser) does not count; the article area has to look as it finally does. Then the app is
killed. The grabbing costs the machine a little CPU during both apps' starts alike.

The ZIM is made outside the project's environment, since libzim is a measuring tool only:

    python3 -m venv /tmp/zimvenv && /tmp/zimvenv/bin/pip install libzim
    .venv/bin/python bench/kiwix_bench.py --make-zim /tmp/zimvenv/bin/python --zim /tmp/v.zim
    .venv/bin/python bench/kiwix_bench.py --zim /tmp/v.zim [--runs 9] [--shots DIR]

Needs `apt-get install kiwix` (2.3.0 in Debian 12) and Xvfb. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.resources import BUNDLED_CONTENT_DIR  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

Area = tuple[int, int, int, int]  # x, y, width, height on the screen

TOPIC_FILE = BUNDLED_CONTENT_DIR / "topics" / "vertebroplasty-kyphoplasty.yaml"
SCREEN = (1366, 768)
# The article's area on the screen, (x, y, width, height), as each app lays out its first
# window with fresh settings and no window manager: Kiwix opens 1024x576 at the top left
# (web view below its tab bar); our window is centred (the text browser of the Article tab).
KIWIX_AREA = (8, 110, 990, 460)
READER_AREA = (320, 130, 635, 595)
SETTLE_S = 2.0  # unchanged this long: the article as it stays
TIMEOUT_S = 30.0

ZIM_WRITER = """
import sys
from libzim.writer import Creator, Hint, Item, StringProvider

class Article(Item):
    def get_path(self): return "A/article"
    def get_title(self): return sys.argv[3]
    def get_mimetype(self): return "text/html"
    def get_contentprovider(self): return StringProvider(open(sys.argv[1], encoding="utf-8").read())
    def get_hints(self): return {Hint.FRONT_ARTICLE: True}

with Creator(sys.argv[2]).config_indexing(True, "eng") as creator:
    creator.set_mainpath("A/article")
    for key, value in {"Title": sys.argv[3], "Language": "eng", "Creator": "health reader bench",
                       "Publisher": "health reader bench", "Name": "bench_article",
                       "Description": "one article for bench/kiwix_bench.py", "Date": "2026-01-01"}.items():
        creator.add_metadata(key, value)
    creator.add_item(Article())
"""


def make_zim(zim_python: str, zim: Path, work: Path) -> None:
    """The bundled topic rendered as the reader renders it (same HTML, same style sheet, light
    theme), written as a one-article ZIM by libzim in a throwaway interpreter."""
    from reader.content.loader import load_topic_file
    from reader.ui.render import RenderOptions, article_css, render_topic_html
    from reader.ui.theme import LIGHT

    topic, errors = load_topic_file(TOPIC_FILE)
    if topic is None:
        raise SystemExit(f"cannot load {TOPIC_FILE}: {errors}")
    body = render_topic_html(topic, RenderOptions(today=dt.date.today()))
    page = work / "article.html"
    page.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{topic.title}</title>'
        f"<style>{article_css(LIGHT)}</style></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    writer = work / "write_zim.py"
    writer.write_text(ZIM_WRITER, encoding="utf-8")
    subprocess.run(
        [zim_python, str(writer), str(page), str(zim), topic.title], check=True, stdout=subprocess.DEVNULL
    )
    print(f"wrote {zim} ({zim.stat().st_size} bytes)")


def child_env(home: Path, display: str, chromium_flags: str) -> dict[str, str]:
    runtime = home / "runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    return dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_RUNTIME_DIR=str(runtime),
        # QtWebEngine (Kiwix): Chromium's sandbox refuses to run as root; no GPU under Xvfb.
        QTWEBENGINE_CHROMIUM_FLAGS=chromium_flags,
    )


class Screen:
    """Grabs areas of the X screen through a Qt connection of its own (no window shown)."""

    def __init__(self, display: str) -> None:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtGui import QGuiApplication, QImage

        self._format = QImage.Format.Format_RGB32
        self.app = QGuiApplication([])
        self.screen = QGuiApplication.primaryScreen()

    def grab(self, area: Area) -> QImage:
        return self.screen.grabWindow(0, *area).toImage().convertToFormat(self._format)

    def save_whole(self, path: Path) -> None:
        self.screen.grabWindow(0).save(str(path))


def _bytes(image: QImage) -> bytes:
    return bytes(image.constBits())


def _blank(data: bytes) -> bool:
    return len(set(data[::4096])) <= 1  # one colour only: no window there, or an empty one


def _kill(process: subprocess.Popen) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=3)
            return
        except subprocess.TimeoutExpired:
            continue


def settled(screen: Screen, command: list[str], env: dict[str, str], area: Area, shot: Path | None) -> bytes:
    """One warm-up start: the article area once it has stayed unchanged for SETTLE_S."""
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        started = last_change = time.perf_counter()
        previous = b""
        while time.perf_counter() - started < TIMEOUT_S:
            data = _bytes(screen.grab(area))
            now = time.perf_counter()
            if data != previous:
                previous, last_change = data, now
            elif not _blank(data) and now - last_change >= SETTLE_S:
                if shot is not None:
                    screen.save_whole(shot)
                return data
            time.sleep(0.05)
        raise SystemExit(f"{command[0]}: the article area never settled in {TIMEOUT_S} s")
    finally:
        _kill(process)
        time.sleep(0.3)


def drawn(
    screen: Screen,
    command: list[str],
    env: dict[str, str],
    area: Area,
    final: bytes,
    poll: float,
    shots: Path | None,
) -> float:
    """Seconds from launch to the first grab of the article area that equals the settled one."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        before = None
        while True:
            at = time.perf_counter() - started
            image = screen.grab(area)
            if _bytes(image) == final:
                if shots is not None:  # the first matching grab and the one just before it
                    screen.save_whole(shots / "drawn.png")
                    image.save(str(shots / "drawn-area.png"))
                    if before is not None:
                        before.save(str(shots / "before-area.png"))
                return at
            if at > TIMEOUT_S:
                screen.save_whole(Path(tempfile.gettempdir()) / "kiwix_bench_timeout.png")
                raise SystemExit(f"{command[0]}: article not drawn in {TIMEOUT_S} s (screen saved)")
            before = image
            time.sleep(poll)
    finally:
        _kill(process)
        time.sleep(0.3)  # the window gone before the next start


def exit_after_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command + ["--exit-after-paint"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def report(label: str, walls: list[float]) -> float:
    median = statistics.median(walls)
    print(
        f"{label:<44} median {median:6.3f} s  min {min(walls):6.3f}  max {max(walls):6.3f}  (n={len(walls)})",
        flush=True,
    )
    return median


def kiwix_version() -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "kiwix"], capture_output=True, text=True)
    return out.stdout or "unknown"


def measure(args: argparse.Namespace, work: Path, display: str) -> None:
    screen = Screen(display)
    shots = args.shots
    if shots is not None:
        for name in ("kiwix", "reader"):
            (shots / name).mkdir(parents=True, exist_ok=True)
    print(f"Kiwix: kiwix-desktop {args.zim}, QTWEBENGINE_CHROMIUM_FLAGS={args.chromium_flags!r}")
    kiwix_env = child_env(work / "home-kiwix", display, args.chromium_flags)
    reader_env = child_env(work / "home-reader", display, args.chromium_flags)
    kiwix = ["kiwix-desktop", str(args.zim)]
    reader = [sys.executable, str(ROOT / "main.py")]
    subprocess.run(reader + ["index"], env=reader_env, check=True, stdout=subprocess.DEVNULL)
    exit_after_paint(reader, reader_env)  # warm: content cache and index in place
    for label, area in (("Kiwix's", KIWIX_AREA), ("our", READER_AREA)):
        started = time.perf_counter()
        for _ in range(20):
            screen.grab(area)
        grab_ms = (time.perf_counter() - started) / 20 * 1000
        print(
            f"one grab of {label} article area ({area[2]}x{area[3]}): {grab_ms:.1f} ms, "
            f"then {args.poll * 1000:.0f} ms pause"
        )
    kiwix_final = settled(screen, kiwix, kiwix_env, KIWIX_AREA, shots and shots / "kiwix" / "settled.png")
    reader_final = settled(
        screen, reader, reader_env, READER_AREA, shots and shots / "reader" / "settled.png"
    )
    times: dict[str, list[float]] = {"kiwix": [], "reader": [], "paint": []}
    for run in range(args.runs):
        first = shots if run == 0 else None
        times["kiwix"].append(
            drawn(screen, kiwix, kiwix_env, KIWIX_AREA, kiwix_final, args.poll, first and first / "kiwix")
        )
        times["reader"].append(
            drawn(
                screen, reader, reader_env, READER_AREA, reader_final, args.poll, first and first / "reader"
            )
        )
        times["paint"].append(exit_after_paint(reader, reader_env))
    k = report(f"Kiwix desktop {kiwix_version()}, screen polled", times["kiwix"])
    r = report("our reader, warm, screen polled", times["reader"])
    p = report("our reader, warm, --exit-after-paint", times["paint"])
    print(f"ratio ours/Kiwix, both screen polled: {r / k:.2f}x (target <= 0.9x)")
    print(f"ratio ours (--exit-after-paint)/Kiwix (screen polled): {p / k:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zim", type=Path, required=True, help="the ZIM holding the article")
    parser.add_argument(
        "--make-zim", metavar="PYTHON", help="write --zim first, with this interpreter's libzim"
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--poll", type=float, default=0.01, help="seconds between screen grabs")
    parser.add_argument(
        "--chromium-flags", default="--no-sandbox --disable-gpu", help="QTWEBENGINE_CHROMIUM_FLAGS for Kiwix"
    )
    parser.add_argument(
        "--shots", type=Path, help="save screenshots of the settled and first-drawn screens here"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiwix-bench-") as tmp:
        work = Path(tmp)
        if args.make_zim:
            make_zim(args.make_zim, args.zim, work)
            return
        print(
            f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.platform()}"
        )
        print("load average at start (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
        display = f":{140 + os.getpid() % 50}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "{}x{}x24".format(*SCREEN), "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)  # let the server come up
            measure(args, work, display)
        finally:
            server.terminate()
            server.wait()
        print("load average at end (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
