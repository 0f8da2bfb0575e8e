using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Conditions;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Judging;

/// <summary>Segments a transcript and runs the call's rule set on it: the analyze stage's judgement.</summary>
public sealed class CallJudge(RuleSetCatalog catalog, WordSegmenter segmenter, CallClassifier? classifier = null, HomophoneCorrector? homophones = null,
    DialectWords? dialect = null)
{
    private readonly RuleEngine _engine = new();

    public RuleSetCatalog Catalog => catalog;

    /// <summary>The segmenter the rules (and the classifiers) cut text with.</summary>
    public WordSegmenter Segmenter => segmenter;

    /// <summary>
    /// The rule sets of a rules folder with the segmenter its rules use (jieba + the folder's dict/hotline.txt) and,
    /// when the folder has dict/pinyin.txt, the homophone corrector over the hotline's vocabulary; when it has
    /// dict/dialect.txt, the regional words put into standard Mandarin.
    /// </summary>
    public static CallJudge ForRulesFolder(string rulesFolder, JiebaModel? model = null)
    {
        var catalog = RuleSetCatalog.Load(rulesFolder);
        var segmenter = new WordSegmenter(model ?? JiebaModel.Load());
        var dictionary = Path.Combine(rulesFolder, "dict", "hotline.txt");
        if (File.Exists(dictionary))
            segmenter = segmenter.WithUserDictionary(dictionary);
        var pinyin = Path.Combine(rulesFolder, "dict", "pinyin.txt");
        var homophones = File.Exists(pinyin)
            ? HomophoneCorrector.Load(pinyin, [dictionary, Path.Combine(rulesFolder, "asr-hotwords.txt"), Path.Combine(rulesFolder, "dict", "service-words.txt")], segmenter)
            : null;
        var dialectTable = Path.Combine(rulesFolder, "dict", "dialect.txt");
        var dialect = File.Exists(dialectTable) ? DialectWords.Load(dialectTable, segmenter) : null;
        return new CallJudge(catalog, segmenter, null, homophones, dialect);
    }

    /// <summary>The same judge with the classifiers (category of the call, dialogue acts for the rules' classifier condition).</summary>
    public CallJudge WithClassifier(CallClassifier callClassifier) => new(catalog, segmenter, callClassifier, homophones, dialect);

    /// <summary>The same segmenter and classifiers with other rule sets: a candidate version to backtest, or a newly published one.</summary>
    public CallJudge WithCatalog(RuleSetCatalog rules) => new(rules, segmenter, classifier, homophones, dialect);

    /// <summary>The same judge without homophone correction (to measure what it does).</summary>
    public CallJudge WithoutHomophoneCorrection() => new(catalog, segmenter, classifier, null, dialect);

    /// <summary>Puts back domain words written with same-sounding characters, when the rules folder ships a pinyin table.</summary>
    public HomophoneCorrector? Homophones => homophones;

    /// <summary>Puts regional words into standard Mandarin, when the rules folder ships a dialect table.</summary>
    public DialectWords? Dialect => dialect;

    /// <summary>The same judge reading regional words as they were said (to measure what the table does).</summary>
    public CallJudge WithoutDialectWords() => new(catalog, segmenter, classifier, homophones);

    // The classifiers read the call as said (their training pools hold regional speech); the rules and the dialogue state
    // read it with regional words in standard Mandarin. Same lengths and punctuation, so the sentences line up one to one.
    private (Transcript Transcript, CallView Said, CallView Read) Views(Transcript transcript, CallMetadata metadata, MeasuredAudio? audio)
    {
        transcript = homophones?.Correct(transcript) ?? transcript;
        var said = new CallView(transcript, metadata, audio, segmenter);
        // One memo for both views: a sentence cut to find its regional words, and every sentence without any, is cut once.
        var standard = dialect?.Standardise(transcript, said.Segmentation) ?? transcript;
        return (transcript, said, ReferenceEquals(standard, transcript) ? said : new CallView(standard, metadata, audio, segmenter, said.Segmentation));
    }

    /// <summary>The dialogue state the rules of this set read for a call (for `speechqa rules test --explain`), or null without a cue table.</summary>
    public Dialogue.DialogueState? ExplainDialogue(string ruleSetId, Transcript transcript, CallMetadata metadata)
    {
        if (catalog.Find(ruleSetId)?.Dialogue is not { } cues)
            return null;
        var (_, said, view) = Views(transcript, metadata, null);
        if (classifier is not null)
            view = view.WithSentenceLabels(classifier.LabelSentences(said.Sentences, CancellationToken.None, said.Segmentation));
        return view.DialogueState(cues);
    }

    public CallJudgement Judge(string ruleSetId, Transcript transcript, CallMetadata metadata, MeasuredAudio? audio = null, CancellationToken cancellationToken = default)
    {
        var ruleSet = catalog.Find(ruleSetId)
            ?? throw new KeyNotFoundException($"没有规则集 no rule set '{ruleSetId}' in {catalog.Folder} (have: {string.Join(", ", catalog.All.Select(r => r.Id))})");
        (transcript, var said, var view) = Views(transcript, metadata, audio);
        if (classifier is null)
            return _engine.Evaluate(ruleSet, view);
        // The act model runs on every sentence: only for rule sets that read it (a classifier condition, or the dialogue state).
        if (ruleSet.Rules.Any(r => r.Conditions.Values.Any(c => c is ClassifierCondition or DialogueCondition)))
            view = view.WithSentenceLabels(classifier.LabelSentences(said.Sentences, cancellationToken, said.Segmentation));
        var followUp = metadata.Direction == "outbound";
        // Every category's p, so that a correction can lift one the model ranked below the reported three; trimmed after.
        var categories = classifier.Categorize(transcript, ruleSet.Categories, followUp, cancellationToken, said.Segmentation, top: int.MaxValue);
        if (ruleSet.Dialogue is { } cues)
        {
            // A callback takes the category of the matter it follows up, even when the repair is still not done.
            var repairNotDone = !followUp && categories.Count > 0 && view.DialogueState(cues).Events(Dialogue.DialogueEvent.RepairNotDone).Count > 0;
            categories = repairNotDone ? RepeatCallCategory.Apply(categories) : ReadingDisputeCategory.Apply(categories, view, cues);
            categories = MisuseReportCategory.Apply(categories, view, cues);
        }
        categories = [.. categories.Take(CallClassifier.ReportedCategories)];
        return _engine.Evaluate(ruleSet, view) with { Categories = categories, CustomerActs = CustomerActsOf(view) };
    }

    private static List<Repeats.SentenceActs> CustomerActsOf(CallView view) => view.SentenceLabels is not { } labels
        ? []
        : [.. view.Sentences.Select((s, i) => (s, i)).Where(x => x.s.Speaker == Speaker.Customer && x.i < labels.Count)
            .Select(x => new Repeats.SentenceActs(x.s.Text, labels[x.i]))];
}
