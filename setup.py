"""Build step that pyproject.toml cannot declare: copy the top-level `content/` and `resources/`
into the built package as `reader/_data/`, so a wheel (and anything built from it) carries the
bundled content pack, the schema, icons, style sheets and kiosk files, and compile the interface
translations (`resources/translations/*.ts`) to the `.qm` catalogues Qt loads, with
pyside6-lrelease from PySide6-Essentials (build with `--no-isolation` in the project's venv).

The top-level folders stay the source of truth; an editable install reads them in place
(`reader.resources` finds them), so nothing is copied then.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("content", "resources")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*", "*.qm")  # .qm: compiled below, fresh


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        here = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "reader" / "_data"
        for folder in DATA_FOLDERS:
            dest = target / folder
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(here / folder, dest, ignore=SKIP)
        compile_translations(target / "resources" / "translations")


def compile_translations(folder: Path) -> None:
    """Compile every .ts in `folder` to a .qm beside it; the .ts files are not needed at run time."""
    sources = sorted(folder.glob("*.ts"))
    if not sources:
        return
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        raise SystemExit("pyside6-lrelease (PySide6-Essentials) is needed to compile the translations")
    for ts in sources:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        ts.unlink()


setup(cmdclass={"build_py": BuildWithData})
