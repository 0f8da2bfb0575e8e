using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>Small typed reads from YAML nodes that record an error (with position) instead of throwing.</summary>
internal static class YamlReading
{
    public static YamlMappingNode? Load(string file, List<RuleFileError> errors)
    {
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                errors.Add(new RuleFileError(file, 1, 1, "文件应为 YAML 映射 the file must be a YAML mapping"));
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            errors.Add(new RuleFileError(file, (int)e.Start.Line, (int)e.Start.Column, $"YAML 语法错误 syntax error: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (IOException e)
        {
            errors.Add(new RuleFileError(file, 0, 0, $"无法读取 cannot read: {e.Message}"));
            return null;
        }
    }

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? String(YamlMappingNode node, string key, string file, List<RuleFileError> errors, bool required = false)
    {
        switch (Child(node, key))
        {
            case YamlScalarNode scalar:
                return scalar.Value;
            case null when required:
                errors.Add(RuleFileError.At(file, node, $"缺少字段 missing field '{key}'"));
                return null;
            case null:
                return null;
            case var other:
                errors.Add(RuleFileError.At(file, other, $"字段 '{key}' 应为文字 must be a single value"));
                return null;
        }
    }

    public static double? Number(YamlMappingNode node, string key, string file, List<RuleFileError> errors, bool required = false)
    {
        var text = String(node, key, file, errors, required);
        if (text is null)
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        errors.Add(RuleFileError.At(file, Child(node, key)!, $"字段 '{key}' 应为数字 must be a number, not '{text}'"));
        return null;
    }

    public static bool? Bool(YamlMappingNode node, string key, string file, List<RuleFileError> errors)
    {
        var text = String(node, key, file, errors);
        if (text is null)
            return null;
        if (text is "true" or "yes")
            return true;
        if (text is "false" or "no")
            return false;
        errors.Add(RuleFileError.At(file, Child(node, key)!, $"字段 '{key}' 应为 true 或 false, not '{text}'"));
        return null;
    }

    public static List<string>? Strings(YamlMappingNode node, string key, string file, List<RuleFileError> errors)
    {
        switch (Child(node, key))
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return [scalar.Value ?? ""];
            case YamlSequenceNode list:
                var values = new List<string>();
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode s && s.Value is { Length: > 0 } v)
                        values.Add(v);
                    else
                        errors.Add(RuleFileError.At(file, item, $"'{key}' 的每一项应为文字 every item of '{key}' must be text"));
                }
                return values;
            case var other:
                errors.Add(RuleFileError.At(file, other, $"'{key}' 应为列表 must be a list"));
                return null;
        }
    }

    /// <summary>
    /// A regex field as a <see cref="ScreenedRegex"/> (compiled, screened, without plain captures) with a match timeout;
    /// an invalid pattern is recorded with its position and gives null.
    /// </summary>
    public static ScreenedRegex? Pattern(YamlMappingNode node, string key, string file, List<RuleFileError> errors, bool required = false)
    {
        var text = String(node, key, file, errors, required);
        if (text is null)
            return null;
        try
        {
            return new ScreenedRegex(text, ScreenedRegex.CatastropheTimeout);
        }
        catch (ArgumentException e)
        {
            errors.Add(RuleFileError.At(file, Child(node, key)!, $"正则表达式无效 invalid regex in '{key}' ('{text}'): {e.Message}"));
            return null;
        }
    }
}
