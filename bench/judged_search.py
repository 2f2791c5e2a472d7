"""Judged-query figures for the bundled topic: precision at 1, clean share, wrong suggestions.

    python bench/judged_search.py [--failures]

Builds an index of the bundled content in a temp dir, runs every query of
tests/search/judgments.yaml and prints the figures (see tests/search/judging.py for what
each one counts). With --failures, also one line per query that misses.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.content import load_content
from reader.resources import BUNDLED_CONTENT_DIR
from reader.search import SearchService
from tests.search.judging import judge, load_judgments

ROOT = Path(__file__).resolve().parent.parent


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the queries that miss")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    judgments = load_judgments()
    topics = load_content(BUNDLED_CONTENT_DIR).topics
    with tempfile.TemporaryDirectory() as tmp:
        service = SearchService(topics, Path(tmp) / "index")
        service.ensure_index()
        figures = judge(service, judgments)
        service.close()
    patients = sum(j.who == "patient" for j in judgments)
    clinicians = figures.queries - patients
    print(f"judged_search: {figures.queries} queries ({patients} patient, {clinicians} clinician)")
    print(f"  search code at commit {commit()}")
    print(f"  precision at 1                {figures.precision_at_1:6.3f}   threshold >= 0.9")
    print(f"  every answering section found  {figures.all_found_share:5.3f}")
    print(f"  queries with no irrelevant hit {figures.clean_share:5.3f}")
    print(f"  wrong suggestions             {figures.wrong_suggestion_share:6.3f}   threshold = 0")
    print(f"  expected suggestions missed   {figures.missed_suggestions:6d}")
    if args.failures:
        for line in figures.failures():
            print(f"    {line}")


if __name__ == "__main__":
    main()
