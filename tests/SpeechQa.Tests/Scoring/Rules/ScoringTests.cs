using SpeechQa.Scoring.Rules;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>Scores as the taxonomy defines them.</summary>
public sealed class ScoringTests
{
    [Fact]
    public void Per_event_deductions_stop_at_the_cap_and_fatal_sets_zero()
    {
        var set = RuleSetOf("""
              - id: N05
                name: 抢话
                severity: non-fatal
                points: 3
                cap: 9
                each: i
                conditions:
                  i: { interruption: { min_overlap_seconds: 1.0 } }
                when: i
              - id: F02
                name: 辱骂
                severity: fatal
                conditions:
                  a: { keywords: { any: [你有病吧] }, speaker: agent }
                when: a
            """);
        var lines = new List<(char, double, double, string)>();
        for (var i = 0; i < 5; i++)
        {
            lines.Add(('c', i * 10, i * 10 + 5, "我说我家那个水"));
            lines.Add(('a', i * 10 + 3, i * 10 + 6, "你听着"));
        }
        var judgement = new RuleEngine().Evaluate(set, Call([.. lines]));
        Assert.Equal(5, judgement.Hits.Count);
        Assert.Equal(9, judgement.Hits.Sum(h => h.Points));
        Assert.Equal(91, judgement.Score);
        Assert.Equal("test@3", judgement.RuleSet);
        lines.Add(('a', 60, 62, "你有病吧"));
        var fatal = new RuleEngine().Evaluate(set, Call([.. lines]));
        Assert.True(fatal.Fatal);
        Assert.Equal(0, fatal.Score);
    }

    [Fact]
    public void Reviewed_scores_recompute_from_confirmed_hits()
    {
        var hits = new[]
        {
            new RuleHit("N01", "开场白", "w@1", Severity.NonFatal, 5, null, 0, 0, 1, "", 1, false),
            new RuleHit("N05", "抢话", "w@1", Severity.NonFatal, 3, null, 1, 0, 1, "", 1, false),
            new RuleHit("N05", "抢话", "w@1", Severity.NonFatal, 3, null, 2, 0, 1, "", 1, false),
        };
        Assert.Equal(89, CallJudgement.ScoreOf(hits, null));
        Assert.Equal(92, CallJudgement.ScoreOf(hits.Where(h => h.Segment != 2), null)); // one interruption overturned
        Assert.Equal(0, CallJudgement.ScoreOf([.. hits, hits[0] with { Rule = "F02", Severity = Severity.Fatal }], null));
    }
}
