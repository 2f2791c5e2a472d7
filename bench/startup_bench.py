"""Start-up benchmark: wall time and peak memory from process start to the first painted topic.

Runs `python main.py --exit-after-paint` offscreen N times in each scenario and prints the
median and spread of wall time and the peak RSS (from the OS, per child process):

- bundled content, cold: no content cache and no search index;
- bundled content, warm: cache and index from an earlier start;
- a synthetic pack of --topics topics (default 10,000), warm.

Targets (issue 7; reported, not asserted): warm bundled <= 0.8 s median; 10k warm within
1.5x of the bundled warm start; RSS <= 200 MB at 10k topics.

    .venv/bin/python bench/startup_bench.py [--runs 7] [--topics 10000]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_pack import generate_pack  # noqa: E402

from reader.resources import BUNDLED_CONTENT_DIR  # noqa: E402


def start_once(content: Path, home: Path) -> tuple[float, float]:
    """One start; returns (wall seconds, peak RSS in MB)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    command = [sys.executable, str(ROOT / "main.py"), "--exit-after-paint", "--content", str(content)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"start failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def prepare_warm(content: Path, home: Path) -> None:
    """Build the search index and the content cache as an earlier session would have."""
    env = dict(os.environ, XDG_CACHE_HOME=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config"))
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "index", "--content", str(content)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    start_once(content, home)


def scenario(label: str, content: Path, runs: int, warm: bool, work: Path) -> float:
    walls, rss = [], []
    home = work / f"home-{label}"
    if warm:
        prepare_warm(content, home)
    for run in range(runs):
        run_home = home if warm else work / f"home-{label}-{run}"
        wall, peak = start_once(content, run_home)
        walls.append(wall)
        rss.append(peak)
    median = statistics.median(walls)
    print(
        f"{label:<28} median {median:6.3f} s  min {min(walls):6.3f}  max {max(walls):6.3f}  "
        f"peak RSS median {statistics.median(rss):6.1f} MB  (n={runs})"
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--topics", type=int, default=10_000)
    args = parser.parse_args()
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        work = Path(tmp)
        cold = scenario("bundled, cold", BUNDLED_CONTENT_DIR, args.runs, warm=False, work=work)
        warm = scenario("bundled, warm", BUNDLED_CONTENT_DIR, args.runs, warm=True, work=work)
        started = time.perf_counter()
        pack = generate_pack(work / "pack", args.topics)
        print(f"(generated {len(pack.topics)} topics in {time.perf_counter() - started:.1f} s)")
        large = scenario(f"{args.topics} topics, warm", pack.directory, args.runs, warm=True, work=work)
        print(
            f"ratio {args.topics} warm / bundled warm: {large / warm:.2f}x (target <= 1.5x); "
            f"bundled cold / warm: {cold / warm:.2f}x"
        )


if __name__ == "__main__":
    main()
