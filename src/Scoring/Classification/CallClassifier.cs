using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// The shipped classifiers applied to a call: the category model on everything the customer said, the
/// dialogue-act model on every sentence of both speakers (the acts the dialogue state reads, and the probabilities
/// the rules' <c>classifier</c> condition reads). Either may be absent.
/// </summary>
public sealed class CallClassifier(OnnxTextClassifier? category, DialogueActLabeller? acts) : IDisposable
{
    public const string CategoryFile = "category.onnx";
    public const string ActsFile = "acts.onnx";

    /// <summary>How many of the customer's first turns are given twice to the category model.</summary>
    public const int OpeningTurns = 3;

    public bool HasCategory => category is not null;

    public bool HasActs => acts is not null;

    /// <summary>Whether a models folder holds any model this class loads.</summary>
    public static bool AnyIn(string modelsFolder) =>
        File.Exists(Path.Combine(modelsFolder, CategoryFile)) || File.Exists(Path.Combine(modelsFolder, ActsFile));

    /// <summary>
    /// Loads whichever of models/category.onnx and models/acts.onnx exist. Clause acts are off by default: on the dev
    /// sets they changed no rule figure and cost a third of the scoring time (docs/classifier.md).
    /// </summary>
    public static CallClassifier Load(string modelsFolder, ClassifierTokens tokens, bool scoreClauses = false)
    {
        OnnxTextClassifier? Open(string file)
        {
            var path = Path.Combine(modelsFolder, file);
            return File.Exists(path) ? OnnxTextClassifier.Load(path, tokens) : null;
        }
        var categoryModel = Open(CategoryFile);
        OnnxTextClassifier? actModel = null;
        try
        {
            actModel = Open(ActsFile);
            return new CallClassifier(categoryModel, actModel is null ? null : new DialogueActLabeller(actModel) { ScoreClauses = scoreClauses });
        }
        catch
        {
            categoryModel?.Dispose();
            actModel?.Dispose();
            throw;
        }
    }

    /// <summary>How many categories a call reports (export `categories`, top 3 with p).</summary>
    public const int ReportedCategories = 3;

    /// <summary>The three most likely categories of the call, best first (empty without a category model or customer speech).</summary>
    public IReadOnlyList<CategoryScore> Categorize(Transcript transcript, CancellationToken cancellationToken) =>
        Categorize(transcript, null, cancellationToken);

    /// <summary>
    /// The three most likely of the categories a hotline receives (null: all), probabilities renormalised over them:
    /// the customer's words alone cannot tell a heating fee (C12) from a water bill (C02), the hotline can.
    /// </summary>
    public IReadOnlyList<CategoryScore> Categorize(Transcript transcript, IReadOnlyCollection<string>? allowed, CancellationToken cancellationToken) =>
        Categorize(transcript, allowed, followUp: false, cancellationToken);

