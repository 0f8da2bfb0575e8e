namespace SpeechQa.Pipeline.Jobs;

/// <summary>The job types this process can run.</summary>
public sealed class JobHandlerRegistry
{
    private readonly Dictionary<string, IJobHandler> _handlers = new(StringComparer.Ordinal);

    public JobHandlerRegistry(IEnumerable<IJobHandler> handlers, JobTypeCatalog catalog)
    {
        Catalog = catalog;
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.JobType, handler))
                throw new ArgumentException($"Two handlers for job type '{handler.JobType}'.", nameof(handlers));
        }
        JobTypes = _handlers.Keys.ToArray();
    }

    public JobTypeCatalog Catalog { get; }

    public IReadOnlyCollection<string> JobTypes { get; }

    public bool TryGet(string jobType, out IJobHandler handler) => _handlers.TryGetValue(jobType, out handler!);
}
