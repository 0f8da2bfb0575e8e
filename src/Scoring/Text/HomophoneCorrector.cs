using System.Collections.Frozen;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// Puts back hotline words that speech recognition wrote with same-sounding characters (接替 for 阶梯, 互号 for 户号,
/// 公作日 for 工作日): tones are lost on 8 kHz phone audio and Whisper picks a more common character. A window of text is
/// replaced by a domain term when every character has the term character's usual toneless reading, at least one character
/// is already right, and the window is not a word of its own (合适 stays 合适 although it sounds like 核实). Replacements keep the text's length, so rule
/// evidence offsets still point into the transcript as stored.
/// </summary>
public sealed class HomophoneCorrector
{
    // Each known hanzi's usual reading as a small integer (a rare reading — 没 mò, 期 jī — would turn 没水 into 冒水 and
    // 采暖季 into 采暖期), so that a text is compared as an int array: this runs on every sentence of every call.
    private readonly FrozenDictionary<char, int> _reading;
    private readonly DomainTerm[][] _termsByFirstReading;
    private readonly WordSegmenter _segmenter;

    private HomophoneCorrector(Dictionary<char, string[]> readings, IEnumerable<string> terms, WordSegmenter segmenter)
    {
        _segmenter = segmenter;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _reading = readings.ToFrozenDictionary(r => r.Key, r => ids.TryGetValue(r.Value[0], out var id) ? id : ids[r.Value[0]] = ids.Count);
        var known = terms.Where(t => t.Length >= 2 && t.All(_reading.ContainsKey)).Distinct(StringComparer.Ordinal).ToList();
        _termsByFirstReading = new DomainTerm[ids.Count][];
        // Longest first, so 一个工作日 wins over 工作日 at the same place.
        foreach (var group in known.Select(t => new DomainTerm(t, [.. t.Select(c => _reading[c])])).GroupBy(t => t.Readings[0]))
            _termsByFirstReading[group.Key] = [.. group.OrderByDescending(t => t.Text.Length)];
    }

    /// <summary>
    /// A corrector from a pinyin table (<c>字&lt;TAB&gt;reading reading…</c>, # comments) and the domain's vocabulary:
    /// the hotline dictionary's words and the recognition hotwords (each line's space-separated terms).
    /// </summary>
    public static HomophoneCorrector Load(string pinyinTable, IEnumerable<string> vocabularyFiles, WordSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        var readings = new Dictionary<char, string[]>();
        foreach (var row in TwoColumnTable.Read(pinyinTable, "应为“字<TAB>拼音” expected 'hanzi<TAB>readings'"))
        {
            if (row.Key.Length != 1)
                throw new FormatException($"{pinyinTable}:{row.Line}: 应为“字<TAB>拼音” expected 'hanzi<TAB>readings', got '{row.Key}'");
            readings[row.Key[0]] = row.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        var terms = vocabularyFiles.Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0 && l[0] != '#')
            .SelectMany(VocabularyTerms);
        return new HomophoneCorrector(readings, terms, segmenter);
    }

    // hotline.txt lines are "词 频率 词性" (the word only); hotword lines are groups of words.
    private static IEnumerable<string> VocabularyTerms(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && fields.Skip(1).Any(f => f.All(char.IsAsciiLetterOrDigit)) ? [fields[0]] : fields;
    }

    /// <summary>The transcript with each segment corrected (the same object when nothing changed).</summary>
    public Transcript Correct(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var changed = false;
        var segments = new List<TranscriptSegment>(transcript.Segments.Count);
        foreach (var segment in transcript.Segments)
        {
            var text = Correct(segment.Text);
            changed |= !ReferenceEquals(text, segment.Text);
            segments.Add(ReferenceEquals(text, segment.Text) ? segment : segment with { Text = text });
        }
        return changed ? transcript with { Segments = segments } : transcript;
    }

    /// <summary>The text with misheard domain terms put back (the same string when nothing changed).</summary>
    public string Correct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2)
            return text;
        var heard = text.Length <= 256 ? stackalloc int[text.Length] : new int[text.Length];
        for (var k = 0; k < text.Length; k++)
            heard[k] = _reading.TryGetValue(text[k], out var id) ? id : -1;
        char[]? corrected = null;
        HashSet<int>? boundaries = null;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (heard[i] < 0 || _termsByFirstReading[heard[i]] is not { } candidates)
                continue;
            DomainTerm? term = null;
            foreach (var candidate in candidates)
            {
                if (i + candidate.Text.Length <= text.Length && SoundsLike(text.AsSpan(i, candidate.Text.Length), heard.Slice(i, candidate.Text.Length), candidate))
                {
                    term = candidate;
                    break;
                }
            }
            if (term is null)
                continue;
            var window = text.AsSpan(i, term.Text.Length);
            // A real word (合适, 小事) is what was said; a window that cuts through a word is not a word at all.
            if (!window.SequenceEqual(term.Text) && _segmenter.Frequency(window) is not > 0)
            {
                boundaries ??= WordBoundaries(text);
                if (boundaries.Contains(i) && boundaries.Contains(i + term.Text.Length))
                {
                    corrected ??= text.ToCharArray();
                    term.Text.CopyTo(corrected.AsSpan(i));
                }
            }
            i += term.Text.Length - 1;
        }
        return corrected is null ? text : new string(corrected);
    }

    private static bool SoundsLike(ReadOnlySpan<char> window, ReadOnlySpan<int> heard, DomainTerm term)
    {
        // Recognition gets one character of a word wrong, rarely all: 是问 is not 室温, 里灌 is not 立管.
        var same = false;
        for (var k = 0; k < window.Length; k++)
        {
            if (heard[k] != term.Readings[k])
                return false;
            same |= window[k] == term.Text[k];
        }
        return same;
    }

    // Dictionary words only (no HMM), so characters jieba does not know stay single and never hide a boundary.
    private HashSet<int> WordBoundaries(string text)
    {
        var boundaries = new HashSet<int> { 0 };
        var position = 0;
        foreach (var word in _segmenter.Cut(text, SegmentationMode.Precise, hmm: false))
        {
            position += word.Length;
            boundaries.Add(position);
        }
        return boundaries;
    }

    private sealed record DomainTerm(string Text, int[] Readings);
}
