using System.Text.RegularExpressions;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Dialogue;

/// <summary>
/// When the caller proved who they are: the sentence where they gave the account number and the one where they gave
/// the holder's name (in answer to the agent, or unasked). Verified = both given; before that sentence the agent may
/// not read out the account's data or do sensitive business on it (F01, F05).
/// </summary>
public sealed partial class IdentityTimeline
{
    private IdentityTimeline(int? accountAt, int? nameAt)
    {
        AccountGivenAt = accountAt;
        NameGivenAt = nameAt;
    }

    /// <summary>The callee's answer to "请问是吴先生吗" counts for the account only within the call's first sentences.</summary>
    private const int OutboundOpening = 3;

    public int? AccountGivenAt { get; }

    public int? NameGivenAt { get; }

    /// <summary>The sentence at which both were given, or null when the call never verified the caller.</summary>
    public int? VerifiedAt => AccountGivenAt is { } a && NameGivenAt is { } n ? Math.Max(a, n) : null;

    public bool IsVerifiedBefore(int sentence) => VerifiedAt is { } v && v < sentence;

    public static IdentityTimeline Read(CallView call, DialogueCues cues)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(cues);
        int? account = null, name = null;
        for (var i = 0; i < call.Sentences.Count; i++)
        {
            var s = call.Sentences[i];
            // 户号跟名字都对不上 — what was given does not prove who the caller is: it must be given again.
            if (s.Speaker == Speaker.Agent && (account is not null || name is not null) && cues["identity_mismatch"].Find(s.Speaker, s.Text) is { } mismatch)
            {
                // 户主姓名跟您说的对不上 faults the name alone: the account number the agent looked it up by still stands.
                if (NameFaulted().IsMatch(mismatch.Value) && !NumberFaulted().IsMatch(s.Text))
                    name = null;
                else
                    (account, name) = (null, null);
                continue;
            }
            // 核对上了 after the agent asked for both and the caller gave something: what the caller said in the sentences
            // before matches the account — even where the name came unasked or the number after 我不记得……我看下.
            if (s.Speaker == Speaker.Agent && (account is null || name is null) && (account is not null || name is not null || CallerSpokeSince(call, i, 3))
                && cues["identity_confirmed"].Find(s.Speaker, s.Text) is not null
                && AgentAskedRecently(call, cues["account_request"], i, 12) && AgentAskedRecently(call, cues["name_request"], i, 12))
            {
                // 户号我真记不得了 — then looked up by the address: the name matched, the account number was never given.
                if (!AccountRefusedSince(call, cues, i, 12))
                    account ??= i - 1;
                name ??= i - 1;
                continue;
            }
            // Both given: only a mismatch the agent points out can still change anything.
            if (s.Speaker != Speaker.Customer || (account is not null && name is not null) || Refused(cues, s.Text))
                continue;
            var askedAccount = AgentAskedRecently(call, cues["account_request"], i, 6);
            var askedName = AgentAskedRecently(call, cues["name_request"], i, 2);
            if (account is null && DigitRun().IsMatch(s.Text) && (askedAccount || cues["account_request"].Pattern.IsMatch(s.Text)))
                account = i;
            // An answer to "户主叫什么" that is a number (the phone asked in the same breath) names nobody.
            // 姓孙，叫孙……孙么来着 gives a surname and forgets the rest: no holder name.
            if (name is null && !NameForgotten().IsMatch(s.Text)
                && (cues["holder_named"].Find(s.Speaker, s.Text) is not null || (askedName && NameLike().IsMatch(NumberTalk().Replace(SpokenNumber().Replace(DigitRun().Replace(s.Text, ""), ""), "")))))
                name = i;
            // 请问是户主邓立伟先生吗？— 是。The agent said the name, the holder confirmed it (callbacks open this way).
            if (name is null && i > 0 && call.Sentences[i - 1] is { Speaker: Speaker.Agent } asked
                && cues["holder_asked"].Find(asked.Speaker, asked.Text) is not null && Affirmation().IsMatch(s.Text)
                && !SomeoneElseAnswers().IsMatch(s.Text))
            {
                name = i;
                // An outbound call rings the number registered on the account: the holder confirming their name at the
                // opening has proved both (a spouse or a tenant answering does not say 是 to the holder's name).
                if (call.Metadata.Direction == "outbound" && i <= OutboundOpening)
                    account ??= i;
            }
        }
        return new IdentityTimeline(account, name);
    }

    /// <summary>The caller says they cannot give it — unless a number follows the words (户号我不记得……我看下……520072217).</summary>
    private static bool Refused(DialogueCues cues, string text) =>
        cues["identity_refused"].Find(Speaker.Customer, text) is { } refusal
        && !DigitRun().IsMatch(text.AsSpan(refusal.Index + refusal.Length));

    /// <summary>Whether the caller said in the last few sentences that they cannot give the number, and gave none after.</summary>
    private static bool AccountRefusedSince(CallView call, DialogueCues cues, int sentence, int within)
    {
        var refused = false;
        for (var j = Math.Max(0, sentence - within); j < sentence; j++)
        {
            var s = call.Sentences[j];
            if (s.Speaker != Speaker.Customer)
                continue;
            if (Refused(cues, s.Text))
                refused = true;
            else if (DigitRun().IsMatch(s.Text))
                refused = false;
        }
        return refused;
    }

    /// <summary>Whether the caller said something in the last few sentences (您稍等，我核对一下 may come between the answer and 对上了).</summary>
    private static bool CallerSpokeSince(CallView call, int sentence, int within) =>
        AnyBefore(call, sentence, within, static s => s.Speaker == Speaker.Customer);

    /// <summary>Whether the agent asked this in one of the few sentences before (the caller's answer follows the question).</summary>
    private static bool AgentAskedRecently(CallView call, DialogueCue cue, int sentence, int within) =>
        AnyBefore(call, sentence, within, s => s.Speaker == Speaker.Agent && cue.Find(s.Speaker, s.Text) is not null);

    /// <summary>Whether one of the <paramref name="within"/> sentences before this one is such a sentence.</summary>
    private static bool AnyBefore(CallView call, int sentence, int within, Func<TranscriptSegment, bool> such)
    {
        for (var j = sentence - 1; j >= 0 && j >= sentence - within; j--)
        {
            if (such(call.Sentences[j]))
                return true;
        }
        return false;
    }

    /// <summary>A mismatch the agent points out that names the name or the holder (户主姓名…对不上).</summary>
    // 登记的是王贵林，不是王桂兰 names another person: the name is faulted, not the number.
    [GeneratedRegex(@"名|户主|人|是[\u4e00-\u9fa5]{2,4}[啊呀哦]?[，,](不是|并不是)")]
    private static partial Regex NameFaulted();

    /// <summary>A mismatch that names the number too (户号跟名字都对不上): then nothing given stands.</summary>
    [GeneratedRegex("户号|账号|号码|编号|信息")]
    private static partial Regex NumberFaulted();

    /// <summary>An account number as said: six or more digits, Arabic or spoken (幺 and 两 included), spaces allowed.</summary>
    // 零六三一，嗯，44720: a filler between the groups of an account number still reads as one run.
    [GeneratedRegex(@"(?:[0-9０-９零〇幺一二两三四五六七八九][\s,，、.…-]{0,2}(?:[嗯呃额][\s,，、.…-]{0,2})?){6,}")]
    private static partial Regex DigitRun();

    /// <summary>A reply that says yes: 是 / 对 / 是我 / 我就是, after a filler or the 喂喂？ of picking up.</summary>
    // 系我 / 係 / 啱: the Cantonese yes.
    [GeneratedRegex(@"^[嗯哦啊哎诶唉喂，,。？?！! ]*(是|系(?!统)|係|啱|对|我就是|就是我|没错|嗯是)")]
    private static partial Regex Affirmation();

    /// <summary>是，我是他儿媳妇 / 是他家，他不在: the household answered, not the holder.</summary>
    [GeneratedRegex("(他|她)(不在|出去|上班)|我是(他|她)|(他|她)(的)?(儿|女|老|爱|媳|孙|妈|爸|爹|娘|弟|哥|姐|妹|家|租)")]
    private static partial Regex SomeoneElseAnswers();

    [GeneratedRegex("[零〇幺一二两三四五六七八九]{3,}")]
    private static partial Regex SpokenNumber();

    /// <summary>Words about the number in an answer to "户号和户主姓名" (户号我有，…) that name nobody.</summary>
    [GeneratedRegex("户号|账号|帐号|号码|编号|我有|我这有|就是|是")]
    private static partial Regex NumberTalk();

    /// <summary>A name in an answer: two to four Han characters that are not a filler-only reply.</summary>
    [GeneratedRegex(@"[\u4e00-\u9fa5]{2,4}")]
    private static partial Regex NameLike();

    /// <summary>An answer that forgets the name it was asked for (孙么来着, 记不清了, 只知道姓孙).</summary>
    // 你那儿不是能查着吗 leaves the name to the agent's lookup.
    // 我上哪问去 — the caller has no way to learn the name; 记不太清 forgets it too; 全名没记住 / 就知道姓刘 gives a surname at
    // most; 你们系统里不都有嘛 / 一查就知道 leaves it to the lookup.
    [GeneratedRegex("(上哪|去哪)(儿)?(问|找|查)|(你|您)(那儿|那边|那里|那)(不是)?能查(着|到|出来)|(你|您)(们)?(系统|电脑)(里|上)?(不是|不)?都有|(你|您)(们)?一查就(知道|有|出来)|(什么|啥|么|么子|啥子|哪样)来着|记不(太)?(清|得|住|起来)|想不起来|忘(了|记了)(叫)?(啥|什么|全名|名字)?|不(知道|晓得|清楚)(全名|叫啥|叫什么|名字)|(只|就)(知道|晓得)(他|她)?姓|(全名|名字|大名)(我)?(没|不)(记住|记得|记着|记下|记清)")]
    private static partial Regex NameForgotten();
}
