using System.Text.Json;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.Pipeline.Export;

/// <summary>
/// Writes the results export (formats.md §4), one call per line in call_id order. Only what the pipeline
/// has really produced is written: score, fatal, ruleset and hits once the rules ran; category once the classifier
/// ran; repeat for calls in a repeat chain or an outage cluster once repeat analysis ran. Never faked.
/// </summary>
public sealed class ResultsExporter(CallStore calls, RepeatStore repeats)
{
    private const int PageSize = 500;

    public async Task<int> WriteJsonLinesAsync(Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        string? after = null;
        var newline = "\n"u8.ToArray();
        while (true)
        {
            var page = await calls.ListAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
                return count;
            foreach (var call in page)
            {
                var metrics = call.Status == CallStatus.Scored
                    ? await calls.GetMetricsAsync(call.Call.CallId, cancellationToken).ConfigureAwait(false)
                    : null;
                var judgement = call.Status == CallStatus.Scored
                    ? await calls.GetJudgementAsync(call.Call.CallId, cancellationToken).ConfigureAwait(false)
                    : null;
                var repeat = await repeats.GetMemberAsync(call.Call.CallId, cancellationToken).ConfigureAwait(false);
                await using (var writer = new Utf8JsonWriter(output, TranscriptJson.WriterOptions))
                    WriteLine(writer, call, metrics, judgement, repeat);
                await output.WriteAsync(newline, cancellationToken).ConfigureAwait(false);
                count++;
            }
            after = page[^1].Call.CallId;
        }
    }

    private static void WriteLine(Utf8JsonWriter writer, StoredCall call, string? metricsJson, StoredJudgement? judgement, RepeatMembership? repeat)
    {
        writer.WriteStartObject();
        writer.WriteString("call_id", call.Call.CallId);
        writer.WriteString("status", call.Status.ToWire());
        if (call.Status == CallStatus.Failed)
            writer.WriteString("error", call.Error ?? "unknown error");
        if (judgement?.Category is { } category)
        {
            writer.WriteString("category", category);
            writer.WritePropertyName("categories");
            using var categories = JsonDocument.Parse(judgement.CategoriesJson ?? "[]");
            categories.RootElement.WriteTo(writer);
        }
        if (judgement is not null)
        {
            writer.WriteNumber("score", judgement.Score);
            writer.WriteBoolean("fatal", judgement.Fatal);
            writer.WriteString("ruleset", judgement.RuleSet);
            writer.WritePropertyName("hits");
            using var hits = JsonDocument.Parse(judgement.HitsJson);
            hits.RootElement.WriteTo(writer);
        }
        if (metricsJson is not null)
        {
            writer.WritePropertyName("metrics");
            using var metrics = JsonDocument.Parse(metricsJson);
            metrics.RootElement.WriteTo(writer);
        }
        if (repeat is not null)
        {
            writer.WriteStartObject("repeat");
            writer.WriteString("kind", RepeatStore.KindName(repeat.Kind));
            writer.WriteString("chain_id", repeat.ChainId);
            writer.WriteString("origin_call_id", repeat.OriginCallId);
            writer.WriteNumber("position", repeat.Position);
            writer.WriteString("root_cause", repeat.RootCause.ToString());
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes each call's transcript as &lt;call_id&gt;.json in format §2 (re-importable).</summary>
    public async Task<int> WriteTranscriptsAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var count = 0;
        string? after = null;
        while (true)
        {
            var page = await calls.ListAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
                return count;
            foreach (var call in page)
            {
                var transcript = await calls.GetTranscriptAsync(call.Call.CallId, cancellationToken).ConfigureAwait(false);
                if (transcript is null)
                    continue;
                var path = Path.Combine(folder, SafeFileName(call.Call.CallId) + ".json");
                await File.WriteAllBytesAsync(path, TranscriptJson.ToUtf8Bytes(transcript), cancellationToken).ConfigureAwait(false);
                count++;
            }
            after = page[^1].Call.CallId;
        }
    }

    /// <summary>call_id comes from a manifest: keep it from naming a path ("/", "..").</summary>
    private static string SafeFileName(string callId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = string.Concat(callId.Select(c => invalid.Contains(c) ? '_' : c));
        return name is "." or ".." ? "_" + name : name;
    }
}
