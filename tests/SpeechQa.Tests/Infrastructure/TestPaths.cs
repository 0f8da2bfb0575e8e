namespace SpeechQa.Tests.Infrastructure;

/// <summary>Folders the tests read from, found from this assembly's output folder (tests/SpeechQa.Tests/bin/&lt;config&gt;/net10.0/).</summary>
public static class TestPaths
{
    /// <summary>tests/models: generators and reference scripts.</summary>
    public static string Models { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../models"));

    /// <summary>The repository root.</summary>
    public static string Repository { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    /// <summary>tests/text: the segmentation corpus generator and the Python jieba reference.</summary>
    public static string Text { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../text"));
}
