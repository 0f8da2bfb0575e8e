using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using SpeechQa.Scoring.Classification;

namespace SpeechQa.Bench;

/// <summary>
/// Option (b) of docs/classifier.md: ML.NET's own text pipeline (FeaturizeText over jieba words joined by spaces:
/// word 1–2-grams and character 1–3-grams, TF-IDF, L2) + LbfgsMaximumEntropy, exported by ConvertToOnnx and scored
/// by ONNX Runtime. The export needs KeepDiacritics/Punctuations/Numbers and an en_US.UTF-8 locale (scripts/bench.sh
/// makes one and sets LOCPATH); it scores one row per run. Reports how often ONNX Runtime agrees with ML.NET.
/// </summary>
internal static class FeaturizeTextBench
{
    private static readonly string[] EmptyLabel = [""];
    private static readonly float[] UnitWeight = [1f];

    private sealed class TextRow
    {
        public string Label { get; set; } = "";

        public string Text { get; set; } = "";
    }

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }

    public static string Row(string folder, ClassifierTokens tokens, List<LabelledText> train, List<LabelledText> heldOut, List<string> texts)
    {
        const string name = "ML.NET FeaturizeText + LbfgsMaximumEntropy → ConvertToOnnx";
        try
        {
            var ml = new MLContext(7);
            string Segmented(string text) => string.Join(' ', tokens.Words(text).Select(w => w[2..]));
            var clock = Stopwatch.StartNew();
            var data = ml.Data.LoadFromEnumerable(train.Select(e => new TextRow { Label = e.Label, Text = Segmented(e.Text) }).ToList());
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
                .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
                {
                    KeepDiacritics = true, KeepPunctuations = true, KeepNumbers = true, CaseMode = TextNormalizingEstimator.CaseMode.None,
                    WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                    CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                    Norm = TextFeaturizingEstimator.NormFunction.L2,
                }, "Text"))
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L2Regularization = 0.2f }))
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            var model = pipeline.Fit(data);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var features = ((VectorDataViewType)model.GetOutputSchema(data.Schema)["Features"].Type).Size;
            var path = Path.Combine(folder, "featurize-text.onnx");
            using (var stream = File.Create(path))
                ml.Model.ConvertToOnnx(model, data, stream);

            using var engine = ml.Model.CreatePredictionEngine<TextRow, Prediction>(model);
            using var session = new InferenceSession(path, new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
            var scoreOutput = session.OutputMetadata.Keys.First(k => k.StartsWith("Score", StringComparison.Ordinal));
            var labelOutput = session.OutputMetadata.Keys.First(k => k.StartsWith("PredictedLabel", StringComparison.Ordinal));
            (string Label, float[] Score) Score(string text)
            {
                // The export declares every input column (Label too): ONNX Runtime needs a value for each, one row per run.
                var inputs = session.InputMetadata.Select(i => i.Value.ElementType == typeof(string)
                    ? NamedOnnxValue.CreateFromTensor(i.Key, new DenseTensor<string>(i.Key == "Text" ? [Segmented(text)] : EmptyLabel, [1, 1]))
                    : NamedOnnxValue.CreateFromTensor(i.Key, new DenseTensor<float>(UnitWeight, [1, 1]))).ToList();
                using var outputs = session.Run(inputs, [labelOutput, scoreOutput]);
                return (outputs.First(o => o.Name == labelOutput).AsTensor<string>().First(), [.. outputs.First(o => o.Name == scoreOutput).AsTensor<float>()]);
            }
            var onnx = heldOut.Select(e => Score(e.Text)).ToList();
            var reference = heldOut.Select(e => engine.Predict(new TextRow { Text = Segmented(e.Text) })).ToList();
            var agree = onnx.Zip(reference).Count(p => p.First.Label == p.Second.PredictedLabel);
            var worst = onnx.Zip(reference).Max(p => p.First.Score.Zip(p.Second.Score).Max(x => Math.Abs(x.First - x.Second)));
            var f1 = ClassificationReport.Of([.. heldOut.Select(e => e.Label)], [.. onnx.Select(o => o.Label)]).MacroF1;
            var mlF1 = ClassificationReport.Of([.. heldOut.Select(e => e.Label)], [.. reference.Select(o => o.PredictedLabel)]).MacroF1;
            var rate = ClassifierBench.Rate(texts, batch => batch.ForEach(t => Score(t)));
            return string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {trainSeconds:0.0} | {features} | {new FileInfo(path).Length / 1024} | {rate:0} (one row per run, jieba included) | {f1:0.000} by ONNX Runtime, {mlF1:0.000} by ML.NET; ONNX Runtime's label = ML.NET's on {agree}/{heldOut.Count}, largest probability gap {worst:0.000} |");
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return $"| {name} | failed: {e.GetType().Name}: {e.Message.Split('\n')[0]} | | | | |";
        }
    }
}
