using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Text;

/// <summary>The examples of jieba's README (its documented output), user words, the hotline dictionary and bad data.</summary>
public sealed class WordSegmenterTests(JiebaReference reference) : IClassFixture<JiebaReference>
{
    private WordSegmenter Jieba => new(reference.Model);

    private static string Joined(IEnumerable<string> tokens) => string.Join('/', tokens);

    [Fact]
    public void Readme_examples_cut_as_jieba_documents()
    {
        Assert.Equal("我/来到/北京/清华/清华大学/华大/大学", Joined(Jieba.Cut("我来到北京清华大学", SegmentationMode.Full)));
        Assert.Equal("我/来到/北京/清华大学", Joined(Jieba.Cut("我来到北京清华大学", hmm: false)));
        Assert.Equal("他/来到/了/网易/杭研/大厦", Joined(Jieba.Cut("他来到了网易杭研大厦"))); // 杭研 found by the HMM
        Assert.Equal("小明/硕士/毕业/于/中国/科学/学院/科学院/中国科学院/计算/计算所/，/后/在/日本/京都/大学/日本京都大学/深造",
            Joined(Jieba.Cut("小明硕士毕业于中国科学院计算所，后在日本京都大学深造", SegmentationMode.Search)));
    }

    [Fact]
    public void Suggested_frequencies_equal_the_readme()
    {
        Assert.Equal(494, Jieba.SuggestFrequency(["中", "将"]));
        Assert.Equal(69, Jieba.SuggestFrequency("台中"));
        Assert.Equal("如果/放到/post/中将/出错/。", Joined(Jieba.Cut("如果放到post中将出错。", hmm: false)));
        var tuned = Jieba.WithWord("台中", Jieba.SuggestFrequency("台中"));
        Assert.Equal("「/台中/」/正确/应该/不会/被/切开", Joined(tuned.Cut("「台中」正确应该不会被切开", hmm: false)));
    }

    [Fact]
    public void User_words_belong_to_their_own_segmenter()
    {
        var plain = Jieba;
        var custom = plain.WithWord("杭研大厦", tag: "nt");
        Assert.Equal("他/来到/了/网易/杭研大厦", Joined(custom.Cut("他来到了网易杭研大厦")));
        Assert.Equal("nt", custom.TagOf("杭研大厦"));
        Assert.Equal("他/来到/了/网易/杭研/大厦", Joined(plain.Cut("他来到了网易杭研大厦"))); // jieba.NET would leak the word here
        Assert.Null(plain.Frequency("杭研大厦"));
        Assert.True(custom.Total > plain.Total);
    }

    [Fact]
    public void A_deleted_word_is_split_even_when_the_hmm_finds_it()
    {
        var custom = Jieba.WithWord("杭研", 0);
        Assert.DoesNotContain("杭研", custom.Cut("他来到了网易杭研大厦"));
        Assert.Contains("杭研", Jieba.Cut("他来到了网易杭研大厦"));
    }

    [Fact]
    public void Dictionary_tags_are_reported()
    {
        Assert.Equal("ns", Jieba.TagOf("北京"));
        Assert.Equal("n", Jieba.TagOf("水表"));
        Assert.Null(Jieba.TagOf("杭研"));
    }

    [Theory]
    [InlineData("您好，请告诉我您的户号和水表编号", "户号", "水表")]
    [InlineData("按阶梯水价第二档计算，另有滞纳金", "阶梯水价", "滞纳金")]
    [InlineData("我们小区是二次供水，昨天爆管了", "二次供水", "爆管")]
    [InlineData("先关上阀门，师傅要做闭水试验", "闭水试验", "阀门")]
    [InlineData("这个月是估抄的，我想报停", "估抄", "报停")]
    [InlineData("采暖费交了，室温还是不达标，换热站说没问题", "采暖费", "换热站")]
    public void Hotline_terms_stay_whole_words(string sentence, string first, string second)
    {
        var hotline = Jieba.WithUserDictionary(JiebaReference.DomainDictionary);
        var words = hotline.Cut(sentence);
        Assert.Contains(first, words);
        Assert.Contains(second, words);
        Assert.Equal(sentence, string.Concat(words)); // nothing dropped or changed
    }

