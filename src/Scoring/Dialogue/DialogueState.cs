using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Privacy;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Dialogue;

/// <summary>
/// What happened in a call, read once and shared by every rule: identity verification over time, whose data the agent
/// read out, the tickets the agent made (not merely mentioned), time limits and callbacks given for them, the
/// customer's upset and the agent's empathy. Read from the cue table and, when the dialogue-act model ran, from its
/// per-sentence acts (an act with p ≥ <see cref="ActThreshold"/> counts as the cue).
/// </summary>
public sealed partial class DialogueState
{
    public const double ActThreshold = 0.9;

    /// <summary>Complaint wording is everywhere in hotline calls (水费怎么这么贵); the act counts only when the model is nearly sure.</summary>
    public const double ComplaintThreshold = 0.99;

    /// <summary>
    /// The fewest letters a customer sentence needs before the model alone may call it a complaint: a two-character
    /// answer (冇了, 没了) carries no complaint, and the model, which learned 冇 from 冇水/冇人来, was sure it did.
    /// </summary>
    public const int ComplaintMinLetters = 3;

    /// <summary>Sentences before the first ticket whose time limit or callback still belongs to it (我给您派单，师傅两小时内到).</summary>
    private const int TicketLead = 2;

    /// <summary>Sentences from an offer to the ticket it became (可以帮您报上去，三个工作日内回电，您看行吗？— 行 — 已经登记了):
    /// the time or callback the offer named belongs to that ticket.</summary>
    private const int OfferReach = 5;

    private readonly Dictionary<DialogueEvent, List<DialogueMoment>> _events = [];

    private DialogueState(IdentityTimeline identity) => Identity = identity;

    public IdentityTimeline Identity { get; }

    public IReadOnlyList<DialogueMoment> Events(DialogueEvent kind) => _events.TryGetValue(kind, out var list) ? list : [];

