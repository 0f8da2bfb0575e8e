using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SpeechQa.Batch.Settings;
using SpeechQa.Scoring;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.Pipeline;

/// <summary>The pipeline's settings (SPEECHQA_INDEX, SPEECHQA_TIMEZONE, SPEECHQA_RULES, SPEECHQA_RULESET, SPEECHQA_MODELS), bound from configuration and checked at start.</summary>
public sealed class PipelineSettings
{
    [ConfigurationKeyName("INDEX"), Setting("on（默认）或 off：评分后写入检索索引 on (default) or off: write scored calls to the search index")]
    public string Index { get; set; } = "on";

    [ConfigurationKeyName("TIMEZONE"), Setting("热线所在时区（IANA，如 Asia/Shanghai），录音目录按此时区定时扫描；默认本机 the hotline's time zone for scan schedules; default the machine's")]
    public string? TimeZone { get; set; }

    [ConfigurationKeyName("RULES"), Setting("规则目录；默认安装目录下的 rules/ the rules folder; default the install's rules/")]
    public string? Rules { get; set; }

    [ConfigurationKeyName("RULESET"), Setting("清单行未指定时所用规则集 the rule set for calls whose manifest row names none")]
    public string RuleSet { get; set; } = RuleSetCatalog.DefaultRuleSet;

    [ConfigurationKeyName("MODELS"), Setting("分类模型目录（设为空：不用模型）；默认安装目录下的 models/ the classifiers' folder (empty: none); default the install's models/")]
    public string? Models { get; set; }

    public PipelineOptions ToPipelineOptions() => new()
    {
        IndexStageEnabled = !string.Equals(Index, "off", StringComparison.OrdinalIgnoreCase),
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
    };

    /// <summary>The install's own rules and models unless set (an empty SPEECHQA_MODELS means no classifiers), whatever the working folder.</summary>
    public ScoringOptions ToScoringOptions() => new(
        Rules is { Length: > 0 } rules ? rules : InstallFolder.Find("rules", "rulesets") ?? "rules",
        RuleSet,
        Models ?? InstallFolder.Find("models", "category.onnx") ?? "models");
}

/// <summary>Refuses pipeline settings that would only fail later, naming the variable.</summary>
public sealed class PipelineSettingsValidation : IValidateOptions<PipelineSettings>
{
    public ValidateOptionsResult Validate(string? name, PipelineSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.Equals(options.Index, "on", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Index, "off", StringComparison.OrdinalIgnoreCase))
            errors.Add($"SPEECHQA_INDEX={options.Index}: 应为 on 或 off must be on or off");
        if (options.TimeZone is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            errors.Add($"SPEECHQA_TIMEZONE={zone}: 不是已知时区 is not a known time zone (use an IANA id such as Asia/Shanghai)");
        // Whether the rules, models and speech model are there and load is the preflight's to say (PipelinePreflight),
        // all problems at once with what to do; here only values that cannot mean anything.
        if (string.IsNullOrWhiteSpace(options.RuleSet))
            errors.Add("SPEECHQA_RULESET: 不能为空 must not be empty");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
