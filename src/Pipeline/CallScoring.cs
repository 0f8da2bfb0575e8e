using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Repeats;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.Pipeline;

/// <summary>
/// Where the rules are, which rule set a call gets when its manifest row names none (column <c>ruleset</c>), and
/// the folder with the classifiers (category.onnx, acts.onnx; empty string: no classifiers).
/// </summary>
public sealed record ScoringOptions(string RulesFolder, string DefaultRuleSet, string ModelsFolder = "models")
{
    public const string RulesVariable = "SPEECHQA_RULES";
    public const string RuleSetVariable = "SPEECHQA_RULESET";
    public const string ModelsVariable = "SPEECHQA_MODELS";

    /// <summary>
    /// SPEECHQA_RULES and SPEECHQA_MODELS when set (SPEECHQA_MODELS set empty: no classifiers), else the install's own
    /// folders (<see cref="InstallFolder"/>), whatever the working folder.
    /// </summary>
    public static ScoringOptions FromEnvironment() => SpeechQa.Batch.Settings.SpeechQaConfiguration.Bind<PipelineSettings>().ToScoringOptions();
}

/// <summary>
/// The analyze stage's scorer: rule sets, the segmenter and the classifiers loaded on first use (so commands that
/// never score do not pay for them). Without a rules folder nothing is scored and the export carries no score;
/// without models (or without ONNX Runtime) calls are scored by the rules alone, and the log says so.
/// </summary>
public sealed class CallScoring : IDisposable
{
    private readonly ScoringOptions _options;
    private readonly ILogger<CallScoring> _logger;
    private readonly Lazy<CallJudge?> _judge;
    private volatile CallJudge? _published;
    private readonly Lazy<RepeatPolicy?> _repeatPolicy;
    private CallClassifier? _classifier;
    private string? _classifierProblem;

    public CallScoring(ScoringOptions options, ILogger<CallScoring> logger)
    {
        _options = options;
        _logger = logger;
        _judge = new Lazy<CallJudge?>(Create);
        _repeatPolicy = new Lazy<RepeatPolicy?>(LoadRepeatPolicy);
    }

    /// <summary>The judge with the rule sets in force: those loaded at start, or the last set published from the portal.</summary>
    public CallJudge? Judge => _published ?? _judge.Value;

    public string RulesFolder => _options.RulesFolder;

    /// <summary>
    /// Puts a newly published rules folder in force for the next calls (the analyze stage reads <see cref="Judge"/>
    /// per call, so no worker restarts); calls already scored keep the version recorded with their hits.
    /// </summary>
    public void UseRules(RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var current = Judge ?? throw new InvalidOperationException("no rule sets were loaded: nothing to replace");
        _published = current.WithCatalog(catalog);
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation("Rule sets now in force: {RuleSets}", string.Join(", ", catalog.All.Select(r => r.Label)));
    }

    /// <summary>rules/repeats/repeat-policy.yaml; null (and a warning) where the rules folder has none.</summary>
    public RepeatPolicy? RepeatPolicy => _repeatPolicy.Value;

    public string RepeatPolicyPath => Path.Combine(_options.RulesFolder, "repeats", "repeat-policy.yaml");

    private RepeatPolicy? LoadRepeatPolicy()
    {
        if (!File.Exists(RepeatPolicyPath))
        {
            if (_logger.IsEnabled(LogLevel.Warning))
                _logger.LogWarning("No repeat-call policy at {File}: calls get no repeat cues and no chains", Path.GetFullPath(RepeatPolicyPath));
            return null;
        }
        return RepeatPolicyLoader.LoadOrThrow(RepeatPolicyPath);
    }

