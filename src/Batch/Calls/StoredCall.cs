namespace SpeechQa.Batch.Calls;

/// <summary>A call with its pipeline state. <see cref="Revision"/> grows when re-ingested with new audio; jobs carry it so stale work is ignored.</summary>
public sealed record StoredCall(Call Call, int Revision, CallStatus Status, string? Error, DateTimeOffset UpdatedAt);
