using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Registers;

/// <summary>A DPO contact as the form gives it.</summary>
public sealed record DpoInput(string? Name, string? Email, string? Phone, string? Address);

/// <summary>
/// The DPO contacts of protocol art. 6 and 9: each municipality's (kept by its DPO) and the agency's (kept by the
/// agency DPO). The audit entry is appended first: it takes the chain's lock, so two first saves of the agency's
/// single row (which no unique index can guard, its municipality being null) cannot both insert.
/// </summary>
public static class DpoContacts
{
    /// <summary>The contact of a municipality, or of the agency when <paramref name="municipalityId"/> is null.</summary>
    public static Task<DpoContact?> GetAsync(PnxDb db, int? municipalityId, CancellationToken ct) =>
        db.DpoContacts.AsNoTracking().Where(d => d.MunicipalityId == municipalityId).OrderBy(d => d.Id).FirstOrDefaultAsync(ct);

    public static async Task<IReadOnlyDictionary<int, DpoContact>> OfMunicipalitiesAsync(PnxDb db, CancellationToken ct) =>
        await db.DpoContacts.AsNoTracking().Where(d => d.MunicipalityId != null).ToDictionaryAsync(d => d.MunicipalityId!.Value, ct);

    public static async Task<RegisterOutcome> SaveAsync(
        PnxDb db, TimeProvider time, int? municipalityId, string? nis, DpoInput input, string actor, CancellationToken ct)
    {
        var problems = new List<RegisterProblem>();
        var name = RegisterFields.Clean(input.Name);
        var address = RegisterFields.Clean(input.Address);
        RegisterFields.Check(problems, "Name", name, RegisterFields.NameMaxLength);
        var email = RegisterFields.Email(problems, "Email", input.Email);
        var phone = RegisterFields.Phone(problems, "Phone", input.Phone);
        RegisterFields.Check(problems, "Address", address, RegisterFields.AddressMaxLength, required: false);
        if (problems.Count > 0) return new RegisterOutcome(false, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ProfileRegister.AuditAsync(db, time, actor, "dpo-contact.update", nis, municipalityId is null ? "agency DPO" : "municipal DPO", ct);
        var contact = await db.DpoContacts.Where(d => d.MunicipalityId == municipalityId).OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
        if (contact is null)
        {
            contact = new DpoContact { MunicipalityId = municipalityId, Name = name, Email = email!, Phone = phone! };
            db.DpoContacts.Add(contact);
        }

        (contact.Name, contact.Email, contact.Phone, contact.Address, contact.UpdatedAt) = (name, email!, phone!, address.Length == 0 ? null : address, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RegisterOutcome.Done(contact.Id);
    }
}
