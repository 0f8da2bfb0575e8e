using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SpeechQa.Tests.Portal;

/// <summary>The monthly QA report: the Excel file opens with the Open XML SDK and holds the month's figures; the printable page matches.</summary>
[Collection(PortalCollection.Name)]
public sealed class MonthlyReportTests(PortalFixture portal)
{
    [Fact]
    public async Task The_november_report_counts_the_sample_calls_by_team_in_excel_and_on_the_page()
    {
        using var manager = await portal.SignedInAsync("manager");
        var response = await manager.GetAsync("/reports/monthly.xlsx?month=2024-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["总览", "班组", "坐席", "规则", "重复来电根因"], sheets.Select(s => s.Name!.Value));
        List<List<string>> Rows(string name)
        {
            var part = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == name).Id!);
            return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
        }
        var overall = Rows("总览");
        Assert.Equal("2024-11", overall[0][1]);
        Assert.Equal("15", overall[2][1]); // 14 sample calls and the recorded one, all scored in November 2024
        var teams = Rows("班组");
        Assert.Equal(15, teams.Skip(1).Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(teams, r => r[0] == "热线一组");
        Assert.Contains(Rows("重复来电根因"), r => r[0].StartsWith("R2 工单超时未处理", StringComparison.Ordinal));

        var page = await manager.GetStringAsync("/reports/monthly?month=2024-11");
        Assert.Contains("id=\"report-teams\"", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" class=\"print\">", page, StringComparison.Ordinal); // print.js prints the page
        Assert.Contains("R2", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.SignedInAsync("inspector")).GetAsync("/reports/monthly.xlsx")).StatusCode);
    }
}
