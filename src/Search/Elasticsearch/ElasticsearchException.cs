namespace SpeechQa.Search.Elasticsearch;

/// <summary>An Elasticsearch request that failed: the HTTP status and the cluster's own reason.</summary>
public class ElasticsearchException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Documents the cluster refused in a bulk request (after retrying the ones it was too busy for), by call id.</summary>
public sealed class ElasticsearchBulkException(IReadOnlyList<(string Id, int Status, string Reason)> failures)
    : ElasticsearchException(failures.Count == 0 ? 500 : failures[0].Status,
        $"Elasticsearch refused {failures.Count} document(s): " + string.Join("; ", failures.Take(5).Select(f => $"{f.Id}: {f.Status} {f.Reason}")))
{
    public IReadOnlyList<(string Id, int Status, string Reason)> Failures { get; } = failures;
}
