using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SpeechQa.Batch.Settings;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber;

/// <summary>The audio side's settings (SPEECHQA_FFMPEG, SPEECHQA_WHISPER_*), bound from configuration and checked at start.</summary>
public sealed class TranscriberSettings
{
    [ConfigurationKeyName("FFMPEG"), Setting("ffmpeg 程序（WAV 以外的格式） the ffmpeg used for formats other than WAV")]
    public string Ffmpeg { get; set; } = AudioDecoder.DefaultFfmpeg;

    [ConfigurationKeyName("WHISPER_MODEL"), Setting("whisper.cpp ggml 模型文件；不设则通话须带转写 a whisper.cpp ggml model file; without one, calls need a transcript")]
    public string? WhisperModel { get; set; }

    [ConfigurationKeyName("WHISPER_LANGUAGE"), Setting("识别语言 recognition language")]
    public string WhisperLanguage { get; set; } = "zh";

    [ConfigurationKeyName("WHISPER_BEAM"), Setting("束搜索宽度 beam size (1–16)")]
    public int WhisperBeam { get; set; } = 5;

    [ConfigurationKeyName("WHISPER_THREADS"), Setting("每路识别线程数 threads per recognition (1–64)")]
    public int WhisperThreads { get; set; } = 1;

    public TranscriberOptions ToOptions()
    {
        var defaults = new TranscriberOptions();
        return defaults with
        {
            FfmpegPath = Ffmpeg,
            WhisperModel = string.IsNullOrWhiteSpace(WhisperModel) ? null : WhisperModel,
            Whisper = defaults.Whisper with { Language = WhisperLanguage, BeamSize = WhisperBeam, Threads = WhisperThreads },
        };
    }
}

/// <summary>Refuses values that cannot mean anything, naming the variable (whether the model file loads is the pipeline's preflight's to say).</summary>
public sealed class TranscriberSettingsValidation : IValidateOptions<TranscriberSettings>
{
    public ValidateOptionsResult Validate(string? name, TranscriberSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.WhisperBeam is < 1 or > 16)
            errors.Add($"SPEECHQA_WHISPER_BEAM={options.WhisperBeam}: 应为 1–16 must be 1–16");
        if (options.WhisperThreads is < 1 or > 64)
            errors.Add($"SPEECHQA_WHISPER_THREADS={options.WhisperThreads}: 应为 1–64 must be 1–64");
        if (string.IsNullOrWhiteSpace(options.WhisperLanguage))
            errors.Add("SPEECHQA_WHISPER_LANGUAGE: 不能为空 must not be empty");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
