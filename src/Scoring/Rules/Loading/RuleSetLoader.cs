using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Knowledge;
using SpeechQa.Scoring.Privacy;
using SpeechQa.Scoring.Rules.Conditions;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>
/// Loads a rule set file (rules/rulesets/*.yaml) with its included rule files and knowledge tables. A file with
/// any error is rejected as a whole: every error is collected with file:line:column and thrown together, so an
/// admin fixes them in one go and the running version is never half replaced. See docs/rules.md for the language.
/// </summary>
public static class RuleSetLoader
{
    private static readonly HashSet<string> RuleKeys = ["id", "name", "description", "severity", "points", "cap", "review", "confidence", "each", "when", "conditions"];
    private static readonly FrozenSet<string> CategoryIds = CallCategories.Ids.ToFrozenSet(StringComparer.Ordinal);
    private static readonly string[] KeywordModes = ["any", "all", "none", "at_least"];
    private static readonly HashSet<string> ScopeKeys = ["speaker", "first_seconds", "last_seconds", "first_sentences", "last_sentences", "opening_turn", "anchor"];
    private static readonly Dictionary<string, HashSet<string>> OperatorKeys = new()
    {
        ["keywords"] = ["any", "all", "none", "at_least", "of", "synonyms", "across", "on", "exclude", "negated_by", "quote_guard"],
        ["regex"] = ["pattern", "exclude", "exclude_phrases", "negated_by", "quote_guard"],
        ["entity"] = ["types", "exclude", "except_repeating"],
        ["similar"] = ["examples", "threshold"],
        ["repeat"] = ["within", "similarity", "min_chars"],
        ["silence"] = ["min_seconds", "except_before", "except_after"],
        ["interruption"] = ["min_overlap_seconds", "by"],
        ["speech_rate"] = ["max_chars_per_minute", "min_sentence_chars"],
        ["loudness"] = ["min_db_above_median"],
        ["metadata"] = ["field", "in", "min", "max"],
        ["classifier"] = ["label", "min_p", "short_chars", "short_min_p"],
        ["knowledge"] = ["facts", "exclude", "negated_by", "quote_guard"],
        ["dialogue"] = ["event"],
    };

    public static RuleSet Load(string path)
    {
        var errors = new List<RuleFileError>();
        var ruleSet = TryLoad(path, errors);
        if (errors.Count > 0 || ruleSet is null)
            throw new RuleSetLoadException(errors.Count > 0 ? errors : [new RuleFileError(path, 0, 0, "规则集为空 empty rule set")]);
        return ruleSet;
    }

    public static RuleSet? TryLoad(string path, List<RuleFileError> errors)
    {
        path = Path.GetFullPath(path);
        var root = YamlReading.Load(path, errors);
        if (root is null)
            return null;
        var id = YamlReading.String(root, "ruleset", path, errors, required: true);
        var version = YamlReading.Number(root, "version", path, errors, required: true);
        var name = YamlReading.String(root, "name", path, errors) ?? id ?? "";
        var folder = Path.GetDirectoryName(path)!;
        var knowledgeFiles = (YamlReading.Strings(root, "knowledge", path, errors) ?? []).Select(f => Path.GetFullPath(Path.Combine(folder, f))).ToList();
        foreach (var missing in knowledgeFiles.Where(f => !File.Exists(f)))
            errors.Add(RuleFileError.At(path, YamlReading.Child(root, "knowledge")!, $"知识库文件不存在 knowledge file not found: {missing}"));
        var knowledge = KnowledgeBaseLoader.LoadFiles(knowledgeFiles.Where(File.Exists), errors);
        var cues = DialogueCuesOf(root, path, folder, errors);
        var categories = CategoriesOf(root, path, errors);
        var context = new RuleContext(knowledge, cues);

        var rules = new List<Rule>();
        ReadRules(root, path, context, rules, errors);
        foreach (var include in YamlReading.Strings(root, "include", path, errors) ?? [])
        {
            var file = Path.GetFullPath(Path.Combine(folder, include));
            if (!File.Exists(file))
            {
                errors.Add(RuleFileError.At(path, YamlReading.Child(root, "include")!, $"包含的规则文件不存在 included file not found: {file}"));
                continue;
            }
            if (YamlReading.Load(file, errors) is { } included)
                ReadRules(included, file, context, rules, errors);
        }
        foreach (var duplicate in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            errors.Add(new RuleFileError(duplicate.Last().SourceFile, 0, 0, $"规则编号重复 duplicate rule id '{duplicate.Key}'"));
        if (id is null || version is null)
            return null;
        var set = new RuleSet(id, (int)version.Value, name, [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)], knowledge) { SourceFile = path, Dialogue = cues, Categories = categories };
        // One literal search per sentence for all of the set's patterns (LiteralScreen); results are the regexes' own.
        LiteralScreen.Attach(set.Patterns);
        return set;
    }

