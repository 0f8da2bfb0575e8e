#!/usr/bin/env bash
# The main job, end to end, for a first-time user: set up, generate (or reuse) the demo hotline data set, run the
# whole batch — decoding, channel split and acoustic metrics always; Whisper when SPEECHQA_WHISPER_MODEL is set,
# otherwise the data set's reference transcripts are imported (and this says so) — then scoring, repeat chains and
# indexing; compare the results with the generator's ground truth — the demo's draw and, side by side, an unseen draw (another seed,
# processed in a database of its own, not shown in the portal) — and start the portal with a demo account per role.
#   bash scripts/demo.sh                 # 300 calls of November 2024, seed 7, portal on http://127.0.0.1:5080
#   SPEECHQA_DEMO_CALLS=1000 SPEECHQA_DEMO_SEED=3 bash scripts/demo.sh
#   SPEECHQA_DEMO_SERVE=0 bash scripts/demo.sh   # everything but the portal
#   SPEECHQA_DEMO_UNSEEN_SEED=0 bash scripts/demo.sh   # no unseen draw (default seed 11, same size as the demo's)
# Re-running it is quick: the data set is reused when seed, size and generator match, unchanged calls are not processed again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh demo

calls="${SPEECHQA_DEMO_CALLS:-300}"; seed="${SPEECHQA_DEMO_SEED:-7}"; unseen="${SPEECHQA_DEMO_UNSEEN_SEED:-11}"
[ "$unseen" != "$seed" ] || unseen=0
data="${SPEECHQA_DEMO_DATA:-data/demo}"
urls="${SPEECHQA_DEMO_URLS:-http://127.0.0.1:5080}"
export SPEECHQA_DB="${SPEECHQA_DB:-data/demo.db}"
dotnet build src/Cli -c Release --nologo -v quiet -o out/speechqa >/dev/null
speechqa() { dotnet out/speechqa/speechqa.dll "$@"; }

generate() {  # generate DATA SEED: a data set, reused when seed, size and generator match; a new one starts a new database
  local out="$1" seed="$2" db="$3" stamp
  stamp="$seed $calls $(sha256sum scripts/demo-data/generate.py | cut -c1-16)"   # a changed generator makes a new data set
  if [ "$(cat "$out/.made-with" 2>/dev/null)" = "$stamp" ]; then
    echo "   沿用已生成的数据集 reusing the data set generated before"
  else
    rm -rf "$out" "$db" "$db-wal" "$db-shm"
    [ "$db" != "$SPEECHQA_DB" ] || rm -f data/demo-accounts.txt
    /usr/bin/python3 scripts/demo-data/generate.py --out "$out" --seed "$seed" --calls "$calls"
    echo "$stamp" > "$out/.made-with"
  fi
}
echo "== 1. 数据集 data set: $calls calls, seed $seed → $data"
generate "$data" "$seed" "$SPEECHQA_DB"

if [ -n "${SPEECHQA_WHISPER_MODEL:-}" ]; then
  manifest="$data/manifest-audio-only.csv"
  echo "== 2. 导入 ingest $manifest — 转写：whisper.cpp (Whisper.net) with $SPEECHQA_WHISPER_MODEL on each channel," \
       "beam ${SPEECHQA_WHISPER_BEAM:-5}, ${SPEECHQA_WHISPER_THREADS:-1} thread(s) per worker, language ${SPEECHQA_WHISPER_LANGUAGE:-zh}"
else
  manifest="$data/manifest.csv"
  echo "== 2. 导入 ingest $manifest"
  echo "   未配置 Whisper 模型（SPEECHQA_WHISPER_MODEL）：录音照常解码、分声道、测量静音/抢话/音量，文字使用数据集的参考转写稿"
  echo "   No Whisper model configured (SPEECHQA_WHISPER_MODEL): audio is decoded, split and measured as always; the text is the data set's reference transcripts"
