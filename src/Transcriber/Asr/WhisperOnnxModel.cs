using SpeechQa.OnnxRuntime;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Runs a Whisper export through ONNX Runtime: the encoder once per 30 s window, then the decoder step by step
/// with its key/value cache. Supports optimum's merged decoder (an If on use_cache_branch) and the older pair
/// decoder_model + decoder_with_past_model. Input names are read from the sessions, not assumed (some exports
/// add cache_position). Batch size 1. A step fetches only the logits and the growing self-attention cache: the
/// cross-attention entries (most of the cache, tens of MB for small) stay where the first step put them.
/// </summary>
public sealed class WhisperOnnxModel : IDisposable
{
    private readonly InferenceSession _encoder;
    private readonly InferenceSession _firstStep;
    private readonly InferenceSession _nextStep;
    private readonly bool _merged;
    private readonly int _heads;
    private readonly int _headDim;
    private readonly string[] _stepOutputs;

    public WhisperOnnxModel(OrtRuntime runtime, WhisperModelFolder folder, SessionSettings? settings = null)
    {
        Folder = folder;
        _encoder = runtime.OpenSession(folder.EncoderFile, settings);
        if (folder.MergedDecoderFile is { } merged)
        {
            _firstStep = _nextStep = runtime.OpenSession(merged, settings);
            _merged = true;
        }
        else
        {
            _firstStep = runtime.OpenSession(folder.DecoderFile!, settings);
            _nextStep = runtime.OpenSession(folder.DecoderWithPastFile!, settings);
        }
        _heads = folder.DecoderHeads;
        _headDim = folder.ModelDimension / folder.DecoderHeads;
        _stepOutputs = [.. _nextStep.Outputs.Select(o => o.Name)
            .Where(name => name == "logits" || (name.StartsWith("present.", StringComparison.Ordinal) && name.Contains(".decoder.", StringComparison.Ordinal)))];
    }

    public WhisperModelFolder Folder { get; }

    /// <summary>Encoder output for one window of features [mels × 3000].</summary>
    public OrtTensor Encode(float[] features, CancellationToken cancellationToken)
    {
        var input = OrtTensor.Float(features, 1, Folder.MelBins, LogMelSpectrogram.Frames);
        return _encoder.Run(new Dictionary<string, OrtTensor> { [_encoder.Inputs[0].Name] = input }, null, cancellationToken)
            .Values.First();
    }

    /// <summary>Feeds the whole prompt; returns the logits of every prompt position [S × vocab] and the cache.</summary>
    public (float[] Logits, DecoderCache Cache) Start(OrtTensor encoderOutput, IReadOnlyList<int> prompt, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, OrtTensor>
        {
            ["input_ids"] = OrtTensor.Int64([.. prompt.Select(t => (long)t)], 1, prompt.Count),
            ["encoder_hidden_states"] = encoderOutput,
        };
        if (_merged)
        {
            // optimum: the no-past branch ignores the past inputs, but they must be bound (dummy length 1).
            foreach (var past in _firstStep.Inputs.Where(i => i.Name.StartsWith("past_key_values.", StringComparison.Ordinal)))
                inputs[past.Name] = OrtTensor.Float(new float[_heads * _headDim], 1, _heads, 1, _headDim);
            inputs["use_cache_branch"] = OrtTensor.Bool([false], 1);
        }
        AddCachePosition(_firstStep, inputs, 0, prompt.Count);
        var outputs = _firstStep.Run(Bound(_firstStep, inputs), null, cancellationToken);
        return (outputs["logits"].As<float>(), new DecoderCache(outputs, encoderOutput, prompt.Count));
    }

    /// <summary>Feeds one more token; returns its logits [vocab] and advances the cache.</summary>
    public float[] Step(DecoderCache cache, int token, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, OrtTensor> { ["input_ids"] = OrtTensor.Int64([token], 1, 1) };
        foreach (var (name, value) in cache.Past)
            inputs[name] = value;
        if (_merged)
        {
            inputs["encoder_hidden_states"] = cache.EncoderOutput;
            inputs["use_cache_branch"] = OrtTensor.Bool([true], 1);
        }
        AddCachePosition(_nextStep, inputs, cache.Length, 1);
        var outputs = _nextStep.Run(Bound(_nextStep, inputs), _stepOutputs, cancellationToken);
        cache.Advance(outputs);
        return outputs["logits"].As<float>();
    }

    private static void AddCachePosition(InferenceSession session, Dictionary<string, OrtTensor> inputs, int from, int count)
    {
        if (session.Inputs.Any(i => i.Name == "cache_position"))
            inputs["cache_position"] = OrtTensor.Int64([.. Enumerable.Range(from, count).Select(p => (long)p)], count);
    }

    /// <summary>Only what the session declares (the separate decoder has no use_cache_branch or past inputs).</summary>
    private static Dictionary<string, OrtTensor> Bound(InferenceSession session, Dictionary<string, OrtTensor> inputs) =>
        session.Inputs.ToDictionary(i => i.Name, i => inputs.TryGetValue(i.Name, out var value)
            ? value
            : throw new InvalidOperationException($"The Whisper decoder needs an input '{i.Name}' this runner does not know how to fill"));

    public void Dispose()
    {
        _encoder.Dispose();
        _firstStep.Dispose();
        if (!_merged)
            _nextStep.Dispose();
    }
}
