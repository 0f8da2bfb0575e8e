#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (SQLite and a throw-away PostgreSQL server).
#   scripts/bench.sh [--jobs N] [--idle-seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests
pg_dir="$(mktemp -d /tmp/speechqa-pg.XXXXXX)"
pg_port=$(( 20000 + RANDOM % 20000 ))
trap 'bash scripts/postgres-test-server.sh stop "$pg_dir"' EXIT
pg="$(bash scripts/postgres-test-server.sh start "$pg_dir" "$pg_port")"
dotnet build bench/SpeechQa.Bench -c Release --nologo -v quiet -o out/bench >/dev/null
dotnet out/bench/SpeechQa.Bench.dll jobs --pg "$pg" "$@"
