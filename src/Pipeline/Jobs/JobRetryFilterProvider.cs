using Hangfire;
using Hangfire.Common;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Hangfire's filters for the pipeline's jobs: per job type an <see cref="AutomaticRetryAttribute"/> with the type's
/// attempts and back-off (the first argument of <see cref="HangfireJobRunner.RunAsync"/> names the type), never
/// retrying a <see cref="PermanentJobException"/> (undecodable audio, a broken transcript); and Hangfire's own
/// statistics and continuation support. Given to the client and the server explicitly, instead of Hangfire's global
/// filter list, so two engines in one process (tests) never share settings.
/// </summary>
public sealed class JobRetryFilterProvider(JobTypeCatalog catalog) : IJobFilterProvider
{
    private readonly JobFilter[] _common =
    [
        new(new StatisticsHistoryAttribute(), JobFilterScope.Global, null),
        new(new ContinuationsSupportAttribute(), JobFilterScope.Global, null),
    ];

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        foreach (var filter in _common)
            yield return filter;
        var jobType = job?.Args.Count > 0 ? job.Args[0] as string : null;
        var options = catalog.For(jobType ?? "");
        yield return new JobFilter(new AutomaticRetryAttribute
        {
            Attempts = options.MaxAttempts - 1,
            DelayInSecondsByAttemptFunc = attempt => (int)Math.Ceiling(RetryPolicy.DelayAfter((int)Math.Min(attempt + 1, int.MaxValue), options, Random.Shared).TotalSeconds),
            ExceptOn = [typeof(PermanentJobException)],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
            LogEvents = false,
        }, JobFilterScope.Method, null);
    }
}
