"""A/B warm start: two versions of the reader started alternately in one run, from the virtual
environment and (optionally) as bundles, so a change is measured against the code before it
under the same machine load.

    .venv/bin/python bench/ab_startup.py --before-source DIR [--before-bundle DIR]
        [--after-bundle DIR] [--runs 15] [--bare] [--content PACK]

DIR for a source is a checkout (e.g. `git archive <commit> | tar -x -C DIR`), started as
`python DIR/main.py` with this virtual environment's Python; a bundle DIR is an unpacked
PyInstaller folder holding `health-reader`. Each command gets its own warm cache (one start
beforehand) and runs with a clean environment, so PYTHONDONTWRITEBYTECODE from the caller's
shell does not apply: sources keep their compiled bytecode as an installed copy would.
Prints medians, the after/before ratios and peak RSS. `--bare` adds the bare PySide6 window
(bench/bare_window.py) and each version's ratio to it; `--content PACK` adds both sources' warm
starts on PACK (e.g. a kept 10,000-topic pack) and their ratios to their bundled-topic starts,
all in the same alternation. Reports; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bundle_bench import start_once  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before-source", type=Path, required=True)
    parser.add_argument("--before-bundle", type=Path)
    parser.add_argument("--after-bundle", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bare", action="store_true", help="also the bare window, and ratios to it")
    parser.add_argument("--content", type=Path, help="also both sources on this pack")
    args = parser.parse_args()
    python = str(ROOT / ".venv" / "bin" / "python")
    commands = {
        "venv before": [python, str(args.before_source.resolve() / "main.py")],
        "venv after": [python, str(ROOT / "main.py")],
    }
    if args.bare:
        commands["bare window"] = [python, str(ROOT / "bench" / "bare_window.py")]
    if args.content:
        pack = str(args.content.resolve())
        commands["pack before"] = [*commands["venv before"], "--content", pack]
        commands["pack after"] = [*commands["venv after"], "--content", pack]
    if args.before_bundle and args.after_bundle:
        commands["bundle before"] = [str(args.before_bundle.resolve() / "health-reader")]
        commands["bundle after"] = [str(args.after_bundle.resolve() / "health-reader")]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform(terse=True)}; "
        f"Python {platform.python_version()}; {args.runs} alternating runs"
    )
    with tempfile.TemporaryDirectory(prefix="ab-startup-") as tmp:
        work = Path(tmp)
        cwd = work / "elsewhere"
        cwd.mkdir()
        homes = {name: work / name.replace(" ", "-") for name in commands}
        for name, command in commands.items():
            start_once(command, homes[name], cwd)  # cache, index, bytecode and page cache warm
        times: dict[str, list[float]] = {name: [] for name in commands}
        rss: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, peak = start_once(command, homes[name], cwd)
                times[name].append(wall)
                rss[name].append(peak)
    for name, walls in times.items():
        print(
            f"{name:<14} warm start median {statistics.median(walls):.3f} s  "
            f"(min {min(walls):.3f}, max {max(walls):.3f}; peak RSS {statistics.median(rss[name]):.0f} MB)"
        )
    median = {name: statistics.median(walls) for name, walls in times.items()}
    for kind in ("venv", "bundle", "pack"):
        if f"{kind} after" in times:
            print(f"ratio {kind} after / before: {median[f'{kind} after'] / median[f'{kind} before']:.3f}x")
    for side in ("before", "after"):
        if "bare window" in median:
            print(f"ratio venv {side} / bare window: {median[f'venv {side}'] / median['bare window']:.2f}x")
        if f"pack {side}" in median:
            print(f"ratio pack {side} / venv {side}: {median[f'pack {side}'] / median[f'venv {side}']:.2f}x")


if __name__ == "__main__":
    main()
