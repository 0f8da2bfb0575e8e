using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;
using SpeechQa.Training;

namespace SpeechQa.Bench;

/// <summary>
/// Classifier figures, one thread. Category (the generator at ~N examples, the hand-written held-out set): the
/// project's own L-BFGS trainer, ML.NET's LbfgsMaximumEntropy and SdcaMaximumEntropy on the project's features
/// written as the project's ONNX graph, ML.NET's own FeaturizeText + ConvertToOnnx, and scikit-learn on the same
/// tokens; training time, features, file size, utterances/s through ONNX Runtime (jieba included), held-out
/// macro-F1. Dialogue acts (the shipped pool and held-out set): the trainers, whole sentences vs clauses.
/// </summary>
public static class ClassifierBench
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Run(string root, int examples)
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-clf-bench-").FullName;
        try
        {
            var perTemplate = Math.Max(1, (int)Math.Ceiling(examples / (13.0 * 24)));
            Tool.Run("/usr/bin/python3", Path.Combine(root, "models/data/make_training_data.py"), "--per-template", perTemplate.ToString(C), "--out", folder);
            var train = TrainingDataFile.Read(Path.Combine(folder, "category.tsv"));
            var heldOut = TrainingDataFile.Read(Path.Combine(root, "tests/classifier/category-heldout.tsv"));
            var tokens = new ClassifierTokens(CallJudge.ForRulesFolder(Path.Combine(root, "rules")).Segmenter);
            // Scoring throughput on customer texts: the held-out texts repeated.
            var texts = Enumerable.Range(0, 20).SelectMany(_ => heldOut.Select(e => e.Text)).ToList();

            Console.WriteLine($"Category: {train.Count} generated examples ({train.Select(e => e.Label).Distinct().Count()} labels), 1 thread; held-out {heldOut.Count} texts; scoring {texts.Count} customer texts (~{texts.Average(t => t.Length):0} characters) through ONNX Runtime {Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()}");
            Console.WriteLine("| trainer → scorer | training s | features | file KB | utterances/s scored | held-out macro-F1 |");
            Console.WriteLine("|---|---|---|---|---|---|");
            Row("SpeechQa L-BFGS (C#) → own graph", folder, tokens, heldOut, texts, () => new TextClassifierTrainer(tokens).Train("category", train));
            Row($"ML.NET LbfgsMaximumEntropy (L2 {MlNetTextTrainer.DefaultL2}) → own graph (shipped)", folder, tokens, heldOut, texts,
                () => new MlNetTextTrainer(tokens).Train("category", train).Classifier);
            Row("ML.NET SdcaMaximumEntropy (L2 1e-5) → own graph", folder, tokens, heldOut, texts,
                () => new MlNetTextTrainer(tokens) { Trainer = LinearTrainer.Sdca, L2 = 1e-5f }.Train("category", train).Classifier);
            Console.WriteLine(FeaturizeTextBench.Row(folder, tokens, train, heldOut, texts));
            Console.WriteLine(ScikitLearnRow(root, folder, tokens, train, heldOut, texts));
            Console.WriteLine();
            Acts(root, folder, tokens);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Row(string name, string folder, ClassifierTokens tokens, List<LabelledText> heldOut, List<string> texts, Func<TextClassifier> train)
    {
        var clock = Stopwatch.StartNew();
        var model = train();
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var path = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(path, TextClassifierOnnx.Export(model));
        using var onnx = OnnxTextClassifier.Load(path, tokens);
        var p = onnx.Predict([.. heldOut.Select(e => e.Text)], CancellationToken.None);
        var f1 = ClassificationReport.Of([.. heldOut.Select(e => e.Label)], [.. p.Select(x => onnx.Labels[Array.IndexOf(x, x.Max())])]).MacroF1;
        var rate = Rate(texts, batch => onnx.Predict(batch, CancellationToken.None));
        Console.WriteLine(string.Create(C, $"| {name} | {trainSeconds:0.0} | {model.Features.Dimension} | {new FileInfo(path).Length / 1024} | {rate:0} (batches of 64, jieba included) | {f1:0.000} |"));
    }

    /// <summary>Utterances per second in batches of 64 after one warm-up batch.</summary>
    internal static double Rate(List<string> texts, Action<List<string>> score)
    {
        score([.. texts.Take(64)]);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < texts.Count; i += 64)
            score([.. texts.Skip(i).Take(64)]);
        return texts.Count / clock.Elapsed.TotalSeconds;
    }

    private static void Acts(string root, string folder, ClassifierTokens tokens)
    {
        var pool = TrainingDataFile.Read(Path.Combine(root, "models/data/acts/pool.tsv"), speakerColumn: true);
        var heldOut = TrainingDataFile.Read(Path.Combine(root, "tests/classifier/act-heldout.tsv"), speakerColumn: true);
        var sentences = heldOut.Select((e, i) => new TranscriptSegment(e.Speaker == "agent" ? Speaker.Agent : Speaker.Customer, i, i + 1, e.Text)).ToList();
        var repeated = Enumerable.Range(0, 40).SelectMany(_ => sentences).ToList();
        Console.WriteLine($"Dialogue acts: {pool.Count} pool examples, {heldOut.Count} held-out utterances (~{heldOut.Average(e => e.Text.Length):0} characters); scoring {repeated.Count} utterances");
        Console.WriteLine("| trainer | training s | 5-fold CV macro-F1 (ML.NET, groups whole) | held-out macro-F1, whole sentences | held-out macro-F1, clauses (best non-none clause) | utterances/s (whole / + clauses) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        (string, Func<TextClassifier>, Func<double>?)[] trainers =
        [
            ("SpeechQa L-BFGS (C#)", () => SpeakerModel(new TextClassifierTrainer(tokens).Train("acts", pool), pool), null),
            ($"ML.NET LbfgsMaximumEntropy (L2 {MlNetTextTrainer.DefaultL2}, shipped)", () => new MlNetTextTrainer(tokens) { MaxFeatures = MlNetTextTrainer.ShippedMaxFeatures("acts") }.Train("acts", pool).Classifier,
                () => new MlNetTextTrainer(tokens) { MaxFeatures = MlNetTextTrainer.ShippedMaxFeatures("acts") }.CrossValidate(pool, 5).Report.MacroF1),
            ("ML.NET SdcaMaximumEntropy (L2 1e-5)", () => new MlNetTextTrainer(tokens) { Trainer = LinearTrainer.Sdca, L2 = 1e-5f }.Train("acts", pool).Classifier,
                () => new MlNetTextTrainer(tokens) { Trainer = LinearTrainer.Sdca, L2 = 1e-5f }.CrossValidate(pool, 5).Report.MacroF1),
        ];
        foreach (var (name, train, crossValidate) in trainers)
        {
            var clock = Stopwatch.StartNew();
            var model = train();
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var cv = crossValidate?.Invoke();
            var path = Path.Combine(folder, "acts.onnx");
            File.WriteAllBytes(path, TextClassifierOnnx.Export(model));
            using var onnx = OnnxTextClassifier.Load(path, tokens);
            var whole = new DialogueActLabeller(onnx) { ScoreClauses = false };
            var withClauses = new DialogueActLabeller(onnx);
            var actual = heldOut.Select(e => e.Label).ToList();
            var f1Whole = ClassificationReport.Of(actual, [.. whole.Label(sentences, CancellationToken.None).Select(a => a.Act)]).MacroF1;
            var f1Clauses = ClassificationReport.Of(actual, [.. withClauses.Label(sentences, CancellationToken.None).Select(ClauseVote)]).MacroF1;
            double ActRate(DialogueActLabeller labeller)
            {
                labeller.Label(repeated[..64], CancellationToken.None);
                var timer = Stopwatch.StartNew();
                for (var i = 0; i < repeated.Count; i += 64)
                    labeller.Label(repeated[i..Math.Min(repeated.Count, i + 64)], CancellationToken.None);
                return repeated.Count / timer.Elapsed.TotalSeconds;
            }
            Console.WriteLine(string.Create(C, $"| {name} | {trainSeconds:0.0} | {(cv is { } v ? v.ToString("0.000", C) : "")} | {f1Whole:0.000} | {f1Clauses:0.000} | {ActRate(whole):0} / {ActRate(withClauses):0} |"));
        }
    }

    /// <summary>The clause alternative: the most probable non-none act of any clause, else none.</summary>
    private static string ClauseVote(DialogueActs acts) =>
        acts.Clauses.Where(c => c.Act != DialogueActs.None).MaxBy(c => c.P)?.Act ?? DialogueActs.None;

    private static TextClassifier SpeakerModel(TextClassifier model, List<LabelledText> pool) =>
        new(model.Kind, model.Features, model.Labels, model.Weights, model.Bias)
        {
            SpeakerLabels = pool.GroupBy(e => e.Speaker!).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal)]),
        };

    private static string ScikitLearnRow(string root, string folder, ClassifierTokens tokens, List<LabelledText> train, List<LabelledText> heldOut, List<string> texts)
    {
        var trainTsv = Path.Combine(folder, "train-tokens.tsv");
        var testTsv = Path.Combine(folder, "test-tokens.tsv");
        WriteTokens(trainTsv, train, tokens);
        WriteTokens(testTsv, [.. texts.Select((t, i) => new LabelledText(heldOut[i % heldOut.Count].Label, t))], tokens);
        try
        {
            var printed = Tool.Run("/usr/bin/python3", Path.Combine(root, "bench/classifier/sklearn_reference.py"), trainTsv, testTsv,
                new TextClassifierTrainer(tokens).L2.ToString("R", C));
            using var doc = JsonDocument.Parse(printed.Split('\n').Last(l => l.StartsWith('{')));
            var r = doc.RootElement;
            return string.Create(C,
                $"| scikit-learn {SklearnVersion()} (TfidfVectorizer + LogisticRegression lbfgs) → its own predict | {r.GetProperty("fit_s").GetDouble():0.0} | {r.GetProperty("features").GetInt32()} | | {r.GetProperty("test").GetInt32() / r.GetProperty("score_s").GetDouble():0} (batch, tokens given) | {r.GetProperty("macro_f1").GetDouble():0.000} |");
        }
        catch (InvalidOperationException e)
        {
            return $"| scikit-learn | not run: {e.Message.Split('\n')[0]} | | | | |";
        }
    }

    private static void WriteTokens(string path, IReadOnlyList<LabelledText> examples, ClassifierTokens tokens)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var e in examples)
        {
            var words = string.Join(' ', tokens.Words(e.Text).Select(w => w[2..]));
            var chars = string.Join(' ', ClassifierTokens.Characters(e.Text).Select(c => c[2..]));
            writer.Write($"{e.Label}\t{words}\t{chars}\n");
        }
    }

    private static string SklearnVersion()
    {
        try
        {
            return Tool.Run("/usr/bin/python3", "-c", "import sklearn; print(sklearn.__version__)").Trim();
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }
}
