#!/usr/bin/env bash
# Installs what SpeechQa needs on Debian 12 with the .NET 10 SDK, idempotently and without prompts.
#   scripts/setup.sh demo   – what the main job needs
#   scripts/setup.sh tests  – plus what the test suite needs (PostgreSQL server, sox)
#   scripts/setup.sh bench  – plus the benchmarks' references (scikit-learn)
set -euo pipefail
profile="${1:-demo}"
cd "$(dirname "$0")/.."

need=()
want() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || need+=("$1"); }

case "$profile" in
  demo) want ffmpeg; want espeak-ng; want python3-numpy   # ffmpeg: audio that is not plain WAV/G.711 (and the demo's A-law files); espeak-ng + numpy: the demo data set's voices (jieba's data comes with the build, from the jieba.NET package)
        command -v npm >/dev/null || want npm ;;           # npm: the portal's ECharts bundle
  tests) want ffmpeg; want python3-jieba; want sox; want espeak-ng; want python3-numpy; want postgresql; want python3-onnx; want chromium; want fonts-wqy-zenhei
         command -v npm >/dev/null || want npm ;;
         # python3-jieba: also the reference segmenter; sox: reference decoder; espeak-ng: synthetic calls; python3-numpy: writes the ggml test models; python3-onnx: checks the exported classifier graphs; chromium + fonts-wqy-zenhei: portal browser tests (screenshots need a CJK font)
  bench) want ffmpeg; want python3-jieba; want sox; want espeak-ng; want python3-numpy; want postgresql; want python3-onnx; want python3-sklearn; want locales
         # locales: the en_US.UTF-8 sources ML.NET's exported text models need in ONNX Runtime (classifier bench)
         command -v npm >/dev/null || want npm ;;
  *) echo "usage: scripts/setup.sh demo|tests|bench" >&2; exit 2 ;;
esac

if ((${#need[@]})); then
  echo "setup: installing Debian packages: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# ECharts for the portal's dashboard charts, bundled into the build output (src/QaPortal copies dist/echarts.min.js).
if [ ! -f .tools/echarts/node_modules/echarts/dist/echarts.min.js ]; then
  echo "setup: installing ECharts 5.6.0 (npm) into .tools/echarts"
  npm install --prefix .tools/echarts --no-audit --no-fund --loglevel=error echarts@5.6.0 >/dev/null
fi

# wavesurfer.js for the call page's waveform timeline (BSD-3-Clause), bundled likewise (dist/wavesurfer.min.js + regions plugin).
if [ ! -f .tools/wavesurfer/node_modules/wavesurfer.js/dist/wavesurfer.min.js ]; then
  echo "setup: installing wavesurfer.js 8.0.1 (npm) into .tools/wavesurfer"
  npm install --prefix .tools/wavesurfer --no-audit --no-fund --loglevel=error wavesurfer.js@8.0.1 >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
