namespace SpeechQa.Search.Elasticsearch;

/// <summary>An Elasticsearch request that failed: the HTTP status (0 when the cluster was not reached) and the cluster's own reason.</summary>
public class ElasticsearchException(int status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
}

/// <summary>One document the cluster refused: its call, the item's status and the cluster's reason.</summary>
public sealed record RefusedDocument(string CallId, int Status, string Reason);

/// <summary>Documents the cluster refused in a bulk request (after retrying the ones it was too busy for), by call id; the others were indexed.</summary>
public sealed class ElasticsearchBulkException(IReadOnlyList<RefusedDocument> refused)
    : ElasticsearchException(refused.Count == 0 ? 500 : refused[0].Status,
        $"Elasticsearch 拒收 {refused.Count} 通 refused {refused.Count} call document(s): "
        + string.Join("; ", refused.Take(5).Select(f => $"{f.CallId}: {f.Status} {f.Reason}")) + (refused.Count > 5 ? "; …" : ""))
{
    public IReadOnlyList<RefusedDocument> Refused { get; } = refused;
}
