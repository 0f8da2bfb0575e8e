using System.Globalization;
using System.Security.Cryptography;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Batch.Ingestion;

/// <summary>
/// Turns a manifest row into a <see cref="Call"/> (and its transcript, if the row names one), or says
/// exactly what is wrong with it. Reads the files it names to hash and check them.
/// </summary>
public sealed class ManifestRowValidator(ManifestFolder folder, SourceDefaults? defaults = null)
{
    /// <summary>Fields of formats.md §1; anything else in a row is kept as a call attribute.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "call_id", "started_at", "direction", "caller", "agent_id", "agent_name", "team", "queue",
        "account_no", "region", "hangup_by", "audio", "channels", "transcript",
    };

    private static readonly string[] RequiredFields = ["call_id", "started_at", "direction", "caller", "agent_id"];

    public const int MaxCallIdLength = 128;

    public ValidatedRow Validate(ManifestRow row)
    {
        string? Field(string name) => row.Fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var callId = Field("call_id");
        RowProblem Problem(string reason) => new(row.Line, callId, reason);

        var missing = RequiredFields.Where(f => Field(f) is null).ToList();
        if (Field("audio") is null && Field("transcript") is null)
            missing.Add("audio (or transcript)");
        if (missing.Count > 0)
            return ValidatedRow.Rejected(Problem($"missing required field{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}"));
        if (callId!.Length > MaxCallIdLength || callId.Any(char.IsControl))
            return ValidatedRow.Rejected(Problem($"call_id must be at most {MaxCallIdLength} printable characters"));

        if (!DateTimeOffset.TryParseExact(Field("started_at"), ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startedAt))
            return ValidatedRow.Rejected(Problem($"started_at '{Field("started_at")}' is not an ISO-8601 time with an offset, e.g. 2023-11-01T09:12:03+08:00"));
        if (!CallNames.TryParseDirection(Field("direction"), out var direction))
            return ValidatedRow.Rejected(Problem($"direction '{Field("direction")}' must be inbound or outbound"));
        if (!CallNames.TryParseChannels(Field("channels"), out var channels))
            return ValidatedRow.Rejected(Problem($"channels '{Field("channels")}' must be agent-left, agent-right or mono"));
        var hangupBy = Field("hangup_by");
        if (hangupBy is not null and not ("customer" or "agent" or "system"))
            return ValidatedRow.Rejected(Problem($"hangup_by '{hangupBy}' must be customer, agent or system"));

        string? audioPath = null, audioHash = null, transcriptPath = null, transcriptHash = null;
        Transcript? transcript = null;
        if (Field("audio") is { } audio)
        {
            audioPath = folder.Resolve(audio, "audio", out var problem);
            if (audioPath is null)
                return ValidatedRow.Rejected(Problem(problem!));
            if (new FileInfo(audioPath).Length == 0)
                return ValidatedRow.Rejected(Problem($"audio file '{audio}' is empty"));
            audioHash = Sha256File(audioPath);
        }
        if (Field("transcript") is { } transcriptField)
        {
            transcriptPath = folder.Resolve(transcriptField, "transcript", out var problem);
            if (transcriptPath is null)
                return ValidatedRow.Rejected(Problem(problem!));
            var bytes = File.ReadAllBytes(transcriptPath);
            try
            {
                transcript = TranscriptJson.Parse(bytes);
            }
            catch (TranscriptFormatException e)
            {
                return ValidatedRow.Rejected(Problem($"transcript '{transcriptField}' is invalid: {e.Message}"));
            }
            if (transcript.CallId != callId)
                return ValidatedRow.Rejected(Problem($"transcript '{transcriptField}' belongs to call '{transcript.CallId}', not '{callId}'"));
            transcriptHash = Sha256(bytes);
        }

        var call = new Call
        {
            CallId = callId,
            StartedAt = startedAt,
            Direction = direction,
            Caller = Field("caller")!,
            AgentId = Field("agent_id")!,
            AgentName = Field("agent_name"),
            Team = Field("team"),
            Queue = Field("queue"),
            AccountNo = Field("account_no"),
            Region = Field("region"),
            HangupBy = hangupBy,
            AudioPath = audioPath,
            AudioSha256 = audioHash,
            Channels = channels == ChannelLayout.Default ? (defaults ?? SourceDefaults.None).Channels : channels,
            TranscriptPath = transcriptPath,
            TranscriptSha256 = transcriptHash,
            Attributes = AttributesOf(row),
        };
        return ValidatedRow.Accepted(row.Line, call, transcript);
    }

    private Dictionary<string, string> AttributesOf(ManifestRow row)
    {
        var attributes = row.Fields.Where(f => !KnownFields.Contains(f.Key) && f.Value.Length > 0).ToDictionary(f => f.Key, f => f.Value);
        if (defaults?.RuleSet is { Length: > 0 } ruleSet)
            attributes.TryAdd("ruleset", ruleSet);
        return attributes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Sha256File(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
