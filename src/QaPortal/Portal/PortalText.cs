using Microsoft.AspNetCore.Http;

namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// The portal's words in zh-CN (default) and English, chosen by the <c>lang</c> cookie (set by ?lang=en / ?lang=zh).
/// One table, so a missing translation shows as its key in a test rather than silently.
/// </summary>
public sealed class PortalText(bool english)
{
    public const string Cookie = "speechqa-lang";

    private static readonly Dictionary<string, (string Zh, string En)> Words = new(StringComparer.Ordinal)
    {
        ["product"] = ("SpeechQa 智能质检", "SpeechQa quality inspection"),
        ["signin"] = ("登录", "Sign in"),
        ["signout"] = ("退出", "Sign out"),
        ["user"] = ("用户名", "User name"),
        ["password"] = ("密码", "Password"),
        ["badlogin"] = ("用户名或密码错误", "Wrong user name or password"),
        ["locked"] = ("连续输错密码，账号已锁定 15 分钟", "Too many wrong passwords: the account is locked for 15 minutes"),
        ["queue"] = ("工作队列", "Work queue"),
        ["mycalls"] = ("我的通话", "My calls"),
        ["dashboard"] = ("仪表盘", "Dashboard"),
        ["users"] = ("用户与角色", "Users and roles"),
        ["audit"] = ("审计日志", "Audit log"),
        ["call"] = ("通话", "Call"),
        ["time"] = ("时间", "Time"),
        ["agent"] = ("坐席", "Agent"),
        ["team"] = ("班组", "Team"),
        ["region"] = ("区域", "Region"),
        ["category"] = ("类别", "Category"),
        ["score"] = ("得分", "Score"),
        ["reviewed"] = ("复核得分", "Reviewed score"),
        ["hits"] = ("命中", "Hits"),
        ["rule"] = ("规则", "Rule"),
        ["fatal"] = ("致命", "Fatal"),
        ["filter"] = ("筛选", "Filter"),
        ["from"] = ("起始日期", "From"),
        ["to"] = ("截止日期", "To"),
        ["caller"] = ("来电号码", "Caller"),
        ["account"] = ("户号", "Account"),
        ["transcript"] = ("转写", "Transcript"),
        ["customer"] = ("客户", "Customer"),
        ["evidence"] = ("证据", "Evidence"),
        ["decision"] = ("复核", "Review"),
        ["confirm"] = ("确认", "Confirm"),
        ["overturn"] = ("推翻", "Overturn"),
        ["comment"] = ("备注", "Comment"),
        ["confirmed"] = ("已确认", "confirmed"),
        ["overturned"] = ("已推翻", "overturned"),
        ["pending"] = ("待复核", "to review"),
        ["noaudio"] = ("没有录音文件", "No recording"),
        ["repeat"] = ("重复来电", "Repeat call"),
        ["calls"] = ("通话量", "Calls"),
        ["fatalper100"] = ("每百通致命错误", "Fatal errors per 100 calls"),
        ["nonfatalper100"] = ("每百通非致命错误", "Non-fatal errors per 100 calls"),
        ["toprules"] = ("命中最多的规则", "Top rules"),
        ["rootcauses"] = ("重复来电根因", "Repeat-call root causes"),
        ["role"] = ("角色", "Role"),
        ["name"] = ("姓名", "Name"),
        ["adduser"] = ("添加或更新用户", "Add or update a user"),
        ["save"] = ("保存", "Save"),
        ["action"] = ("操作", "Action"),
        ["notfound"] = ("没有这通通话", "No such call"),
        ["empty"] = ("没有符合条件的通话", "No calls match"),
        ["appeal"] = ("申诉", "Appeal"),
        ["appeals"] = ("申诉处理", "Appeals"),
        ["appealreason"] = ("申诉理由", "Reason for the appeal"),
        ["fileappeal"] = ("提交申诉", "File an appeal"),
        ["uphold"] = ("申诉成立", "Uphold"),
        ["reject"] = ("驳回", "Reject"),
        ["ruling"] = ("裁定理由", "Ruling"),
        ["open"] = ("待裁定", "open"),
        ["upheld"] = ("申诉成立", "upheld"),
        ["rejected"] = ("已驳回", "rejected"),
        ["monthly"] = ("月度质检报告", "Monthly QA report"),
        ["print"] = ("打印", "Print"),
        ["excel"] = ("下载 Excel", "Download Excel"),
        ["meanscore"] = ("平均得分", "Mean score"),
        ["fatalcalls"] = ("致命通话", "Fatal calls"),
        ["said"] = ("通话内容", "Words said"),
        ["coaching"] = ("培训集", "Coaching sets"),
        ["newset"] = ("新建培训集", "New coaching set"),
        ["setname"] = ("名称", "Name"),
        ["tags"] = ("标签", "Tags"),
        ["sharedwith"] = ("分享给（班组或坐席工号）", "Shared with (teams or agent ids)"),
        ["createdby"] = ("创建人", "Created by"),
        ["addclip"] = ("加入培训集", "Add to a coaching set"),
        ["clipstart"] = ("开始秒", "Start s"),
        ["clipend"] = ("结束秒", "End s"),
        ["exportzip"] = ("导出（录音片段 + 转写，zip）", "Export (audio clips + transcript, zip)"),
        ["rulesets"] = ("规则集", "Rule sets"),
        ["points"] = ("扣分 / 上限", "Points / cap"),
        ["testrule"] = ("用一段对话测试规则", "Test the rules on a dialogue"),
        ["runtest"] = ("运行", "Run"),
        ["norules"] = ("没有加载规则集", "No rule sets loaded"),
        ["jobs"] = ("任务", "Jobs"),
        ["failedjobs"] = ("失败的任务", "Failed jobs"),
        ["recurring"] = ("定时任务", "Recurring jobs"),
        ["busyworkers"] = ("正在工作的进程", "Workers busy"),
        ["retry"] = ("重试", "Retry"),
        ["delete"] = ("删除", "Delete"),
        ["wall"] = ("质检大屏", "Wall display"),
        ["callstoday"] = ("今日通话", "Calls today"),
        ["fataltoday"] = ("今日致命", "Fatal today"),
        ["progress"] = ("已评分/全部", "Scored / all"),
        ["pendingjobs"] = ("待处理任务", "Jobs pending"),
        ["editrules"] = ("编辑规则集", "Edit rule set"),
        ["edit"] = ("编辑", "Edit"),
        ["inforce"] = ("生效版本", "In force"),
        ["viewingversion"] = ("正在查看历史版本（发布即成为新版本）", "Viewing an earlier version (publishing makes it a new version)"),
        ["backtestsince"] = ("回测起始日期", "Backtest from"),
        ["backtestlimit"] = ("最多通话数", "At most calls"),
        ["validate"] = ("校验", "Validate"),
        ["backtest"] = ("回测", "Backtest"),
        ["publish"] = ("发布", "Publish"),
        ["publishnote"] = ("说明", "Note"),
        ["versionauto"] = ("发布时版本号自动加一", "the version number is set on publishing"),
        ["checkok"] = ("规则文件正确", "The rule file is valid"),
        ["checkfailed"] = ("规则文件有错误，未发布", "The rule file has errors; nothing was published"),
        ["versions"] = ("版本历史", "Versions"),
        ["version"] = ("版本", "Version"),
        ["publishedby"] = ("发布人", "Published by"),
        ["view"] = ("查看", "View"),
        ["rollback"] = ("回滚到此版本", "Roll back to this"),
        ["scorechanged"] = ("分数变化", "Score changed"),
        ["candidate"] = ("候选版本", "Candidate"),
        ["change"] = ("变化", "Change"),
        ["changedcalls"] = ("分数变化的通话", "Calls whose score changes"),
        ["published"] = ("已发布", "Published"),
        ["assignments"] = ("抽检分配", "Sampling and assignment"),
        ["samplinghelp"] = ("所选时段内尚未分配的已评分通话：致命通话和低于分数线的通话全部抽检，其余按比例随机抽取（同一种子抽到同样的通话），平均分给所选质检员。",
            "Scored calls of the period not yet assigned: every fatal call and every call at or below the score line, and a random share of the rest (the same seed draws the same calls), spread evenly over the chosen inspectors."),
        ["percent"] = ("随机抽检比例 %", "Random share %"),
        ["scoreatmost"] = ("分数线（含）", "Score line (inclusive)"),
        ["seed"] = ("随机种子", "Seed"),
        ["assign"] = ("分配", "Assign"),
        ["considered"] = ("候选通话", "Calls considered"),
        ["assigned"] = ("已分配", "Assigned"),
        ["lowscore"] = ("低分", "Low score"),
        ["random"] = ("随机", "Random"),
        ["workload"] = ("质检员工作量", "Inspectors' workload"),
        ["inspector"] = ("质检员", "Inspector"),
        ["openload"] = ("待质检", "Open"),
        ["assignto"] = ("分配给质检员", "Assign to inspector"),
        ["mine"] = ("只看分给我的", "Only mine"),
        ["assignee"] = ("质检员", "Inspector"),
        ["changedfile"] = ("修改的文件", "File changed"),
    };

    public bool English { get; } = english;

    public string this[string key] => Words.TryGetValue(key, out var w) ? (English ? w.En : w.Zh) : key;

    public string Lang => English ? "en" : "zh-CN";

    public static PortalText For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Request.Query["lang"].ToString();
        if (asked is "en" or "zh")
        {
            context.Response.Cookies.Append(Cookie, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            return new PortalText(asked == "en");
        }
        return new PortalText(context.Request.Cookies[Cookie] == "en");
    }
}
