using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace SpeechQa.Bench;

/// <summary>
/// Hangfire.Storage.SQLite, the durable embedded queue the product did not choose, under the crash test the chosen
/// Hangfire.InMemory + call-store design passes (tests/SpeechQa.Tests/Pipeline/HangfireCrashTests.cs): a worker process
/// killed with SIGKILL five times while it runs N jobs of 50 ms, then restarted: jobs never run (lost), jobs run more
/// than once (duplicated), and the time from the last restart to the last job. Then one 45 s job with a 20 s
/// invisibility timeout (this storage has no sliding invisibility): how often it is started while it runs.
/// It also prints which SQLite the process loaded: the package brings SQLitePCLRaw.lib.e_sqlite3 2.1.11, whose native
/// library replaces the project's unless excluded (SpeechQa.Bench.csproj does).
/// </summary>
public static class HangfireStorageBench
{
    private static readonly TimeSpan Invisibility = TimeSpan.FromSeconds(30);

    public static void Run(int jobs, int kills)
    {
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            Console.WriteLine($"SQLite loaded: {command.ExecuteScalar()} (Microsoft.Data.Sqlite and Hangfire.Storage.SQLite's sqlite-net share one native library)");
        }
        var folder = Directory.CreateTempSubdirectory("speechqa-bench-hangfire-sqlite-").FullName;
        try
        {
            Crash(folder, jobs, kills);
            LongJob(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The child process: a Hangfire server on the SQLite storage, until killed.</summary>
    public static void Work(string database, int invisibilitySeconds, int workers)
    {
        using var storage = Storage(database, TimeSpan.FromSeconds(invisibilitySeconds));
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers, SchedulePollingInterval = TimeSpan.FromSeconds(1) }, storage);
        Thread.Sleep(Timeout.Infinite);
    }

    private static void Crash(string folder, int jobs, int kills)
    {
        var database = Path.Combine(folder, "crash.db");
        var ledger = Directory.CreateDirectory(Path.Combine(folder, "crash.ledger")).FullName;
        using (var storage = Storage(database, Invisibility))
        {
            var client = new BackgroundJobClient(storage);
            for (var i = 0; i < jobs; i++)
            {
                var id = i;
                client.Enqueue(() => CrashProbe.Run(id, ledger));
            }
        }
        for (var kill = 1; kill <= kills; kill++)
        {
            var before = Done(ledger).Count;
            using var worker = StartWorker(database, Invisibility, 2);
            WaitUntil(() => Done(ledger).Count >= Math.Min(jobs, before + 30), TimeSpan.FromMinutes(2));
            worker.Kill();
            worker.WaitForExit();
        }
        var clock = Stopwatch.StartNew();
        using (var last = StartWorker(database, Invisibility, 2))
        {
            var finished = WaitUntil(() => Done(ledger).Count >= jobs, TimeSpan.FromMinutes(5));
            var elapsed = clock.Elapsed.TotalSeconds;
            last.Kill();
            last.WaitForExit();
            var runs = Runs(ledger);
            var distinct = runs.Distinct(StringComparer.Ordinal).Count();
            Console.WriteLine($"Hangfire.Storage.SQLite 0.4.3, {jobs} jobs of 50 ms, 2 workers, killed {kills}× (invisibility {Invisibility.TotalSeconds:0} s):");
            Console.WriteLine($"  lost {jobs - distinct}, duplicated {runs.Count - distinct}, restart to last job {(finished ? $"{elapsed:0.0} s" : $"not within {elapsed:0} s")}");
        }
    }

    private static void LongJob(string folder)
    {
        var database = Path.Combine(folder, "long.db");
        var ledger = Directory.CreateDirectory(Path.Combine(folder, "long.ledger")).FullName;
        var invisibility = TimeSpan.FromSeconds(20);
        using (var storage = Storage(database, invisibility))
            new BackgroundJobClient(storage).Enqueue(() => CrashProbe.RunLong(ledger));
        using var worker = StartWorker(database, invisibility, 2);
        Thread.Sleep(TimeSpan.FromSeconds(60));
        worker.Kill();
        worker.WaitForExit();
        var marks = Runs(ledger);
        Console.WriteLine($"  one 45 s job, invisibility {invisibility.TotalSeconds:0} s, one live worker: started {marks.Count(l => l == "start")}×, finished {marks.Count(l => l == "end")}× in 60 s");
    }

    private static SQLiteStorage Storage(string database, TimeSpan invisibility) =>
        new(database, new SQLiteStorageOptions { InvisibilityTimeout = invisibility, QueuePollInterval = TimeSpan.FromSeconds(1) });

    private static Process StartWorker(string database, TimeSpan invisibility, int workers)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "SpeechQa.Bench.dll"), "hangfire-storage-worker", database,
            ((int)invisibility.TotalSeconds).ToString(CultureInfo.InvariantCulture), workers.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static HashSet<string> Done(string ledger) => [.. Runs(ledger)];

    /// <summary>What ran, one entry per run: each run leaves a file of its own (concurrent appends to one file can overwrite each other).</summary>
    private static List<string> Runs(string ledger) =>
        [.. Directory.EnumerateFiles(ledger).Select(f => Path.GetFileName(f).Split('.')[0])];

    private static bool WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            Thread.Sleep(100);
        }
        return true;
    }
}

/// <summary>The jobs of <see cref="HangfireStorageBench"/>: each run leaves a file named after what ran in a ledger folder.</summary>
public static class CrashProbe
{
    public static void Run(int id, string ledger)
    {
        Thread.Sleep(50);
        Mark(ledger, id.ToString(CultureInfo.InvariantCulture));
    }

    public static void RunLong(string ledger)
    {
        Mark(ledger, "start");
        Thread.Sleep(TimeSpan.FromSeconds(45));
        Mark(ledger, "end");
    }

    private static void Mark(string ledger, string what) => File.WriteAllText(Path.Combine(ledger, $"{what}.{Guid.NewGuid():N}"), "");
}
