namespace Pnx.Data;

/// <summary>
/// An EF Core compiled query, compiled once per engine: a compiled query belongs to the model it was first run with, and one
/// process may open both engines (the benchmarks, a restore from one engine into the other).
/// </summary>
public sealed class PerEngine<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly TQuery?[] _compiled = new TQuery?[Enum.GetValues<DatabaseEngine>().Length];

    public TQuery For(PnxDb db)
    {
        var index = (int)db.Engine;
        return Volatile.Read(ref _compiled[index]) ?? Interlocked.CompareExchange(ref _compiled[index], compile(), null) ?? _compiled[index]!;
    }
}
