namespace SpeechQa.Scoring.Text;

/// <summary>
/// jieba's read-only data, loaded once per process and shared: the prefix dictionary and the finalseg HMM.
/// Register one as a singleton; segmenters built on it are cheap.
/// </summary>
public sealed class JiebaModel
{
    private JiebaModel(JiebaDataFolder folder, PrefixDictionary dictionary, UnknownWordHmm hmm)
    {
        Folder = folder;
        Dictionary = dictionary;
        Hmm = hmm;
    }

    public JiebaDataFolder Folder { get; }

    public PrefixDictionary Dictionary { get; }

    public UnknownWordHmm Hmm { get; }

    public static JiebaModel Load(JiebaDataFolder? folder = null)
    {
        folder ??= JiebaDataFolder.Locate();
        return new JiebaModel(folder, PrefixDictionary.Load(folder.Dictionary), UnknownWordHmm.Load(folder));
    }
}
