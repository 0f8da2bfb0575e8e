using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Store;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>The call store and ingestion wired by hand for a test: one store, a chosen clock.</summary>
public sealed class Backbone : IDisposable
{
    public Backbone(StoreDataSource dataSource, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        Calls = new CallStore(dataSource, Clock);
        Ingestor = new ManifestIngestor(dataSource, Calls, Clock, NullLogger<ManifestIngestor>.Instance);
    }

    public TimeProvider Clock { get; }
    public CallStore Calls { get; }
    public ManifestIngestor Ingestor { get; }

    public void Dispose()
    {
    }
}
