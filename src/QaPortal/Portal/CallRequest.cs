using Microsoft.AspNetCore.Http;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Components;
using SpeechQa.QaPortal.Portal.Reviews;

namespace SpeechQa.QaPortal.Portal;

/// <summary>What the call endpoints take (bound with [AsParameters]): the request, the call id and the stores that describe a call.</summary>
internal readonly record struct CallRequest(HttpContext Context, string Id, CallStore Calls, HitReviewStore Reviews, RepeatStore Repeats, AppealStore Appeals,
    AuditLog Audit, CancellationToken Cancellation)
{
    /// <summary>The call as its page shows it, if this user may see it: agents only their own (others get 404, which reveals nothing).</summary>
    public async Task<CallView?> ViewAsync(PortalSession user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await PortalEndpoints.VisibleCallAsync(user, Id, Calls, Cancellation).ConfigureAwait(false) is not { } call)
            return null;
        return new CallView(call, await Calls.GetTranscriptAsync(Id, Cancellation).ConfigureAwait(false), await Calls.GetJudgementAsync(Id, Cancellation).ConfigureAwait(false),
            await Reviews.GetAsync(Id, Cancellation).ConfigureAwait(false), await Reviews.GetReviewedScoreAsync(Id, Cancellation).ConfigureAwait(false),
            await Repeats.GetMemberAsync(Id, Cancellation).ConfigureAwait(false), PortalEndpoints.RecordingOf(call) is not null,
            await Appeals.ForCallAsync(Id, Cancellation).ConfigureAwait(false));
    }
}
