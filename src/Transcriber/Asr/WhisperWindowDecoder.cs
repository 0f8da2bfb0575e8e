using SpeechQa.OnnxRuntime;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Decodes one encoded window: the start sequence (optional previous-text prompt, &lt;|startoftranscript|&gt;,
/// language, task), then beam search at temperature 0 or sampling above it, with Whisper's logit rules on
/// every step. Reports the average log-probability and the no-speech probability for the fallback rules.
/// </summary>
public sealed class WhisperWindowDecoder(WhisperOnnxModel model, WhisperTokenizer tokenizer, WhisperOptions options)
{
    private readonly DecodingRules _rules = new(tokenizer, SuppressedTokens(model, tokenizer), options.Timestamps);
    private readonly int _noSpeech = NoSpeechToken(tokenizer);

    /// <param name="previous">Tokens to condition on (initial prompt and/or the text of earlier windows).</param>
    public WindowDecoding Decode(OrtTensor encoded, IReadOnlyList<int> previous, float temperature, Random random, CancellationToken cancellationToken)
    {
        var prompt = new List<int>();
        if (previous.Count > 0)
        {
            prompt.Add(tokenizer.SpecialTokenId("<|startofprev|>"));
            prompt.AddRange(previous.Skip(Math.Max(0, previous.Count - (model.Folder.MaxTargetPositions / 2 - 1))));
        }
        var sot = prompt.Count;
        prompt.Add(tokenizer.SpecialTokenId(WhisperTokenizer.StartOfTranscript));
        prompt.Add(tokenizer.LanguageTokenId(options.Language));
        prompt.Add(tokenizer.SpecialTokenId(WhisperTokenizer.Transcribe));
        if (!options.Timestamps)
            prompt.Add(tokenizer.SpecialTokenId(WhisperTokenizer.NoTimestamps));

        var (logits, cache) = model.Start(encoded, prompt, cancellationToken);
        var vocabulary = model.Folder.VocabularySize;
        var noSpeech = Math.Exp(DecodingRules.LogSoftmax(logits.AsSpan(sot * vocabulary, vocabulary))[_noSpeech]);
        var last = logits.AsSpan((prompt.Count - 1) * vocabulary, vocabulary).ToArray();
        var room = Math.Min(options.SampleLength, model.Folder.MaxTargetPositions - prompt.Count);

        var (tokens, sumLogProb) = temperature == 0 && options.BeamSize > 1
            ? BeamSearch(cache, last, room, cancellationToken)
            : Sample(cache, last, room, temperature, random, cancellationToken);
        var text = tokenizer.Decode(tokens);
        return new WindowDecoding(tokens, text, sumLogProb / (tokens.Count + 1), noSpeech, temperature);
    }

    private (List<int> Tokens, double SumLogProb) Sample(DecoderCache cache, float[] logits, int room, float temperature, Random random, CancellationToken cancellationToken)
    {
        var tokens = new List<int>();
        double sum = 0;
        for (var step = 0; step < room; step++)
        {
            _rules.Apply(logits, tokens);
            var logProbs = DecodingRules.LogSoftmax(logits);
            var token = temperature == 0 ? ArgMax(logProbs) : Draw(logits, temperature, random);
            sum += logProbs[token];
            if (token == tokenizer.EndOfTextId)
                break;
            tokens.Add(token);
            if (step + 1 < room)
                logits = model.Step(cache, token, cancellationToken);
        }
        return (tokens, sum);
    }

    private (List<int> Tokens, double SumLogProb) BeamSearch(DecoderCache cache, float[] logits, int room, CancellationToken cancellationToken)
    {
        var beam = options.BeamSize;
        var live = new List<(List<int> Tokens, double Score, DecoderCache Cache, float[] Logits)> { ([], 0, cache, logits) };
        var finished = new List<(List<int> Tokens, double Score)>();
        for (var step = 0; step < room && live.Count > 0 && finished.Count < beam; step++)
        {
            var candidates = new List<(int Parent, int Token, double Score)>();
            for (var h = 0; h < live.Count; h++)
            {
                var hypothesisLogits = (float[])live[h].Logits.Clone();
                _rules.Apply(hypothesisLogits, live[h].Tokens);
                var logProbs = DecodingRules.LogSoftmax(hypothesisLogits);
                foreach (var token in TopK(logProbs, beam + 1))
                    candidates.Add((h, token, live[h].Score + logProbs[token]));
            }
            var next = new List<(List<int>, double, DecoderCache, float[])>();
            foreach (var (parent, token, score) in candidates.OrderByDescending(c => c.Score))
            {
                if (token == tokenizer.EndOfTextId)
                {
                    if (finished.Count < beam)
                        finished.Add((live[parent].Tokens, score));
                    continue;
                }
                if (next.Count == beam)
                    continue;
                var childCache = live[parent].Cache.Clone();
                var childLogits = step + 1 < room ? model.Step(childCache, token, cancellationToken) : live[parent].Logits;
                next.Add(([.. live[parent].Tokens, token], score, childCache, childLogits));
            }
            live = next;
        }
        // Whisper ranks finished hypotheses by log-probability per token (no length penalty set).
        var pool = finished.Count > 0 ? finished : live.Select(l => (l.Tokens, l.Score)).ToList();
        return pool.OrderByDescending(f => f.Score / Math.Max(1, f.Tokens.Count)).First();
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }

    /// <summary>The k best finite entries, best first, in one pass (this runs per beam per step over the whole vocabulary).</summary>
    private static List<int> TopK(float[] values, int k)
    {
        var best = new List<int>(k + 1);
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsNegativeInfinity(values[i]) || (best.Count == k && values[i] <= values[best[^1]]))
                continue;
            var at = best.Count;
            while (at > 0 && values[best[at - 1]] < values[i])
                at--;
            best.Insert(at, i);
            if (best.Count > k)
                best.RemoveAt(k);
        }
        return best;
    }

    private static int Draw(float[] logits, float temperature, Random random)
    {
        var scaled = logits.Select(l => l / temperature).ToArray();
        var probabilities = DecodingRules.LogSoftmax(scaled).Select(l => Math.Exp(l)).ToArray();
        var target = random.NextDouble();
        double cumulative = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (cumulative >= target)
                return i;
        }
        return ArgMax(logits);
    }

    /// <summary>generation_config's suppress_tokens plus the task and control tokens that are never sampled.</summary>
    private static int[] SuppressedTokens(WhisperOnnxModel model, WhisperTokenizer tokenizer) =>
        [.. model.Folder.SuppressTokens, .. ControlTokens.Select(tokenizer.SpecialTokenId), NoSpeechToken(tokenizer)];

    private static readonly string[] ControlTokens = ["<|translate|>", "<|transcribe|>", "<|startoftranscript|>", "<|startofprev|>", "<|startoflm|>"];

    private static int NoSpeechToken(WhisperTokenizer tokenizer)
    {
        try
        {
            return tokenizer.SpecialTokenId("<|nospeech|>");
        }
        catch (KeyNotFoundException)
        {
            return tokenizer.SpecialTokenId("<|nocaptions|>"); // the pre-v3 name in Hugging Face exports
        }
    }
}
