using Microsoft.AspNetCore.Mvc;

namespace SpeechQa.QaPortal.Portal;

// The larger forms as parameter objects ([AsParameters]): one type per form, named for what it submits.

/// <summary>The rule editor's check/backtest form.</summary>
internal sealed record RuleCheckForm([FromForm] string? File, [FromForm] string? Yaml, [FromForm] string? Backtest, [FromForm] string? Since, [FromForm] string? Limit);

/// <summary>A recording source being added or changed.</summary>
internal sealed record SourceForm([FromForm] string? Folder, [FromForm] string? Name, [FromForm] string? Channels, [FromForm] string? RuleSet, [FromForm] string? Cron);

/// <summary>A sampling plan (the inspectors come as a repeated field, read from the form itself).</summary>
internal sealed record SamplingForm([FromForm] string? From, [FromForm] string? To, [FromForm] string? Percent, [FromForm] string? ScoreAtMost, [FromForm] string? Seed);

/// <summary>A new portal account.</summary>
internal sealed record UserForm([FromForm] string UserName, [FromForm] string DisplayName, [FromForm] string Role, [FromForm] string? AgentId, [FromForm] string? Team,
    [FromForm] string Password);

/// <summary>A clip of a call for a coaching set.</summary>
internal sealed record ClipForm([FromForm] long SetId, [FromForm] double Start, [FromForm] double End, [FromForm] string? Note);
