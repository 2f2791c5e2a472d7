"""Search benchmark: build, update, open and query an index of a generated pack; prints figures.

    python bench/search_bench.py [--topics N] [--queries N] [--cli-runs N] [--keep DIR]

Reports the full build time, index size, re-index time for one changed topic, open time,
query latency p50/p95 by kind (words, AND, phrases, typos, prefixes, synonyms), completion
latency, latency on the bundled topic, and peak RSS. The open is measured twice: with the
generated topics in memory (the index code alone) and exactly as the app opens it, through the
content cache (load the pack from its cache, then the service over that lazy store). Then the
whole-process time of `main.py search` (start, check the pack's files, open, search, print) on
the bundled topic and on the generated pack, and the same the long way (the pack loaded from its
content cache, as after a file changed). Asserts nothing about time: the issues' targets
are printed beside the figures for the reader to judge.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_pack import FUNCTION_WORDS, Pack, changed_topic, generate_pack
from reader import paths
from reader.content import load_content, load_topic_file
from reader.resources import BUNDLED_CONTENT_DIR
from reader.search import SearchService, synonyms_file_for
from reader.search.documents import topic_documents

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_QUERIES = [
    "balloon", "blood clot", "tumors", "Buchbinder", "kyphoplsty", "anaesthetic", "randomised",
    '"compression fractures"', "kyph", "x-ray", "spine bone", "numb", "back fracture",
    "vertebroplasty cement", "how long does it take", "infection", "pain relief", "vert",
    "surgery risks", "hospital",
]  # fmt: skip


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def rss_mb() -> float:
    """Resident memory now (Linux; elsewhere the peak so far)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return peak_rss_mb()
    kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(kb) / 1024


def typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "swap", "double", "replace"])
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstln") + word[i + 1 :]


def make_queries(pack: Pack, count: int, seed: int = 11) -> list[tuple[str, str]]:
    """(kind, query) pairs: single words, two-word AND, phrases, typos, prefixes, synonyms."""
    rng = random.Random(seed)
    common, middle = pack.vocabulary[:300], pack.vocabulary[300:5000]
    long_words = [w for w in middle if len(w) >= 7]
    content = [s.rstrip(".").lower().split() for s in pack.sentences]
    content = [[w for w in s if w not in FUNCTION_WORDS] for s in content]
    makers: dict[str, Callable[[], str]] = {
        "word": lambda: rng.choice(common if rng.random() < 0.5 else middle),
        "and": lambda: " ".join(rng.sample(rng.choice([s for s in content if len(s) >= 4]), 2)) + " ",
        "phrase": lambda: '"{}"'.format(" ".join(_run(rng, rng.choice([s for s in content if len(s) >= 3])))),
        "typo": lambda: typo(rng, rng.choice(long_words)),
        "prefix": lambda: rng.choice(middle)[: rng.randint(3, 5)],
        "synonym": lambda: (
            rng.choice(["tumors", "blood clot", "x-ray", "anaesthetic", "back fracture"])
            + " "
            + rng.choice(common)
        ),
    }
    kinds = list(makers)
    return [(kind, makers[kind]()) for kind in (kinds[i % len(kinds)] for i in range(count))]


def _run(rng: random.Random, words: list[str]) -> list[str]:
    n = rng.choice([2, 2, 3])
    start = rng.randrange(0, len(words) - n + 1)
    return words[start : start + n]


def measure_queries(service: SearchService, queries: list[tuple[str, str]]) -> dict[str, list[float]]:
    service.search("warm up")
    by_kind: dict[str, list[float]] = {}
    for kind, query in queries:
        by_kind.setdefault(kind, []).append(timed(lambda q=query: service.search(q, limit=20)) * 1000)
    return by_kind


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<42} {value:>14}   {target}")


def report_latencies(title: str, by_kind: dict[str, list[float]], target: str) -> None:
    every = [ms for values in by_kind.values() for ms in values]
    print(f"{title} ({len(every)} queries, limit 20, snippets included)")
    line("all: p50 / p95", f"{percentile(every, 50):.1f} / {percentile(every, 95):.1f} ms", target)
    for kind, values in by_kind.items():
        line(f"  {kind}: p50 / p95", f"{percentile(values, 50):.1f} / {percentile(values, 95):.1f} ms")


def bench_bundled(work: Path) -> None:
    topics = load_content(BUNDLED_CONTENT_DIR).topics
    service = SearchService(topics, work / "bundled-index")
    service.ensure_index()
    queries = [("bundled", q) for q in BUNDLED_QUERIES * 20]
    report_latencies("Bundled topic", measure_queries(service, queries), "target p95 <= 15 ms")
    service.close()


