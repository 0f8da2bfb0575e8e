namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>The kinds of change <see cref="AsrNoise"/> makes, each taken at the noise level per opportunity.</summary>
public enum AsrChange
{
    /// <summary>A domain word written as a same-sounding one (阶梯 → 接替).</summary>
    Homophone,

    /// <summary>A segment's punctuation dropped, turned into spaces or into other marks.</summary>
    Punctuation,

    /// <summary>A number written the other way: 3.45元 → 三块四毛五, 一个工作日 → 1个工作日, 13812345678 → 138 1234 5678.</summary>
    Number,

    /// <summary>A segment cut in two at a clause boundary, as if the speaker paused there.</summary>
    Split,

    /// <summary>Two short segments of one speaker in a row written as one.</summary>
    Merge,

    /// <summary>A filler (嗯, 呃, 那个，) left out.</summary>
    Filler,
}
