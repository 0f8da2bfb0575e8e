namespace SpeechQa.Scoring.Text;

/// <summary>One token as a slice of the segmented text (UTF-16 offsets; jieba's own offsets count code points).</summary>
public readonly record struct WordSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}
