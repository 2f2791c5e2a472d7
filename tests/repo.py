"""The source checkout the tests run from (docs, scripts, `main.py`); the app itself never uses it."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
