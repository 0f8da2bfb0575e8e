using SpeechQa.Scoring.Repeats;
using Xunit.Abstractions;

namespace SpeechQa.Tests.Scoring.Repeats;

/// <summary>
/// The shipped policy on the labelled chain sets: link precision/recall (each call's link to the previous call of its
/// chain), root-cause accuracy over the labelled chains, clusters. The dev set (the team's; the cues were widened on
/// it) holds 0.95 / 0.95 / 0.95 and exact clusters; the second dev set (another author's, tuned on) 0.95 / 0.95 / 0.90; the test set (another author's, never tuned on) holds the figures
/// measured when it was first scored, less a margin — a regression floor, not the target (issue #18: root cause ≥ 0.90).
/// </summary>
public sealed class LabelledChainEvaluationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(LabelledChainSet.Dev, 0.95, 0.95, 0.95, true)]
    [InlineData(LabelledChainSet.Dev2, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev3, 0.95, 0.90, 0.80, false)]
    [InlineData(LabelledChainSet.Dev4, 0.90, 0.90, 0.75, false)]
    [InlineData(LabelledChainSet.Dev5, 0.90, 0.90, 0.70, false)]
    [InlineData(LabelledChainSet.Dev6, 0.85, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev7, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev8, 0.85, 0.90, 0.90, false)]
    [InlineData(LabelledChainSet.Dev9, 0.85, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev10, 0.90, 0.90, 0.90, false)]
    [InlineData(LabelledChainSet.Dev11, 0.90, 0.90, 0.90, false)]
    [InlineData(LabelledChainSet.Dev12, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev13, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev14, 0.95, 0.90, 0.90, false)]
    [InlineData(LabelledChainSet.Dev15, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev16, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev17, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev18, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev19, 0.90, 0.90, 0.90, false)]
    [InlineData(LabelledChainSet.Dev20, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev21, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev22, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev23, 0.85, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev24, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev25, 0.85, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev26, 0.85, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev27, 0.85, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev28, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev29, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev30, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev31, 0.85, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev32, 0.90, 0.90, 0.85, false)]
    [InlineData(LabelledChainSet.Dev33, 0.90, 0.90, 0.80, false)]
    [InlineData(LabelledChainSet.Dev34, 0.85, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev35, 0.85, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev36, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev37, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev38, 0.85, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev39, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev40, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev41, 0.85, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev42, 0.85, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev43, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev44, 0.90, 0.95, 0.65, false)]
    [InlineData(LabelledChainSet.Dev45, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev46, 0.90, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev47, 0.85, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev48, 0.90, 0.90, 0.85, false)]
    [InlineData(LabelledChainSet.Dev49, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev50, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev51, 0.90, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev52, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev53, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev54, 0.90, 0.95, 0.75, false)]
    [InlineData(LabelledChainSet.Dev55, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev56, 0.95, 0.95, 0.75, false)]
    [InlineData(LabelledChainSet.Dev57, 0.95, 0.95, 0.75, false)]
    [InlineData(LabelledChainSet.Dev58, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev59, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev60, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev61, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev62, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev63, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev64, 0.90, 0.90, 0.90, false)]
    [InlineData(LabelledChainSet.Dev65, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev66, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev67, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev68, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev69, 0.95, 0.95, 0.75, false)]
    [InlineData(LabelledChainSet.Dev70, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev71, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev72, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev73, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev74, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev75, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev76, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev77, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev78, 0.90, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev79, 0.95, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev80, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev81, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev82, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev83, 0.90, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev84, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev85, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev86, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev87, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev88, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev89, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev90, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev91, 0.95, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev92, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Dev93, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev94, 0.95, 0.95, 0.95, false)]
    [InlineData(LabelledChainSet.Dev95, 0.90, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Dev96, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Dev97, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Test, TestLinkPrecision, TestLinkRecall, TestRootCause, false)]
    [InlineData(LabelledChainSet.Test2, 0.95, 0.95, 0.65, false)]
    [InlineData(LabelledChainSet.Test3, 0.90, 0.95, 0.70, false)]
    [InlineData(LabelledChainSet.Test4, 0.95, 0.95, 0.75, false)]
    [InlineData(LabelledChainSet.Test5, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Test6, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Test7, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Test8, 0.95, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Test9, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Test10, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Test11, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Test12, 0.95, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Test13, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Test14, 0.90, 0.95, 0.85, false)]
    [InlineData(LabelledChainSet.Test15, 0.90, 0.95, 0.90, false)]
    [InlineData(LabelledChainSet.Test16, 0.90, 0.95, 0.80, false)]
    [InlineData(LabelledChainSet.Test17, 0.90, 0.95, 0.90, false)]
    public void Chains_and_root_causes_match_the_labels(string file, double minPrecision, double minRecall, double minAccuracy, bool exactClusters)
    {
        var set = LabelledChainSet.Load(RepeatTestKit.Policy, file);
        var result = new RepeatAnalysis(RepeatTestKit.Policy).Run(set.Calls);
        var at = set.Calls.ToDictionary(c => c.CallId, c => c.StartedAt);

        var labelledLinks = set.Chains.SelectMany(c => Links(c.Calls.OrderBy(id => at[id]).ToList())).ToHashSet();
        var predictedLinks = result.Chains.SelectMany(c => Links([.. c.Calls.Select(x => x.CallId)])).ToHashSet();
        var correct = predictedLinks.Count(labelledLinks.Contains);
        var precision = predictedLinks.Count == 0 ? 0 : (double)correct / predictedLinks.Count;
        var recall = (double)correct / labelledLinks.Count;

        var causesRight = 0;
        var confusion = new Dictionary<(RootCause Labelled, string Predicted), int>();
        foreach (var (calls, cause) in set.Chains)
        {
            var predicted = result.Members.TryGetValue(calls.OrderBy(id => at[id]).First(), out var m) && m.Kind == RepeatKind.Chain
                ? result.Chains.Single(c => c.Id == m.ChainId)
                : null;
            var sameCalls = predicted is not null && predicted.Calls.Select(c => c.CallId).ToHashSet().SetEquals(calls);
            var key = (cause, predicted is null ? "none" : sameCalls ? predicted.RootCause.ToString() : predicted.RootCause + "(other calls)");
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
            if (sameCalls && predicted!.RootCause == cause)
                causesRight++;
            else if (!LabelledChainSet.IsTest(file)) // nobody reads the test set's disagreements: only its totals are printed
                output.WriteLine($"{string.Join(",", calls)} labelled {cause}: predicted {(predicted is null ? "no chain" : $"{string.Join(",", predicted.Calls.Select(c => c.CallId))} {predicted.RootCause} — {predicted.Explanation}")}");
        }
        foreach (var wrong in predictedLinks.Where(l => !labelledLinks.Contains(l) && !LabelledChainSet.IsTest(file)))
            output.WriteLine($"link not labelled: {wrong}");
        foreach (var missed in labelledLinks.Where(l => !predictedLinks.Contains(l) && !LabelledChainSet.IsTest(file)))
            output.WriteLine($"labelled link missed: {missed}");
        var accuracy = (double)causesRight / set.Chains.Count;
        var clustersFound = set.Clusters.Count(c => result.Clusters.Any(r => r.Calls.Select(x => x.CallId).ToHashSet().SetEquals(c)));
        foreach (var missedCluster in set.Clusters.Where(c => !LabelledChainSet.IsTest(file) && !result.Clusters.Any(r => r.Calls.Select(x => x.CallId).ToHashSet().SetEquals(c))))
            output.WriteLine($"cluster missed: {string.Join(",", missedCluster)}; predicted: {string.Join(" | ", result.Clusters.Select(r => string.Join(",", r.Calls.Select(x => x.CallId))))}");
        output.WriteLine($"{file}: {set.Scenarios} scenarios, {set.Calls.Count} calls, {set.Chains.Count} labelled chains, {set.Clusters.Count} clusters ({clustersFound} found exactly, {result.Clusters.Count} predicted): " +
                         $"link precision {precision:0.000}, recall {recall:0.000}, root-cause accuracy {accuracy:0.000} ({causesRight}/{set.Chains.Count})");

        // Per cause, labelled → predicted (an aggregate, printed for the test set too, like the per-id tables of the call sets).
        output.WriteLine("labelled → predicted: " + string.Join("; ", confusion.Where(c => c.Key.Labelled.ToString() != c.Key.Predicted)
            .OrderBy(c => c.Key.Labelled).ThenBy(c => c.Key.Predicted, StringComparer.Ordinal).Select(c => $"{c.Key.Labelled}→{c.Key.Predicted} {c.Value}")));
        Assert.True(set.Chains.Count >= 15, "the set needs at least 15 labelled chains");
        Assert.True(precision >= minPrecision, $"link precision {precision:0.000}");
        Assert.True(recall >= minRecall, $"link recall {recall:0.000}");
        Assert.True(accuracy >= minAccuracy, $"root-cause accuracy {accuracy:0.000}");
        if (exactClusters)
            Assert.Equal(set.Clusters.Select(c => string.Join(",", c.Order())).Order(), result.Clusters.Select(c => string.Join(",", c.Calls.Select(x => x.CallId).Order())).Order());
    }

    // Measured on the test set (docs/repeats.md: first scored 1.000 / 0.943 / 0.393; 2026-12-05 afternoon 1.000 / 0.943 / 0.536;
    // 2026-12-06 1.000 / 0.971 / 0.786), less a margin. The second wave (test-chains-2, -3: first scored 2026-12-07 at
    // 1.000 / 1.000 / 0.733 and 0.939 / 1.000 / 0.800) is held the same way, inline above.
    private const double TestLinkPrecision = 0.95;
    private const double TestLinkRecall = 0.90;
    private const double TestRootCause = 0.70;

    private static IEnumerable<(string, string)> Links(List<string> calls)
    {
        for (var i = 1; i < calls.Count; i++)
            yield return (calls[i - 1], calls[i]);
    }
}
