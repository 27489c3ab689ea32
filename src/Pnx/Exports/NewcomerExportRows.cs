using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Imports;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Exports;

/// <summary>One exported newcomer: the text of every import column, in <see cref="NewcomerColumns.All"/> order.</summary>
public sealed record NewcomerExportRow(string DossierNumber, IReadOnlyList<string> Cells, DateOnly? CertificateDate);

/// <summary>
/// The municipality's current newcomers, formatted so that importing the export back gives the
/// same values (contract §5): the stored codes, the protocol's labels, ISO dates.
/// </summary>
public static class NewcomerExportRows
{
    public static readonly int PhoneColumn = IndexOf(NewcomerColumns.Phone);

    public static readonly int CertificateDateColumn = IndexOf(NewcomerColumns.CertificateDate);

    public static async Task<IReadOnlyList<NewcomerExportRow>> LoadAsync(PnxDb db, WorkspaceMunicipality municipality, CancellationToken ct)
    {
        var newcomers = await CurrentNewcomers.Of(db, municipality.Retention).AsNoTracking().ToListAsync(ct);

        // Ordered here, not in SQL: PostgreSQL collations would sort dossier numbers differently from SQLite.
        return newcomers
            .OrderBy(n => n.DossierNumber, StringComparer.Ordinal)
            .Select(n => ToRow(n, municipality.NisCode))
            .ToList();
    }

    /// <summary>The fields' cells in <see cref="NewcomerFields.Imported"/> order, then the municipality.</summary>
    public static NewcomerExportRow ToRow(Newcomer newcomer, string nisCode) =>
        new(newcomer.DossierNumber, [.. NewcomerFields.Imported.Select(f => f.Format(newcomer)), nisCode], newcomer.CertificateDate);

    private static int IndexOf(string column)
    {
        for (var i = 0; i < NewcomerColumns.All.Count; i++)
        {
            if (NewcomerColumns.All[i] == column) return i;
        }

        throw new InvalidOperationException($"Column \"{column}\" is not an import column.");
    }
}
