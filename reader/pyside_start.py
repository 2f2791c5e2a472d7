"""Spares the start one PySide chore: reading the source of every module imported after PySide6.

Once PySide6.QtCore is imported, PySide checks each newly imported module for the opt-in
`from __feature__ import ...` (snake_case, true_property) by reading the module's whole source
and looking for the word "PySide6" (`shibokensupport.feature._mod_uses_pyside`). The reader
uses no such feature; a warm start imports ~115 modules after QtCore, and reading them cost
12-17 ms, measured. For the reader's own modules and the standard library the answer is known
without reading: the reader's modules take PySide's default (no feature), the standard library
never uses PySide. Any other module is still checked by PySide itself.

The check is PySide's private code: where it is not found (another PySide version), nothing
changes and the start is only slower.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

OWN_PACKAGE = "reader"


def known_answer(module: ModuleType) -> bool | None:
    """Whether `module` counts as using PySide (True: PySide's default features apply), or None
    when only its source can tell."""
    top = getattr(module, "__name__", "").partition(".")[0]
    if top == OWN_PACKAGE:
        return True
    if top in sys.stdlib_module_names:
        return False
    return None


def skip_feature_scan() -> bool:
    """Answer PySide's per-module check from the module's name where the name is enough.

    Returns whether the check was found and replaced (idempotent)."""
    import PySide6.QtCore  # noqa: F401 - PySide installs its import check with QtCore

    feature = sys.modules.get("shibokensupport.feature")
    scan: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan):
        return False
    if getattr(scan, "_reader_quick", False):
        return True

    def quick(module: ModuleType) -> bool:
        answer = known_answer(module)
        return scan(module) if answer is None else answer

    quick._reader_quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = quick  # type: ignore[attr-defined]
    return True
