using System.Text.Json;
using SpeechQa.Scoring.Classification.OnnxFormat;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Exports a <see cref="TextClassifier"/> as a standard ONNX graph: token ids (int64 [batch, length], 0 = separator
/// or padding) → TfIdfVectorizer (word 1–2-grams, character 1–3-grams, IDF weights) → L2 normalisation →
/// MatMul + Add → Softmax → probabilities [batch, classes]. Labels and the token vocabulary travel as metadata.
/// </summary>
public static class TextClassifierOnnx
{
    public const string InputName = "token_ids";
    public const string OutputName = "probabilities";
    public const string FeaturizerVersion = "speechqa-text/1 (jieba words 1-2, characters 1-3, tf-idf, l2)";

    internal const string KindKey = "speechqa.kind";
    internal const string LabelsKey = "speechqa.labels";
    internal const string TokensKey = "speechqa.tokens";
    internal const string FeaturizerKey = "speechqa.featurizer";
    internal const string SpeakersKey = "speechqa.speakers";

    public static byte[] Export(TextClassifier model, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var space = model.Features;
        var grams = space.NGrams;
        var counts = new long[3];
        foreach (var g in grams)
            counts[g.Length - 1]++;
        var builder = new OnnxModelBuilder("speechqa_text_classifier") { DocString = description ?? $"SpeechQa {model.Kind} classifier" }
            .Input(InputName, TensorElementType.Int64, "batch", "length")
            .Output(OutputName, TensorElementType.Float, "batch", model.Labels.Count)
            .Initializer("weights", model.Weights, space.Dimension, model.Labels.Count)
            .Initializer("bias", model.Bias, model.Labels.Count)
            .Initializer("norm_floor", [(float)TextFeatureSpace.NormFloor], 1)
            .Node("TfIdfVectorizer", [InputName], ["tf_idf"],
                OnnxAttribute.Of("mode", "TFIDF"),
                OnnxAttribute.Of("min_gram_length", 1L),
                OnnxAttribute.Of("max_gram_length", (long)TextFeatureSpace.MaxCharGram),
                OnnxAttribute.Of("max_skip_count", 0L),
                OnnxAttribute.Of("ngram_counts", [0L, counts[0], counts[0] + 2 * counts[1]]),
                OnnxAttribute.Of("ngram_indexes", [.. Enumerable.Range(0, grams.Count).Select(i => (long)i)]),
                OnnxAttribute.Of("pool_int64s", [.. grams.SelectMany(g => g)]),
                OnnxAttribute.Of("weights", space.Idf))
            .Initializer("feature_axis", [1L], 1)
            .Node("Mul", ["tf_idf", "tf_idf"], ["squares"])
            .Node("ReduceSum", ["squares", "feature_axis"], ["square_sum"], OnnxAttribute.Of("keepdims", 1L))
            .Node("Sqrt", ["square_sum"], ["norm"])
            .Node("Max", ["norm", "norm_floor"], ["denominator"])
            .Node("MatMul", ["tf_idf", "weights"], ["unscaled"])
            .Node("Div", ["unscaled", "denominator"], ["linear"])
            .Node("Add", ["linear", "bias"], ["logits"])
            .Node("Softmax", ["logits"], [OutputName], OnnxAttribute.Of("axis", 1L))
            .Metadata(KindKey, model.Kind)
            .Metadata(LabelsKey, JsonSerializer.Serialize(model.Labels))
            .Metadata(TokensKey, JsonSerializer.Serialize(space.Tokens))
            .Metadata(FeaturizerKey, FeaturizerVersion);
        if (model.SpeakerLabels is { } speakers)
            builder.Metadata(SpeakersKey, JsonSerializer.Serialize(speakers));
        return builder.Build();
    }
}
