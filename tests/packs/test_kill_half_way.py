"""An install killed half-way (after the unpack, before the switch) leaves the old version in
use: the reader still loads it, and the next install cleans the leftover up."""

from __future__ import annotations

import signal
from pathlib import Path

from reader.packs.library import PackLibrary
from reader.packs.sources import load_sources, reader_sources
from reader.resources import BUNDLED_CONTENT_DIR
from tests.packs.helpers import build, make_folder, snapshot, trust_of
from tests.reliability.procs import spawn_python, stop, wait_for_file

CHILD = """
import sys, time
from pathlib import Path
from reader.packs import minisign
from reader.packs.library import PackLibrary
from reader.packs.trust import Trust, TrustedKey

public = minisign.parse_public_key(Path(sys.argv[3]).read_text())
trust = Trust([TrustedKey("publisher", public, "test")])

def stop_here(staged):
    told = Path(sys.argv[4] + ".tmp")
    told.write_text(str(staged))
    told.rename(sys.argv[4])  # unpacked and checked: tell the parent (whole), then wait
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

    child = spawn_python(["-c", CHILD, str(library.root), str(v2), str(pub), str(flag)], tmp_path / "home")
    wait_for_file(flag, child)  # unpacked and checked, about to switch
    staged = Path(flag.read_text())
    assert (staged / "topics" / "quokka-care.yaml").is_file()  # unpacked in full
    stop(child, signal.SIGKILL)
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
