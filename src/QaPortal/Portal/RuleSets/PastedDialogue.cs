using SpeechQa.Batch.Transcripts;

namespace SpeechQa.QaPortal.Portal.RuleSets;

/// <summary>
/// A dialogue pasted into the rule tester — one line per sentence, 坐席：/客户： (or agent:/customer:) first — as a
/// transcript. Lines are placed 4 s apart, so timing rules (greeting window, silence) judge a plain, even call.
/// </summary>
public static class PastedDialogue
{
    /// <summary>The pasted dialogue as a transcript; a line without a known speaker is an error naming its line number.</summary>
    public static Transcript Parse(string dialogue)
    {
        var segments = new List<TranscriptSegment>();
        var lines = (dialogue ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var colon = line.IndexOfAny(['：', ':']);
            var who = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : "";
            var speaker = who switch
            {
                "坐席" or "客服" or "agent" => Speaker.Agent,
                "客户" or "customer" => Speaker.Customer,
                _ => throw new FormatException($"第 {i + 1} 行没有说话人：请以“坐席：”或“客户：”开头 line {i + 1} has no speaker: start it with 坐席： or 客户："),
            };
            var start = segments.Count * 4.0;
            segments.Add(new TranscriptSegment(speaker, start, start + 3.5, line[(colon + 1)..].Trim()));
        }
        if (segments.Count == 0)
            throw new FormatException("请粘贴至少一行对话 paste at least one line of dialogue");
        return new Transcript("pasted", "zh", "pasted", segments);
    }
}
