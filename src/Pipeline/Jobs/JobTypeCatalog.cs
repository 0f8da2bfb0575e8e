namespace SpeechQa.Pipeline.Jobs;

/// <summary>Retry options per job type (types not listed get the defaults). Shared by every place that enqueues or runs jobs.</summary>
public sealed class JobTypeCatalog
{
    private readonly Dictionary<string, JobTypeOptions> _options;

    public JobTypeCatalog(IReadOnlyDictionary<string, JobTypeOptions>? options = null)
    {
        _options = new Dictionary<string, JobTypeOptions>(options ?? new Dictionary<string, JobTypeOptions>(), StringComparer.Ordinal);
        foreach (var (type, typeOptions) in _options)
            typeOptions.Validate(type);
    }

    public JobTypeOptions For(string jobType) => _options.TryGetValue(jobType, out var options) ? options : Default;

    public int MaxAttemptsFor(string jobType) => For(jobType).MaxAttempts;

    private static readonly JobTypeOptions Default = new();
}
