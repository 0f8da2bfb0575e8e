using System.Globalization;
using System.Text.RegularExpressions;
using SpeechQa.Scoring.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Knowledge;

/// <summary>
/// Reads rules/knowledge/*.yaml, one file per topic:
/// <code>
/// topic: 阶梯水价
/// facts:
///   - id: tariff.residential.tier1
///     says: 居民生活用水第一阶梯 3.45 元/吨
///     cue: '第一(阶梯|档)'
///     kind: yuan            # yuan | yuan_per_m2 | minutes | working_days | celsius | ratio
///     value: 3.45
///     tolerance: 0.005      # optional
///     compare: equal        # equal | not_above (time limits)
/// </code>
/// Every problem is reported with file:line:column.
/// </summary>
public static class KnowledgeBaseLoader
{
    public static KnowledgeBase LoadFiles(IEnumerable<string> files, List<RuleFileError> errors)
    {
        var facts = new List<KnowledgeFact>();
        foreach (var file in files)
        {
            var root = YamlReading.Load(file, errors);
            if (root is null)
                continue;
            var topic = YamlReading.String(root, "topic", file, errors, required: true) ?? "";
            if (YamlReading.Child(root, "facts") is not YamlSequenceNode list)
            {
                errors.Add(RuleFileError.At(file, root, "知识库文件缺少 facts 列表 knowledge file needs a 'facts' list"));
                continue;
            }
            foreach (var node in list.Children)
            {
                if (node is not YamlMappingNode fact)
                {
                    errors.Add(RuleFileError.At(file, node, "每条知识应为映射 each fact must be a mapping"));
                    continue;
                }
                var id = YamlReading.String(fact, "id", file, errors, required: true);
                var cue = YamlReading.String(fact, "cue", file, errors, required: true);
                var kindText = YamlReading.String(fact, "kind", file, errors, required: true);
                var value = kindText == "claim" ? 0 : YamlReading.Number(fact, "value", file, errors, required: true);
                if (id is null || cue is null || kindText is null || value is null)
                    continue;
                if (YamlReading.Pattern(fact, "cue", file, errors) is not { } regex)
                    continue;
                if (!TryKind(kindText, out var kind))
                {
                    errors.Add(RuleFileError.At(file, YamlReading.Child(fact, "kind")!, $"未知的数量类型 unknown kind '{kindText}' (yuan, yuan_per_m2, minutes, working_days, celsius, ratio, tons, months, month_day, claim)"));
                    continue;
                }
                var compare = YamlReading.String(fact, "compare", file, errors) ?? "equal";
                if (compare is not ("equal" or "not_above"))
                {
                    errors.Add(RuleFileError.At(file, YamlReading.Child(fact, "compare")!, $"compare 只能是 equal 或 not_above, not '{compare}'"));
                    continue;
                }
                var tolerance = YamlReading.Number(fact, "tolerance", file, errors) ?? (kind == QuantityKind.Ratio ? 1e-9 : 0.005);
                facts.Add(new KnowledgeFact(id, topic, YamlReading.String(fact, "says", file, errors) ?? "", regex, kind, value.Value, tolerance,
                    compare == "equal" ? FactComparison.Equal : FactComparison.NotAbove, file)
                {
                    Context = YamlReading.Pattern(fact, "context", file, errors),
                    Exclude = YamlReading.Pattern(fact, "exclude", file, errors),
                    Claims = YamlReading.Pattern(fact, "claims", file, errors),
                    Right = YamlReading.Pattern(fact, "right", file, errors),
                });
                if (kind == QuantityKind.Claim && (YamlReading.Child(fact, "claims") is null || YamlReading.Child(fact, "right") is null))
                    errors.Add(RuleFileError.At(file, fact, "claim 类知识需要 claims 和 right 两个正则 a claim fact needs both 'claims' and 'right' regexes"));
            }
        }
        foreach (var duplicate in facts.GroupBy(f => f.Id).Where(g => g.Count() > 1))
            errors.Add(new RuleFileError(duplicate.Last().SourceFile, 0, 0, $"知识条目重复 duplicate fact id '{duplicate.Key}'"));
        return new KnowledgeBase(facts);
    }

    private static bool TryKind(string text, out QuantityKind kind)
    {
        kind = text switch
        {
            "yuan" => QuantityKind.Yuan,
            "yuan_per_m2" => QuantityKind.YuanPerSquareMetre,
            "minutes" => QuantityKind.Minutes,
            "working_days" => QuantityKind.WorkingDays,
            "celsius" => QuantityKind.Celsius,
            "ratio" => QuantityKind.Ratio,
            "tons" => QuantityKind.Tons,
            "months" => QuantityKind.Months,
            "month_day" => QuantityKind.MonthDay,
            "claim" => QuantityKind.Claim,
            _ => (QuantityKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    internal static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
