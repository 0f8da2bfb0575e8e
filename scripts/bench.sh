#!/usr/bin/env bash
# Runs the benchmarks and prints their figures.
#   scripts/bench.sh whisper [--sizes tiny,base,small] [--steps N] [--tokens N]   whisper.cpp through Whisper.net: encoder,
#     ms/token and RTF per 30 s window, f16 and q8_0, 1 and 2 threads, greedy and beam 5; beside it whisper.cpp's own
#     whisper-bench when SPEECHQA_WHISPER_CPP_BENCH names one (see README)
#   scripts/bench.sh pipeline [--calls N] [--demo-calls N]   the pipeline on Hangfire, embedded store and a throw-away
#     PostgreSQL: the demo data set's rate and N transcript-only calls' import + run (default 100 000)
#   scripts/bench.sh hangfire-storage [--jobs N]   Hangfire.Storage.SQLite (not chosen) under the crash test: a worker killed
#     5 times during N jobs; lost, duplicated, restart to last job; a long job without sliding invisibility
#   scripts/bench.sh rules [--calls N]   rule-set throughput on 5-minute transcripts (calls/s per core)
#   scripts/bench.sh search [--calls N]   embedded index: indexing calls/s and query p50/p95 on generated calls, then the
#     query test suite run on that many calls (SPEECHQA_SEARCH_SUITE_CALLS)
#   scripts/bench.sh portal [--calls N] [--seconds S]   wrk load on the queue, a call page and the dashboard with N calls stored
#   scripts/bench.sh repeats [--calls N]   repeat chains, clusters and root causes of N generated calls (default 1 000 000)
#   scripts/bench.sh classifier [--examples N]   category: the own trainer, ML.NET on the project's features, ML.NET's
#     FeaturizeText + ConvertToOnnx and scikit-learn (python3-sklearn) side by side; dialogue acts: trainers, whole vs clauses
#   scripts/bench.sh segment [--corpus FILE] [--passes N]   jieba segmentation MB/s beside Python jieba and
#     @node-rs/jieba (installed here into .tools/node-rs-jieba)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh bench
dotnet build bench/SpeechQa.Bench -c Release --nologo -v quiet -o out/bench >/dev/null
if [ $# -eq 0 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d'
  exit 2
elif [ "$1" = whisper ]; then
  shift
  dotnet out/bench/SpeechQa.Bench.dll whisper "$@"
elif [ "$1" = search ]; then
  shift
  dotnet out/bench/SpeechQa.Bench.dll search "$@"
  calls=$(echo "$@" | sed -n 's/.*--calls \([0-9]*\).*/\1/p'); calls=${calls:-100000}
  echo "Query suite on $calls generated calls (SQLite and PostgreSQL):"
  SPEECHQA_SEARCH_SUITE_CALLS=$calls bash scripts/with-postgres.sh dotnet test tests/SpeechQa.Tests -c Release --nologo \
    --filter "FullyQualifiedName~SearchQuerySuite" 2>&1 | grep -E "Passed!|Failed!|\[FAIL\]"
elif [ "$1" = classifier ]; then
  shift
  # ML.NET's exported text models make ONNX Runtime open the en_US.UTF-8 locale: build one beside the tools if the system lacks it.
  if ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
    [ -d .tools/locale/en_US.UTF-8 ] || { mkdir -p .tools/locale && localedef -i en_US -f UTF-8 .tools/locale/en_US.UTF-8; }
    export LOCPATH="$PWD/.tools/locale"
  fi
  dotnet out/bench/SpeechQa.Bench.dll classifier "$@"
elif [ "$1" = portal ]; then
  shift
  command -v wrk >/dev/null || { sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"; $sudo_cmd apt-get update -qq; $sudo_cmd apt-get install -y -qq wrk >/dev/null; }
  dotnet out/bench/SpeechQa.Bench.dll portal "$@"
elif [ "$1" = repeats ]; then
  shift
  dotnet out/bench/SpeechQa.Bench.dll repeats "$@"
elif [ "$1" = pipeline ]; then
  shift
  bash scripts/with-postgres.sh bash -c 'dotnet out/bench/SpeechQa.Bench.dll pipeline --pg "$SPEECHQA_TEST_PG" "$@"' bench "$@"
elif [ "$1" = hangfire-storage ]; then
  shift
  dotnet out/bench/SpeechQa.Bench.dll hangfire-storage "$@"
elif [ "$1" = rules ]; then
  shift
  dotnet out/bench/SpeechQa.Bench.dll rules "$@"
elif [ "$1" = segment ]; then
  shift
  if [ ! -d .tools/node-rs-jieba/node_modules/@node-rs/jieba-linux-x64-gnu ]; then
    npm install --prefix .tools/node-rs-jieba --no-audit --no-fund --loglevel=error @node-rs/jieba@2.0.3 >/dev/null
  fi
  dotnet out/bench/SpeechQa.Bench.dll segment "$@"
else
  echo "unknown benchmark '$1'" >&2
  exit 2
fi
