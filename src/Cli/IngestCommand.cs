using System.CommandLine;
using SpeechQa.Batch.Ingestion;

namespace SpeechQa.Cli;

/// <summary>`speechqa ingest &lt;manifest|folder&gt; [--watch]`: reads manifests, stores calls, queues their first stage.</summary>
public static class IngestCommand
{
    public static Command Create(GlobalOptions global)
    {
        var path = new Argument<string>("path") { Description = "A manifest (.csv, .jsonl) or a folder of manifests (a recorder's export folder)" };
        var watch = new Option<bool>("--watch") { Description = "Keep watching the folder and ingest new or changed manifests as they appear" };
        var command = new Command("ingest", "Ingest calls from a manifest (CSV / JSON Lines) or a folder of manifests") { path, watch };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var target = result.GetValue(path)!;
            var isFolder = Directory.Exists(target);
            if (!isFolder && !File.Exists(target))
                throw new FileNotFoundException($"{target} is neither a manifest file nor a folder");
            if (result.GetValue(watch) && !isFolder)
                throw new FormatException("--watch needs a folder, not a single manifest");

            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var ingestor = app.Get<ManifestIngestor>();
            var reports = isFolder
                ? await ingestor.IngestFolderAsync(target, onlyChanged: false, settledBefore: null, cancellationToken).ConfigureAwait(false)
                : [await ingestor.IngestAsync(target, cancellationToken).ConfigureAwait(false)];
            if (isFolder && reports.Count == 0)
                Console.WriteLine($"{target}: 没有找到清单文件 no manifests (*.csv, *.jsonl) found");
            foreach (var report in reports)
                Print(report);
            if (result.GetValue(watch))
            {
                Console.WriteLine($"正在监视 watching {Path.GetFullPath(target)} (Ctrl+C 结束 to stop)");
                await new RecorderFolderWatcher(ingestor, Print).WatchAsync(target, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            return reports.Any(r => r.Rejected > 0) ? ExitCodes.SomeCallsFailed : ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(IngestReport report)
    {
        Console.WriteLine($"{report.Manifest}: 新增 added {report.Added}, 变更 changed {report.Changed}, 未变 unchanged {report.Unchanged}, 拒绝 rejected {report.Rejected}");
        foreach (var problem in report.Problems)
            Console.WriteLine($"  拒绝 rejected {problem}");
    }
}
