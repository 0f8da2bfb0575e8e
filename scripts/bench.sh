#!/usr/bin/env bash
# Runs the benchmarks and prints their figures.
#   scripts/bench.sh [jobs] [--jobs N] [--idle-seconds S]   job engine: SQLite and a throw-away PostgreSQL
#   scripts/bench.sh whisper [--sizes tiny,base,small] [--tokens N]   Whisper RTF per 30 s window
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests
dotnet build bench/SpeechQa.Bench -c Release --nologo -v quiet -o out/bench >/dev/null
if [ "${1:-jobs}" = whisper ]; then
  shift
  dotnet out/bench/SpeechQa.Bench.dll whisper "$@"
else
  [ "${1:-}" = jobs ] && shift
  bash scripts/with-postgres.sh bash -c 'dotnet out/bench/SpeechQa.Bench.dll jobs --pg "$SPEECHQA_TEST_PG" "$@"' bench "$@"
fi
