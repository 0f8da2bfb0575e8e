using System.Globalization;
using SpeechQa.Batch.Store;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.QaPortal.Portal.Reports;

/// <summary>One team's or agent's month: calls, fatal calls, errors per 100 calls, mean score.</summary>
public sealed record ReportLine(string Key, int Calls, int FatalCalls, int FatalHits, int NonFatalHits, double MeanScore)
{
    public double FatalPer100 => Calls == 0 ? 0 : 100.0 * FatalHits / Calls;
    public double NonFatalPer100 => Calls == 0 ? 0 : 100.0 * NonFatalHits / Calls;
}

/// <summary>The monthly hotline QA report (月度质检报告): overall, by team, by agent, top rules, repeat root causes.</summary>
public sealed record MonthlyReportData(string Month, ReportLine Overall, IReadOnlyList<ReportLine> Teams, IReadOnlyList<ReportLine> Agents,
    IReadOnlyList<(string Rule, int Calls)> Rules, IReadOnlyList<(string Cause, int Chains)> RootCauses);

/// <summary>Computes the month (China time) from the store; aggregates only, so it carries no personal data.</summary>
public sealed class MonthlyReport(StoreDataSource dataSource)
{
    public async Task<MonthlyReportData> ComputeAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var range = new SqlParameterList { { "from", from.ToUnixTimeMilliseconds() }, { "to", from.AddMonths(1).ToUnixTimeMilliseconds() } };
        var rows = await dataSource.QueryAsync(
            """
            SELECT c.team, c.agent_id, c.agent_name, j.score, j.fatal, j.hits FROM calls c JOIN call_judgements j ON j.call_id = c.call_id
            WHERE c.status = 'scored' AND c.started_at_ms >= @from AND c.started_at_ms < @to
            """, range,
            r => (Team: r.NullableString(0) ?? "—", Agent: $"{r.GetString(1)} {r.NullableString(2)}".Trim(), Score: r.ReadInt(3), Fatal: r.ReadLong(4) != 0, Hits: Hits(r.GetString(5))),
            cancellationToken).ConfigureAwait(false);
        ReportLine Line(string key, IEnumerable<(string Team, string Agent, int Score, bool Fatal, List<(string Rule, bool Fatal)> Hits)> calls)
        {
            var list = calls.ToList();
            return new ReportLine(key, list.Count, list.Count(c => c.Fatal), list.Sum(c => c.Hits.Count(h => h.Fatal)), list.Sum(c => c.Hits.Count(h => !h.Fatal)),
                list.Count == 0 ? 0 : Math.Round(list.Average(c => c.Score), 1));
        }
        var causes = await dataSource.QueryAsync(
            "SELECT root_cause, COUNT(*) FROM repeat_chains WHERE kind = 'chain' AND first_at_ms >= @from AND first_at_ms < @to GROUP BY root_cause ORDER BY root_cause",
            range, r => (r.GetString(0), (int)r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
        return new MonthlyReportData(
            month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Line("全部 all", rows),
            [.. rows.GroupBy(r => r.Team, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Line(g.Key, g))],
            [.. rows.GroupBy(r => r.Agent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Line(g.Key, g))],
            [.. rows.SelectMany(r => r.Hits.Select(h => h.Rule).Distinct()).GroupBy(r => r, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))],
            causes);
    }

    public static byte[] ToXlsx(MonthlyReportData report)
    {
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<object?> Header(string first) => [first, "通话量 calls", "致命通话 fatal calls", "每百通致命错误 fatal per 100", "每百通非致命错误 non-fatal per 100", "平均得分 mean score"];
        IReadOnlyList<object?> Row(ReportLine l) => [l.Key, l.Calls, l.FatalCalls, Math.Round(l.FatalPer100, 1), Math.Round(l.NonFatalPer100, 1), l.MeanScore];
        return XlsxWorkbook.Write(
        [
            new XlsxSheet("总览", [["月度质检报告 monthly QA report", report.Month], Header(""), Row(report.Overall)]),
            new XlsxSheet("班组", [Header("班组 team"), .. report.Teams.Select(Row)]),
            new XlsxSheet("坐席", [Header("坐席 agent"), .. report.Agents.Select(Row)]),
            new XlsxSheet("规则", [["规则 rule", "命中通话 calls"], .. report.Rules.Select(r => (IReadOnlyList<object?>)[r.Rule, r.Calls])]),
            new XlsxSheet("重复来电根因", [["根因 root cause", "链数 chains"], .. report.RootCauses.Select(c => (IReadOnlyList<object?>)
                [c.Cause + " " + (Enum.TryParse<RootCause>(c.Cause, out var rc) ? RootCauseNames.Chinese(rc) : ""), c.Chains])]),
        ]);
    }

    private static List<(string Rule, bool Fatal)> Hits(string hitsJson) =>
        [.. SpeechQa.Scoring.Judging.HitsJson.Read(hitsJson).Select(h => (h.Rule, h.Fatal))];
}
