// Runs whisper.cpp's own benchmark (encoder once, then 256 single-token decoder steps with the KV cache) on a
// ggml file through the npm build @fugood/whisper.node, and prints one JSON line per thread count.
// Usage: node bench.js MODEL.bin THREADS...   (NODE_PATH points at the folder holding node_modules)
const { initWhisper } = require('@fugood/whisper.node');

async function main() {
  const [model, ...threads] = process.argv.slice(2);
  for (const n of threads.map(Number)) {
    const context = await initWhisper({ filePath: model, useGpu: false, nThreads: n });
    const result = await context.bench(n);
    await context.release();
    console.log(JSON.stringify({ threads: n, encodeMs: result.encodeMs, decodeMs: result.decodeMs, config: result.config }));
  }
}

main().catch(error => { console.error(error); process.exit(1); });
