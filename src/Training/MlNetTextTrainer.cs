using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SpeechQa.Scoring.Classification;

namespace SpeechQa.Training;

/// <summary>
/// Trains a text classifier with ML.NET on the project's own features: the <see cref="TextFeatureSpace"/>
/// (jieba words 1–2, characters 1–3, TF-IDF, L2) feeds an ML.NET maximum-entropy trainer with balanced class
/// weights; the learned weights go into the project's ONNX graph (<see cref="TextClassifierOnnx"/>), which ONNX
/// Runtime scores. One thread and a fixed seed: retraining gives the same bytes.
/// </summary>
public sealed class MlNetTextTrainer(ClassifierTokens tokens)
{
    public LinearTrainer Trainer { get; init; } = LinearTrainer.Lbfgs;

    public const float DefaultL2 = 0.2f;

    /// <summary>L2 strength on ML.NET's summed (not averaged) weighted log-loss.</summary>
    public float L2 { get; init; } = DefaultL2;

    public int MinDocuments { get; init; } = 2;

    public int MaxFeatures { get; init; } = 60_000;

    /// <summary>
    /// The feature budget the shipped models are trained with: the models' dense TF-IDF × weights product is most of
    /// their scoring time, and on the held-out and dev sets these budgets lose nothing that matters while the rules bench
    /// reaches 500 calls/s per core with both models (docs/classifier.md has the figures).
    /// </summary>
    public static int ShippedMaxFeatures(string kind) => kind == "acts" ? 3_000 : 8_000;

    public int Seed { get; init; } = 7;

    public MlNetTextModel Train(string kind, IReadOnlyList<LabelledText> examples)
    {
        var setup = Setup(examples);
        var ml = new MLContext(Seed);
        var data = setup.Load(ml, examples);
        var fitted = Pipeline(ml, setup.Labels.Count).Fit(data);
        var features = (TextFeaturesTransformer)fitted.First();
        var linear = fitted.LastTransformer.Model;
        VBuffer<float>[] perClass = [];
        linear.GetWeights(ref perClass, out var classes);
        var dimension = features.Space.Dimension;
        // ML.NET keeps one weight vector per class; the ONNX MatMul wants [feature, class].
        var weights = new float[dimension * classes];
        for (var k = 0; k < classes; k++)
        {
            foreach (var (index, value) in perClass[k].Items())
                weights[index * classes + k] = value;
        }
        var classifier = new TextClassifier(kind, features.Space, setup.Labels, weights, [.. linear.GetBiases()]) { SpeakerLabels = setup.SpeakerLabels };
        return new MlNetTextModel(classifier, ml, fitted, setup.Labels.Count);
    }

    /// <summary>ML.NET's k-fold cross-validation, the example's group as sampling key (a group is held out whole).</summary>
    public CrossValidationReport CrossValidate(IReadOnlyList<LabelledText> examples, int folds)
    {
        var setup = Setup(examples);
        var ml = new MLContext(Seed);
        var results = ml.MulticlassClassification.CrossValidate(setup.Load(ml, examples), Pipeline(ml, setup.Labels.Count), folds,
            labelColumnName: nameof(ExampleRow.Label), samplingKeyColumnName: nameof(ExampleRow.Group), seed: Seed);
        return CrossValidationReport.Of(ml, results, setup.Labels, setup.SpeakerLabels);
    }

    private EstimatorChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Pipeline(MLContext ml, int classes)
    {
        var features = new TextFeaturesEstimator(ml, tokens, classes, MinDocuments, MaxFeatures);
        IEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> trainer = Trainer switch
        {
            LinearTrainer.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(ExampleRow.Label), FeatureColumnName = nameof(FeatureRow.Features), ExampleWeightColumnName = nameof(FeatureRow.Weight),
                L2Regularization = L2, NumberOfThreads = 1,
            }),
            _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(ExampleRow.Label), FeatureColumnName = nameof(FeatureRow.Features), ExampleWeightColumnName = nameof(FeatureRow.Weight),
                L2Regularization = L2, L1Regularization = 0, NumberOfThreads = 1, HistorySize = 10, OptimizationTolerance = 1e-7f,
            }),
        };
        return features.Append(trainer);
    }

    private static TrainingSetup Setup(IReadOnlyList<LabelledText> examples)
    {
        var labels = TrainingLabels.Of(examples);
        var withSpeaker = examples.Count(e => e.Speaker is not null);
        if (withSpeaker != 0 && withSpeaker != examples.Count)
            throw new ArgumentException($"{withSpeaker} of {examples.Count} examples have a speaker: all or none must", nameof(examples));
        IReadOnlyDictionary<string, IReadOnlyList<string>>? speakerLabels = withSpeaker == 0 ? null
            : examples.GroupBy(e => e.Speaker!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        return new TrainingSetup(labels, speakerLabels);
    }

    private sealed record TrainingSetup(IReadOnlyList<string> Labels, IReadOnlyDictionary<string, IReadOnlyList<string>>? SpeakerLabels)
    {
        public IDataView Load(MLContext ml, IReadOnlyList<LabelledText> examples)
        {
            // In a loaded class a key field holds the 0-based index: ML.NET stores it as key index + 1 (0 = missing).
            var key = Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => (uint)p.i, StringComparer.Ordinal);
            var rows = examples.Select((e, i) => new ExampleRow { Label = key[e.Label], Text = e.Text, Speaker = e.Speaker ?? "", Group = e.Group ?? $"#{i}" }).ToList();
            return ml.Data.LoadFromEnumerable(rows, ExampleRow.Schema(Labels.Count));
        }
    }
}
