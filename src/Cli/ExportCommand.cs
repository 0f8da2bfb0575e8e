using System.CommandLine;
using SpeechQa.Pipeline.Export;

namespace SpeechQa.Cli;

/// <summary>`speechqa export --jsonl FILE [--transcripts DIR]`: results per call (formats.md §4) and re-importable transcripts.</summary>
public static class ExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var jsonl = new Option<string?>("--jsonl") { Description = "Write results, one call per line (formats.md §4)" };
        var transcripts = new Option<string?>("--transcripts") { Description = "Write each call's transcript as <call_id>.json (formats.md §2)" };
        var command = new Command("export", "Export results and transcripts") { jsonl, transcripts };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var file = result.GetValue(jsonl);
            var folder = result.GetValue(transcripts);
            if (file is null && folder is null)
                throw new FormatException("give --jsonl FILE and/or --transcripts DIR");
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var exporter = new ResultsExporter(app.Get<SpeechQa.Batch.Store.CallStore>(), app.Get<SpeechQa.Pipeline.Repeats.RepeatStore>());
            if (file is not null)
            {
                var full = Path.GetFullPath(file);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                var temporary = full + ".partial";
                int count;
                await using (var output = File.Create(temporary))
                    count = await exporter.WriteJsonLinesAsync(output, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, full, overwrite: true); // readers never see a half-written export
                Console.WriteLine($"已导出 exported {count} calls to {full}");
            }
            if (folder is not null)
            {
                var count = await exporter.WriteTranscriptsAsync(folder, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"已导出 exported {count} transcripts to {Path.GetFullPath(folder)}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
