"""First-load benchmark: what parsing and checking a large pack costs, and whether two cores pay.

Writes --copies copies of the bundled topic (each with its own id) and prints, medians of --runs:

- libyaml alone: `yaml.load(text, CSafeLoader)` of every file in one process (the floor);
- the loader's stages over the same files, in one process: reading and parsing with line
  numbers (reader.content.yamltext), the quick structural check (fastjsonschema), and the build
  of the model with its semantic checks;
- `main.py check --content PACK`, the whole process (a check reads no cache: every file, every
  time; it parses in worker processes, reader.content.parallel, as the loader chooses);
- the first load of the pack as the app does it (into an empty content cache), kept in one
  process, and as the loader chooses (two worker processes for a pack this size).

Targets (issue 17; reported, not asserted): the first `check` <= 2.5x the libyaml parse.

    .venv/bin/python bench/parse_bench.py [--copies 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from reader.content import load_content, parallel
from reader.content.build import build_topic
from reader.content.schemafile import as_json
from reader.content.validation import quick_verdict
from reader.content.yamltext import parse_yaml
from reader.resources import BUNDLED_CONTENT_DIR

ROOT = Path(__file__).resolve().parent.parent
TOPIC = BUNDLED_CONTENT_DIR / "topics" / "vertebroplasty-kyphoplasty.yaml"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def write_copies(pack: Path, copies: int) -> list[Path]:
    text = TOPIC.read_text("utf-8")
    assert "\nid: vertebroplasty-kyphoplasty\n" in text
    folder = pack / "topics"
    folder.mkdir(parents=True)
    files = []
    for n in range(copies):
        path = folder / f"copy-{n:05d}.yaml"
        path.write_text(text.replace("\nid: vertebroplasty-kyphoplasty\n", f"\nid: copy-{n:05d}\n"), "utf-8")
        files.append(path)
    return files


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stages(files: list[Path], runs: int) -> dict[str, float]:
    raws = [path.read_bytes() for path in files]
    texts = [raw.decode("utf-8") for raw in raws]
    parsed = [parse_yaml(path, raw) for path, raw in zip(files, raws, strict=True)]
    quick_verdict(as_json(parsed[0].data))  # compile the validator outside the timing
    return {
        "libyaml alone": median_of(runs, lambda: [yaml.load(t, LOADER) for t in texts]),
        "parse with lines": median_of(
            runs, lambda: [parse_yaml(p, r) for p, r in zip(files, raws, strict=True)]
        ),
        "quick structural check": median_of(runs, lambda: [quick_verdict(as_json(p.data)) for p in parsed]),
        "build with semantic checks": median_of(
            runs, lambda: [build_topic(f, p, "") for f, p in zip(files, parsed, strict=True)]
        ),
    }


def first_load(pack: Path, workers: bool) -> None:
    """load_content as the app's first start does it: into a new, empty content cache."""
    chosen = parallel.MIN_FILES
    if not workers:
        parallel.MIN_FILES = 10**9
    try:
        with tempfile.TemporaryDirectory(prefix="parse-bench-cache-") as cache:
            load_content(pack, Path(cache))
    finally:
        parallel.MIN_FILES = chosen


def whole_check(pack: Path) -> float:
    command = [sys.executable, str(ROOT / "main.py"), "check", "--content", str(pack)]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    )
    with tempfile.TemporaryDirectory(prefix="parse-bench-") as tmp:
        pack = Path(tmp) / "pack"
        files = write_copies(pack, args.copies)
        print(f"{args.copies} copies of the bundled topic ({TOPIC.stat().st_size:,} bytes each)")
        figures = stages(files, args.runs)
        for label, seconds in figures.items():
            print(f"  {label:<34} {seconds:6.2f} s", flush=True)
        check = statistics.median(whole_check(pack) for _ in range(args.runs))
        one_times, two_times = [], []
        for _ in range(args.runs):  # alternately: both see the same machine
            one_times.append(median_of(1, lambda: first_load(pack, workers=False)))
            two_times.append(median_of(1, lambda: first_load(pack, workers=True)))
        one, two = statistics.median(one_times), statistics.median(two_times)
        floor = figures["libyaml alone"]
        print(f"  {'main.py check, whole process':<34} {check:6.2f} s")
        print(f"  {'first load, one process':<34} {one:6.2f} s")
        print(f"  {'first load, worker processes':<34} {two:6.2f} s")
        print(f"ratio check / libyaml alone: {check / floor:.2f}x (target <= 2.5x)")
        print(f"ratio one process / worker processes: {one / two:.2f}x (both cores pay if well above 1)")


if __name__ == "__main__":
    main()
