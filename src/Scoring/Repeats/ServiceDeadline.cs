using SpeechQa.Scoring.Knowledge;

namespace SpeechQa.Scoring.Repeats;

/// <summary>When a ticket's time limit (a knowledge-base SLA) runs out. Working days skip Saturdays and Sundays in
/// China Standard Time; public holidays and 调休 working weekends are not known to the knowledge base yet.</summary>
public static class ServiceDeadline
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset? After(DateTimeOffset start, KnowledgeFact sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        switch (sla.Kind)
        {
            case QuantityKind.Minutes:
                return start.AddMinutes(sla.Value);
            case QuantityKind.WorkingDays:
            {
                var local = start.ToOffset(ChinaOffset);
                for (var left = (int)Math.Ceiling(sla.Value); left > 0;)
                {
                    local = local.AddDays(1);
                    if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                        left--;
                }
                return local;
            }
            default:
                return null;
        }
    }
}
