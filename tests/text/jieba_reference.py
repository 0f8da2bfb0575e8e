#!/usr/bin/python3
"""Reference segmentation by Python jieba 0.42.1 (Debian python3-jieba) for the conformance test and benchmark.
Usage: jieba_reference.py MODE INPUT OUTPUT [--dict USERDICT]
  MODE: hmm | nohmm | search | full | keywords
Input lines are split on "\\n" only; each output line holds that line's tokens as a JSON list.
With MODE=time (OUTPUT ignored) it segments precise+HMM once and prints timings and memory as JSON instead."""
import json, sys, time, logging

def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024

rss_before = rss_mb()
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
args = sys.argv[1:]
userdict = None
if "--dict" in args:
    i = args.index("--dict")
    userdict = args[i + 1]
    del args[i:i + 2]
mode, src, dst = args
jieba.initialize()
if userdict:
    # SpeechQa's dictionaries allow '#' comment lines, which jieba itself would read as words.
    import io
    with open(userdict, encoding="utf-8") as f:
        jieba.load_userdict(io.StringIO("".join(l for l in f if not l.lstrip().startswith("#"))))
load = time.perf_counter() - t0

with open(src, "rb") as f:
    lines = f.read().decode("utf-8").split("\n")
if lines and lines[-1] == "":
    lines.pop()

if mode == "time":
    # jieba.initialize() reads the marshal cache in /tmp when a previous run left one (as a deployed jieba does);
    # load_seconds is what this run took.
    rss_loaded = rss_mb()
    start = time.perf_counter()
    tokens = 0
    for line in lines:
        tokens += len(jieba.lcut(line, HMM=True))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "load_seconds": load, "rss_mb": rss_loaded, "load_rss_mb": rss_loaded - rss_before, "tokens": tokens}))
    sys.exit(0)

if mode == "keywords":
    import jieba.analyse
cut = {
    "hmm": lambda s: jieba.lcut(s, HMM=True),
    "nohmm": lambda s: jieba.lcut(s, HMM=False),
    "search": lambda s: jieba.lcut_for_search(s),
    "full": lambda s: [t for t in jieba.lcut(s, cut_all=True) if t],
    "keywords": lambda s: [[w, round(x, 9)] for w, x in jieba.analyse.extract_tags(s, topK=20, withWeight=True)],
}[mode]
with open(dst, "w", encoding="utf-8") as out:
    for line in lines:
        out.write(json.dumps(cut(line), ensure_ascii=False) + "\n")
