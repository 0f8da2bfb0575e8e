#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server; its connection string is in $SPEECHQA_TEST_PG.
#   scripts/with-postgres.sh <command> [args…]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pg_dir="$(mktemp -d /tmp/speechqa-pg.XXXXXX)"
pg_port=$(( 20000 + RANDOM % 20000 ))
trap 'bash "$here/postgres-test-server.sh" stop "$pg_dir"' EXIT
SPEECHQA_TEST_PG="$(bash "$here/postgres-test-server.sh" start "$pg_dir" "$pg_port")"
export SPEECHQA_TEST_PG
echo "PostgreSQL $(psql --version 2>/dev/null | awk '{print $3}') started for this run on 127.0.0.1:$pg_port" >&2
"$@"
