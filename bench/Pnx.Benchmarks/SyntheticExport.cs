using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pnx.Imports;

namespace Pnx.Benchmarks;

/// <summary>Writes an agency export of N synthetic newcomers, as CSV and as .xlsx, with realistic variety.</summary>
internal static class SyntheticExport
{
    private static readonly string[] FamilyNames = ["Peeters", "Janssens", "Al-Hassan", "Haidari", "Kovalenko", "Tesfaye", "Yılmaz", "El Amrani", "Mbuyi", "Dubois", "Hussein", "Shevchenko"];
    private static readonly string[] GivenNames = ["Amina", "Mohammed", "Olena", "Ahmad", "Fatima", "Dawit", "Elif", "Youssef", "Grace", "Hélène", "Samir", "Iryna"];
    private static readonly string[] Languages = ["ar", "Oekraïens", "prs", "ti", "so", "tr", "ru", "fr", "en", "Arabisch", "Dari", "uk"];
    private static readonly string[] Levels = ["", "geen", "A1", "A1", "A2", "A2", "B1", "B2"];
    private static readonly string[] Statuses = ["niet gestart", "ingeschreven", "lopend", "geslaagd", "vrijgesteld"];
    private static readonly string[] Interests = ["buddy", "Nederlands oefenen|sport en beweging", "3|8", "geen", "", "stage/voorbereiden op werk", "cultuur/kunst/creativiteit|nood aan gratis activiteit"];

    public static string[] Row(int i) =>
    [
        $"D-2024-{i:D7}",
        FamilyNames[i % FamilyNames.Length],
        GivenNames[(i / 7) % GivenNames.Length],
        "Basiliekstraat",
        (1 + (i % 200)).ToString(CultureInfo.InvariantCulture),
        i % 9 == 0 ? "b" + (i % 5) : "",
        "1500",
        "Halle",
        (i % 3) switch { 0 => $"0470 {i % 100:D2} {i / 100 % 100:D2} {i / 10000 % 100:D2}", 1 => "02/365.99.00", _ => "" },
        $"persoon{i}@Example.BE",
        Languages[i % Languages.Length],
        Levels[i % Levels.Length],
        Statuses[i % Statuses.Length],
        Interests[i % Interests.Length],
        i % 4 == 0 ? $"{1 + (i % 28)}/{1 + (i % 3)}/2026" : "",
        "23027",
    ];

    public static void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write(string.Join(';', NewcomerColumns.All));
        writer.Write("\r\n");
        for (var i = 0; i < count; i++)
        {
            writer.Write(string.Join(';', Row(i)));
            writer.Write("\r\n");
        }
    }

    public static void WriteXlsx(string path, int count)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, NewcomerColumns.All);
            for (var i = 0; i < count; i++) WriteRow(writer, Row(i));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Inburgeraars" }));
        workbookPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
        }

        writer.WriteEndElement();
    }
}
