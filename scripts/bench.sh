#!/usr/bin/env bash
# Runs the benchmarks and prints their figures.
#   scripts/bench.sh [jobs] [--jobs N] [--idle-seconds S]   job engine: SQLite and a throw-away PostgreSQL
#   scripts/bench.sh whisper [--sizes tiny,base,small] [--tokens N]   Whisper RTF per 30 s window, beside whisper.cpp:
#     the npm build @fugood/node-whisper-linux-x64 (installed here into .tools/whisper-node) and, when
#     SPEECHQA_WHISPER_CPP_BENCH names a natively compiled whisper-bench (see README), that too
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests
dotnet build bench/SpeechQa.Bench -c Release --nologo -v quiet -o out/bench >/dev/null
if [ "${1:-jobs}" = whisper ]; then
  shift
  if [ ! -d .tools/whisper-node/node_modules/@fugood/node-whisper-linux-x64 ]; then
    npm install --prefix .tools/whisper-node --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=error \
      @fugood/whisper.node@1.1.3 @fugood/node-whisper-linux-x64@1.1.3 >/dev/null
  fi
  dotnet out/bench/SpeechQa.Bench.dll whisper "$@"
else
  [ "${1:-}" = jobs ] && shift
  bash scripts/with-postgres.sh bash -c 'dotnet out/bench/SpeechQa.Bench.dll jobs --pg "$SPEECHQA_TEST_PG" "$@"' bench "$@"
fi
