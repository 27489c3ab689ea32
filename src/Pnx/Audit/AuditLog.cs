using System.Threading.Channels;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>
/// Records the web's reads (page views, denied attempts, sign-ins) with group commit: requests queue
/// their entry and wait until it is committed; one writer appends everything queued so far in one
/// transaction. With 16 concurrent readers this turns 16 contending commits into one, which is what
/// keeps SQLite's busy waits (and PostgreSQL's head-row lock queue) out of the latency.
/// Several instances stay correct: each batch still locks the chain's head row.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Done);

    /// <summary>Completes when the entry is committed; the caller answers only after that.</summary>
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The audit log is shut down; the read is refused.");
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain what was queued before stopping: no read goes unrecorded.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                await AuditTrail.AppendAsync(db, time, batch.Select(p => p.Record).ToList(), CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
            catch (Exception exception)
            {
                foreach (var pending in batch) pending.Done.TrySetException(exception);
            }
        }
    }
}
