using SpeechQa.Batch.Calls;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber;

/// <summary>Settings of the audio side of the pipeline.</summary>
public sealed record TranscriberOptions
{
    /// <summary>Which channel is the agent when the manifest row does not say (a per-source setting).</summary>
    public ChannelLayout DefaultChannelLayout { get; init; } = ChannelLayout.AgentLeft;

    /// <summary>The ffmpeg used for formats other than WAV (SPEECHQA_FFMPEG overrides).</summary>
    public string FfmpegPath { get; init; } = Environment.GetEnvironmentVariable("SPEECHQA_FFMPEG") is { Length: > 0 } path ? path : AudioDecoder.DefaultFfmpeg;

    public VoiceActivityOptions VoiceActivity { get; init; } = new();
}