    [Fact]
    public void Python_whitespace_is_what_python_calls_whitespace()
    {
        var python = Tool.Run("/usr/bin/python3", "-c", "import re\nprint(','.join(str(c) for c in range(0x10000) if re.match(r'\\s', chr(c))))");
        var expected = System.Text.Encoding.ASCII.GetString(python).Trim().Split(',').Select(int.Parse).ToHashSet();
        for (var c = 0; c < 0x10000; c++)
            Assert.True(expected.Contains(c) == TextBlocks.IsPythonSpace((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void Concurrent_cutting_on_one_segmenter_gives_the_sequential_result()
    {
        var segmenter = Jieba.WithUserDictionary(JiebaReference.DomainDictionary);
        var lines = reference.Lines.Take(3000).ToList();
        var sequential = lines.Select(line => Joined(segmenter.Cut(line))).ToList();
        var parallel = new string[lines.Count];
        Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Joined(segmenter.Cut(lines[i])));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Missing_data_names_the_file_and_the_layouts_it_could_have()
    {
        var error = Assert.Throws<JiebaDataException>(() => JiebaDataFolder.Locate("/nonexistent/jieba"));
        Assert.Contains("/nonexistent/jieba/dict.txt", error.Message);
        Assert.Contains("prob_*.json (jieba.NET)", error.Message);
    }

    [Fact]
    public void The_default_data_is_the_jieba_NET_package_copy_beside_the_program_and_equals_Python_jiebas()
    {
        var packaged = JiebaDataFolder.Locate(JiebaDataFolder.DefaultPath);
        Assert.Equal(JiebaDataLayout.JiebaNetPackage, packaged.Layout);
        Assert.StartsWith(AppContext.BaseDirectory, packaged.Path, StringComparison.Ordinal);
        var python = JiebaDataFolder.Locate(JiebaReference.PythonJiebaFolder);
        Assert.Equal(JiebaDataLayout.PythonPackage, python.Layout);
        // Same dictionary (the package's has CRLF line ends), same IDF table, same HMM: the model loaded from each cuts alike.
        Assert.Equal(File.ReadAllLines(python.Dictionary), File.ReadAllLines(packaged.Dictionary));
        Assert.Equal(File.ReadAllLines(python.Idf), File.ReadAllLines(packaged.Idf));
        var fromPackage = new WordSegmenter(JiebaModel.Load(packaged));
        var fromPython = new WordSegmenter(JiebaModel.Load(python));
        foreach (var line in new[] { "我家水表坏了，师傅什么时候能来？", "暖气片不热，室温只有十六度，物业说是管网问题", "缴费后还是显示欠费，户号是两千零三十一" })
            Assert.Equal(fromPython.Cut(line).ToList(), fromPackage.Cut(line).ToList());
    }

    [Fact]
    public void A_broken_dictionary_line_is_named()
    {
        using var stream = new MemoryStream("水表 3 n\n户号\n"u8.ToArray());
        var error = Assert.Throws<JiebaDataException>(() => PrefixDictionary.Load(stream, "bad.txt"));
        Assert.Contains("bad.txt at line 2", error.Message);
    }

    [Fact]
    public void User_dictionary_lines_parse_as_jiebas_re_userdict()
    {
        var words = UserDictionaryFile.Parse("\uFEFF# comment\n创新办 3 i\n云计算 5\n凱特琳 nz\n台中\r\n\n", "u.txt");
        Assert.Equal(4, words.Count);
        Assert.Equal(new UserWord("创新办", 3, "i"), words[0]);
        Assert.Equal(new UserWord("云计算", 5, null), words[1]);
        Assert.Equal(new UserWord("凱特琳", null, "nz"), words[2]);
        Assert.Equal(new UserWord("台中", null, null), words[3]);
    }

    [Fact]
    public void A_user_dictionary_that_is_not_utf8_is_refused_by_name()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [0xC4, 0xE3, 0xBA, 0xC3, 0x0A]); // "你好" in GBK
        var error = Assert.Throws<JiebaDataException>(() => Jieba.WithUserDictionary(path));
        Assert.Contains(path, error.Message);
        File.Delete(path);
    }

    [Fact]
    public void Keywords_rank_hotline_terms_first()
    {
        var extractor = new KeywordExtractor(Jieba.WithUserDictionary(JiebaReference.DomainDictionary), IdfTable.Load(reference.Model.Folder.Idf),
            KeywordExtractor.ReadStopWords(Path.Combine(TestPaths.Repository, "rules/dict/stopwords.txt")));
        var keywords = extractor.Extract("您好，我家水表冻裂了，停水两天了，水表井里全是水，您好您好", top: 3).Select(k => k.Word).ToList();
        Assert.Contains("水表", keywords);
        Assert.DoesNotContain("您好", keywords);
    }
}
