#!/usr/bin/env python3
"""Compile hand-written dialogue scripts (*.dlg, see SCRIPT-FORMAT.md) into format-2 transcripts.

    python3 tests/eval/compile_dialogues.py          # from the repository root
    python3 tests/eval/compile_dialogues.py --set tests/eval/sets/NAME   # one set, with counts per id

tests/eval/scripts/*.dlg          -> tests/eval/transcripts/EVnnn.json + tests/eval/labels.csv
tests/eval/sets/NAME/scripts/*.dlg -> tests/eval/sets/NAME/transcripts/ID.json + labels.csv (one set per author)
tests/rule-examples/scripts/*.dlg -> tests/rule-examples/<RULE>.json

Timings come from the text (4 characters/s, 0.6 s between lines) so that writers think about what is said;
`+N`, `~N` and `*` on a line set a silence, an overlap or a fast pace (SCRIPT-FORMAT.md).
"""
import csv
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACE = 4.0        # characters per second (240/min)
FAST_PACE = 6.0   # 360/min
GAP = 0.6
LINE = re.compile(r'^(A|C)((?:\s+(?:\+\d+(?:\.\d+)?|~\d+(?:\.\d+)?|\*))*)\s*[:：]\s*(.+)$')
SPOKEN = re.compile(r'[\u4e00-\u9fff0-9A-Za-z]')


class ScriptError(Exception):
    pass


def blocks(path):
    """Yield (header fields, header line number, [(line number, line)]) per block."""
    header, start, lines = None, 0, []
    with open(path, encoding='utf-8') as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('==='):
                if header is not None:
                    yield header, start, lines
                header, start, lines = [p.strip() for p in line[3:].split('|')], number, []
            elif header is None:
                raise ScriptError(f'{path}:{number}: a line before the first === header')
            else:
                lines.append((number, line))
    if header is not None:
        yield header, start, lines


def segments(path, lines):
    result, end = [], 0.0
    for number, line in lines:
        m = LINE.match(line)
        if not m:
            raise ScriptError(f'{path}:{number}: expected "A: text" or "C: text" (with optional +N, ~N, *), got: {line}')
        speaker, modifiers, text = m.group(1), m.group(2).split(), m.group(3).strip()
        gap, overlap, pace = GAP, None, PACE
        for mod in modifiers:
            if mod.startswith('+'):
                gap = float(mod[1:])
            elif mod.startswith('~'):
                overlap = float(mod[1:])
            else:
                pace = FAST_PACE
        chars = max(1, len(SPOKEN.findall(text)))
        previous_end = result[-1]['end'] if result else 0.0
        if overlap is not None:
            if not result or overlap >= result[-1]['end'] - result[-1]['start']:
                raise ScriptError(f'{path}:{number}: overlap ~{overlap} is longer than the previous line')
            start = previous_end - overlap
        else:
            start = (end if result else 0.0) + (gap if result else 0.3)
        duration = chars / pace
        result.append({'speaker': 'agent' if speaker == 'A' else 'customer',
                       'start': round(start, 2), 'end': round(start + duration, 2), 'text': text})
        end = max(end, start + duration)
    if not result:
        raise ScriptError(f'{path}: a block without lines')
    return result


def metadata(path, number, field):
    parts = field.split()
    if len(parts) != 3 or parts[0] not in ('inbound', 'outbound') or parts[1] not in ('customer', 'agent', 'system'):
        raise ScriptError(f'{path}:{number}: expected "direction hangup_by queue", got: {field}')
    return {'direction': parts[0], 'hangup_by': parts[1], 'queue': parts[2]}


def ids(path, number, field):
    found = [] if field == '-' else field.split()
    for i in found:
        if not re.fullmatch(r'[FN](0[1-9]|1[0-2])', i):
            raise ScriptError(f'{path}:{number}: not an error id: {i}')
    return found


