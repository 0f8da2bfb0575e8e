namespace SpeechQa.Batch.Calls;

/// <summary>What storing a manifest row did.</summary>
public enum IngestOutcome
{
    Added,

    /// <summary>The call existed with other audio or transcript content: it starts over at a new revision.</summary>
    Changed,

    /// <summary>Same content as stored: nothing was touched.</summary>
    Unchanged,
}
