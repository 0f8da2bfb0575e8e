using System.Reflection;

namespace SpeechQa.Tests.Repository;

/// <summary>
/// The folders tell the architecture and dependencies point one way: audio → transcript (Transcriber), transcript →
/// judgement (Scoring), the batch pipeline over both (Pipeline), people (QaPortal), and the `speechqa` host (Cli).
/// </summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> Forbidden => new()
    {
        { "SpeechQa.Batch", ["SpeechQa.Transcriber", "SpeechQa.Scoring", "SpeechQa.Search", "SpeechQa.Pipeline", "SpeechQa.QaPortal", "speechqa"] },
        { "SpeechQa.Transcriber", ["SpeechQa.Scoring", "SpeechQa.Search", "SpeechQa.Pipeline", "SpeechQa.QaPortal", "speechqa"] },
        { "SpeechQa.Scoring", ["SpeechQa.Transcriber", "SpeechQa.Pipeline", "SpeechQa.QaPortal", "speechqa"] },
        { "SpeechQa.Search", ["SpeechQa.Transcriber", "SpeechQa.Pipeline", "SpeechQa.QaPortal", "speechqa"] },
        { "SpeechQa.Pipeline", ["SpeechQa.QaPortal", "speechqa"] },
        { "SpeechQa.QaPortal", ["speechqa"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Dependencies_point_one_way(string assembly, string[] mustNotReference)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name).ToHashSet();
        Assert.DoesNotContain(mustNotReference, references.Contains);
    }

    [Fact]
    public void The_portal_holds_no_command_line_and_the_pipeline_no_web_code()
    {
        Assert.DoesNotContain("System.CommandLine", Assembly.Load("SpeechQa.QaPortal").GetReferencedAssemblies().Select(a => a.Name));
        var pipeline = Assembly.Load("SpeechQa.Pipeline").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(pipeline, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
