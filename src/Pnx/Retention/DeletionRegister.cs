using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Exports;

namespace Pnx.Retention;

/// <summary>
/// The deletion register as a file (contract §9): `Dossiernummer;NIS-code gemeente;Verwijderd op;Regel`, oldest removal
/// first, in the export conventions of contract §5 (UTF-8 with BOM, ';', CRLF, dates yyyy-MM-dd, no cell that acts as a
/// formula). It holds no other personal data; reading it is audited as an export.
/// </summary>
public static class DeletionRegister
{
    public static readonly IReadOnlyList<string> Columns = ["Dossiernummer", "NIS-code gemeente", "Verwijderd op", "Regel"];

    public const string FileName = "verwijderingsregister.csv";

    public static Task<List<DeletionRecord>> LoadAsync(PnxDb db, CancellationToken ct) =>
        db.DeletionRecords.AsNoTracking().OrderBy(d => d.RemovedOn).ThenBy(d => d.Id).ToListAsync(ct);

    public static void Write(Stream stream, IReadOnlyList<DeletionRecord> records)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        WriteRecord(writer, Columns);
        foreach (var record in records)
        {
            WriteRecord(writer, [record.DossierNumber, record.MunicipalityNis, record.RemovedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.Rule.Word()]);
        }

        writer.Flush();
    }

    /// <summary>The audit record of one read of the register: the dossier numbers it lists.</summary>
    public static AuditRecord Audit(string actor, IReadOnlyList<DeletionRecord> records) =>
        new(actor, "retention.register", null, records.Select(r => r.DossierNumber).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            AuditPurposes.Retention, string.Create(CultureInfo.InvariantCulture, $"deletion register, {records.Count} lines"));

    private static void WriteRecord(StreamWriter writer, IReadOnlyList<string> cells)
    {
        writer.Write(string.Join(CsvNewcomerWriter.Delimiter, cells.Select(c => CsvNewcomerWriter.Field(c, isPhoneColumn: false))));
        writer.Write("\r\n");
    }
}
