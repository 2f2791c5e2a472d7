#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the code (pyside6-lupdate, through scripts/translations.py,
# which also marks the plural messages), then show what is left to translate.
#   scripts/update-translations.sh            refresh every .ts
#   scripts/update-translations.sh FILE.tsv   ...then fill Spanish translations from FILE.tsv
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -x "$py" ] || py=python3
"$py" scripts/translations.py update
[ $# -gt 0 ] && "$py" scripts/translations.py import "$@"
"$py" scripts/translations.py status || true
