using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.Search;
using SpeechQa.Search.Embedded;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Search;

/// <summary>Schema 8 re-keys the embedded index; calls indexed under schema 7 must stay findable without a rebuild.</summary>
public sealed class EmbeddedIndexMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Calls_indexed_under_schema_7_are_found_after_the_upgrade(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, schemaVersion: 7);
        var document = CallDocumentJson.Serialize(new CallDocument
        {
            CallId = "OLD-7", StartedAt = DateTimeOffset.Parse("2024-11-06T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
            Direction = "inbound", AgentId = "A017", Team = "热线一组", Region = "莲池区", Category = "C03", Score = 70, DurationSeconds = 60,
            Hits = [new HitDocument("F04", "fatal")],
            Segments = [new SegmentDocument("agent", 50, 55, "这不归我们管", ["这不归", "我们", "管"])],
        });
        await db.DataSource.ExecuteAsync(
            """
            INSERT INTO search_calls (call_id, started_at_ms, direction, agent_id, team, region, queue, category, score, sort_score, fatal, duration_s, document)
            VALUES ('OLD-7', 1730854800000, 'inbound', 'A017', '热线一组', '莲池区', NULL, 'C03', 70, 70, 1, 60, @document);
            INSERT INTO search_hits (call_id, rule, severity) VALUES ('OLD-7', 'F04', 'fatal');
            INSERT INTO search_segments (call_id, seq, speaker, start_s, to_end_s, tokens, chars) VALUES ('OLD-7', 0, 'agent', 50, 5, '这不归 我们 管', '这 不 归 我 们 管');
            """, new SqlParameterList { { "document", document } }, CancellationToken.None);

        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        var index = new EmbeddedSearchIndex(db.DataSource, SearchBackends.Tokens);
        var page = await index.SearchAsync(new SearchQuery { Text = "不归我们管", Speaker = "agent", LastSeconds = 30, Rules = ["F04"] }, CancellationToken.None);
        Assert.Equal(1, page.Total);
        Assert.Equal("OLD-7", Assert.Single(page.Hits).Call.CallId);
        Assert.Contains("【不归我们管】", Assert.Single(page.Hits[0].Snippets).Highlighted, StringComparison.Ordinal);
        var unfiltered = await index.SearchAsync(new SearchQuery { Text = "不归我们管" }, CancellationToken.None);
        Assert.Equal(1, unfiltered.Total);
    }
}