def compile_eval(folder):
    rows, seen = [], set()
    os.makedirs(os.path.join(folder, 'transcripts'), exist_ok=True)
    for path in sorted(glob.glob(os.path.join(folder, 'scripts', '*.dlg'))):
        for header, number, lines in blocks(path):
            if len(header) not in (7, 8):
                raise ScriptError(f'{path}:{number}: an evaluation header has 7 or 8 fields, found {len(header)}')
            call_id, ruleset, category, fatal, nonfatal, meta, note = header[:7]
            traps = ids(path, number, header[7]) if len(header) == 8 and header[7] else []
            if call_id in seen:
                raise ScriptError(f'{path}:{number}: {call_id} appears twice')
            seen.add(call_id)
            fatal_ids, nonfatal_ids = ids(path, number, fatal), ids(path, number, nonfatal)
            if any(i.startswith('N') for i in fatal_ids) or any(i.startswith('F') for i in nonfatal_ids):
                raise ScriptError(f'{path}:{number}: fatal ids go in field 4, non-fatal ids in field 5')
            if set(traps) & set(fatal_ids + nonfatal_ids):
                raise ScriptError(f'{path}:{number}: a trap id is also a label: {sorted(set(traps) & set(fatal_ids + nonfatal_ids))}')
            if ruleset not in ('water-hotline', 'heating-hotline'):
                raise ScriptError(f'{path}:{number}: unknown rule set {ruleset}')
            if not re.fullmatch(r'C(0[1-9]|1[0-2]|99)', category):
                raise ScriptError(f'{path}:{number}: not a category id: {category}')
            m = metadata(path, number, meta)
            transcript = {'call_id': call_id, 'language': 'zh', 'source': 'imported', 'segments': segments(path, lines)}
            with open(os.path.join(folder, 'transcripts', call_id + '.json'), 'w', encoding='utf-8') as f:
                json.dump(transcript, f, ensure_ascii=False, indent=1)
                f.write('\n')
            rows.append([call_id, ruleset, category, ' '.join(fatal_ids), ' '.join(nonfatal_ids),
                         m['direction'], m['hangup_by'], m['queue'], note, ' '.join(traps)])
    with open(os.path.join(folder, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(['call_id', 'ruleset', 'category', 'fatal', 'nonfatal', 'direction', 'hangup_by', 'queue', 'note', 'traps'])
        writer.writerows(rows)
    return len(rows)


def compile_examples(folder):
    rules = {}
    for path in sorted(glob.glob(os.path.join(folder, 'scripts', '*.dlg'))):
        for header, number, lines in blocks(path):
            m = re.fullmatch(r'([FN]\d\d)\s+([+-])\s+(.+)', header[0]) if len(header) == 2 else None
            if not m:
                raise ScriptError(f'{path}:{number}: expected "=== RULE +|- name | direction hangup_by queue"')
            rules.setdefault(m.group(1), []).append({
                'name': m.group(3), 'expect': m.group(2) == '+', 'metadata': metadata(path, number, header[1]),
                'segments': segments(path, lines)})
    for rule, examples in rules.items():
        with open(os.path.join(folder, rule + '.json'), 'w', encoding='utf-8') as f:
            json.dump({'rule': rule, 'examples': examples}, f, ensure_ascii=False, indent=1)
            f.write('\n')
    return sum(len(e) for e in rules.values())


def summary(folder):
    """Positives and traps per id, and calls per category, of one compiled set."""
    with open(os.path.join(folder, 'labels.csv'), encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    ids_all = [f'F0{i}' for i in range(1, 8)] + [f'N{i:02d}' for i in range(1, 13)]
    print(f'{len(rows)} calls in {folder}')
    print('id   positives traps')
    for i in ids_all:
        pos = sum(i in (r['fatal'] + ' ' + r['nonfatal']).split() for r in rows)
        trap = sum(i in r.get('traps', '').split() for r in rows)
        print(f'{i}  {pos:9d} {trap:5d}')
    cats = {}
    for r in rows:
        cats[r['category']] = cats.get(r['category'], 0) + 1
    print('categories:', ' '.join(f'{k}:{v}' for k, v in sorted(cats.items())))
    print('clean calls:', sum(not (r['fatal'] + r['nonfatal']).strip() for r in rows))


if __name__ == '__main__':
    if any(a in ('-h', '--help') for a in sys.argv[1:]) or (len(sys.argv) > 1 and sys.argv[1] != '--set'):
        print(__doc__)
        sys.exit(0 if any(a in ('-h', '--help') for a in sys.argv[1:]) else 2)
    if len(sys.argv) == 3 and sys.argv[1] == '--set':
        try:
            compile_eval(sys.argv[2])
        except ScriptError as e:
            sys.exit(str(e))
        summary(sys.argv[2])
        sys.exit(0)
    try:
        calls = compile_eval(os.path.join(ROOT, 'tests', 'eval'))
        for folder in sorted(glob.glob(os.path.join(ROOT, 'tests', 'eval', 'sets', '*'))):
            if glob.glob(os.path.join(folder, 'scripts', '*.dlg')):
                calls += compile_eval(folder)
        examples = compile_examples(os.path.join(ROOT, 'tests', 'rule-examples'))
    except ScriptError as e:
        sys.exit(str(e))
    print(f'{calls} evaluation calls, {examples} rule examples')
