namespace SpeechQa.Scoring.Classification;

/// <summary>
/// At prediction a speaker-conditioned model may only give the speaker's own labels: the others are set to 0 and
/// the rest renormalised. The speaker marker alone leaves some mass on the other side's labels (a customer's
/// 谢谢 looks like an agent's closing); the product never wants an agent act on a customer sentence.
/// </summary>
public sealed class SpeakerRestriction
{
    private readonly Dictionary<string, bool[]> _allowed;

    public SpeakerRestriction(IReadOnlyList<string> labels, IReadOnlyDictionary<string, IReadOnlyList<string>> speakerLabels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(speakerLabels);
        _allowed = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var (speaker, own) in speakerLabels)
            _allowed[speaker] = [.. labels.Select(l => own.Contains(l, StringComparer.Ordinal))];
    }

    public IReadOnlyCollection<string> Speakers => _allowed.Keys;

    /// <summary>The probabilities restricted to the speaker's labels and renormalised (a copy).</summary>
    public float[] Apply(ReadOnlySpan<float> probabilities, string speaker)
    {
        if (!_allowed.TryGetValue(speaker, out var allowed))
            throw new ArgumentException($"the model knows no speaker '{speaker}' (has: {string.Join(", ", _allowed.Keys)})", nameof(speaker));
        var result = new float[probabilities.Length];
        double sum = 0;
        for (var k = 0; k < result.Length; k++)
            sum += allowed[k] ? probabilities[k] : 0;
        for (var k = 0; k < result.Length; k++)
            result[k] = allowed[k] && sum > 0 ? (float)(probabilities[k] / sum) : 0;
        return result;
    }
}
