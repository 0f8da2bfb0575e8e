using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// A text classifier model (written by <see cref="TextClassifierOnnx"/>) scored through Microsoft's ONNX Runtime
/// package. Texts are mapped to token ids with the model's own vocabulary (metadata), padded with 0 and scored in
/// batches. A speaker-conditioned model (the dialogue acts) also reads each text's speaker: the marker token goes
/// in, and only the speaker's own labels come out (<see cref="SpeakerRestriction"/>).
/// </summary>
public sealed class OnnxTextClassifier : IDisposable
{
    private static readonly string[] InputNames = [TextClassifierOnnx.InputName];
    private static readonly string[] OutputNames = [TextClassifierOnnx.OutputName];

    private readonly InferenceSession _session;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _tokenIdsBySpan;
    private readonly ClassifierTokens _tokens;
    private readonly SpeakerRestriction? _speakers;

    private OnnxTextClassifier(InferenceSession session, string kind, IReadOnlyList<string> labels, IReadOnlyList<string> vocabulary,
        ClassifierTokens tokens, SpeakerRestriction? speakers)
    {
        _session = session;
        Kind = kind;
        Labels = labels;
        _tokens = tokens;
        _speakers = speakers;
        var tokenIds = new Dictionary<string, long>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 1; i < vocabulary.Count; i++)
            tokenIds[vocabulary[i]] = i;
        _tokenIdsBySpan = tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Kind { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Whether <see cref="Predict(IReadOnlyList{string}, IReadOnlyList{string}, CancellationToken)"/> needs each text's speaker.</summary>
    public bool IsSpeakerConditioned => _speakers is not null;

    /// <summary>Loads and checks a model file; a corrupt file or one that is not a SpeechQa text classifier gives <see cref="ClassifierModelException"/>.</summary>
    public static OnnxTextClassifier Load(string path, ClassifierTokens tokens)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new ClassifierModelException($"{path}: cannot read the model file: {e.Message}", e);
        }
        InferenceSession session;
        // One thread per run: the pipeline scores calls on several workers at once, and a small linear model gains
        // nothing from splitting one batch across cores.
        using (var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL })
        {
            try
            {
                session = new InferenceSession(bytes, options);
            }
            catch (OnnxRuntimeException e)
            {
                throw new ClassifierModelException($"{path}: not an ONNX model file ONNX Runtime can load ({e.Message})", e);
            }
        }
        try
        {
            return Open(path, session, tokens);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static OnnxTextClassifier Open(string path, InferenceSession session, ClassifierTokens tokens)
    {
        var metadata = session.ModelMetadata.CustomMetadataMap;
        string Meta(string key) => metadata.TryGetValue(key, out var v) ? v
            : throw new ClassifierModelException($"{path}: not a SpeechQa text classifier (metadata '{key}' is missing)");
        var featurizer = Meta(TextClassifierOnnx.FeaturizerKey);
        if (featurizer != TextClassifierOnnx.FeaturizerVersion)
            throw new ClassifierModelException($"{path}: made for featurizer '{featurizer}', this version computes '{TextClassifierOnnx.FeaturizerVersion}': retrain it");
        var labels = JsonSerializer.Deserialize<List<string>>(Meta(TextClassifierOnnx.LabelsKey)) ?? [];
        var vocabulary = JsonSerializer.Deserialize<List<string>>(Meta(TextClassifierOnnx.TokensKey)) ?? [];
        SpeakerRestriction? speakers = null;
        if (metadata.TryGetValue(TextClassifierOnnx.SpeakersKey, out var speakerJson))
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(speakerJson) ?? [];
            speakers = new SpeakerRestriction(labels, map.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
        }
        if (session.InputMetadata.Count != 1 || !session.InputMetadata.ContainsKey(TextClassifierOnnx.InputName)
            || !session.OutputMetadata.TryGetValue(TextClassifierOnnx.OutputName, out var output)
            || output.Dimensions.Length != 2 || output.Dimensions[1] != labels.Count)
            throw new ClassifierModelException($"{path}: the graph does not match its metadata (expected input '{TextClassifierOnnx.InputName}' and output '{TextClassifierOnnx.OutputName}' with {labels.Count} classes)");
        return new OnnxTextClassifier(session, Meta(TextClassifierOnnx.KindKey), labels, vocabulary, tokens, speakers);
    }

    /// <summary>Probabilities per text (rows in the order of <see cref="Labels"/>) of a model without speaker input.</summary>
    public float[][] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (_speakers is not null)
            throw new InvalidOperationException($"the {Kind} model labels utterances of a speaker: pass each text's speaker");
        return Score([.. texts.Select(t => Encode([t], null, null))], cancellationToken);
    }

    /// <summary>
    /// Probabilities of one text made of several (a call's turns) read as if joined by 。, with the words of each taken
    /// from <paramref name="words"/> where it has them (<see cref="ClassifierTokens.Ids(IReadOnlyList{string}, string?, Dictionary{string, long}.AlternateLookup{ReadOnlySpan{char}}, SegmentationMemo?)"/>).
    /// </summary>
    public float[] PredictJoined(IReadOnlyList<string> joined, SegmentationMemo? words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(joined);
        if (_speakers is not null)
            throw new InvalidOperationException($"the {Kind} model labels utterances of a speaker: pass each text's speaker");
        return Score([Encode(joined, null, words)], cancellationToken)[0];
    }

    /// <summary>
    /// Probabilities per text of a speaker-conditioned model, restricted to each speaker's labels and renormalised
    /// (<paramref name="restrict"/> false: the raw model output over all labels, as the trainer computes it).
    /// </summary>
    public float[][] Predict(IReadOnlyList<string> texts, IReadOnlyList<string> speakers, CancellationToken cancellationToken, bool restrict = true,
        SegmentationMemo? words = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(speakers);
        if (_speakers is null)
            throw new InvalidOperationException($"the {Kind} model has no speaker input");
        if (speakers.Count != texts.Count)
            throw new ArgumentException($"{texts.Count} texts but {speakers.Count} speakers", nameof(speakers));
        var raw = Score([.. texts.Select((t, i) => Encode([t], speakers[i], words))], cancellationToken);
        return restrict ? [.. raw.Select((p, i) => _speakers.Apply(p, speakers[i]))] : raw;
    }

    private float[][] Score(List<long[]> encoded, CancellationToken cancellationToken)
    {
        if (encoded.Count == 0)
            return [];
        var length = Math.Max(1, encoded.Max(e => e.Length));
        var ids = new long[encoded.Count * length];
        for (var i = 0; i < encoded.Count; i++)
            encoded[i].CopyTo(ids, i * length);
        using var input = OrtValue.CreateTensorValueFromMemory(ids, [encoded.Count, length]);
        using var runOptions = new RunOptions();
        // ONNX Runtime checks the terminate flag between nodes: a cancelled call stops the run instead of finishing it.
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, InputNames, [input], OutputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        using (outputs)
        {
            var probabilities = outputs[0].GetTensorDataAsSpan<float>();
            var classes = Labels.Count;
            var result = new float[encoded.Count][];
            for (var i = 0; i < result.Length; i++)
                result[i] = probabilities.Slice(i * classes, classes).ToArray();
            return result;
        }
    }

    private long[] Encode(IReadOnlyList<string> texts, string? speaker, SegmentationMemo? words) =>
        WithoutRepeatedUnknowns(_tokens.Ids(texts, speaker, _tokenIdsBySpan, words));

    /// <summary>
    /// The ids with each run of 0 (unknown tokens, the word/character separator) cut to one 0 and none at either end.
    /// No n-gram of the model's pool holds a 0, so the counts are the same; the batch gets shorter (most characters
    /// and many words of a sentence are not in a small model's vocabulary) and ONNX Runtime reads less padding.
    /// </summary>
    internal static long[] WithoutRepeatedUnknowns(long[] ids)
    {
        var kept = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] != 0 || (kept > 0 && ids[kept - 1] != 0))
                ids[kept++] = ids[i];
        }
        if (kept > 0 && ids[kept - 1] == 0)
            kept--;
        return kept == ids.Length ? ids : ids[..kept];
    }

    public void Dispose() => _session.Dispose();
}
