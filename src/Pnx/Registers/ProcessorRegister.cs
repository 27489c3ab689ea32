using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Registers;

/// <summary>A processor as the form gives it: texts as typed, the date as dd/mm/jjjj, the status as its Dutch word.</summary>
public sealed record ProcessorInput(string? Name, string? Purpose, string? AgreementDate, string? Status);

/// <summary>A processor as the register lists it.</summary>
public sealed record ProcessorEntry(int Id, string MunicipalityNis, string Name, string Purpose, DateOnly AgreementDate, ProcessorStatus Status, DateTime UpdatedAt);

/// <summary>
/// The municipality's processors under GDPR art. 28 (protocol art. 6), kept by its DPO. A processor is never
/// deleted: one that stops gets the status <c>beëindigd</c>, so the list shows who processed the data when.
/// </summary>
public static class ProcessorRegister
{
    public static async Task<IReadOnlyList<ProcessorEntry>> LoadAsync(PnxDb db, int? municipalityId, CancellationToken ct)
    {
        var rows = await db.Processors.AsNoTracking()
            .Where(p => municipalityId == null || p.MunicipalityId == municipalityId)
            .Select(p => new ProcessorEntry(p.Id, p.Municipality.NisCode, p.Name, p.Purpose, p.AgreementDate, p.Status, p.UpdatedAt))
            .ToListAsync(ct);
        return rows.OrderBy(p => p.MunicipalityNis, StringComparer.Ordinal).ThenBy(p => p.Status)
            .ThenBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
    }

    /// <summary>Adds a processor (<paramref name="id"/> null) or changes one of this municipality's; another municipality's id is not found.</summary>
    public static async Task<RegisterOutcome> SaveAsync(
        PnxDb db, TimeProvider time, int municipalityId, string nis, int? id, ProcessorInput input, string actor, CancellationToken ct)
    {
        var problems = new List<RegisterProblem>();
        var name = RegisterFields.Clean(input.Name);
        var purpose = RegisterFields.Clean(input.Purpose);
        RegisterFields.Check(problems, "Name", name, RegisterFields.NameMaxLength);
        RegisterFields.Check(problems, "Purpose", purpose, RegisterFields.PurposeMaxLength);
        if (!FormDate.TryParseRequired(input.AgreementDate, out var agreed)) problems.Add(new("AgreementDate", "Geef de datum van de verwerkersovereenkomst als dd/mm/jjjj."));
        else if (agreed > BelgianTime.Today(time)) problems.Add(new("AgreementDate", "De datum van de overeenkomst ligt in de toekomst."));
        if (!ProcessorStatuses.TryParse(input.Status, out var status)) problems.Add(new("Status", "Kies actief of beëindigd."));

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var processor = id is null ? null : await db.Processors.SingleOrDefaultAsync(p => p.Id == id && p.MunicipalityId == municipalityId, ct);
        if (id is not null && processor is null) return RegisterOutcome.Missing;
        if (problems.Count > 0) return new RegisterOutcome(false, problems);

        string detail;
        if (processor is null)
        {
            processor = new Processor { MunicipalityId = municipalityId, Name = name, Purpose = purpose, AgreementDate = agreed, Status = status, CreatedAt = now, UpdatedAt = now };
            db.Processors.Add(processor);
            await db.SaveChangesAsync(ct);
            detail = string.Create(CultureInfo.InvariantCulture, $"processor {processor.Id}; status {status.Dutch()}");
        }
        else
        {
            var changed = new List<string>();
            if (processor.Name != name) changed.Add("name");
            if (processor.Purpose != purpose) changed.Add("purpose");
            if (processor.AgreementDate != agreed) changed.Add("agreement date");
            if (processor.Status != status) changed.Add("status " + status.Dutch());
            if (changed.Count == 0) return RegisterOutcome.Done(processor.Id);
            (processor.Name, processor.Purpose, processor.AgreementDate, processor.Status, processor.UpdatedAt) = (name, purpose, agreed, status, now);
            await db.SaveChangesAsync(ct);
            detail = string.Create(CultureInfo.InvariantCulture, $"processor {processor.Id}; changed {string.Join(", ", changed)}");
        }

        await ProfileRegister.AuditAsync(db, time, actor, id is null ? "processor.add" : "processor.update", nis, detail, ct);
        await transaction.CommitAsync(ct);
        return RegisterOutcome.Done(processor.Id);
    }
}
