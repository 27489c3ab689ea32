using Pnx.Data;

namespace Pnx.Jobs;

/// <summary>
/// A job that runs once per Belgian day. It returns the lines it logs: counts and ids only, never personal data.
/// It gets its own database context and may open its own transaction.
/// </summary>
public sealed record DailyJob(string Name, Func<PnxDb, TimeProvider, CancellationToken, Task<IReadOnlyList<string>>> RunAsync);
