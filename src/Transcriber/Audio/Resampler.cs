namespace SpeechQa.Transcriber.Audio;

/// <summary>
/// Band-limited resampling by a rational factor (polyphase windowed-sinc, Kaiser window): each output
/// sample is a dot product with one of L precomputed filter phases. When downsampling, the cut-off moves
/// below the new Nyquist frequency so nothing aliases into speech (44.1 kHz → 16 kHz keeps 0–7.2 kHz).
/// </summary>
public sealed class Resampler
{
    /// <summary>
    /// Zero crossings of the sinc on each side and the Kaiser β: 32 and 6 give ≈ 60 dB stop-band attenuation with a
    /// transition band narrow enough (≈ 450 Hz at 8 kHz) that the whole telephone band, 300–3400 Hz, passes flat.
    /// </summary>
    private const int HalfTaps = 32;
    private const double KaiserBeta = 6.0;
    private const double CutoffMargin = 0.97;

    private readonly int _up, _down, _tapsPerPhase;
    private readonly float[][] _phases;

    public Resampler(int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        var divisor = Gcd(fromRate, toRate);
        (_up, _down) = (toRate / divisor, fromRate / divisor);
        var cutoff = Math.Min(1.0, (double)_up / _down) * CutoffMargin; // relative to the input Nyquist frequency
        var halfWidth = (int)Math.Ceiling(HalfTaps / cutoff);
        _tapsPerPhase = 2 * halfWidth;
        _phases = new float[_up][];
        for (var phase = 0; phase < _up; phase++)
        {
            var taps = new float[_tapsPerPhase];
            var offset = (double)phase / _up; // fractional position between input samples
            for (var k = 0; k < _tapsPerPhase; k++)
            {
                var x = k - halfWidth + 1 - offset; // distance in input samples
                taps[k] = (float)(cutoff * Sinc(cutoff * x) * Kaiser(x / halfWidth));
            }
            _phases[phase] = taps;
        }
    }

    public float[] Resample(ReadOnlySpan<float> input)
    {
        if (_up == _down)
            return input.ToArray();
        var outputLength = (int)((long)input.Length * _up / _down);
        var output = new float[outputLength];
        var half = _tapsPerPhase / 2;
        for (var n = 0; n < outputLength; n++)
        {
            var position = (long)n * _down;      // in units of 1/_up input samples
            var index = (int)(position / _up);
            var taps = _phases[(int)(position % _up)];
            var first = index - half + 1;
            double sum = 0;
            for (var k = 0; k < taps.Length; k++)
            {
                var i = first + k;
                if ((uint)i < (uint)input.Length)
                    sum += taps[k] * input[i];
            }
            output[n] = (float)sum;
        }
        return output;
    }

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate) =>
        new Resampler(fromRate, toRate).Resample(input);

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Kaiser(double t) => Math.Abs(t) > 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - t * t)) / BesselI0(KaiserBeta);

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x * x / (4.0 * k * k);
            sum += term;
            if (term < 1e-12 * sum)
                break;
        }
        return sum;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
