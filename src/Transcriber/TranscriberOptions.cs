using SpeechQa.Batch.Calls;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Asr;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber;

/// <summary>Settings of the audio side of the pipeline.</summary>
public sealed record TranscriberOptions
{
    /// <summary>Which channel is the agent when the manifest row does not say (a per-source setting).</summary>
    public ChannelLayout DefaultChannelLayout { get; init; } = ChannelLayout.AgentLeft;

    /// <summary>The ffmpeg used for formats other than WAV (SPEECHQA_FFMPEG, through <see cref="TranscriberSettings"/>).</summary>
    public string FfmpegPath { get; init; } = AudioDecoder.DefaultFfmpeg;

    public VoiceActivityOptions VoiceActivity { get; init; } = new();

    /// <summary>A whisper.cpp ggml model file (SPEECHQA_WHISPER_MODEL, e.g. ggml-small-q5_1.bin); without one, calls need a transcript.</summary>
    public string? WhisperModel { get; init; }

    public WhisperOptions Whisper { get; init; } = new()
    {
        Language = "zh",
        BeamSize = 5,
        Threads = 1,
        InitialPrompt = File.Exists(DefaultHotwordsFile) ? string.Join(' ', File.ReadAllLines(DefaultHotwordsFile).Where(l => l.Length > 0 && !l.StartsWith('#'))) : null,
    };

    /// <summary>Domain words that prime Whisper (relative to the working folder, where speechqa runs from the checkout).</summary>
    public const string DefaultHotwordsFile = "rules/asr-hotwords.txt";
}
