using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Transcribes a call channel by channel, so every segment carries its speaker and absolute times: each track
/// is walked in 30 s windows (log-mel → encoder → decoder), a window is decoded again at higher temperatures
/// while its text is repetitive or unlikely, skipped when it is silence, and the window moves on as the
/// timestamps say (long-form seeking). The log-mel max-8 dB clamp is per window, as Hugging Face does it.
/// </summary>
public sealed class WhisperTranscriber(WhisperOnnxModel model, WhisperTokenizer tokenizer, WhisperOptions options)
{
    private readonly LogMelSpectrogram _mel = new(model.Folder.MelBins);
    private readonly WindowSegmenter _segmenter = new(tokenizer);
    private readonly WhisperWindowDecoder _decoder = new(model, tokenizer, options);

    public Transcript Transcribe(string callId, IReadOnlyList<SpeakerTrack> tracks, CancellationToken cancellationToken)
    {
        var segments = tracks.SelectMany(track => TranscribeTrack(track, cancellationToken)).OrderBy(s => s.Start).ThenBy(s => s.Speaker).ToList();
        return new Transcript(callId, options.Language, model.Folder.Source, segments);
    }

    private List<TranscriptSegment> TranscribeTrack(SpeakerTrack track, CancellationToken cancellationToken)
    {
        var result = new List<TranscriptSegment>();
        var random = new Random(options.Seed);
        var previous = options.InitialPrompt is { Length: > 0 } prompt ? tokenizer.Encode(" " + prompt.Trim()).ToList() : [];
        var initial = previous.Count;
        double seek = 0;
        while (seek < track.DurationSeconds - 0.1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var windowSeconds = Math.Min(LogMelSpectrogram.WindowSamples / (double)track.SampleRate, track.DurationSeconds - seek);
            var features = _mel.Compute(track.Samples, (int)Math.Round(seek * track.SampleRate));
            var encoded = model.Encode(features, cancellationToken);
            var decoding = DecodeWithFallback(encoded, previous, random, cancellationToken);
            if (options.Fallback.IsSilence(decoding.NoSpeechProbability, decoding.AverageLogProb))
            {
                seek += windowSeconds;
                continue;
            }
            var (segments, advance) = _segmenter.Split(decoding.Tokens, seek, windowSeconds);
            foreach (var segment in segments)
            {
                var text = tokenizer.Decode(segment.TextTokens).Trim();
                if (text.Length > 0)
                    result.Add(new TranscriptSegment(track.Speaker, Math.Round(segment.Start, 2), Math.Round(Math.Min(segment.End, track.DurationSeconds), 2), text) { Extra = Extra(decoding) });
            }
            // Condition the next window on this text, unless it came from a high temperature (likely unreliable).
            if (decoding.Temperature > 0.5f)
                previous = previous.Take(initial).ToList();
            else
                previous.AddRange(decoding.Tokens.Where(t => !tokenizer.IsTimestamp(t)));
            seek += Math.Max(advance, 0.02);
        }
        return result;
    }

    private WindowDecoding DecodeWithFallback(SpeechQa.OnnxRuntime.OrtTensor encoded, IReadOnlyList<int> previous, Random random, CancellationToken cancellationToken)
    {
        WindowDecoding? decoding = null;
        foreach (var temperature in options.Fallback.Temperatures)
        {
            decoding = _decoder.Decode(encoded, previous, temperature, random, cancellationToken);
            if (options.Fallback.IsSilence(decoding.NoSpeechProbability, decoding.AverageLogProb)
                || !options.Fallback.NeedsFallback(decoding.Text, decoding.AverageLogProb))
                break;
        }
        return decoding!;
    }

    private static string Extra(WindowDecoding decoding) =>
        JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["avg_logprob"] = Math.Round(decoding.AverageLogProb, 4),
            ["no_speech_prob"] = Math.Round(decoding.NoSpeechProbability, 4),
            ["temperature"] = Math.Round(decoding.Temperature, 2),
        });
}