fi
speechqa ingest "$manifest"
echo "== 3. 处理 process: decode → metrics → rules + classifier → repeat chains → index"
set +e; speechqa run; run_status=$?; set -e
rm -rf out/demo-transcripts
speechqa export --jsonl out/demo-results.jsonl --transcripts out/demo-transcripts >/dev/null
# Which recogniser (model file and engine) or import each transcript came from, and how many calls each.
/usr/bin/python3 - out/demo-transcripts <<'PY'
import collections, json, pathlib, sys
sources = collections.Counter(json.loads(p.read_text(encoding="utf-8"))["source"] for p in pathlib.Path(sys.argv[1]).glob("*.json"))
for source, n in sources.most_common():
    print(f"   转写来源 transcripts from {source}: {n} calls")
PY
draws=("$data/truth.json" out/demo-results.jsonl)
if [ "$unseen" != 0 ]; then
  # The same size drawn with another seed: wordings and calls nobody tuned the rules on. Its own database (call ids repeat
  # across draws) and no search index; the portal shows the demo's draw only.
  udata="$data-unseen-$unseen"; udb="${SPEECHQA_DEMO_UNSEEN_DB:-data/demo-unseen.db}"
  echo "== 3b. 未见过的抽样 unseen draw: $calls calls, seed $unseen → $udata (database $udb)"
  generate "$udata" "$unseen" "$udb"
  [ -z "${SPEECHQA_WHISPER_MODEL:-}" ] || umanifest="$udata/manifest-audio-only.csv"
  SPEECHQA_DB="$udb" SPEECHQA_INDEX=off speechqa ingest "${umanifest:-$udata/manifest.csv}" >/dev/null
  SPEECHQA_DB="$udb" SPEECHQA_INDEX=off speechqa run >/dev/null || echo "   注意 note: some calls of the unseen draw failed; see: SPEECHQA_DB=$udb speechqa status"
  SPEECHQA_DB="$udb" SPEECHQA_INDEX=off speechqa export --jsonl out/demo-unseen-results.jsonl >/dev/null
  draws+=("$udata/truth.json" out/demo-unseen-results.jsonl)
fi
label="seed $seed"; [ "$unseen" = 0 ] || label="$label and unseen seed $unseen, side by side"
echo "== 4. 对照真值 against the generator's ground truth ($label)"
/usr/bin/python3 scripts/demo-data/evaluate.py "${draws[@]}" --json out/demo-summary.json
speechqa repeats --limit 5 || true

echo "== 5. 演示账号 demo accounts"
accounts=data/demo-accounts.txt   # passwords made here on first run, kept out of the repository (data/ is ignored)
if [ ! -s "$accounts" ] || ! speechqa users list | grep -q "^demo-inspector"; then
  : > "$accounts"
  for spec in "demo-inspector inspector 质检员小王" "demo-trainer trainer 培训师小李" "demo-manager manager 质检主管老张" "demo-admin admin 系统管理员" "demo-agent agent 孙静（坐席A101）"; do
    set -- $spec
    password="$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | cut -c1-14)"
    extra=(); [ "$2" = agent ] && extra=(--agent A101 --team 热线一组)
    echo "$password" | speechqa users add "$1" --role "$2" --display "$3" "${extra[@]}" >/dev/null
    echo "$1 $2 $password" >> "$accounts"
  done
fi
echo "   门户 portal: $urls"
while read -r user role password; do printf '   %-15s %-10s 密码 password: %s\n' "$user" "$role" "$password"; done < "$accounts"
[ "$run_status" = 0 ] || echo "   注意 note: some calls failed (speechqa run exited $run_status); see: speechqa status"
if [ "${SPEECHQA_DEMO_SERVE:-1}" = 1 ]; then
  echo "== 6. 启动门户 starting the portal (Ctrl+C to stop)"
  exec dotnet out/speechqa/speechqa.dll serve --urls "$urls"
fi
