#!/usr/bin/env bash
# Speak one sentence through the real path (Qt's speechd engine -> speech-dispatcher ->
# espeak-ng) on a machine with no sound card: a private speech-dispatcher whose only output
# module runs espeak-ng with -w, so each utterance becomes a WAV file instead of sound.
#   scripts/check-speech.sh [PYTHON]            (default .venv/bin/python)
#   scripts/check-speech.sh --voices COMMAND    only `COMMAND voices` (an installed bundle)
# Passes when `health-reader voices` lists a voice, the narrator finishes the sentence with no
# engine error, and a non-empty WAV was written. Exit 2 without speech-dispatcher or espeak-ng.
set -euo pipefail
cd "$(dirname "$0")/.."
reader=()
if [ "${1:-}" = --voices ]; then
  reader=("$2")
else
  py=${1:-.venv/bin/python}
  reader=("$py" main.py)
fi
for tool in speech-dispatcher espeak-ng; do
  command -v "$tool" >/dev/null || { echo "speech check skipped: $tool not installed" >&2; exit 2; }
done
tmp=$(mktemp -d)
mkdir -p "$tmp/conf/modules" "$tmp/wav" "$tmp/log"
trap '[ -f "$tmp/pid" ] && kill "$(cat "$tmp/pid")" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
cat > "$tmp/conf/speechd.conf" <<CONF
LogLevel ${SPEECH_CHECK_LOG_LEVEL:-3}
# libao fails to open a device here and the module carries on (pulse/alsa make it give up);
# nothing is played anyway: the module writes files.
AudioOutputMethod "libao"
AddModule "espeak-ng-wav" "sd_generic" "espeak-ng-wav.conf"
DefaultModule espeak-ng-wav
DefaultLanguage "en"
CONF
cat > "$tmp/conf/modules/espeak-ng-wav.conf" <<CONF
GenericExecuteSynth "printf %s \'\$DATA\' | espeak-ng -v en -s \$RATE --stdin -w $tmp/wav/utterance-\$\$.wav"
GenericCmdDependency "espeak-ng"
GenericLanguage "en" "en" "utf-8"
GenericRateAdd 170
GenericRateMultiply 1
AddVoice "en" "MALE1" "en"
AddVoice "en" "FEMALE1" "en+f3"
CONF
speech-dispatcher -s -t 0 -C "$tmp/conf" -S "$tmp/speechd.sock" -P "$tmp/pid" -L "$tmp/log" >"$tmp/log/stdout" 2>&1 &
for _ in $(seq 50); do [ -S "$tmp/speechd.sock" ] && break; sleep 0.1; done
export SPEECHD_ADDRESS="unix_socket:$tmp/speechd.sock" QT_QPA_PLATFORM=offscreen LANG=${SPEECH_CHECK_LANG:-$LANG}

echo "== health-reader voices"
"${reader[@]}" voices
if [ "${1:-}" = --voices ]; then echo "speech check passed (voices only)"; exit 0; fi

echo "== one sentence through reader.speech.narrator (engine speechd)"
"$py" - <<'PY'
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from reader.speech.narrator import Narrator
from reader.speech.script import Kind, Script, Utterance

app = QCoreApplication([])
narrator = Narrator("speechd")
problems = []
narrator.failed.connect(problems.append)
narrator.finished.connect(app.quit)
QTimer.singleShot(20000, lambda: (problems.append("timed out"), app.quit()))
sentence = "You likely will go home the same day."
if not narrator.speak(Script("t", "en", (Utterance(sentence, Kind.SENTENCE, "s"),))):
    sys.exit(f"narrator refused: {narrator.unavailableReason()}")
app.exec()
if problems:
    sys.exit(f"engine {narrator.engine_name()}: {problems}")
print(f"engine {narrator.engine_name()}, voice {narrator.voice_name()!r}: spoken with no error")
PY
sleep 1; wav=$(find "$tmp/wav" -name "*.wav" -size +1k | head -n 1)
[ -n "$wav" ] && [ "$(stat -c %s "$wav")" -gt 1000 ] || { echo "speech check FAILED: no WAV written" >&2; exit 1; }
echo "WAV written by espeak-ng: $(stat -c %s "$wav") bytes ($(file -b "$wav" 2>/dev/null || echo wav))"
echo "speech check passed"
