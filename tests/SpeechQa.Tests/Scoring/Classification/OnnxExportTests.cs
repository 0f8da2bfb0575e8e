using SpeechQa.OnnxRuntime;
using SpeechQa.Scoring.Classification;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>The exported graph: python3-onnx's checker accepts it and ONNX Runtime computes the trainer's probabilities.</summary>
public sealed class OnnxExportTests : IDisposable
{
    private static readonly LabelledText[] Toy =
    [
        new("water", "我家停水了什么时候来水"), new("water", "今天怎么没水了"), new("water", "小区停水到几点"),
        new("water", "没水了是不是停水"), new("bill", "这个月水费怎么这么多"), new("bill", "水费账单不对"),
        new("bill", "我想查一下水费"), new("bill", "水费交了没有"), new("heat", "暖气不热室温太低"),
        new("heat", "暖气片冰凉的"), new("heat", "家里暖气不热"), new("heat", "室温只有十几度暖气不热"),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("speechqa-clf-").FullName;
    private readonly ClassifierTokens _tokens = new(Words);

    [Fact]
    public void Checker_accepts_the_file_and_onnx_runtime_matches_the_trainer()
    {
        var model = new TextClassifierTrainer(_tokens) { MinDocuments = 1 }.Train("toy", Toy);
        var path = Path.Combine(_folder, "toy.onnx");
        File.WriteAllBytes(path, TextClassifierOnnx.Export(model));
        Tool.Run("/usr/bin/python3", "-c", "import onnx,sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)", path);

        using var runtime = OrtRuntime.Load();
        using var onnx = OnnxTextClassifier.Load(runtime, path, _tokens);
        Assert.Equal(model.Labels, onnx.Labels);
        string[] texts = ["停水了", "水费太贵了吧我家这个月", "暖气还是不热", "", "完全无关的句子abc"];
        var scored = onnx.Predict(texts, CancellationToken.None);
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = model.Predict(_tokens, texts[i]);
            for (var k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(expected[k] - scored[i][k]) < 1e-5, $"'{texts[i]}' {model.Labels[k]}: trainer {expected[k]}, ONNX Runtime {scored[i][k]}");
        }
        Assert.Equal("water", model.Best(model.Predict(_tokens, "停水了")));
        Assert.Equal("heat", model.Best(model.Predict(_tokens, "暖气还是不热")));
    }

    [Fact]
    public void A_corrupt_or_foreign_model_file_gives_a_clear_error()
    {
        using var runtime = OrtRuntime.Load();
        var corrupt = Path.Combine(_folder, "corrupt.onnx");
        File.WriteAllBytes(corrupt, [0x0A, 0xFF, 0xFF, 0x01, 0x02]);
        var e = Assert.Throws<ClassifierModelException>(() => OnnxTextClassifier.Load(runtime, corrupt, _tokens));
        Assert.Contains("not an ONNX model", e.Message, StringComparison.Ordinal);

        var foreign = Path.Combine(_folder, "foreign.onnx");
        File.WriteAllBytes(foreign, new SpeechQa.OnnxRuntime.Format.OnnxModelBuilder("g")
            .Input("x", TensorElementType.Float, 1).Output("y", TensorElementType.Float, 1).Node("Identity", ["x"], ["y"]).Build());
        e = Assert.Throws<ClassifierModelException>(() => OnnxTextClassifier.Load(runtime, foreign, _tokens));
        Assert.Contains("not a SpeechQa text classifier", e.Message, StringComparison.Ordinal);

        var truncated = Path.Combine(_folder, "truncated.onnx");
        var model = new TextClassifierTrainer(_tokens) { MinDocuments = 1 }.Train("toy", Toy);
        var bytes = TextClassifierOnnx.Export(model);
        File.WriteAllBytes(truncated, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        e = Assert.Throws<ClassifierModelException>(() => OnnxTextClassifier.Load(runtime, truncated, _tokens));
        Assert.Contains(truncated, e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
