namespace SpeechQa.Scoring.Classification;

/// <summary>Trains a <see cref="TextClassifier"/>: tokenise, build the feature space, fit the softmax regression with balanced class weights.</summary>
public sealed class TextClassifierTrainer(ClassifierTokens tokens)
{
    public double L2 { get; init; } = 1e-4;

    public int MinDocuments { get; init; } = 2;

    public int MaxFeatures { get; init; } = 60_000;

    public TextClassifier Train(string kind, IReadOnlyList<LabelledText> examples)
    {
        var labels = TrainingLabels.Of(examples);
        var tokenised = examples.Select(e => (tokens.Words(e.Text), ClassifierTokens.Characters(e.Text))).ToList();
        var space = TextFeatureSpace.Build(tokenised, MinDocuments, MaxFeatures);
        var x = tokenised.Select(t => space.Vectorize(space.Encode(t.Item1, t.Item2))).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var y = examples.Select(e => index[e.Label]).ToList();
        var classWeights = SoftmaxRegression.BalancedClassWeights(y, labels.Count);
        var regression = new SoftmaxRegression { L2 = L2 };
        var (weights, bias, _) = regression.Fit(x, y, labels.Count, space.Dimension, [.. y.Select(c => classWeights[c])]);
        return new TextClassifier(kind, space, labels, weights, bias);
    }

    /// <summary>Stratified k-fold cross-validation (groups kept together), shuffled by <paramref name="seed"/>.</summary>
    public ClassificationReport CrossValidate(string kind, IReadOnlyList<LabelledText> examples, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var fold = AssignFolds(examples, folds, seed);
        var actual = new List<string>();
        var predicted = new List<string>();
        for (var f = 0; f < folds; f++)
        {
            var train = examples.Where((_, i) => fold[i] != f).ToList();
            var test = examples.Where((_, i) => fold[i] == f).ToList();
            if (test.Count == 0)
                continue;
            var model = Train(kind, train);
            foreach (var e in test)
            {
                actual.Add(e.Label);
                predicted.Add(model.Best(model.Predict(tokens, e.Text)));
            }
        }
        return ClassificationReport.Of(actual, predicted);
    }

    /// <summary>Each group (or example) goes to a fold; within each label the groups are dealt round-robin after a seeded shuffle.</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabelledText> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[examples.Count];
        var groups = examples.Select((e, i) => (Key: e.Group ?? $"#{i}", e.Label, Index: i))
            .GroupBy(g => (g.Label, g.Key)).ToList();
        foreach (var byLabel in groups.GroupBy(g => g.Key.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shuffled = byLabel.OrderBy(g => g.Key.Key, StringComparer.Ordinal).ToArray();
            random.Shuffle(shuffled);
            for (var k = 0; k < shuffled.Length; k++)
            {
                foreach (var member in shuffled[k])
                    fold[member.Index] = k % folds;
            }
        }
        return fold;
    }
}
