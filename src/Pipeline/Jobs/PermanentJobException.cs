namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// A failure that retrying cannot fix (an undecodable file, a transcript that breaks the format):
/// the job fails at once instead of using up its retries. The message is shown to users as the call's error.
/// </summary>
public class PermanentJobException : Exception
{
    public PermanentJobException(string message) : base(message) { }

    public PermanentJobException(string message, Exception inner) : base(message, inner) { }
}
