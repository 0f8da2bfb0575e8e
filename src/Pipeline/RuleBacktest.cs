using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Judging;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.Pipeline;

/// <summary>How often a rule fired on the backtested calls with the active and with the candidate rule sets.</summary>
public sealed record RuleChange(string Rule, int Active, int Candidate)
{
    public int Change => Candidate - Active;
}

/// <summary>A call whose score or fatal flag the candidate changes.</summary>
public sealed record ChangedCall(string CallId, int ActiveScore, bool ActiveFatal, int CandidateScore, bool CandidateFatal);

/// <summary>The outcome of re-scoring stored calls with a candidate: totals, per-rule counts, and the changed calls.</summary>
public sealed record BacktestResult(int Calls, int Changed, int FatalActive, int FatalCandidate, double MeanActive, double MeanCandidate,
    IReadOnlyList<RuleChange> Rules, IReadOnlyList<ChangedCall> ChangedCalls);

/// <summary>
/// Re-scores stored calls (their transcripts, acoustic metrics and metadata) with the active judge and a candidate
/// one, saving nothing: what an admin looks at before publishing a rule change. Used by `speechqa rules backtest`
/// and the portal's rule editor.
/// </summary>
public sealed class RuleBacktest(CallStore store, CallScoring scoring)
{
    /// <summary>At most this many changed calls are listed (all are counted).</summary>
    public const int ListedChanges = 200;

    public async Task<BacktestResult> RunAsync(CallJudge active, CallJudge candidate, DateTimeOffset? since, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(candidate);
        var counts = new SortedDictionary<string, (int Active, int Candidate)>(StringComparer.Ordinal);
        var changedCalls = new List<ChangedCall>();
        int calls = 0, changed = 0, fatalActive = 0, fatalCandidate = 0;
        double sumActive = 0, sumCandidate = 0;
        string? cursor = null;
        while ((limit is null || calls < limit) && await store.ListAsync(cursor, 500, cancellationToken).ConfigureAwait(false) is { Count: > 0 } page)
        {
            foreach (var stored in page)
            {
                if ((since is { } from && stored.Call.StartedAt < from) || (limit is { } most && calls >= most))
                    continue;
                if (await store.GetTranscriptAsync(stored.Call.CallId, cancellationToken).ConfigureAwait(false) is not { } transcript)
                    continue;
                var acoustics = await store.GetAcousticsAsync(stored.Call.CallId, stored.Revision, cancellationToken).ConfigureAwait(false) is { } json
                    ? AcousticMetricsJson.Deserialize(json) : null;
                var metadata = CallScoring.MetadataOf(stored.Call, acoustics?.DurationSeconds ?? TimingMetrics.From(transcript).DurationSeconds);
                var audio = acoustics is null ? null : CallScoring.AudioOf(acoustics);
                var ruleSet = scoring.RuleSetFor(stored.Call);
                var before = active.Judge(ruleSet, transcript, metadata, audio, cancellationToken);
                var after = candidate.Judge(ruleSet, transcript, metadata, audio, cancellationToken);
                calls++;
                sumActive += before.Score;
                sumCandidate += after.Score;
                fatalActive += before.Fatal ? 1 : 0;
                fatalCandidate += after.Fatal ? 1 : 0;
                if (before.Score != after.Score || before.Fatal != after.Fatal)
                {
                    changed++;
                    if (changedCalls.Count < ListedChanges)
                        changedCalls.Add(new ChangedCall(stored.Call.CallId, before.Score, before.Fatal, after.Score, after.Fatal));
                }
                foreach (var rule in before.Hits.Select(h => h.Rule).Distinct())
                    counts[rule] = (counts.GetValueOrDefault(rule).Active + 1, counts.GetValueOrDefault(rule).Candidate);
                foreach (var rule in after.Hits.Select(h => h.Rule).Distinct())
                    counts[rule] = (counts.GetValueOrDefault(rule).Active, counts.GetValueOrDefault(rule).Candidate + 1);
            }
            cursor = page[^1].Call.CallId;
        }
        return new BacktestResult(calls, changed, fatalActive, fatalCandidate, calls == 0 ? 0 : sumActive / calls, calls == 0 ? 0 : sumCandidate / calls,
            [.. counts.Select(c => new RuleChange(c.Key, c.Value.Active, c.Value.Candidate))], changedCalls);
    }
}
