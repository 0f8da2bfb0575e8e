#!/usr/bin/env bash
# Sets up and runs every test: installs PostgreSQL if missing, starts a throw-away server for the
# PostgreSQL tests (they fail, not skip, without it), runs the suite, prints "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests

log="$(mktemp /tmp/speechqa-test.XXXXXX.log)"
set +e
bash scripts/with-postgres.sh dotnet test SpeechQa.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries ("Failed: 0, Passed: 12, Skipped: 0, Total: 12").
python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
p = f = s = 0
for m in re.finditer(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+)", text):
    f += int(m.group(1)); p += int(m.group(2)); s += int(m.group(3))
print(f"{p} passed, {f} failed" + (f", {s} skipped" if s else ""))
PY
rm -f "$log"
exit "$status"
