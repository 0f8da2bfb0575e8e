using System.CommandLine;
using System.Globalization;
using System.Text;
using SpeechQa.Pipeline;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa text segment|keywords`: jieba segmentation and TF-IDF keywords as a filter, UTF-8 lines in, one
/// line out per line in. The hotline dictionary in the rules folder's dict/ (SPEECHQA_RULES, else the install's
/// rules/, from whatever folder the command runs in) is used unless --no-domain-dict; missing, it is an error.
/// </summary>
public static class TextCommand
{
    /// <summary>The hotline dictionary: SPEECHQA_RULES/dict/hotline.txt, else the install's.</summary>
    public static string DomainDictionary => Path.Combine(ScoringOptions.FromEnvironment().RulesFolder, "dict", "hotline.txt");

    public static string DomainStopWords => Path.Combine(ScoringOptions.FromEnvironment().RulesFolder, "dict", "stopwords.txt");

    public static Command Create()
    {
        var command = new Command("text", "Chinese text tools: word segmentation (jieba algorithm) and keywords");
        command.Subcommands.Add(CreateSegment());
        command.Subcommands.Add(CreateKeywords());
        return command;
    }

    private sealed record DictionaryOptions(Option<string[]> Dicts, Option<bool> NoDomain, Option<string?> JiebaDir)
    {
        public static DictionaryOptions Create() => new(
            new Option<string[]>("--dict") { Description = "User dictionary in jieba's format (word [freq] [tag]); repeatable", AllowMultipleArgumentsPerToken = false },
            new Option<bool>("--no-domain-dict") { Description = "Do not load the hotline dictionary (rules/dict/hotline.txt of $SPEECHQA_RULES or the install)" },
            new Option<string?>("--jieba-dir") { Description = $"jieba data folder, jieba.NET or Python jieba layout (default: ${JiebaDataFolder.EnvironmentVariable}, else the jieba/ folder beside the program, from the jieba.NET package)" });

        public void AddTo(Command command)
        {
            command.Options.Add(Dicts);
            command.Options.Add(NoDomain);
            command.Options.Add(JiebaDir);
        }

        public WordSegmenter Build(ParseResult result)
        {
            var segmenter = new WordSegmenter(JiebaModel.Load(JiebaDataFolder.Locate(result.GetValue(JiebaDir))));
            if (!result.GetValue(NoDomain))
                segmenter = segmenter.WithUserDictionary(Required(DomainDictionary));
            foreach (var dict in result.GetValue(Dicts) ?? [])
                segmenter = segmenter.WithUserDictionary(dict);
            return segmenter;
        }
    }

    private static Command CreateSegment()
    {
        var dictionaries = DictionaryOptions.Create();
        var mode = new Option<string>("--mode") { Description = "precise (精确), search (搜索引擎) or full (全模式)", DefaultValueFactory = _ => "precise" };
        mode.AcceptOnlyFromAmong("precise", "search", "full");
        var noHmm = new Option<bool>("--no-hmm") { Description = "Do not find unknown words with the HMM" };
        var command = new Command("segment", "Segment UTF-8 lines from stdin; tokens separated by single spaces on stdout");
        dictionaries.AddTo(command);
        command.Options.Add(mode);
        command.Options.Add(noHmm);
        command.SetAction((result, cancellationToken) => GuardAsync(async () =>
        {
            var segmenter = dictionaries.Build(result);
            var cutMode = result.GetValue(mode) switch { "search" => SegmentationMode.Search, "full" => SegmentationMode.Full, _ => SegmentationMode.Precise };
            var hmm = !result.GetValue(noHmm);
            var tokens = new List<WordSpan>();
            await ForEachLineAsync(async (line, output) =>
            {
                tokens.Clear();
                segmenter.Cut(line, tokens, cutMode, hmm);
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (i > 0)
                        await output.WriteAsync(' ').ConfigureAwait(false);
                    await output.WriteAsync(line.AsMemory(tokens[i].Start, tokens[i].Length), cancellationToken).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateKeywords()
    {
        var dictionaries = DictionaryOptions.Create();
        var top = new Option<int>("--top") { Description = "Keywords per line", DefaultValueFactory = _ => 20 };
        var weights = new Option<bool>("--weights") { Description = "Print word:weight" };
        var stopWords = new Option<string?>("--stop-words") { Description = $"Stop-word file, one per line (default: {DomainStopWords} unless --no-domain-dict)" };
        var command = new Command("keywords", "TF-IDF keywords of each UTF-8 line from stdin, separated by single spaces");
        dictionaries.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(weights);
        command.Options.Add(stopWords);
        command.SetAction((result, cancellationToken) => GuardAsync(async () =>
        {
            var segmenter = dictionaries.Build(result);
            var stopFile = result.GetValue(stopWords) ?? (!result.GetValue(dictionaries.NoDomain) ? Required(DomainStopWords) : null);
            var extractor = new KeywordExtractor(segmenter, IdfTable.Load(segmenter.Model.Folder.Idf),
                stopFile is null ? null : KeywordExtractor.ReadStopWords(stopFile));
            var count = result.GetValue(top);
            var withWeights = result.GetValue(weights);
            await ForEachLineAsync(async (line, output) =>
            {
                var keywords = extractor.Extract(line, count);
                await output.WriteAsync(string.Join(' ', keywords.Select(k => withWeights
                    ? $"{k.Word}:{k.Weight.ToString("0.######", CultureInfo.InvariantCulture)}" : k.Word))).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Lines split on \n only (a \r before it is kept aside and written back), so nothing is lost.</summary>
    private static async Task ForEachLineAsync(Func<string, TextWriter, Task> each, CancellationToken cancellationToken)
    {
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, false));
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var lines = text.Split('\n');
        var count = text.Length == 0 ? 0 : text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            var crlf = line.EndsWith('\r');
            await each(crlf ? line[..^1] : line, output).ConfigureAwait(false);
            await output.WriteAsync(crlf ? "\r\n" : "\n").ConfigureAwait(false);
        }
    }

    /// <summary>A file the command was configured to read: missing, it stops the command instead of being left out quietly.</summary>
    private static string Required(string path) => File.Exists(path) ? path : throw new JiebaDataException(
        $"找不到领域词典 domain dictionary not found: {Path.GetFullPath(path)} (set {ScoringOptions.RulesVariable} to the rules folder, or pass --no-domain-dict)");

    private static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (JiebaDataException e)
        {
            await Console.Error.WriteLineAsync($"错误 error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
    }
}
