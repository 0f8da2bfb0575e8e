using SpeechQa.Scoring.Judging;

namespace SpeechQa.Scoring.Evaluation;

/// <summary>Scores labelled calls with a judge (rules, and the classifiers when it has them) and counts the agreement.</summary>
public static class RuleEvaluation
{
    public static RuleScorecard Score(CallJudge judge, IEnumerable<LabelledCall> calls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(calls);
        var card = new RuleScorecard();
        foreach (var call in calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var judgement = judge.Judge(call.RuleSet, call.Transcript, call.Metadata, null, cancellationToken);
            var found = judgement.Hits.Select(h => h.Rule).ToHashSet(StringComparer.Ordinal);
            card.Add(call, found, judgement.Categories.Count > 0 ? judgement.Categories[0].Id : null);
        }
        return card;
    }
}
