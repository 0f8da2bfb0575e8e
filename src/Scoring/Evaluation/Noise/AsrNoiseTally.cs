namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>How often a kind of change could have been made and how often it was.</summary>
public sealed record AsrChangeCount(int Opportunities, int Applied);

/// <summary>
/// The opportunities and applied changes of one noisy call, per kind: what the unit tests check the level against,
/// and what a reader sees when asking how much a call was disturbed.
/// </summary>
public sealed class AsrNoiseTally
{
    private readonly Dictionary<AsrChange, AsrChangeCount> _counts = Enum.GetValues<AsrChange>().ToDictionary(k => k, _ => new AsrChangeCount(0, 0));

    public IReadOnlyDictionary<AsrChange, AsrChangeCount> Counts => _counts;

    public AsrChangeCount this[AsrChange kind] => _counts[kind];

    internal void Count(AsrChange kind, bool applied)
    {
        var (opportunities, done) = _counts[kind];
        _counts[kind] = new AsrChangeCount(opportunities + 1, done + (applied ? 1 : 0));
    }

    internal void Add(AsrNoiseTally other)
    {
        foreach (var (kind, c) in other._counts)
            _counts[kind] = new AsrChangeCount(_counts[kind].Opportunities + c.Opportunities, _counts[kind].Applied + c.Applied);
    }
}
