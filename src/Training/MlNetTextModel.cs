using Microsoft.ML;
using SpeechQa.Scoring.Classification;

namespace SpeechQa.Training;

/// <summary>
/// A model trained by <see cref="MlNetTextTrainer"/>: the classifier to export as ONNX, and ML.NET's own fitted
/// pipeline, whose prediction engine is the reference the exported file is checked against.
/// </summary>
public sealed class MlNetTextModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _pipeline;
    private readonly int _classes;

    internal MlNetTextModel(TextClassifier classifier, MLContext ml, ITransformer pipeline, int classes)
    {
        Classifier = classifier;
        _ml = ml;
        _pipeline = pipeline;
        _classes = classes;
    }

    public TextClassifier Classifier { get; }

    /// <summary>ML.NET's probabilities over all labels (no speaker restriction), one text at a time through its prediction engine.</summary>
    public IReadOnlyList<float[]> PredictWithMlNet(IReadOnlyList<(string Text, string? Speaker)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        using var engine = _ml.Model.CreatePredictionEngine<ExampleRow, ScoreRow>(_pipeline, inputSchemaDefinition: ExampleRow.Schema(_classes));
        return [.. texts.Select(t => engine.Predict(new ExampleRow { Text = t.Text, Speaker = t.Speaker ?? "" }).Score)];
    }
}
