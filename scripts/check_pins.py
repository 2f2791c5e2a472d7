"""Exit 1 unless every package installed in this environment is the version `constraints.txt`
pins (the bundle must carry exactly the pinned packages). Usage: check_pins.py CONSTRAINTS"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

UNPINNED_OK = {"pip", "health-reader"}  # the installer itself, and the project


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(constraints: Path) -> int:
    pins: dict[str, str] = {}
    for line in constraints.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[_normal(name)] = version.strip()
    problems = []
    for dist in metadata.distributions():
        name = _normal(dist.metadata["Name"])
        if name in UNPINNED_OK:
            continue
        if name not in pins:
            problems.append(f"{name} {dist.version} is installed but not pinned in {constraints}")
        elif pins[name] != dist.version:
            problems.append(f"{name} is {dist.version}, {constraints} pins {pins[name]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
