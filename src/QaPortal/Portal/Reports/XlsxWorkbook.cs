using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SpeechQa.QaPortal.Portal.Reports;

/// <summary>A worksheet as rows of cells (strings or numbers); the first row is the header.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes .xlsx files with the Open XML SDK: inline strings and numbers, a bold header row, one sheet per table.</summary>
public static class XlsxWorkbook
{
    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    foreach (var value in sheet.Rows[r])
                        row.Append(CellOf(value, header: r == 0));
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell CellOf(object? value, bool header)
    {
        var cell = value switch
        {
            int or long or double or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) },
            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? "")) },
        };
        if (header)
            cell.StyleIndex = 1;
        return cell;
    }
}
