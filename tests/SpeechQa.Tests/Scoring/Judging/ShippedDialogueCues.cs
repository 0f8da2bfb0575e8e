using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Rules.Loading;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Judging;

/// <summary>The shipped cue file (rules/dialogue/cues.yaml), loaded once for the category-correction tests.</summary>
internal static class ShippedDialogueCues
{
    private static readonly Lazy<DialogueCues> Cues = new(() =>
    {
        var errors = new List<RuleFileError>();
        return DialogueCueLoader.TryLoad(Path.Combine(RulesFolder, "dialogue/cues.yaml"), errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
    });

    public static DialogueCues Value => Cues.Value;
}
