using System.Collections.Concurrent;
using System.Threading.Channels;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Imports.Upload;

/// <summary>An applied upload waiting for the background import: its key and the options the page posted.</summary>
public sealed record UploadJob(string Key, ImportOptions Options);

/// <summary>
/// The applied uploads this instance still has to import, in a bounded channel: a full queue refuses the apply
/// (the upload stays staged) rather than holding files in memory without limit.
/// </summary>
public sealed class PendingUploadImports
{
    public const int Capacity = 16;

    private readonly Channel<UploadJob> _channel = Channel.CreateBounded<UploadJob>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    /// <summary>False when the queue is full.</summary>
    public bool TryQueue(UploadJob job)
    {
        _held[job.Key] = 0;
        if (_channel.Writer.TryWrite(job)) return true;
        _held.TryRemove(job.Key, out _);
        return false;
    }

    /// <summary>The keys queued or running here: their heartbeat tells other instances they are alive.</summary>
    internal IReadOnlyList<string> Held => [.. _held.Keys];

    internal void Release(string key) => _held.TryRemove(key, out _);

    internal ChannelReader<UploadJob> Reader => _channel.Reader;
}

public static class UploadImportSetup
{
    /// <summary>The background import of applied uploads; every web host runs it (the upload page depends on it).</summary>
    public static IServiceCollection AddPnxUploadImports(this IServiceCollection services, PnxSettings settings)
    {
        services.AddSingleton<PendingUploadImports>();
        services.AddHostedService(sp => new UploadImportService(
            sp.GetRequiredService<PendingUploadImports>(), () => PnxDbFactory.Create(settings), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<UploadImportService>>()));
        return services;
    }
}
