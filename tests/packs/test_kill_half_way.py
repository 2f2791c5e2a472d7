"""An install killed half-way (after the unpack, before the switch) leaves the old version in
use: the reader still loads it, and the next install cleans the leftover up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.packs.library import PackLibrary
from reader.packs.sources import load_sources, reader_sources
from reader.resources import BUNDLED_CONTENT_DIR
from tests.packs.helpers import build, make_folder, snapshot, trust_of
from tests.repo import REPO_ROOT

CHILD = """
import sys, time
from pathlib import Path
from reader.packs import minisign
from reader.packs.library import PackLibrary
from reader.packs.trust import Trust, TrustedKey

public = minisign.parse_public_key(Path(sys.argv[3]).read_text())
trust = Trust([TrustedKey("publisher", public, "test")])

def stop_here(staged):
    Path(sys.argv[4]).write_text(str(staged))  # unpacked and checked: tell the parent, then wait
    time.sleep(60)

PackLibrary(Path(sys.argv[1])).install(Path(sys.argv[2]), trust, before_switch=stop_here)
"""


def test_killed_after_unpack_before_switch_the_old_version_still_loads(
    tmp_path: Path, key, library: PackLibrary
):
    folder = make_folder(tmp_path / "src", title="Quokka fever care")
    v1 = build(folder, key, 1, tmp_path)
    library.install(v1, trust_of(key))
    topic = folder / "topics" / "quokka-care.yaml"
    topic.write_text(
        topic.read_text("utf-8").replace("title: Quokka fever care", "title: Quokka fever, revised")
    )
    v2 = build(folder, key, 2, tmp_path)
    pub, flag = tmp_path / "k.pub", tmp_path / "unpacked"
    pub.write_text(key.public.file_text())
    before = snapshot(library.root)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(library.root), str(v2), str(pub), str(flag)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        deadline = time.monotonic() + 60
        while not flag.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert flag.exists(), "the child never reached the switch"
        staged = Path(flag.read_text())
        assert (staged / "topics" / "quokka-care.yaml").is_file()  # unpacked in full
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    assert child.returncode == -signal.SIGKILL
    pack = library.pack("clinic-extra")
    assert pack is not None and pack.version == 1
    loaded = load_sources(reader_sources(BUNDLED_CONTENT_DIR, library), None)
    topic_loaded = loaded.result.topic("quokka-care")
    assert topic_loaded is not None and topic_loaded.title == "Quokka fever care"
    after = snapshot(library.root)
    leftovers = {name for name in after.keys() - before.keys() if name.startswith("packs/.staging")}
    assert leftovers and after.keys() - before.keys() == leftovers  # only the staging folder is new
    assert all(after[name] == digest for name, digest in before.items())

    installed, _ = library.install(v2, trust_of(key))  # the next install removes the leftover
    assert installed.version == 2 and not (library.root / ".staging").exists()
