"""The installed wheel is the product: built from the sdist (as `python -m build` does), installed
into a fresh virtual environment, and run from an unrelated folder with a fresh HOME while the
source tree is hidden (an empty file system mounted over it in a private mount namespace), so
no file of the checkout can be reached."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.repo import REPO_ROOT

pytestmark = pytest.mark.slow

# Runs the command with the checkout hidden; the dependencies (PySide6, Whoosh...) of the
# test's own environment stay visible at a neutral path, as a read-only bind mount.
_HIDE_CHECKOUT = 'mount --bind -o ro "$1" "$2" && mount -t tmpfs -o ro tmpfs "$0" && shift 2 && exec "$@"'


def _source_files() -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the wheel is built from the files git tracks, and git is not available here")
    return [name for name in listed if (REPO_ROOT / name).is_file()]


def _copy_sources(dest: Path) -> None:
    for name in _source_files():
        if name.startswith(("docs/screenshots/", "bench/")):
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, target)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh venv with the wheel built from a copy of the checkout (sdist first, then wheel)."""
    work = tmp_path_factory.mktemp("wheel")
    src, dist, venv = work / "src", work / "dist", work / "venv"
    _copy_sources(src)
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(src)],
        check=True,
        capture_output=True,
        text=True,
    )
    wheels = list(dist.glob("health_reader-*.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*pip, str(wheels[0])], check=True, capture_output=True, text=True)
    deps = work / "deps"  # the dependencies, mounted here while the checkout is hidden
    deps.mkdir()
    site = Path(
        subprocess.run(
            [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "_test_dependencies.pth").write_text(f"{deps}\n", "utf-8")
    return {"venv": venv, "deps": deps, "site": site, "work": work}


def _hiding_prefix(deps: Path) -> list[str] | None:
    """`unshare` + mounts that hide the checkout, or None where no mount namespace can be made."""
    ours = sysconfig.get_path("purelib")
    prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c", _HIDE_CHECKOUT]
    prefix += [str(REPO_ROOT), ours, str(deps)]
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def _run(installed: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    work = installed["work"]
    home, cwd = work / "home", work / "elsewhere"
    home.mkdir(exist_ok=True)
    cwd.mkdir(exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": f"{installed['venv'] / 'bin'}:/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    prefix = _hiding_prefix(installed["deps"])
    if prefix is None:
        pytest.skip("no mount namespace here (needs root or user namespaces): cannot hide the checkout")
    return subprocess.run(
        [*prefix, "health-reader", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_checkout_is_out_of_reach(installed: dict[str, Path]) -> None:
    probe = _run(installed, "--version")  # the same prefix as every run below
    assert probe.returncode == 0, probe.stderr
    hidden = subprocess.run(
        [*(_hiding_prefix(installed["deps"]) or []), "ls", "-A", str(REPO_ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert hidden.stdout == ""


def test_version_names_the_packaged_content(installed: dict[str, Path]) -> None:
    done = _run(installed, "--version")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("health-reader ")
    assert lines[1].startswith("Python ") and lines[2].startswith("Qt ")
    packaged = installed["site"] / "reader" / "_data" / "content"
    assert lines[3] == f"content pack: {packaged} (1 topic file)"


def test_the_window_paints_the_bundled_topic_and_exits(installed: dict[str, Path]) -> None:
    done = _run(installed, "--exit-after-paint", "-v")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "1 topic(s) from the content pack" in done.stderr
    assert "no such file" not in done.stderr.lower()


def test_the_window_starts_in_spanish_with_both_catalogues(installed: dict[str, Path]) -> None:
    done = _run(installed, "--exit-after-paint", "-v", "--language", "es")
    assert done.returncode == 0, done.stderr
    assert "interface language es (catalogues: qtbase_es.qm, health_reader_es.qm)" in done.stderr


def test_check_and_search_work(installed: dict[str, Path]) -> None:
    check = _run(installed, "check")
    assert check.returncode == 0, check.stderr
    assert "1 topic(s) loaded from 1 file(s); 0 file(s) with errors" in check.stdout
    search = _run(installed, "search", "balloon", "--json")
    assert search.returncode == 0, search.stderr
    answer = json.loads(search.stdout)
    assert answer["hits"] and answer["hits"][0]["topic"] == "vertebroplasty-kyphoplasty"
    # the next search takes the short way (reader.search.quick) from the note the first one left
    note = installed["work"] / "home" / ".cache" / "health-reader" / "health-reader" / "index" / "quick.json"
    [bundled] = json.loads(note.read_text(encoding="utf-8"))["packs"]
    assert bundled["folder"].startswith(str(installed["site"]))
    again = _run(installed, "search", "balloon", "--json", "-v")
    assert (again.returncode, again.stdout) == (0, search.stdout)
    assert "content packs:" not in again.stderr  # what loading the packs logs
    # The English word list (pyspellchecker's data file) is found from the installed wheel:
    # without it "long" is no word and becomes "lung".
    question = _run(installed, "search", "long", "--json")
    assert question.returncode == 0, question.stderr
    assert json.loads(question.stdout)["suggestion"] is None
    assert "English word list" not in question.stderr


def _as_shipped(path: Path) -> Path:
    """A translation source (.ts) ships compiled (.qm); a .qm in the checkout is a build product."""
    return path.with_suffix(".qm") if path.suffix == ".ts" else path


def test_the_wheel_carries_every_data_file(installed: dict[str, Path]) -> None:
    data = installed["site"] / "reader" / "_data"
    for folder in ("content", "resources"):
        shipped = sorted(p.relative_to(data / folder) for p in (data / folder).rglob("*") if p.is_file())
        source = sorted(
            _as_shipped(p.relative_to(REPO_ROOT / folder))
            for p in (REPO_ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".qm"
        )
        assert shipped == source
    assert (data / "resources" / "translations" / "health_reader_es.qm").stat().st_size > 0
    run = data / "resources" / "kiosk" / "health-reader-kiosk-run"
    assert os.access(run, os.X_OK)  # the kiosk scripts keep their executable bit


def test_packs_verify_install_and_list_from_the_installed_app(installed: dict[str, Path]) -> None:
    """A pack made here (signed in this process) is checked, trusted, installed and searched by the
    installed app, with the checkout out of reach."""
    from tests.packs.helpers import build, make_folder, new_key

    key = new_key()
    work = installed["work"] / "packs"
    pack = build(make_folder(work / "src"), key, 1, work)
    pub = work / "publisher.pub"
    pub.write_text(key.public.file_text(), "ascii")
    verify = _run(installed, "pack", "verify", str(pack), "--trust", str(pub))
    assert verify.returncode == 0, verify.stderr
    assert "pack: clinic-extra" in verify.stdout and "verdict: VERIFIED" in verify.stdout
    refused = _run(installed, "pack", "install", str(pack))
    assert refused.returncode == 1 and "does not trust" in refused.stderr
    assert _run(installed, "pack", "trust", str(pub)).returncode == 0
    done = _run(installed, "pack", "install", str(pack))
    assert done.returncode == 0, done.stderr
    assert "installed clinic-extra version 1" in done.stdout
    listed = _run(installed, "pack", "list")
    assert "clinic-extra  version 1" in listed.stdout and "verified" in listed.stdout
    search = _run(installed, "search", "quokka", "--json")
    assert search.returncode == 0, search.stderr
    assert {hit["topic"] for hit in json.loads(search.stdout)["hits"]} == {"quokka-care"}
