using System.Globalization;
using SpeechQa.Scoring.Repeats;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Repeats;

/// <summary>The shipped repeat policy and a short way to write calls; cues are found by the real cue finder.</summary>
internal static class RepeatTestKit
{
    public static RepeatPolicy Policy { get; } = RepeatPolicyLoader.LoadOrThrow(Path.Combine(TestPaths.Repository, RepeatPolicyLoader.DefaultPath));

    /// <summary>The shipped dialogue-act model, as the product runs it on each call's sentences (root causes read its acts).</summary>
    public static Lazy<SpeechQa.Scoring.Classification.CallClassifier> ActModel { get; } = new(() =>
        SpeechQa.Scoring.Classification.CallClassifier.Load(Path.Combine(TestPaths.Repository, "models"),
            new SpeechQa.Scoring.Classification.ClassifierTokens(SpeechQa.Scoring.Judging.CallJudge.ForRulesFolder(Path.Combine(TestPaths.Repository, "rules")).Segmenter)));

    /// <summary>Each sentence of what a customer said, with the act model's probabilities.</summary>
    public static IReadOnlyList<SentenceActs> CustomerActs(string customer)
    {
        var sentences = customer.Split(['。', '！', '？', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((t, i) => new SpeechQa.Batch.Transcripts.TranscriptSegment(SpeechQa.Batch.Transcripts.Speaker.Customer, i, i + 1, t)).ToList();
        var labels = ActModel.Value.LabelSentences(sentences, CancellationToken.None);
        return labels is null ? [] : [.. sentences.Select((s, i) => new SentenceActs(s.Text, labels[i]))];
    }

    /// <summary>Monday 2024-11-04 08:00 China time.</summary>
    public static readonly DateTimeOffset Monday = new(2024, 11, 4, 8, 0, 0, TimeSpan.FromHours(8));

    public static CallContact Call(string id, double hoursAfterMonday, string? number, string? category,
        string customer = "", string agent = "", string? account = null, string region = "竞秀区", bool outbound = false,
        string agentId = "A01", string team = "热线一组", int score = 90, params string[] rules) =>
        new()
        {
            CallId = id,
            StartedAt = Monday.AddHours(hoursAfterMonday),
            Outbound = outbound,
            CallerNumber = number,
            AccountNo = account,
            Region = region,
            Category = category,
            AgentId = agentId,
            Team = team,
            Score = score,
            Rules = rules,
            Cues = new RepeatCueFinder(Policy).Find(customer, agent, CustomerActs(customer), outbound),
        };

    public static string Describe(IEnumerable<IEnumerable<CallContact>> chains) =>
        string.Join(" | ", chains.Select(c => string.Join(",", c.Select(x => x.CallId))));

    public static string Hours(double h) => h.ToString(CultureInfo.InvariantCulture);
}
