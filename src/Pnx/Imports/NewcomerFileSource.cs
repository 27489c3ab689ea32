using System.Threading.Channels;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;

namespace Pnx.Imports;

/// <summary>
/// The rows of an export file: read and validated on a thread of their own while the previous batch is
/// staged, with at most <see cref="BatchesAhead"/> batches waiting in between. Memory is bounded by the batch
/// (and the set of dossier numbers seen, for the uniqueness check), not by the file. A staged upload, held in
/// memory already, is read the same way from its bytes.
/// </summary>
internal sealed class NewcomerFileSource(string? path, DateOnly today, IImportProgress? progress) : NewcomerSource
{
    private byte[]? _content;

    /// <summary>The rows of a file held in memory (a staged upload).</summary>
    public static NewcomerFileSource Of(byte[] content, DateOnly today, IImportProgress? progress = null) => new(null, today, progress) { _content = content };

    public const int BatchSize = 10_000;
    private const int BatchesAhead = 1;

    public override async Task<IReadOnlyList<ImportProblem>> DeliverAsync(Func<IReadOnlyList<NewcomerRecord>, Task> batch, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<IReadOnlyList<NewcomerRecord>>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        var sink = default(NewcomerRowSink);
        Stream? file = null;
        // A workbook is unpacked before its rows are read, so its position tells nothing.
        var workbook = _content is { Length: >= 2 } bytes && bytes[0] == 'P' && bytes[1] == 'K';
        sink = new NewcomerRowSink(today, BatchSize, records =>
        {
            // The last batch is validated after the reader closed the file (CanSeek is then false): all of it was read.
            if (file is not null) progress?.Reading(sink!.Rows, workbook ? null : file.CanSeek ? (double)file.Position / Math.Max(1, file.Length) : 1.0);
            channel.Writer.WriteAsync(records, stop.Token).AsTask().GetAwaiter().GetResult();
        });
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                var problems = _content is { } content
                    ? NewcomerFileReader.Read(file = new MemoryStream(content, writable: false), ReaderLimits.Default, XlsxTableReader.PreferredSheet, sink)
                    : NewcomerFileReader.Read(path!, ReaderLimits.Default, XlsxTableReader.PreferredSheet, sink, opened =>
                    {
                        file = opened;
                        workbook = opened.Length >= 2 && opened.ReadByte() == 'P' && opened.ReadByte() == 'K';
                        opened.Position = 0;
                    });
                if (problems.Count == 0) sink.Flush();
                return problems;
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var records in channel.Reader.ReadAllAsync(ct)) await batch(records);
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await reader;
            }
            catch (OperationCanceledException)
            {
                // The reader stopped because the staging failed; that failure is the one to report.
            }

            throw;
        }

        var readProblems = await reader;
        progress?.Reading(sink.Rows, 1.0);
        return readProblems.Count > 0 ? [.. readProblems.Take(NewcomerTableParser.MaxProblems)] : sink.Problems;
    }
}
