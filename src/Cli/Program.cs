using SpeechQa.Cli;

return await SpeechQaCommand.InvokeAsync(args).ConfigureAwait(false);
