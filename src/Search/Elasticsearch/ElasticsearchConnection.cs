using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>The official client for the configured cluster: one node URL, API key or basic authentication, 60 s per request.</summary>
public static class ElasticsearchConnection
{
    public static ElasticsearchClient CreateClient(ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The URL's user info is not sent by the client; credentials come from the options alone.
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri(options.Display)))
            .RequestTimeout(TimeSpan.FromSeconds(60));
        if (options.ApiKey is { Length: > 0 } key)
            settings = settings.Authentication(new ApiKey(key));
        else if (options.Username is { Length: > 0 } user)
            settings = settings.Authentication(new BasicAuthentication(user, options.Password ?? ""));
        return new ElasticsearchClient(settings);
    }
}
