using SpeechQa.Scoring.Classification.OnnxFormat;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>
/// The exported graph: python3-onnx's checker accepts it and ONNX Runtime (Microsoft's package) computes the
/// probabilities of the project's own trainer (the bench's baseline); a speaker-conditioned model restricts its
/// output to the speaker's labels.
/// </summary>
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

    [Theory]
    [InlineData("我家停水了，什么时候来水？", "customer")]
    [InlineData("工单号是H2412-0009，ABC  def", "agent")]
    [InlineData("水费3.45元/吨😀，第二阶梯４块８", null)]
    [InlineData("", "agent")]
    // Graphemes the fast path must leave to the tables: a combining accent, CR LF, an emoji with a skin tone and a ZWJ
    // sequence, upper-case letters beyond ASCII.
    [InlineData("Cafe\u0301 À\r\nＡＢ，好👍🏽啊👨‍👩‍👧。Ωx\u0308", "customer")]
    public void Token_ids_read_from_spans_equal_the_trainers_tokens(string text, string? speaker)
    {
        var (words, chars) = _tokens.Of(text, speaker);
        // Every other token known, so that unknown tokens (id 0) are read too.
        var vocabulary = Toy.SelectMany(t => _tokens.Of(t.Text, "agent").Words.Concat(_tokens.Of(t.Text).Chars)).Concat(words).Concat(chars)
            .Distinct(StringComparer.Ordinal).Where((_, k) => k % 2 == 0).Select((token, k) => (token, id: k + 1L))
            .ToDictionary(t => t.token, t => t.id, StringComparer.Ordinal);
        var expected = TextFeatureSpace.Encode(words, chars, t => vocabulary.GetValueOrDefault(t));
        Assert.Equal(expected, _tokens.Ids(text, speaker, vocabulary.GetAlternateLookup<ReadOnlySpan<char>>()));
    }

    [Fact]
    public void Turns_read_as_one_text_give_the_ids_of_the_joined_text_with_or_without_shared_words()
    {
        string[] turns = ["我家停水了。", "什么时候来水？", "", "水费3.45元，ABC。", "暖气不热"];
        var vocabulary = turns.SelectMany(t => _tokens.Of(t).Words.Concat(_tokens.Of(t).Chars))
            .Distinct(StringComparer.Ordinal).Select((token, k) => (token, id: k + 1L)).ToDictionary(t => t.token, t => t.id, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        var joined = _tokens.Ids(string.Join('。', turns), null, vocabulary);
        var memo = new SegmentationMemo(Words);
        _ = memo.Spans(turns[0]); // one turn already cut by another reader
        Assert.Equal(joined, _tokens.Ids(turns, null, vocabulary));
        Assert.Equal(joined, _tokens.Ids(turns, null, vocabulary, memo));
        // Words cut with another dictionary are not used: the model's own segmenter cuts them.
        Assert.Equal(joined, _tokens.Ids(turns, null, vocabulary, new SegmentationMemo(new WordSegmenter(JiebaModel.Load()))));
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 5, 0, 0, 0, 7, 8, 0 }, new long[] { 5, 0, 7, 8 })]
    [InlineData(new long[] { 3, 0, 4 }, new long[] { 3, 0, 4 })]
    [InlineData(new long[] { 0, 0 }, new long[0])]
    public void Runs_of_unknown_ids_are_cut_to_one_separator(long[] ids, long[] expected) =>
        Assert.Equal(expected, OnnxTextClassifier.WithoutRepeatedUnknowns(ids));

    [Fact]
    public void Checker_accepts_the_file_and_onnx_runtime_matches_the_trainer()
    {
        var model = new TextClassifierTrainer(_tokens) { MinDocuments = 1 }.Train("toy", Toy);
        var path = Path.Combine(_folder, "toy.onnx");
        File.WriteAllBytes(path, TextClassifierOnnx.Export(model));
        Tool.Run("/usr/bin/python3", "-c", "import onnx,sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)", path);

        using var onnx = OnnxTextClassifier.Load(path, _tokens);
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
        var corrupt = Path.Combine(_folder, "corrupt.onnx");
        File.WriteAllBytes(corrupt, [0x0A, 0xFF, 0xFF, 0x01, 0x02]);
        var e = Assert.Throws<ClassifierModelException>(() => OnnxTextClassifier.Load(corrupt, _tokens));
        Assert.Contains("not an ONNX model", e.Message, StringComparison.Ordinal);
        Assert.Contains(corrupt, e.Message, StringComparison.Ordinal);

        var foreign = Path.Combine(_folder, "foreign.onnx");
        File.WriteAllBytes(foreign, new OnnxModelBuilder("g")
            .Input("x", TensorElementType.Float, 1).Output("y", TensorElementType.Float, 1).Node("Identity", ["x"], ["y"]).Build());
        e = Assert.Throws<ClassifierModelException>(() => OnnxTextClassifier.Load(foreign, _tokens));
        Assert.Contains("not a SpeechQa text classifier", e.Message, StringComparison.Ordinal);

        var truncated = Path.Combine(_folder, "truncated.onnx");
        var model = new TextClassifierTrainer(_tokens) { MinDocuments = 1 }.Train("toy", Toy);
        var bytes = TextClassifierOnnx.Export(model);
        File.WriteAllBytes(truncated, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        e = Assert.Throws<ClassifierModelException>(() => OnnxTextClassifier.Load(truncated, _tokens));
        Assert.Contains(truncated, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_speaker_conditioned_model_gives_only_the_speakers_own_labels()
    {
        LabelledText[] acts =
        [
            new("greeting", "您好供水热线", null, "agent"), new("greeting", "您好热线为您服务", null, "agent"), new("none", "好的", null, "agent"),
            new("none", "嗯嗯好的", null, "agent"), new("complaint", "你们服务太差了", null, "customer"), new("complaint", "太差了我要投诉", null, "customer"),
            new("none", "好的", null, "customer"), new("none", "嗯好的", null, "customer"),
        ];
        var model = new TextClassifierTrainer(_tokens) { MinDocuments = 1 }.Train("acts", acts);
        model = new TextClassifier(model.Kind, model.Features, model.Labels, model.Weights, model.Bias)
        {
            SpeakerLabels = new Dictionary<string, IReadOnlyList<string>> { ["agent"] = ["greeting", "none"], ["customer"] = ["complaint", "none"] },
        };
        var path = Path.Combine(_folder, "acts.onnx");
        File.WriteAllBytes(path, TextClassifierOnnx.Export(model));
        using var onnx = OnnxTextClassifier.Load(path, _tokens);
        Assert.True(onnx.IsSpeakerConditioned);
        Assert.Throws<InvalidOperationException>(() => onnx.Predict(["您好"], CancellationToken.None));
        var p = onnx.Predict(["您好供水热线", "您好供水热线"], ["agent", "customer"], CancellationToken.None);
        var raw = onnx.Predict(["您好供水热线", "您好供水热线"], ["agent", "customer"], CancellationToken.None, restrict: false);
        var greeting = model.Labels.ToList().IndexOf("greeting");
        var complaint = model.Labels.ToList().IndexOf("complaint");
        Assert.Equal(0f, p[0][complaint]);
        Assert.Equal(0f, p[1][greeting]);
        Assert.Equal(1.0, p[1].Sum(), 5);
        Assert.True(raw[1][greeting] > 0);
        for (var k = 0; k < model.Labels.Count; k++)
            Assert.True(Math.Abs(raw[0][k] - model.Predict(_tokens, "您好供水热线", "agent")[k]) < 1e-5);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
