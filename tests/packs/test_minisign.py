"""minisign's formats: our signatures verify with the `minisign` tool and the tool's with ours,
both the prehashed ("ED", minisign 0.11's default) and the legacy ("Ed") kind; secret keys
written by either are read by the other."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reader.packs import minisign
from tests.packs.helpers import FAST_MEMLIMIT, FAST_OPSLIMIT

MINISIGN = shutil.which("minisign")
needs_tool = pytest.mark.skipif(
    MINISIGN is None,
    reason="the minisign tool is not installed (Debian package 'minisign'; bootstrap.sh test adds it)",
)


def test_a_signature_verifies_and_a_changed_byte_does_not():
    key = minisign.generate()
    sig = key.sign(b"pack manifest", "pack:x\tversion:1")
    again = minisign.parse_signature(sig.file_text())
    key.public.verify(b"pack manifest", again)
    with pytest.raises(minisign.MinisignError, match="does not match the signed file"):
        key.public.verify(b"pack manifesT", again)
    forged = minisign.parse_signature(sig.file_text().replace("version:1", "version:9"))
    with pytest.raises(minisign.MinisignError, match="trusted comment"):
        key.public.verify(b"pack manifest", forged)


def test_another_key_is_named_by_its_id():
    key, other = minisign.generate(), minisign.generate()
    with pytest.raises(minisign.MinisignError, match=f"signed with key {key.public.id_hex}"):
        other.public.verify(b"x", key.sign(b"x", "c"))


def test_a_protected_secret_key_needs_its_passphrase():
    key = minisign.generate()
    text = minisign.secret_key_text(key, "correct horse", FAST_OPSLIMIT, FAST_MEMLIMIT)
    assert minisign.secret_key_is_protected(text)
    assert minisign.parse_secret_key(text, "correct horse").public == key.public
    with pytest.raises(minisign.MinisignError, match="wrong passphrase"):
        minisign.parse_secret_key(text, "wrong horse")
    with pytest.raises(minisign.MinisignError, match="protected by a passphrase"):
        minisign.parse_secret_key(text, None)


def test_libsodium_scrypt_parameters_for_minisign_defaults():
    # minisign's defaults give N = 2^20, r = 8, p = 1 (1 GiB), as libsodium picks them
    assert minisign.scrypt_parameters(minisign.DEFAULT_OPSLIMIT, minisign.DEFAULT_MEMLIMIT) == (20, 8, 1)


@pytest.mark.parametrize("text", ["", "untrusted comment: x\nnot base64!\n", "untrusted comment: x\nRWQ=\n"])
def test_malformed_public_keys_are_refused_with_a_reason(text: str):
    with pytest.raises(minisign.MinisignError):
        minisign.parse_public_key(text)


@needs_tool
@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed-ED", "legacy-Ed"])
def test_signatures_by_the_minisign_tool_verify_here(tmp_path: Path, legacy: bool):
    subprocess.run(
        [MINISIGN, "-G", "-W", "-p", "k.pub", "-s", "k.key"], cwd=tmp_path, check=True, capture_output=True
    )
    (tmp_path / "data").write_bytes(b"a manifest\n")
    command = [MINISIGN, "-S", "-s", "k.key", "-m", "data", "-t", "pack:x"] + (["-l"] if legacy else [])
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)
    public = minisign.parse_public_key((tmp_path / "k.pub").read_text())
    sig = minisign.parse_signature((tmp_path / "data.minisig").read_text())
    assert sig.algorithm == (minisign.ALG_PURE if legacy else minisign.ALG_HASHED)
    assert sig.trusted_comment == "pack:x"
    public.verify(b"a manifest\n", sig)
    with pytest.raises(minisign.MinisignError):
        public.verify(b"a manifest!\n", sig)
    # the tool's unprotected secret key signs here too
    secret = minisign.parse_secret_key((tmp_path / "k.key").read_text(), None)
    assert secret.public == public


@needs_tool
def test_our_signature_verifies_with_the_minisign_tool(tmp_path: Path):
    key = minisign.generate()
    (tmp_path / "k.pub").write_text(key.public.file_text())
    (tmp_path / "data").write_bytes(b"a manifest\n")
    (tmp_path / "data.minisig").write_text(key.sign(b"a manifest\n", "pack:x\tversion:2").file_text())
    done = subprocess.run(
        [MINISIGN, "-V", "-p", "k.pub", "-m", "data"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "pack:x\tversion:2" in done.stdout
    (tmp_path / "data").write_bytes(b"a manifest!\n")
    assert subprocess.run(
        [MINISIGN, "-V", "-p", "k.pub", "-m", "data"], cwd=tmp_path, capture_output=True
    ).returncode


@needs_tool
def test_the_minisign_tool_signs_with_our_protected_secret_key(tmp_path: Path):
    key = minisign.generate()
    (tmp_path / "k.key").write_text(
        minisign.secret_key_text(key, "pass phrase", FAST_OPSLIMIT, FAST_MEMLIMIT)
    )
    (tmp_path / "data").write_bytes(b"x")
    subprocess.run(
        [MINISIGN, "-S", "-s", "k.key", "-m", "data"],
        cwd=tmp_path,
        input="pass phrase\n",
        text=True,
        check=True,
        capture_output=True,
    )
    key.public.verify(b"x", minisign.parse_signature((tmp_path / "data.minisig").read_text()))


@needs_tool
def test_a_pack_signed_with_the_minisign_tool_installs(tmp_path: Path, key, library):
    """A publisher who signs with `minisign -S`: `pack build --unsigned`, sign pack.json, add-signature."""
    from reader.cli import main
    from reader.packs.verify import verify_pack
    from tests.packs.helpers import make_folder, trust_of

    signed = tmp_path / "tool.hrpack"
    folder = make_folder(tmp_path / "src")
    assert main(["pack", "build", str(folder), "--unsigned", "--version", "1", "-o", str(signed)]) == 0
    assert not verify_pack(signed, trust_of(key)).trusted
    with zipfile.ZipFile(signed) as archive:
        (tmp_path / "pack.json").write_bytes(archive.read("pack.json"))
    tool = {"cwd": tmp_path, "check": True, "capture_output": True}
    subprocess.run([MINISIGN, "-G", "-W", "-p", "k.pub", "-s", "k.key"], **tool)
    subprocess.run([MINISIGN, "-S", "-s", "k.key", "-m", "pack.json"], **tool)
    assert main(["pack", "add-signature", str(signed), str(tmp_path / "pack.json.minisig")]) == 0
    tool_key = minisign.parse_public_key((tmp_path / "k.pub").read_text())
    trust = trust_of(key)
    trust.keys.append(trust.keys[0].__class__("minisign tool key", tool_key, "test"))
    verdict = verify_pack(signed, trust)
    assert verdict.trusted and verdict.signer is not None and verdict.signer.name == "minisign tool key"
    pack, _ = library.install(signed, trust)
    assert pack.verified and pack.signer == "minisign tool key"


@needs_tool
def test_a_pack_built_here_verifies_with_the_minisign_tool(tmp_path: Path, key):
    from tests.packs.helpers import build, make_folder

    pack = build(make_folder(tmp_path / "src"), key, 1, tmp_path)
    with zipfile.ZipFile(pack) as archive:
        (tmp_path / "pack.json").write_bytes(archive.read("pack.json"))
        (tmp_path / "pack.json.minisig").write_bytes(archive.read("pack.json.minisig"))
    (tmp_path / "k.pub").write_text(key.public.file_text())
    done = subprocess.run(
        [MINISIGN, "-V", "-p", "k.pub", "-m", "pack.json"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "pack:clinic-extra\tversion:1" in done.stdout
