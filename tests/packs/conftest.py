"""Fixtures for the pack tests: a publisher key and a library folder in tmp."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.packs.library import PackLibrary
from tests.packs.helpers import new_key


@pytest.fixture(scope="session")
def key():
    return new_key()


@pytest.fixture
def library(tmp_path: Path) -> PackLibrary:
    return PackLibrary(tmp_path / "var" / "packs")
