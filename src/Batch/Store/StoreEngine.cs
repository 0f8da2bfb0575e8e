namespace SpeechQa.Batch.Store;

/// <summary>The two database engines behind one schema.</summary>
public enum StoreEngine
{
    /// <summary>Embedded default: one file, WAL mode, one writer at a time.</summary>
    Sqlite,

    /// <summary>Scale-out: several worker machines share one server (FOR UPDATE SKIP LOCKED).</summary>
    PostgreSql,
}
