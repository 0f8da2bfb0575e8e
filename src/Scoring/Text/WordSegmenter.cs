using System.Buffers;
using System.Text;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// The jieba algorithm (0.42.1): text split into blocks by re_han_default, each block cut along the
/// maximum-probability route through the dictionary's DAG, runs of unknown single characters handed to the HMM;
/// search and full modes on top. Output is token for token what Python jieba gives (see docs/segmentation.md for
/// the measured agreement and every known difference). Immutable and thread-safe; user words make a new instance
/// (<see cref="WithUserDictionary(string)"/>, <see cref="WithWord"/>).
/// </summary>
public sealed class WordSegmenter
{
    private readonly PrefixDictionary _dictionary;
    private readonly UnknownWordHmm _hmm;
    private readonly UserWordOverlay? _overlay;
    private readonly double _logTotal;

    public WordSegmenter(JiebaModel model)
        : this(model, null)
    {
    }

    private WordSegmenter(JiebaModel model, UserWordOverlay? overlay)
    {
        Model = model;
        _dictionary = model.Dictionary;
        _hmm = model.Hmm;
        _overlay = overlay;
        Total = overlay?.Total ?? _dictionary.Total;
        _logTotal = Math.Log(Total);
    }

    public JiebaModel Model { get; }

    /// <summary>Σ frequencies, grown by every user word (jieba's <c>total</c>).</summary>
    public long Total { get; }

    // ---- public API -------------------------------------------------------------------------------------------

