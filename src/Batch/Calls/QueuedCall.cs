namespace SpeechQa.Batch.Calls;

/// <summary>
/// A call waiting for its first stage, as the job engine's reconcile pass reads it: <see cref="HasAudio"/> decides its
/// job (a recording is transcribed in a job of its own; transcript-only calls go in batches), <see cref="UpdatedAtMs"/>
/// advances the pass's watermark.
/// </summary>
public sealed record QueuedCall(string CallId, int Revision, long UpdatedAtMs, bool HasAudio);
