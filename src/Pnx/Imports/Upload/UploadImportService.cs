using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Imports.Upload;

/// <summary>
/// Checks uploads (the preview's dry run) and imports confirmed ones in the background, one after the other, with the
/// same code as the CLI (<see cref="NewcomerImport"/>: one transaction, all or nothing; a dry run plans under the lock
/// and rolls back). A dry run that passes leaves the file <see cref="UploadStates.Previewed"/>, awaiting confirmation;
/// every other end drops the file's bytes. The upload's row tells the page how far it came
/// (written at most twice a second, in short contexts of their own) and, at the end, its outcome. A row whose import
/// stopped telling (the server was stopped or crashed: the transaction rolled back, nothing was written) is marked
/// failed on start and by the periodic check, on any instance.
/// </summary>
public sealed partial class UploadImportService(PendingUploadImports queue, Func<PnxDb> openDb, TimeProvider time, ILogger<UploadImportService> logger)
    : BackgroundService
{
    public const string InterruptedMessage = "De verwerking werd onderbroken; laad het bestand opnieuw op.";
    public const string FailedMessage = "De verwerking is onverwacht mislukt; er werd niets weggeschreven. Laad het bestand opnieuw op.";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often this instance tells that its queued and running uploads are alive, and checks for abandoned ones.</summary>
    internal static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>A queued or running upload without a sign of life for this long was abandoned by a stopped instance.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private volatile UploadProgress? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first: the host's start does not wait for this check.
        await Task.Yield();
        await TryAsync(() => MarkInterruptedAsync(stoppingToken), "start check");
        var reporter = ReportAsync(stoppingToken);
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(job, stoppingToken);
                }
                finally
                {
                    queue.Release(job.Key);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server stops; what is still queued is marked failed by the next start (its heartbeat stops).
        }

        await reporter;
    }

    private async Task RunAsync(UploadJob job, CancellationToken ct)
    {
        var dryRun = job.Options.DryRun;
        var now = Now;
        await using (var db = openDb())
        {
            var working = dryRun ? UploadStates.Checking : UploadStates.Reading;
            var claimed = await db.StagedUploads.Where(u => u.Key == job.Key && u.State == UploadStates.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, working).SetProperty(u => u.StartedAt, now).SetProperty(u => u.UpdatedAt, now), ct);
            if (claimed == 0) return;
        }

        var progress = new UploadProgress(job.Key, dryRun);
        UploadOutcome outcome;
        string state;
        try
        {
            await using var db = openDb();
            var upload = await db.StagedUploads.AsNoTracking().Where(u => u.Key == job.Key)
                .Select(u => new { u.Extension, u.Content, u.OutcomeJson }).SingleAsync(ct);
            // A confirmation runs under the name its preview showed.
            var name = job.FileName ?? UploadOutcome.FromJson(upload.OutcomeJson)?.FileName ?? "upload" + upload.Extension;
            _current = progress;
            var result = await NewcomerImport.RunAsync(db, time, upload.Content, name, job.Options, progress, ct);
            outcome = UploadOutcome.Of(result, name, job.Options);
            state = dryRun && result.ExitCode == Cli.ExitCodes.Done ? UploadStates.Previewed : UploadStates.Done;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = UploadOutcome.Failed(InterruptedMessage);
            state = UploadStates.Failed;
        }
        catch (Exception e)
        {
            // The type only: an exception's message may quote a value of the file.
            LogImportFailed(logger, e.GetType().Name);
            outcome = UploadOutcome.Failed(FailedMessage);
            state = UploadStates.Failed;
        }
        finally
        {
            _current = null;
        }

        await FinishAsync(job.Key, state, progress.Rows, outcome);
    }

    /// <summary>
    /// The outcome, whatever a concurrent check wrote before. The file itself is dropped (it is no longer needed)
    /// unless it awaits confirmation.
    /// </summary>
    private async Task FinishAsync(string key, string state, int rows, UploadOutcome outcome)
    {
        var now = Now;
        var json = outcome.ToJson();
        var keep = state == UploadStates.Previewed;
        await TryAsync(async () =>
        {
            await using var db = openDb();
            await db.StagedUploads.Where(u => u.Key == key).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(u => u.State, state).SetProperty(u => u.RowsRead, rows).SetProperty(u => u.OutcomeJson, json).SetProperty(u => u.UpdatedAt, now);
                if (!keep) s.SetProperty(u => u.FinishedAt, now).SetProperty(u => u.Content, Array.Empty<byte>());
            }, CancellationToken.None);
        }, "outcome");
    }

    /// <summary>Writes the running import's progress when it changed (at most every <see cref="ProgressInterval"/>), the heartbeat and the check.</summary>
    private async Task ReportAsync(CancellationToken ct)
    {
        var written = (Key: "", Version: -1);
        var lastBeat = Now;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(ProgressInterval, time, ct);
                if (_current is { } progress && (progress.Key, progress.Version) != written)
                {
                    written = (progress.Key, progress.Version);
                    await TryAsync(() => WriteProgressAsync(progress, ct), "progress");
                }

                if (Now - lastBeat >= Heartbeat)
                {
                    lastBeat = Now;
                    await TryAsync(() => BeatAsync(ct), "heartbeat");
                    await TryAsync(() => MarkInterruptedAsync(ct), "check");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The server stops.
        }
    }

    private async Task WriteProgressAsync(UploadProgress progress, CancellationToken ct)
    {
        var (state, rows, fraction, now) = (progress.State, progress.Rows, progress.Fraction, Now);
        await using var db = openDb();
        await db.StagedUploads.Where(u => u.Key == progress.Key && UploadStates.Working.Contains(u.State))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, state).SetProperty(u => u.RowsRead, rows)
                .SetProperty(u => u.Fraction, fraction).SetProperty(u => u.UpdatedAt, now), ct);
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        var held = queue.Held;
        if (held.Count == 0) return;
        var now = Now;
        await using var db = openDb();
        await db.StagedUploads.Where(u => held.Contains(u.Key) && UploadStates.Running.Contains(u.State))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UpdatedAt, now), ct);
    }

    /// <summary>Marks uploads left queued, checked or running by a stopped instance as failed; nothing of them was written (one transaction).</summary>
    internal async Task<int> MarkInterruptedAsync(CancellationToken ct)
    {
        var now = Now;
        var stale = now - StaleAfter;
        var held = queue.Held;
        var json = UploadOutcome.Failed(InterruptedMessage).ToJson();
        await using var db = openDb();
        var abandoned = db.StagedUploads
            .Where(u => UploadStates.Running.Contains(u.State)
                && (u.UpdatedAt == null || u.UpdatedAt < stale) && !held.Contains(u.Key));
        // Read first: on SQLite even an update of no row waits for the one write lock, which an import may hold.
        if (!await abandoned.AnyAsync(ct)) return 0;
        return await abandoned.ExecuteUpdateAsync(s => s.SetProperty(u => u.State, UploadStates.Failed).SetProperty(u => u.OutcomeJson, json)
                .SetProperty(u => u.FinishedAt, now).SetProperty(u => u.Content, Array.Empty<byte>()), ct);
    }

    private async Task TryAsync(Func<Task> write, string what)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // E.g. SQLite's write lock held by the import past the timeout: the next report tries again.
            LogWriteFailed(logger, what, e.GetType().Name);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "upload import: failed ({Failure}); nothing was written")]
    private static partial void LogImportFailed(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "upload import: writing the {What} failed ({Failure})")]
    private static partial void LogWriteFailed(ILogger logger, string what, string failure);
}
