namespace SpeechQa.Scoring.Knowledge;

/// <summary>What a knowledge-base number measures, and so how it is read from speech.</summary>
public enum QuantityKind
{
    /// <summary>Money per unit, in yuan: 3.45元, 三块四毛五, 4块2.</summary>
    Yuan,

    /// <summary>Money per square metre: 22元/平方米, 每平米二十二块.</summary>
    YuanPerSquareMetre,

    /// <summary>A time span in minutes: 30分钟, 两个小时 (=120), 半小时.</summary>
    Minutes,

    /// <summary>Working days: 1个工作日.</summary>
    WorkingDays,

    /// <summary>Temperature: 18度, 18℃.</summary>
    Celsius,

    /// <summary>A rate: 万分之五 (=0.0005), 千分之三, 0.5%.</summary>
    Ratio,

    /// <summary>A volume stated as a limit: 180吨以内, 到260吨 (a usage like 用了170吨 is not read).</summary>
    Tons,

    /// <summary>A cycle in months: 两个月一次, 每个月 (=1), 每两个月.</summary>
    Months,

    /// <summary>A date in the year as month × 100 + day: 11月15日 (=1115), 十一月一号 (=1101).</summary>
    MonthDay,

    /// <summary>No number: a policy stated in words (阶梯按自然年累计); the fact's <c>claims</c> and <c>right</c> wording decide.</summary>
    Claim,
}