    /// <summary>The call's repeat cues (customer's words — or acts, when the act model ran — for root causes and new issues, the agent's for a ticket).</summary>
    public IReadOnlyList<CueMatch> RepeatCuesOf(Transcript transcript, IReadOnlyList<SentenceActs>? customerActs = null, bool outbound = false)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (RepeatPolicy is not { } policy)
            return [];
        string Side(Speaker speaker) => string.Join('。', transcript.Segments.Where(s => s.Speaker == speaker).OrderBy(s => s.Start).Select(s => s.Text));
        return new RepeatCueFinder(policy).Find(Side(Speaker.Customer), Side(Speaker.Agent), customerActs, outbound);
    }

    private CallJudge? Create()
    {
        if (!Directory.Exists(Path.Combine(_options.RulesFolder, "rulesets")))
        {
            _logger.LogWarning("No rule sets in {Folder}: calls are not scored", Path.GetFullPath(_options.RulesFolder));
            return null;
        }
        var judge = CallJudge.ForRulesFolder(_options.RulesFolder);
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation("Rule sets loaded: {RuleSets}", string.Join(", ", judge.Catalog.All.Select(r => r.Label)));
        return LoadClassifier(judge.Segmenter) is { } classifier ? judge.WithClassifier(classifier) : judge;
    }

    /// <summary>
    /// What keeps this configuration from scoring calls as configured: no or broken rule sets, missing jieba data, a
    /// broken repeat policy, missing or broken classifier models (SPEECHQA_MODELS set empty runs without them).
    /// Loads everything now, so the first call does not pay for it and a worker never starts half-configured.
    /// </summary>
    public IReadOnlyList<string> Preflight()
    {
        var problems = new List<string>();
        try
        {
            JiebaDataFolder.Locate();
        }
        catch (JiebaDataException e)
        {
            problems.Add(e.Message);
            return problems; // nothing else can load without the dictionary
        }
        var rulesets = Path.Combine(_options.RulesFolder, "rulesets");
        if (!Directory.Exists(rulesets))
            problems.Add($"没有规则集 no rule sets: {Path.GetFullPath(rulesets)} does not exist (set {ScoringOptions.RulesVariable} to the rules folder)");
        else
            Try(problems, "规则 rules", () => _ = Judge);
        Try(problems, "重复来电策略 repeat policy", () => _ = RepeatPolicy);
        if (_options.ModelsFolder.Length > 0 && !CallClassifier.AnyIn(_options.ModelsFolder))
            problems.Add($"没有分类模型 no classifier models in {Path.GetFullPath(_options.ModelsFolder)} (set {ScoringOptions.ModelsVariable} to the models folder, or to an empty value to run the rules without classifiers)");
        else if (_classifierProblem is { } reason)
            problems.Add($"分类模型不可用 classifier models cannot be used: {reason}");
        return problems;
    }

    private static void Try(List<string> problems, string what, Action load)
    {
        try
        {
            load();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add($"{what}: {e.Message}");
        }
    }

    private CallClassifier? LoadClassifier(WordSegmenter segmenter)
    {
        var folder = _options.ModelsFolder;
        if (folder.Length == 0 || !CallClassifier.AnyIn(folder))
        {
            if (_logger.IsEnabled(LogLevel.Warning))
                _logger.LogWarning("No classifier models in {Folder}: calls get no category and sentences no dialogue acts", Path.GetFullPath(folder.Length == 0 ? "." : folder));
            return null;
        }
        try
        {
            _classifier = CallClassifier.Load(folder, new ClassifierTokens(segmenter));
            if (_logger.IsEnabled(LogLevel.Information))
                _logger.LogInformation("Classifiers loaded from {Folder}: category {Category}, dialogue acts {Acts}",
                    Path.GetFullPath(folder), _classifier.HasCategory, _classifier.HasActs);
            return _classifier;
        }
        catch (Exception e) when (e is ClassifierModelException or DllNotFoundException or TypeInitializationException)
        {
            // A broken model (or a missing native library) must not stop scoring once running: the rules still run, and the
            // log names the problem; at start, the preflight refuses it.
            _classifierProblem = e.Message;
            _logger.LogError("Classifiers not used: {Reason}", e.Message);
            return null;
        }
    }

    public void Dispose() => _classifier?.Dispose();

    public string RuleSetFor(Call call) =>
        call.Attributes.TryGetValue("ruleset", out var named) && named.Length > 0 ? named : _options.DefaultRuleSet;

    public static CallMetadata MetadataOf(Call call, double? durationSeconds) => new()
    {
        Direction = call.Direction == CallDirection.Outbound ? "outbound" : "inbound",
        HangupBy = call.HangupBy,
        Queue = call.Queue,
        Region = call.Region,
        DurationSeconds = durationSeconds,
    };

    /// <summary>The Transcriber's measurements in Scoring's terms (Scoring knows nothing of audio).</summary>
    public static MeasuredAudio AudioOf(AcousticMetrics acoustics) => new(
        acoustics.DurationSeconds,
        [.. acoustics.Silences.Select(s => (s.Start, s.End))],
        [.. acoustics.Overlaps.Select(o => (o.Start, o.End, o.Interrupter))],
        [.. acoustics.Speakers.SelectMany(s => s.Regions.Select((r, i) => (r.Start, r.End, s.Speaker, i < s.RelativeLoudnessDb.Count ? s.RelativeLoudnessDb[i] : 0.0)))]);
}
