#!/usr/bin/python3
"""Independent reference for Whisper's tokenizer: tiktoken's algorithm (byte-pair merges by rank) on OpenAI's
multilingual.tiktoken ranks, with GPT-2's pre-tokenization written out by hand (no regex module needed).
Reads UTF-8 lines on stdin, prints the token ids of each line, space-separated."""
import base64, sys, unicodedata

ranks = {}
with open(sys.argv[1], "rb") as f:
    for line in f:
        token, rank = line.split()
        ranks[base64.b64decode(token)] = int(rank)

def kind(c):
    cat = unicodedata.category(c)
    return "L" if cat.startswith("L") else "N" if cat.startswith("N") else "S" if c.isspace() else "O"

def pieces(s):
    i, n = 0, len(s)
    while i < n:
        for c in ("'s", "'t", "'re", "'ve", "'m", "'ll", "'d"):
            if s.startswith(c, i):
                yield c; i += len(c); break
        else:
            j = i + 1 if s[i] == " " and i + 1 < n and kind(s[i + 1]) != "S" else i
            k = kind(s[j])
            if k != "S":
                e = j + 1
                while e < n and kind(s[e]) == k:
                    e += 1
                yield s[i:e]; i = e
            else:
                e = i
                while e < n and kind(s[e]) == "S":
                    e += 1
                if e < n and e - i > 1:
                    e -= 1  # \s+(?!\S): leave the last space to prefix the next word
                yield s[i:e]; i = e

def bpe(piece):
    parts = [bytes([b]) for b in piece.encode("utf-8")]
    while len(parts) > 1:
        best = min(range(len(parts) - 1), key=lambda i: ranks.get(parts[i] + parts[i + 1], 1 << 30))
        if parts[best] + parts[best + 1] not in ranks:
            break
        parts[best:best + 2] = [parts[best] + parts[best + 1]]
    return [ranks[p] for p in parts]

for line in sys.stdin.read().split("\n"):
    print(" ".join(str(t) for p in pieces(line) for t in bpe(p)))
