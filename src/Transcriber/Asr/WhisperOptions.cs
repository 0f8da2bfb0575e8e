namespace SpeechQa.Transcriber.Asr;

/// <summary>How calls are transcribed with Whisper (whisper.cpp through Whisper.net).</summary>
public sealed record WhisperOptions
{
    /// <summary>Forced language; the hotlines speak Mandarin ($SPEECHQA_WHISPER_LANGUAGE).</summary>
    public string Language { get; init; } = "zh";

    /// <summary>Beam width at temperature 0 (whisper's CLI default 5); 1 is greedy, about half the time on CPU ($SPEECHQA_WHISPER_BEAM).</summary>
    public int BeamSize { get; init; } = 5;

    /// <summary>
    /// CPU threads per call being transcribed ($SPEECHQA_WHISPER_THREADS). A batch runs one call per worker and
    /// workers default to one per core, so one thread each keeps every core busy without oversubscription
    /// (whisper.cpp scales almost linearly to 2 threads, so throughput is the same); raise it when running
    /// fewer workers than cores.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Text that primes the decoder with the domain's vocabulary (户号、阶梯水价…), from rules/asr-hotwords.txt.</summary>
    public string? InitialPrompt { get; init; }

    /// <summary>
    /// Whisper's fallback: a window whose text is repetitive (entropy below the threshold) or unlikely (average
    /// log-probability below the threshold) is decoded again at a temperature this much higher, up to 1.0;
    /// a window whose no-speech probability is above its threshold, with a low log-probability, is silence.
    /// </summary>
    public float TemperatureIncrement { get; init; } = 0.2f;

    public float EntropyThreshold { get; init; } = 2.4f;
    public float LogProbThreshold { get; init; } = -1.0f;
    public float NoSpeechThreshold { get; init; } = 0.6f;

    /// <summary>Flash attention in whisper.cpp: encoder 30–40 % faster, decoder steps ~1.5× slower on CPU (measured), so off.</summary>
    public bool FlashAttention { get; init; }

    /// <summary>Longest stretch of speech sent at once (Whisper sees 30 s windows).</summary>
    public double MaxWindowSeconds { get; init; } = 28;

    /// <summary>Audio kept around each speech region so the first and last syllables are not cut.</summary>
    public double WindowPaddingSeconds { get; init; } = 0.3;
}
