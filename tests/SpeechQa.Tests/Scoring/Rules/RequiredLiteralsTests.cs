using SpeechQa.Scoring.Rules;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>The literals a pattern's every match contains, as the screen of a long rule-file alternation reads them.</summary>
public sealed class RequiredLiteralsTests
{
    [Theory]
    [InlineData("有没有人管|(你们|你)这态度|快(要)?疯了", "有没有人管 你们这态度 你这态度 快要疯了 快疯了")]
    [InlineData("(?<![0-9])12345(?![0-9])", "12345")]
    [InlineData("[？?][！!]", "？！ ？! ?！ ?!")]
    [InlineData("等了.{0,6}(天|个小时)", "等了")] // the longer shortest string wins over 天
    [InlineData("(?<n>[0-9]+)元", "元")]
    [InlineData("a+b", "ab")]
    [InlineData("^(您好|你好)，", "您好， 你好，")]
    [InlineData(@"单号\d{6}|编号", "单号 编号")]
    [InlineData("(?>你们|你)这态度", "你们这态度 你这态度")] // an atomic group is read like any group
    [InlineData(@"(?'字'催)\k'字'办", "催")]
    [InlineData("收到{通知}", "收到{通知}")] // a brace that starts no quantifier is a literal, as in .NET
    public void Reads_the_strings_every_match_contains(string pattern, string expected)
    {
        var literals = RequiredLiterals.Of(pattern);
        Assert.NotNull(literals);
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), literals.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("投诉|.*")] // a branch that requires nothing
    [InlineData("(嗯)?")]
    [InlineData("(?i)abc")] // case-insensitive: a literal is not literal
    [InlineData(@"\u6295诉")] // a coded character is not read
    [InlineData("[一-龥]{2,4}")]
    public void Claims_nothing_where_a_match_may_lack_every_literal(string pattern) =>
        Assert.Null(RequiredLiterals.Of(pattern));
}
