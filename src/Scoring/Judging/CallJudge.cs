using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Judging;

/// <summary>Segments a transcript and runs the call's rule set on it: the analyze stage's judgement.</summary>
public sealed class CallJudge(RuleSetCatalog catalog, WordSegmenter segmenter)
{
    private readonly RuleEngine _engine = new();

    public RuleSetCatalog Catalog => catalog;

    public CallJudgement Judge(string ruleSetId, Transcript transcript, CallMetadata metadata, MeasuredAudio? audio = null)
    {
        var ruleSet = catalog.Find(ruleSetId)
            ?? throw new KeyNotFoundException($"没有规则集 no rule set '{ruleSetId}' in {catalog.Folder} (have: {string.Join(", ", catalog.All.Select(r => r.Id))})");
        return _engine.Evaluate(ruleSet, new CallView(transcript, metadata, audio, segmenter));
    }
}
