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

    /// <summary>The ffmpeg used for formats other than WAV (SPEECHQA_FFMPEG overrides).</summary>
    public string FfmpegPath { get; init; } = Environment.GetEnvironmentVariable("SPEECHQA_FFMPEG") is { Length: > 0 } path ? path : AudioDecoder.DefaultFfmpeg;

    public VoiceActivityOptions VoiceActivity { get; init; } = new();

    /// <summary>A Whisper export in the optimum ONNX layout ($SPEECHQA_WHISPER_MODEL); without one, calls need a transcript.</summary>
    public string? WhisperModelFolder { get; init; } = Environment.GetEnvironmentVariable("SPEECHQA_WHISPER_MODEL") is { Length: > 0 } folder ? folder : null;

    /// <summary>File-name variant of the ONNX files: "" (fp32), "_quantized", "_int8", "_fp16"… ($SPEECHQA_WHISPER_VARIANT).</summary>
    public string WhisperVariant { get; init; } = Environment.GetEnvironmentVariable("SPEECHQA_WHISPER_VARIANT") ?? "";

    public WhisperOptions Whisper { get; init; } = new()
    {
        BeamSize = int.TryParse(Environment.GetEnvironmentVariable("SPEECHQA_WHISPER_BEAM"), out var beam) && beam > 0 ? beam : 5,
        InitialPrompt = File.Exists(DefaultHotwordsFile) ? string.Join(' ', File.ReadAllLines(DefaultHotwordsFile).Where(l => l.Length > 0 && !l.StartsWith('#'))) : null,
    };

    /// <summary>Domain words that prime Whisper (relative to the working folder, where speechqa runs from the checkout).</summary>
    public const string DefaultHotwordsFile = "rules/asr-hotwords.txt";
}
