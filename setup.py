"""Build step that pyproject.toml cannot declare: copy the top-level `content/` and `resources/`
into the built package as `reader/_data/`, so a wheel (and anything built from it) carries the
bundled content pack, the schema, icons, style sheets and kiosk files.

The top-level folders stay the source of truth; an editable install reads them in place
(`reader.resources` finds them), so nothing is copied then.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("content", "resources")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


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


setup(cmdclass={"build_py": BuildWithData})
