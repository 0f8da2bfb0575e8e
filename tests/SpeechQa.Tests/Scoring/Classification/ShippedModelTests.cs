using SpeechQa.OnnxRuntime;
using SpeechQa.Scoring.Classification;
using SpeechQa.Tests.Infrastructure;
using Xunit.Abstractions;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>
/// The two models in models/ on the hand-written held-out sets in tests/classifier/ (never used for training),
/// scored through ONNX Runtime; and retraining from models/data/ reproduces the shipped files byte for byte.
/// </summary>
public sealed class ShippedModelTests(ITestOutputHelper output)
{
    private readonly ClassifierTokens _tokens = new(Words);

    [Theory]
    [InlineData("category", 0.90)]
    [InlineData("behaviour", 0.85)]
    public void Held_out_macro_f1_meets_the_bar(string kind, double bar)
    {
        var examples = TrainingDataFile.Read(Path.Combine(TestPaths.Repository, "tests/classifier", kind + "-heldout.tsv"));
        using var runtime = OrtRuntime.Load();
        using var model = OnnxTextClassifier.Load(runtime, Path.Combine(TestPaths.Repository, "models", kind + ".onnx"), _tokens);
        Assert.Equal(kind, model.Kind);
        var probabilities = model.Predict([.. examples.Select(e => e.Text)], CancellationToken.None);
        var report = ClassificationReport.Of([.. examples.Select(e => e.Label)], [.. probabilities.Select(p => model.Labels[Array.IndexOf(p, p.Max())])]);
        output.WriteLine(report.ToMarkdown());
        Assert.True(report.MacroF1 >= bar, $"{kind}: held-out macro-F1 {report.MacroF1:0.000} < {bar}");
        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 4));
    }

    [Theory]
    [InlineData("category")]
    [InlineData("behaviour")]
    public void Retraining_from_the_repository_data_reproduces_the_shipped_model(string kind)
    {
        var data = Path.Combine(TestPaths.Repository, "models/data", kind + ".tsv");
        var model = new TextClassifierTrainer(_tokens).Train(kind, TrainingDataFile.Read(data));
        var bytes = TextClassifierOnnx.Export(model, $"SpeechQa {kind} classifier trained on {kind}.tsv");
        Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(TestPaths.Repository, "models", kind + ".onnx"))),
            $"models/{kind}.onnx is not what models/data/{kind}.tsv trains: run `speechqa model train models/data/{kind}.tsv --kind {kind} --out models/{kind}.onnx`");
    }
}
