using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.CaseWork;

/// <summary>One line of a newcomer's contact log as the page shows it; <see cref="Who"/> is the case worker's name.</summary>
public sealed record ContactLogLine(long Id, DateTime At, ContactOutcome Outcome, string? Note, string Who);

/// <summary>
/// The contact log: attempts to reach a newcomer, with an outcome from the closed list and an optional short note.
/// The audit entry names the outcome, never the note (a note is personal data and stays in the log only).
/// </summary>
public static class ContactLog
{
    public static async Task<CaseWorkOutcome> AddAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long newcomerId, ContactOutcome outcome, string? note, string actor, CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim().ReplaceLineEndings("\n").Normalize(NormalizationForm.FormC);
        if (text is { Length: > ContactLogEntry.NoteMaxLength })
            return CaseWorkOutcome.Refused($"de notitie is te lang: hoogstens {ContactLogEntry.NoteMaxLength} tekens (nu {text.Length})");
        if (text is not null && text.Any(IsRefused)) return CaseWorkOutcome.Refused("de notitie bevat onzichtbare stuurtekens; typ ze opnieuw");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Waits for a withdrawal in progress, so no entry is added behind the erasure's back.
        await RowLocks.NewcomerAsync(db, newcomerId, ct);
        var dossier = await CurrentNewcomers.Of(db, workspace.Retention).Where(n => n.Id == newcomerId).Select(n => n.DossierNumber).SingleOrDefaultAsync(ct);
        if (dossier is null) return CaseWorkOutcome.NotFound;
        db.ContactLog.Add(new ContactLogEntry
        {
            MunicipalityId = workspace.Id, NewcomerId = newcomerId, Outcome = outcome, Note = text,
            At = time.GetUtcNow().UtcDateTime, Actor = actor,
        });
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "contact.add", workspace.NisCode, [dossier], AuditPurposes.Steering,
            "outcome: " + outcome.Word() + (text is null ? "" : ", with a note")), ct);
        await transaction.CommitAsync(ct);
        return CaseWorkOutcome.Done;
    }

    // Line breaks are fine in a note; other control characters and bidi overrides could hide or reorder text.
    private static bool IsRefused(char c) =>
        (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
