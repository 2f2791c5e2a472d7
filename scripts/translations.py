"""Keep the interface translations in step with the code, with Qt's own tools.

    translations.py update            extract with pyside6-lupdate, merge into every .ts file
    translations.py import TSV...     fill translations from context<TAB>source<TAB>translation files
    translations.py compile [--out D] compile every .ts to .qm with pyside6-lrelease (only when stale)
    translations.py status            per language: messages, finished, unfinished

Why a wrapper around lupdate: its Python parser marks plurals only for `tr()`, never for
`QCoreApplication.translate(ctx, text, "", n)`, which is the form the reader uses (explicit
contexts survive subclassing; PySide's `tr` takes the runtime class name). So `update`
extracts into a fresh file and merges it here: every message whose source holds `%n` becomes a
plural message with one form per plural form of the language, existing translations are kept by
(context, source, comment), new messages are unfinished and messages gone from the code are
dropped (git keeps them).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ("reader",)
PREFIX = "health_reader_"
PLURAL_FORMS = {"es": 2, "en": 2, "fr": 2, "de": 2, "pt": 2, "ar": 6, "ru": 3}

Key = tuple[str, str, str]  # context, source, comment


def qt_tool(name: str) -> str:
    """Path of pyside6-<name>, beside this Python first (the project's venv), then on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(
            f"pyside6-{name} not found: it ships with PySide6-Essentials; run scripts/bootstrap.sh prepare"
        )
    return found


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"{PREFIX}*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix(PREFIX)


def extract(root: Path | None = None) -> ET.ElementTree:
    """Every marked message in the code, as lupdate finds them (a fresh .ts, nothing translated)."""
    root = root or ROOT
    files = sorted(str(p) for folder in SOURCES for p in (root / folder).rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "extracted.ts"
        subprocess.run(
            [qt_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *files, "-ts", str(out)],
            check=True,
            cwd=root,
        )
        return ET.parse(out)


def messages(tree: ET.ElementTree) -> dict[Key, ET.Element]:
    found: dict[Key, ET.Element] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def _translation_of(message: ET.Element | None) -> list[str]:
    """The translated forms of a message (one, or one per plural form); [] when unfinished."""
    if message is None:
        return []
    node = message.find("translation")
    if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
        return []
    forms = [form.text or "" for form in node.findall("numerusform")]
    return forms if forms else [node.text or ""]


def _message(key: Key, forms: list[str], plural_forms: int) -> ET.Element:
    message = ET.Element("message")
    plural = "%n" in key[1]
    if plural:
        message.set("numerus", "yes")
    ET.SubElement(message, "source").text = key[1]
    if key[2]:
        ET.SubElement(message, "comment").text = key[2]
    translation = ET.SubElement(message, "translation")
    wanted = plural_forms if plural else 1
    if len(forms) != wanted or not all(forms):
        translation.set("type", "unfinished")
        forms = []
    if plural:
        for index in range(plural_forms):
            ET.SubElement(translation, "numerusform").text = forms[index] if forms else ""
    elif forms:
        translation.text = forms[0]
    return message


def write_ts(path: Path, language: str, entries: dict[Key, list[str]]) -> None:
    root = ET.Element("TS", {"version": "2.1", "language": language})
    by_context: dict[str, list[Key]] = {}
    for key in sorted(entries):
        by_context.setdefault(key[0], []).append(key)
    plural_forms = PLURAL_FORMS.get(language, 2)
    for name, keys in by_context.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for key in keys:
            context.append(_message(key, entries[key], plural_forms))
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def read_entries(path: Path) -> dict[Key, list[str]]:
    return {key: _translation_of(message) for key, message in messages(ET.parse(path)).items()}


def update() -> None:
    current = messages(extract())
    for ts in ts_files():
        old = read_entries(ts)
        write_ts(ts, language_of(ts), {key: old.get(key, []) for key in current})
        print(f"{ts.relative_to(ROOT)}: {len(current)} messages ({len(set(current) - set(old))} new)")


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def import_tsv(paths: list[Path], language: str = "es") -> None:
    """Fill translations of `language` from TSV files; a line for an unknown message is reported."""
    ts = TRANSLATIONS / f"{PREFIX}{language}.ts"
    entries = read_entries(ts)
    by_source = {(key[0], key[1]): key for key in entries}
    unknown = 0
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                print(f"{path}:{number}: expected context<TAB>source<TAB>translation", file=sys.stderr)
                continue
            context, source, translation = parts[0], _unescape(parts[1]), _unescape(parts[2])
            key = by_source.get((context, source))
            if key is None:
                unknown += 1
                print(
                    f"{path}:{number}: no such message in the code: {context!r} {source!r}", file=sys.stderr
                )
                continue
            entries[key] = (
                [form.strip() for form in translation.split("|||")] if "%n" in source else [translation]
            )
    write_ts(ts, language, entries)
    print(f"{ts.relative_to(ROOT)}: imported; {unknown} line(s) matched no message")


def compile_all(out: Path = TRANSLATIONS) -> list[Path]:
    """Compile each .ts to .qm in `out` when the .qm is missing or older; the .qm paths."""
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for ts in ts_files():
        qm = out / ts.with_suffix(".qm").name
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        done.append(qm)
    return done


def status() -> int:
    """Print each language's counts; 1 if any message is unfinished."""
    worst = 0
    for ts in ts_files():
        entries = read_entries(ts)
        unfinished = sorted(key for key, forms in entries.items() if not forms)
        print(f"{language_of(ts)}: {len(entries)} messages, {len(unfinished)} unfinished")
        for key in unfinished:
            print(f"  {key[0]}: {key[1]!r}")
        worst = max(worst, 1 if unfinished else 0)
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    tsv = sub.add_parser("import")
    tsv.add_argument("files", nargs="+", type=Path)
    tsv.add_argument("--language", default="es")
    comp = sub.add_parser("compile")
    comp.add_argument("--out", type=Path, default=TRANSLATIONS)
    sub.add_parser("status")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "import":
        import_tsv(args.files, args.language)
    elif args.command == "compile":
        compile_all(args.out)
    else:
        return status()
    return 0


if __name__ == "__main__":
    sys.exit(main())
