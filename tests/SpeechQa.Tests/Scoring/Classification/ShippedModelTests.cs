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

    [Fact]
    public void A_rule_can_use_the_behaviour_labels_of_agent_sentences()
    {
        using var runtime = OrtRuntime.Load();
        using var classifier = CallClassifier.Load(runtime, Path.Combine(TestPaths.Repository, "models"), _tokens);
        var judge = SpeechQa.Scoring.Judging.CallJudge.ForRulesFolder(RulesFolder).WithClassifier(classifier);
        var rule = RuleSetOf("""
              - id: X01
                name: 模型判定辱骂
                severity: fatal
                conditions:
                  rude: { classifier: { label: rude, min_p: 0.5 }, speaker: agent }
                when: rude
            """);
        var calm = Call(('c', 0, 2, "你们这什么破服务"), ('a', 2, 4, "非常抱歉给您带来不便，我马上帮您处理"));
        var rude = Call(('c', 0, 2, "我的水费怎么这么多"), ('a', 2, 4, "你是不是听不懂人话啊，自己不会看账单吗"));
        static SpeechQa.Scoring.Rules.CallView Labelled(SpeechQa.Scoring.Rules.CallView v, CallClassifier c) =>
            new(new SpeechQa.Batch.Transcripts.Transcript("T", "zh", "imported", [.. v.Sentences]), v.Metadata, null, Words)
            { SentenceLabels = c.LabelSentences(v.Sentences, CancellationToken.None) };
        var engine = new SpeechQa.Scoring.Rules.RuleEngine();
        Assert.Empty(engine.Evaluate(rule, Labelled(calm, classifier)).Hits);
        var hit = Assert.Single(engine.Evaluate(rule, Labelled(rude, classifier)).Hits);
        Assert.Equal(1, hit.Segment);
        var judged = judge.Judge("water-hotline", new SpeechQa.Batch.Transcripts.Transcript("T", "zh", "imported", [.. rude.Sentences]),
            new SpeechQa.Scoring.Rules.CallMetadata { Direction = "inbound" });
        Assert.Equal("C01", judged.Categories[0].Id);
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
