"""What an attacker who can write the cache would plant: a pickle whose loading runs code.

Loading `code_that_makes(marker)` with `pickle` creates the folder `marker`; a test then only
has to check that the folder does not exist. `plant_in_content_cache` overwrites every file of
every pack cache (and adds the old `index.pickle`); `plant_in_toc` puts the pickle where Whoosh
unpickles its schema and, as a real attacker would, updates our manifest to match.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import zlib
from pathlib import Path

from whoosh.filedb.structfile import StructFile

from reader.search import manifest as mf


class _MakesFolder:
    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (self.marker,))


def code_that_makes(marker: Path) -> bytes:
    """A pickle that runs `os.mkdir(marker)` when it is loaded."""
    return pickle.dumps(_MakesFolder(marker), protocol=pickle.HIGHEST_PROTOCOL)


def plant_in_content_cache(cache_root: Path, payload: bytes) -> list[Path]:
    """Overwrite every file of every pack cache under `cache_root` with `payload`, and add an
    `index.pickle` (the name the pickled cache format used). Returns the files written."""
    planted = []
    folders = sorted(cache_root.rglob("pack-*"))
    assert folders, f"no pack cache under {cache_root}"
    for folder in folders:
        for path in [*folder.iterdir(), folder / "index.pickle"]:
            path.write_bytes(payload)
            planted.append(path)
    return planted


def plant_in_toc(version_dir: Path, payload: bytes) -> Path:
    """Replace the pickled schema in Whoosh's table of contents with `payload`, keep the rest,
    and record the new size and checksum in manifest.json, so our own checks pass."""
    toc = next(version_dir.glob("*.toc"))
    stream = StructFile(io.BytesIO(toc.read_bytes()))
    stream.read_varint(), stream.read_varint(), stream.read_int(), stream.read_int()
    stream.read_varint(), stream.read_varint(), stream.read_varint()
    start = stream.tell()
    stream.read_string()
    end = stream.tell()
    out = StructFile(io.BytesIO())
    out.write_string(payload)
    data = toc.read_bytes()
    new = data[:start] + out.file.getvalue() + data[end:]
    toc.write_bytes(new)
    manifest_path = version_dir / mf.MANIFEST_NAME
    manifest = json.loads(manifest_path.read_bytes())
    manifest["files"][toc.name] = len(new)
    manifest["checksums"][toc.name] = zlib.crc32(new)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return toc
