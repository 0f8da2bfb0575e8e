namespace SpeechQa.Scoring.Text;

/// <summary>
/// jieba's finalseg: a B/M/E/S hidden Markov model that finds words the dictionary does not know, decoded with
/// Viterbi exactly as finalseg/__init__.py does it (same log-probabilities, same −3.14e100 for what the model
/// never saw, same tie-breaking by state letter), so its splits match Python's bit for bit.
/// </summary>
public sealed class UnknownWordHmm
{
    /// <summary>finalseg's MIN_FLOAT.</summary>
    public const double MinFloat = -3.14e100;

    /// <summary>Characters finalseg hands to Viterbi (its re_han): U+4E00–U+9FD5.</summary>
    public const char FirstHan = '\u4E00', LastHan = '\u9FD5';

    // States in finalseg's order 'BMES'.
    internal const int B = 0, M = 1, E = 2, S = 3;
    private static readonly char[] StateLetters = ['B', 'M', 'E', 'S'];

    private readonly double[] _start = new double[4];
    private readonly double[,] _transition = new double[4, 4];
    private readonly double[][] _emission; // state -> (c - FirstHan)

    private UnknownWordHmm()
    {
        _emission = new double[4][];
        for (var s = 0; s < 4; s++)
        {
            _emission[s] = new double[LastHan - FirstHan + 1];
            Array.Fill(_emission[s], MinFloat);
        }
        for (var a = 0; a < 4; a++)
        {
            for (var b = 0; b < 4; b++)
                _transition[a, b] = MinFloat;
        }
    }

    /// <summary>
    /// jieba's start probabilities (finalseg/prob_start.py; jieba.NET keeps them in code rather than a file): a word
    /// starts (B) or is a single character (S), never in its middle or end.
    /// </summary>
    private static readonly Dictionary<string, object> PublishedStart = new(StringComparer.Ordinal)
    {
        ["B"] = -0.26268660809250016, ["E"] = -3.14e+100, ["M"] = -3.14e+100, ["S"] = -1.4652633398537678,
    };

    public static UnknownWordHmm Load(JiebaDataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var model = new UnknownWordHmm();
        var python = folder.Layout == JiebaDataLayout.PythonPackage;
        var start = folder.StartProbabilities is { } startFile ? PythonDictLiteral.ReadFile(startFile) : PublishedStart;
        var transition = python ? PythonDictLiteral.ReadFile(folder.TransitionProbabilities) : JsonProbabilities.ReadFile(folder.TransitionProbabilities);
        var emission = python ? PythonDictLiteral.ReadFile(folder.EmissionProbabilities) : JsonProbabilities.ReadFile(folder.EmissionProbabilities);
        for (var s = 0; s < 4; s++)
        {
            var letter = StateLetters[s].ToString();
            model._start[s] = start.TryGetValue(letter, out var p) ? (double)p
                : throw new JiebaDataException($"jieba 模型文件格式错误 {folder.StartProbabilities}: no state '{letter}'");
            if (transition.GetValueOrDefault(letter) is Dictionary<string, object> row)
            {
                foreach (var (to, value) in row)
                    model._transition[s, Array.IndexOf(StateLetters, to[0])] = (double)value;
            }
            if (emission.GetValueOrDefault(letter) is not Dictionary<string, object> emit)
                throw new JiebaDataException($"jieba 模型文件格式错误 {folder.EmissionProbabilities}: no state '{letter}'");
            foreach (var (ch, value) in emit)
            {
                if (ch.Length == 1 && ch[0] is >= FirstHan and <= LastHan)
                    model._emission[s][ch[0] - FirstHan] = (double)value;
            }
        }
        return model;
    }

    /// <summary>Viterbi over a run of U+4E00–U+9FD5 characters: the state of each.</summary>
    internal void Decode(ReadOnlySpan<char> run, Span<byte> states, Span<double> scratch, Span<byte> back)
    {
        var n = run.Length;
        // scratch: n×4 scores; back: n×4 previous states.
        var c0 = run[0] - FirstHan;
        for (var y = 0; y < 4; y++)
            scratch[y] = _start[y] + _emission[y][c0];
        for (var t = 1; t < n; t++)
        {
            var c = run[t] - FirstHan;
            var prev = scratch.Slice((t - 1) * 4, 4);
            var here = scratch.Slice(t * 4, 4);
            var from = back.Slice(t * 4, 4);
            // PrevStatus = {'B':'ES', 'M':'MB', 'S':'SE', 'E':'BM'}; on equal scores Python's tuple max takes the later letter.
            Best(prev, E, S, B, _emission[B][c], out here[B], out from[B]);
            Best(prev, M, B, M, _emission[M][c], out here[M], out from[M]);
            Best(prev, S, E, S, _emission[S][c], out here[S], out from[S]);
            Best(prev, B, M, E, _emission[E][c], out here[E], out from[E]);
        }
        var last = scratch.Slice((n - 1) * 4, 4);
        var state = last[S] >= last[E] ? S : E; // max over 'ES': ties go to 'S'
        for (var t = n - 1; t >= 0; t--)
        {
            states[t] = (byte)state;
            if (t > 0)
                state = back[t * 4 + state];
        }
    }

    private void Best(ReadOnlySpan<double> prev, int first, int second, int to, double emission, out double score, out byte from)
    {
        var a = prev[first] + _transition[first, to] + emission;
        var b = prev[second] + _transition[second, to] + emission;
        var later = StateLetters[first] > StateLetters[second] ? first : second;
        if (a > b || (a == b && later == first))
        {
            score = a;
            from = (byte)first;
        }
        else
        {
            score = b;
            from = (byte)second;
        }
    }
}
