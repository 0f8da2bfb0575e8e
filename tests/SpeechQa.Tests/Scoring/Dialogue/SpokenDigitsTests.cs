using SpeechQa.Scoring.Dialogue;

namespace SpeechQa.Tests.Scoring.Dialogue;

/// <summary>Numbers said in words compare with the same numbers read back in digits.</summary>
public sealed class SpokenDigitsTests
{
    [Theory]
    [InlineData("文化路二十号院4号楼", "文化路20号院4号楼")]
    [InlineData("三百零二", "302")]
    [InlineData("一百二十五号", "125号")]
    [InlineData("四百一十", "410")]
    [InlineData("十五号楼", "15号楼")]
    [InlineData("六单元五零三", "6单元503")]
    [InlineData("幺三八零零", "13800")]
    [InlineData("没有数字", "没有数字")]
    public void Numerals_writes_tens_and_hundreds_as_digits(string said, string expected) =>
        Assert.Equal(expected, SpokenDigits.Numerals(said));
}
