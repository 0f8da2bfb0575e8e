using SpeechQa.Scoring.Repeats;
using SpeechQa.Scoring.Rules.Loading;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Repeats;

public sealed class RepeatPolicyTests
{
    [Fact]
    public void The_shipped_policy_loads_with_its_knowledge_base_slas()
    {
        var policy = RepeatTestKit.Policy;
        Assert.Equal(TimeSpan.FromHours(72), policy.Window);
        Assert.Equal(TimeSpan.FromDays(7), policy.WindowFor("C02"));
        Assert.Equal("sla.water_quality", policy.TicketSla["C05"][0].Id);
        Assert.Equal(["sla.burst_main", "sla.general_repair"], policy.TicketSla["C06"].Select(f => f.Id));
        Assert.True(policy.AreRelated("C09", "C12"));
        Assert.False(policy.AreRelated("C06", "C08"));
    }

    [Fact]
    public void Mistakes_in_the_policy_are_reported_with_their_line()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-policy-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Repository, RepeatPolicyLoader.DefaultPath))
                .Replace("window: 72h", "window: 三天", StringComparison.Ordinal)
                .Replace("C05: sla.water_quality", "C05: sla.no_such_fact", StringComparison.Ordinal)
                .Replace("ticket_cue: '派单", "ticket_cue: '(派单", StringComparison.Ordinal)
                .Replace("act_min_p: 0.8", "act_min_p: 8", StringComparison.Ordinal)
                .Replace("knowledge: [../knowledge/service-levels.yaml]", $"knowledge: [{Path.Combine(TestPaths.Repository, "rules/knowledge/service-levels.yaml")}]", StringComparison.Ordinal);
            var file = Path.Combine(folder, "policy.yaml");
            File.WriteAllText(file, text);
            var errors = Assert.Throws<RuleSetLoadException>(() => RepeatPolicyLoader.LoadOrThrow(file)).Errors;
            var lines = File.ReadAllLines(file);
            Assert.Contains(errors, e => e.Message.Contains("'三天'", StringComparison.Ordinal) && lines[e.Line - 1].Contains("三天", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Message.Contains("sla.no_such_fact", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Message.Contains("ticket_cue", StringComparison.Ordinal) && e.Message.Contains("正则", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Message.Contains("act_min_p", StringComparison.Ordinal) && lines[e.Line - 1].StartsWith("act_min_p", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
