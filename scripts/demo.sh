#!/usr/bin/env bash
# The main job on the sample data: set up, build, ingest, process every call, export the results.
# Re-running it is quick: unchanged calls are not processed again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh demo

samples="${SPEECHQA_SAMPLES:-samples/hotline-sample}"
export SPEECHQA_DB="${SPEECHQA_DB:-data/speechqa.db}"
dotnet build src/QaPortal -c Release --nologo -v quiet -o out/speechqa >/dev/null
speechqa() { dotnet out/speechqa/speechqa.dll "$@"; }

echo "== 1. 导入 ingest $samples/manifest.csv"
speechqa ingest "$samples/manifest.csv"
echo "== 2. 处理 process"
set +e; speechqa run; run_status=$?; set -e
echo "== 3. 导出 export"
speechqa export --jsonl out/results.jsonl --transcripts out/transcripts
echo
echo "结果 results:  out/results.jsonl (one call per line), out/transcripts/"
echo "状态 status:   dotnet out/speechqa/speechqa.dll status     (database: $SPEECHQA_DB)"
exit "$run_status"
