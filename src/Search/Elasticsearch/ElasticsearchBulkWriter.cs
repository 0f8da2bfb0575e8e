using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// Writes call documents with <c>_bulk</c>. Items the cluster was too busy for (429, and 502/503/504) are sent
/// again, with back-off doubling from <see cref="FirstBackoff"/>; a whole request answered 429 likewise. Items
/// refused for other reasons are collected and thrown together, naming their calls, after the rest are written.
/// </summary>
public sealed class ElasticsearchBulkWriter(ElasticsearchClient client, string display, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    /// <summary>How often a request (or its busy items) is tried before giving up.</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public async Task WriteAsync(string index, IReadOnlyList<CallSource> documents, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var pending = documents;
        var refused = new List<RefusedDocument>();
        var backoff = FirstBackoff;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var request = new BulkRequest(index)
            {
                Refresh = refresh ? Refresh.True : null,
                Operations = [.. pending.Select(d => new BulkIndexOperation<CallSource>(d) { Id = d.CallId })],
            };
            var response = await client.BulkAsync(request, cancellationToken).ConfigureAwait(false);
            var status = response.ApiCallDetails.HttpStatusCode;
            var retry = new List<CallSource>();
            if (status == 429 && attempt < MaxAttempts)
            {
                retry.AddRange(pending);
            }
            else if (status is not (>= 200 and < 300) || response.Items.Count != pending.Count)
            {
                throw ElasticsearchResponses.Failure(response, display);
            }
            else
            {
                var i = 0;
                foreach (var item in response.Items)
                {
                    var document = pending[i++];
                    if (item.Status is >= 200 and < 300)
                        continue;
                    if (item.Status is 429 or 502 or 503 or 504 && attempt < MaxAttempts)
                        retry.Add(document);
                    else
                        refused.Add(new RefusedDocument(document.CallId, item.Status, ElasticsearchResponses.Reason(item.Error) ?? "refused"));
                }
            }
            pending = retry;
            if (pending.Count > 0)
            {
                await _delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff *= 2;
            }
        }
        if (refused.Count > 0)
            throw new ElasticsearchBulkException(refused);
    }
}
