using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Audit;

/// <summary>
/// Writes the chain's head to the witness file on start and then daily, so that `pnx audit verify` can
/// tell when the database was later replaced by an older copy (contract §6). A failure to write is
/// logged and retried the next day; it never stops the server.
/// </summary>
public sealed class AuditWitness(PnxSettings settings, TimeProvider time, ILogger<AuditWitness> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await WitnessAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Appends the current head; returns it, or null when it could not be witnessed.</summary>
    public async Task<AuditHead?> WitnessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = PnxDbFactory.Create(settings);
            var head = await AuditHead.ReadAsync(db, cancellationToken);
            await AuditWitnessFile.AppendAsync(settings.AuditWitnessPath, time.GetUtcNow(), head, cancellationToken);
            return head;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("The audit head could not be written to the witness file {Path}: {Error}", settings.AuditWitnessPath, exception.Message);
            return null;
        }
    }
}
