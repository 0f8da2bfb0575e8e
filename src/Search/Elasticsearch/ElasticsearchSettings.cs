using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SpeechQa.Batch.Settings;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// Where the cluster is (SPEECHQA_ES_*), bound from configuration and checked at start. Without a URL the embedded
/// index is used. Credentials come from the environment (or the host's secret store), never from files in the repository.
/// </summary>
public sealed class ElasticsearchSettings
{
    [ConfigurationKeyName("ES_URL"), Setting("Elasticsearch 9.x 地址；不设则用内嵌索引 the Elasticsearch 9.x URL; unset: the embedded index")]
    public string? Url { get; set; }

    [ConfigurationKeyName("ES_PREFIX"), Setting("索引名前缀 the prefix of the index names")]
    public string IndexPrefix { get; set; } = "speechqa-";

    [ConfigurationKeyName("ES_USER"), Setting("基本认证用户 basic-authentication user")]
    public string? Username { get; set; }

    [ConfigurationKeyName("ES_PASSWORD"), Setting("基本认证密码 basic-authentication password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("ES_API_KEY"), Setting("API 密钥（优先于用户名密码） API key (preferred over user and password)")]
    public string? ApiKey { get; set; }

    /// <summary>The cluster's options, or null when no URL is set.</summary>
    public ElasticsearchOptions? ToOptions() => string.IsNullOrWhiteSpace(Url)
        ? null
        : new ElasticsearchOptions(ClusterUrl(Url) ?? throw new ArgumentException($"{ElasticsearchOptions.UrlVariable} is not an http(s) URL: {Url}"),
            string.IsNullOrEmpty(IndexPrefix) ? "speechqa-" : IndexPrefix, Username, Password, ApiKey);

    /// <summary>The URL as the client takes it (ending in /), or null when it is not an absolute http(s) URL.</summary>
    internal static Uri? ClusterUrl(string url) =>
        Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") ? uri : null;
}

/// <summary>Refuses a URL that is not http(s), naming the variable.</summary>
public sealed class ElasticsearchSettingsValidation : IValidateOptions<ElasticsearchSettings>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Url is { Length: > 0 } url && ElasticsearchSettings.ClusterUrl(url) is null)
            return ValidateOptionsResult.Fail($"{ElasticsearchOptions.UrlVariable} 不是 http(s) 地址 is not an http(s) URL: {url}");
        return ValidateOptionsResult.Success;
    }
}
