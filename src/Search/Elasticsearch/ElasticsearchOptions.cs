namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// Where the cluster is: <c>SPEECHQA_ES_URL</c> (+ <c>SPEECHQA_ES_USER</c>/<c>SPEECHQA_ES_PASSWORD</c> or
/// <c>SPEECHQA_ES_API_KEY</c>), and the prefix of the index names (<c>SPEECHQA_ES_PREFIX</c>, default "speechqa-").
/// Credentials come from the environment only, never from files in the repository.
/// </summary>
public sealed record ElasticsearchOptions(Uri Url, string IndexPrefix = "speechqa-", string? Username = null, string? Password = null, string? ApiKey = null)
{
    public const string UrlVariable = "SPEECHQA_ES_URL";

    /// <summary>The options from the environment, or null when SPEECHQA_ES_URL is not set (the embedded index is used).</summary>
    public static ElasticsearchOptions? FromEnvironment()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
            return null;
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"{UrlVariable} is not an http(s) URL: {url}");
        return new ElasticsearchOptions(uri,
            Environment.GetEnvironmentVariable("SPEECHQA_ES_PREFIX") is { Length: > 0 } prefix ? prefix : "speechqa-",
            Environment.GetEnvironmentVariable("SPEECHQA_ES_USER"), Environment.GetEnvironmentVariable("SPEECHQA_ES_PASSWORD"),
            Environment.GetEnvironmentVariable("SPEECHQA_ES_API_KEY"));
    }

    /// <summary>The URL without user info, for logs.</summary>
    public string Display => new UriBuilder(Url) { UserName = "", Password = "" }.Uri.ToString();
}
