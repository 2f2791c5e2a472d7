"""A/B of the search index between two checkouts (e.g. main and a branch), run alternately so that
a busy machine weighs on both alike: index build, open of the built index, one-word query latency.

    python bench/search_ab.py BASE_DIR OTHER_DIR [--topics 1000] [--rounds 3]

Each measurement runs in a fresh process with the checkout's own `reader` and `bench` packages
first on sys.path, over the same generated pack (same seed). Prints figures; asserts nothing.
Issue 16 used it to check that Spanish analysis left English search as fast as before.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

MEASURE = """
import statistics, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench.synthetic_pack import generate_pack
from reader.search import SearchService
with tempfile.TemporaryDirectory() as tmp:
    pack = generate_pack(Path(tmp) / "pack", int(sys.argv[2]))
    service = SearchService(pack.topics, Path(tmp) / "index")
    start = time.perf_counter(); service.ensure_index(); build = time.perf_counter() - start
    service.close()
    opens = []
    for _ in range(9):
        service = SearchService(pack.topics, Path(tmp) / "index")
        start = time.perf_counter(); service.ensure_index(); opens.append(time.perf_counter() - start)
        service.close()
    service = SearchService(pack.topics, Path(tmp) / "index"); service.ensure_index()
    queries = []
    for word in pack.vocabulary[50:350]:
        start = time.perf_counter(); service.search(word); queries.append(time.perf_counter() - start)
    service.close()
    print(build, statistics.median(opens), statistics.median(queries))
"""


def measure(root: Path, topics: int) -> tuple[float, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(root), str(topics)], capture_output=True, text=True, check=True
    )
    build, open_, query = (float(x) for x in out.stdout.split()[-3:])
    return build, open_, query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("other", type=Path)
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[tuple[float, float, float]]] = {"base": [], "other": []}
    for _ in range(args.rounds):
        runs["base"].append(measure(args.base.resolve(), args.topics))
        runs["other"].append(measure(args.other.resolve(), args.topics))
    print(f"search A/B: {args.topics} topics, {args.rounds} alternate rounds, medians")
    for name, root in (("base", args.base), ("other", args.other)):
        build, open_, query = (statistics.median(r[i] for r in runs[name]) for i in range(3))
        print(
            f"  {name:5} {root!s:30} build {build:6.2f} s   open {open_ * 1000:5.1f} ms"
            f"   one-word query p50 {query * 1000:5.2f} ms"
        )


if __name__ == "__main__":
    main()
