namespace SpeechQa.Tests.Infrastructure;

/// <summary>A clock the test moves by hand (timers still run on real time).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualClock() : this(new DateTimeOffset(2024, 11, 5, 9, 0, 0, TimeSpan.FromHours(8))) { }

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;
}
