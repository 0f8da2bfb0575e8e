using SpeechQa.Scoring.Classification;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Classification;

public sealed class TrainerTests
{
    [Fact]
    public void Balanced_class_weights_make_every_class_count_the_same()
    {
        var weights = SoftmaxRegression.BalancedClassWeights([0, 0, 0, 1], 2);
        Assert.Equal(4.0 / 6, weights[0], 6);
        Assert.Equal(2.0, weights[1], 6);
        Assert.Equal(weights[0] * 3, weights[1] * 1, 6);
    }

    [Fact]
    public void Softmax_regression_separates_separable_data_and_l2_shrinks_the_weights()
    {
        SparseVector V(params (int, double)[] e) => new([.. e.Select(x => x.Item1)], [.. e.Select(x => x.Item2)]);
        var x = new[] { V((0, 1)), V((0, 1), (2, 0.5)), V((1, 1)), V((1, 1), (2, 0.5)) };
        int[] y = [0, 0, 1, 1];
        double[] w = [1, 1, 1, 1];
        var (loose, bias, iterations) = new SoftmaxRegression { L2 = 1e-4 }.Fit(x, y, 2, 3, w);
        var (tight, _, _) = new SoftmaxRegression { L2 = 1e-1 }.Fit(x, y, 2, 3, w);
        Assert.True(iterations > 1);
        // feature 0 votes for class 0, feature 1 for class 1
        Assert.True(loose[0 * 2 + 0] > loose[0 * 2 + 1] && loose[1 * 2 + 1] > loose[1 * 2 + 0]);
        Assert.True(Math.Abs(tight[0]) < Math.Abs(loose[0]));
        Assert.Equal(2, bias.Length);
    }

    [Fact]
    public void Cross_validation_keeps_groups_together_and_is_deterministic()
    {
        var examples = Enumerable.Range(0, 40).Select(i => new LabelledText(i % 2 == 0 ? "a" : "b", $"text {i}", $"g{i / 4}")).ToList();
        var folds = TextClassifierTrainer.AssignFolds(examples, 5, seed: 3);
        Assert.Equal(folds, TextClassifierTrainer.AssignFolds(examples, 5, seed: 3));
        foreach (var group in examples.Select((e, i) => (e, i)).GroupBy(p => (p.e.Group, p.e.Label)))
            Assert.Single(group.Select(p => folds[p.i]).Distinct());
        Assert.Equal(5, folds.Distinct().Count());
    }

    [Fact]
    public void Cross_validated_report_of_a_learnable_task_is_good_and_confusions_add_up()
    {
        var examples = new List<LabelledText>();
        string[] water = ["停水了", "没水了", "什么时候来水", "小区停水", "今天停水吗", "家里断水了"];
        string[] heat = ["暖气不热", "室温太低", "暖气片凉的", "家里很冷暖气不行", "暖气温度不够", "暖气一点不热"];
        foreach (var (t, i) in water.Select((t, i) => (t, i)))
            examples.Add(new LabelledText("C03", t + "，麻烦看看", $"w{i}"));
        foreach (var (t, i) in heat.Select((t, i) => (t, i)))
            examples.Add(new LabelledText("C11", t + "，麻烦看看", $"h{i}"));
        var report = new TextClassifierTrainer(new ClassifierTokens(Words)) { MinDocuments = 1 }.CrossValidate("toy", examples, 3, 7);
        Assert.Equal(12, report.Count);
        Assert.True(report.Accuracy >= 0.75, report.ToMarkdown());
        Assert.Contains("| C03 |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_training_file_names_the_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["C01\t水费多少钱", "# comment", "", "C02 no tab here"]);
            var e = Assert.Throws<FormatException>(() => TrainingDataFile.Read(path));
            Assert.Contains($"{path}:4:", e.Message, StringComparison.Ordinal);
            File.WriteAllLines(path, ["C01\t水费多少钱\tg1", "C03\t停水了"]);
            var examples = TrainingDataFile.Read(path);
            Assert.Equal(["g1", null], examples.Select(x => x.Group));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
