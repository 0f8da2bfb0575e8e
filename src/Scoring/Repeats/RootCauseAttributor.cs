using System.Globalization;

namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// Attributes a chain to a root cause from its evidence: rules hit on the origin call (F03/N03/N08 → R1), what the
/// customer says in the repeats (还没人来 → R2, 又坏了 → R6, 没收到短信 → R5…, or the act the act model reads where no
/// cue matches), what an agent of the chain finds on the record (工单记成了别的楼 → R1, 短信发到了旧号码 → R5), the
/// ticket's SLA from the knowledge base (a chase after the deadline weighs more than one before it; none when the caller
/// says the visit was done, nor when the caller gives a reason of their own for calling again), the origin's category
/// group (billing → R4) and membership in an outage cluster (R3). The cause with the most weight wins; ties go by the
/// order below; less than 2 points of evidence is R9.
/// </summary>
public sealed class RootCauseAttributor(RepeatPolicy policy)
{
    /// <summary>Tie order: the more specific and the more actionable cause first.</summary>
    private static readonly RootCause[] Precedence = [RootCause.R3, RootCause.R2, RootCause.R6, RootCause.R5, RootCause.R1, RootCause.R4];

    private const int Decisive = 2;

    /// <summary>The weight of what an agent of the chain finds on the record (the ticket's address, its status, where a notice went).</summary>
    private const int AgentFinding = 3;

    /// <param name="callbacks">Outbound calls to the chain's customer between its first and last call: a callback that
    /// hears or tells the visit was done (师傅上午来放了气) shows it as the customer saying so would.</param>
    public RepeatChain Attribute(IReadOnlyList<CallContact> calls, IReadOnlySet<string> inOutageCluster, IReadOnlyList<CallContact>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(inOutageCluster);
        var origin = calls[0];
        var evidence = new List<RootCauseEvidence>();
        var originGroup = policy.GroupOf(origin.Category);
        var deadline = origin.Category is not null && origin.Cue(RepeatCueFinder.Ticket) is not null && policy.TicketSla.TryGetValue(origin.Category, out var slas)
            ? SlaOf(origin, slas) is var sla ? (At: ServiceDeadline.After(origin.StartedAt, sla), Fact: sla) : default
            : default;

        foreach (var cause in policy.RootCauses)
        {
            foreach (var rule in origin.Rules.Where(r => cause.OriginRules.Contains(r, StringComparer.Ordinal)))
                evidence.Add(new(cause.Cause, rule.StartsWith('F') ? 3 : 2, origin.CallId, $"首通来电 {origin.CallId} 命中规则 {rule}"));
            if (originGroup is not null && cause.Groups.Contains(originGroup.Id, StringComparer.Ordinal))
                evidence.Add(new(cause.Cause, 1, origin.CallId, $"诉求属于“{originGroup.Name}”，反复来电"));
        }
        var chased = false;
        var visited = calls.Skip(1).Concat(callbacks ?? []).Any(c => c.Cue(RepeatCueFinder.Visited) is not null);
        for (var i = 1; i < calls.Count; i++)
        {
            var call = calls[i];
            var position = i + 1;
            var after = Hours(call.StartedAt - origin.StartedAt);
            var late = deadline.At is { } due && call.StartedAt > due;
            foreach (var cause in policy.RootCauses)
            {
                if (call.Cue(cause.Cause.ToString()) is not { } cue)
                    continue;
                var says = $"第 {position} 通来电（{after} 后）客户说“{cue.Text}”";
                // 等了一天 with no ticket made on the origin call is no ticket left unhandled: a clue, not evidence (1).
                var weight = cause.Cause == RootCause.R2 && origin.Cue(RepeatCueFinder.Ticket) is null ? 1 : 2;
                // 还是凉 with no visit said and no ticket past its deadline: nobody has been yet — a clue for a failed
                // repair, not evidence of one.
                if (!visited && !late && cause.StillCue?.Match(cue.Text).Success == true)
                    weight = 1;
                if (cause.Cause == RootCause.R2 && deadline.At is not null)
                {
                    chased = true;
                    weight = late ? 4 : 1;
                    says += late
                        ? $"，首通已派单，已超过时限（{deadline.Fact.Says}）"
                        : $"，首通已派单，仍在时限内（{deadline.Fact.Says}）";
                }
                evidence.Add(new(cause.Cause, weight, call.CallId, says));
            }
        }
        // What an agent of the chain finds on the record outweighs the customer's impression of it: 没人来 with a ticket
        // written to the wrong building is a first answer that was incomplete (R1), not a ticket left unhandled; a notice
        // sent to the previous owner's phone, found on the first call, is why the caller is back (R5).
        for (var i = 0; i < calls.Count; i++)
        {
            foreach (var cause in policy.RootCauses)
            {
                if (calls[i].Cue(RepeatCueFinder.AgentPrefix + cause.Cause) is { } found)
                    evidence.Add(new(cause.Cause, AgentFinding, calls[i].CallId, $"第 {i + 1} 通来电坐席查到“{found.Text}”"));
            }
        }
        // The caller's own reason for calling again (记不清了, 信号不好断了, 改个时间) leaves the default readings below out;
        // it is kept as R9 evidence of no weight so the explanation says why.
        var ownReason = calls.Skip(1).Select((c, i) => (Call: c, Position: i + 2, Cue: c.Cue(RepeatCueFinder.OwnReason)))
            .FirstOrDefault(c => c.Cue is not null);
        if (ownReason.Cue is { } own)
            evidence.Add(new(RootCause.R9, 0, ownReason.Call.CallId, $"第 {ownReason.Position} 通来电客户说“{own.Text}”（客户自身原因再次来电）"));
        // A ticket made and the caller back after its deadline (not saying the visit was done), with no other cause in
        // evidence (the customer names none, the origin broke no rule): the ticket was not handled in time is the reading an inspector starts from (decisive);
        // beside other evidence it is only a clue. (A cause the customer said weighs 2 here: an R2 cue with a deadline
        // sets `chased` and skips this.)
        if (!chased && !visited && ownReason.Cue is null && deadline.At is { } dueAt && calls.Skip(1).FirstOrDefault(c => c.StartedAt > dueAt) is { } lateCall)
            evidence.Add(new(RootCause.R2, evidence.Any(e => e.Weight >= Decisive) ? 1 : Decisive, lateCall.CallId, $"首通已派单，超过时限（{deadline.Fact.Says}）后再次来电"));
        // Every call of the chain about the same matter group (all billing) and nothing else in evidence: the matter itself
        // stayed unresolved — the group's cause is the reading to start from, as a late ticket is for repairs. The group's
        // clue above (1) and this point (1) make it decisive.
        if (originGroup is not null && ownReason.Cue is null && !evidence.Any(e => e.Weight >= Decisive)
            && calls.Skip(1).All(c => policy.GroupOf(c.Category)?.Id == originGroup.Id)
            && policy.RootCauses.FirstOrDefault(c => c.Groups.Contains(originGroup.Id, StringComparer.Ordinal)) is { } groupCause)
            evidence.Add(new(groupCause.Cause, 1, calls[^1].CallId, $"每通来电都是“{originGroup.Name}”，诉求一直未解决"));
        if (calls.FirstOrDefault(c => inOutageCluster.Contains(c.CallId)) is { } clustered)
            evidence.Add(new(RootCause.R3, 3, clustered.CallId, $"{clustered.CallId} 属于{clustered.Region}同时段多人反映停水/水压低的片区聚集"));

        var totals = Precedence.Select(c => (Cause: c, Weight: evidence.Where(e => e.Cause == c).Sum(e => e.Weight))).ToList();
        var best = totals.OrderByDescending(t => t.Weight).First(); // OrderBy is stable: ties keep the precedence order
        var rootCause = best.Weight >= Decisive ? best.Cause : RootCause.R9;
        return new RepeatChain(RepeatChain.ChainIdFor(origin.CallId), RepeatKind.Chain, calls, rootCause, evidence, Explain(rootCause, evidence));
    }

