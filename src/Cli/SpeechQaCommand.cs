using System.CommandLine;

namespace SpeechQa.Cli;

/// <summary>The `speechqa` command tree.</summary>
public static class SpeechQaCommand
{
    public static RootCommand Create()
    {
        var global = new GlobalOptions();
        var root = new RootCommand("SpeechQa 智能质检: quality inspection of every hotline call (water supply and district heating)");
        global.AddTo(root);
        root.Subcommands.Add(IngestCommand.Create(global));
        root.Subcommands.Add(RunCommand.Create(global));
        root.Subcommands.Add(WorkerCommand.Create(global));
        root.Subcommands.Add(StatusCommand.Create(global));
        root.Subcommands.Add(JobsCommand.Create(global));
        root.Subcommands.Add(ExportCommand.Create(global));
        root.Subcommands.Add(ServeCommand.Create(global));
        root.Subcommands.Add(TextCommand.Create());
        root.Subcommands.Add(RulesCommand.Create(global));
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(SearchCommand.CreateSearch(global));
        root.Subcommands.Add(SearchCommand.CreateIndex(global));
        root.Subcommands.Add(RepeatsCommand.Create(global));
        root.Subcommands.Add(UsersCommand.Create(global));
        return root;
    }

    /// <summary>Parses and runs; usage errors exit with 2 (System.CommandLine's default would be 1, which means "some calls failed" here).</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var result = Create().Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                await Console.Error.WriteLineAsync($"用法错误 usage error: {error.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("speechqa --help 查看用法 shows usage").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
        return await result.InvokeAsync().ConfigureAwait(false);
    }
}
