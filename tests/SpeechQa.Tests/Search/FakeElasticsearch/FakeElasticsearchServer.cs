using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SpeechQa.Tests.Search.FakeElasticsearch;

/// <summary>
/// An Elasticsearch stand-in on 127.0.0.1 for the tests (no cluster can be installed here), written from the REST
/// documentation and behaving like a 9.x node where the official client cares: every response carries
/// <c>X-Elastic-Product: Elasticsearch</c>, gzip request bodies are inflated, the response Content-Type echoes the
/// request's Accept. It keeps documents per index, applies index templates with strict mappings (a field the mapping
/// does not know is refused per item, as the server does), answers bulk per item, evaluates the subset of the query
/// DSL the product sends (<see cref="FakeQuery"/>), sorts, pages with search_after, keeps points in time, and
/// aggregates. Faults are injected: whole-request answers (<see cref="Fail"/>) and busy bulk items (<see cref="BusyItems"/>).
/// </summary>
public sealed class FakeElasticsearchServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly FakeCluster _cluster = new();
    private readonly Queue<(string PathPart, int Status, string Body)> _faults = new();
    private readonly List<FakeRequest> _requests = [];

    public FakeElasticsearchServer()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Calls whose next bulk item is answered 429 es_rejected_execution_exception (once per listing).</summary>
    public List<string> BusyItems { get; } = [];

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    public FakeCluster Cluster => _cluster;

    /// <summary>The next request whose path contains <paramref name="pathPart"/> gets this answer instead of being served.</summary>
    public FakeElasticsearchServer Fail(string pathPart, int status, string body)
    {
        lock (_gate)
            _faults.Enqueue((pathPart, status, body));
        return this;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            Stream input = request.InputStream;
            if (string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
                input = new GZipStream(input, CompressionMode.Decompress);
            string body;
            using (var reader = new StreamReader(input, Encoding.UTF8))
                body = await reader.ReadToEndAsync();
            var recorded = new FakeRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query, request.Headers["Accept"], request.ContentType,
                request.Headers["Content-Encoding"], request.Headers["Authorization"], body);
            (int Status, string Json) answer;
            lock (_gate)
            {
                _requests.Add(recorded);
                answer = NextFault(recorded) ?? Serve(recorded);
            }
            response.StatusCode = answer.Status;
            response.Headers["X-Elastic-Product"] = "Elasticsearch";
            response.ContentType = recorded.Accept?.Split(',')[0].Trim() is { Length: > 0 } accept ? accept : "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer.Json);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception e)
        {
            response.StatusCode = 500;
            response.Headers["X-Elastic-Product"] = "Elasticsearch";
            response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(FakeCluster.Error(500, "fake_server_exception", e.ToString()).Json);
            await response.OutputStream.WriteAsync(bytes);
        }
        finally
        {
            response.Close();
        }
    }

    private (int, string)? NextFault(FakeRequest request)
    {
        if (_faults.Count > 0 && request.Path.Contains(_faults.Peek().PathPart, StringComparison.Ordinal))
        {
            var (_, status, body) = _faults.Dequeue();
            return (status, body);
        }
        return null;
    }

    private (int Status, string Json) Serve(FakeRequest r)
    {
        var parts = r.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var json = r.Body.Length == 0 || parts.LastOrDefault() == "_bulk" ? null : JsonNode.Parse(r.Body);
        return (r.Method, parts) switch
        {
            ("PUT", ["_index_template", var name]) => _cluster.PutTemplate(name, json!),
            ("PUT", [var index]) => _cluster.CreateIndex(index, json),
            ("DELETE", [var index]) when !index.StartsWith('_') => _cluster.DeleteIndex(index),
            ("POST" or "PUT", ["_bulk"]) => _cluster.Bulk(null, r.Body, r.Query, BusyItems),
            ("POST" or "PUT", [var index, "_bulk"]) => _cluster.Bulk(index, r.Body, r.Query, BusyItems),
            ("POST" or "GET", [var index, "_search"]) => _cluster.Search(index, json, r.Query),
            ("POST" or "GET", ["_search"]) => _cluster.Search(null, json, r.Query),
            ("POST", [var index, "_pit"]) => _cluster.OpenPointInTime(index),
            ("DELETE", ["_pit"]) => _cluster.ClosePointInTime(json!["id"]!.GetValue<string>()),
            ("POST", [var index, "_delete_by_query"]) => _cluster.DeleteAll(index),
            _ => FakeCluster.Error(400, "illegal_argument_exception", $"fake server does not serve {r.Method} {r.Path}"),
        };
    }

    public void Dispose()
    {
        // Close alone (it stops too): Stop then Close removes the prefix twice, and on Linux the second removal binds the
        // port again — "address already in use" when another test's server has taken the freed port meanwhile.
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The listener is gone either way; a fake server's shutdown is not what a test asserts.
        }
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>A request as the fake received it (body inflated when it came gzip-compressed).</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Accept, string? ContentType, string? ContentEncoding, string? Authorization, string Body);
