using System.Net;
using System.Text;

namespace SpeechQa.Tests.Search;

/// <summary>
/// An HTTP handler that records every request and answers with scripted responses shaped as the Elasticsearch
/// REST documentation shows them (no cluster can run here). Unscripted requests answer 200 {"acknowledged":true}.
/// </summary>
public sealed class ScriptedElasticsearch : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> _responses = new();

    public List<(HttpMethod Method, string Path, string? ContentType, string Body, string? Authorization)> Requests { get; } = [];

    public ScriptedElasticsearch Then(HttpStatusCode status, string body)
    {
        _responses.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, request.Content?.Headers.ContentType?.MediaType, body, request.Headers.Authorization?.ToString()));
        var (status, text) = _responses.Count > 0 ? _responses.Dequeue() : (HttpStatusCode.OK, """{"acknowledged":true}""");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
