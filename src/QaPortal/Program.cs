using SpeechQa.QaPortal.Cli;

return await SpeechQaCommand.InvokeAsync(args).ConfigureAwait(false);
