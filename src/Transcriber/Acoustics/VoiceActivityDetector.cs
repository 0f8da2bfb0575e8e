namespace SpeechQa.Transcriber.Acoustics;

/// <summary>
/// Finds speech in one speaker's channel from frame energy against an adaptive noise floor. Call-centre
/// channels carry one speaker each, so energy is enough; what it must get right is where speech starts and
/// ends (silence and interruption rules measure those), which hysteresis and gap merging keep stable.
/// </summary>
public sealed class VoiceActivityDetector(VoiceActivityOptions options)
{
    public IReadOnlyList<SpeechRegion> Detect(ReadOnlySpan<float> samples, int sampleRate)
    {
        var frame = Math.Max(1, (int)(options.FrameSeconds * sampleRate));
        var hop = Math.Max(1, (int)(options.HopSeconds * sampleRate));
        if (samples.Length < frame)
            return [];
        var frames = (samples.Length - frame) / hop + 1;
        var energy = new double[frames];
        for (var f = 0; f < frames; f++)
            energy[f] = EnergyDb(samples.Slice(f * hop, frame));

        var sorted = (double[])energy.Clone();
        Array.Sort(sorted);
        var floor = sorted[(int)(0.1 * (sorted.Length - 1))];
        var threshold = Math.Max(floor + options.ThresholdAboveFloorDb, options.MinimumSpeechDb);

        // Raw regions: runs of frames above the threshold. A frame at index f covers [f·hop, f·hop + frame).
        var raw = new List<(int First, int Last)>();
        var start = -1;
        for (var f = 0; f < frames; f++)
        {
            var active = energy[f] >= threshold;
            if (active && start < 0)
                start = f;
            else if (!active && start >= 0)
            {
                raw.Add((start, f - 1));
                start = -1;
            }
        }
        if (start >= 0)
            raw.Add((start, frames - 1));

        var regions = new List<SpeechRegion>();
        var mergeFrames = options.MergeGapSeconds / options.HopSeconds;
        var i = 0;
        while (i < raw.Count)
        {
            var (first, last) = raw[i];
            while (i + 1 < raw.Count && raw[i + 1].First - last - 1 < mergeFrames)
                last = raw[++i].Last;
            i++;
            // Frame centres mark the boundaries: the first active frame's centre is where speech became audible.
            var begin = (first * hop + frame / 2.0) / sampleRate;
            var end = (last * hop + frame / 2.0) / sampleRate;
            if (end - begin < options.MinRegionSeconds)
                continue;
            var fromSample = first * hop;
            var toSample = Math.Min(samples.Length, last * hop + frame);
            regions.Add(new SpeechRegion(Math.Round(begin, 3), Math.Round(end, 3), Math.Round(EnergyDb(samples[fromSample..toSample]), 1)));
        }
        return regions;
    }

    private static double EnergyDb(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (var s in frame)
            sum += s * s;
        return 10 * Math.Log10(sum / frame.Length + 1e-12);
    }
}
