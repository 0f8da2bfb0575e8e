using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>A problem in a rule or knowledge file, where it is (1-based line and column) and what to do, in zh-CN and English.</summary>
public sealed record RuleFileError(string File, int Line, int Column, string Message)
{
    public static RuleFileError At(string file, YamlNode node, string message) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, message);

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A rule set that did not load; every error is listed and nothing of it is used.</summary>
public sealed class RuleSetLoadException(IReadOnlyList<RuleFileError> errors)
    : Exception("规则文件有错误，未加载 rule files have errors, nothing loaded:\n" + string.Join('\n', errors))
{
    public IReadOnlyList<RuleFileError> Errors { get; } = errors;
}
