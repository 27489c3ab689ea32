using System.Collections.Concurrent;
using System.Threading.Channels;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Imports.Upload;

/// <summary>
/// An upload waiting for the background import: its key, the options the page posted (a dry run for the preview) and,
/// for the preview, the file's name in plain characters (a confirmation takes it from the preview's outcome).
/// </summary>
public sealed record UploadJob(string Key, ImportOptions Options, string? FileName = null);

/// <summary>
/// The uploads this instance still has to check or import, in a bounded channel: a full queue refuses the preview or
/// the apply (the upload stays staged) rather than holding files in memory without limit. A request can wait a moment
/// for its upload (<see cref="Finished"/>), so a small file's preview is there when the browser follows the redirect.
/// </summary>
public sealed class PendingUploadImports
{
    public const int Capacity = 16;

    private readonly Channel<UploadJob> _channel = Channel.CreateBounded<UploadJob>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);

    /// <summary>False when the queue is full.</summary>
    public bool TryQueue(UploadJob job)
    {
        _held[job.Key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_channel.Writer.TryWrite(job)) return true;
        _held.TryRemove(job.Key, out _);
        return false;
    }

    /// <summary>Completes when the upload queued here under <paramref name="key"/> was checked or imported (at once when it is not here).</summary>
    public Task Finished(string key) => _held.TryGetValue(key, out var done) ? done.Task : Task.CompletedTask;

    /// <summary>The keys queued or running here: their heartbeat tells other instances they are alive.</summary>
    internal IReadOnlyList<string> Held => [.. _held.Keys];

    internal void Release(string key)
    {
        if (_held.TryRemove(key, out var done)) done.TrySetResult();
    }

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
