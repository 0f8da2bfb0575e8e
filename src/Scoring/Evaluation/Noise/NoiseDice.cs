namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// The random choices of one noisy call: every opportunity is rolled at the level and counted in the tally. Seeded
/// from the call id (FNV-1a, not string.GetHashCode, which differs per process) so a run reproduces.
/// </summary>
internal sealed class NoiseDice(string callId, int seed, double level, IReadOnlySet<AsrChange> kinds)
{
    private readonly Random _random = new(StableSeed(callId, seed));

    public AsrNoiseTally Tally { get; } = new();

    /// <summary>Whether to make this change here; the opportunity is counted either way.</summary>
    public bool Roll(AsrChange kind)
    {
        // The draw is made for a kind left out too, so the other kinds' choices stay what they are in a full run.
        var applied = _random.NextDouble() < level && kinds.Contains(kind);
        Tally.Count(kind, applied);
        return applied;
    }

    /// <summary>Which of n ways to make a change (no opportunity counted).</summary>
    public int Pick(int n) => _random.Next(n);

    internal static int StableSeed(string callId, int seed)
    {
        var hash = 2166136261u;
        foreach (var c in callId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        // Finalise (SplitMix64's mixer): System.Random's first draws from seeds that differ in a few bits are
        // correlated, and ids like C001, C002 hash to such seeds.
        var z = ((ulong)hash << 32 | (uint)seed) + 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        z ^= z >> 31;
        return (int)(z & 0x7fffffff);
    }
}