def check_loader(pack: Pack, sample: int) -> None:
    """Load a sample of the files with the real loader: time per file, and same documents as generated."""
    chosen = pack.topics[:: max(1, len(pack.topics) // sample)][:sample]
    start = time.perf_counter()
    loaded = [load_topic_file(Path(t.source_path))[0] for t in chosen]
    per_file = (time.perf_counter() - start) / len(chosen) * 1000
    same = sum(
        1 for t, got in zip(chosen, loaded, strict=True) if got and topic_documents(got) == topic_documents(t)
    )
    line(
        f"loader, sample of {len(chosen)} files",
        f"{per_file:.1f} ms/file",
        f"{same}/{len(chosen)} as generated",
    )


def bench_pack(args: argparse.Namespace, work: Path) -> None:
    started = time.perf_counter()
    pack = generate_pack(work / "pack", args.topics)
    sample = pack.topics[:200]
    words = sum(len(d.body.split()) for t in sample for d in topic_documents(t)) / len(sample)
    seconds = time.perf_counter() - started
    print(f"Synthetic pack: {args.topics} topics, ~{words:.0f} words each (generated in {seconds:.1f} s)")
    check_loader(pack, 100)
    line("RSS with the topics in memory", f"{rss_mb():.0f} MB")
    index_dir = work / "index"
    bench_index(pack, index_dir)
    bench_open(pack, index_dir)
    bench_app_open(pack, index_dir)
    bench_queries(pack, index_dir, args.queries)
    bench_cli(f"{args.topics} topics", pack.directory, index_dir, pack.vocabulary[120], args.cli_runs)


def bench_index(pack: Pack, index_dir: Path) -> None:
    """Full build, then an update after one topic file changes."""
    service = SearchService(pack.topics, index_dir)
    report = service.ensure_index()
    print("Index")
    line("full build", f"{report.seconds:.1f} s", "target <= 60 s")
    line("documents", f"{report.documents}")
    line("index size", f"{report.bytes / 1e6:.1f} MB")
    line("RSS after the build / peak so far", f"{rss_mb():.0f} / {peak_rss_mb():.0f} MB")
    service.close()
    pack.topics[len(pack.topics) // 2] = changed_topic(pack, len(pack.topics) // 2)
    service = SearchService(pack.topics, index_dir)
    report = service.ensure_index()
    line(f"re-index one changed topic ({report.action})", f"{report.seconds * 1000:.0f} ms", "target <= 1 s")
    service.close()


def bench_queries(pack: Pack, index_dir: Path, count: int) -> None:
    service = SearchService(pack.topics, index_dir)
    queries = make_queries(pack, count)
    report_latencies("Queries", measure_queries(service, queries), "target p95 <= 30 ms")
    prefixes = [w[:n] for w in pack.vocabulary[100:300] for n in (2, 3, 4)]
    times = [timed(lambda p=p: service.suggest(p)) * 1000 for p in prefixes]
    line("completions (suggest): p50 / p95", f"{percentile(times, 50):.1f} / {percentile(times, 95):.1f} ms")
    line("RSS after the queries", f"{rss_mb():.0f} MB")
    service.close()


def bench_open(pack: Pack, index_dir: Path) -> None:
    """Opening an up-to-date index as a second start would: fingerprint, manifest check, open, searcher."""
    times = []
    for _ in range(7):
        service = SearchService(pack.topics, index_dir)
        times.append(timed(service.ensure_index) * 1000)
        service.close()
    line(
        "open (reuse) median / max of 7",
        f"{statistics.median(times):.1f} / {max(times):.1f} ms",
        "target <= 20 ms",
    )


def bench_app_open(pack: Pack, index_dir: Path) -> None:
    """The open as the app and the CLI do it: the topics come from the content cache (a lazy store
    that builds a topic only when asked), then the service opens the index over them."""
    cache_dir = paths.content_cache_dir()
    first = timed(lambda: load_content(pack.directory, cache_dir))
    line("first load (parse, validate, cache)", f"{first:.1f} s", "target (first start) <= 10 s")
    loads, opens, actions = [], [], set()
    for _ in range(7):
        started = time.perf_counter()
        result = load_content(pack.directory, cache_dir)
        loads.append((time.perf_counter() - started) * 1000)
        service = SearchService(result.topics, index_dir, synonyms_file_for(pack.directory))
        started = time.perf_counter()
        actions.add(service.ensure_index().action)
        opens.append((time.perf_counter() - started) * 1000)
        service.close()
    line("warm load from the content cache", f"{statistics.median(loads):.1f} ms")
    line(
        f"open as the app does ({'/'.join(sorted(actions))}) med/max",
        f"{statistics.median(opens):.1f} / {max(opens):.1f} ms",
        "target <= 50 ms",
    )


def bench_cli(label: str, content: Path, index_dir: Path | None, query: str, runs: int) -> None:
    """Whole-process `main.py search`, content cache and index warm (one unmeasured run first):
    as a search usually runs (the files unchanged since the last search: the pack is not loaded,
    reader.search.quick), and the long way (the note removed before each run, as after any
    change to a topic file: the pack is loaded from its content cache)."""
    from reader.search.quick import note_path

    command = [sys.executable, str(ROOT / "main.py"), "search", query, "--content", str(content)]
    if index_dir is None:
        index_dir = paths.index_dir_for(content)
    command += ["--index-dir", str(index_dir)]
    for way, forget in (("", False), (", long way (a file changed)", True)):
        times = []
        for n in range(runs + 1):
            if forget:
                note_path(index_dir).unlink(missing_ok=True)
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"search failed: {done.stderr[-2000:]}")
            if n:
                times.append(time.perf_counter() - started)
        line(
            f"CLI search, {label}{way}: median / min",
            f"{statistics.median(times):.2f} / {min(times):.2f} s",
            "target <= 0.4 s" if not forget else "",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=10_000, help="topics in the generated pack (10000)")
    parser.add_argument("--queries", type=int, default=600, help="mixed queries to time (600)")
    parser.add_argument("--cli-runs", type=int, default=7, help="whole-process CLI searches per pack (7)")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it (default: a temp dir)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    import whoosh

    versions = f"Python {platform.python_version()}, whoosh {whoosh.versionstring()}"
    print(f"search_bench: {versions}, {platform.machine()}, {os.cpu_count()} CPUs")
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # this run's content cache, shared with the CLI
    try:
        bench_pack(args, work)
        bench_bundled(work)
        bench_cli("bundled topic", BUNDLED_CONTENT_DIR, work / "bundled-index", "balloon", args.cli_runs)
        line("peak RSS (whole run)", f"{peak_rss_mb():.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
