using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// A thin client for the few Elasticsearch REST endpoints the index uses (the official client is not in the
/// registry): index templates, index create/delete, <c>_bulk</c> (NDJSON, per-item results, 429 retried with
/// exponential backoff), <c>_search</c> and <c>_delete_by_query</c>. Errors carry the cluster's reason.
/// </summary>
public sealed class ElasticsearchClient
{
    private readonly HttpClient _http;
    private readonly ElasticsearchOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public ElasticsearchClient(HttpClient http, ElasticsearchOptions options, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _delay = delay ?? Task.Delay;
    }

    public ElasticsearchOptions Options => _options;

    /// <summary>How often a bulk request (or its busy items) is tried before giving up.</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public Task<JsonNode?> PutIndexTemplateAsync(string name, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"_index_template/{name}", body.ToJsonString(), "application/json", cancellationToken);

    /// <summary>Creates the index; an index that already exists is fine.</summary>
    public async Task CreateIndexAsync(string index, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Put, index, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ElasticsearchException e) when (e.Status == 400 && e.Message.Contains("resource_already_exists_exception", StringComparison.Ordinal))
        {
        }
    }

    public async Task DeleteIndexAsync(string index, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Delete, index, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ElasticsearchException e) when (e.Status == 404)
        {
        }
    }

    public Task<JsonNode?> DeleteAllAsync(string index, bool refresh, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{index}/_delete_by_query?conflicts=proceed{(refresh ? "&refresh=true" : "")}", """{"query":{"match_all":{}}}""", "application/json", cancellationToken);

    public async Task<JsonNode> SearchAsync(string index, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"{index}/_search", body.ToJsonString(), "application/json", cancellationToken).ConfigureAwait(false)
        ?? throw new ElasticsearchException(500, "empty search response");

    /// <summary>
    /// Indexes documents with <c>_bulk</c>. Items answered 429 (and 502/503/504) are sent again, with backoff doubling
    /// from <see cref="FirstBackoff"/>; a whole request answered 429 likewise. Items refused for other reasons are
    /// collected and thrown together as <see cref="ElasticsearchBulkException"/>; the others are indexed.
    /// </summary>
    public async Task BulkIndexAsync(string index, IReadOnlyList<(string Id, string Json)> documents, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var pending = documents.ToList();
        var failures = new List<(string, int, string)>();
        var backoff = FirstBackoff;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var body = new StringBuilder();
            foreach (var (id, json) in pending)
            {
                body.Append("{\"index\":{\"_index\":").Append(JsonSerializer.Serialize(index)).Append(",\"_id\":").Append(JsonSerializer.Serialize(id)).Append("}}\n");
                body.Append(json).Append('\n');
            }
            JsonNode? response;
            try
            {
                response = await SendAsync(HttpMethod.Post, "_bulk" + (refresh ? "?refresh=true" : ""), body.ToString(), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
            }
            catch (ElasticsearchException e) when (e.Status == 429 && attempt < MaxAttempts)
            {
                await _delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff *= 2;
                continue;
            }
            var retry = new List<(string, string)>();
            if (response?["errors"]?.GetValue<bool>() == true)
            {
                var items = response["items"]!.AsArray();
                for (var i = 0; i < items.Count && i < pending.Count; i++)
                {
                    var result = items[i]!["index"]!;
                    var status = result["status"]!.GetValue<int>();
                    if (status is >= 200 and < 300)
                        continue;
                    if (status is 429 or 502 or 503 or 504 && attempt < MaxAttempts)
                        retry.Add(pending[i]);
                    else
                        failures.Add((pending[i].Id, status, Reason(result["error"])));
                }
            }
            pending = retry;
            if (pending.Count > 0)
            {
                await _delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff *= 2;
            }
        }
        if (failures.Count > 0)
            throw new ElasticsearchBulkException(failures);
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.Url, path));
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType ?? "application/json"));
        if (_options.ApiKey is { Length: > 0 } key)
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        else if (_options.Username is { Length: > 0 } user)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_options.Password}")));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ElasticsearchException(0, $"cannot reach Elasticsearch at {_options.Display}: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonNode? json = null;
            try
            {
                json = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // A proxy's HTML error page: reported below with the status.
            }
            if (!response.IsSuccessStatusCode)
                {
                var reason = Reason(json?["error"]);
                throw new ElasticsearchException((int)response.StatusCode, $"Elasticsearch {method} /{path}: {(int)response.StatusCode} {(reason.Length > 0 ? reason : response.StatusCode.ToString())}");
            }
            return json;
        }
    }

    /// <summary>"type: reason" of an Elasticsearch error object (root cause first), or its string form.</summary>
    private static string Reason(JsonNode? error)
    {
        if (error is null)
            return "";
        if (error is JsonValue)
            return error.ToString();
        var cause = error["root_cause"]?.AsArray().FirstOrDefault() ?? error;
        return $"{cause["type"]}: {cause["reason"]}";
    }
}
