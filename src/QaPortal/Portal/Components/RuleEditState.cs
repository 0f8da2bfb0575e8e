using SpeechQa.Pipeline;
using SpeechQa.QaPortal.Portal.RuleSets;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>What the rule editor shows besides the text: the check, a backtest, a message after publishing, the version viewed.</summary>
public sealed record RuleEditState(string File, string Yaml, RuleSetCandidate? Check = null, BacktestResult? Backtest = null, string? Message = null, int? Viewing = null);