    private static Knowledge.KnowledgeFact SlaOf(CallContact origin, IReadOnlyList<Knowledge.KnowledgeFact> slas) =>
        slas.FirstOrDefault(f => origin.Cue(RepeatCueFinder.SlaPrefix + f.Id) is not null) ?? slas[^1];

    public static RepeatChain Cluster(IReadOnlyList<CallContact> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var callers = OutageClusterFinder.Customers(calls);
        var span = Hours(calls[^1].StartedAt - calls[0].StartedAt);
        var says = $"{calls[0].Region} {callers} 位不同来电人在 {span} 内反映停水/水压低（{string.Join('、', calls.Select(c => c.Category).Distinct())}），" +
                   "应是停水或施工信息未提前告知";
        var evidence = new[] { new RootCauseEvidence(RootCause.R3, 3, calls[0].CallId, says) };
        return new RepeatChain(RepeatChain.ClusterIdFor(calls[0].CallId), RepeatKind.Cluster, calls, RootCause.R3, evidence, Explain(RootCause.R3, evidence));
    }

    private static string Explain(RootCause cause, IReadOnlyList<RootCauseEvidence> evidence)
    {
        var head = $"{cause} {RootCauseNames.Chinese(cause)}";
        if (cause == RootCause.R9)
        {
            return evidence.Count == 0
                ? head + "：重复来电中没有找到可判定原因的线索"
                : head + "：线索不足以判定（" + string.Join("；", evidence.Select(e => $"{e.Cause} {e.Says}")) + "）";
        }
        var text = head + "：" + string.Join("；", evidence.Where(e => e.Cause == cause).Select(e => e.Says));
        var others = evidence.Where(e => e.Cause != cause).Select(e => $"{e.Cause} {e.Says}").ToList();
        return others.Count == 0 ? text : text + "。另有线索：" + string.Join("；", others);
    }

    private static string Hours(TimeSpan span) => span.TotalHours < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, span.TotalMinutes):0} 分钟")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} 小时");
}
