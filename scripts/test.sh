#!/usr/bin/env bash
# Sets up and runs every test: installs PostgreSQL if missing, starts a throw-away server for the
# PostgreSQL tests (they fail, not skip, without it), runs the suite, prints "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests

pg_dir="$(mktemp -d /tmp/speechqa-pg.XXXXXX)"
pg_port=$(( 20000 + RANDOM % 20000 ))
trap 'bash scripts/postgres-test-server.sh stop "$pg_dir"' EXIT
SPEECHQA_TEST_PG="$(bash scripts/postgres-test-server.sh start "$pg_dir" "$pg_port")"
export SPEECHQA_TEST_PG
echo "test: PostgreSQL $(psql --version 2>/dev/null | awk '{print $3}') on port $pg_port"

log="$(mktemp /tmp/speechqa-test.XXXXXX.log)"
set +e
dotnet test SpeechQa.sln -c Release --nologo 2>&1 | tee "$log"
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
exit "$status"
