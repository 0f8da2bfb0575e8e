namespace SpeechQa.Scoring.Text;

/// <summary>jieba's three cutting modes.</summary>
public enum SegmentationMode
{
    /// <summary>精确模式 <c>jieba.cut(s)</c>: the most probable split, every character in exactly one token.</summary>
    Precise,

    /// <summary>搜索引擎模式 <c>jieba.cut_for_search(s)</c>: precise, plus the dictionary 2- and 3-grams inside long words.</summary>
    Search,

    /// <summary>全模式 <c>jieba.cut(s, cut_all=True)</c>: every dictionary word found in the text (HMM not used).</summary>
    Full,
}
