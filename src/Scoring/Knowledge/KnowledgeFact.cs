using SpeechQa.Scoring.Rules;

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
/// agent is talking about it (cue), the number that must be right, and optionally the wording that must (context)
/// or must not (exclude) surround a number for it to state this fact — a bill total or a meter reading states no
/// tariff.
/// </summary>
public sealed record KnowledgeFact(
    string Id,
    string Topic,
    string Says,
    ScreenedRegex Cue,
    QuantityKind Kind,
    double Value,
    double Tolerance,
    FactComparison Comparison,
    string SourceFile)
{
    /// <summary>Wording that must be in the number's clause (e.g. a per-ton unit for a price).</summary>
    public ScreenedRegex? Context { get; init; }

    /// <summary>Wording that, in the number's clause, shows the number states something else (合计, 欠, 读数…).</summary>
    public ScreenedRegex? Exclude { get; init; }

    /// <summary>For a <see cref="QuantityKind.Claim"/>: wording that states some version of the policy (按抄表周期算, 每次抄完清零).</summary>
    public ScreenedRegex? Claims { get; init; }

    /// <summary>For a <see cref="QuantityKind.Claim"/>: the right version (自然年, 1月1日); a claim without it contradicts the fact.</summary>
    public ScreenedRegex? Right { get; init; }

    /// <summary>Every pattern of the fact.</summary>
    internal IEnumerable<ScreenedRegex> Patterns => new[] { Cue, Context, Exclude, Claims, Right }.OfType<ScreenedRegex>();

    /// <summary>A rough figure (四块多: 4 to 5) is right when the fact's value lies anywhere in its span.</summary>
    public bool IsRight(StatedQuantity stated) => Comparison == FactComparison.Equal
        ? Value >= stated.Value - Tolerance && Value <= stated.Value + stated.Span + Tolerance
        : stated.Value <= Value + Tolerance;

    /// <summary>Whether a number in this clause can state this fact at all.</summary>
    public bool CanBeStatedIn(string clause) =>
        (Context is null || Context.IsMatch(clause)) && (Exclude is null || !Exclude.IsMatch(clause));
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
    /// Where a sentence contradicts a fact: every fact and number as stated (claims first, then kind by kind in the
    /// sentence's order), so that a reader that sets one aside — a temperature the caller measured, repeated — goes on to
    /// the next. Each number is bound to the one fact it states — the nearest cue in its own clause, else a cue ending the
    /// clause just before (第一阶梯，每吨3.45元) when its own clause names no other fact — and only facts whose
    /// context/exclude allow that clause. A number bound across
    /// clauses that equals another fact of its kind is taken to state that fact (前180吨3.45元，超出的算第二阶梯).
    /// </summary>
    public static IEnumerable<(KnowledgeFact Fact, StatedQuantity Stated)> Contradictions(string sentence, IEnumerable<KnowledgeFact> facts)
    {
        var factList = facts as IReadOnlyList<KnowledgeFact> ?? [.. facts];
        var cues = factList
            .SelectMany(f => f.Cue.Matches(sentence).Select(m => (Fact: f, m.Index, m.Length)))
            .ToList();
        if (cues.Count == 0)
            yield break;
        foreach (var fact in cues.Select(c => c.Fact).Where(f => f.Kind == QuantityKind.Claim).Distinct())
        {
            if (fact.Claims?.Match(sentence) is { Success: true } claim && fact.Right?.IsMatch(sentence) != true && fact.CanBeStatedIn(sentence))
                yield return (fact, new StatedQuantity(0, claim.Index, claim.Length, claim.Value));
        }
        foreach (var kind in cues.Select(c => c.Fact.Kind).Where(k => k != QuantityKind.Claim).Distinct())
        {
            var statedOfKind = QuantityReader.Read(sentence, kind);
            foreach (var stated in statedOfKind)
            {
                var (clauseStart, clauseEnd) = ClauseOf(sentence, stated, statedOfKind);
                var clause = sentence[clauseStart..clauseEnd];
                var ofKind = cues.Where(c => c.Fact.Kind == kind && c.Fact.CanBeStatedIn(clause)).ToList();
                var sameClause = ofKind.Where(c => c.Index >= clauseStart && c.Index < clauseEnd)
                    .OrderBy(c => Math.Abs(c.Index - stated.Index)).ToList();
                KnowledgeFact? bound = sameClause.Count > 0 ? sameClause[0].Fact : null;
                var across = false;
                List<(KnowledgeFact Fact, int Index, int Length)> lent = [];
                // A fact named in the clause before lends itself across a comma, not across a full stop: 那就按抢修走。眼下这种渗水
                // 就是一个工作日以内 states the second sentence's own matter.
                if (bound is null && clauseStart > 0 && sentence[clauseStart - 1] is not ('。' or '？' or '！' or '?' or '!')
                    && !cues.Any(c => c.Index >= clauseStart && c.Index < clauseEnd))
                {
                    var (previousStart, _) = ClauseOf(sentence, clauseStart - 1);
                    // A cue whose own clause already states its number lends nothing to the next clause (开栓是11月15号，工期11月10号前完工).
                    var previousHasOwn = QuantityReader.Read(sentence, kind).Any(q => q.Index >= previousStart && q.Index < clauseStart);
                    lent = previousHasOwn ? [] : [.. ofKind.Where(c => c.Index >= previousStart && c.Index < clauseStart)];
                    bound = lent.OrderByDescending(c => c.Index).Select(c => c.Fact).FirstOrDefault();
                    across = bound is not null;
                }
                if (bound is null || bound.IsRight(stated))
                    continue;
                if (across && factList.Any(f => f.Kind == kind && !ReferenceEquals(f, bound) && f.IsRight(stated) && f.Comparison == FactComparison.Equal))
                    continue;
                // The clause before named several facts (投诉维修人员收费，三个工作日内回电): right for any of them is no contradiction.
                if (lent.Any(c => c.Fact.IsRight(stated)))
                    continue;
                // So did the sentence's earlier clauses (这个投诉我记下来，转给维修部门，3个工作日内回电话): a number lent across a
                // comma that is right for a fact named earlier in the same breath is no contradiction.
                if (across && ofKind.Any(c => c.Index < clauseStart && c.Fact.IsRight(stated)))
                    continue;
                if (IsRightForAnotherKind(sentence, clauseStart, clauseEnd, stated, kind, cues))
                    continue;
                yield return (bound, stated);
            }
        }
    }

    /// <summary>
    /// Whether a fact of another kind, cued in the same clause, reads the same words as its own right value — an
    /// unpunctuated ASR run such as 夜班只出抢修您这个属于一般维修按规定一个工作日内处理 names two facts in one clause, and the
    /// number is right for the one it states. F03 is fatal: a number right for a fact the clause names is not flagged.
    /// </summary>
    private static bool IsRightForAnotherKind(string sentence, int clauseStart, int clauseEnd, StatedQuantity stated, QuantityKind kind,
        List<(KnowledgeFact Fact, int Index, int Length)> cues)
    {
        var clause = sentence[clauseStart..clauseEnd];
        foreach (var other in cues.Where(c => c.Fact.Kind != kind && c.Fact.Kind != QuantityKind.Claim && c.Index >= clauseStart && c.Index < clauseEnd && c.Fact.CanBeStatedIn(clause)))
        {
            if (QuantityReader.Read(sentence, other.Fact.Kind).Any(q => q.Index == stated.Index && other.Fact.IsRight(q)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The clause of a stated number. An unpunctuated ASR run can put two numbers of one kind side by side
    /// (室温不低于十八度十六度是不达标的): where one ends, the other begins a clause of its own — unless the second opens a
    /// range with the first (一百八十一吨到两百六十吨).
    /// </summary>
    private static (int Start, int End) ClauseOf(string sentence, StatedQuantity stated, IReadOnlyList<StatedQuantity> ofKind)
    {
        var (start, end) = ClauseOf(sentence, stated.Index);
        foreach (var other in ofKind)
        {
            if (other.Index + other.Length == stated.Index && other.Index >= start && !OpensRange(stated))
                start = stated.Index;
            if (stated.Index + stated.Length == other.Index && other.Index < end && !OpensRange(other))
                end = other.Index;
        }
        return (start, end);
    }

    private static bool OpensRange(StatedQuantity stated) => stated.Text.Length > 0 && stated.Text[0] is '到' or '至' or '-' or '~' or '～';

    private static (int Start, int End) ClauseOf(string sentence, int index)
    {
        var start = index == 0 ? 0 : LastClauseBreak(sentence, index - 1) + 1;
        var end = NextClauseBreak(sentence, index);
        return (start, end < 0 ? sentence.Length : end);
    }

    // ASR output often marks a pause with a space or a '.' instead of Chinese punctuation: after a Han character and
    // before a Han character or a digit (每吨3.45元 181到260吨是第二阶梯) either ends a clause ('.' between digits stays a
    // decimal point, a space between a number and its unit — 3.45 元 — or between Latin words stays a space).
    private static bool IsClauseBreak(string text, int i) =>
        Array.IndexOf(ClauseBreaks, text[i]) >= 0
        || (text[i] is ' ' or '.' && i > 0 && i + 1 < text.Length && IsHan(text[i - 1]) && (IsHan(text[i + 1]) || char.IsAsciiDigit(text[i + 1])));

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static int LastClauseBreak(string text, int from)
    {
        for (var i = from; i >= 0; i--)
        {
            if (IsClauseBreak(text, i))
                return i;
        }
        return -1;
    }

    private static int NextClauseBreak(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (IsClauseBreak(text, i))
                return i;
        }
        return -1;
    }
}
