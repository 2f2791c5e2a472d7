"""Searching several packs: one index per pack merged at query time (reader.search.combined)
versus one index over every topic. Prints query latencies and what installing a changed pack
costs each way. Times only: asserts nothing.

    .venv/bin/python -m bench.pack_search_bench [--topics 3000] [--pack-share 0.2] [--queries 300]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
import time
from pathlib import Path

from bench.search_bench import line, make_queries, measure_queries, report_latencies
from bench.synthetic_pack import changed_topic, generate_pack
from reader.search import SearchService
from reader.search.combined import CombinedSearch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=3000)
    parser.add_argument("--pack-share", type=float, default=0.2, help="share of topics in the installed pack")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="pack-search-bench-"))
    try:
        pack = generate_pack(work / "pack", args.topics)
        split = int(len(pack.topics) * (1 - args.pack_share))
        bundled, installed = pack.topics[:split], pack.topics[split:]
        print(f"{len(bundled)} bundled topics + {len(installed)} in an installed pack")
        SearchService(bundled, work / "one").ensure_index()  # the bundled pack alone, before the install
        SearchService(bundled, work / "bundled").ensure_index()
        print("Installing the pack (the bundled pack's index exists)")
        one = SearchService(pack.topics, work / "one")
        report = one.ensure_index()
        line(f"one index over every topic ({report.action})", f"{report.seconds:.1f} s")
        both = CombinedSearch(
            [SearchService(bundled, work / "bundled"), SearchService(installed, work / "pack1")]
        )
        report = both.ensure_index()
        line(f"one index per pack ({report.reason})", f"{report.seconds:.1f} s")
        queries = make_queries(pack, args.queries)
        report_latencies("Queries, one index", measure_queries(one, queries), "")
        report_latencies("Queries, two indexes merged", measure_queries(both, queries), "")  # type: ignore[arg-type]
        one.close()
        both.close()
        # A new version of the installed pack changes a third of its topics.
        for i in range(split, len(pack.topics), 3):
            pack.topics[i] = changed_topic(pack, i)
        installed = pack.topics[split:]
        started = time.perf_counter()
        report = SearchService(pack.topics, work / "one").ensure_index()
        line(f"new pack version, one index ({report.action})", f"{time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        again = CombinedSearch(
            [SearchService(bundled, work / "bundled"), SearchService(installed, work / "pack1")]
        )
        reports = [r.action for r in (s.ensure_index() for s in again.services)]
        line(f"new pack version, per pack ({'/'.join(reports)})", f"{time.perf_counter() - started:.2f} s")
        again.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
