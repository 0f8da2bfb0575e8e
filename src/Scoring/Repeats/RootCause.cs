namespace SpeechQa.Scoring.Repeats;

/// <summary>Why a repeat chain happened (qa-taxonomy.md, "Repeat calls"); R9 when the evidence does not decide.</summary>
public enum RootCause
{
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R9,
}

/// <summary>The names inspectors read, zh-CN and English.</summary>
public static class RootCauseNames
{
    public static string Chinese(RootCause cause) => cause switch
    {
        RootCause.R1 => "首次答复错误或不完整",
        RootCause.R2 => "工单超时未处理",
        RootCause.R3 => "停水/施工信息未共享",
        RootCause.R4 => "水费争议未解决",
        RootCause.R5 => "通知未送达",
        RootCause.R6 => "维修质量/返修",
        _ => "其他/未判定",
    };

    public static string English(RootCause cause) => cause switch
    {
        RootCause.R1 => "first answer wrong or incomplete",
        RootCause.R2 => "ticket not handled within SLA",
        RootCause.R3 => "outage or works not communicated",
        RootCause.R4 => "billing dispute unresolved",
        RootCause.R5 => "notice not received",
        RootCause.R6 => "repair failed or came back",
        _ => "other or undetermined",
    };
}
