using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Labels transcript sentences of both speakers with the dialogue-act model (models/acts.onnx). A sentence's act
/// and its act → probability map come from the whole sentence (on the held-out set this beats combining its
/// clauses: docs/classifier.md). With <see cref="ScoreClauses"/> a sentence of several clauses (cut at ，；。？！)
/// also gets each clause's act, for readers that want both acts of 抱歉让您久等了，工单已经给您登记了.
/// </summary>
public sealed class DialogueActLabeller(OnnxTextClassifier model)
{
    public OnnxTextClassifier Model { get; } = model.IsSpeakerConditioned ? model
        : throw new ArgumentException($"the {model.Kind} model has no speaker input: not a dialogue-act model", nameof(model));

    /// <summary>Also score each clause of a sentence with several (one more model input per clause).</summary>
    public bool ScoreClauses { get; init; }

    /// <param name="words">The call's words already cut (the rules' and the category model's), or null to cut them here.</param>
    public IReadOnlyList<DialogueActs> Label(IReadOnlyList<TranscriptSegment> sentences, CancellationToken cancellationToken, SegmentationMemo? words = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        // Unit 0 of a sentence is the sentence itself; clauses follow when there are several.
        var units = new List<(int Sentence, string Text, string Speaker)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (SpeakerName(sentences[i].Speaker) is not { } speaker)
                continue;
            units.Add((i, sentences[i].Text, speaker));
            var clauses = ScoreClauses ? ClauseSplitter.Ranges(sentences[i].Text) : [];
            if (clauses.Count < 2)
                continue;
            foreach (var range in clauses)
            {
                var clause = sentences[i].Text.Substring(range.Start, range.Length);
                words?.AddClause(clause, sentences[i].Text, range);
                units.Add((i, clause, speaker));
            }
        }
        var p = Model.Predict([.. units.Select(u => u.Text)], [.. units.Select(u => u.Speaker)], cancellationToken, words: words);
        var bySentence = units.Select((u, k) => (u, k)).ToLookup(x => x.u.Sentence);
        var result = new DialogueActs[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            var scored = bySentence[i].Select(x => Best(x.u.Text, p[x.k])).ToList();
            if (scored.Count == 0)
            {
                result[i] = new DialogueActs(i, sentences[i].Speaker, DialogueActs.None, 0, new Dictionary<string, double>(), []);
                continue;
            }
            var whole = p[bySentence[i].First().k];
            var map = new Dictionary<string, double>(Model.Labels.Count, StringComparer.Ordinal);
            for (var k = 0; k < Model.Labels.Count; k++)
                map[Model.Labels[k]] = Math.Round(whole[k], 6);
            result[i] = new DialogueActs(i, sentences[i].Speaker, scored[0].Act, scored[0].P, map, scored.Count == 1 ? scored : scored[1..]);
        }
        return result;
    }

    private ClauseAct Best(string text, float[] p)
    {
        var best = Array.IndexOf(p, p.Max());
        return new ClauseAct(text, Model.Labels[best], Math.Round(p[best], 6));
    }

    /// <summary>The model's speaker name; null for a sentence whose speaker is unknown (mono audio): it gets no acts.</summary>
    public static string? SpeakerName(Speaker speaker) => speaker switch
    {
        Speaker.Agent => "agent",
        Speaker.Customer => "customer",
        _ => null,
    };
}