    /// <summary>
    /// As above; for an outbound follow-up (回访) the agent's first turn, which names the matter followed up (您前天报的暖气不热),
    /// is read before the customer's: the callback takes that matter's category, and the customer only answers it (还是不行，十六度).
    /// </summary>
    /// <param name="top">How many categories to return, most probable first (the export keeps <see cref="ReportedCategories"/>;
    /// the judge asks for all so that its corrections can read a category the model ranked lower).</param>
    public IReadOnlyList<CategoryScore> Categorize(Transcript transcript, IReadOnlyCollection<string>? allowed, bool followUp, CancellationToken cancellationToken,
        SegmentationMemo? words = null, int top = ReportedCategories)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var ordered = transcript.Segments.OrderBy(s => s.Start).ToList();
        var turns = ordered.Where(s => s.Speaker == Speaker.Customer).Select(s => s.Text).ToList();
        if (followUp)
        {
            // The customer only answers a follow-up (修好了，挺满意 reads as a repair-delay call): the matter the agent names
            // is the call's subject, so it is read once more than the opening turns.
            var matter = FollowedUpMatter(ordered);
            turns.InsertRange(0, matter.Concat(matter));
        }
        // The request is usually in the first turns; later ones drift to details, numbers and side topics: the opening counts twice.
        // The turns are read as one text joined by 。 (which is neither a word nor a character to the model).
        var customer = turns.Take(OpeningTurns).Concat(turns).ToList();
        if (category is null || customer.Count == 0)
            return [];
        var p = category.PredictJoined(customer, words, cancellationToken);
        var scores = category.Labels.Select((label, k) => (label, p: (double)p[k])).Where(s => allowed is null || allowed.Contains(s.label)).ToList();
        var total = scores.Sum(s => s.p);
        if (total <= 0)
            return [];
        return [.. scores.Select(s => new CategoryScore(s.label, Math.Round(s.p / total, 4))).OrderByDescending(c => c.P).Take(top)];
    }

    /// <summary>
    /// The clauses of the agent's first two turns that are not the introduction (您好、这里是…热线、工号、请问是…吗): what is
    /// left names the matter (您昨天报的暖气不热). The introduction's 回访/服务 would otherwise read as a staff complaint (C09).
    /// </summary>
    private static List<string> FollowedUpMatter(IEnumerable<TranscriptSegment> ordered)
    {
        var clauses = ordered.Where(s => s.Speaker == Speaker.Agent).Take(2)
            .SelectMany(s => ClauseSplitter.Split(s.Text))
            .Where(c => !IntroductionWords.Any(w => c.Contains(w, StringComparison.Ordinal)))
            .ToList();
        // 您上周报修的水表阀门漏水，维修师傅上门处理了吗: the clause that names the report is the matter; the rest asks how the
        // visit went, which reads as a repair-delay call.
        var reported = clauses.Where(c => ReportWords.Any(w => c.Contains(w, StringComparison.Ordinal))).ToList();
        return reported.Count > 0 ? reported : clauses;
    }

    private static readonly string[] ReportWords = ["报修的", "报的", "反映的", "反馈的", "投诉的", "咨询的", "报修了"];

    private static readonly string[] IntroductionWords = ["您好", "热线", "工号", "回访", "请问是", "我是", "这里是", "这边是", "公司"];

    /// <summary>The dialogue acts of every sentence, both speakers (null without the act model).</summary>
    public IReadOnlyList<DialogueActs>? LabelActs(IReadOnlyList<TranscriptSegment> sentences, CancellationToken cancellationToken) =>
        acts?.Label(sentences, cancellationToken);

    /// <summary>
    /// Act → probability per sentence (the rules' <c>classifier</c> condition and the dialogue state); empty for sentences
    /// without a known speaker. A long sentence often does several things (复述地址，给您派单，两小时内到): an act that is the best
    /// act of one of its clauses counts with that clause's probability when it is higher than the whole sentence's.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>>? LabelSentences(IReadOnlyList<TranscriptSegment> sentences, CancellationToken cancellationToken,
        SegmentationMemo? words = null)
    {
        if (acts is null)
            return null;
        ArgumentNullException.ThrowIfNull(sentences);
        var labelled = acts.Label(sentences, cancellationToken, words).Select(WithClauseActs).ToList();
        return WithContinuations(acts, sentences, labelled, cancellationToken);
    }

    /// <summary>
    /// A sentence recognition cut at a pause is also read whole (<see cref="SentenceContinuation"/>): the second half takes
    /// an act's probability from the joined text where it is higher — half of a sarcastic remark seldom reads as sarcasm.
    /// </summary>
    private static List<IReadOnlyDictionary<string, double>> WithContinuations(DialogueActLabeller labeller, IReadOnlyList<TranscriptSegment> sentences,
        List<IReadOnlyDictionary<string, double>> labelled, CancellationToken cancellationToken)
    {
        List<int>? halves = null;
        for (var i = 1; i < sentences.Count; i++)
        {
            if (SentenceContinuation.Continues(sentences[i - 1], sentences[i]))
                (halves ??= []).Add(i);
        }
        if (halves is null)
            return labelled;
        var joined = halves.Select(i => sentences[i] with { Start = sentences[i - 1].Start, Text = sentences[i - 1].Text + "，" + sentences[i].Text }).ToList();
        var whole = labeller.Label(joined, cancellationToken).Select(WithClauseActs).ToList();
        for (var k = 0; k < halves.Count; k++)
        {
            var i = halves[k];
            var merged = new Dictionary<string, double>(labelled[i], StringComparer.Ordinal);
            foreach (var (act, p) in whole[k])
            {
                if (!merged.TryGetValue(act, out var own) || p > own)
                    merged[act] = p;
            }
            labelled[i] = merged;
        }
        return labelled;
    }

    private static IReadOnlyDictionary<string, double> WithClauseActs(DialogueActs acts)
    {
        if (acts.Clauses.Count <= 1)
            return acts.Probabilities;
        var merged = new Dictionary<string, double>(acts.Probabilities, StringComparer.Ordinal);
        foreach (var clause in acts.Clauses)
        {
            if (merged.TryGetValue(clause.Act, out var p) && clause.P > p)
                merged[clause.Act] = clause.P;
        }
        return merged;
    }

    public void Dispose()
    {
        category?.Dispose();
        acts?.Model.Dispose();
    }
}
