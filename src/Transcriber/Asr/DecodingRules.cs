namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Whisper's logit rules for one decoding step, as openai/whisper decoding.py applies them: suppress blank and
/// listed tokens, and the timestamp rules (timestamps come in pairs, never go backwards, the first token is a
/// timestamp no later than <see cref="MaxInitialTimestamp"/>, and a timestamp is forced when timestamps as a
/// whole are more likely than any single text token). Logits are changed in place.
/// </summary>
public sealed class DecodingRules(WhisperTokenizer tokenizer, IReadOnlyCollection<int> suppressTokens, bool withTimestamps)
{
    /// <summary>The first timestamp may not be later than 1 s (whisper's max_initial_timestamp).</summary>
    public const double MaxInitialTimestamp = 1.0;

    private readonly int _eot = tokenizer.EndOfTextId;
    private readonly int _timestampBegin = tokenizer.TimestampBegin;
    private readonly int _noTimestamps = tokenizer.SpecialTokenId(WhisperTokenizer.NoTimestamps);
    private readonly int[] _blank = [.. tokenizer.Encode(" "), tokenizer.EndOfTextId];

    /// <param name="sampled">Tokens produced so far in this window, after the prompt and the start sequence.</param>
    public void Apply(Span<float> logits, IReadOnlyList<int> sampled)
    {
        if (sampled.Count == 0)
        {
            foreach (var token in _blank)
                logits[token] = float.NegativeInfinity; // never start with a blank or end at once
        }
        foreach (var token in suppressTokens)
        {
            if (token < logits.Length)
                logits[token] = float.NegativeInfinity;
        }
        if (!withTimestamps)
        {
            logits[_timestampBegin..].Fill(float.NegativeInfinity);
            return;
        }
        ApplyTimestampRules(logits, sampled);
    }

    private void ApplyTimestampRules(Span<float> logits, IReadOnlyList<int> sampled)
    {
        logits[_noTimestamps] = float.NegativeInfinity;

        var lastWasTimestamp = sampled.Count >= 1 && sampled[^1] >= _timestampBegin;
        var penultimateWasTimestamp = sampled.Count < 2 || sampled[^2] >= _timestampBegin;
        if (lastWasTimestamp)
        {
            if (penultimateWasTimestamp)
                logits[_timestampBegin..].Fill(float.NegativeInfinity); // a pair is complete: text must follow
            else
                logits[.._eot].Fill(float.NegativeInfinity);           // an opened segment must be closed (or end)
        }

        var lastTimestamp = -1;
        for (var i = sampled.Count - 1; i >= 0; i--)
        {
            if (sampled[i] >= _timestampBegin)
            {
                lastTimestamp = sampled[i];
                break;
            }
        }
        if (lastTimestamp >= 0)
        {
            // Timestamps never decrease; after a closing timestamp the next segment starts strictly later.
            var floor = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
            logits[_timestampBegin..Math.Min(floor, logits.Length)].Fill(float.NegativeInfinity);
        }

        if (sampled.Count == 0)
        {
            logits[.._timestampBegin].Fill(float.NegativeInfinity);
            var lastAllowed = _timestampBegin + (int)Math.Round(MaxInitialTimestamp / 0.02);
            if (lastAllowed + 1 < logits.Length)
                logits[(lastAllowed + 1)..].Fill(float.NegativeInfinity);
        }

        // If the timestamps together outweigh the best text token, sample a timestamp.
        var logProbs = LogSoftmax(logits);
        var timestampMass = LogSumExp(logProbs.AsSpan(_timestampBegin));
        var bestText = float.NegativeInfinity;
        foreach (var value in logProbs.AsSpan(0, _timestampBegin))
            bestText = Math.Max(bestText, value);
        if (timestampMass > bestText)
            logits[.._timestampBegin].Fill(float.NegativeInfinity);
    }

    public static float[] LogSoftmax(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var value in logits)
            max = Math.Max(max, value);
        double sum = 0;
        foreach (var value in logits)
            sum += Math.Exp(value - max);
        var logSum = max + (float)Math.Log(sum);
        var result = new float[logits.Length];
        for (var i = 0; i < logits.Length; i++)
            result[i] = logits[i] - logSum;
        return result;
    }

    private static float LogSumExp(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var value in values)
            max = Math.Max(max, value);
        if (float.IsNegativeInfinity(max))
            return max;
        double sum = 0;
        foreach (var value in values)
            sum += Math.Exp(value - max);
        return max + (float)Math.Log(sum);
    }
}
