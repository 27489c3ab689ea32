using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pnx.Hosting;

namespace Pnx.Tests.Web.Performance;

/// <summary>
/// Records the SQL commands EF Core sends to one test database (through EF's DiagnosticListener, so every query,
/// ExecuteUpdate and SaveChanges of the host and of its background audit writer is seen; other tests' databases are not).
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _allListeners;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<(string Text, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters)> _commands = new();

    public SqlCommandCounter(PnxSettings settings)
    {
        _database = settings.UsesPostgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(settings.PostgresConnectionString).Database!
            : settings.SqlitePath;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands sent since the last call with the values bound to them (to EXPLAIN them as they ran), in order.</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters)> Take()
    {
        var taken = new List<(string, IReadOnlyList<(string, object?, System.Data.DbType)>)>();
        while (_commands.TryDequeue(out var command)) taken.Add(command);
        return taken;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data) return;
        if (!IsOurs(data.Command.Connection)) return;
        _commands.Enqueue((data.Command.CommandText, data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType)).ToList()));
    }

    private bool IsOurs(DbConnection? connection) =>
        connection is not null && (connection.DataSource == _database || connection.Database == _database);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
