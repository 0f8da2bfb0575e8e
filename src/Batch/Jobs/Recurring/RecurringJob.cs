namespace SpeechQa.Batch.Jobs.Recurring;

/// <summary>A job enqueued on a cron schedule (e.g. scan the recorder's export folder every 5 minutes).</summary>
public sealed record RecurringJob(string Id, string Cron, string JobType, string? Payload, DateTimeOffset NextRunAt, DateTimeOffset? LastRunAt);
