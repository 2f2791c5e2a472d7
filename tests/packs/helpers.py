"""Packs made in the tests: a pack folder with one topic, keys, a signed `.hrpack`, trust files,
and a snapshot of a library's files to show that a refused install changed nothing."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from reader.packs import minisign
from reader.packs.archive import PackArchive
from reader.packs.build import build_pack
from reader.packs.trust import Trust, TrustedKey, trust_file_text
from tests.conftest import BUNDLED_TOPIC

FAST_OPSLIMIT, FAST_MEMLIMIT = 1 << 16, 1 << 20  # scrypt cheap enough for tests


def make_folder(
    root: Path, pack_id: str = "clinic-extra", topic_id: str = "quokka-care", title: str = "Quokka fever care"
) -> Path:
    """A pack folder with one valid topic (the bundled one, renamed) and its pack.yaml."""
    folder = root / f"{pack_id}-{topic_id}"
    (folder / "topics").mkdir(parents=True)
    text = BUNDLED_TOPIC.read_text("utf-8")
    text = text.replace("id: vertebroplasty-kyphoplasty", f"id: {topic_id}", 1)
    text = text.replace("title: Vertebroplasty and Kyphoplasty", f"title: {title}", 1)
    text = text.replace("works like cement.", "works like quokka cement.", 1)  # a word of this topic only
    (folder / "topics" / f"{topic_id}.yaml").write_text(text, "utf-8")
    description = f"id: {pack_id}\ntitle: Clinic extra topics\npublisher: Example Health Publisher\n"
    (folder / "pack.yaml").write_text(description, "utf-8")
    return folder


def new_key() -> minisign.SecretKey:
    return minisign.generate()


def trust_of(*keys: minisign.SecretKey) -> Trust:
    return Trust([TrustedKey(f"publisher {k.public.id_hex}", k.public, "test") for k in keys])


def write_user_trust(*keys: minisign.SecretKey) -> Path:
    """The user's trust file (XDG_CONFIG_HOME is a temp folder in every test)."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "health-reader" / "packs.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(trust_file_text([("Example Health Publisher", k.public) for k in keys]), "utf-8")
    return path


def build(folder: Path, key: minisign.SecretKey, version: int, out_dir: Path) -> Path:
    out = out_dir / f"{folder.name}-{version}.hrpack"
    build_pack(folder, key, version, out)
    return out


def rewrite(
    pack: Path, out: Path, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None
) -> Path:
    """A copy of a pack with members changed (None drops one) and members added, sizes honest."""
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                dest.writestr(info, data)
        for name, data in (extra or {}).items():
            dest.writestr(name, data)
    return out


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under `root` (and beside it: the lock), with a hash of each file."""
    found: dict[str, str] = {}
    if not root.parent.exists():
        return found
    for here, dirs, files in os.walk(root.parent):
        for name in dirs:
            found[os.path.relpath(os.path.join(here, name), root.parent) + "/"] = "dir"
        for name in files:
            path = os.path.join(here, name)
            if os.path.islink(path):
                found[os.path.relpath(path, root.parent)] = "link:" + os.readlink(path)
            else:
                with open(path, "rb") as handle:
                    found[os.path.relpath(path, root.parent)] = hashlib.sha256(handle.read()).hexdigest()
    return found


def member_names(pack: Path) -> set[str]:
    with PackArchive(pack) as archive:
        return set(archive.members)
