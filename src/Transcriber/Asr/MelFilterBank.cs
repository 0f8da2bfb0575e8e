namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Slaney-style mel filters as Whisper was trained with (librosa.filters.mel(sr=16000, n_fft=400, n_mels,
/// htk=False, norm="slaney")), computed here in double precision rather than shipped as a data file; the tests
/// check them against OpenAI's own mel_filters.npz.
/// </summary>
public static class MelFilterBank
{
    public const int SampleRate = 16_000;
    public const int FftSize = 400;
    public const int Bins = FftSize / 2 + 1;

    // Slaney's mel scale: linear below 1 kHz, logarithmic above.
    private const double LinearStep = 200.0 / 3;
    private const double LogStartHz = 1000.0;
    private const double LogStartMel = LogStartHz / LinearStep;
    private static readonly double LogStep = Math.Log(6.4) / 27.0;

    /// <summary>[mels × 201] weights, row-major.</summary>
    public static float[] Create(int mels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mels, 1);
        var fftFrequencies = Enumerable.Range(0, Bins).Select(i => (double)i * SampleRate / 2 / (Bins - 1)).ToArray();
        var maxMel = HzToMel(SampleRate / 2.0);
        var melFrequencies = Enumerable.Range(0, mels + 2).Select(i => MelToHz(maxMel * i / (mels + 1))).ToArray();
        var weights = new float[mels * Bins];
        for (var m = 0; m < mels; m++)
        {
            var lowerWidth = melFrequencies[m + 1] - melFrequencies[m];
            var upperWidth = melFrequencies[m + 2] - melFrequencies[m + 1];
            var norm = 2.0 / (melFrequencies[m + 2] - melFrequencies[m]); // Slaney: equal area per filter
            for (var b = 0; b < Bins; b++)
            {
                var rising = (fftFrequencies[b] - melFrequencies[m]) / lowerWidth;
                var falling = (melFrequencies[m + 2] - fftFrequencies[b]) / upperWidth;
                weights[m * Bins + b] = (float)(Math.Max(0, Math.Min(rising, falling)) * norm);
            }
        }
        return weights;
    }

    private static double HzToMel(double hz) => hz < LogStartHz ? hz / LinearStep : LogStartMel + Math.Log(hz / LogStartHz) / LogStep;

    private static double MelToHz(double mel) => mel < LogStartMel ? mel * LinearStep : LogStartHz * Math.Exp(LogStep * (mel - LogStartMel));
}
