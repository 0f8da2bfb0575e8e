using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace SpeechQa.Bench;

/// <summary>
/// The pipeline on Hangfire through the real `speechqa` command, on the embedded store (SQLite, Hangfire's in-memory
/// queue) and, given a PostgreSQL server, on PostgreSQL (Hangfire.PostgreSql), one after the other on a fresh store
/// each: (1) the demo data set (300 calls with stereo A-law audio and reference transcripts: decoding, channel split,
/// acoustic metrics, rules, classifiers, repeat chains), (2) N generated transcript-only calls, ingest and run timed
/// apart (the batch-import case, through import batches). The store's own job engine this replaced was measured beside
/// Hangfire in one run before it was deleted (README).
/// </summary>
public static class PipelineEngineBench
{
    public static void Run(string repository, int calls, int demoCalls, string? postgres)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "speechqa.dll");
        var folder = Directory.CreateTempSubdirectory("speechqa-bench-pipeline-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["SPEECHQA_RULES"] = Path.Combine(repository, "rules"),
            ["SPEECHQA_MODELS"] = Path.Combine(repository, "models"),
            ["SPEECHQA_INDEX"] = "off",
        };
        try
        {
            Console.WriteLine($"Pipeline on Hangfire ({Environment.ProcessorCount} cores, {Environment.ProcessorCount} workers, search index off)");
            Console.WriteLine($"{"data",-34} {"store",-11} {"ingest",9} {"run",9} {"calls/s",8}");
            if (demoCalls > 0)
            {
                var demo = Path.Combine(folder, "demo");
                Tool.Run("/usr/bin/python3", Path.Combine(repository, "scripts/demo-data/generate.py"), "--out", demo, "--seed", "7", "--calls", demoCalls.ToString(CultureInfo.InvariantCulture));
                Measure("demo data set (seed 7, audio)", Path.Combine(demo, "manifest.csv"), cli, folder, postgres, environment);
            }
            if (calls > 0)
                Measure($"{calls} transcript-only calls", WriteTranscriptOnly(Path.Combine(folder, "generated"), calls), cli, folder, postgres, environment);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(string label, string manifest, string cli, string folder, string? postgres, Dictionary<string, string> environment)
    {
        var stores = new List<(string Name, string Setting)> { ("SQLite", Path.Combine(folder, $"bench-{Guid.NewGuid():N}.db")) };
        if (postgres is not null)
            stores.Add(("PostgreSQL", FreshDatabase(postgres)));
        foreach (var (name, db) in stores)
        {
            var clock = Stopwatch.StartNew();
            Tool.Run("dotnet", environment, cli, "ingest", manifest, "--db", db);
            var ingest = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var output = Tool.Run("dotnet", environment, cli, "run", "--db", db);
            var run = clock.Elapsed.TotalSeconds;
            var processed = int.Parse(output.Split('\n').First(l => l.Contains("处理 processed:", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            Console.WriteLine($"{label,-34} {name,-11} {ingest,7:0.0} s {run,7:0.0} s {processed / run,8:0.0}");
        }
    }

    /// <summary>A new, empty database on the server <paramref name="postgres"/> names, so every run starts from nothing.</summary>
    private static string FreshDatabase(string postgres)
    {
        var name = $"speechqa_bench_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(postgres))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Short two-line calls spread over a month, as a transcript system exports them; 4 callers in 5 call once, the
    /// others again on a later day (repeat chains form, about as often as on a real hotline).
    /// </summary>
    private static string WriteTranscriptOnly(string folder, int calls)
    {
        Directory.CreateDirectory(Path.Combine(folder, "t"));
        var callers = Math.Max(1, calls * 4 / 5);
        var manifest = new StringBuilder("call_id,started_at,direction,caller,agent_id,transcript\n");
        string[] customer = ["我家从早上开始就没水了。", "暖气不热，室温只有十六度。", "这个月水费怎么这么多？", "水表好像坏了，一直在转。"];
        for (var i = 0; i < calls; i++)
        {
            var id = $"G{i:000000}";
            File.WriteAllText(Path.Combine(folder, "t", id + ".json"),
                $$"""{"call_id":"{{id}}","language":"zh","source":"imported","segments":[{"speaker":"agent","start":0.0,"end":3.2,"text":"您好，供水服务热线，请问有什么可以帮您？"},{"speaker":"customer","start":3.6,"end":7.1,"text":"{{customer[i % customer.Length]}}"}]}""");
            manifest.Append(CultureInfo.InvariantCulture, $"{id},2024-11-{1 + i % 28:00}T{8 + i % 10:00}:{i % 60:00}:{i / 60 % 60:00}+08:00,inbound,138{i % callers:00000000},A{i % 20:000},t/{id}.json\n");
        }
        var path = Path.Combine(folder, "manifest.csv");
        File.WriteAllText(path, manifest.ToString());
        return path;
    }
}
