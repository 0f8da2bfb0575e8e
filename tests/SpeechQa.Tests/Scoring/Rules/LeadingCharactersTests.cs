using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// The check behind `rules check`'s slow-pattern warning: a branch of a long alternation that may start at any character
/// (a negated or wide class, a dot, \S) or match the empty text is named; definite starts are not, however they are
/// written (an optional group before a literal, a lookbehind, a small class, an anchor).
/// </summary>
public sealed class LeadingCharactersTests
{
    /// <summary>A long alternation of plain phrases, to which the branch under test is added.</summary>
    private static string Long(string branch) =>
        string.Join('|', Enumerable.Range(0, LeadingCharacters.MinBranches).Select(i => $"催{(char)('甲' + i)}办")) + "|" + branch;

    [Theory]
    [InlineData("[^。？！]{0,4}想办法")]
    [InlineData(".{0,3}不管")]
    [InlineData(@"\S想办法")]
    [InlineData("[一-龥]{2}不管")]
    [InlineData("(你|您)?(就)?")]
    [InlineData("((快|赶紧)?点)?")]
    [InlineData("(?:[^，]|，){0,2}别问了")]
    [InlineData("(?>[^。]{0,3})不管")] // an atomic group is read like any group
    [InlineData("(?'话'[^。])不管")]
    public void A_branch_that_may_start_anywhere_is_named(string branch) =>
        Assert.Equal([branch], LeadingCharacters.UnboundedBranches(Long(branch)));

    [Theory]
    [InlineData("(你|您)?到底")]
    [InlineData("(?<!不)想想办法")]
    [InlineData("(?<![0-9])12345")]
    [InlineData("[你您]别急")]
    [InlineData("[0-9零一二三四五六七八九]{3,4}号")]
    [InlineData("^[^欠]*滞纳金")]
    [InlineData(@"\d+吨")]
    [InlineData("(赶紧|快)+挂")]
    [InlineData("我想想办法")]
    [InlineData(@"(?<字>催)\k<字>")] // a named group and its backreference are read
    [InlineData("{不管}")] // a brace that starts no quantifier is a literal, as in .NET
    public void A_definite_start_is_not_named(string branch) =>
        Assert.Empty(LeadingCharacters.UnboundedBranches(Long(branch)));

    [Fact]
    public void A_short_alternation_is_left_alone() =>
        Assert.Empty(LeadingCharacters.UnboundedBranches("[^。]{0,4}不管|.|别问了"));

    [Fact]
    public void A_pattern_with_constructs_it_does_not_read_claims_nothing() =>
        Assert.Empty(LeadingCharacters.UnboundedBranches(Long(@"(?i).\u4e00")));

    [Fact]
    public void The_shipped_rule_files_have_no_slow_pattern() =>
        Assert.Empty(SlowPatternCheck.Check(Path.Combine(TestPaths.Repository, "rules")));

    [Fact]
    public void A_slow_branch_in_a_rule_file_is_warned_about_with_its_position()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-slow-");
        try
        {
            var rules = Path.Combine(folder.FullName, "rulesets");
            Directory.CreateDirectory(rules);
            var file = Path.Combine(rules, "slow.yaml");
            File.WriteAllText(file, $"id: slow\nrules:\n  - id: N11\n    conditions:\n      hurry:\n        regex:\n          pattern: '{Long("[^。]{0,4}快点")}'\n          description: '{Long(".不是规则")}'\n");

            var warning = Assert.Single(SlowPatternCheck.Check(folder.FullName));

            Assert.Equal((file, 7, 20), (warning.File, warning.Line, warning.Column));
            Assert.Contains("[^。]{0,4}快点", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
