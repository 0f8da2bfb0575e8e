using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpeechQa.OnnxRuntime;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.QaPortal.Cli;

/// <summary>
/// `speechqa model train|eval`: train a text classifier on a TSV file (cross-validated, exported as ONNX) and
/// evaluate an ONNX classifier on labelled texts through ONNX Runtime.
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
        var data = new Argument<string>("data") { Description = "Training data: LABEL<TAB>TEXT[<TAB>GROUP] per line" };
        var output = new Option<string>("--out") { Description = "The ONNX model to write", Required = true };
        var kind = new Option<string>("--kind") { Description = "What the model labels (category, behaviour)", DefaultValueFactory = _ => "category" };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (0: none)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment", DefaultValueFactory = _ => 7 };
        var l2 = new Option<double>("--l2") { Description = "L2 regularisation strength", DefaultValueFactory = _ => 1e-4 };
        var rules = new Option<string>("--rules") { Description = "Rules folder whose dict/hotline.txt the segmenter uses", DefaultValueFactory = _ => "rules" };
        var command = new Command("train", "Train a classifier, report k-fold cross-validation, write the ONNX model") { data, output, kind, folds, seed, l2, rules };
        command.SetAction((result, cancellationToken) => Guard(() =>
        {
            var examples = TrainingDataFile.Read(result.GetValue(data)!);
            var tokens = new ClassifierTokens(CallJudge.ForRulesFolder(result.GetValue(rules)!).Segmenter);
            var trainer = new TextClassifierTrainer(tokens) { L2 = result.GetValue(l2) };
            var name = result.GetValue(kind)!;
            Console.WriteLine($"{examples.Count} 条样本 examples, {examples.Select(e => e.Label).Distinct().Count()} 个标签 labels");
            if (result.GetValue(folds) > 1)
            {
                var report = trainer.CrossValidate(name, examples, result.GetValue(folds), result.GetValue(seed));
                Console.WriteLine($"## {result.GetValue(folds)}-fold cross-validation (groups held out together)");
                Console.WriteLine(report.ToMarkdown());
            }
            var clock = Stopwatch.StartNew();
            var model = trainer.Train(name, examples);
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
        var data = new Argument<string>("data") { Description = "Labelled texts: LABEL<TAB>TEXT per line" };
        var rules = new Option<string>("--rules") { Description = "Rules folder whose dict/hotline.txt the segmenter uses", DefaultValueFactory = _ => "rules" };
        var ort = new Option<string?>("--onnxruntime") { Description = "Path of libonnxruntime.so (default: $SPEECHQA_ONNXRUNTIME or the tool folder)" };
        var command = new Command("eval", "Score labelled texts with an ONNX classifier through ONNX Runtime; per-label precision/recall/F1") { modelPath, data, rules, ort };
        command.SetAction((result, cancellationToken) => Guard(() =>
        {
            var examples = TrainingDataFile.Read(result.GetValue(data)!);
            var tokens = new ClassifierTokens(CallJudge.ForRulesFolder(result.GetValue(rules)!).Segmenter);
            using var runtime = OrtRuntime.Load(result.GetValue(ort));
            using var classifier = OnnxTextClassifier.Load(runtime, result.GetValue(modelPath)!, tokens);
            var probabilities = classifier.Predict([.. examples.Select(e => e.Text)], cancellationToken);
            var predicted = probabilities.Select(p => classifier.Labels[Array.IndexOf(p, p.Max())]).ToList();
            Console.WriteLine(ClassificationReport.Of([.. examples.Select(e => e.Label)], predicted).ToMarkdown());
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Task<int> Guard(Func<int> command)
    {
        try
        {
            return Task.FromResult(command());
        }
        catch (Exception e) when (e is FormatException or ClassifierModelException or OnnxRuntimeException or IOException)
        {
            Console.Error.WriteLine($"错误 error: {e.Message}");
            return Task.FromResult(ExitCodes.UsageOrConfig);
        }
    }
}
