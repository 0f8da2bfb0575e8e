using System.Globalization;
using System.Text;

namespace SpeechQa.Scoring.Evaluation;

/// <summary>True/false positives and misses of one error id over a set of calls.</summary>
public sealed record IdCounts(int TruePositives, int FalsePositives, int Misses)
{
    public int Labelled => TruePositives + Misses;

    public int Found => TruePositives + FalsePositives;

    public double? Precision => Found == 0 ? null : (double)TruePositives / Found;

    public double? Recall => Labelled == 0 ? null : (double)TruePositives / Labelled;
}

/// <summary>
/// What the judge got right and wrong on labelled calls: per error id, micro-averaged per severity, category
/// accuracy, and the list of disagreements (call, id, false positive or missed).
/// </summary>
public sealed class RuleScorecard
{
    public static readonly IReadOnlyList<string> Ids =
        [.. Enumerable.Range(1, 7).Select(i => $"F{i:00}"), .. Enumerable.Range(1, 12).Select(i => $"N{i:00}")];

    private readonly Dictionary<string, IdCounts> _counts = Ids.ToDictionary(id => id, _ => new IdCounts(0, 0, 0));
    private readonly List<string> _disagreements = [];

    public int Calls { get; private set; }

    public int CategoryRight { get; private set; }

    public int CategoryJudged { get; private set; }

    public IReadOnlyDictionary<string, IdCounts> Counts => _counts;

    public IReadOnlyList<string> Disagreements => _disagreements;

    public void Add(LabelledCall call, IReadOnlySet<string> found, string? category)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(found);
        Calls++;
        foreach (var id in Ids)
        {
            var (tp, fp, fn) = _counts[id];
            var expected = call.Errors.Contains(id);
            var got = found.Contains(id);
            _counts[id] = new IdCounts(tp + (got && expected ? 1 : 0), fp + (got && !expected ? 1 : 0), fn + (!got && expected ? 1 : 0));
            if (got != expected)
                _disagreements.Add($"{call.CallId} {id} {(got ? "false positive" : "missed")}{(call.Traps.Contains(id) ? " (trap)" : "")}");
        }
        if (category is not null)
        {
            CategoryJudged++;
            if (category == call.Category)
                CategoryRight++;
            else
                _disagreements.Add($"{call.CallId} category {call.Category} → {category}");
        }
    }

    /// <summary>Micro-averaged precision and recall over the ids of one severity ('F' fatal, 'N' non-fatal).</summary>
    public IdCounts Micro(char severity)
    {
        var group = _counts.Where(c => c.Key[0] == severity).Select(c => c.Value).ToList();
        return new IdCounts(group.Sum(g => g.TruePositives), group.Sum(g => g.FalsePositives), group.Sum(g => g.Misses));
    }

    public double? CategoryAccuracy => CategoryJudged == 0 ? null : (double)CategoryRight / CategoryJudged;

    /// <summary>The markdown table docs/rules-evaluation.md and the README quote.</summary>
    public string Table(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title} — {Calls} calls");
        text.AppendLine("| id | labelled | found | correct | precision | recall |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var (id, c) in _counts)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {id} | {c.Labelled} | {c.Found} | {c.TruePositives} | {Ratio(c.Precision)} | {Ratio(c.Recall)} |");
        var fatal = Micro('F');
        var nonFatal = Micro('N');
        var category = CategoryAccuracy is { } a ? $" · category {CategoryRight}/{CategoryJudged} = {Ratio(a)}" : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"fatal: precision {Ratio(fatal.Precision)}, recall {Ratio(fatal.Recall)} · non-fatal: precision {Ratio(nonFatal.Precision)}, recall {Ratio(nonFatal.Recall)}{category}");
        return text.ToString();
    }

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
