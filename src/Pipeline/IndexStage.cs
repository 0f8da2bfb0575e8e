using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.Pipeline.Search;

namespace SpeechQa.Pipeline;

/// <summary>
/// Stage 3: write the scored call to the search index. Idempotent (a document replaces the call's previous one);
/// an unreachable or refusing index fails the job, which is retried with backoff, and the call stays scored.
/// </summary>
public sealed class IndexStage(CallStore calls, RepeatStore repeats, SearchIndexing search) : IJobHandler
{
    public string JobType => PipelineStage.Index.JobType;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var callId = context.Job.CallId!;
        var document = await new CallDocumentBuilder(calls, repeats).BuildAsync(callId, search.Tokens, cancellationToken).ConfigureAwait(false);
        if (document is null)
            return; // superseded or not scored: the newer revision's own index job writes it
        await (await search.ReadyIndexAsync(cancellationToken).ConfigureAwait(false)).IndexAsync([document], cancellationToken).ConfigureAwait(false);
    }

    public Task OnFailedAsync(RunningJob job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
