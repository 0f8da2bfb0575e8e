namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>Dice coefficient of character bigrams over the spoken characters: robust to ASR's odd word boundaries.</summary>
public static class SentenceSimilarity
{
    public static double Of(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
            return a == b ? 1 : 0;
        var common = 0;
        var pool = new Dictionary<string, int>(y.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count()));
        foreach (var gram in x)
        {
            if (pool.TryGetValue(gram, out var n) && n > 0)
            {
                common++;
                pool[gram] = n - 1;
            }
        }
        return 2.0 * common / (x.Count + y.Count);
    }

    private static List<string> Bigrams(string text)
    {
        var spoken = new string(text.Where(char.IsLetterOrDigit).ToArray());
        var grams = new List<string>(Math.Max(0, spoken.Length - 1));
        for (var i = 0; i + 1 < spoken.Length; i++)
            grams.Add(spoken.Substring(i, 2));
        if (spoken.Length == 1)
            grams.Add(spoken);
        return grams;
    }

    public static int SpokenLength(string text) => text.Count(char.IsLetterOrDigit);
}
