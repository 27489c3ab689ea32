using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Municipalities;
using Pnx.Protocols;

namespace Pnx.Demo;

/// <summary>
/// `pnx serve --demo`: fills an empty database with three municipalities, their active protocols
/// and synthetic newcomers, in one audited transaction. A database with municipalities is left alone.
/// Then the demo municipalities get an activity catalogue and enrolments when the catalogue is empty.
/// </summary>
public static class DemoData
{
    /// <summary>The day the template protocol with Halle came into force (art. 12).</summary>
    public static readonly DateOnly ProtocolStart = new(2024, 3, 29);

    public static async Task EnsureAsync(CliContext context, CancellationToken ct)
    {
        await EnsureMunicipalitiesAsync(context, ct);
        await DemoCatalogue.EnsureAsync(context, ct);
    }

    private static async Task EnsureMunicipalitiesAsync(CliContext context, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Municipalities.AnyAsync(ct)) return;

        var now = context.Time.GetUtcNow().UtcDateTime;
        var today = context.Today;
        var created = DemoMunicipality.All
            .Select(demo => (Demo: demo, Entity: new Municipality { NisCode = demo.NisCode, Name = demo.Name, CreatedAt = now }))
            .ToList();
        db.Municipalities.AddRange(created.Select(c => c.Entity));
        await db.SaveChangesAsync(ct);

        var records = new List<AuditRecord>();
        var total = 0;
        foreach (var (demo, municipality) in created)
        {
            db.Protocols.Add(new Protocol
            {
                MunicipalityId = municipality.Id,
                Reference = demo.ProtocolReference,
                StartDate = ProtocolStart,
                EndDate = today.AddYears(2),
                EffectiveEndDate = today.AddYears(2),
                AgencySignatory = "Agentschap Integratie en Inburgering, administrateur-generaal",
                MunicipalitySignatory = "College van burgemeester en schepenen van " + demo.Name,
                PublishedText = DemoProtocolText.For(demo.Name, ProtocolStart),
                CreatedAt = now,
                UpdatedAt = now,
            });
            var newcomers = DemoNewcomerGenerator.Generate(demo, municipality.Id, today, now);
            db.Newcomers.AddRange(newcomers);
            total += newcomers.Count;
            records.Add(new AuditRecord(
                context.Actor, "demo.seed", demo.NisCode, newcomers.Select(n => n.DossierNumber).ToList(),
                AuditPurposes.Exchange, $"synthetic demo data: protocol {demo.ProtocolReference}, {newcomers.Count} newcomers"));
        }

        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, context.Time, records, ct);
        await transaction.CommitAsync(ct);
        await context.Out.WriteLineAsync($"demo data: {created.Count} municipalities, {total} newcomers");
    }
}
