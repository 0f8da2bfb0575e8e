using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Tests.Infrastructure;
using Xunit.Abstractions;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// The labelled evaluation set (tests/eval: calls in format 2 written by the team, labels.csv with the expected
/// fatal and non-fatal ids): precision and recall per rule id, printed as the table in docs/rules-evaluation.md.
/// Bars: fatal precision and recall ≥ 0.9, non-fatal ≥ 0.85 (micro-averaged over the ids of each severity).
/// </summary>
public sealed class EvaluationSetTests(ITestOutputHelper output)
{
    [Fact]
    public void Precision_and_recall_per_rule_meet_the_bars()
    {
        var folder = Path.Combine(TestPaths.Repository, "tests/eval");
        var catalog = RuleSetCatalog.Load(RulesFolder);
        var lines = File.ReadAllLines(Path.Combine(folder, "labels.csv"));
        var header = Csv(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        var counts = RuleSetLoaderTests.TaxonomyIds.ToDictionary(id => id, _ => (Tp: 0, Fp: 0, Fn: 0));
        var calls = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            var row = Csv(line);
            var callId = row[Col("call_id")];
            var transcript = TranscriptJson.Parse(File.ReadAllBytes(Path.Combine(folder, "transcripts", callId + ".json")));
            var expected = (row[Col("fatal")] + " " + row[Col("nonfatal")]).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var metadata = new CallMetadata { Direction = row[Col("direction")], HangupBy = row[Col("hangup_by")], Queue = row[Col("queue")] };
            var set = catalog.Find(row[Col("ruleset")]) ?? throw new InvalidOperationException($"{callId}: unknown rule set {row[Col("ruleset")]}");
            var found = new RuleEngine().Evaluate(set, new CallView(transcript, metadata, null, Words)).Hits.Select(h => h.Rule).ToHashSet();
            calls++;
            foreach (var id in counts.Keys)
            {
                var (tp, fp, fn) = counts[id];
                counts[id] = (tp + (found.Contains(id) && expected.Contains(id) ? 1 : 0), fp + (found.Contains(id) && !expected.Contains(id) ? 1 : 0),
                    fn + (!found.Contains(id) && expected.Contains(id) ? 1 : 0));
                if (found.Contains(id) != expected.Contains(id))
                    output.WriteLine($"{callId}: {id} {(found.Contains(id) ? "false positive" : "missed")}");
            }
        }
        output.WriteLine($"| rule | labelled | found | correct | precision | recall |  ({calls} calls)");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var (id, (tp, fp, fn)) in counts)
            output.WriteLine($"| {id} | {tp + fn} | {tp + fp} | {tp} | {Ratio(tp, tp + fp)} | {Ratio(tp, tp + fn)} |");
        foreach (var (prefix, bar) in new[] { ("F", 0.9), ("N", 0.85) })
        {
            var group = counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.Value).ToList();
            double tp = group.Sum(g => g.Tp), fp = group.Sum(g => g.Fp), fn = group.Sum(g => g.Fn);
            var precision = tp / Math.Max(1, tp + fp);
            var recall = tp / Math.Max(1, tp + fn);
            output.WriteLine($"{(prefix == "F" ? "fatal" : "non-fatal")}: precision {precision:0.000}, recall {recall:0.000}");
            Assert.True(precision >= bar && recall >= bar, $"{prefix}: precision {precision:0.000}, recall {recall:0.000}, bar {bar}");
        }
        Assert.True(calls >= 60, $"the evaluation set has {calls} calls, fewer than 60");
    }

    private static string Ratio(int a, int b) => b == 0 ? "—" : ((double)a / b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One CSV line (RFC 4180 quotes; the label file has no line breaks inside fields).</summary>
    private static string[] Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
