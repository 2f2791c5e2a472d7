"""A/B of `main.py search`: two versions of the reader alternately, whole process, so a change to
the command-line search is measured against the code before it under the same machine load.

    .venv/bin/python bench/cli_ab.py --before-source DIR --content PACK [--runs 11] [--query WORDS]

DIR is a checkout (e.g. `git archive <commit> | tar -x -C DIR`), run with this virtual
environment's Python and DIR first on its path. Each version gets its own cache folder (content
cache and indexes), warmed by one unmeasured search; then the versions take turns, on PACK (e.g. a
kept 10,000-topic pack) and on the bundled topic. Prints medians, minimums and after/before
ratios. Reports; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command(source: Path, cache: Path, query: str, pack: Path | None) -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), PYTHONPATH=str(source))
    args = [sys.executable, str(source / "main.py"), "search", query]
    return args + (["--content", str(pack)] if pack is not None else []), env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before-source", type=Path, required=True)
    parser.add_argument("--content", type=Path, required=True, help="the large pack to search")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--query", default="spine fracture")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cli-ab-") as tmp:
        versions = {"before": args.before_source.resolve(), "after": ROOT}
        caches = {name: Path(tmp) / name for name in versions}
        for pack, label in ((args.content, "large pack"), (None, "bundled topic")):
            times: dict[str, list[float]] = {name: [] for name in versions}
            for name, source in versions.items():  # warm: content cache, index, the search's note
                argv, env = command(source, caches[name], args.query, pack)
                subprocess.run(argv, env=env, capture_output=True, check=True)
            for _ in range(args.runs):
                for name, source in versions.items():
                    argv, env = command(source, caches[name], args.query, pack)
                    started = time.perf_counter()
                    subprocess.run(argv, env=env, capture_output=True, check=True)
                    times[name].append(time.perf_counter() - started)
            for name, values in times.items():
                median, low = statistics.median(values), min(values)
                print(f"{label:<14} {name:<7} median {median:.3f} s  min {low:.3f} s")
            ratio = statistics.median(times["after"]) / statistics.median(times["before"])
            print(f"{label:<14} ratio after / before: {ratio:.2f}x")
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
