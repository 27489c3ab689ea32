using Pnx.Newcomers;

namespace Pnx.Imports;

/// <summary>
/// One validated, normalised row of the agency's export: the newcomer it describes (not stored; only the
/// fields of <see cref="NewcomerFields"/> are set) and the municipality the row names, if any.
/// </summary>
public sealed record NewcomerRecord(int RowNumber, Newcomer Values, string? MunicipalityNis)
{
    public string DossierNumber => Values.DossierNumber;

    public DateOnly? CertificateDate => Values.CertificateDate;

    /// <summary>A record with changed values; the original is left as it was.</summary>
    public NewcomerRecord With(Action<Newcomer> change)
    {
        var values = NewcomerFields.Copy(Values);
        change(values);
        return this with { Values = values };
    }
}
