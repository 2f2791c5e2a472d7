"""Installing packs: a good pack installs; every kind of bad pack is refused with one line and
leaves the library's files exactly as they were (each file hashed before and after)."""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from reader.packs.library import InstallError, PackLibrary
from reader.packs.manifest import MANIFEST_NAME, SIGNATURE_NAME
from reader.resources import BUNDLED_CONTENT_DIR
from tests.packs.helpers import (
    build,
    flip,
    make_folder,
    new_key,
    rewrite,
    snapshot,
    trust_of,
    write_user_trust,
)

TOPIC = "topics/quokka-care.yaml"


@pytest.fixture
def packs(tmp_path: Path, key) -> dict[str, Path]:
    """Version 1 and 2 of a signed pack, and a library with version 1 installed."""
    folder = make_folder(tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    return {"v1": build(folder, key, 1, out), "v2": build(folder, key, 2, out), "out": out}


@pytest.fixture
def installed(library: PackLibrary, packs, key) -> PackLibrary:
    library.install(packs["v1"], trust_of(key))
    return library


def test_a_good_pack_installs_and_lists(library: PackLibrary, packs, key):
    pack, verdict = library.install(packs["v1"], trust_of(key))
    assert verdict.trusted and pack.verified
    assert (pack.pack_id, pack.version) == ("clinic-extra", 1)
    assert (library.root / "clinic-extra" / "current").read_text().strip() == "v1"
    assert (pack.folder / TOPIC).is_file()
    assert [p.pack_id for p in library.packs()] == ["clinic-extra"]
    assert not (library.root / ".staging").exists()


def test_a_newer_version_replaces_and_rollback_brings_the_old_one_back(installed: PackLibrary, packs, key):
    pack, _ = installed.install(packs["v2"], trust_of(key))
    assert pack.version == 2 and pack.older == (1,)
    back, left = installed.rollback("clinic-extra")
    assert (back.version, left) == (1, 2)
    assert installed.versions("clinic-extra") == [1]
    with pytest.raises(InstallError, match="no earlier version"):
        installed.rollback("clinic-extra")
    installed.remove("clinic-extra")
    assert installed.packs() == []


def _refused(library: PackLibrary, pack: Path, key, match: str, **kwargs) -> None:
    before = snapshot(library.root)
    with pytest.raises(InstallError, match=match) as caught:
        library.install(pack, trust_of(key), **kwargs)
    assert "\n" not in str(caught.value)
    assert snapshot(library.root) == before


def test_an_older_or_the_same_version_is_refused(installed: PackLibrary, packs, key):
    installed.install(packs["v2"], trust_of(key))
    _refused(installed, packs["v1"], key, "version 1 is not newer than the installed version 2")
    _refused(installed, packs["v2"], key, "not newer")


def test_an_unknown_key_is_refused(installed: PackLibrary, packs, key, tmp_path: Path):
    stranger = build(make_folder(tmp_path / "s", topic_id="stranger-topic"), new_key(), 3, packs["out"])
    _refused(installed, stranger, key, "which this reader does not trust")


def test_an_unsigned_pack_is_refused_unless_allowed(installed: PackLibrary, packs, key, tmp_path: Path):
    unsigned = rewrite(
        packs["v2"], tmp_path / "unsigned.hrpack", lambda n, d: None if n == SIGNATURE_NAME else d
    )
    _refused(installed, unsigned, key, "not signed")
    pack, _ = installed.install(unsigned, trust_of(key), allow_unverified=True)
    assert pack.version == 2 and not pack.verified


def _flip_in(name: str, at: int):
    return lambda n, d: flip(d, at if at >= 0 else len(d) + at) if n == name else d


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (_flip_in(TOPIC, 500), "does not match its SHA-256"),
        (_flip_in(MANIFEST_NAME, 40), "fails its signature check"),
        (_flip_in(SIGNATURE_NAME, -10), "pack.json"),  # the global signature, base64 on the last line
        (_flip_in(SIGNATURE_NAME, 100), "pack.json"),  # the signature itself
    ],
    ids=["topic-file", "manifest", "signature-comment-line", "signature-line"],
)
def test_one_flipped_byte_is_refused(installed: PackLibrary, packs, key, tmp_path: Path, change, match):
    bad = rewrite(packs["v2"], tmp_path / "bad.hrpack", change)
    _refused(installed, bad, key, match)


def test_a_flipped_byte_in_the_archive_itself_is_refused(installed: PackLibrary, packs, key, tmp_path: Path):
    data = bytearray(packs["v2"].read_bytes())
    with zipfile.ZipFile(packs["v2"]) as archive:
        info = archive.getinfo(TOPIC)
    data[info.header_offset + 30 + len(TOPIC) + 20] ^= 0x01  # inside the compressed topic
    bad = tmp_path / "raw.hrpack"
    bad.write_bytes(bytes(data))
    _refused(installed, bad, key, "damaged|SHA-256")


def test_a_file_missing_from_the_archive_is_refused(installed: PackLibrary, packs, key, tmp_path: Path):
    bad = rewrite(packs["v2"], tmp_path / "missing.hrpack", lambda n, d: None if n == TOPIC else d)
    _refused(installed, bad, key, "listed in the manifest but missing")


def test_a_file_added_to_the_archive_is_refused(installed: PackLibrary, packs, key, tmp_path: Path):
    bad = rewrite(packs["v2"], tmp_path / "added.hrpack", lambda n, d: d, {"topics/extra.yaml": b"id: x\n"})
    _refused(installed, bad, key, "in the archive but not in the manifest")


