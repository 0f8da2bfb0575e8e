namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Turns the tokens decoded for one 30 s window into timed segments and says how far to move the window
/// (whisper's long-form seeking, transcribe.py): segments are cut at consecutive timestamp pairs; if the
/// window ends inside speech (its last segment has no closing pair) the next window starts at the last
/// complete timestamp, so speech cut by the window edge is decoded again whole; a window with no timestamp
/// pair is one segment and the window moves on by its full length.
/// </summary>
public sealed class WindowSegmenter(WhisperTokenizer tokenizer)
{
    private const double SecondsPerTimestamp = 0.02;

    /// <param name="tokens">Sampled tokens after the start sequence, without the end-of-text token.</param>
    /// <param name="offset">Where the window starts in the track, seconds.</param>
    /// <param name="windowSeconds">How much audio the window held (30 s, less at the end of the track).</param>
    public (IReadOnlyList<DecodedSegment> Segments, double Advance) Split(IReadOnlyList<int> tokens, double offset, double windowSeconds)
    {
        bool IsTimestamp(int i) => tokenizer.IsTimestamp(tokens[i]);
        double TimeOf(int token) => (token - tokenizer.TimestampBegin) * SecondsPerTimestamp;

        var singleTimestampEnding = tokens.Count >= 2 && !IsTimestamp(tokens.Count - 2) && IsTimestamp(tokens.Count - 1);
        var cuts = new List<int>();
        for (var i = 1; i < tokens.Count; i++)
        {
            if (IsTimestamp(i - 1) && IsTimestamp(i))
                cuts.Add(i);
        }

        var segments = new List<DecodedSegment>();
        if (cuts.Count > 0)
        {
            if (singleTimestampEnding)
                cuts.Add(tokens.Count);
            var from = 0;
            foreach (var cut in cuts)
            {
                var slice = tokens.Skip(from).Take(cut - from).ToList();
                var text = slice.Where(t => !tokenizer.IsSpecial(t)).ToList();
                if (text.Count > 0)
                    segments.Add(new DecodedSegment(offset + TimeOf(slice[0]), offset + TimeOf(slice[^1]), text));
                from = cut;
            }
            // Ended inside speech: resume at the last closing timestamp so the cut-off words are heard whole.
            var advance = singleTimestampEnding ? windowSeconds : TimeOf(tokens[from - 1]);
            return (segments, advance > 0 ? advance : windowSeconds);
        }

        var duration = windowSeconds;
        var timestamps = tokens.Where(tokenizer.IsTimestamp).ToList();
        if (timestamps.Count > 0 && timestamps[^1] != tokenizer.TimestampBegin)
            duration = TimeOf(timestamps[^1]);
        var plain = tokens.Where(t => !tokenizer.IsSpecial(t)).ToList();
        if (plain.Count > 0)
            segments.Add(new DecodedSegment(offset, offset + duration, plain));
        return (segments, windowSeconds);
    }
}
