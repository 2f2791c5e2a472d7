"""No user-visible string literal reaches a widget without being marked for translation.

A static check over the interface code: a string literal or f-string passed straight to a Qt call
that shows text (setText, setToolTip, QLabel(...), QAction(...), showMessage, message boxes...)
fails, with file and line. The pseudo-language tests of each view check the same at run time.
A literal that must stay as it is (a language's own name) carries `# untranslated: why` on its line.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.repo import REPO_ROOT

CHECKED = [REPO_ROOT / "reader" / "ui", REPO_ROOT / "reader" / "kiosk", REPO_ROOT / "reader" / "app.py"]

TEXT_SETTERS = {
    "setText",
    "setPlainText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "showMessage",
    "addMenu",
    "setTitle",
    "setLabelText",
    "setCancelButtonText",
    "setInformativeText",
    "setDetailedText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setTabText",
    "addTab",
    "setItemText",
    "addItem",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "setFormat",
    "information",
    "warning",
    "critical",
    "question",
}
TEXT_WIDGETS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QProgressDialog",
}


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _shows_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and any(c.isalpha() for c in str(v.value)) for v in node.values
        )
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _has_letter(node.value)
    if isinstance(node, ast.BinOp):  # "a" + b: a sentence glued from pieces
        return _shows_literal(node.left) or _shows_literal(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _shows_literal(node.func.value)  # "Text {x}".format(...) unmarked
    return False


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def unmarked(path: Path) -> list[str]:
    source = path.read_text("utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name not in TEXT_SETTERS and name not in TEXT_WIDGETS:
            continue
        args = list(node.args)
        if name in {"information", "warning", "critical", "question"}:
            args = args[1:3]  # (parent, title, text)
        for arg in args:
            if _shows_literal(arg) and "# untranslated:" not in lines[arg.lineno - 1]:
                found.append(f"{path.relative_to(REPO_ROOT)}:{arg.lineno}: {name}({ast.unparse(arg)[:60]})")
    return found


def _files() -> list[Path]:
    files: list[Path] = []
    for place in CHECKED:
        files.extend(sorted(place.rglob("*.py")) if place.is_dir() else [place])
    return files


def test_no_unmarked_string_reaches_a_widget() -> None:
    found = [line for path in _files() for line in unmarked(path)]
    assert not found, f"{len(found)} unmarked:\n" + "\n".join(found)


def test_the_check_catches_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label.setText('Search')\n"
        "QPushButton(f'Page {n}', self)\n"
        "self.statusBar().showMessage('Found ' + str(n))\n"
        "label.setText(QCoreApplication.translate('C', 'Search'))\n"
        "label.setText('Español')  # untranslated: a language's own name\n"
        "box.setText('Text {x}'.format(x=1))\n",
        "utf-8",
    )
    import tests.i18n.test_marked as module

    old = module.REPO_ROOT
    module.REPO_ROOT = tmp_path
    try:
        found = unmarked(sample)
    finally:
        module.REPO_ROOT = old
    assert [line.split(":")[1] for line in found] == ["1", "2", "3", "6"]