@pytest.mark.parametrize(
    ("name", "match"),
    [("../evil.yaml", "'..'"), ("topics/../../evil.yaml", "'..'"), ("/etc/evil.yaml", "absolute path")],
)
def test_paths_leaving_the_pack_are_refused(installed: PackLibrary, packs, key, tmp_path: Path, name, match):
    bad = rewrite(packs["v2"], tmp_path / "path.hrpack", lambda n, d: d, {name: b"x"})
    _refused(installed, bad, key, match)
    assert not (tmp_path / "evil.yaml").exists()


def test_a_symlink_in_the_archive_is_refused(installed: PackLibrary, packs, key, tmp_path: Path):
    def add_link(n: str, d: bytes) -> bytes:
        return d

    bad = rewrite(packs["v2"], tmp_path / "link.hrpack", add_link)
    with zipfile.ZipFile(bad, "a") as archive:
        link = zipfile.ZipInfo("topics/link.yaml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    _refused(installed, bad, key, "is a symbolic link")


@pytest.fixture(scope="session")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small archive (a few MB) whose one member expands to 1 GiB of zeros."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.hrpack"
    zeros = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("topics/big.yaml", "w", force_zip64=True) as member,
    ):
        for _ in range(1024):
            member.write(zeros)
    return path


def test_a_1_gib_expansion_from_a_small_archive_is_refused(installed: PackLibrary, bomb: Path, key):
    assert bomb.stat().st_size < 8 * 2**20
    _refused(installed, bomb, key, "larger than the limit per file")


def test_an_archive_lying_about_its_sizes_is_refused(installed: PackLibrary, packs, key, tmp_path: Path):
    """The archive says 100 bytes; the data inflates to far more (sizes are checked against the
    manifest, and reading never passes the declared size: zipfile stops there, the CRC fails)."""
    data = bytearray(packs["v2"].read_bytes())
    with zipfile.ZipFile(packs["v2"]) as archive:
        info = archive.getinfo(TOPIC)
    small = (100).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small  # local header
    patched = 0
    for found in re.finditer(rb"PK\x01\x02", bytes(data)):  # the central directory entries
        at = found.start()
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + name_len]) == TOPIC.encode():
            data[at + 24 : at + 28] = small
            patched += 1
    assert patched == 1
    bad = tmp_path / "liar.hrpack"
    bad.write_bytes(bytes(data))
    _refused(installed, bad, key, "bytes, the manifest says|damaged|SHA-256")


def test_not_a_zip_is_refused(installed: PackLibrary, key, tmp_path: Path):
    bad = tmp_path / "notes.hrpack"
    bad.write_bytes(b"just text\n" * 10)
    _refused(installed, bad, key, "not a pack file")


def test_a_pack_with_content_errors_is_refused_after_unpacking(installed: PackLibrary, key, tmp_path: Path):
    folder = make_folder(tmp_path / "e")
    built = build(folder, key, 5, tmp_path)
    topic = next((folder / "topics").glob("*.yaml"))
    broken = rewrite(built, tmp_path / "broken.hrpack", lambda n, d: d)
    assert broken.exists() and topic.exists()
    # a pack whose topic clashes with another pack's id is refused after the content check
    other = build(make_folder(tmp_path / "o", pack_id="other-pack"), key, 1, tmp_path)
    before = snapshot(installed.root)
    from reader.packs.sources import install_beside

    with pytest.raises(InstallError, match="already used by the pack clinic-extra"):
        install_beside(installed, other, trust_of(key), BUNDLED_CONTENT_DIR)
    assert snapshot(installed.root) == before


def test_the_command_says_why_in_one_line_and_changes_nothing(tmp_path: Path, packs, key, capsys):
    write_user_trust(key)
    lib = tmp_path / "var" / "packs"
    assert main(["pack", "install", str(packs["v2"]), "--library", str(lib)]) == 0
    assert "installed clinic-extra version 2" in capsys.readouterr().out
    before = snapshot(lib)
    assert main(["pack", "install", str(packs["v1"]), "--library", str(lib)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not newer than the installed version 2" in err
    assert snapshot(lib) == before
    assert main(["pack", "list", "--library", str(lib)]) == 0
    assert "clinic-extra  version 2" in capsys.readouterr().out


def test_verify_prints_what_the_pack_is(packs, key, tmp_path: Path, capsys):
    pub = tmp_path / "publisher.pub"
    pub.write_text(key.public.file_text())
    assert main(["pack", "verify", str(packs["v1"]), "--library", str(tmp_path / "lib")]) == 1
    assert "NOT TRUSTED" in capsys.readouterr().out
    assert (
        main(["pack", "verify", str(packs["v1"]), "--trust", str(pub), "--library", str(tmp_path / "lib")])
        == 0
    )
    out = capsys.readouterr().out
    for expected in (
        "pack: clinic-extra",
        "version: 1",
        "publisher: Example Health Publisher",
        "created: ",
        "files: 1",
        TOPIC,
        "verdict: VERIFIED",
    ):
        assert expected in out


def test_zip_members_written_by_the_builder_are_regular_files(packs):
    with zipfile.ZipFile(packs["v1"]) as archive:
        for info in archive.infolist():
            assert stat.S_ISREG(info.external_attr >> 16), info.filename
