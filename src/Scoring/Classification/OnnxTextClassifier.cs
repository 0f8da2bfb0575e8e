using System.Text.Json;
using SpeechQa.OnnxRuntime;
using SpeechQa.OnnxRuntime.Format;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// A text classifier model (written by <see cref="TextClassifierOnnx"/>) scored through ONNX Runtime. Texts are mapped
/// to token ids with the model's own vocabulary (metadata), padded with 0 and scored in batches.
/// </summary>
public sealed class OnnxTextClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly Dictionary<string, long> _tokenIds;
    private readonly ClassifierTokens _tokens;

    private OnnxTextClassifier(InferenceSession session, string kind, IReadOnlyList<string> labels, IReadOnlyList<string> vocabulary, ClassifierTokens tokens)
    {
        _session = session;
        Kind = kind;
        Labels = labels;
        _tokens = tokens;
        _tokenIds = new Dictionary<string, long>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 1; i < vocabulary.Count; i++)
            _tokenIds[vocabulary[i]] = i;
    }

    public string Kind { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Loads and checks a model file; a corrupt file or one that is not a SpeechQa text classifier gives <see cref="ClassifierModelException"/>.</summary>
    public static OnnxTextClassifier Load(OrtRuntime runtime, string path, ClassifierTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new ClassifierModelException($"{path}: cannot read the model file: {e.Message}", e);
        }
        OnnxModelFile file;
        try
        {
            file = OnnxModelFile.Read(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new ClassifierModelException($"{path}: not an ONNX model file ({e.Message})", e);
        }
        string Meta(string key) => file.Metadata.TryGetValue(key, out var v) ? v
            : throw new ClassifierModelException($"{path}: not a SpeechQa text classifier (metadata '{key}' is missing)");
        var featurizer = Meta(TextClassifierOnnx.FeaturizerKey);
        if (featurizer != TextClassifierOnnx.FeaturizerVersion)
            throw new ClassifierModelException($"{path}: made for featurizer '{featurizer}', this version computes '{TextClassifierOnnx.FeaturizerVersion}': retrain it");
        var labels = JsonSerializer.Deserialize<List<string>>(Meta(TextClassifierOnnx.LabelsKey)) ?? [];
        var vocabulary = JsonSerializer.Deserialize<List<string>>(Meta(TextClassifierOnnx.TokensKey)) ?? [];
        InferenceSession session;
        try
        {
            session = runtime.OpenSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ClassifierModelException($"{path}: ONNX Runtime rejected the model: {e.Message}", e);
        }
        var output = session.Outputs.FirstOrDefault(o => o.Name == TextClassifierOnnx.OutputName);
        if (session.Inputs.Count != 1 || session.Inputs[0].Name != TextClassifierOnnx.InputName || output is null
            || output.Shape.Count != 2 || output.Shape[1] != labels.Count)
        {
            session.Dispose();
            throw new ClassifierModelException($"{path}: the graph does not match its metadata (expected input '{TextClassifierOnnx.InputName}' and output '{TextClassifierOnnx.OutputName}' with {labels.Count} classes)");
        }
        return new OnnxTextClassifier(session, Meta(TextClassifierOnnx.KindKey), labels, vocabulary, tokens);
    }

    /// <summary>Probabilities per text (rows in the order of <see cref="Labels"/>).</summary>
    public float[][] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
            return [];
        var encoded = texts.Select(Encode).ToList();
        var length = Math.Max(1, encoded.Max(e => e.Length));
        var ids = new long[texts.Count * length];
        for (var i = 0; i < encoded.Count; i++)
            encoded[i].CopyTo(ids, i * length);
        var outputs = _session.Run(new Dictionary<string, OrtTensor> { [TextClassifierOnnx.InputName] = OrtTensor.Int64(ids, texts.Count, length) },
            [TextClassifierOnnx.OutputName], cancellationToken);
        var probabilities = outputs[TextClassifierOnnx.OutputName].As<float>();
        var classes = Labels.Count;
        return [.. Enumerable.Range(0, texts.Count).Select(i => probabilities.AsSpan(i * classes, classes).ToArray())];
    }

    private long[] Encode(string text) =>
        TextFeatureSpace.Encode(_tokens.Words(text), ClassifierTokens.Characters(text), t => _tokenIds.GetValueOrDefault(t));

    public void Dispose() => _session.Dispose();
}
