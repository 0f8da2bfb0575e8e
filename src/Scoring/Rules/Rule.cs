using SpeechQa.Scoring.Rules.Conditions;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// One QA rule: named conditions, the expression over them, severity, points (per hit) and cap, and whether
/// its hits need an inspector. With <see cref="Each"/> every match of that condition is its own hit (抢话 3 points
/// per interruption, at most 9).
/// </summary>
public sealed record Rule
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required Severity Severity { get; init; }
    public int Points { get; init; }
    public int Cap { get; init; }
    public bool NeedsReview { get; init; }
    public double Confidence { get; init; } = 1.0;
    public required IReadOnlyDictionary<string, Condition> Conditions { get; init; }
    public required RuleExpression When { get; init; }
    public string? Each { get; init; }
    public string SourceFile { get; init; } = "";
}

/// <summary>A versioned rule set for one business line, with the knowledge base its rules check against.</summary>
public sealed record RuleSet(string Id, int Version, string Name, IReadOnlyList<Rule> Rules, Knowledge.KnowledgeBase Knowledge)
{
    public string Label => $"{Id}@{Version}";

    /// <summary>The file the set was loaded from (its includes are listed in the rules' own <see cref="Rule.SourceFile"/>).</summary>
    public string SourceFile { get; init; } = "";

    /// <summary>The dialogue cue table the set reads the dialogue state with (<c>dialogue:</c> in the set file), if any.</summary>
    public Dialogue.DialogueCues? Dialogue { get; init; }

    /// <summary>
    /// The call categories this hotline receives (<c>categories:</c> in the set file): the category model chooses among
    /// these only, so a heating hotline's payment call is C12, never water's C02. Null: every category.
    /// </summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Every pattern the set reads sentences with: its rules', its dialogue cues' and its knowledge facts'.</summary>
    internal IEnumerable<ScreenedRegex> Patterns => Rules.SelectMany(r => r.Conditions.Values).SelectMany(c => c.Patterns)
        .Concat((Dialogue?.All ?? []).SelectMany(c => new[] { c.Pattern, c.Exclude }.OfType<ScreenedRegex>()))
        .Concat(Knowledge.Facts.SelectMany(f => f.Patterns));

    public IReadOnlyDictionary<string, int> Caps => Rules.Where(r => r.Severity == Severity.NonFatal).ToDictionary(r => r.Id, r => r.Cap);
}
