using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SpeechQa.OnnxRuntime;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.Bench;

/// <summary>
/// Classifier figures: training time for ~10k examples (the category generator at a larger size), one thread,
/// beside scikit-learn on the same features and model; utterances/s scored by ONNX Runtime (batches of 64,
/// tokenisation included) beside the trainer's managed scoring and scikit-learn's predict.
/// </summary>
public static class ClassifierBench
{
    public static void Run(string root, int examples)
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-clf-bench-").FullName;
        try
        {
            var perTemplate = Math.Max(1, (int)Math.Ceiling(examples / (13.0 * 24)));
            Tool.Run("/usr/bin/python3", Path.Combine(root, "models/data/make_training_data.py"), "--per-template", perTemplate.ToString(CultureInfo.InvariantCulture), "--out", folder);
            var train = TrainingDataFile.Read(Path.Combine(folder, "category.tsv"));
            var heldOut = TrainingDataFile.Read(Path.Combine(root, "tests/classifier/category-heldout.tsv"));
            var tokens = new ClassifierTokens(CallJudge.ForRulesFolder(Path.Combine(root, "rules")).Segmenter);
            var trainer = new TextClassifierTrainer(tokens);

            var clock = Stopwatch.StartNew();
            var model = trainer.Train("category", train);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var modelPath = Path.Combine(folder, "category.onnx");
            File.WriteAllBytes(modelPath, TextClassifierOnnx.Export(model));
            var ourF1 = ClassificationReport.Of([.. heldOut.Select(e => e.Label)], [.. heldOut.Select(e => model.Best(model.Predict(tokens, e.Text)))]).MacroF1;

            // Scoring throughput on agent-sized utterances: the held-out texts repeated.
            var texts = Enumerable.Range(0, 20).SelectMany(_ => heldOut.Select(e => e.Text)).ToList();
            using var runtime = OrtRuntime.Load();
            using var onnx = OnnxTextClassifier.Load(runtime, modelPath, tokens);
            onnx.Predict(texts.Take(64).ToList(), CancellationToken.None);
            clock.Restart();
            for (var i = 0; i < texts.Count; i += 64)
                onnx.Predict(texts.Skip(i).Take(64).ToList(), CancellationToken.None);
            var ortRate = texts.Count / clock.Elapsed.TotalSeconds;
            clock.Restart();
            foreach (var text in texts)
                model.Predict(tokens, text);
            var managedRate = texts.Count / clock.Elapsed.TotalSeconds;

            // scikit-learn on exactly our tokens.
            var trainTsv = Path.Combine(folder, "train-tokens.tsv");
            var testTsv = Path.Combine(folder, "test-tokens.tsv");
            WriteTokens(trainTsv, train, tokens);
            WriteTokens(testTsv, texts.Select(t => new LabelledText(heldOut[texts.IndexOf(t) % heldOut.Count].Label, t)).ToList(), tokens);
            string? reference;
            try
            {
                var printed = Tool.Run("/usr/bin/python3", Path.Combine(root, "bench/classifier/sklearn_reference.py"), trainTsv, testTsv,
                    trainer.L2.ToString("R", CultureInfo.InvariantCulture));
                var json = printed.Split('\n').Last(l => l.StartsWith('{'));
                using var doc = JsonDocument.Parse(json);
                var r = doc.RootElement;
                reference = string.Create(CultureInfo.InvariantCulture,
                    $"| scikit-learn {SklearnVersion()} (TfidfVectorizer + LogisticRegression lbfgs) | {r.GetProperty("fit_s").GetDouble():0.0} | {r.GetProperty("features").GetInt32()} | {r.GetProperty("test").GetInt32() / r.GetProperty("score_s").GetDouble():0} (batch, tokens given) | {r.GetProperty("macro_f1").GetDouble():0.000} |");
            }
            catch (InvalidOperationException e)
            {
                reference = $"| scikit-learn | not run: {e.Message.Split('\n')[0]} | | | |";
            }

            Console.WriteLine($"Classifier: {train.Count} category examples ({model.Labels.Count} labels), 1 thread; scoring {texts.Count} customer texts (~{texts.Average(t => t.Length):0} characters)");
            Console.WriteLine("| trainer | training s | features | utterances/s scored | held-out macro-F1 |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| SpeechQa (L-BFGS, C#) → ONNX Runtime {runtime.Version} | {trainSeconds:0.0} | {model.Features.Dimension} | {ortRate:0} (batches of 64, jieba included) | {ourF1:0.000} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| SpeechQa managed scoring (trainer's own) | | | {managedRate:0} (one at a time, jieba included) | |"));
            Console.WriteLine(reference);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
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