    public List<string> Cut(string text, SegmentationMode mode = SegmentationMode.Precise, bool hmm = true)
    {
        var spans = new List<WordSpan>();
        Cut(text, spans, mode, hmm);
        var words = new List<string>(spans.Count);
        foreach (var span in spans)
            words.Add(span.Of(text));
        return words;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> as slices of it (no strings allocated).</summary>
    public void Cut(ReadOnlySpan<char> text, List<WordSpan> output, SegmentationMode mode = SegmentationMode.Precise, bool hmm = true)
    {
        var scratch = new Scratch();
        try
        {
            if (mode == SegmentationMode.Search)
            {
                var words = new List<WordSpan>();
                CutPrecise(text, words, hmm, scratch);
                AddSearchGrams(text, words, output);
            }
            else if (mode == SegmentationMode.Full)
            {
                CutFull(text, output);
            }
            else
            {
                CutPrecise(text, output, hmm, scratch);
            }
        }
        finally
        {
            scratch.Return();
        }
    }

    /// <summary>The frequency of a word or prefix (0 for a bare prefix), or null when jieba's FREQ lacks it.</summary>
    public long? Frequency(ReadOnlySpan<char> word)
    {
        var node = Find(word);
        return node == PrefixDictionary.None ? null : FrequencyOf(node);
    }

    /// <summary>The part-of-speech tag the dictionary (or a user dictionary) gives the word, if any.</summary>
    public string? TagOf(ReadOnlySpan<char> word)
    {
        var node = Find(word);
        if (node == PrefixDictionary.None)
            return null;
        return _overlay?.Tag(node) ?? (node < _dictionary.NodeCount ? _dictionary.Tag(node) : null);
    }

    /// <summary>jieba's <c>suggest_freq(word)</c>: the frequency that makes the string one word (without HMM).</summary>
    public long SuggestFrequency(string word)
    {
        double total = Total;
        double frequency = 1;
        foreach (var segment in Cut(word, SegmentationMode.Precise, hmm: false))
            frequency *= (Frequency(segment) ?? 1) / total;
        return Math.Max((long)(frequency * Total) + 1, Frequency(word) ?? 1);
    }

    /// <summary>jieba's <c>suggest_freq((a, b, …))</c>: the frequency that makes the joined string split so.</summary>
    public long SuggestFrequency(IReadOnlyList<string> segments)
    {
        double total = Total;
        double frequency = 1;
        foreach (var segment in segments)
            frequency *= (Frequency(segment) ?? 1) / total;
        return Math.Min((long)(frequency * Total), Frequency(string.Concat(segments)) ?? 0);
    }

    /// <summary>A segmenter with one more word (jieba's <c>add_word</c>; frequency null = suggested, 0 = deleted).</summary>
    public WordSegmenter WithWord(string word, long? frequency = null, string? tag = null) =>
        WithWords([new UserWord(word, frequency, tag)]);

    /// <summary>A segmenter with these words added in order, each as jieba's <c>add_word</c> would.</summary>
    public WordSegmenter WithWords(IEnumerable<UserWord> words)
    {
        var next = new WordSegmenter(Model, _overlay is null ? new UserWordOverlay(_dictionary) : new UserWordOverlay(_overlay));
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word.Word))
                throw new ArgumentException("用户词不能为空 a user word cannot be empty", nameof(words));
            // Each suggestion sees the words added before it, as in Python; the instance is not shared until returned.
            var frequency = word.Frequency ?? new WordSegmenter(Model, next._overlay).SuggestFrequency(word.Word);
            next._overlay!.Add(word.Word, frequency, word.Tag, next.Child);
        }
        return new WordSegmenter(Model, next._overlay);
    }

    /// <summary>A segmenter with a user dictionary in jieba's format (<c>word [freq] [tag]</c> per line, UTF-8).</summary>
    public WordSegmenter WithUserDictionary(string path) => WithWords(UserDictionaryFile.Read(path));

    // ---- dictionary access ------------------------------------------------------------------------------------

    private int Child(int node, char c)
    {
        if (_overlay is null)
            return _dictionary.Child(node, c);
        if (node < _dictionary.NodeCount)
        {
            var child = _dictionary.Child(node, c);
            if (child != PrefixDictionary.None)
                return child;
        }
        return _overlay.Child(node, c);
    }

    private long FrequencyOf(int node)
    {
        if (_overlay is not null && _overlay.TryGetFrequency(node, out var frequency))
            return frequency;
        return _dictionary.Frequency(node);
    }

    private double LogFrequencyOf(int node)
    {
        if (_overlay is not null && _overlay.TryGetFrequency(node, out var frequency))
            return frequency > 0 ? Math.Log(frequency) : 0.0;
        return _dictionary.LogFrequency(node);
    }

    private int Find(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return PrefixDictionary.None;
        var node = PrefixDictionary.Root;
        foreach (var c in text)
        {
            node = Child(node, c);
            if (node == PrefixDictionary.None)
                return node;
        }
        return node;
    }

    /// <summary>Python's <c>FREQ.get(s)</c> is truthy: a word with a positive frequency.</summary>
    private bool IsWord(ReadOnlySpan<char> text)
    {
        var node = Find(text);
        return node != PrefixDictionary.None && FrequencyOf(node) > 0;
    }

    // ---- precise mode -----------------------------------------------------------------------------------------

    /// <summary><c>cut(s, HMM)</c>: blocks of re_han_default are cut; other text is split by re_skip_default.</summary>
    private void CutPrecise(ReadOnlySpan<char> text, List<WordSpan> output, bool hmm, Scratch scratch)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (TextBlocks.IsBlockChar(text[i]))
            {
                while (i < text.Length && TextBlocks.IsBlockChar(text[i]))
                    i++;
                CutBlock(text[start..i], start, output, hmm, scratch);
                continue;
            }
            // Outside the blocks: "\r\n" and each whitespace character whole, every other character on its own.
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i += 2;
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i += 2; // one code point, as Python iterates
            else
                i++;
            output.Add(new WordSpan(start, i - start));
        }
    }

    private void CutBlock(ReadOnlySpan<char> block, int offset, List<WordSpan> output, bool hmm, Scratch scratch)
    {
        var n = block.Length;
        var route = scratch.Route(n);
        var score = scratch.Score(n + 1);
        CalculateRoute(block, route, score);
        if (hmm)
            WalkWithHmm(block, offset, route, output, scratch);
        else
            WalkWithoutHmm(block, offset, route, output);
    }

    /// <summary>
    /// <c>get_DAG</c> and <c>calc</c> in one right-to-left pass: for each start, the end of the best word, scoring
    /// log(freq or 1) − log(total) + route[end + 1] with ties to the longer word, as Python's tuple max.
    /// </summary>
    private void CalculateRoute(ReadOnlySpan<char> block, Span<int> route, Span<double> score)
    {
        var n = block.Length;
        var logTotal = _logTotal;
        score[n] = 0;
        for (var k = n - 1; k >= 0; k--)
        {
            var best = 0.0 - logTotal + score[k + 1]; // no word at k: DAG[k] = [k], frequency "or 1"
            var bestEnd = k;
            var found = false;
            var node = PrefixDictionary.Root;
            for (var i = k; i < n; i++)
            {
                node = Child(node, block[i]);
                if (node == PrefixDictionary.None)
                    break;
                if (FrequencyOf(node) <= 0)
                    continue;
                var candidate = LogFrequencyOf(node) - logTotal + score[i + 1];
                if (!found || candidate >= best)
                {
                    best = candidate;
                    bestEnd = i;
                    found = true;
                }
            }
            score[k] = best;
            route[k] = bestEnd;
        }
    }

    /// <summary><c>__cut_DAG</c>: runs of single characters that are not one known word go to the HMM.</summary>
    private void WalkWithHmm(ReadOnlySpan<char> block, int offset, Span<int> route, List<WordSpan> output, Scratch scratch)
    {
        var bufferStart = -1;
        var x = 0;
        while (x < block.Length)
        {
            var y = route[x] + 1;
            if (y - x == 1)
            {
                if (bufferStart < 0)
                    bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0)
                {
                    FlushSingles(block, bufferStart, x, offset, output, scratch);
                    bufferStart = -1;
                }
                output.Add(new WordSpan(offset + x, y - x));
            }
            x = y;
        }
        if (bufferStart >= 0)
            FlushSingles(block, bufferStart, block.Length, offset, output, scratch);
    }

    private void FlushSingles(ReadOnlySpan<char> block, int start, int end, int offset, List<WordSpan> output, Scratch scratch)
    {
        var buffer = block[start..end];
        if (buffer.Length == 1)
        {
            output.Add(new WordSpan(offset + start, 1));
        }
        else if (!IsWord(buffer))
        {
            CutUnknown(buffer, offset + start, output, scratch);
        }
        else
        {
            for (var i = start; i < end; i++)
                output.Add(new WordSpan(offset + i, 1));
        }
    }

    /// <summary>finalseg.cut: han runs through Viterbi, the rest split by its re_skip.</summary>
    private void CutUnknown(ReadOnlySpan<char> text, int offset, List<WordSpan> output, Scratch scratch)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (TextBlocks.IsHan(text[i]))
            {
                while (i < text.Length && TextBlocks.IsHan(text[i]))
                    i++;
                Viterbi(text[start..i], offset + start, output, scratch);
                continue;
            }
            var match = TextBlocks.MatchSkip(text, i);
            if (match > 0)
            {
                output.Add(new WordSpan(offset + i, match));
                i += match;
                continue;
            }
            // Text between re_skip matches stays whole.
            while (i < text.Length && !TextBlocks.IsHan(text[i]) && TextBlocks.MatchSkip(text, i) == 0)
                i++;
            output.Add(new WordSpan(offset + start, i - start));
        }
    }

    private void Viterbi(ReadOnlySpan<char> run, int offset, List<WordSpan> output, Scratch scratch)
    {
        var n = run.Length;
        var states = scratch.States(n);
        _hmm.Decode(run, states, scratch.Viterbi(n * 4), scratch.Back(n * 4));
        int begin = 0, next = 0;
        for (var i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case UnknownWordHmm.B:
                    begin = i;
                    break;
                case UnknownWordHmm.E:
                    Emit(run, offset, begin, i + 1, output);
                    next = i + 1;
                    break;
                case UnknownWordHmm.S:
                    Emit(run, offset, i, i + 1, output);
                    next = i + 1;
                    break;
            }
        }
        if (next < n)
            Emit(run, offset, next, n, output);
    }

    /// <summary>An HMM word; words deleted by the user (frequency 0) are split into characters.</summary>
    private void Emit(ReadOnlySpan<char> run, int offset, int start, int end, List<WordSpan> output)
    {
        if (_overlay is { ForceSplit.Count: > 0 } && end - start > 1 && _overlay.ForceSplit.Contains(run[start..end].ToString()))
        {
            for (var i = start; i < end; i++)
                output.Add(new WordSpan(offset + i, 1));
            return;
        }
        output.Add(new WordSpan(offset + start, end - start));
    }

    /// <summary><c>__cut_DAG_NO_HMM</c>: the route as is, consecutive single ASCII letters and digits merged.</summary>
    private static void WalkWithoutHmm(ReadOnlySpan<char> block, int offset, Span<int> route, List<WordSpan> output)
    {
        var englishStart = -1;
        var x = 0;
        while (x < block.Length)
        {
            var y = route[x] + 1;
            if (y - x == 1 && TextBlocks.IsEnglish(block[x]))
            {
                if (englishStart < 0)
                    englishStart = x;
            }
            else
            {
                if (englishStart >= 0)
                {
                    output.Add(new WordSpan(offset + englishStart, x - englishStart));
                    englishStart = -1;
                }
                output.Add(new WordSpan(offset + x, y - x));
            }
            x = y;
        }
        if (englishStart >= 0)
            output.Add(new WordSpan(offset + englishStart, block.Length - englishStart));
    }

    // ---- search and full modes --------------------------------------------------------------------------------

    /// <summary><c>cut_for_search</c>: before each word longer than 2 (3), its dictionary 2-grams (3-grams).</summary>
    private void AddSearchGrams(ReadOnlySpan<char> text, List<WordSpan> words, List<WordSpan> output)
    {
        foreach (var word in words)
        {
            if (word.Length > 2)
            {
                for (var i = word.Start; i + 2 <= word.End; i++)
                {
                    if (IsWord(text.Slice(i, 2)))
                        output.Add(new WordSpan(i, 2));
                }
            }
            if (word.Length > 3)
            {
                for (var i = word.Start; i + 3 <= word.End; i++)
                {
                    if (IsWord(text.Slice(i, 3)))
                        output.Add(new WordSpan(i, 3));
                }
            }
            output.Add(word);
        }
    }

    /// <summary><c>cut(s, cut_all=True)</c>. Unlike Python, it never yields the empty strings re.split leaves around whitespace.</summary>
    private void CutFull(ReadOnlySpan<char> text, List<WordSpan> output)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (TextBlocks.IsBlockChar(text[i]))
            {
                while (i < text.Length && TextBlocks.IsBlockChar(text[i]))
                    i++;
                CutAllBlock(text[start..i], start, output);
                continue;
            }
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i += 2;
            else if (TextBlocks.IsPythonSpace(text[i]))
                i++;
            else
            {
                // In full mode a run between whitespace stays one piece.
                while (i < text.Length && !TextBlocks.IsBlockChar(text[i]) && !TextBlocks.IsPythonSpace(text[i]))
                    i++;
            }
            output.Add(new WordSpan(start, i - start));
        }
    }

    /// <summary><c>__cut_all</c>: every DAG edge longer than one character, single characters no word covers,
    /// runs of ASCII letters and digits merged.</summary>
    private void CutAllBlock(ReadOnlySpan<char> block, int offset, List<WordSpan> output)
    {
        var ends = new List<int>();
        var oldEnd = -1;
        var englishStart = -1;
        var englishEnd = -1;
        for (var k = 0; k < block.Length; k++)
        {
            ends.Clear();
            var node = PrefixDictionary.Root;
            for (var i = k; i < block.Length; i++)
            {
                node = Child(node, block[i]);
                if (node == PrefixDictionary.None)
                    break;
                if (FrequencyOf(node) > 0)
                    ends.Add(i);
            }
            if (ends.Count == 0)
                ends.Add(k);
            if (englishStart >= 0 && !TextBlocks.IsEnglish(block[k]))
            {
                output.Add(new WordSpan(offset + englishStart, englishEnd - englishStart));
                englishStart = -1;
            }
            if (ends.Count == 1 && k > oldEnd)
            {
                var end = ends[0] + 1;
                if (TextBlocks.IsEnglish(block[k]))
                {
                    if (englishStart < 0)
                        englishStart = k;
                    englishEnd = end; // eng_buf += word: the words are contiguous here
                }
                if (englishStart < 0)
                    output.Add(new WordSpan(offset + k, end - k));
                oldEnd = ends[0];
            }
            else
            {
                foreach (var j in ends)
                {
                    if (j > k)
                    {
                        output.Add(new WordSpan(offset + k, j + 1 - k));
                        oldEnd = j;
                    }
                }
            }
        }
        if (englishStart >= 0)
            output.Add(new WordSpan(offset + englishStart, englishEnd - englishStart));
    }

    /// <summary>Pooled working arrays of one call.</summary>
    private sealed class Scratch
    {
        private int[]? _route;
        private double[]? _score;
        private double[]? _viterbi;
        private byte[]? _back;
        private byte[]? _states;

        public Span<int> Route(int n) => Rent(ref _route, n);

        public Span<double> Score(int n) => Rent(ref _score, n);

        public Span<double> Viterbi(int n) => Rent(ref _viterbi, n);

        public Span<byte> Back(int n) => Rent(ref _back, n);

        public Span<byte> States(int n) => Rent(ref _states, n);

        private static Span<T> Rent<T>(ref T[]? array, int n)
        {
            if (array is null || array.Length < n)
            {
                if (array is not null)
                    ArrayPool<T>.Shared.Return(array);
                array = ArrayPool<T>.Shared.Rent(Math.Max(n, 256));
            }
            return array.AsSpan(0, n);
        }

        public void Return()
        {
            if (_route is not null) ArrayPool<int>.Shared.Return(_route);
            if (_score is not null) ArrayPool<double>.Shared.Return(_score);
            if (_viterbi is not null) ArrayPool<double>.Shared.Return(_viterbi);
            if (_back is not null) ArrayPool<byte>.Shared.Return(_back);
            if (_states is not null) ArrayPool<byte>.Shared.Return(_states);
        }
    }
}
