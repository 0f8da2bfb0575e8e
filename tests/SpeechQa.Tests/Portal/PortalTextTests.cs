using System.Xml.Linq;
using SpeechQa.QaPortal.Portal;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Portal;

/// <summary>The portal's words come from its .resx files: both languages name the same keys, and every key a page asks for is there.</summary>
public sealed class PortalTextTests
{
    private static Dictionary<string, string> Words(string file) =>
        XDocument.Load(Path.Combine(TestPaths.Repository, "src/QaPortal/Portal/Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    [Fact]
    public void Chinese_and_english_have_the_same_keys_and_every_key_a_page_uses_is_translated()
    {
        var zh = Words("PortalText.resx");
        var en = Words("PortalText.en.resx");
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.All(en, e => Assert.NotEqual(zh[e.Key], e.Value)); // nothing left untranslated

        // Every T["key"] in the pages and endpoints is a resource key.
        var used = Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "src/QaPortal/Portal"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\b(?:T|t|Frame\.T)\[""([a-z0-9]+)""\]").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 100, $"only {used.Count} keys found in the pages");
        Assert.Empty(used.Except(zh.Keys));

        Assert.Equal("工作队列", new PortalText(english: false)["queue"]); // read through the compiled resources and the satellite assembly
        Assert.Equal("Work queue", new PortalText(english: true)["queue"]);
    }
}
