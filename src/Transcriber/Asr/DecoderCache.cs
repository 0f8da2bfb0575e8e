using SpeechQa.OnnxRuntime;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// The decoder's key/value cache between steps: self-attention entries grow by one position per step; the
/// cross-attention entries are computed once, by the first step, and reused (the with-past branch returns
/// empty or unchanged ones, which are ignored).
/// </summary>
public sealed class DecoderCache
{
    private readonly Dictionary<string, OrtTensor> _past = new(StringComparer.Ordinal);

    internal DecoderCache(IReadOnlyDictionary<string, OrtTensor> firstOutputs, OrtTensor encoderOutput, int length)
    {
        EncoderOutput = encoderOutput;
        Length = length;
        foreach (var (name, value) in firstOutputs)
        {
            if (name.StartsWith("present.", StringComparison.Ordinal))
                _past["past_key_values." + name["present.".Length..]] = value;
        }
    }

    private DecoderCache(DecoderCache other)
    {
        EncoderOutput = other.EncoderOutput;
        Length = other.Length;
        _past = new Dictionary<string, OrtTensor>(other._past, StringComparer.Ordinal);
    }

    /// <summary>A copy for another beam: cached tensors are never changed in place, so sharing them is safe.</summary>
    public DecoderCache Clone() => new(this);

    public OrtTensor EncoderOutput { get; }

    /// <summary>Tokens seen so far (prompt + generated).</summary>
    public int Length { get; private set; }

    internal IReadOnlyDictionary<string, OrtTensor> Past => _past;

    internal void Advance(IReadOnlyDictionary<string, OrtTensor> outputs)
    {
        foreach (var (name, value) in outputs)
        {
            if (name.StartsWith("present.", StringComparison.Ordinal) && name.Contains(".decoder.", StringComparison.Ordinal))
                _past["past_key_values." + name["present.".Length..]] = value;
        }
        Length++;
    }
}
