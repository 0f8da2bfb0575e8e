using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;
using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>Builds small calls and rule files for the rule tests; the jieba model is loaded once for the run.</summary>
public sealed class RuleTestKit
{
    private static readonly Lazy<WordSegmenter> Segmenter = new(() =>
        new WordSegmenter(JiebaModel.Load()).WithUserDictionary(Path.Combine(TestPaths.Repository, "rules/dict/hotline.txt")));

    public static WordSegmenter Words => Segmenter.Value;

    public static string RulesFolder => Path.Combine(TestPaths.Repository, "rules");

    /// <summary>A call from (speaker, start, end, text) lines; 'a' agent, 'c' customer.</summary>
    public static CallView Call(params (char Speaker, double Start, double End, string Text)[] lines) => Call(new CallMetadata { Direction = "inbound" }, null, lines);

    public static CallView Call(CallMetadata metadata, MeasuredAudio? audio, params (char Speaker, double Start, double End, string Text)[] lines)
    {
        var segments = lines.Select(l => new TranscriptSegment(l.Speaker == 'a' ? Speaker.Agent : Speaker.Customer, l.Start, l.End, l.Text)).ToList();
        return new CallView(new Transcript("T1", "zh", "imported", segments), metadata, audio, Words);
    }

    /// <summary>A one-rule set from YAML text (the rule list only), written to a temp folder and loaded.</summary>
    public static RuleSet RuleSetOf(string rulesYaml, string? knowledgeYaml = null)
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-rules-").FullName;
        var knowledge = "";
        if (knowledgeYaml is not null)
        {
            File.WriteAllText(Path.Combine(folder, "kb.yaml"), knowledgeYaml);
            knowledge = "knowledge: [kb.yaml]\n";
        }
        var path = Path.Combine(folder, "set.yaml");
        File.WriteAllText(path, "ruleset: test\nversion: 3\n" + knowledge + "rules:\n" + rulesYaml);
        try
        {
            return RuleSetLoader.Load(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IReadOnlyList<RuleHit> Run(RuleSet set, CallView call) => new RuleEngine().Evaluate(set, call).Hits;

    /// <summary>One rule with one condition named c, firing when c holds.</summary>
    public static RuleSet OneRule(string condition, string severity = "non-fatal") =>
        RuleSetOf("  - id: X1\n    name: 测试规则\n    severity: " + severity + "\n    points: 5\n    conditions:\n      c:\n"
            + Indent(condition, 8) + "\n    when: c\n");

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));
}
