namespace SpeechQa.Scoring.Classification;

/// <summary>
/// A trained text classifier: feature space, labels and the linear layer (weights <c>[feature * classes + class]</c>).
/// <see cref="Predict"/> is the trainer's own scoring; the exported ONNX model computes the same probabilities.
/// </summary>
public sealed class TextClassifier(string kind, TextFeatureSpace features, IReadOnlyList<string> labels, float[] weights, float[] bias)
{
    /// <summary>What the model labels ("category", "acts").</summary>
    public string Kind { get; } = kind;

    public TextFeatureSpace Features { get; } = features;

    public IReadOnlyList<string> Labels { get; } = labels;

    public float[] Weights { get; } = weights;

    public float[] Bias { get; } = bias;

    /// <summary>For a speaker-conditioned model: the labels each speaker may get (null: the model has no speaker input).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? SpeakerLabels { get; init; }

    /// <summary>Unrestricted probabilities over all labels (the raw model output; see <see cref="SpeakerRestriction"/>).</summary>
    public double[] Predict(ClassifierTokens tokens, string text, string? speaker = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var (words, chars) = tokens.Of(text, speaker);
        return Predict(Features.Vectorize(Features.Encode(words, chars)));
    }

    public double[] Predict(SparseVector v)
    {
        var classes = Labels.Count;
        var scores = new double[classes];
        for (var k = 0; k < classes; k++)
            scores[k] = Bias[k];
        for (var j = 0; j < v.Indices.Length; j++)
        {
            var row = v.Indices[j] * classes;
            for (var k = 0; k < classes; k++)
                scores[k] += Weights[row + k] * v.Values[j];
        }
        var max = scores.Max();
        double sum = 0;
        for (var k = 0; k < classes; k++)
            sum += scores[k] = Math.Exp(scores[k] - max);
        for (var k = 0; k < classes; k++)
            scores[k] /= sum;
        return scores;
    }

    public string Best(double[] probabilities) => Labels[Array.IndexOf(probabilities, probabilities.Max())];
}
