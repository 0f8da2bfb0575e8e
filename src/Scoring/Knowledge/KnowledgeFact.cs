using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Knowledge;

/// <summary>How a stated number must relate to the fact to be correct.</summary>
public enum FactComparison
{
    /// <summary>Prices, fees, standards: the same number (within the tolerance).</summary>
    Equal,

    /// <summary>Time limits (SLAs): stating a longer time than the limit is wrong; a shorter one is not an F03 matter.</summary>
    NotAbove,
}

/// <summary>
/// One fact of the utility's knowledge base (rules/knowledge/*.yaml): what it says, the words that show an
/// agent is talking about it (cue), and the number that must be right.
/// </summary>
public sealed record KnowledgeFact(
    string Id,
    string Topic,
    string Says,
    Regex Cue,
    QuantityKind Kind,
    double Value,
    double Tolerance,
    FactComparison Comparison,
    string SourceFile)
{
    public bool IsRight(double stated) => Comparison == FactComparison.Equal
        ? Math.Abs(stated - Value) <= Tolerance
        : stated <= Value + Tolerance;
}

/// <summary>The knowledge base a rule set checks against (F03 wrong information, N08 time limits).</summary>
public sealed class KnowledgeBase(IReadOnlyList<KnowledgeFact> facts)
{
    public static readonly KnowledgeBase Empty = new([]);

    public IReadOnlyList<KnowledgeFact> Facts { get; } = facts;

    public IEnumerable<KnowledgeFact> Matching(IReadOnlyList<string> patterns) =>
        Facts.Where(f => patterns.Count == 0 || patterns.Any(p => p.EndsWith('*') ? f.Id.StartsWith(p[..^1], StringComparison.Ordinal) : f.Id == p));

    private static readonly char[] ClauseBreaks = ['，', '。', '；', '！', '？', ',', ';', '!', '?', '：', ':'];

    /// <summary>
    /// Where a sentence contradicts a fact: the fact and the number as stated. The number said about a cue is the
    /// first one in the cue's clause after it, else the last before it in that clause, else the first of the next
    /// clause (第一阶梯，每吨3.45元).
    /// </summary>
    public static (KnowledgeFact Fact, StatedQuantity Stated)? Contradiction(string sentence, IEnumerable<KnowledgeFact> facts)
    {
        var factList = facts as IReadOnlyList<KnowledgeFact> ?? [.. facts];
        foreach (var fact in factList)
        {
            foreach (System.Text.RegularExpressions.Match cue in fact.Cue.Matches(sentence))
            {
                var clauseStart = sentence.LastIndexOfAny(ClauseBreaks, Math.Max(0, cue.Index - 1)) + 1;
                if (cue.Index == 0)
                    clauseStart = 0;
                var clauseEnd = sentence.IndexOfAny(ClauseBreaks, cue.Index + cue.Length);
                if (clauseEnd < 0)
                    clauseEnd = sentence.Length;
                var quantities = QuantityReader.Read(sentence, fact.Kind);
                var inClause = quantities.Where(q => q.Index >= clauseStart && q.Index < clauseEnd).ToList();
                var stated = inClause.FirstOrDefault(q => q.Index >= cue.Index) ?? inClause.LastOrDefault();
                // Fall back to the next clause only when it is not about another fact (超过了第一阶梯的180吨，所以…按第二阶梯4.83元).
                if (stated is null && clauseEnd < sentence.Length)
                {
                    var nextEnd = sentence.IndexOfAny(ClauseBreaks, clauseEnd + 1);
                    var next = sentence[(clauseEnd + 1)..(nextEnd < 0 ? sentence.Length : nextEnd)];
                    if (!factList.Any(other => !ReferenceEquals(other, fact) && other.Cue.IsMatch(next)))
                        stated = quantities.FirstOrDefault(q => q.Index > clauseEnd && (nextEnd < 0 || q.Index < nextEnd));
                }
                if (stated is not null && !fact.IsRight(stated.Value))
                    return (fact, stated);
            }
        }
        return null;
    }
}