    private static List<string>? CategoriesOf(YamlMappingNode root, string path, List<RuleFileError> errors)
    {
        var categories = YamlReading.Strings(root, "categories", path, errors);
        if (categories is null)
            return null;
        foreach (var unknown in categories.Where(c => !CategoryIds.Contains(c)))
            errors.Add(RuleFileError.At(path, YamlReading.Child(root, "categories")!, $"未知的诉求类别 unknown category '{unknown}' (C01–C12, C99)"));
        if (categories.Count == 0)
            errors.Add(RuleFileError.At(path, YamlReading.Child(root, "categories")!, "'categories' 不能为空 must name at least one category"));
        return categories;
    }

    private static void ReadRules(YamlMappingNode root, string file, RuleContext context, List<Rule> rules, List<RuleFileError> errors)
    {
        switch (YamlReading.Child(root, "rules"))
        {
            case null:
                return;
            case YamlSequenceNode list:
                foreach (var node in list.Children)
                {
                    if (node is YamlMappingNode rule)
                    {
                        if (ReadRule(rule, file, context, errors) is { } loaded)
                            rules.Add(loaded);
                    }
                    else
                    {
                        errors.Add(RuleFileError.At(file, node, "每条规则应为映射 each rule must be a mapping"));
                    }
                }
                return;
            case var other:
                errors.Add(RuleFileError.At(file, other, "'rules' 应为列表 must be a list"));
                return;
        }
    }

