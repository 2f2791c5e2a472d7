"""Code planted in the caches never runs: the reader as a program, in its own process.

Whoever can write the reader's cache folder (on a kiosk: anyone who once gets a shell as the
shared patient account) plants a pickle whose loading creates a folder. A normal start, a kiosk
start and `main.py search` must read the content cache as data, log that it is unusable and
load the pack from its files; the index is covered in tests/kiosk/test_index_trust.py and below.
See the threat model in docs/reliability.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.search import manifest as mf
from tests.reliability.planted import code_that_makes, plant_in_content_cache
from tests.reliability.procs import run_python

pytestmark = pytest.mark.slow

RUNS = {
    "normal start": ["main.py", "--exit-after-paint"],
    "kiosk start": ["main.py", "--kiosk", "--exit-after-paint"],
    "search command": ["main.py", "search", "balloon"],
}


@pytest.mark.parametrize("run", list(RUNS))
def test_a_pickle_planted_in_the_content_cache_never_runs(run: str, tmp_path: Path) -> None:
    args, marker = RUNS[run], tmp_path / "code-ran"
    first = run_python(args, tmp_path)  # makes the cache
    assert first.returncode == 0, first.stderr
    planted = plant_in_content_cache(tmp_path / "xdg_cache_home", code_that_makes(marker))
    done = run_python(args, tmp_path)
    assert not marker.exists(), f"{run}: the planted pickle ran"
    assert done.returncode == 0, done.stderr
    assert "content cache" in done.stderr and "unreadable" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if run == "search command":
        assert "1 result(s) for 'balloon'" in done.stdout
    again = run_python(args, tmp_path)  # the cache was rewritten as data and is used quietly
    assert again.returncode == 0 and "content cache" not in again.stderr, again.stderr
    assert not any(p.exists() for p in planted if p.name == "index.pickle")


def test_a_planted_table_of_contents_that_does_not_match_the_manifest_is_never_opened(
    tmp_path: Path,
) -> None:
    """The user's own index (not a kiosk's): a changed TOC fails its checksum before Whoosh reads it.
    (Someone who also rewrites manifest.json can run code as this user: see the threat model.)"""
    from tests.reliability.planted import plant_in_toc

    args, marker = RUNS["search command"], tmp_path / "code-ran"
    assert run_python(args, tmp_path).returncode == 0
    (index_dir,) = (tmp_path / "xdg_cache_home").rglob("index")
    version = index_dir / str(mf.read_pointer(index_dir))
    manifest = (version / mf.MANIFEST_NAME).read_bytes()
    plant_in_toc(version, code_that_makes(marker))
    (version / mf.MANIFEST_NAME).write_bytes(manifest)  # the checksums of the real TOC
    done = run_python(args, tmp_path)
    assert not marker.exists(), "the planted table of contents was unpickled"
    assert done.returncode == 0, done.stderr
    assert ".toc" in done.stderr and "discarding it and rebuilding" in done.stderr  # size or checksum
    assert "1 result(s) for 'balloon'" in done.stdout
