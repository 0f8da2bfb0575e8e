#!/usr/bin/env bash
# Writes rules/dict/pinyin.txt: every GB2312 hanzi (6 763) with its toneless readings (polyphones all), from the npm
# package pinyin-pro 3.29.4 (MIT). Run once when the table needs regenerating; the product reads the committed file.
#   bash scripts/make-pinyin-table.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tool=.tools/pinyin-pro
[ -f "$tool/node_modules/pinyin-pro/package.json" ] ||
  npm install --prefix "$tool" --no-audit --no-fund --loglevel=error pinyin-pro@3.29.4 >/dev/null
python3 - <<'PY' > /tmp/speechqa-gb2312.txt
# GB2312 level 1 and 2 hanzi: rows 0xB0–0xF7, cells 0xA1–0xFE (row 0xD7 ends at 0xF9).
for row in range(0xB0, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            print(bytes([row, cell]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
PY
{
  echo "# 汉字 → 无声调拼音（多音字列出全部读音）: GB2312 的 6 763 个汉字，由 scripts/make-pinyin-table.sh 从 npm 包"
  echo "# pinyin-pro 3.29.4 (MIT) 生成。Hanzi → toneless pinyin (every reading of a polyphone), for matching domain words"
  echo "# that speech recognition wrote with a same-sounding character (阶梯 → 接替)."
  NODE_PATH="$tool/node_modules" node -e '
    const { pinyin } = require("pinyin-pro");
    const lines = require("fs").readFileSync("/tmp/speechqa-gb2312.txt", "utf8").split("\n").filter(Boolean);
    for (const ch of lines) {
      const readings = [...new Set(pinyin(ch, { multiple: true, toneType: "none", type: "array" }).map(r => r.replace("ü", "v")))];
      if (readings.length && /^[a-z]+$/.test(readings[0])) console.log(ch + "\t" + readings.join(" "));
    }'
} > rules/dict/pinyin.txt
echo "wrote rules/dict/pinyin.txt ($(grep -vc '^#' rules/dict/pinyin.txt) hanzi)"
