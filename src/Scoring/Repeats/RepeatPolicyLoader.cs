using System.Text.RegularExpressions;
using SpeechQa.Scoring.Knowledge;
using SpeechQa.Scoring.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Repeats;

/// <summary>Reads rules/repeats/repeat-policy.yaml (and the knowledge files it names for SLAs); every problem is reported with file:line:column in zh-CN and English.</summary>
public static class RepeatPolicyLoader
{
    public const string DefaultPath = "rules/repeats/repeat-policy.yaml";

    public static RepeatPolicy LoadOrThrow(string file)
    {
        var errors = new List<RuleFileError>();
        var policy = Load(file, errors);
        return policy is not null && errors.Count == 0 ? policy : throw new RuleSetLoadException(errors);
    }

    public static RepeatPolicy? Load(string file, List<RuleFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        file = Path.GetFullPath(file);
        var root = YamlReading.Load(file, errors);
        if (root is null)
            return null;
        var before = errors.Count;
        // The SLA facts come from the knowledge base files named here, relative to the policy file.
        var knowledgeFiles = (YamlReading.Strings(root, "knowledge", file, errors) ?? [])
            .Select(f => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, f))).ToList();
        foreach (var missing in knowledgeFiles.Where(f => !File.Exists(f)))
            errors.Add(RuleFileError.At(file, YamlReading.Child(root, "knowledge")!, $"知识库文件不存在 knowledge file not found: {missing}"));
        var knowledge = KnowledgeBaseLoader.LoadFiles(knowledgeFiles.Where(File.Exists), errors);
        var version = (int)(YamlReading.Number(root, "version", file, errors, required: true) ?? 0);
        var window = Duration(root, "window", file, errors, required: true) ?? TimeSpan.FromHours(72);

        var groups = new List<CategoryGroup>();
        foreach (var g in Mappings(root, "groups", file, errors))
        {
            var id = YamlReading.String(g, "id", file, errors, required: true);
            var categories = YamlReading.Strings(g, "categories", file, errors);
            if (id is null || categories is null)
                continue;
            groups.Add(new CategoryGroup(id, YamlReading.String(g, "name", file, errors) ?? id, categories, Duration(g, "window", file, errors)));
        }

        var related = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (YamlReading.Child(root, "related") is YamlMappingNode relatedNode)
        {
            foreach (var (key, _) in relatedNode.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                if (YamlReading.Strings(relatedNode, name, file, errors) is { } list)
                    related[name] = list;
            }
        }

        var ticketSla = new Dictionary<string, IReadOnlyList<KnowledgeFact>>(StringComparer.Ordinal);
        if (YamlReading.Child(root, "ticket_sla") is YamlMappingNode slaNode)
        {
            foreach (var (key, value) in slaNode.Children)
            {
                var category = ((YamlScalarNode)key).Value ?? "";
                var ids = value is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>().Select(s => (Node: (YamlNode)s, Id: s.Value)).ToList()
                    : [(value, (value as YamlScalarNode)?.Value)];
                var facts = new List<KnowledgeFact>();
                foreach (var (node, factId) in ids)
                {
                    var fact = knowledge.Facts.FirstOrDefault(f => f.Id == factId);
                    if (fact is null)
                        errors.Add(RuleFileError.At(file, node, $"知识库中没有时限条目 '{factId}' no knowledge fact '{factId}' (rules/knowledge/)"));
                    else if (ServiceDeadline.After(DateTimeOffset.UnixEpoch, fact) is null)
                        errors.Add(RuleFileError.At(file, node, $"'{factId}' 不是时限（分钟或工作日） is not a time limit (minutes or working days)"));
                    else
                        facts.Add(fact);
                }
                if (facts.Count > 0)
                    ticketSla[category] = facts;
            }
        }

        var causes = new List<RootCauseCue>();
        if (YamlReading.Child(root, "root_causes") is YamlMappingNode causesNode)
        {
            foreach (var (key, value) in causesNode.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                if (!Enum.TryParse<RootCause>(name, out var cause) || cause == RootCause.R9 || !name.StartsWith('R'))
                {
                    errors.Add(RuleFileError.At(file, key, $"未知根因 '{name}'，应为 R1–R6 unknown root cause '{name}', expected R1–R6"));
                    continue;
                }
                if (value is not YamlMappingNode spec)
                {
                    errors.Add(RuleFileError.At(file, value, $"{name} 应为映射 must be a mapping"));
                    continue;
                }
                causes.Add(new RootCauseCue(cause, YamlReading.Pattern(spec, "cue", file, errors, required: false),
                    YamlReading.Strings(spec, "origin_rules", file, errors) ?? [], YamlReading.Strings(spec, "groups", file, errors) ?? [],
                    YamlReading.Pattern(spec, "agent_cue", file, errors, required: false))
                {
                    Act = YamlReading.String(spec, "act", file, errors, required: false),
                    StillCue = YamlReading.Pattern(spec, "still_cue", file, errors, required: false),
                });
            }
        }
        else
        {
            errors.Add(RuleFileError.At(file, root, "缺少 root_causes missing 'root_causes'"));
        }

        var outage = new OutageClusterPolicy([], 3, TimeSpan.FromHours(3));
        if (YamlReading.Child(root, "outage_cluster") is YamlMappingNode o)
        {
            outage = new OutageClusterPolicy(YamlReading.Strings(o, "categories", file, errors) ?? [],
                (int)(YamlReading.Number(o, "min_callers", file, errors) ?? 3), Duration(o, "window", file, errors) ?? TimeSpan.FromHours(3),
                YamlReading.Number(o, "burst_factor", file, errors) ?? 3);
            if (outage.MinCallers < 2)
                errors.Add(RuleFileError.At(file, o, "min_callers 至少为 2 must be at least 2"));
        }
        var callback = new CallbackPolicy([], TimeSpan.FromHours(24));
        if (YamlReading.Child(root, "callback") is YamlMappingNode c)
            callback = new CallbackPolicy(YamlReading.Strings(c, "categories", file, errors) ?? [], Duration(c, "sla", file, errors) ?? TimeSpan.FromHours(24));

        var newIssue = YamlReading.Pattern(root, "new_issue_cue", file, errors, required: true);
        var ticket = YamlReading.Pattern(root, "ticket_cue", file, errors, required: true);
        var visit = YamlReading.Pattern(root, "visit_cue", file, errors, required: false);
        var ownReason = YamlReading.Pattern(root, "own_reason_cue", file, errors, required: false);
        var actMinP = YamlReading.Number(root, "act_min_p", file, errors) ?? RepeatPolicy.DefaultActMinP;
        if (actMinP is <= 0 or > 1)
            errors.Add(RuleFileError.At(file, YamlReading.Child(root, "act_min_p")!, $"act_min_p 应在 0 与 1 之间 must be in (0, 1], got {actMinP}"));
        if (errors.Count > before || newIssue is null || ticket is null)
            return null;
        return new RepeatPolicy
        {
            Version = version, Window = window, Groups = groups, Related = related, NewIssueCue = newIssue, TicketCue = ticket, VisitCue = visit, OwnReasonCue = ownReason, ActMinP = actMinP,
            TicketSla = ticketSla, RootCauses = causes, OutageCluster = outage, Callback = callback,
        };
    }

    private static IEnumerable<YamlMappingNode> Mappings(YamlMappingNode node, string key, string file, List<RuleFileError> errors)
    {
        if (YamlReading.Child(node, key) is not { } child)
            yield break;
        if (child is not YamlSequenceNode list)
        {
            errors.Add(RuleFileError.At(file, child, $"{key} 应为列表 must be a list"));
            yield break;
        }
        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode map)
                yield return map;
            else
                errors.Add(RuleFileError.At(file, item, $"{key} 的每一项应为映射 each item of '{key}' must be a mapping"));
        }
    }

    private static TimeSpan? Duration(YamlMappingNode node, string key, string file, List<RuleFileError> errors, bool required = false)
    {
        var text = YamlReading.String(node, key, file, errors, required);
        if (text is null)
            return null;
        if (PolicyDuration.TryParse(text, out var duration))
            return duration;
        errors.Add(RuleFileError.At(file, YamlReading.Child(node, key)!, $"时长 '{text}' 无效，应如 90m、3h、72h、7d invalid duration '{text}', write e.g. 90m, 3h, 72h, 7d"));
        return null;
    }

}
