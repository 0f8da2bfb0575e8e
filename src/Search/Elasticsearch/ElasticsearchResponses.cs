using Elastic.Clients.Elasticsearch;
using Elastic.Transport.Products.Elasticsearch;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>Turns the client's invalid responses into <see cref="ElasticsearchException"/> with the cluster's reason (root cause first).</summary>
public static class ElasticsearchResponses
{
    public static T EnsureValid<T>(T response, string display) where T : ElasticsearchResponse
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsValidResponse)
            throw Failure(response, display);
        return response;
    }

    public static ElasticsearchException Failure(ElasticsearchResponse response, string display)
    {
        ArgumentNullException.ThrowIfNull(response);
        var details = response.ApiCallDetails;
        var request = $"{details.HttpMethod} {details.Uri?.PathAndQuery}";
        if (details.HttpStatusCode is not { } status)
        {
            var cause = details.OriginalException?.InnerException?.Message ?? details.OriginalException?.Message ?? "no response";
            return new ElasticsearchException(0, $"无法连接 Elasticsearch cannot reach Elasticsearch at {display}: {cause}", details.OriginalException);
        }
        return new ElasticsearchException(status, $"Elasticsearch {request}: {status} {Reason(response.ElasticsearchServerError?.Error) ?? details.OriginalException?.Message}",
            details.OriginalException);
    }

    /// <summary>"type: reason" of an error (its first root cause when there is one).</summary>
    public static string? Reason(Error? error)
    {
        if (error is null)
            return null;
        Elastic.Transport.Products.Elasticsearch.ErrorCause cause = error.RootCause?.FirstOrDefault() ?? error;
        return $"{cause.Type}: {cause.Reason}";
    }

    /// <summary>"type: reason" of a bulk item's error.</summary>
    public static string? Reason(Elastic.Clients.Elasticsearch.ErrorCause? error) => error is null ? null : $"{error.Type}: {error.Reason}";
}
