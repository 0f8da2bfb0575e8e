using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// Every rule of both rule sets against its example dialogues in tests/rule-examples/&lt;ID&gt;.json (written by the
/// team): at least two that must fire and two near misses that must not, run through both rule sets.
/// </summary>
public sealed class RuleExampleTests
{
    private static readonly Lazy<RuleSetCatalog> Catalog = new(() => RuleSetCatalog.Load(RulesFolder));

    public static TheoryData<string> RuleIds => [.. RuleSetLoaderTests.TaxonomyIds];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Examples_fire_and_near_misses_do_not(string rule)
    {
        var path = Path.Combine(TestPaths.Repository, "tests/rule-examples", rule + ".json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var examples = json.RootElement.GetProperty("examples").EnumerateArray().ToList();
        Assert.True(examples.Count(e => e.GetProperty("expect").GetBoolean()) >= 2, $"{rule}: fewer than two positive examples");
        Assert.True(examples.Count(e => !e.GetProperty("expect").GetBoolean()) >= 2, $"{rule}: fewer than two negative examples");
        var failures = new List<string>();
        foreach (var example in examples)
        {
            var expected = example.GetProperty("expect").GetBoolean();
            var call = ToCall(example);
            foreach (var set in new[] { "water-hotline", "heating-hotline" })
            {
                var fired = new RuleEngine().Evaluate(Catalog.Value.Find(set)!, call).Hits.Any(h => h.Rule == rule);
                if (fired != expected)
                    failures.Add($"{set}: '{example.GetProperty("name").GetString()}' expected {(expected ? "a hit" : "no hit")}");
            }
        }
        Assert.True(failures.Count == 0, $"{rule}:\n" + string.Join('\n', failures));
    }

    internal static CallView ToCall(JsonElement example)
    {
        var segments = example.GetProperty("segments").EnumerateArray().Select(s => new TranscriptSegment(
            s.GetProperty("speaker").GetString() == "agent" ? Speaker.Agent : Speaker.Customer,
            s.GetProperty("start").GetDouble(), s.GetProperty("end").GetDouble(), s.GetProperty("text").GetString()!)).ToList();
        var metadata = example.TryGetProperty("metadata", out var m) ? m : default;
        string? Field(string name) => metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var v) ? v.GetString() : null;
        return new CallView(new Transcript("EX", "zh", "imported", segments),
            new CallMetadata { Direction = Field("direction") ?? "inbound", HangupBy = Field("hangup_by"), Queue = Field("queue") }, null, Words);
    }
}
