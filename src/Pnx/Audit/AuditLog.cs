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
/// <param name="capacity">How many entries may wait in memory; when full, callers wait for room (never dropped).</param>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider time, int capacity = AuditLog.DefaultCapacity) : BackgroundService
{
    public const int DefaultCapacity = 10_000;

    private const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Done);

    /// <summary>Entries waiting for the writer.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Completes when the entry is committed; the caller answers only after that.</summary>
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            // A full queue makes the caller wait: better a slower read than an unrecorded one.
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException exception)
        {
            throw new InvalidOperationException("The audit log is shut down; the read is refused.", exception);
        }

        await pending.Done.Task.WaitAsync(cancellationToken);
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
                await AppendAsync(batch.Select(p => p.Record).ToList());
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad record (unserialisable, breaking a constraint) must not cost the others their
                // entry: append them one by one, so that only its own caller fails.
                foreach (var pending in batch)
                {
                    try
                    {
                        await AppendAsync([pending.Record]);
                        pending.Done.TrySetResult();
                    }
                    catch (Exception exception)
                    {
                        pending.Done.TrySetException(exception);
                    }
                }
            }
            catch (Exception exception)
            {
                batch[0].Done.TrySetException(exception);
            }
        }
    }

    private async Task AppendAsync(IReadOnlyList<AuditRecord> records)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await AuditTrail.AppendAsync(db, time, records, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
