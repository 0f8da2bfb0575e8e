using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;
using SpeechQa.Training;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa model train|eval`: train a text classifier with ML.NET on a TSV file (ML.NET's cross-validation
/// report, exported as ONNX) and evaluate an ONNX classifier on labelled texts through ONNX Runtime.
/// </summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Text classifiers: train (cross-validated, exported to ONNX) and evaluate");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        return command;
    }

    private static Command CreateTrain()
    {
        var data = new Argument<string>("data") { Description = "Training data: LABEL<TAB>TEXT[<TAB>GROUP] per line, or LABEL<TAB>SPEAKER<TAB>TEXT[<TAB>GROUP] for --kind acts" };
        var output = new Option<string>("--out") { Description = "The ONNX model to write", Required = true };
        var kind = new Option<string>("--kind") { Description = "What the model labels (category, acts)", DefaultValueFactory = _ => "category" };
        var folds = new Option<int>("--folds") { Description = "ML.NET cross-validation folds, groups held out whole (0: none)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of ML.NET (fold assignment, SDCA order)", DefaultValueFactory = _ => 7 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation on the summed weighted log-loss", DefaultValueFactory = _ => MlNetTextTrainer.DefaultL2 };
        var trainerName = new Option<LinearTrainer>("--trainer") { Description = "ML.NET trainer: Lbfgs (LbfgsMaximumEntropy) or Sdca (SdcaMaximumEntropy)", DefaultValueFactory = _ => LinearTrainer.Lbfgs };
        var rules = new Option<string>("--rules") { Description = "Rules folder whose dict/hotline.txt the segmenter uses", DefaultValueFactory = _ => "rules" };
        var maxFeatures = new Option<int?>("--max-features") { Description = "Keep at most this many features (the most frequent); default: the shipped models' budget (acts 3 000, category 8 000)" };
        var command = new Command("train", "Train a classifier with ML.NET, print its cross-validation report, write the ONNX model") { data, output, kind, folds, seed, l2, trainerName, rules, maxFeatures };
        command.SetAction((result, cancellationToken) => Guard(() =>
        {
            var name = result.GetValue(kind)!;
            var examples = TrainingDataFile.Read(result.GetValue(data)!, speakerColumn: IsActs(name));
            var tokens = new ClassifierTokens(CallJudge.ForRulesFolder(result.GetValue(rules)!).Segmenter);
            var trainer = new MlNetTextTrainer(tokens) { L2 = result.GetValue(l2), Seed = result.GetValue(seed), Trainer = result.GetValue(trainerName), MaxFeatures = result.GetValue(maxFeatures) ?? MlNetTextTrainer.ShippedMaxFeatures(name) };
            Console.WriteLine($"{examples.Count} 条样本 examples, {examples.Select(e => e.Label).Distinct().Count()} 个标签 labels");
            if (result.GetValue(folds) > 1)
            {
                var report = trainer.CrossValidate(examples, result.GetValue(folds));
                Console.WriteLine($"## ML.NET {result.GetValue(folds)}-fold cross-validation (sampling key: the group, held out whole)");
                Console.WriteLine(report.ToMarkdown());
            }
            var clock = Stopwatch.StartNew();
            var model = trainer.Train(name, examples).Classifier;
            var path = result.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, TextClassifierOnnx.Export(model, $"SpeechQa {name} classifier trained on {Path.GetFileName(result.GetValue(data))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"已写入 wrote {path}: {model.Features.Dimension} features, {model.Labels.Count} labels, trained in {clock.Elapsed.TotalSeconds:0.0} s"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateEval()
    {
        var modelPath = new Argument<string>("model") { Description = "An ONNX classifier written by `speechqa model train`" };
        var data = new Argument<string>("data") { Description = "Labelled texts: LABEL<TAB>TEXT per line (LABEL<TAB>SPEAKER<TAB>TEXT for an act model)" };
        var rules = new Option<string>("--rules") { Description = "Rules folder whose dict/hotline.txt the segmenter uses", DefaultValueFactory = _ => "rules" };
        var showRows = new Option<bool>("--show-rows") { Description = "Also print every text: actual label, predicted label, the predicted and the actual label's probability" };
        var command = new Command("eval", "Score labelled texts with an ONNX classifier through ONNX Runtime; per-label precision/recall/F1") { modelPath, data, rules, showRows };
        command.SetAction((result, cancellationToken) => Guard(() =>
        {
            var tokens = new ClassifierTokens(CallJudge.ForRulesFolder(result.GetValue(rules)!).Segmenter);
            using var classifier = OnnxTextClassifier.Load(result.GetValue(modelPath)!, tokens);
            var examples = TrainingDataFile.Read(result.GetValue(data)!, speakerColumn: classifier.IsSpeakerConditioned);
            List<IReadOnlyDictionary<string, double>> probabilities;
            if (classifier.IsSpeakerConditioned)
            {
                // The product's path: each line as a transcript sentence of its speaker, through the act labeller.
                var labeller = new DialogueActLabeller(classifier) { ScoreClauses = false };
                var sentences = examples.Select(e => new TranscriptSegment(e.Speaker == "agent" ? Speaker.Agent : Speaker.Customer, 0, 0, e.Text)).ToList();
                probabilities = [.. labeller.Label(sentences, cancellationToken).Select(a => a.Probabilities)];
            }
            else
            {
                probabilities = [.. classifier.Predict([.. examples.Select(e => e.Text)], cancellationToken)
                    .Select(p => (IReadOnlyDictionary<string, double>)classifier.Labels.Select((label, i) => (label, p: (double)p[i])).ToDictionary(x => x.label, x => x.p))];
            }
            var predicted = probabilities.Select(p => p.Count == 0 ? "none" : p.MaxBy(x => x.Value).Key).ToList();
            if (result.GetValue(showRows))
            {
                // One line per text, so a threshold can be read off: how sure the model was of what it said and of the truth.
                Console.WriteLine("actual\tpredicted\tp(predicted)\tp(actual)\ttext");
                for (var i = 0; i < examples.Count; i++)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{examples[i].Label}\t{predicted[i]}\t{probabilities[i].GetValueOrDefault(predicted[i]):0.000}\t{probabilities[i].GetValueOrDefault(examples[i].Label):0.000}\t{examples[i].Text}"));
                Console.WriteLine();
            }
            Console.WriteLine(ClassificationReport.Of([.. examples.Select(e => e.Label)], predicted).ToMarkdown());
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static bool IsActs(string kind) => kind == "acts";

    private static Task<int> Guard(Func<int> command)
    {
        try
        {
            return Task.FromResult(command());
        }
        catch (Exception e) when (e is FormatException or ClassifierModelException or ArgumentException or IOException)
        {
            Console.Error.WriteLine($"错误 error: {e.Message}");
            return Task.FromResult(ExitCodes.UsageOrConfig);
        }
    }
}
