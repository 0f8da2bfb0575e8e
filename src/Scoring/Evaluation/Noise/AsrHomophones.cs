using System.Collections.Frozen;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// Same-sounding (or near, tones lost on 8 kHz phone audio) words that Whisper-style Chinese ASR writes for the
/// hotline's vocabulary. Written from the domain's words (knowledge base, taxonomy, everyday service talk) and the
/// usual ASR confusions — nín/nǐ, dropped tones, common variant characters — never from the rule files, so the noise
/// does not aim at any one rule. Longest word first wins where two overlap (二次供水 is one word, not 供水).
/// </summary>
internal static class AsrHomophones
{
    // word → what ASR may write instead (one of them, picked at random)
    private const string Table = """
        阶梯 接替 阶体
        工单 公单 工担
        户号 互号 护号
        户主 户住 护主
        水表 水标 水彪
        派单 派担 派丹
        维修 维休 为修
        报修 报休 保修
        抢修 抢休
        检修 检休
        暖气 暖器 暖汽
        供暖 公暖
        供热 公热
        供水 公水
        抱歉 报歉 抱欠
        工号 公号
        工作日 公作日
        核实 合实 合适
        核对 合对
        地址 地质
        小区 小曲
        单元 单员
        稍等 烧等
        滞纳金 滞纳今 致纳金
        采暖费 踩暖费
        水压 水鸭 水牙
        水质 水制 水志
        漏水 露水
        爆管 报管
        阀门 罚门
        停水 听水
        抄表 超表
        估抄 估超
        换表 换标
        过户 过互
        报停 报庭
        室温 湿温
        回访 回放
        回电 回店
        来电 来店
        登记 等级
        时限 实现
        小时 小事
        明细 明晰
        账单 帐单
        账户 帐户
        身份证 身分证
        反映 反应
        反馈 返馈
        安排 按排
        转接 转节
        部门 部们
        物业 物页
        管网 管往
        井盖 井概
        水箱 水香
        换热站 换热战
        开栓 开拴
        缴纳 交纳
        缴费 交费
        催办 催半
        加急 家急
        师傅 师父
        已经 以经
        马上 马尚
        不好意思 不好意识
        理解 里解
        着急 着吉
        麻烦 麻凡
        再见 在见
        请问 请稳
        您好 你好
        帮您 帮你
        给您 给你
        """;

    public static readonly FrozenDictionary<string, IReadOnlyList<string>> ByWord = Table
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToFrozenDictionary(parts => parts[0], IReadOnlyList<string> (parts) => parts[1..], StringComparer.Ordinal);

    public static readonly int LongestWord = ByWord.Keys.Max(w => w.Length);
}
