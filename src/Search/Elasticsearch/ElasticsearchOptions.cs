using SpeechQa.Batch.Settings;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// The cluster as the client needs it (from <see cref="ElasticsearchSettings"/>): <c>SPEECHQA_ES_URL</c> (+ <c>SPEECHQA_ES_USER</c>/<c>SPEECHQA_ES_PASSWORD</c> or
/// <c>SPEECHQA_ES_API_KEY</c>), and the prefix of the index names (<c>SPEECHQA_ES_PREFIX</c>, default "speechqa-").
/// Credentials come from the environment only, never from files in the repository.
/// </summary>
public sealed record ElasticsearchOptions(Uri Url, string IndexPrefix = "speechqa-", string? Username = null, string? Password = null, string? ApiKey = null)
{
    public const string UrlVariable = "SPEECHQA_ES_URL";

    /// <summary>The options from the environment (<see cref="ElasticsearchSettings"/>), or null when SPEECHQA_ES_URL is not set (the embedded index is used).</summary>
    public static ElasticsearchOptions? FromEnvironment()
    {
        var settings = SpeechQaConfiguration.Bind<ElasticsearchSettings>();
        if (new ElasticsearchSettingsValidation().Validate(null, settings) is { Failed: true } refused)
            throw new ArgumentException(refused.FailureMessage);
        return settings.ToOptions();
    }

    /// <summary>The URL without user info, for logs.</summary>
    public string Display => new UriBuilder(Url) { UserName = "", Password = "" }.Uri.ToString();
}
