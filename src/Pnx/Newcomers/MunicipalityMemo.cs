using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>
/// What this process remembers about a municipality's current newcomers for a while, so that a list view need not read it
/// again: kept per database, municipality and <typeparamref name="TKey"/>, read back for at most its lifetime (which bounds
/// how long a change by another process goes unseen), and forgotten at once for every memo when this process's import
/// writes the municipality (<see cref="ForgetAll"/>, called by the import on commit).
/// </summary>
public sealed class MunicipalityMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<(string Database, int MunicipalityId, TKey Key), (long At, TValue Value)> _values = new();
    private readonly long _lifetimeMs;

    public MunicipalityMemo(TimeSpan lifetime)
    {
        _lifetimeMs = (long)lifetime.TotalMilliseconds;
        MunicipalityMemo.Register(Forget);
    }

    public bool TryGet(PnxDb db, int municipalityId, TKey key, out TValue value)
    {
        if (_values.TryGetValue((Database(db), municipalityId, key), out var kept) && Environment.TickCount64 - kept.At < _lifetimeMs)
        {
            value = kept.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(PnxDb db, int municipalityId, TKey key, TValue value) => _values[(Database(db), municipalityId, key)] = (Environment.TickCount64, value);

    public void Remove(PnxDb db, int municipalityId, TKey key) => _values.TryRemove((Database(db), municipalityId, key), out _);

    private void Forget(string database, IReadOnlySet<int> municipalityIds)
    {
        foreach (var key in _values.Keys.Where(k => k.Database == database && municipalityIds.Contains(k.MunicipalityId))) _values.TryRemove(key, out _);
    }

    private static string Database(PnxDb db) => MunicipalityMemo.Database(db);
}

/// <summary>Every <see cref="MunicipalityMemo{TKey, TValue}"/> of the process, to forget them together.</summary>
public static class MunicipalityMemo
{
    private static readonly ConcurrentBag<Action<string, IReadOnlySet<int>>> Memos = [];

    internal static void Register(Action<string, IReadOnlySet<int>> forget) => Memos.Add(forget);

    /// <summary>Called when newcomers of these municipalities were written by this process (an import, on commit).</summary>
    public static void ForgetAll(PnxDb db, IEnumerable<int> municipalityIds)
    {
        var database = Database(db);
        var ids = municipalityIds.ToHashSet();
        foreach (var forget in Memos) forget(database, ids);
    }

    /// <summary>Which database a context works on (several test databases share one process).</summary>
    internal static string Database(PnxDb db) => db.Database.GetConnectionString() ?? "";
}
