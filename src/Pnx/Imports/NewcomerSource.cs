namespace Pnx.Imports;

/// <summary>
/// Validated rows for an import, delivered a batch at a time, so that a file is never held whole. When the
/// source reports problems, the rows it delivered are to be dropped: the import then writes nothing.
/// </summary>
public abstract class NewcomerSource
{
    /// <returns>The problems that reject the rows; none when every row was delivered.</returns>
    public abstract Task<IReadOnlyList<ImportProblem>> DeliverAsync(Func<IReadOnlyList<NewcomerRecord>, Task> batch, CancellationToken ct);

    /// <summary>Rows validated already (the API's push, tests): one batch.</summary>
    public static NewcomerSource Of(IReadOnlyList<NewcomerRecord> records) => new Records(records);

    private sealed class Records(IReadOnlyList<NewcomerRecord> records) : NewcomerSource
    {
        public override async Task<IReadOnlyList<ImportProblem>> DeliverAsync(Func<IReadOnlyList<NewcomerRecord>, Task> batch, CancellationToken ct)
        {
            if (records.Count > 0) await batch(records);
            return [];
        }
    }
}
