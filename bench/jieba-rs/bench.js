// Times @node-rs/jieba (jieba-rs through N-API) on a corpus: precise mode with HMM, one line per call, single
// thread, with the same dict.txt as Python jieba and SpeechQa. Prints one JSON line.
// Usage: node bench.js CORPUS DICT PASSES   (NODE_PATH points at the folder holding node_modules)
const fs = require('fs');
const rssMb = () => process.memoryUsage().rss / 1048576;

const [corpus, dictPath, passes] = process.argv.slice(2);
const text = fs.readFileSync(corpus, 'utf8');
const lines = text.split('\n');
if (lines[lines.length - 1] === '') lines.pop();
const before = rssMb();
let start = process.hrtime.bigint();
const { Jieba } = require('@node-rs/jieba');
const jieba = Jieba.withDict(fs.readFileSync(dictPath));
jieba.cut('预热', true);
const loadSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const afterLoad = rssMb();
let best = Infinity, tokens = 0;
for (let p = 0; p < Number(passes); p++) {
  start = process.hrtime.bigint();
  tokens = 0;
  for (const line of lines) tokens += jieba.cut(line, true).length;
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(JSON.stringify({ seconds: best, load_seconds: loadSeconds, rss_mb: afterLoad, load_rss_mb: afterLoad - before, tokens }));
