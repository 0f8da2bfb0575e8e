namespace SpeechQa.Batch.Ingestion;

/// <summary>A manifest row that was not ingested, with where and why (in words an admin can act on).</summary>
public sealed record RowProblem(int Line, string? CallId, string Reason)
{
    public override string ToString() => CallId is null ? $"line {Line}: {Reason}" : $"line {Line} ({CallId}): {Reason}";
}
