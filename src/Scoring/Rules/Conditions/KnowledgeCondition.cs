using SpeechQa.Scoring.Knowledge;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>知识库核对: sentences that state a number contradicting the knowledge base (the facts selected by id or prefix*).</summary>
public sealed partial class KnowledgeCondition : Condition
{
    public required IReadOnlyList<KnowledgeFact> Facts { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    private ScreenedRegex? _anyCue;

    internal override IEnumerable<ScreenedRegex> Patterns => [AnyCue, .. Facts.SelectMany(f => f.Patterns)];

    /// <summary>
    /// Every fact's cue in one pattern: a sentence none of them names states no fact, and one pass over it replaces a
    /// pass per fact (most agent sentences name none). Built when the rule set is loaded (its literal screen reads every
    /// condition's patterns); a race builds the same pattern twice.
    /// </summary>
    private ScreenedRegex AnyCue => _anyCue ??= new ScreenedRegex(string.Join('|', Facts.Select(f => $"(?:{f.Cue})")), ScreenedRegex.CatastropheTimeout);

    /// <summary>
    /// A temperature that is a measurement states no standard: 室温十六度，对吧 after the caller said 屋里才十六度 (the agent
    /// repeats what the caller measured), or one the agent says somebody measured. Only for temperatures: a price or a
    /// limit the caller said and the agent repeats is the agent's answer.
    /// </summary>
    private static bool IsMeasuredTemperature(CallView call, int sentence, string text, (KnowledgeFact Fact, StatedQuantity Stated) wrong)
    {
        var (kind, value) = (wrong.Fact.Kind, wrong.Stated.Value);
        if (kind != QuantityKind.Celsius)
            return false;
        // 标准是不低于十六度 states the standard, even in the caller's own figure; 室温十五度低于18度的标准 does not (the
        // standard words come after the measurement).
        var from = text.AsSpan(0, wrong.Stated.Index).LastIndexOfAny(ClauseMarks.Set) + 1;
        if (StandardWords.Any(w => text.AsSpan(from, wrong.Stated.Index - from).Contains(w, StringComparison.Ordinal)))
            return false;
        // 师傅上门测了室温，是19℃: a temperature somebody measured states no standard either.
        var near = text.Substring(Math.Max(0, wrong.Stated.Index - MeasureReach), Math.Min(MeasureReach, wrong.Stated.Index));
        if (MeasureWords.Any(w => near.Contains(w, StringComparison.Ordinal)))
            return true;
        for (var j = 0; j < sentence; j++)
        {
            if (call.Sentences[j].Speaker == SpeechQa.Batch.Transcripts.Speaker.Customer
                && QuantityReader.Read(call.Sentences[j].Text, kind).Any(q => q.Value == value))
                return true;
        }
        return false;
    }

    private static readonly string[] StandardWords = ["标准", "不低于", "以上", "达标", "合格", "规定"];

    private static readonly string[] MeasureWords = ["测了", "测的", "测得", "测出", "实测", "量了", "量的", "量出", "温度计", "反映"];

    /// <summary>Characters before a temperature searched for a measuring word (测了室温，是19℃).</summary>
    private const int MeasureReach = 12;

    private static readonly System.Buffers.SearchValues<char> Numerals = System.Buffers.SearchValues.Create("0123456789０１２３４５６７８９零一二两三四五六七八九十百千万半");

    /// <summary>
    /// The clause of the caller's question right before this sentence that names a fact: the last clause of a sentence
    /// ending in a question mark (取暖费是好多钱一个平方？), else the last clause that asks in words (暖气费是多少钱一平米，俺刚买的
    /// 二手房…); null where none does.
    /// </summary>
    private string? AskedFact(CallView call, int sentence)
    {
        if (sentence == 0 || call.Sentences[sentence - 1] is not { Speaker: SpeechQa.Batch.Transcripts.Speaker.Customer } before
            || call.Sentences[sentence].Text.AsSpan().IndexOfAny(Numerals) < 0) // an answer without a number states no figure
            return null;
        var question = before.Text.AsSpan().TrimEnd();
        if (question.Length > 0 && question[^1] is '？' or '?')
        {
            var last = question[..^1];
            var clause = last[(last.LastIndexOfAny(ClauseMarks.Set) + 1)..].ToString();
            if (AnyCue.IsMatch(clause))
                return clause;
        }
        // Clause by clause from the end, without cutting the sentence up (most answers read here state no fact).
        for (var rest = before.Text.AsSpan(); !rest.IsEmpty;)
        {
            var cut = rest.LastIndexOfAny(ClauseMarks.Set);
            var clause = rest[(cut + 1)..];
            if (!clause.IsEmpty && AsksInWords().IsMatch(clause) && AnyCue.IsMatch(clause))
                return clause.ToString();
            rest = cut < 0 ? [] : rest[..cut];
        }
        return null;
    }

    /// <summary>A clause that asks without a question mark (多少钱, 怎么交, 是不是).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("多少|几(块|毛|钱|天|个|号|点)|啥|什么|怎么|咋|哪|是不是|吗|么", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AsksInWords();

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (Facts.Count == 0)
            yield break;
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            var text = s.Text;
            var from = 0;
            // Recognition cuts a sentence at a pause (第二阶梯是， | 一吨五块八毛三): a number whose fact was named in the same
            // speaker's segment just before, without a stop between them, is read with it. Only the numbers of this segment count.
            if (i > 0 && call.Sentences[i - 1] is { } before && SentenceContinuation.Continues(before, s) && AnyCue.IsMatch(before.Text))
            {
                var head = before.Text.AsSpan();
                text = string.Concat(head[..(head.LastIndexOfAnyExcept(ClauseMarks.Set) + 1)], "，", s.Text);
                from = text.Length - s.Text.Length;
            }
            else if (!AnyCue.IsMatch(text))
            {
                // A bare answer (25块一个平方。) to the caller's question just before (取暖费是好多钱一个平方？) states the fact asked
                // about: it is read with the question's last clause. Only the answer's numbers count.
                if (AskedFact(call, i) is not { } question)
                    continue;
                // The whole answer answers the question (滞纳金哪能算的？— 按欠费金额，每天千分之五。): the clauses before its
                // first number are read as one with it, so the fact asked about reaches the number.
                var answer = s.Text;
                var firstNumber = answer.AsSpan().IndexOfAny(Numerals);
                if (firstNumber > 0)
                    answer = string.Concat(LeadingClauseMarks().Replace(answer[..firstNumber], ""), answer.AsSpan(firstNumber));
                text = string.Concat(question, "，", answer);
                from = text.Length - answer.Length;
            }
            if (Guards.ExcludesSentence(text))
                continue;
            // 您家十七度嘛，标准是十六度: the caller's measurement repeated first does not hide the wrong standard after it.
            var wrong = KnowledgeBase.Contradictions(text, Facts).FirstOrDefault(w => w.Stated.Index >= from && !Guards.Discounts(text, w.Stated.Index)
                && !IsMeasuredTemperature(call, i, text, w));
            if (wrong.Fact is not null)
                yield return new ConditionMatch(i, s.Start, s.End,
                    $"说的是 stated “{wrong.Stated.Text}”，知识库 {wrong.Fact.Id}: {wrong.Fact.Says}", wrong.Stated.Value);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("[，,、]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LeadingClauseMarks();
}
