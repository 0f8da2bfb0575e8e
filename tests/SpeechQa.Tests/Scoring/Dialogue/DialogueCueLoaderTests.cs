using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Rules.Loading;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Dialogue;

/// <summary>The cue file admins edit: a wrong value is named with its place in the file, and nothing is loaded.</summary>
public sealed class DialogueCueLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("speechqa-cues-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_unknown_scope_is_named_with_its_line()
    {
        var lines = File.ReadAllLines(Path.Combine(RulesFolder, "dialogue/cues.yaml"));
        var at = Array.FindIndex(lines, l => l.Trim() == "scope: full_stop");
        Assert.True(at >= 0, "the shipped cue file reads one cue by spoken sentence");
        lines[at] = lines[at].Replace("full_stop", "paragraph", StringComparison.Ordinal);
        var path = Path.Combine(_folder, "cues.yaml");
        File.WriteAllLines(path, lines);

        var errors = new List<RuleFileError>();
        Assert.Null(DialogueCueLoader.TryLoad(path, errors));
        var error = Assert.Single(errors);
        Assert.Equal(at + 1, error.Line);
        Assert.Contains("'paragraph'", error.Message, StringComparison.Ordinal);
        Assert.Contains("full_stop", error.Message, StringComparison.Ordinal);
    }
}
