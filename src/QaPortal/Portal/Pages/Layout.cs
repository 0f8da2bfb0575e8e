namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>The page frame: navigation for the user's role, language switch, sign-out (a POST with the antiforgery token).</summary>
internal static class Layout
{
    public static string Render(PortalText t, PortalSession? user, (string Field, string Token) antiforgery, string title, string body)
    {
        var nav = "";
        if (user is not null)
        {
            var links = new List<(string Href, string Key)>();
            if (user.Role is PortalRole.Inspector or PortalRole.Trainer or PortalRole.Manager or PortalRole.Admin)
                links.Add(("/queue", "queue"));
            if (user.Role == PortalRole.Agent)
                links.Add(("/my/calls", "mycalls"));
            if (user.Role is PortalRole.Trainer or PortalRole.Admin or PortalRole.Agent)
                links.Add(("/coaching", "coaching"));
            if (user.Role is PortalRole.Manager or PortalRole.Admin)
            {
                links.Add(("/dashboard", "dashboard"));
                links.Add(("/reports/monthly", "monthly"));
                links.Add(("/assignments", "assignments"));
            }
            if (user.Role is PortalRole.Inspector or PortalRole.Admin)
                links.Add(("/appeals", "appeals"));
            if (user.Role is PortalRole.Inspector or PortalRole.Manager or PortalRole.Admin)
                links.Add(("/wall", "wall"));
            if (user.Role == PortalRole.Admin)
            {
                links.Add(("/admin/users", "users"));
                links.Add(("/admin/audit", "audit"));
                links.Add(("/admin/jobs", "jobs"));
                links.Add(("/admin/rules", "rulesets"));
                links.Add(("/admin/sources", "sources"));
            }
            nav = "<nav>" + string.Join(" ", links.Select(l => $"""<a href="{l.Href}">{Html.E(t[l.Key])}</a>""")) +
                  $"""<span class="who">{Html.E(user.DisplayName)}（{Html.E(PortalRole.Chinese(user.Role))}）</span>""" +
                  Html.Form("/logout", antiforgery.Field, antiforgery.Token, $"""<button type="submit">{Html.E(t["signout"])}</button>""", "inline") +
                  "</nav>";
        }
        var other = t.English ? """<a href="?lang=zh">中文</a>""" : """<a href="?lang=en">English</a>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{t.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Html.E(title)}} · {{Html.E(t["product"])}}</title>
            <style>
            body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
            header{background:#0b5394;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center}
            header a{color:#fff} nav{display:flex;gap:12px;align-items:center;flex:1} .who{margin-left:auto}
            main{padding:16px} table{border-collapse:collapse;background:#fff;width:100%} th,td{border:1px solid #d9e2ec;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#e6eef7} .fatal{color:#b00020;font-weight:bold} form.inline{display:inline}
            .seg{padding:3px 6px;cursor:pointer;border-left:3px solid transparent} .seg.agent{background:#eef6ff} .seg.customer{background:#fff}
            .seg.current{border-left-color:#0b5394;background:#fff4c2} .seg .hit{background:#ffd6d6}
            .filters input,.filters select{margin-right:8px} .error{color:#b00020}
            @media print{header,form,.noprint{display:none} body{background:#fff} }
            </style></head>
            <body><header><strong>{{Html.E(t["product"])}}</strong>{{nav}}<span>{{other}}</span></header>
            <main><h1>{{Html.E(title)}}</h1>{{body}}</main></body></html>
            """;
    }
}
