#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (SQLite and a throw-away PostgreSQL server).
#   scripts/bench.sh [--jobs N] [--idle-seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests
dotnet build bench/SpeechQa.Bench -c Release --nologo -v quiet -o out/bench >/dev/null
bash scripts/with-postgres.sh bash -c 'dotnet out/bench/SpeechQa.Bench.dll jobs --pg "$SPEECHQA_TEST_PG" "$@"' bench "$@"