    private static Rule? ReadRule(YamlMappingNode node, string file, RuleContext context, List<RuleFileError> errors)
    {
        var before = errors.Count;
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !RuleKeys.Contains(k.Value!)))
            errors.Add(RuleFileError.At(file, key, $"未知的规则字段 unknown rule field '{key.Value}' (allowed: {string.Join(", ", RuleKeys)})"));
        var id = YamlReading.String(node, "id", file, errors, required: true);
        var name = YamlReading.String(node, "name", file, errors, required: true);
        var severityText = YamlReading.String(node, "severity", file, errors, required: true);
        Severity? severity = severityText switch { "fatal" => Severity.Fatal, "non-fatal" => Severity.NonFatal, null => null, _ => null };
        if (severityText is not null && severity is null)
            errors.Add(RuleFileError.At(file, YamlReading.Child(node, "severity")!, $"severity 应为 fatal 或 non-fatal, not '{severityText}'"));
        var points = (int)(YamlReading.Number(node, "points", file, errors) ?? 0);
        var cap = (int)(YamlReading.Number(node, "cap", file, errors) ?? points);
        if (severity == Severity.NonFatal && points <= 0)
            errors.Add(RuleFileError.At(file, node, "非致命规则需要正的扣分 a non-fatal rule needs points > 0"));

        var conditions = new Dictionary<string, Condition>(StringComparer.Ordinal);
        if (YamlReading.Child(node, "conditions") is YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var conditionName = ((YamlScalarNode)keyNode).Value!;
                if (value is not YamlMappingNode conditionNode)
                {
                    errors.Add(RuleFileError.At(file, value, $"条件 '{conditionName}' 应为映射 must be a mapping"));
                    continue;
                }
                if (ReadCondition(conditionName, conditionNode, file, context, errors) is { } condition)
                    conditions[conditionName] = condition;
            }
        }
        else
        {
            errors.Add(RuleFileError.At(file, node, "规则需要 conditions 映射 a rule needs a 'conditions' mapping"));
        }

        RuleExpression? when = null;
        var whenText = YamlReading.String(node, "when", file, errors, required: true);
        if (whenText is not null)
        {
            var whenNode = YamlReading.Child(node, "when")!;
            try
            {
                when = RuleExpression.Parse(whenText);
                foreach (var unknown in when.Names().Distinct().Where(n => !conditions.ContainsKey(n)))
                    errors.Add(RuleFileError.At(file, whenNode, $"表达式引用了未定义的条件 the expression uses undefined condition '{unknown}' (defined: {string.Join(", ", conditions.Keys)})"));
            }
            catch (ExpressionSyntaxException e)
            {
                errors.Add(new RuleFileError(file, (int)whenNode.Start.Line, (int)whenNode.Start.Column + e.Column, $"表达式语法错误 expression syntax: {e.Message} in '{whenText}'"));
            }
        }
        var each = YamlReading.String(node, "each", file, errors);
        if (each is not null && !conditions.ContainsKey(each))
            errors.Add(RuleFileError.At(file, YamlReading.Child(node, "each")!, $"each 引用了未定义的条件 'each' names undefined condition '{each}'"));
        foreach (var (conditionName, condition) in conditions)
        {
            if (condition.Anchor is { } anchor && !conditions.ContainsKey(anchor.Condition))
                errors.Add(RuleFileError.At(file, node, $"条件 '{conditionName}' 锚定到未定义的条件 anchors to undefined condition '{anchor.Condition}'"));
            else if (condition.Anchor is not null && AnchorCycle(conditionName, conditions))
                errors.Add(RuleFileError.At(file, node, $"条件 '{conditionName}' 的锚点形成循环 anchor cycle"));
        }
        if (errors.Count > before || id is null || name is null || severity is null || when is null)
            return null;
        return new Rule
        {
            Id = id, Name = name, Description = YamlReading.String(node, "description", file, errors) ?? "", Severity = severity.Value,
            Points = points, Cap = cap, NeedsReview = YamlReading.Bool(node, "review", file, errors) ?? false,
            Confidence = YamlReading.Number(node, "confidence", file, errors) ?? 1.0, Conditions = conditions, When = when, Each = each, SourceFile = file,
        };
    }

    private static bool AnchorCycle(string start, Dictionary<string, Condition> conditions)
    {
        var seen = new HashSet<string>();
        var current = start;
        while (conditions.TryGetValue(current, out var condition) && condition.Anchor is { } anchor)
        {
            if (!seen.Add(current))
                return true;
            current = anchor.Condition;
        }
        return false;
    }

    private static Condition? ReadCondition(string name, YamlMappingNode node, string file, RuleContext context, List<RuleFileError> errors)
    {
        var operators = node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(OperatorKeys.ContainsKey).ToList();
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !OperatorKeys.ContainsKey(k.Value!) && !ScopeKeys.Contains(k.Value!)))
            errors.Add(RuleFileError.At(file, key, $"条件 '{name}' 中未知的算子或字段 unknown operator or field '{key.Value}' (operators: {string.Join(", ", OperatorKeys.Keys)}; scope: {string.Join(", ", ScopeKeys)})"));
        if (operators.Count != 1)
        {
            errors.Add(RuleFileError.At(file, node, $"条件 '{name}' 需要恰好一个算子 needs exactly one operator, found {operators.Count}"));
            return null;
        }
        var op = operators[0];
        if (YamlReading.Child(node, op) is not YamlMappingNode args)
        {
            errors.Add(RuleFileError.At(file, YamlReading.Child(node, op)!, $"算子 '{op}' 的参数应为映射 parameters must be a mapping"));
            return null;
        }
        foreach (var key in args.Children.Keys.OfType<YamlScalarNode>().Where(k => !OperatorKeys[op].Contains(k.Value!)))
            errors.Add(RuleFileError.At(file, key, $"算子 '{op}' 没有参数 has no parameter '{key.Value}' (allowed: {string.Join(", ", OperatorKeys[op])})"));

        var scope = ReadScope(node, file, errors);
        var anchor = ReadAnchor(node, file, errors);
        var before = errors.Count;
        Condition? condition = op switch
        {
            "keywords" => Keywords(name, args, file, errors),
            "regex" => RegexOperator(name, args, file, errors),
            "entity" => Entity(name, args, file, errors),
            "similar" => new SimilarityCondition
            {
                Name = name, Examples = Required(YamlReading.Strings(args, "examples", file, errors), args, "examples", file, errors),
                Threshold = YamlReading.Number(args, "threshold", file, errors) ?? 0.6,
            },
            "repeat" => new RepeatCondition
            {
                Name = name, WithinSentences = (int)(YamlReading.Number(args, "within", file, errors) ?? 3),
                Similarity = YamlReading.Number(args, "similarity", file, errors) ?? 0.8, MinChars = (int)(YamlReading.Number(args, "min_chars", file, errors) ?? 5),
            },
            "silence" => new SilenceCondition
            {
                Name = name, MinSeconds = YamlReading.Number(args, "min_seconds", file, errors) ?? 5,
                ExceptBefore = YamlReading.Strings(args, "except_before", file, errors) ?? [], ExceptAfter = YamlReading.Strings(args, "except_after", file, errors) ?? [],
            },
            "interruption" => new InterruptionCondition
            {
                Name = name, MinOverlapSeconds = YamlReading.Number(args, "min_overlap_seconds", file, errors) ?? 1.0,
                By = SpeakerOf(YamlReading.String(args, "by", file, errors) ?? "agent", args, file, errors) ?? Speaker.Agent,
            },
            "speech_rate" => new SpeechRateCondition
            {
                Name = name, MaxCharsPerMinute = YamlReading.Number(args, "max_chars_per_minute", file, errors) ?? 280,
                MinSentenceChars = (int)(YamlReading.Number(args, "min_sentence_chars", file, errors) ?? 8),
            },
            "loudness" => new LoudnessCondition { Name = name, MinDbAboveMedian = YamlReading.Number(args, "min_db_above_median", file, errors) ?? 8 },
            "metadata" => Metadata(name, args, file, errors),
            "classifier" => new ClassifierCondition
            {
                Name = name, Label = YamlReading.String(args, "label", file, errors, required: true) ?? "",
                MinProbability = YamlReading.Number(args, "min_p", file, errors) ?? 0.8,
                ShortChars = (int)(YamlReading.Number(args, "short_chars", file, errors) ?? 0),
                ShortMinProbability = YamlReading.Number(args, "short_min_p", file, errors) ?? 0,
            },
            "knowledge" => KnowledgeOperator(name, args, file, context.Knowledge, errors),
            "dialogue" => DialogueOperator(name, args, file, context.Cues, errors),
            _ => null,
        };
        if (condition is null || errors.Count > before)
            return null;
        // Scope and anchor are common to every operator; set once here, before the rule is published.
        condition.Scope = scope ?? ConditionScope.Everywhere;
        condition.Anchor = anchor;
        return condition;
    }

    private static ConditionScope? ReadScope(YamlMappingNode node, string file, List<RuleFileError> errors)
    {
        var speakerText = YamlReading.String(node, "speaker", file, errors);
        var firstSeconds = YamlReading.Number(node, "first_seconds", file, errors);
        var lastSeconds = YamlReading.Number(node, "last_seconds", file, errors);
        var firstSentences = YamlReading.Number(node, "first_sentences", file, errors);
        var lastSentences = YamlReading.Number(node, "last_sentences", file, errors);
        var openingTurn = YamlReading.Bool(node, "opening_turn", file, errors) ?? false;
        if (speakerText is null && firstSeconds is null && lastSeconds is null && firstSentences is null && lastSentences is null && !openingTurn)
            return null;
        var speaker = speakerText is null or "any" ? null : SpeakerOf(speakerText, node, file, errors);
        return new ConditionScope(speaker, (int?)firstSentences, (int?)lastSentences, firstSeconds, lastSeconds, openingTurn);
    }

    private static ConditionAnchor? ReadAnchor(YamlMappingNode node, string file, List<RuleFileError> errors)
    {
        if (YamlReading.Child(node, "anchor") is not { } anchorNode)
            return null;
        if (anchorNode is not YamlMappingNode anchor)
        {
            errors.Add(RuleFileError.At(file, anchorNode, "anchor 应为映射 must be a mapping: {condition, position, within}"));
            return null;
        }
        var target = YamlReading.String(anchor, "condition", file, errors, required: true);
        var position = YamlReading.String(anchor, "position", file, errors) ?? "around";
        var within = (int)(YamlReading.Number(anchor, "within", file, errors) ?? 3);
        AnchorPosition? parsed = position switch { "before" => AnchorPosition.Before, "after" => AnchorPosition.After, "around" => AnchorPosition.Around, _ => null };
        if (parsed is null)
            errors.Add(RuleFileError.At(file, anchor, $"anchor.position 应为 before/after/around, not '{position}'"));
        return target is null || parsed is null ? null : new ConditionAnchor(target, parsed.Value, within);
    }

    private static Speaker? SpeakerOf(string text, YamlNode node, string file, List<RuleFileError> errors)
    {
        switch (text)
        {
            case "agent": return Speaker.Agent;
            case "customer": return Speaker.Customer;
            default:
                errors.Add(RuleFileError.At(file, node, $"speaker 应为 agent、customer 或 any, not '{text}'"));
                return null;
        }
    }

    private static TextGuards Guards(YamlMappingNode args, string file, List<RuleFileError> errors, string excludeKey = "exclude") => new(
        YamlReading.Strings(args, excludeKey, file, errors) ?? [],
        YamlReading.Strings(args, "negated_by", file, errors) ?? [],
        YamlReading.Bool(args, "quote_guard", file, errors) ?? false);

    private static List<string> Required(List<string>? values, YamlMappingNode args, string key, string file, List<RuleFileError> errors)
    {
        if (values is { Count: > 0 })
            return values;
        errors.Add(RuleFileError.At(file, args, $"缺少参数 missing parameter '{key}'"));
        return [];
    }

    private static KeywordCondition? Keywords(string name, YamlMappingNode args, string file, List<RuleFileError> errors)
    {
        var modes = KeywordModes.Where(k => YamlReading.Child(args, k) is not null).ToList();
        if (modes.Count != 1)
        {
            errors.Add(RuleFileError.At(file, args, $"keywords 需要 any、all、none 或 at_least 之一 needs exactly one of any/all/none/at_least"));
            return null;
        }
        var mode = modes[0] switch { "any" => KeywordMode.Any, "all" => KeywordMode.All, "none" => KeywordMode.None, _ => KeywordMode.AtLeast };
        var atLeast = 1;
        List<string>? words;
        if (mode == KeywordMode.AtLeast)
        {
            atLeast = (int)(YamlReading.Number(args, "at_least", file, errors) ?? 1);
            words = Required(YamlReading.Strings(args, "of", file, errors), args, "of", file, errors);
        }
        else
        {
            words = Required(YamlReading.Strings(args, modes[0], file, errors), args, modes[0], file, errors);
        }
        var synonyms = new Dictionary<string, List<string>>();
        if (YamlReading.Child(args, "synonyms") is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                var word = ((YamlScalarNode)key).Value!;
                synonyms[word] = value is YamlSequenceNode list ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value!)] : [((YamlScalarNode)value).Value!];
            }
        }
        var on = YamlReading.String(args, "on", file, errors) ?? "chars";
        if (on is not ("chars" or "words"))
            errors.Add(RuleFileError.At(file, YamlReading.Child(args, "on")!, $"on 应为 chars 或 words, not '{on}'"));
        return new KeywordCondition
        {
            Name = name, Mode = mode, AtLeast = atLeast, Words = [.. words.Select(w => (IReadOnlyList<string>)[w, .. synonyms.GetValueOrDefault(w) ?? []])],
            AcrossSentences = YamlReading.Bool(args, "across", file, errors) ?? false, OnWords = on == "words", Guards = Guards(args, file, errors),
        };
    }

    private static RegexCondition? RegexOperator(string name, YamlMappingNode args, string file, List<RuleFileError> errors)
    {
        var pattern = YamlReading.Pattern(args, "pattern", file, errors, required: true);
        var exclude = YamlReading.Pattern(args, "exclude", file, errors, required: false);
        return pattern is null ? null : new RegexCondition { Name = name, Pattern = pattern, Exclude = exclude, Guards = Guards(args, file, errors, "exclude_phrases") };
    }

    private static EntityCondition? Entity(string name, YamlMappingNode args, string file, List<RuleFileError> errors)
    {
        var kinds = new HashSet<PersonalDataKind>();
        foreach (var type in Required(YamlReading.Strings(args, "types", file, errors), args, "types", file, errors))
        {
            PersonalDataKind? kind = type switch
            {
                "phone" => PersonalDataKind.Phone, "id_card" => PersonalDataKind.IdCard, "bank_card" => PersonalDataKind.BankCard,
                "account" => PersonalDataKind.Account, "address" => PersonalDataKind.Address, _ => null,
            };
            if (kind is null)
                errors.Add(RuleFileError.At(file, YamlReading.Child(args, "types")!, $"未知的实体类型 unknown entity type '{type}' (phone, id_card, bank_card, account, address)"));
            else
                kinds.Add(kind.Value);
        }
        return new EntityCondition
        {
            Name = name, Kinds = kinds, Guards = new TextGuards(YamlReading.Strings(args, "exclude", file, errors) ?? [], [], false),
            ExceptRepeating = YamlReading.Bool(args, "except_repeating", file, errors) ?? false,
        };
    }

    private static MetadataCondition? Metadata(string name, YamlMappingNode args, string file, List<RuleFileError> errors)
    {
        var field = YamlReading.String(args, "field", file, errors, required: true);
        if (field is not null && !CallMetadata.Fields.Contains(field))
        {
            errors.Add(RuleFileError.At(file, YamlReading.Child(args, "field")!, $"未知的随录字段 unknown call field '{field}' ({string.Join(", ", CallMetadata.Fields)})"));
            return null;
        }
        return field is null ? null : new MetadataCondition
        {
            Name = name, Field = field, In = YamlReading.Strings(args, "in", file, errors) ?? [],
            Min = YamlReading.Number(args, "min", file, errors), Max = YamlReading.Number(args, "max", file, errors),
        };
    }

    /// <summary>The rule set's dialogue cue table (<c>dialogue: ../dialogue/cues.yaml</c>), when it names one.</summary>
    private static DialogueCues? DialogueCuesOf(YamlMappingNode root, string path, string folder, List<RuleFileError> errors)
    {
        if (YamlReading.String(root, "dialogue", path, errors) is not { } relative)
            return null;
        var file = Path.GetFullPath(Path.Combine(folder, relative));
        if (File.Exists(file))
            return DialogueCueLoader.TryLoad(file, errors);
        errors.Add(RuleFileError.At(path, YamlReading.Child(root, "dialogue")!, $"对话线索文件不存在 dialogue cue file not found: {file}"));
        return null;
    }

    private static DialogueCondition? DialogueOperator(string name, YamlMappingNode args, string file, DialogueCues? cues, List<RuleFileError> errors)
    {
        var eventName = YamlReading.String(args, "event", file, errors, required: true);
        if (eventName is null)
            return null;
        if (!DialogueEventNames.ByName.TryGetValue(eventName, out var dialogueEvent))
        {
            errors.Add(RuleFileError.At(file, YamlReading.Child(args, "event")!, $"未知的对话事件 unknown dialogue event '{eventName}' (events: {string.Join(", ", DialogueEventNames.ByName.Keys)})"));
            return null;
        }
        if (cues is null)
        {
            errors.Add(RuleFileError.At(file, args, "规则集未指定对话线索文件 the rule set names no dialogue cue file ('dialogue: ../dialogue/cues.yaml')"));
            return null;
        }
        return new DialogueCondition { Name = name, Event = dialogueEvent, Cues = cues };
    }

    /// <summary>What the conditions of one rule set share: its knowledge base and dialogue cues.</summary>
    private sealed record RuleContext(KnowledgeBase Knowledge, DialogueCues? Cues);

    private static KnowledgeCondition? KnowledgeOperator(string name, YamlMappingNode args, string file, KnowledgeBase knowledge, List<RuleFileError> errors)
    {
        var patterns = YamlReading.Strings(args, "facts", file, errors) ?? [];
        var facts = knowledge.Matching(patterns).ToList();
        if (facts.Count == 0)
        {
            errors.Add(RuleFileError.At(file, args, $"知识库中没有匹配的条目 no knowledge fact matches {string.Join(", ", patterns)} (is the rule set's 'knowledge' list set?)"));
            return null;
        }
        return new KnowledgeCondition { Name = name, Facts = facts, Guards = Guards(args, file, errors) };
    }
}
