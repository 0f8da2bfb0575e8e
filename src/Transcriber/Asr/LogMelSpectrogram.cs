using System.Numerics;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Whisper's input features, computed as whisper/audio.py does: 16 kHz audio padded or cut to a 30 s window,
/// STFT with a 400-sample periodic Hann window and hop 160 (centred, reflect-padded), power spectrum with the
/// last frame dropped (3000 frames), mel filters, log10 floored at 1e-10, clamped to 8 below the maximum, then
/// (x + 4) / 4. The 201-bin real DFT is a matrix product with precomputed cos/sin tables (400 is not a power
/// of two, and 3000 × 201 × 400 multiply-adds per window are cheap next to the encoder).
/// </summary>
public sealed class LogMelSpectrogram
{
    public const int HopLength = 160;
    public const int WindowSamples = 30 * MelFilterBank.SampleRate;
    public const int Frames = WindowSamples / HopLength;

    private const int FftSize = MelFilterBank.FftSize;
    private const int Bins = MelFilterBank.Bins;

    private readonly float[] _filters;
    private readonly float[] _window = new float[FftSize];
    private readonly float[] _cos = new float[Bins * FftSize];
    private readonly float[] _sin = new float[Bins * FftSize];

    public LogMelSpectrogram(int mels)
    {
        Mels = mels;
        _filters = MelFilterBank.Create(mels);
        for (var n = 0; n < FftSize; n++)
            _window[n] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * n / FftSize)); // periodic, as torch.hann_window
        for (var k = 0; k < Bins; k++)
        {
            for (var n = 0; n < FftSize; n++)
            {
                var angle = 2 * Math.PI * k * n / FftSize;
                _cos[k * FftSize + n] = (float)Math.Cos(angle);
                _sin[k * FftSize + n] = (float)Math.Sin(angle);
            }
        }
    }

    public int Mels { get; }

    /// <summary>Features of one 30 s window starting at <paramref name="offset"/>: [mels × 3000], row-major.</summary>
    public float[] Compute(ReadOnlySpan<float> audio, int offset = 0)
    {
        var window = new float[WindowSamples];
        if (offset < audio.Length)
            audio.Slice(offset, Math.Min(WindowSamples, audio.Length - offset)).CopyTo(window);

        // Reflect padding by FftSize / 2 on both sides (torch.stft center=True).
        const int pad = FftSize / 2;
        var padded = new float[WindowSamples + 2 * pad];
        window.CopyTo(padded, pad);
        for (var i = 0; i < pad; i++)
        {
            padded[pad - 1 - i] = window[i + 1];
            padded[pad + WindowSamples + i] = window[WindowSamples - 2 - i];
        }

        var power = new float[Bins];
        var frame = new float[FftSize];
        var mel = new double[Mels * Frames];
        for (var t = 0; t < Frames; t++)
        {
            for (var n = 0; n < FftSize; n++)
                frame[n] = padded[t * HopLength + n] * _window[n];
            for (var k = 0; k < Bins; k++)
            {
                var re = Dot(frame, _cos.AsSpan(k * FftSize, FftSize));
                var im = Dot(frame, _sin.AsSpan(k * FftSize, FftSize));
                power[k] = re * re + im * im;
            }
            for (var m = 0; m < Mels; m++)
                mel[m * Frames + t] = Dot(power, _filters.AsSpan(m * Bins, Bins));
        }

        var max = double.MinValue;
        for (var i = 0; i < mel.Length; i++)
        {
            mel[i] = Math.Log10(Math.Max(mel[i], 1e-10));
            max = Math.Max(max, mel[i]);
        }
        var features = new float[mel.Length];
        for (var i = 0; i < mel.Length; i++)
            features[i] = (float)((Math.Max(mel[i], max - 8.0) + 4.0) / 4.0);
        return features;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
            total += a[i] * b[i];
        return total;
    }
}
