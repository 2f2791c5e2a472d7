"""The offline promise, checked statically: no module of the app imports a network API."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import TESTS_DIR

PROJECT = TESTS_DIR.parent
SOURCES = sorted((PROJECT / "reader").rglob("*.py")) + [PROJECT / "main.py"]
BANNED = ("PySide6.QtNetwork", "urllib.request", "http.client", "requests", "socket")
BANNED_PREFIXES = ("PySide6.QtWebEngine",)  # QtWebEngineCore, QtWebEngineWidgets, ...


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.append(arg.value)
    return names


def _is_banned(name: str) -> bool:
    return name.startswith(BANNED_PREFIXES) or any(name == b or name.startswith(b + ".") for b in BANNED)


def test_sources_were_found() -> None:
    assert len(SOURCES) > 10


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_network_imports(path: Path) -> None:
    bad = [name for name in _imports(path) if _is_banned(name)]
    assert bad == [], f"{path} imports {bad}"


def test_the_checker_catches_a_network_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text(
        "from PySide6 import QtNetwork\nimport urllib.request\nfrom PySide6.QtWebEngineWidgets import X\n"
        "__import__('http.client')\n",
        "utf-8",
    )
    assert [n for n in _imports(sample) if _is_banned(n)] == [
        "PySide6.QtNetwork",
        "urllib.request",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtWebEngineWidgets.X",
        "http.client",
    ]
