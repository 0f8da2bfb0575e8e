using SpeechQa.Batch.Transcripts;
using SpeechQa.OnnxRuntime;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// The shipped classifiers applied to a call: the category model on everything the customer said, the behaviour
/// model on each agent sentence (probabilities the rules' <c>classifier</c> condition reads). Either may be absent.
/// </summary>
public sealed class CallClassifier(OnnxTextClassifier? category, OnnxTextClassifier? behaviour) : IDisposable
{
    public const string CategoryFile = "category.onnx";
    public const string BehaviourFile = "behaviour.onnx";

    public bool HasCategory => category is not null;

    public bool HasBehaviour => behaviour is not null;

    /// <summary>Loads whichever of models/category.onnx and models/behaviour.onnx exist.</summary>
    public static CallClassifier Load(OrtRuntime runtime, string modelsFolder, ClassifierTokens tokens)
    {
        OnnxTextClassifier? Open(string file)
        {
            var path = Path.Combine(modelsFolder, file);
            return File.Exists(path) ? OnnxTextClassifier.Load(runtime, path, tokens) : null;
        }
        var categoryModel = Open(CategoryFile);
        try
        {
            return new CallClassifier(categoryModel, Open(BehaviourFile));
        }
        catch
        {
            categoryModel?.Dispose();
            throw;
        }
    }

    /// <summary>The three most likely categories of the call, best first (empty without a category model or customer speech).</summary>
    public IReadOnlyList<CategoryScore> Categorize(Transcript transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var customer = string.Join('。', transcript.Segments.Where(s => s.Speaker == Speaker.Customer).OrderBy(s => s.Start).Select(s => s.Text.TrimEnd('。')));
        if (category is null || customer.Length == 0)
            return [];
        var p = category.Predict([customer], cancellationToken)[0];
        return [.. category.Labels.Select((label, k) => new CategoryScore(label, Math.Round(p[k], 4))).OrderByDescending(c => c.P).Take(3)];
    }

    /// <summary>Behaviour label probabilities per sentence (agent sentences only; others get none).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>>? LabelSentences(IReadOnlyList<TranscriptSegment> sentences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (behaviour is null)
            return null;
        var agent = sentences.Select((s, i) => (s, i)).Where(x => x.s.Speaker == Speaker.Agent).ToList();
        var result = new IReadOnlyDictionary<string, double>[sentences.Count];
        Array.Fill(result, new Dictionary<string, double>());
        if (agent.Count > 0)
        {
            var p = behaviour.Predict([.. agent.Select(x => x.s.Text)], cancellationToken);
            for (var j = 0; j < agent.Count; j++)
                result[agent[j].i] = behaviour.Labels.Select((label, k) => (label, k)).ToDictionary(x => x.label, x => (double)p[j][x.k], StringComparer.Ordinal);
        }
        return result;
    }

    public void Dispose()
    {
        category?.Dispose();
        behaviour?.Dispose();
    }
}
