"""Bundle against virtual environment: warm start to the painted topic, and sizes.

Extracts the newest dist/health-reader-*.tar.gz (build it with scripts/build-bundle.sh),
then starts, alternately in one run, the bundle's `health-reader` and the virtual
environment's (`.venv/bin/health-reader`, the pinned packages) with `--exit-after-paint`
offscreen, from an unrelated folder, each with its own warm cache (one start beforehand).
Prints the medians, their ratio (bundle / venv: below 1 means the bundle starts faster), peak
RSS and the bundle's compressed and installed size. Reports; asserts nothing.

    .venv/bin/python bench/bundle_bench.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_once(command: list[str], home: Path, cwd: Path) -> tuple[float, float]:
    """One start; returns (wall seconds, peak RSS in MB)."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--exit-after-paint"], env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        assert process.stderr is not None
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tarballs = sorted((ROOT / "dist").glob("health-reader-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not tarballs:
        raise SystemExit("no bundle in dist/: run scripts/build-bundle.sh first")
    tarball = tarballs[-1]
    venv_command = [str(ROOT / ".venv" / "bin" / "health-reader")]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform(terse=True)}; "
        f"bench Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        work = Path(tmp)
        with tarfile.open(tarball) as archive:
            archive.extractall(work / "usb", filter="data")
        app = next((work / "usb").iterdir()) / "app"
        commands = {"bundle": [str(app / "health-reader")], "venv": venv_command}
        cwd = work / "elsewhere"
        cwd.mkdir()
        times: dict[str, list[float]] = {name: [] for name in commands}
        rss: dict[str, list[float]] = {name: [] for name in commands}
        for name, command in commands.items():
            start_once(command, work / name, cwd)  # warms the cache, the index and the page cache
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, peak = start_once(command, work / name, cwd)
                times[name].append(wall)
                rss[name].append(peak)
        for name in commands:
            walls, peak = times[name], statistics.median(rss[name])
            print(
                f"{name:<7} warm start median {statistics.median(walls):.3f} s  "
                f"(min {min(walls):.3f}, max {max(walls):.3f}; peak RSS {peak:.0f} MB; n={args.runs})"
            )
        ratio = statistics.median(times["bundle"]) / statistics.median(times["venv"])
        print(f"ratio bundle / venv: {ratio:.2f}x")
        print(
            f"bundle size: {tarball.stat().st_size / 1e6:.1f} MB compressed ({tarball.name}), "
            f"{folder_size(app) / 1e6:.1f} MB installed"
        )


if __name__ == "__main__":
    sys.exit(main())
