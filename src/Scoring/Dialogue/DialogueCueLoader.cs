using System.Text.RegularExpressions;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Dialogue;

/// <summary>Reads rules/dialogue/cues.yaml; every problem is reported with file:line:column, nothing is thrown.</summary>
public static class DialogueCueLoader
{
    private static readonly HashSet<string> CueKeys = ["speaker", "pattern", "exclude", "scope", "description"];

    public static DialogueCues? TryLoad(string path, List<RuleFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        path = Path.GetFullPath(path);
        var root = YamlReading.Load(path, errors);
        if (root is null)
            return null;
        var before = errors.Count;
        var cues = new Dictionary<string, DialogueCue>(StringComparer.Ordinal);
        if (YamlReading.Child(root, "cues") is not YamlMappingNode map)
        {
            errors.Add(RuleFileError.At(path, root, "缺少 cues 映射 the file needs a 'cues' mapping"));
            return null;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value!;
            if (!DialogueCues.Required.Contains(name))
            {
                errors.Add(RuleFileError.At(path, keyNode, $"未知的对话线索 unknown dialogue cue '{name}' (known: {string.Join(", ", DialogueCues.Required)})"));
                continue;
            }
            if (value is not YamlMappingNode cue)
            {
                errors.Add(RuleFileError.At(path, value, $"线索 '{name}' 应为映射 must be a mapping: {{speaker, pattern, exclude}}"));
                continue;
            }
            foreach (var key in cue.Children.Keys.OfType<YamlScalarNode>().Where(k => !CueKeys.Contains(k.Value!)))
                errors.Add(RuleFileError.At(path, key, $"线索 '{name}' 没有字段 has no field '{key.Value}' (allowed: {string.Join(", ", CueKeys)})"));
            var speakerText = YamlReading.String(cue, "speaker", path, errors) ?? "any";
            Speaker? speaker = speakerText switch { "agent" => Speaker.Agent, "customer" => Speaker.Customer, _ => null };
            if (speaker is null && speakerText != "any")
                errors.Add(RuleFileError.At(path, YamlReading.Child(cue, "speaker")!, $"speaker 应为 agent、customer 或 any, not '{speakerText}'"));
            var pattern = YamlReading.Pattern(cue, "pattern", path, errors, required: true);
            var exclude = YamlReading.Pattern(cue, "exclude", path, errors);
            var scopeText = YamlReading.String(cue, "scope", path, errors) ?? "sentence";
            CueScope? scope = scopeText switch { "sentence" => CueScope.Sentence, "clause" => CueScope.Clause, "full_stop" => CueScope.FullStop, _ => null };
            if (scope is null)
                errors.Add(RuleFileError.At(path, YamlReading.Child(cue, "scope")!, $"scope 应为 sentence、clause 或 full_stop, not '{scopeText}'"));
            if (pattern is not null)
                cues[name] = new DialogueCue(name, speaker, pattern, exclude, scope ?? CueScope.Sentence);
        }
        foreach (var missing in DialogueCues.Required.Where(r => !cues.ContainsKey(r) && !map.Children.ContainsKey(new YamlScalarNode(r))))
            errors.Add(RuleFileError.At(path, map, $"缺少对话线索 missing dialogue cue '{missing}'"));
        return errors.Count > before ? null : new DialogueCues(cues, path);
    }

}
