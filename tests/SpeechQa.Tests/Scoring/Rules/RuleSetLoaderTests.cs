using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>The shipped rule sets load and cover the taxonomy; broken files are refused whole, with positions.</summary>
public sealed class RuleSetLoaderTests
{
    public static readonly string[] TaxonomyIds = ["F01", "F02", "F03", "F04", "F05", "F06", "F07", "N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08", "N09", "N10", "N11", "N12"];

    [Fact]
    public void Both_shipped_rule_sets_cover_every_taxonomy_id()
    {
        var catalog = RuleSetCatalog.Load(RulesFolder);
        foreach (var id in new[] { "water-hotline", "heating-hotline" })
        {
            var set = catalog.Find(id)!;
            Assert.Equal(TaxonomyIds, set.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
            Assert.All(set.Rules.Where(r => r.Id.StartsWith('F')), r => Assert.Equal(Severity.Fatal, r.Severity));
            Assert.Equal(3, set.Rules.Single(r => r.Id == "N05").Points);
            Assert.Equal(9, set.Rules.Single(r => r.Id == "N05").Cap);
        }
    }

    [Fact]
    public void A_hotlines_categories_are_read_and_unknown_ones_are_named()
    {
        var catalog = RuleSetCatalog.Load(RulesFolder);
        Assert.Contains("C12", catalog.Find("heating-hotline")!.Categories!);
        Assert.DoesNotContain("C02", catalog.Find("heating-hotline")!.Categories!);
        Assert.DoesNotContain("C11", catalog.Find("water-hotline")!.Categories!);

        var folder = Directory.CreateTempSubdirectory("speechqa-rules-").FullName;
        try
        {
            var path = Path.Combine(folder, "set.yaml");
            File.WriteAllText(path, "ruleset: test\nversion: 1\ncategories: [C11, C13]\nrules: []\n");
            var error = Assert.Throws<RuleSetLoadException>(() => RuleSetLoader.Load(path));
            var message = Assert.Single(error.Errors);
            Assert.Contains("'C13'", message.Message);
            Assert.Equal(3, message.Line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RuleSetLoadException Broken(string rules) => Assert.Throws<RuleSetLoadException>(() => RuleSetOf(rules));

    [Fact]
    public void An_unknown_operator_is_named_with_its_line()
    {
        var error = Broken("  - id: X1\n    name: t\n    severity: fatal\n    conditions:\n      c:\n        keyword: { any: [a] }\n    when: c\n");
        Assert.Contains(error.Errors, e => e.Message.Contains("keyword") && e.Line == 9);
    }

    [Fact]
    public void A_bad_regex_is_named()
    {
        var error = Broken("  - id: X1\n    name: t\n    severity: fatal\n    conditions:\n      c:\n        regex: { pattern: '(未闭合' }\n    when: c\n");
        Assert.Contains(error.Errors, e => e.Message.Contains("正则表达式无效") && e.Message.Contains("(未闭合"));
    }

    [Fact]
    public void Plain_groups_do_not_capture_so_a_numbered_backreference_is_named_as_an_error()
    {
        // Rule patterns compile with ExplicitCapture (speed); a named group is the way to refer back.
        var error = Broken("  - id: X1\n    name: t\n    severity: fatal\n    conditions:\n      c:\n        regex: { pattern: '(好)\\1' }\n    when: c\n");
        Assert.Contains(error.Errors, e => e.Message.Contains("正则表达式无效"));
        Assert.NotNull(RuleSetOf("  - id: X1\n    name: t\n    severity: fatal\n    conditions:\n      c:\n        regex: { pattern: '(?<w>好)\\k<w>' }\n    when: c\n"));
    }

    [Fact]
    public void An_undefined_condition_in_the_expression_is_named()
    {
        var error = Broken("  - id: X1\n    name: t\n    severity: fatal\n    conditions:\n      c:\n        keywords: { any: [a] }\n    when: c && d\n");
        var message = Assert.Single(error.Errors);
        Assert.Contains("'d'", message.Message);
        Assert.Equal(10, message.Line);
    }

    [Fact]
    public void Expression_syntax_errors_point_at_the_column()
    {
        var error = Broken("  - id: X1\n    name: t\n    severity: fatal\n    conditions:\n      c:\n        keywords: { any: [a] }\n    when: c && (c\n");
        Assert.Contains(error.Errors, e => e.Message.Contains("缺少右括号") && e.Column > 11);
    }

    [Fact]
    public void Yaml_syntax_errors_and_wrong_values_are_reported()
    {
        Assert.Contains(Broken("  - id: X1\n    name: [unclosed\n").Errors, e => e.Message.Contains("YAML"));
        Assert.Contains(Broken("  - id: X1\n    name: t\n    severity: deadly\n    conditions:\n      c:\n        keywords: { any: [a] }\n    when: c\n").Errors,
            e => e.Message.Contains("deadly"));
        Assert.Contains(Broken("  - id: X1\n    name: t\n    severity: non-fatal\n    conditions:\n      c:\n        keywords: { any: [a] }\n    when: c\n").Errors,
            e => e.Message.Contains("points"));
    }

    [Fact]
    public void A_broken_file_in_a_folder_stops_the_whole_catalog()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-rules-").FullName;
        CopyFolder(RulesFolder, folder);
        File.AppendAllText(Path.Combine(folder, "rulesets/shared/service-rules.yaml"), "\n  - id: N99\n    name: 坏规则\n    severity: fatal\n    conditions:\n      c: { regex: { pattern: '[' } }\n    when: c\n");
        var error = Assert.Throws<RuleSetLoadException>(() => RuleSetCatalog.Load(folder));
        Assert.Contains(error.Errors, e => e.File.EndsWith("service-rules.yaml", StringComparison.Ordinal) && e.Line > 0);
        Assert.NotNull(RuleSetCatalog.Load(RulesFolder).Find("water-hotline")); // the active folder is untouched
        Directory.Delete(folder, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
