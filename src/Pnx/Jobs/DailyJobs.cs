using System.Globalization;
using Pnx.Access;
using Pnx.Imports.Upload;
using Pnx.Retention;
using Pnx.Sessions;

namespace Pnx.Jobs;

/// <summary>The jobs `pnx serve` runs every day, in this order.</summary>
public static class DailyJobs
{
    public const string RetentionActor = "system:retention";

    public static IReadOnlyList<DailyJob> All { get; } =
    [
        new("retention", async (db, time, ct) =>
        {
            var results = await RetentionPurge.RunAsync(db, time, RetentionActor, ct);
            return results.Count == 0
                ? ["nobody due"]
                : [.. results.Select(r => r.Line)];
        }),
        new("staged-uploads", async (db, time, ct) => [Removed(await StagedUploadCleanup.RemoveExpiredAsync(db, time, ct), "staged uploads")]),
        new("sessions", async (db, time, ct) => [Removed(await SessionCleanup.RemoveEndedAsync(db, time, ct), "ended sessions")]),
        new("activation-tokens", async (db, time, ct) => [Removed(await ActivationTokenCleanup.RemoveSpentAsync(db, time, ct), "expired or used activation tokens")]),
    ];

    private static string Removed(int count, string what) => string.Create(CultureInfo.InvariantCulture, $"{count} {what} removed");
}
