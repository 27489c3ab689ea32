using System.Globalization;
using System.Text;
using Pnx.Access;
using Pnx.Exports;
using Pnx.Hosting;

namespace Pnx.Registers;

/// <summary>
/// The registers as CSV, the way every export of the system is written (contract §5): UTF-8 with BOM, ';', CRLF,
/// RFC 4180 quoting, and no cell that a spreadsheet would run as a formula (<see cref="CsvNewcomerWriter.Field"/>).
/// Always in Dutch: the file is a register, not a page.
/// </summary>
public static class RegisterCsv
{
    public static readonly string[] ProfileColumns =
        ["Gemeente", "Functieprofiel", "Rol", "Taken", "Mag", "Status", "Houder", "E-mail", "Sinds", "Tot"];

    public static readonly string[] ProcessorColumns = ["Gemeente", "Verwerker", "Doel", "Datum overeenkomst", "Status"];

    /// <summary>One line per holder of a profile; a profile nobody holds gets one line with the holder columns empty.</summary>
    public static byte[] Profiles(IEnumerable<ProfileEntry> profiles) => Write(ProfileColumns, profiles.SelectMany(p =>
    {
        string[] profile = [p.MunicipalityNis, p.Name, p.Role.Slug(), p.Description ?? "", string.Join(" | ", p.MayDo), p.RetiredAt is null ? "actief" : "ingetrokken"];
        return p.Holders.Count == 0
            ? [[.. profile, "", "", "", ""]]
            : p.Holders.Select(h => (IReadOnlyList<string>)[.. profile, h.Name, h.Email, Day(h.Since), h.Until is { } until ? Day(until) : ""]);
    }));

    public static byte[] Processors(IEnumerable<ProcessorEntry> processors) => Write(ProcessorColumns, processors.Select(p =>
        (IReadOnlyList<string>)[p.MunicipalityNis, p.Name, p.Purpose, p.AgreementDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), p.Status.Dutch()]));

    private static string Day(DateTime utc) => BelgianTime.ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendJoin(CsvNewcomerWriter.Delimiter, row.Select(cell => CsvNewcomerWriter.Field(cell, isPhoneColumn: false))).Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }
}
