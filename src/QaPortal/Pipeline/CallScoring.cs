using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.QaPortal.Pipeline;

/// <summary>Where the rules are and which rule set a call gets when its manifest row names none (column <c>ruleset</c>).</summary>
public sealed record ScoringOptions(string RulesFolder, string DefaultRuleSet)
{
    public const string RulesVariable = "SPEECHQA_RULES";
    public const string RuleSetVariable = "SPEECHQA_RULESET";

    public static ScoringOptions FromEnvironment() => new(
        Environment.GetEnvironmentVariable(RulesVariable) is { Length: > 0 } rules ? rules : "rules",
        Environment.GetEnvironmentVariable(RuleSetVariable) is { Length: > 0 } set ? set : RuleSetCatalog.DefaultRuleSet);
}

/// <summary>
/// The analyze stage's scorer: rule sets and the segmenter loaded on first use (so commands that never score do
/// not pay for the dictionary). Without a rules folder nothing is scored and the export carries no score.
/// </summary>
public sealed class CallScoring(ScoringOptions options, ILogger<CallScoring> logger)
{
    private readonly Lazy<CallJudge?> _judge = new(() => Create(options, logger));

    public CallJudge? Judge => _judge.Value;

    private static CallJudge? Create(ScoringOptions options, ILogger logger)
    {
        if (!Directory.Exists(Path.Combine(options.RulesFolder, "rulesets")))
        {
            logger.LogWarning("No rule sets in {Folder}: calls are not scored", Path.GetFullPath(options.RulesFolder));
            return null;
        }
        var judge = CallJudge.ForRulesFolder(options.RulesFolder);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Rule sets loaded: {RuleSets}", string.Join(", ", judge.Catalog.All.Select(r => r.Label)));
        return judge;
    }

    public string RuleSetFor(Call call) =>
        call.Attributes.TryGetValue("ruleset", out var named) && named.Length > 0 ? named : options.DefaultRuleSet;

    public static CallMetadata MetadataOf(Call call, double? durationSeconds) => new()
    {
        Direction = call.Direction == CallDirection.Outbound ? "outbound" : "inbound",
        HangupBy = call.HangupBy,
        Queue = call.Queue,
        Region = call.Region,
        DurationSeconds = durationSeconds,
    };

    /// <summary>The Transcriber's measurements in Scoring's terms (Scoring knows nothing of audio).</summary>
    public static MeasuredAudio AudioOf(AcousticMetrics acoustics) => new(
        acoustics.DurationSeconds,
        [.. acoustics.Silences.Select(s => (s.Start, s.End))],
        [.. acoustics.Overlaps.Select(o => (o.Start, o.End, o.Interrupter))],
        [.. acoustics.Speakers.SelectMany(s => s.Regions.Select((r, i) => (r.Start, r.End, s.Speaker, i < s.RelativeLoudnessDb.Count ? s.RelativeLoudnessDb[i] : 0.0)))]);
}