    public static DialogueState Read(CallView call, DialogueCues cues)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(cues);
        var state = new DialogueState(IdentityTimeline.Read(call, cues));
        if (state.Identity.VerifiedAt is { } verified)
            state.Add(DialogueEvent.IdentityVerified, verified, "户号与户主姓名已提供 account number and holder name given");
        var firstTicket = -1;
        var sensitiveDone = false;
        // Each sentence's letters and digits with numbers as digits, made once: a read-back is compared with up to ten
        // of the caller's sentences for every agent sentence.
        var plainNumerals = new string?[call.Sentences.Count];
        var earlier = call.Sentences.Any(x => cues["earlier_ticket"].Find(x.Speaker, x.Text) is not null);
        var feedback = call.Sentences.Any(x => cues["feedback_only"].Find(x.Speaker, x.Text) is not null);
        // A repair done before that came back (修了没两个月又漏了): the old ticket is closed, so one made now is new.
        var reopened = earlier && call.Sentences.Any(x => cues["repair_came_back"].Find(x.Speaker, x.Text) is not null);
        for (var i = 0; i < call.Sentences.Count; i++)
        {
            var s = call.Sentences[i];
            string? Cue(string name) => cues[name].Find(s.Speaker, s.Text)?.Value;
            bool Act(string label) => call.SentenceLabels is { } acts && i < acts.Count && acts[i].TryGetValue(label, out var p)
                && (label == "complaint" ? p >= ComplaintThreshold && Rules.Conditions.SentenceSimilarity.SpokenLength(s.Text) >= ComplaintMinLetters : p >= ActThreshold);
            if (s.Speaker == Speaker.Customer)
            {
                if ((Cue("customer_upset") ?? (Act("complaint") ? "act:complaint" : null)) is { } upset)
                    state.Add(DialogueEvent.CustomerUpset, i, upset);
                if ((Cue("asks_when") ?? (Act("asks_when") ? "act:asks_when" : null)) is { } when)
                    state.Add(DialogueEvent.AsksWhen, i, when);
                continue;
            }
            if (s.Speaker != Speaker.Agent)
                continue;
            if ((Cue("agent_empathy") ?? (Act("empathy") ? "act:empathy" : null)) is { } empathy)
                state.Add(DialogueEvent.AgentEmpathy, i, empathy);
            if (DisclosureAt(call, cues, state.Identity, i, plainNumerals, earlier) is { } disclosed)
                state.Add(DialogueEvent.Disclosure, i, disclosed);
            // 702户主杜卫东…已经报停了 tells another household's status (a disclosure, F01), not a business done for the caller;
            // 给他家登记报停了 is still done (for the neighbour the caller speaks for).
            var completedSensitive = CompletedSensitiveRequest(call, cues, i);
            var done = Cue("sensitive_done");
            if ((done is not null || completedSensitive is not null) && IsOthersStatus(s.Text, cues))
                (done, completedSensitive) = (null, null);
            sensitiveDone |= done is not null;
            if ((done ?? completedSensitive ?? OwnBillBeforeVerification(call, cues, i, plainNumerals)) is { } sensitive && !state.Identity.IsVerifiedBefore(i))
                state.Add(DialogueEvent.SensitiveUnverified, i, $"{sensitive}（核实前 before verification）");
            // 已经登记好了 after a suspension or a phone change completes that business: no repair ticket.
            // A praise or a suggestion noted and passed on (记下来转给班组) is no ticket; a dispatch in that call still is. The
            // agent passing on praise in the caller's plain words (您的表扬我们转给班组, after 小伙子蛮好) is no ticket either.
            var dispatch = DispatchWords.Any(w => s.Text.Contains(w, StringComparison.Ordinal));
            var passedOn = FeedbackWords.Any(w => s.Text.Contains(w, StringComparison.Ordinal)) || (feedback && NotedAndPassedOn().IsMatch(s.Text));
            if (completedSensitive is null && TicketAt(s.Text, cues, Act("ticket_created")) is { } ticket
                && (feedback ? dispatch && !passedOn : dispatch || !passedOn) && !OfferDeclined(call, cues, i))
            {
                // The caller reported it before: unless the agent makes a new one (重新派单), the ticket talked about is the
                // old one — neither a new ticket nor a chase (a chase needs its own words: 催办, 加急).
                // 再给您催一下 chases the old ticket: that 再给您 makes no new one.
                var unchased = earlier ? s.Text.Replace("再给您催", "", StringComparison.Ordinal) : s.Text;
                if (!earlier || reopened || NewTicketWords.Any(w => unchased.Contains(w, StringComparison.Ordinal)))
                {
                    state.Add(DialogueEvent.AgentTicket, i, ticket);
                    if (firstTicket < 0)
                        firstTicket = i;
                }
            }
            if (Cue("ticket_chase") is { } chase && !cues["ticket_offer"].Pattern.IsMatch(s.Text))
                state.Add(DialogueEvent.TicketChased, i, chase);
            if ((Cue("read_back") ?? (Act("read_back") ? "act:read_back" : null) ?? RepeatedData(call, i, plainNumerals) ?? EchoedDetails(call, i, plainNumerals)) is { } readBack)
                state.Add(DialogueEvent.ReadBack, i, readBack);
            var wait = Cue("wait_notice");
            if (wait is not null)
                state.Add(DialogueEvent.WaitNotice, i, wait);
            // 排到了就过去 / 看站里安排 reads as a time to the model but names none: the model's guess gives way to the words.
            if ((Cue("time_limit") ?? (Act("time_limit") && wait is null ? "act:time_limit" : null)) is { } limit)
                state.Add(DialogueEvent.TimeLimit, i, limit);
            if ((Cue("ticket_number") ?? Cue("callback") ?? (Act("ticket_number") || Act("callback_promised") ? "act:callback" : null)) is { } told)
                state.Add(DialogueEvent.TicketNumberOrCallback, i, told);
        }
        if (earlier)
        {
            for (var i = 0; i < call.Sentences.Count; i++)
            {
                if (cues["repair_not_done"].Find(call.Sentences[i].Speaker, call.Sentences[i].Text) is { } notDone)
                {
                    state.Add(DialogueEvent.RepairNotDone, i, notDone.Value);
                    break;
                }
            }
        }
        var inferredTicket = false;
        if (firstTicket < 0 && !feedback && InferredTicket(call, cues, state, earlier, sensitiveDone) is { } inferred)
        {
            state.Add(DialogueEvent.AgentTicket, inferred.Sentence, inferred.Evidence);
            firstTicket = inferred.Sentence;
            inferredTicket = true;
        }
        // A time limit or callback belongs to a ticket only from just before the agent made it — or, for a time, when it
        // says who comes or handles it (1个工作日内会有师傅过去处理, said before 已经给您派单了), or when it was named in the
        // offer the caller accepted.
        // A ticket known only from its number (or its visit time) was made at a moment the words do not show: what the agent
        // promised before it in the call is for it.
        var from = firstTicket < 0 ? int.MaxValue : inferredTicket ? 0 : firstTicket - TicketLead;
        foreach (var kind in new[] { DialogueEvent.TimeLimit, DialogueEvent.TicketNumberOrCallback })
        {
            if (state._events.TryGetValue(kind, out var list))
                list.RemoveAll(m => m.Sentence < from && !(firstTicket >= 0
                    && ((kind == DialogueEvent.TimeLimit && VisitWords.Any(w => call.Sentences[m.Sentence].Text.Contains(w, StringComparison.Ordinal)))
                        || (firstTicket - m.Sentence <= OfferReach && cues["ticket_offer"].Pattern.IsMatch(call.Sentences[m.Sentence].Text)))));
        }
        return state;
    }

    /// <summary>
    /// A ticket the agent made without naming the act: a ticket number given, or details read back and then a time
    /// for the visit — unless the caller had reported it before (then the number or time is about that ticket).
    /// </summary>
    private static DialogueMoment? InferredTicket(CallView call, DialogueCues cues, DialogueState state, bool reportedBefore, bool sensitiveDone)
    {
        // A callback (outbound) or a caller who reported it before: a number or a time is about the earlier ticket.
        if (reportedBefore || call.Metadata.Direction == "outbound")
            return null;
        // A suspension being registered (报停已经登记上了) brings its own receipt number and its own visit to seal the valve:
        // a number or a time for it is the suspension's, not a repair ticket's.
        if (sensitiveDone)
            return null;
        var number = state.Events(DialogueEvent.TicketNumberOrCallback).FirstOrDefault(m => cues["ticket_number"].Pattern.IsMatch(call.Sentences[m.Sentence].Text)
            && cues["ticket_action"].Exclude?.IsMatch(call.Sentences[m.Sentence].Text) != true);
        if (number is not null)
            return new DialogueMoment(DialogueEvent.AgentTicket, number.Sentence, $"{number.Evidence}（给出单号，推断已建单 ticket inferred from its number）");
        var readBacks = state.Events(DialogueEvent.ReadBack);
        var readBack = readBacks.Count > 0 ? readBacks[0] : null;
        // A visit time inside an offer (要是还不放心，可以给您报个核查，三个工作日内上门) makes no ticket.
        var visit = readBack is null ? null : state.Events(DialogueEvent.TimeLimit).FirstOrDefault(m => m.Sentence >= readBack.Sentence
            && VisitWords.Any(w => call.Sentences[m.Sentence].Text.Contains(w, StringComparison.Ordinal))
            && !cues["ticket_offer"].Pattern.IsMatch(call.Sentences[m.Sentence].Text)
            && !cues["sensitive_topic"].Pattern.IsMatch(call.Sentences[m.Sentence].Text) // the visit of a suspension, a transfer…
            && !RelayedEstimate().IsMatch(call.Sentences[m.Sentence].Text) // 抢修队说下午三点左右能修好: an outage's estimate passed on
            && !call.Sentences[m.Sentence].Text.Contains("规定", StringComparison.Ordinal)); // the rule stated (抢修的规定是…), no commitment
        return visit is null ? null : new DialogueMoment(DialogueEvent.AgentTicket, visit.Sentence, $"{visit.Evidence}（复述后告知上门时限，推断已建单 ticket inferred）");
    }

    /// <summary>
    /// A spoken sentence (up to 。？！) that names another household and says a business is done (702户主杜卫东…已经报停了)
    /// reports their status; unless the agent did it for them (给他家登记报停了). Read only for a sentence that reports a
    /// business done at all.
    /// </summary>
    private static bool IsOthersStatus(string text, DialogueCues cues)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = ClauseMarks.PieceEnd(text, start, ClauseMarks.FullStopSet);
            var spoken = text[start..end];
            if (cues["third_party"].Find(Speaker.Agent, spoken) is not null && !DoneForSomeone().IsMatch(spoken)
                && (cues["sensitive_done"].Pattern.IsMatch(spoken) || cues["action_completed"].Pattern.IsMatch(spoken)))
                return true;
            start = end;
        }
        return false;
    }

    /// <summary>Sentences back in which a sensitive request (报停, 改电话…) still gives a bare 改好了 / 办上了 its object.</summary>
    private const int SensitiveTopicReach = 10;

    /// <summary>
    /// 改好了 / 给您办上了 without naming what: sensitive when a sensitive request (a transfer, a phone change, a refund, a
    /// suspension, bill details) was talked about in the sentences just before.
    /// </summary>
    private static string? CompletedSensitiveRequest(CallView call, DialogueCues cues, int i)
    {
        var s = call.Sentences[i];
        if (cues["action_completed"].Find(s.Speaker, s.Text) is not { } done)
            return null;
        for (var k = i; k >= Math.Max(0, i - SensitiveTopicReach); k--)
        {
            if (cues["sensitive_topic"].Find(call.Sentences[k].Speaker, call.Sentences[k].Text) is { } topic)
                return $"{done.Value}（{topic.Value}）";
        }
        return null;
    }

    // A complaint registered about an earlier repair (登记投诉) is a new ticket of its own, whatever was reported before.
    private static readonly string[] NewTicketWords = ["重新", "再给您", "再派", "另外", "新建", "新开", "返修", "再开", "投诉"];

    private static readonly string[] DispatchWords = ["派", "报修", "抢修", "上门", "维修"];

    /// <summary>In a feedback call, a sentence that passes the praise or suggestion on (您这表扬我给记下来) makes no ticket even
    /// where it names the repair praised (前天夜里抢修的那一班).</summary>
    private static readonly string[] FeedbackWords = ["表扬", "建议", "意见", "线索"];

    private static readonly string[] VisitWords = ["处理", "上门", "到场", "到现场", "过去", "维修", "抢修", "出发", "师傅", "到您家", "来人", "修好"];

    private void Add(DialogueEvent kind, int sentence, string evidence)
    {
        if (!_events.TryGetValue(kind, out var list))
            _events[kind] = list = [];
        list.Add(new DialogueMoment(kind, sentence, evidence));
    }

    /// <summary>我可以给您派个师傅复测 — 那倒不用了: an offer the caller turns down in the next turn makes no ticket (one taken up does).</summary>
    private static bool OfferDeclined(CallView call, DialogueCues cues, int sentence)
    {
        if (!OfferWords().IsMatch(call.Sentences[sentence].Text))
            return false;
        for (var j = sentence + 1; j < call.Sentences.Count && j <= sentence + 2; j++)
        {
            if (call.Sentences[j].Speaker == Speaker.Customer)
                return cues["offer_declined"].Find(Speaker.Customer, call.Sentences[j].Text) is not null;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex("可以(给您|帮您|给你|帮你)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OfferWords();

    /// <summary>The agent's own ticket: an action in the first person, not an offer or question, not another party's order.</summary>
    private static string? TicketAt(string text, DialogueCues cues, bool act)
    {
        if (cues["ticket_offer"].Pattern.IsMatch(text) || cues["other_party_order"].Pattern.IsMatch(text))
            return null;
        return cues["ticket_action"].Find(Speaker.Agent, text)?.Value ?? (act ? "act:ticket_created" : null);
    }

    /// <summary>
    /// Personal data the agent says that the caller did not say first, when it belongs to another household (a
    /// third-party word in the same clause, or the caller just asked for someone else's data) or the caller is not
    /// yet verified.
    /// </summary>
    private static string? DisclosureAt(CallView call, DialogueCues cues, IdentityTimeline identity, int sentence, string?[] plainNumerals, bool earlierReport)
    {
        var text = call.Sentences[sentence].Text;
        // 您这个来电号码 is the caller's own line, not a disclosure — but what the agent reads off the account it finds by
        // that number (the address, the arrears) still is, to a caller not yet verified.
        var ownLine = cues["own_line"].Pattern.IsMatch(text);
        // Digits read in groups (3702 03 1978 06 12 541X) are one number to the recogniser; the evidence reads the joined text.
        text = DigitGroupBreaks().Replace(SpokenDigits.ToArabic(text), "");
        var spans = PersonalDataRecognizer.Find(text)
            .Where(p => p.Kind is not PersonalDataKind.Account && !(ownLine && p.Kind == PersonalDataKind.Phone) && !TicketNumberBefore(text, p.Start)
                && !(p.Kind == PersonalDataKind.BankCard && SaidTwice(p.Text))
                && !SaidByCustomerBefore(call, sentence, p.Text, plainNumerals)
                && !(p.Kind == PersonalDataKind.Phone && (OrganisationPhone().IsMatch(text.AsSpan(Math.Max(0, p.Start - 20), Math.Min(20, p.Start)))
                    || OrganisationPhoneAnnounced(call, sentence))))
            .Select(p => (p.Start, p.Length, Label: p.Kind.ToString()))
            .ToList();
        // An amount the caller said first (二百零八块交了两回 → 二百零八块原路退回) is theirs repeated, not told to them.
        if (cues["arrears_amount"].Find(Speaker.Agent, text) is { } arrears && !AmountSaidByCustomerBefore(call, sentence, arrears.Value, plainNumerals))
            spans.Add((arrears.Index, arrears.Length, "Arrears"));
        foreach (var (start, length, label) in spans)
        {
            var ownMarked = OwnMarkers.Any(m => text[..start].Contains(m, StringComparison.Ordinal));
            var thirdParty = ThirdPartyBefore(text, start, length, cues) || (!ownMarked && CallerAskedForOthers(call, cues, sentence));
            if (thirdParty)
                return $"{label}: {PersonalDataRecognizer.Mask(text.Substring(start, length))}（他人信息 another household's data）";
            // 地址是…四零一，对吧？ asks the caller to confirm their own address (a chase, a callback): not told to them.
            // 一三九零三一一二八七四，对吧？ right after the caller said a phone (and corrected it: 二八四七……不对，是二八七四)
            // reads back what the caller gave, even where the digits of the two turns do not line up.
            // So is the contact phone read back with a ticket the agent has just made (您的电话一三九…，对吗？): the number the
            // call came from or the caller gave, put to the caller to confirm.
            // The question may also come right after the number, the sentence going on (18672045531，对吧？我给你派个师傅).
            // A caller chasing what they reported before is asked to confirm the contact phone on that report: their own.
            var readBackQuestion = (ConfirmationQuestion().IsMatch(text) || ConfirmationRightAfter().IsMatch(text[(start + length)..]))
                && ((label == nameof(PersonalDataKind.Address) && !ownLine)
                    || (label == nameof(PersonalDataKind.Phone) && (CallerJustGavePhone(call, sentence, text.Substring(start, length)) || TicketMadeBy(call, cues, sentence) || earlierReport)));
            if (!identity.IsVerifiedBefore(sentence) && !readBackQuestion)
                return $"{label}: {PersonalDataRecognizer.Mask(text.Substring(start, length))}（未核实身份 caller not verified）";
        }
        return null;
    }

    /// <summary>Words that bring a sentence back to the caller's own account after another household was named.</summary>
    private static readonly string[] OwnAgain = ["您的", "您家", "您这", "这个户", "本户"];

    /// <summary>
    /// A third-party word in the data's clause, or earlier in the sentence with no "your" (您的/您家) between it and the
    /// data: 楼上那户，欠了… is another household's; 楼下我们也去看，您的电话… is the caller's own.
    /// </summary>
    private static bool ThirdPartyBefore(string text, int start, int length, DialogueCues cues)
    {
        // The cue's exclude (我们家那户, 您家冠英街那户) names the caller's own household in that clause.
        var cue = cues["third_party"];
        bool SpeaksOfOthers(string clause) => cue.Pattern.IsMatch(clause) && cue.Exclude?.IsMatch(clause) != true;
        if (SpeaksOfOthers(ClauseAround(text, start, length)))
            return true;
        var before = text[..start];
        var third = cue.Pattern.Matches(before).LastOrDefault(m => SpeaksOfOthers(ClauseAround(text, m.Index, m.Length)));
        if (third is null)
            return false;
        var between = before[(third.Index + third.Length)..];
        // …交到别的户号上去了，所以这个户还欠一百零二: the account talked about is back to the caller's own.
        return !OwnAgain.Any(w => between.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// The agent echoing what the caller just said (three sentences back) with a run of at least five characters that
    /// holds a number or an address word — 光明里九号楼一门六零二, 六六零三二幺四八七九 — is a read-back.
    /// </summary>
    private static string? EchoedDetails(CallView call, int sentence, string?[] plainNumerals)
    {
        // Numbers compared as digits: the caller says 三幢，一八零二, the agent reads back 3幢1802.
        string PlainNumerals(int k) => PlainNumeralsOf(call, k, plainNumerals);
        var said = PlainNumerals(sentence);
        // A read-back run is part of the agent's sentence: one with too few numerals and address characters for any run
        // to qualify needs no comparison (this runs on every agent sentence without a read-back cue).
        if (NumeralCount(said) < 3 && AddressCount(said) < 2)
            return null;
        // Agents gather the details first and read them back with the ticket, several turns later.
        for (var j = sentence - 1; j >= 0 && j >= sentence - EchoReach; j--)
        {
            if (call.Sentences[j].Speaker != Speaker.Customer)
                continue;
            var run = LongestCommonRun(said, PlainNumerals(j));
            if (run.Length >= 5 && !TimeWords.Any(w => run.Contains(w, StringComparison.Ordinal))
                && (NumeralCount(run) >= 3 || AddressCount(run) >= 2) && !IsTicketNumberAt(said, said.IndexOf(run, StringComparison.Ordinal), run.Length)
                && !IsTicketNumberAnswer(call, j, PlainNumerals(j), run))
                return $"复述 read back {PersonalDataRecognizer.Mask(run)}";
        }
        return null;
    }

    /// <summary>
    /// Whether the span at <paramref name="at"/> is a ticket number (单号是W20886, W20886这个单子): the caller quoted it and the
    /// agent repeats it to confirm the old ticket, not the caller's address, account or phone.
    /// </summary>
    private static bool IsTicketNumberAt(string text, int at, int length) =>
        at >= 0 && (TicketNumberAround().IsMatch(text[Math.Max(0, at - 4)..at]) || TicketNumberAfter().IsMatch(text[(at + length)..]));

    /// <summary>
    /// Whether the caller's sentence <paramref name="j"/> gave <paramref name="run"/> as a ticket number: an answer to the
    /// agent's 单号多少？, or said right after 单号 — repeating it confirms the old ticket and reads back none of the
    /// caller's address, account or phone (N03).
    /// </summary>
    private static bool IsTicketNumberAnswer(CallView call, int j, string plain, string run)
    {
        // An address given instead (工单号没记，地址是…) is the caller's detail, whatever the question was.
        if (AddressCount(run) >= 2)
            return false;
        for (var k = j - 1; k >= 0; k--)
        {
            if (call.Sentences[k].Speaker != Speaker.Agent)
                continue;
            if (TicketNumberQuestion().IsMatch(call.Sentences[k].Text))
                return true;
            break;
        }
        var at = plain.IndexOf(run, StringComparison.Ordinal);
        return at >= 0 && CallerTicketNumber().IsMatch(plain[Math.Max(0, at - 4)..at]);
    }

    private static int NumeralCount(string text) => text.Count(c => char.IsDigit(c) || Numerals.Contains(c, StringComparison.Ordinal));

    /// <summary>Address characters in the text, those of everyday place words (楼道, 楼下, 院里) left out: 楼道里那个 names no address.</summary>
    private static int AddressCount(string text)
    {
        var count = text.Count(c => AddressWords.Contains(c, StringComparison.Ordinal));
        foreach (var word in EverydayPlaces)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                count -= word.Count(c => AddressWords.Contains(c, StringComparison.Ordinal));
        }
        return count;
    }

    private static readonly string[] EverydayPlaces = ["楼道", "楼下", "楼上", "楼梯", "楼里", "院里", "院子", "屋里"];

    private const int EchoReach = 10;

    private static readonly string[] OwnMarkers = ["您这户", "您家", "您的", "您这", "您户", "您本人"];

    private const string Numerals = "零〇一二两三四五六七八九十幺";
    private const string AddressWords = "路街号楼栋幢单元室院区里村巷道";
    private static readonly string[] TimeWords = ["工作日", "小时", "分钟", "天", "点"];

    private static string LongestCommonRun(string a, string b)
    {
        var best = (Start: 0, Length: 0);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                if (current[j] > best.Length)
                    best = (i - current[j], current[j]);
            }
            (previous, current) = (current, previous);
        }
        return a.Substring(best.Start, best.Length);
    }

    /// <summary>Reading out the account's arrears or bill amount is reading its bill details (F05 when not yet verified).</summary>
    private static string? OwnBillBeforeVerification(CallView call, DialogueCues cues, int sentence, string?[] plainNumerals)
    {
        // Even a lone arrears total told to an unverified caller is the bill read out (查账单, F05) as well as a disclosure
        // (F01) — the labelling guide's convention, decided on the dev sets where authors differed (docs/rules-evaluation.md).
        // On a callback (outbound) 他家/他 is the household called about — the account whose bill it is — not another one.
        var text = call.Sentences[sentence].Text;
        // The caller's own figure asked back (您说欠费一百二十块，是吧？) reads nothing off the account.
        return cues["arrears_amount"].Find(Speaker.Agent, text) is { } amount
               && (call.Metadata.Direction == "outbound" || !ThirdPartyBefore(text, amount.Index, amount.Length, cues))
               && !AmountSaidByCustomerBefore(call, sentence, amount.Value, plainNumerals)
            ? $"读出账单明细 bill details read out: {amount.Value}"
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("(单号|单子|工单|编号|受理号|登记号)[是为：:]?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TicketNumberAround();

    // 给他家/帮她 — the agent acting for the household spoken of; 给您 — for the caller, whoever else the sentence names (房东说行就给您办上了).
    [System.Text.RegularExpressions.GeneratedRegex("(给|帮|替)(他|她|人家|他们|她们|您|你)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DoneForSomeone();

    // 抢修队说…/他们说… — a time someone else gave, relayed (an outage's repair estimate), is no commitment of the agent's;
    // nor is a works already under way (已经在修了) or supply coming back (预计三点恢复): the outage's time, not a visit.
    [System.Text.RegularExpressions.GeneratedRegex("(抢修队|维修队|施工队|队里|那边|他们|现场|师傅)(那边)?(说|讲|估计|预计)|(已经|正在)在?(抢)?修|预计[^。？！]{0,10}恢复", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RelayedEstimate();

    [System.Text.RegularExpressions.GeneratedRegex("^(这|那)(个|张)?(单子|工单|单)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TicketNumberAfter();

    /// <summary>The words a ticket's number is named by (not 单子, which callers also say of a bill).</summary>
    private const string TicketNumberWords = "单号|单子号|工单号|受理号|编号";

    // 单号多少？/ 您当时给过您单号没有？/ 工单号报一下 — the agent asks for the number of a ticket the caller has.
    [System.Text.RegularExpressions.GeneratedRegex("(" + TicketNumberWords + ")[^。]{0,8}([？?]|报一下|说一下|念一下|告诉我|报给我|给我)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TicketNumberQuestion();

    // The caller's 单号是… (not 单子, which callers also say of a bill: 我看下单子，是0205…).
    [System.Text.RegularExpressions.GeneratedRegex("(" + TicketNumberWords + ")[是为]?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CallerTicketNumber();

    /// <summary>A ticket-number word right before digits the agent says, a colon or comma between (工单号是：…).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(" + TicketNumberWords + ")[是为：:，, ]{0,3}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TicketNumberWord();

    /// <summary>The words that put what was just said back to the caller (…，对吗？).</summary>
    private const string AskedBack = "对吧|对吗|是吧|是吗|没错吧|没错吗|对不对|是不是";

    /// <summary>A sentence ending in a question back, or in 吧 and the Wu 伐.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(" + AskedBack + "|吧|对伐|是伐|伐)[？?。]?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ConfirmationQuestion();

    /// <summary>A question back right after a number, the sentence going on.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[，,、 ]?(" + AskedBack + ")[？?]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ConfirmationRightAfter();

    /// <summary>The agent's sentence before this one, a few sentences back at most, announced an organisation's number
    /// (我把人力资源部的电话给您 — 电话是0991…): the number that follows is that organisation's.</summary>
    private static bool OrganisationPhoneAnnounced(CallView call, int sentence)
    {
        for (var k = sentence - 1; k >= Math.Max(0, sentence - 3); k--)
        {
            if (call.Sentences[k].Speaker == Speaker.Agent)
                return OrganisationPhone().IsMatch(call.Sentences[k].Text);
        }
        return false;
    }

    /// <summary>A duty line, a service number, a property office's or a station's phone, given so the caller can ring it: no one's personal data.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(值班|服务|客服|报修|热线|办公|总机)(室)?的?(电话|号码)|(维修|抢修|上门)的?师傅[^，。？]{0,8}(电话|号码)|师傅(姓|叫)[^，。？]{1,3}[，,]?(电话|号码)|(物业|公司|集团|营业厅|站|泵房|锅炉房|维修班|班组|居委会|社区|街道|办事处|部|科|中心|局)[^，。？]{0,8}[，,]?(电话|号码)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OrganisationPhone();

    /// <summary>Words an address span can begin with that are the agent's, not the address (地址是红旗小区…).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^(您家|您的|你家)?(地址|住址)?(是|在|就是|为)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LeadWords();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[0-9])[ ，,、](?=[0-9Xx])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DigitGroupBreaks();

    private static bool CallerAskedForOthers(CallView call, DialogueCues cues, int sentence)
    {
        for (var j = sentence - 1; j >= 0 && j >= sentence - 4; j--)
        {
            var s = call.Sentences[j];
            // Find, not the bare pattern: the cue's exclusion keeps the caller's own place (我是楼下开店的，我店里那户) out.
            if (s.Speaker == Speaker.Customer && cues["third_party"].Find(s.Speaker, s.Text) is not null && cues["data_request"].Pattern.IsMatch(s.Text))
                return true;
        }
        return false;
    }

    /// <summary>The agent repeating data the caller gave (digits of five or more, an address) is a read-back.</summary>
    private static string? RepeatedData(CallView call, int sentence, string?[] plainNumerals)
    {
        var text = SpokenDigits.ToArabic(call.Sentences[sentence].Text);
        foreach (var span in PersonalDataRecognizer.Find(text))
        {
            if (IsTicketNumberAt(text, span.Start, span.Length))
                continue;
            if (SaidByCustomerBefore(call, sentence, span.Text, plainNumerals) && !IsTicketNumberSaidBefore(call, sentence, span.Text, plainNumerals))
                return $"复述 read back {PersonalDataRecognizer.Mask(span.Text)}";
        }
        return null;
    }

    /// <summary>
    /// Whether a number the agent repeats is a ticket's: the caller gave it when asked for the ticket number (您把单号告诉我
    /// — 二三六七零四 — 二三六七零四，好的), or the agent gave it first (工单号二四一八八零 — the caller repeats it — the agent
    /// again). Either way it is no detail of the caller's read back (N03).
    /// </summary>
    private static bool IsTicketNumberSaidBefore(CallView call, int sentence, string data, string?[] plainNumerals)
    {
        var wanted = Plain(SpokenDigits.Numerals(data));
        if (wanted.Length < 4 || !wanted.All(char.IsAsciiDigit))
            return false;
        for (var j = 0; j < sentence; j++)
        {
            var plain = PlainNumeralsOf(call, j, plainNumerals);
            if (!plain.Contains(wanted, StringComparison.Ordinal))
                continue;
            return call.Sentences[j].Speaker == Speaker.Agent || IsTicketNumberAnswer(call, j, plain, wanted);
        }
        return false;
    }

    /// <summary>
    /// Whether the digits at <paramref name="start"/> follow a ticket-number word (工单号是零七二二四五零九，零七二二，四五零九:
    /// a number said twice joins into a card-length run, but it is the ticket's).
    /// </summary>
    private static bool TicketNumberBefore(string text, int start) =>
        TicketNumberWord().IsMatch(text.AsSpan(Math.Max(0, start - 8), Math.Min(8, start)));

    /// <summary>
    /// A run that is one number said twice (幺二零六三零零七，幺二零六三零零七 — repeated for a caller who did not catch it): its
    /// two halves are the same digits, so it is no card number, whatever number it is.
    /// </summary>
    private static bool SaidTwice(string run)
    {
        var digits = string.Concat(run.Where(char.IsAsciiDigit));
        return digits.Length % 2 == 0 && digits.AsSpan(0, digits.Length / 2).SequenceEqual(digits.AsSpan(digits.Length / 2));
    }

    /// <summary>Whether the agent registered or dispatched a ticket in this sentence or one before it.</summary>
    private static bool TicketMadeBy(CallView call, DialogueCues cues, int sentence)
    {
        for (var k = sentence; k >= 0; k--)
        {
            if (call.Sentences[k].Speaker == Speaker.Agent && cues["ticket_action"].Find(Speaker.Agent, call.Sentences[k].Text) is not null)
                return true;
        }
        return false;
    }

    /// <summary>The caller's last turn before this sentence held this phone's first seven and last four digits (said in words or digits, perhaps corrected on the way).</summary>
    private static bool CallerJustGavePhone(CallView call, int sentence, string phone)
    {
        var wanted = string.Concat(phone.Where(char.IsAsciiDigit));
        if (wanted.Length < 11)
            return false;
        for (var j = sentence - 1; j >= 0; j--)
        {
            if (call.Sentences[j].Speaker != Speaker.Customer)
                continue;
            var said = string.Concat(SpokenDigits.EveryDigit(call.Sentences[j].Text).Where(char.IsAsciiDigit));
            // 一三九，五三二零，嗯不对不对，五三二一，八八六四: a corrected group breaks the run, but each group of the number
            // (3-4-4) was said.
            return (said.Contains(wanted[..7], StringComparison.Ordinal) && said.Contains(wanted[^4..], StringComparison.Ordinal))
                || (said.Contains(wanted[..3], StringComparison.Ordinal) && said.Contains(wanted[3..7], StringComparison.Ordinal)
                    && said.Contains(wanted[7..], StringComparison.Ordinal));
        }
        return false;
    }

    /// <summary>Whether the caller said this sum of money first (我欠了一百二十块 before 您说欠费一百二十块，是吧？): its digits with 块 or 元.</summary>
    private static bool AmountSaidByCustomerBefore(CallView call, int sentence, string amount, string?[] plainNumerals)
    {
        var digits = string.Concat(SpokenDigits.Numerals(amount).Where(char.IsAsciiDigit));
        if (digits.Length < 2)
            return false;
        for (var j = 0; j < sentence; j++)
        {
            if (call.Sentences[j].Speaker == Speaker.Customer && PlainNumeralsOf(call, j, plainNumerals) is var said
                && (said.Contains(digits + "块", StringComparison.Ordinal) || said.Contains(digits + "元", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    private static bool SaidByCustomerBefore(CallView call, int sentence, string data, string?[] plainNumerals)
    {
        var wanted = Plain(SpokenDigits.Numerals(LeadWords().Replace(data, "")));
        if (wanted.Length == 0)
            return false;
        // The caller's consecutive segments are read as one turn: recognition often splits a number said in one breath
        // (138 0224 | 1756); another speaker's sentence between two segments ends the turn ('|').
        var said = new System.Text.StringBuilder();
        for (var j = 0; j < sentence; j++)
        {
            if (call.Sentences[j].Speaker != Speaker.Customer)
            {
                if (said.Length > 0 && said[^1] != '|')
                    said.Append('|');
                continue;
            }
            var plain = PlainNumeralsOf(call, j, plainNumerals);
            if (plain.Contains(wanted, StringComparison.Ordinal))
                return true;
            said.Append(plain);
        }
        var turns = said.ToString();
        return turns.Contains(wanted, StringComparison.Ordinal) || Pieced(wanted, turns);
    }

    /// <summary>
    /// Data the caller gave in pieces (和平区，那个……新华路，新华路118号，绿苑小区 over one or two turns) and the agent read
    /// back in one: every run of digits of it was said, and nearly every pair of characters of its words.
    /// </summary>
    private static bool Pieced(string wanted, string said)
    {
        if (said.Length == 0)
            return false;
        // The agent names the district the caller left out (杏花岭 → 杏花岭区起凤街23号): its suffix is no new data.
        wanted = wanted.Replace("区", "", StringComparison.Ordinal).Replace("县", "", StringComparison.Ordinal);
        said = said.Replace("区", "", StringComparison.Ordinal).Replace("县", "", StringComparison.Ordinal);
        var digitRuns = 0;
        for (var i = 0; i < wanted.Length;)
        {
            if (!char.IsAsciiDigit(wanted[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < wanted.Length && char.IsAsciiDigit(wanted[end]))
                end++;
            if (!said.Contains(wanted[i..end], StringComparison.Ordinal))
                return false;
            digitRuns++;
            i = end;
        }
        int pairs = 0, found = 0;
        for (var i = 0; i + 1 < wanted.Length; i++)
        {
            if (char.IsAsciiDigit(wanted[i]) || char.IsAsciiDigit(wanted[i + 1]))
                continue;
            pairs++;
            if (said.Contains(wanted.AsSpan(i, 2), StringComparison.Ordinal))
                found++;
        }
        // An address without any number is too vague to be called the caller's own from its words alone. Pieces joined in a
        // new order (吴川 said first, 梅菉…一百零六号 later → 吴川梅菉解放路106号) break character pairs at the joins: every
        // character said, and a house number of two digits or more, make it the caller's own too.
        if (digitRuns == 0)
            return false;
        return found >= PiecedShare * pairs
            || (wanted.Count(char.IsAsciiDigit) >= 2 && wanted.All(c => char.IsAsciiDigit(c) || said.Contains(c, StringComparison.Ordinal)));
    }

    /// <summary>Share of the character pairs of read-back data that the caller must have said (a read-back may say 东侧 for 东边).</summary>
    private const double PiecedShare = 0.75;

    private static string ClauseAround(string text, int start, int length)
    {
        var from = text.AsSpan(0, start).LastIndexOfAny(ClauseMarks.Set) + 1;
        var after = Math.Min(text.Length - 1, start + length);
        var to = text.AsSpan(after).IndexOfAny(ClauseMarks.Set) is var k and >= 0 ? after + k : -1;
        return text[from..(to < 0 ? text.Length : to)];
    }

    /// <summary>A sentence's letters and digits with numbers as digits, made once per call (<paramref name="memo"/>).</summary>
    private static string PlainNumeralsOf(CallView call, int sentence, string?[] memo) =>
        memo[sentence] ??= Plain(SpokenDigits.Numerals(call.Sentences[sentence].Text));

    /// <summary>Letters and digits only, so "138 1234 5678" and "13812345678" compare equal.</summary>
    private static string Plain(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    /// <summary>我记下来了，会转给班组和领导 / 把您的话转给: in a feedback call, the words passed on, not a job to wait for.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("记(下来|下|录下来|录)(了)?[，,]?(会|再|就)?(转|反映|报)(给|交|到)|(您的话|您的意思|您的表扬|这份心意)(转|带|转达)给", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotedAndPassedOn();
}
